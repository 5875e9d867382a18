"""Machine-readable exports of the catalogue: JSON (versioned) and CSV for Excel and WPS.

The JSON layout is documented on the site's export page; bump ``SCHEMA_VERSION`` whenever a
field changes meaning or disappears (adding a field is compatible).
"""

from __future__ import annotations

import csv
import io
import json

from .model import CLASSIFICATIONS, Catalogue, Model
from .views import model_url

SCHEMA_VERSION = "1.0"
LIST_JOIN = "；"  # readable in a spreadsheet cell, and never part of a term


def model_record(c: Catalogue, m: Model, site_url: str = "") -> dict:
    place = c.places[m.place]
    return {
        "slug": m.slug,
        "url": site_url + model_url(m.slug),
        "title": m.title,
        "aliases": m.aliases,
        "kind": {"zh": m.kind, "en": c.term("kinds", m.kind).en},
        "place": {"id": place.id, "name": place.name, "en": place.en,
                  "path": [p.name for p in c.place_path(place.id)]},
        "dimensions": [{"zh": t, "en": c.term("dimensions", t).en} for t in m.dimensions],
        "themes": [{"zh": t, "en": c.term("themes", t).en} for t in m.themes],
        "problems": [{"zh": t, "en": c.term("problems", t).en} for t in m.problems],
        "summary": m.summary,
        "status": m.status,
        "since": m.since,
        "recognition": m.recognition,
        "related": m.related,
        # classification fields the editors assigned (the source does not state them); null: not said
        "editors_assigned": m.editors_assigned,
        "sources": [{"id": s.source, "citation": c.sources[s.source].citation(), "locator": s.locator}
                    for s in m.sources],
    }


def to_json(c: Catalogue, site_url: str = "") -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "name": "基层治理模式库",
        "models": [model_record(c, m, site_url) for m in c.published()],
        "sources": [{"id": s.id, "citation": s.citation(), "title": s.title, "publisher": s.publisher,
                     "published": s.published.isoformat(), "url": s.url} for s in c.sources.values()],
        "places": [{"id": p.id, "name": p.name, "en": p.en, "level": p.level, "parent": p.parent,
                    "unstated": list(p.unstated)}
                   for p in c.places.values()],
    }
    return _one_record_per_line(data)


def _one_record_per_line(data: dict) -> str:
    """JSON with each model, source and place on a line of its own: readable, and a changed model
    shows as one changed line. (Also quick: an indented dump takes the slow pure-Python encoder.)"""
    def value(v: object) -> str:
        if isinstance(v, list) and v:
            return "[\n" + ",\n".join("  " + json.dumps(x, ensure_ascii=False) for x in v) + "\n ]"
        return json.dumps(v, ensure_ascii=False)
    return "{\n" + ",\n".join(f" {json.dumps(k, ensure_ascii=False)}: {value(v)}" for k, v in data.items()) + "\n}\n"


CSV_COLUMNS = [
    ("slug", "标识"), ("title", "名称"), ("aliases", "别名"), ("kind", "类型"), ("place", "地点"),
    ("place_path", "所属地区"), ("dimensions", "五治维度"), ("themes", "主题"), ("problems", "问题"),
    ("summary", "概要"), ("status", "状态"), ("since", "起始年份"), ("recognition", "肯定与推介"),
    ("editors_assigned", "编者归类"), ("sources", "来源"), ("url", "网址"),
]


def to_csv(c: Catalogue, site_url: str = "") -> bytes:
    """UTF-8 with a BOM and CRLF rows: Excel and WPS then open Chinese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([f"{zh} {key}" for key, zh in CSV_COLUMNS])
    for m in c.published():
        rec = model_record(c, m, site_url)
        row = {
            "slug": m.slug, "title": m.title, "aliases": LIST_JOIN.join(m.aliases), "kind": m.kind,
            "place": rec["place"]["name"], "place_path": " > ".join(rec["place"]["path"]),
            "dimensions": LIST_JOIN.join(m.dimensions), "themes": LIST_JOIN.join(m.themes),
            "problems": LIST_JOIN.join(m.problems), "summary": m.summary, "status": m.status,
            "since": m.since or "", "recognition": LIST_JOIN.join(m.recognition),
            "editors_assigned": "" if m.editors_assigned is None else LIST_JOIN.join(
                CLASSIFICATIONS[f][0] for f in CLASSIFICATIONS if f in m.editors_assigned) or "无",
            "sources": LIST_JOIN.join(s["citation"] + (f"（{s['locator']}）" if s["locator"] else "")
                                      for s in rec["sources"]),
            "url": rec["url"],
        }
        writer.writerow([_safe_cell(str(row[key])) for key, _ in CSV_COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _safe_cell(value: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
