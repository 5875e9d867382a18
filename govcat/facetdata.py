"""The catalogue's filter data: every published model, small enough to filter in the reader's browser.

The catalogue is split over numbered pages (:mod:`govcat.paging`), but its filters search the whole
catalogue: when a reader picks a filter, ``docs/assets/javascripts/facets.js`` loads this data once
and shows the models that match, from any page. It is a script file (``data/catalogue-cards.js``),
not JSON: a script loads from ``file://`` in the offline bundle, where ``fetch()`` does not.

Each model is one row, with the terms and places as ids (space-separated, as in the exports) and
their labels once in a table, so that the data grows by about one card's text per model.
"""

from __future__ import annotations

import json

from .urls import model_url, place_url, term_url

GLOBAL = "gmCatalogueCards"  # the name facets.js reads the data from
FIELDS = ("slug", "title", "summary", "kinds", "places", "dimensions", "themes", "problems")  # a row, in order


def address(url: str, directory_urls: bool = True) -> str:
    """A directory URL (``models/x/``) as the built site writes it: ``models/x.html`` without directory URLs
    (the offline bundle)."""
    return url if directory_urls or not url.endswith("/") else url[:-1] + ".html"


def facet_data(cards: list[dict], directory_urls: bool = True) -> dict:
    """The filter data of ``cards`` (:meth:`govcat.views.Views.card` of each published model, in order)."""
    labels: dict[str, dict[str, str]] = {"kinds": {}, "problems": {}, "places": {}}
    rows = []
    for c in cards:
        ids = c["facet_ids"]
        labels["kinds"][c["kind"]["id"]] = c["kind"]["label"]
        for p in c["problems"]:
            labels["problems"][p["id"]] = p["label"]
        place = ids["places"].split()[-1]  # the model's own place, last of its path
        labels["places"][place] = c["place"]
        rows.append([c["slug"], c["title"], c["summary"] or "", *(ids[f] for f in FIELDS[3:])])
    return {
        "fields": list(FIELDS),
        "urls": {"model": address(model_url("{}"), directory_urls), "place": address(place_url("{}"), directory_urls),
                 "problem": address(term_url("problems", "{}"), directory_urls)},
        "labels": labels,
        "models": rows,
    }


def script(data: dict) -> str:
    """The data as a script that sets ``window.gmCatalogueCards`` (JSON is valid JavaScript)."""
    return f"window.{GLOBAL} = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"
