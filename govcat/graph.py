"""The link graph of the catalogue: related models, backlinks and same-place lists.

Related models are ranked through an inverted index (term -> models) rather than by comparing
every pair: each model reads the postings of its own terms, rarest first, up to a fixed budget,
so the cost per model does not grow with the catalogue. Everything is deterministic: ties are
broken by slug.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field

from .linker import Linker, explicit_links
from .model import Catalogue, Model

MAX_RELATED = 6
MAX_SAME_PLACE = 8
# How many postings one model may read when ranking its related models. Shared terms are read
# rarest first (a term few models share says most about how close they are), so the work per
# model stays bounded however large the catalogue grows, and common terms still count when the
# catalogue is small.
SCAN_LIMIT = 600
WEIGHTS = {"problems": 3, "themes": 2, "dimensions": 1, "kinds": 1, "place": 3, "parent": 1}


@dataclass
class Graph:
    related: dict[str, list[str]] = field(default_factory=dict)
    mentions: dict[str, list[str]] = field(default_factory=dict)  # slug -> slugs it mentions or links
    backlinks: dict[str, list[str]] = field(default_factory=dict)  # slug -> slugs mentioning it
    same_place: dict[str, list[str]] = field(default_factory=dict)  # the first MAX_SAME_PLACE others
    same_place_total: dict[str, int] = field(default_factory=dict)  # how many others there are
    linked_bodies: dict[str, str] = field(default_factory=dict)


def inverted_index(models: list[Model], catalogue: Catalogue) -> dict[tuple[str, str], list[str]]:
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in models:
        for term in m.terms():
            index[term].append(m.slug)
        index[("place", m.place)].append(m.slug)
        parent = catalogue.places[m.place].parent
        if parent:
            index[("parent", parent)].append(m.slug)
    return index


def rank_related(model: Model, index: dict, catalogue: Catalogue, limit: int = MAX_RELATED) -> list[str]:
    """Explicit ``related`` first, in the author's order, then by shared terms and place."""
    published = catalogue.models
    chosen = [s for s in model.related if s in published and not published[s].draft][:limit]
    scores: dict[str, float] = {}
    get = scores.get  # a plain dict and a bound get: the inner loop below runs ~600 times per model
    keys = [*model.terms(), ("place", model.place)]
    parent = catalogue.places[model.place].parent
    if parent:
        keys.append(("parent", parent))
    total = max(len(catalogue.models), 1)
    scanned = 0
    for key in sorted(set(keys), key=lambda k: (len(index.get(k, ())), k)):
        posting = index.get(key, ())
        if scanned and scanned + len(posting) > SCAN_LIMIT:
            break
        weight = WEIGHTS[key[0]] * math.log(1 + total / max(len(posting), 1))
        for slug in posting:
            scores[slug] = get(slug, 0.0) + weight
        scanned += len(posting)
    for slug in (model.slug, *chosen):
        scores.pop(slug, None)
    wanted = limit - len(chosen)
    if wanted <= 0 or not scores:
        return chosen
    # The few best, ties by slug: a heap, not a sort (in a large catalogue hundreds may tie)
    return chosen + [s for _, s in heapq.nsmallest(wanted, [(-v, s) for s, v in scores.items()])]


def build(catalogue: Catalogue) -> Graph:
    models = catalogue.published()
    graph = Graph()
    index = inverted_index(models, catalogue)
    names = {name: m.slug for m in models for name in m.names}
    linker = Linker.from_names(names)
    backlinks: dict[str, list[str]] = defaultdict(list)
    by_place: dict[str, list[str]] = defaultdict(list)
    for m in models:
        by_place[m.place].append(m.slug)
    for m in catalogue.models.values():  # drafts get links too, so their preview looks right
        body, mentioned = linker.link(m.body, m.slug)
        graph.linked_bodies[m.slug] = body
        if m.draft:
            continue
        targets = list(dict.fromkeys([*explicit_links(m.body), *mentioned]))
        targets = [t for t in targets if t != m.slug and t in catalogue.models and not catalogue.models[t].draft]
        graph.mentions[m.slug] = targets
        for t in targets:
            backlinks[t].append(m.slug)
        graph.related[m.slug] = rank_related(m, index, catalogue)
        here = by_place[m.place]  # listing every other model of a large place for each would be quadratic
        graph.same_place[m.slug] = [s for s in here[:MAX_SAME_PLACE + 1] if s != m.slug][:MAX_SAME_PLACE]
        graph.same_place_total[m.slug] = len(here) - 1
    graph.backlinks = {slug: sorted(v) for slug, v in backlinks.items()}
    return graph
