"""Data for the ``<!-- gm:NAME -->`` markers in hand-written pages (see hooks/markers.py), and their check.

An unknown marker is a problem like any other: reported with every other problem of the build, with
the file and line, before anything is built (a typo must not silently publish nothing).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .i18n import Localizer
from .model import Catalogue
from .problems import Problem, display_path, register
from .urls import place_url, term_url

MARKER = re.compile(r"^<!--\s*gm:([a-z-]+)\s*-->\s*$", re.M)


def _terms(c: Catalogue, loc: Localizer, vocabulary: str) -> dict:
    used = Counter(t for m in c.published() for t in m.terms())
    return {"terms": [{"label": loc.term(t), "url": term_url(vocabulary, t.id), "count": used[(vocabulary, t.zh)]}
                      for t in c.vocabulary[vocabulary].values() if used[(vocabulary, t.zh)]]}


def _places(c: Catalogue, loc: Localizer) -> dict:
    used = Counter(m.place for m in c.published())
    places = [p for p in c.places.values() if used[p.id] and p.level != "city"]
    return {"terms": [{"label": (p.short and not loc.english and p.short) or loc.place(p), "url": place_url(p.id),
                       "count": used[p.id]} for p in places]}


def _counts(c: Catalogue, loc: Localizer) -> dict:
    models = c.published()
    return {"models": len(models), "places": len({m.place for m in models}), "sources": len(c.sources)}


MARKERS: dict[str, Callable[[Catalogue, Localizer], dict]] = {
    "problems": lambda c, loc: _terms(c, loc, "problems"),
    "dimensions": lambda c, loc: _terms(c, loc, "dimensions"),
    "themes": lambda c, loc: _terms(c, loc, "themes"),
    "places": _places,
    "counts": _counts,
    "contributing": lambda c, loc: {},  # the link to CONTRIBUTING.md in the repository the site is built from
}


register({
    "unknown-marker": (
        "未知标记 gm:{value}；可用：{allowed}。",
        "Unknown marker gm:{value}; known markers: {allowed}.",
        "改成上面列出的标记之一，或删除这一行。",
        "Use one of the markers listed, or delete the line.",
    ),
})


def check(path: str, text: str) -> list[Problem]:
    """Every unknown ``<!-- gm:NAME -->`` marker of one page, with its line."""
    return [Problem(path, "unknown-marker", text.count("\n", 0, m.start()) + 1, None,
                    {"value": m.group(1), "allowed": ", ".join(MARKERS)})
            for m in MARKER.finditer(text) if m.group(1) not in MARKERS]


def check_pages(docs_dir: Path, root: Path | None = None) -> list[Problem]:
    """The markers of every page under ``docs_dir``."""
    problems = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        if "gm:" in text:
            problems.extend(check(display_path(path, root), text))
    return problems
