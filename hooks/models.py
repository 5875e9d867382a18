"""Model pages: the body (mention links, citations), header card and related blocks.

The body comes from the catalogue (:meth:`govcat.views.Views.body`), in every language. The header
card and 相关模式 / 提及本页 / 同地区 go in after search has indexed the page, so other models' names
never make duplicate hits; the model's own names, places, problems and themes are indexed as its
keywords instead (so a place or problem word finds the model).
"""

from __future__ import annotations

import order
import render
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild


def _model(build: SiteBuild, page: Page):
    src = page.file.src_uri
    if not src.startswith("models/") or src.count("/") != 1:
        return None
    return build.catalogue.models.get(src.removeprefix("models/").removesuffix(".md"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    build = SiteBuild.of(config)
    model = _model(build, page)
    if model is None:
        return markdown
    views = build.views
    page.meta["description"] = build.loc.summary(model)
    page.meta["tags"] = build.loc.texts(views.keywords(model))  # indexed, not shown
    translation = model.translations.get(build.loc.lang)
    if translation is not None:
        page.meta["title"] = translation.title
    return views.body(model)


@order.at("models.on_page_context")
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    build = SiteBuild.of(config)
    model = _model(build, page)
    if model is not None:
        header = render.render(config, "gm/model-header.html", page, model=build.views.header(model))
        footer = render.render(config, "gm/model-footer.html", page, **build.views.footer(model))
        page.content = header + page.content + footer
    return context
