"""What the search engine knows beyond the page text: its custom dictionary and each model's keywords.

- The jieba dictionary keeps names whole (五民一体, 和事佬调解室 stay one term).
- A model's keywords (indexed, never shown) make a reader's partial or everyday words find it:
  every contiguous part of two characters or more of its names, its place with the places above it,
  its problems and themes, and the words readers use for any of these (data/synonyms.yml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Catalogue, Model, Place, Synonym

FREQUENCY = 100000
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def words(c: Catalogue) -> list[str]:
    found: dict[str, None] = {}
    for m in c.published():
        for name in m.names:
            found.setdefault(name)
    for p in c.places.values():
        found.setdefault(p.name)
        if p.short:
            found.setdefault(p.short)
    for terms in c.vocabulary.values():
        for t in terms.values():
            found.setdefault(t.zh)
    # jieba splits its dictionary lines on whitespace: a name with a space cannot be one entry
    return [w for w in found if w and not any(ch.isspace() for ch in w)]


def jieba_userdict(c: Catalogue) -> str:
    return "".join(f"{w} {FREQUENCY}\n" for w in words(c))


def parts(text: str) -> list[str]:
    """Every contiguous run of two or more Chinese characters inside ``text``, longest first.

    A reader types the part of a name they remember (暖心 for 暖心房, 康王 for 康王乡); the index
    holds each part as a word of its own, so the query needs no segmentation to match. Punctuation
    and Latin letters end a run: “和事佬”调解室 gives 和事佬 and 调解室 and their parts.
    """
    found: dict[str, None] = {}
    for run in HAN_RUN.findall(text):
        for size in range(len(run), 1, -1):
            for start in range(len(run) - size + 1):
                found.setdefault(run[start:start + size])
    return list(found)


def keywords(names: list[str]) -> list[str]:
    """Search keywords of names: the names, the words inside them (jieba's search mode: 红色, 驿站) and
    every part of two characters or more of their Chinese runs."""
    import jieba

    found: dict[str, None] = {}
    for name in names:
        found.setdefault(name)
        for word in jieba.cut_for_search(name):
            if len(word) >= 2 and any(ch.isalnum() for ch in word):
                found.setdefault(word)
        for part in parts(name):
            found.setdefault(part)
    return list(found)


def model_texts(m: Model, places: dict[str, Place]) -> list[str]:
    """The Simplified texts a model is known by: names, its place and the places above it, problems,
    themes and summary. Synonym terms are looked for here, never in the body: a word a page merely
    mentions must not bring every reader's everyday word to it."""
    texts = [*m.names, *m.problems, *m.themes, m.summary]
    current: str | None = m.place
    while current is not None and current in places:
        place = places[current]
        texts += [place.name, *([place.short] if place.short else [])]
        current = place.parent
    return texts


def catalogue_text(models: Iterable[Model], places: dict[str, Place]) -> str:
    """Every published model's :func:`model_texts`, one per line: where a synonym term must occur."""
    return "\n".join(t for m in models if not m.draft for t in model_texts(m, places))


def synonyms_of(m: Model, c: Catalogue, english: bool = False) -> list[str]:
    """The words readers use for the model's own words (and, in Chinese, the registered word itself),
    or (``english``) English words,
    each word of a phrase separately (the English index holds single words: "organized crime" is found
    through "organized" and "crime")."""
    text = "\n".join(model_texts(m, c.places))
    found: dict[str, None] = {}
    for s in c.synonyms:
        if s.term not in text:
            continue
        for word in _words(s, english):
            found.setdefault(word)
    return list(found)


def _words(s: Synonym, english: bool) -> list[str]:
    if not english:  # the term too: a summary's word may sit inside a longer word of the page's text
        return [s.term, *s.words]
    return [w.lower() for phrase in s.en for w in WORD.findall(phrase)]


KEYWORDS = "keywords"  # the index field of a page's keywords: searched, never shown


def compact_index(index: dict) -> dict:
    """The theme's search index with a page's keywords searched but never shown, once per page.

    The theme indexes ``page.meta.tags`` and shows every tag under the result's title: a hundred
    keywords a model would fill the result list. They move to a field of their own (the theme's worker
    indexes every field of ``config.fields`` with its boost, and shows only ``tags``), on the page's
    own entry only: the theme copies a page's tags onto every section of it, and results are grouped
    by page anyway.
    """
    fields = index.get("config", {}).get("fields", {})
    if "tags" in fields:
        fields[KEYWORDS] = fields.pop("tags")
    for doc in index.get("docs", []):
        tags = doc.pop("tags", None)
        if tags and "#" not in doc.get("location", ""):
            doc[KEYWORDS] = tags
    return index
