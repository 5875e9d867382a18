"""Model pages: mention links and citations in the Markdown, header card, related blocks.

The header card goes in before search indexes the page (so a place or problem word finds the
model); 相关模式 / 提及本页 / 同地区 go in after it (so they never make duplicate hits).
"""

from __future__ import annotations

import render
import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from govcat import views


def _model(page: Page):
    src = page.file.src_uri
    if not src.startswith("models/") or src.count("/") != 1:
        return None
    return state.get().models.get(src.removeprefix("models/").removesuffix(".md"))


def on_page_markdown(markdown: str, page: Page, **_) -> str:
    model = _model(page)
    if model is None:
        return markdown
    page.meta["description"] = model.summary
    body = state.graph.linked_bodies.get(model.slug, markdown)
    return views.add_citations(state.get(), model, body)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_) -> str:
    model = _model(page)
    if model is None:
        return html
    card = render.render(config, "partials/model-header.html", page, model=views.header(state.get(), model))
    return card + html


@event_priority(-50)  # after the search plugin indexed page.content
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    model = _model(page)
    if model is not None:
        data = views.footer(state.get(), state.graph, model)
        page.content += render.render(config, "partials/model-footer.html", page, **data)
    return context
