"""Render HTML fragments from the templates in ``overrides/partials/`` for the hook modules.

Uses the theme's own Jinja loader and the ``url`` filter, so links come out relative to the
page being built, with autoescaping on (the theme's environment has it off). Templates get
``t()`` for interface text in the build's language; the result is converted for zh-Hant.

A model's card looks the same on every page at one folder depth, and appears on many (lists,
related blocks), so each is rendered, and converted, once per build and depth; ``cards_html()``
joins them in one call. In a converted language the finished cards are held out of the page's
conversion and put back after it: a card begins and ends with a tag, so converting it on its own
gives the same text as converting it inside the page.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import state
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_env: dict = {}
_cards: dict = {}  # (build, base_url, slug, facets) -> HTML of one card, converted for zh-Hant
_HELD = re.compile("\x1a([0-9]+)\x1a")  # where held-out cards go back; the converter leaves it as it is


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
    build = id(state.views)
    held: list[str] = []  # converted languages: finished cards, put back after the page is converted

    def card(c: dict, facets: bool) -> str:
        key = (build, base_url, c["slug"], facets)
        html = _cards.get(key)
        if html is None:
            if len(_cards) > 50_000 or (_cards and next(iter(_cards))[0] != build):
                _cards.clear()  # a new build, or a very large one: start afresh
            html = _cards[key] = state.text(env.get_template("partials/gm-card.html").render(
                c=c, facets=facets, base_url=base_url, t=state.localizer.t))
        return html

    def cards_html(cards: list[dict], facets: bool = False) -> Markup:
        """The cards of a list, one after another (one call from the template, not one per card)."""
        html = "".join([card(c, facets) for c in cards])
        if state.convert is None:
            return Markup(html)
        held.append(html)
        return Markup(f"\x1a{len(held) - 1}\x1a")

    def card_html(c: dict, facets: bool = False) -> Markup:
        """One model's card."""
        return cards_html([c], facets)

    html = state.text(env.get_template(template).render(
        page=page, base_url=base_url, config=config, t=state.localizer.t, lang=state.language.code,
        card_html=card_html, cards_html=cards_html, **data))
    return _HELD.sub(lambda m: held[int(m.group(1))], html) if held else html


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
