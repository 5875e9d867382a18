"""The site's search index as Pagefind builds it: one small HTML document per page, made from the
theme's own index of the language, then split into chunks by Pagefind.

The theme's search plugin already extracts what a page says (its title, and each section under its
heading, with the search dictionary's segmentation). Each page becomes one document for Pagefind:

- the page's title as its heading (Pagefind weighs a heading above the text under it);
- each section under a heading whose id is the section's anchor, so a result can lead to the section;
- the page's keywords (:mod:`govcat.searchdict`: parts of names and places, readers' own words) under
  a heading of their own, :data:`KEYWORDS`, weighted between title and text; the search worker never
  shows that part (``docs/assets/javascripts/search-worker.js``);
- the page's summary as metadata, shown under its title in the results.

Pagefind runs as a program of its own (the ``pagefind-bin-extended`` package ships it); :func:`write` runs it.
"""

from __future__ import annotations

import gzip
import html
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

KEYWORDS = "gm-keywords"  # the anchor of a page's keywords in its document: searched, never shown
KEYWORD_WEIGHT = 3.0  # Pagefind's scale: body text 1, a <h2> 6 and an <h1> 7 (its defaults); the title 10 (TITLE_WEIGHT)
TITLE_WEIGHT = 10.0
# What the search worker loads; Pagefind's own user interfaces are not used and not published.
BUNDLE = ("pagefind.js", "pagefind-entry.json", "index", "fragment")
BUNDLE_SUFFIXES = (".pf_meta", ".pagefind")


@dataclass(frozen=True)
class Document:
    url: str  # the page's address below the language's site, as the theme's index writes it ("models/x/")
    html: str


def language(code: str) -> str:
    """The language Pagefind is told for a build's language ``code``. English keeps its own (its words
    are stemmed). Chinese is given as undetermined language in Han script (``und-Hans``, ``und-Hant``):
    told "zh", Pagefind splits the index's words again with its own dictionary and splits every query
    with the browser's (in Chromium often into single characters), and the two rarely agree; so the
    words stay those the theme's segmentation and :mod:`govcat.searchdict` made, and the search worker
    matches a query against them whole, then character by character."""
    if code.startswith("zh"):
        return "und-Hant" if code.startswith("zh-Hant") else "und-Hans"
    return code


WORD_BREAK = "\u200b"  # between the words the theme's segmentation found


def _words(text: str) -> str:
    """The theme's zero-width word breaks as spaces: Pagefind takes a zero-width space for part of a
    word (a whole sentence would be one word), a space for a word break. The search worker takes the
    spaces between Chinese characters out again before it shows an excerpt."""
    return text.replace(WORD_BREAK, " ")


def documents(index: dict, summaries: dict[str, str] | None = None) -> list[Document]:
    """One :class:`Document` per page of the theme's index ``{"docs": [...]}`` (after
    :func:`govcat.searchdict.compact_index`: a page's keywords on its own entry). ``summaries``: page
    address -> the summary shown under its title."""
    summaries = summaries or {}
    pages: dict[str, list[dict]] = {}
    for doc in index.get("docs", []):
        pages.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    out = []
    for url, docs in pages.items():
        parts: list[str] = []
        keywords: list[str] = []
        for doc in docs:
            anchor = doc["location"].partition("#")[2]
            title, text = _words(doc.get("title", "")), _words(doc.get("text", ""))
            if anchor:
                parts.append(f'<h2 id="{html.escape(anchor)}">{title}</h2>{text}')
            else:
                parts.insert(0, f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{title}</h1>{text}')
                keywords = list(doc.get("keywords") or [])
        if keywords:
            words = " ".join(html.escape(k) for k in keywords)
            # a heading of its own (Pagefind starts a section only at a heading with text: "·" is no word)
            parts.append(f'<h2 id="{KEYWORDS}">·</h2><p data-pagefind-weight="{KEYWORD_WEIGHT}">{words}</p>')
        summary = summaries.get(url)
        meta = f'<meta data-pagefind-meta="summary[content]" content="{html.escape(summary)}">' if summary else ""
        out.append(Document(url, f"<html><head>{meta}</head><body>{''.join(parts)}</body></html>"))
    return out


def _pagefind() -> str:
    from pagefind_bin_extended import get_executable

    return str(get_executable())


def write(docs: list[Document], language: str, out: Path) -> None:
    """Pagefind's index of ``docs`` in ``language`` (see :func:`language`), written to the folder
    ``out``, with only the files the search worker loads."""
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for doc in docs:
            path = folder / doc.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(doc.html, encoding="utf-8")
        # the program once for the folder (its service mode answers each page after a pause of its own)
        done = subprocess.run([_pagefind(), "--site", str(folder), "--output-path", str(out),
                               "--force-language", language], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"Pagefind failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    for path in out.iterdir():
        if path.name not in BUNDLE and not path.name.endswith(BUNDLE_SUFFIXES):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what a Pagefind file starts with, once decompressed


def fragments(out: Path) -> list[dict]:
    """Every page as the index ``out`` stores it to show in results (url, title, content, excerpts'
    text): for checks of what a reader can find and see."""
    found = []
    for path in sorted((out / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(FRAGMENT_SIGNATURE):
            raise ValueError(f"{path}: not a Pagefind fragment")
        found.append(json.loads(data[len(FRAGMENT_SIGNATURE):]))
    return found


def settings_only(index: dict) -> dict:
    """The theme's index without its documents: what the page's script still reads (the language's
    word separator, to highlight a query on the page a result opens). The documents are in Pagefind's
    chunks."""
    return {"config": index.get("config", {}), "docs": []}
