"""One rendering of the navigation, and of the theme's other page-independent parts, per folder.

The theme draws the whole navigation on every page, marking the current page's place in it. A
page outside the navigation (every model page, most generated pages) has no place to mark and no
previous/next links, so its navigation, footer, styles and scripts differ from another such
page's only in the relative links, which depend on the folder the page is in. Such pages get
``gm_nav_key`` (that folder): ``overrides/partials/nav.html`` and the ``gm_shared`` blocks of
``overrides/main.html`` render those parts for the first page of each folder and reuse them for
the rest. On a model page that is most of the theme's work besides the page's own content.
"""

from __future__ import annotations

import posixpath

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def on_env(env, **_):
    env.globals["gm_nav_cache"] = {}  # per build: each build (and language) has its own environment
    return env


def on_page_context(context, page: Page, nav: Navigation, **_):
    in_nav = page.parent is not None or any(p is page for p in nav.pages)
    if not in_nav and not page.meta.get("hide"):  # hidden parts: as the page asks, not shared
        context["gm_nav_key"] = posixpath.dirname(page.url.rstrip("/"))
    return context
