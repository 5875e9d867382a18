"""The "print all cards" page: every published model as a practice card, one per printed sheet.

A trainer prints it once for a session. Each card holds what the model page's header card
holds (title, summary, kind, place, dimensions, themes, problems, status) plus the full source
citations and the page's address, so a printed card can be traced back. The bodies stay on the
model pages: they are Markdown, and a card is meant to be short.
"""

from __future__ import annotations

from typing import Protocol

from .i18n import Localizer
from .model import Catalogue, Model
from .pagespec import PageSpec


class CardSource(Protocol):
    """What the print page needs of :class:`govcat.views.Views` (which imports this module)."""

    c: Catalogue
    loc: Localizer

    def header(self, m: Model) -> dict: ...

    def t(self, text: str, **params) -> str: ...


def card(v: CardSource, m: Model) -> dict:
    cites = []
    for s in m.sources:
        citation = v.c.sources[s.source].citation()
        cites.append(citation + (f"（{s.locator}）" if s.locator else ""))
    return {**v.header(m), "citations": cites}


def print_page(v: CardSource) -> PageSpec:
    """One page per language (print.md), listed nowhere in the navigation; linked from the catalogue."""
    models = v.c.published()
    return PageSpec(
        "print.md", v.t("打印卡片"),
        v.t("全部 {n} 个模式的实践卡片，每个模式一页，供培训时打印。", n=len(models)),
        "print", {"cards": [card(v, m) for m in models]},
        intro=v.t("用浏览器的“打印”功能打印本页：每个模式印成一页 A4 卡片，卡片上有来源和网址。"),
        edit="docs/models/")
