"""Data for the ``<!-- gm:NAME -->`` markers in hand-written pages (see hooks/markers.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .i18n import Localizer
from .model import Catalogue
from .views import place_url, term_url


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
