"""Long lists split over numbered pages, so that no generated page grows with the catalogue.

A list page (the catalogue, a term, a place, the sources of a source, the 待完善 table, the print
cards) shows at most a fixed number of items; the rest follow on pages ``<page>/page/2/``,
``<page>/page/3/`` … with a pager of plain links, so that a reader without JavaScript reaches every
model. Page 1 keeps its address, so links to it never break. A page holding several lists one after
the other (a place: its own models, then those of the places below it) is split as one sequence.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from .pagespec import PageSpec
from .urls import directory_url

PER_PAGE = 50  # cards on a phone-sized page: about 400 elements, the rest of the page about as many again
ROWS_PER_PAGE = 100  # rows of the maintainers' table (a row is a few short cells)
PRINT_PER_PAGE = 100  # print cards per page: one print job of at most 100 sheets
WINDOW = 2  # pager: the pages this far either side of the current one, plus the first and the last


def page_uri(src_uri: str, number: int) -> str:
    """Where page ``number`` of the list at ``src_uri`` lives: page 1 is the page itself."""
    if number == 1:
        return src_uri
    stem = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/page/{number}.md"


def numbers(current: int, count: int, window: int = WINDOW) -> list[int | None]:
    """The page numbers a pager shows: all when there are few, else the first, the last and those near
    ``current``; ``None`` where numbers are left out (shown as …)."""
    shown = {1, count, *range(max(1, current - window), min(count, current + window) + 1)}
    if count <= 2 * window + 5:  # as many links as the windowed pager would show: show every page
        shown = set(range(1, count + 1))
    shown |= {n + 1 for n in shown if n + 2 in shown}  # a gap of one page shows that page, not …
    out: list[int | None] = []
    for n in sorted(shown):
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


def pager(src_uri: str, current: int, count: int, first: int, last: int, total: int) -> dict:
    """The pager of page ``current`` of ``count``: addresses are site-relative directory URLs."""
    def url(n: int) -> str:
        return directory_url(page_uri(src_uri, n))

    return {
        "number": current, "count": count, "first": first, "last": last, "total": total,
        "prev": url(current - 1) if current > 1 else None,
        "next": url(current + 1) if current < count else None,
        "items": [{"gap": True} if n is None else {"number": n, "url": url(n), "current": n == current}
                  for n in numbers(current, count)],
    }


def paginate(spec: PageSpec, keys: tuple[str, ...], per_page: int = PER_PAGE,
             title: Callable[[str, int], str] | None = None) -> list[PageSpec]:
    """``spec`` split into pages of at most ``per_page`` items of the lists ``spec.data[key]`` for
    each key, taken one after the other. Every page gets ``totals`` (each list's full length) and
    ``pager``; pages after the first are titled by ``title(title, number)``, have no intro, and stay
    out of the navigation and out of the search index (page 1 is indexed already)."""
    items = [(key, item) for key in keys for item in spec.data[key]]
    totals = {key: len(spec.data[key]) for key in keys}
    count = max(1, math.ceil(len(items) / per_page))
    pages = []
    for number in range(1, count + 1):
        chunk = items[(number - 1) * per_page: number * per_page]
        data = {**spec.data, **{key: [item for k, item in chunk if k == key] for key in keys},
                "totals": totals,
                "pager": pager(spec.src_uri, number, count, (number - 1) * per_page + 1 if chunk else 0,
                               (number - 1) * per_page + len(chunk), len(items))}
        if number == 1:
            pages.append(replace(spec, data=data))
            continue
        label = title(spec.title, number) if title else f"{spec.title} ({number})"
        # no intro: it is page 1's, and its Markdown links are relative to page 1's address
        pages.append(replace(spec, src_uri=page_uri(spec.src_uri, number), title=label, data=data, in_nav=False,
                             intro="", meta={**spec.meta, "search": {"exclude": True}}))
    return pages
