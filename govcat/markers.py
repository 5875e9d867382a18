"""Data for the ``<!-- gm:NAME -->`` markers in hand-written pages (see hooks/markers.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .model import Catalogue
from .views import place_url, term_url


def _terms(c: Catalogue, vocabulary: str) -> dict:
    used = Counter(t for m in c.published() for t in m.terms())
    return {"terms": [{"label": t.zh, "url": term_url(vocabulary, t.id), "count": used[(vocabulary, t.zh)],
                       "description": t.description}
                      for t in c.vocabulary[vocabulary].values() if used[(vocabulary, t.zh)]]}


def _places(c: Catalogue) -> dict:
    used = Counter(m.place for m in c.published())
    places = [p for p in c.places.values() if used[p.id] and p.level in ("township", "office", "community", "village")]
    return {"terms": [{"label": p.name, "url": place_url(p.id), "count": used[p.id], "description": p.level_zh}
                      for p in places]}


def _counts(c: Catalogue) -> dict:
    models = c.published()
    return {"models": len(models), "places": len({m.place for m in models}), "sources": len(c.sources)}


MARKERS: dict[str, Callable[[Catalogue], dict]] = {
    "problems": lambda c: _terms(c, "problems"),
    "dimensions": lambda c: _terms(c, "dimensions"),
    "themes": lambda c: _terms(c, "themes"),
    "places": _places,
    "counts": _counts,
}
