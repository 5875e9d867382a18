"""A Content-Security-Policy on every page: a thin adapter over :mod:`govcat.csp`.

Runs last on each finished page (and on the 404 page, a template without a Page), so the hashes
cover the inline scripts exactly as they are written out. In the offline bundle the policy also
covers the iframe-worker shim that runs search from ``file://`` (hooks/offline.py ships it).
"""

from __future__ import annotations

import order
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from offline import SHIM_SOURCE, enabled
from sitebuild import SiteBuild

from govcat import csp


def _shim(config: MkDocsConfig) -> str | None:
    """The shim's source in an offline build (read once per build), None on the web."""
    build = SiteBuild.of(config)
    if build.worker_shim is None and enabled(config):
        build.worker_shim = (build.root / SHIM_SOURCE).read_text(encoding="utf-8")
    return build.worker_shim


@order.at("csp.on_post_page")
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return csp.apply(output, worker_shim=_shim(config))


@order.at("csp.on_post_template")
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return csp.apply(output, worker_shim=_shim(config)) if template_name.endswith(".html") else output
