"""Model pages: mention links and citations in the Markdown, header card, related blocks.

The header card and 相关模式 / 提及本页 / 同地区 go in after search has indexed the page, so
other models' names never make duplicate hits; the model's own names, places, problems and
themes are indexed as its keywords instead (so a place or problem word finds the model).
"""

from __future__ import annotations

import render
import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from govcat import searchdict, views
from govcat.linker import Linker


def _model(page: Page):
    src = page.file.src_uri
    if not src.startswith("models/") or src.count("/") != 1:
        return None
    return state.get().models.get(src.removeprefix("models/").removesuffix(".md"))


def on_page_markdown(markdown: str, page: Page, **_) -> str:
    model = _model(page)
    if model is None:
        return markdown
    loc = state.localizer
    page.meta["description"] = loc.summary(model)
    words = _keywords(model)
    page.meta["tags"] = state.convert.each(words) if state.convert else words  # indexed, not shown
    translation = model.translations.get(loc.lang)
    if translation is not None:
        page.meta["title"] = translation.title
        body, _ = _english_linker().link(markdown, model.slug)
        return views.add_citations(state.get(), model, body, lang=loc.lang)
    body = state.graph.linked_bodies.get(model.slug, markdown)
    return views.add_citations(state.get(), model, body)


_linkers: dict[int, Linker] = {}


def _english_linker() -> Linker:
    """English titles of translated models, and the Chinese names for quoted originals."""
    key = id(state.graph)  # one linker per build
    if key not in _linkers:
        _linkers.clear()
        models = state.get().published()
        names = {n: m.slug for m in models for n in m.names}
        names.update({state.localizer.title(m): m.slug for m in models})
        _linkers[key] = Linker.from_names(names)
    return _linkers[key]


def _keywords(model) -> list[str]:
    loc, c = state.localizer, state.get()
    names = [*model.names, loc.title(model)] if loc.english else model.names
    words = searchdict.keywords(names)
    words += [loc.place(p) for p in c.place_path(model.place)[1:]]
    words += [loc.term(c.term(v, zh)) for v, zh in model.terms() if v in ("problems", "themes")]
    return list(dict.fromkeys(words))


@event_priority(-50)  # after the search plugin indexed page.content
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    model = _model(page)
    if model is not None:
        header = render.render(config, "partials/model-header.html", page, model=state.views.header(model))
        footer = render.render(config, "partials/model-footer.html", page, **state.views.footer(model))
        page.content = header + page.content + footer
    return context
