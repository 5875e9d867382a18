"""Render HTML fragments from the templates in ``overrides/partials/`` for the hook modules.

Uses the theme's own Jinja loader and the ``url`` filter, so links come out relative to the
page being built, with autoescaping on (the theme's environment has it off). Templates get
``t()`` for interface text in the build's language; the result is converted for zh-Hant.
"""

from __future__ import annotations

from urllib.parse import quote

import state
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_env: dict = {}
_cards: dict = {}  # (build, base_url, slug, facets) -> HTML of one card


def _environment(config: MkDocsConfig):
    key = id(config.theme)
    if key not in _env:
        _env.clear()
        env = config.theme.get_env()
        env.autoescape = True
        _env[key] = env
    return _env[key]


def render(config: MkDocsConfig, template: str, page: Page, **data) -> str:
    env = _environment(config)
    base_url = get_relative_url(".", page.url)

    def card_html(card: dict, facets: bool = False) -> Markup:
        """A model's card: the same for every page at one folder depth, so rendered once."""
        key = (id(state.views), base_url, card["slug"], facets)
        if key not in _cards:
            if len(_cards) > 50_000 or (_cards and next(iter(_cards))[0] != key[0]):
                _cards.clear()  # a new build, or a very large one: start afresh
            _cards[key] = env.get_template("partials/gm-card.html").render(
                c=card, facets=facets, base_url=base_url, t=state.localizer.t)
        return Markup(_cards[key])

    html = env.get_template(template).render(
        page=page, base_url=base_url, config=config, t=state.localizer.t, lang=state.language.code,
        card_html=card_html, **data)
    return state.text(html)


def edit_url(config: MkDocsConfig, repo_path: str) -> str | None:
    """The link that opens ``repo_path`` (a file, or a folder ending in /) on the code host."""
    if not config.repo_url:
        return None
    verb = "tree" if repo_path.endswith("/") else "edit"
    return f"{config.repo_url.rstrip('/')}/{verb}/main/{repo_path}"


def new_file_url(config: MkDocsConfig, repo_path: str) -> str | None:
    """The link that starts a new file at ``repo_path`` on the code host (to add a translation)."""
    if not config.repo_url:
        return None
    folder, _, name = repo_path.rpartition("/")
    return f"{config.repo_url.rstrip('/')}/new/main/{folder}?filename={quote(name)}"
