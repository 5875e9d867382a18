"""An Atom feed of new and changed models, per language, from git history.

A feed reader (or a trainer's e-mail digest) shows which models were added and which were
corrected. Each entry is one model page: its title, summary, what changed (added / updated) and
when, from the same git history that dates the pages. Without history (a copied folder, an
archive) the feed still builds: its subtitle says that its dates are the build date and that it
cannot tell new pages from changed ones, and its entries carry no change kind.

Atom is a small fixed vocabulary; the standard library's ElementTree writes it with correct
escaping, so no feed library is needed.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_ENTRIES = 50  # a feed lists what changed lately, not the whole catalogue


@dataclass(frozen=True)
class Entry:
    url: str  # absolute: the entry's id and link
    title: str
    summary: str
    date: dt.date  # last change, or the build date without history
    change: str | None = None  # "added", "updated", or None when history does not say


@dataclass(frozen=True)
class Labels:
    """Interface text of one language (already converted for zh-Hant)."""

    feed_title: str
    added: str
    updated: str
    no_history: str  # the subtitle of a feed without history


def latest(entries: list[Entry], limit: int = MAX_ENTRIES) -> list[Entry]:
    """Newest first; among equal dates in a fixed order (by address), so builds are reproducible."""
    return sorted(entries, key=lambda e: (-e.date.toordinal(), e.url))[:limit]


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(entries: list[Entry], *, labels: Labels, feed_url: str, home_url: str, lang: str, author: str,
         built: dt.date, from_history: bool) -> str:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(root, "id", feed_url)
    sub(root, "title", labels.feed_title)
    if not from_history:
        sub(root, "subtitle", labels.no_history)
    sub(root, "updated", _stamp(max((e.date for e in entries), default=built)))
    sub(root, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(root, "link", rel="alternate", type="text/html", href=home_url)
    sub(sub(root, "author"), "name", author)
    for e in latest(entries):
        entry = sub(root, "entry")
        label = {"added": labels.added, "updated": labels.updated}.get(e.change or "")
        sub(entry, "id", e.url)
        sub(entry, "title", f"{label}：{e.title}" if label and lang.startswith("zh") else
            f"{label}: {e.title}" if label else e.title)
        sub(entry, "link", rel="alternate", type="text/html", href=e.url)
        sub(entry, "updated", _stamp(e.date))
        if e.change == "added":
            sub(entry, "published", _stamp(e.date))
        if label:
            sub(entry, "category", term=e.change, label=label)
        sub(entry, "summary", e.summary)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
