"""Render HTML fragments from the project's own templates in ``overrides/gm/`` for the hook modules.

Uses the theme's own Jinja loader and the ``url`` filter, so links come out relative to the page
being built, with autoescaping on (the theme's environment has it off). Templates get ``t()`` for
interface text in the build's language. Their data is in the reader's text before they render it
(:meth:`SiteBuild.text`, the one conversion): nothing is converted after rendering.

A model's card looks the same on every page at one folder depth, and appears on many (lists,
related blocks), so each is rendered once per build and depth; ``cards_html()`` joins them in one
call from the template.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild

from govcat import urls

CARD = "gm/card.html"


class Renderer:
    """The theme's environment with autoescaping, and the cards rendered so far, for one build."""

    def __init__(self, config: MkDocsConfig, build: SiteBuild):
        self.env = config.theme.get_env()
        self.env.autoescape = True
        self.build = build
        self.cards: dict[tuple[str, str, bool], str] = {}  # (base_url, slug, facets) -> HTML of one card

    def t(self, text: str, **params) -> str:
        """Interface text in the reader's language; the parameters (already the reader's) fill it after."""
        out = self.build.text(self.build.loc.t(text))
        return out.format(**params) if params else out

    def card(self, c: dict, facets: bool, base_url: str) -> str:
        key = (base_url, c["slug"], facets)
        html = self.cards.get(key)
        if html is None:
            html = self.cards[key] = self.env.get_template(CARD).render(c=c, facets=facets, base_url=base_url, t=self.t)
        return html

    def render(self, config: MkDocsConfig, template: str, page: Page, **data) -> str:
        base_url = urls.relative_url(".", page.url)
        data = self.build.text(data)  # the reader's text, before rendering

        def cards_html(cards: list[dict], facets: bool = False) -> Markup:
            """The cards of a list, one after another (one call from the template, not one per card)."""
            return Markup("".join([self.card(c, facets, base_url) for c in cards]))

        def card_html(c: dict, facets: bool = False) -> Markup:
            """One model's card."""
            return cards_html([c], facets)

        return self.env.get_template(template).render(
            page=page, base_url=base_url, config=config, t=self.t, lang=self.build.language.code,
            card_html=card_html, cards_html=cards_html, **data)


def render(config: MkDocsConfig, template: str, page: Page, **data) -> str:
    build = SiteBuild.of(config)
    if build.renderer is None:
        build.renderer = Renderer(config, build)
    return build.renderer.render(config, template, page, **data)


def edit_url(config: MkDocsConfig, repo_path: str) -> str | None:
    return urls.edit_url(config.repo_url, repo_path)


def new_file_url(config: MkDocsConfig, repo_path: str) -> str | None:
    return urls.new_file_url(config.repo_url, repo_path)
