"""Languages: English strings and labels, Simplified → Traditional conversion, language alternates.

Simplified Chinese is the source. Traditional Chinese is never written by hand: it is converted
at build time with OpenCC's ``s2tw`` profile (``s2twp`` would turn 社区 into 社群; ``s2t`` gives
羣 where readers write 群), and a small glossary pins the forms a general converter gets wrong (in some
contexts), e.g. 牆鐘, 合併請求. Known wrong forms are listed in ``data/zh-hant-wrong.yml`` and a
test looks for each of them in the whole built Traditional site. English comes from translated pages, the
registries' ``en`` labels and ``data/strings-en.yml``.

Conversion happens in one place, :meth:`Localizer.text`, before anything is rendered: the Markdown of
every page, the data handed to templates, the interface strings, the exports. Each distinct text is
converted once per build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from .model import Catalogue, Model, Place, Term
from .punctuation import traditional_quotes
from .urls import relative_url

SOURCE = "zh"


@dataclass(frozen=True)
class Language:
    code: str  # zh, zh-Hant, en
    name: str  # what the switcher shows
    theme: str  # Material's theme language
    search: tuple[str, ...]  # Material search languages
    convert: str | None = None  # OpenCC profile for converted languages

    @property
    def root(self) -> str:
        """Folder of this language in the site, relative to the site root."""
        return "" if self.code == SOURCE else f"{self.code}/"


def languages(raw: list[dict]) -> list[Language]:
    return [Language(code=r["code"], name=r["name"], theme=r.get("theme", r["code"]),
                     search=tuple(r.get("search", ["zh"])), convert=r.get("convert")) for r in raw]


def chosen(langs: list[Language], wanted: str) -> list[Language]:
    """The languages to build: ``wanted`` is a comma list of codes (empty: all). The source language,
    first in the list, is always built: the others take their addresses from it."""
    codes = [x.strip() for x in wanted.split(",") if x.strip()]
    return [x for i, x in enumerate(langs) if i == 0 or not codes or x.code in codes]


def alternates(langs: list[Language], here: Language, url: str | None, site_url: str) -> list[dict]:
    """Each language's version of a page: ``link`` absolute (hreflang), ``href`` relative (switcher).

    All languages share one URL layout, so the same page lives at ``<language root><page url>``.
    A page-less template (``url`` None: the 404 page) leads to each language's home instead.
    ``site_url`` is the source language's, the site root.
    """
    out = []
    for other in langs:
        target = other.root + (url or "")
        current = here.root + (url if url is not None else "")
        out.append({"name": other.name, "lang": other.code, "link": site_url + target,
                    "href": relative_url(target or ".", current or "."), "current": other == here})
    return out


def script_map(index_text: str, converted: bool) -> dict[str, str]:
    """Characters of the other Chinese script -> the character a search index uses, for the index's own
    characters, so a query typed in either script finds the page (``cross-script.js`` applies it).
    ``converted``: the index is Traditional (a converted language); else Simplified."""
    chars = sorted(c for c in set(index_text) if "\u3400" <= c <= "\u9fff")
    to_other = Converter("t2s") if converted else Converter("s2t")
    others = to_other.each(chars)
    known = set(chars)
    mapping: dict[str, str] = {}
    for ch, other in zip(chars, others, strict=True):
        if other != ch and len(other) == 1 and other not in known:
            mapping.setdefault(other, ch)
    return mapping


@dataclass
class Converter:
    """OpenCC plus a glossary of (Simplified term, Traditional form) pairs, then, into Traditional
    Chinese, Taiwan's quotation marks (「」 and 『』 for “” and ‘’, see :mod:`govcat.punctuation`).
    Every converted text goes through here, so pages, cards, the search index and the exports agree.

    A glossary term is written in its registered form wherever it occurs, and only the text between
    glossary terms goes through OpenCC: how OpenCC converts a term depends on the words around it
    (合并请求 alone gives 合併請求, 提交合并请求 gives 合並請求), so fixing its output afterwards
    cannot catch every context."""

    profile: str
    glossary: list[tuple[str, str]] = field(default_factory=list)

    @cached_property
    def _cc(self):
        return _opencc(self.profile)

    @cached_property
    def _terms(self) -> re.Pattern | None:
        terms = sorted((zh for zh, _ in self.glossary), key=len, reverse=True)  # phrases before their parts
        return re.compile("|".join(map(re.escape, terms))) if terms else None

    @cached_property
    def _traditional(self) -> bool:
        return self.profile.startswith("s2")  # s2t, s2tw, s2hk…: into Traditional

    def __call__(self, text: str) -> str:
        if not text:
            return text
        out = self._characters(text)
        return traditional_quotes(out) if self._traditional else out

    def _characters(self, text: str) -> str:
        """The characters converted (glossary terms as registered, the rest by OpenCC); marks as they are."""
        if self._terms is None:
            return self._cc.convert(text)
        forms = dict(self.glossary)
        out, pos = [], 0
        for m in self._terms.finditer(text):
            if m.start() > pos:
                out.append(self._cc.convert(text[pos:m.start()]))
            out.append(forms[m[0]])
            pos = m.end()
        out.append(self._cc.convert(text[pos:]) if pos < len(text) else "")
        return "".join(out)

    def each(self, texts: list[str]) -> list[str]:
        """Each text converted, in one call (OpenCC's start-up per call outweighs a short text):
        the texts are joined one per line, as a line break ends every phrase OpenCC matches.
        Quotation marks are then paired within each text, never across two of them."""
        if not texts or any("\n" in t for t in texts):
            return [self(t) for t in texts]
        out = self._characters("\n".join(texts)).split("\n")
        if len(out) != len(texts):
            return [self(t) for t in texts]
        return [traditional_quotes(t) for t in out] if self._traditional else out


@cache
def _opencc(profile: str):
    """One OpenCC converter per profile for the whole process: loading its dictionaries takes tens of
    milliseconds, and each language build, the glossary and the search map would load their own."""
    import opencc

    return opencc.OpenCC(profile)


def load_glossary(path: Path, profile: str) -> list[tuple[str, str]]:
    """Glossary entries: a Simplified term and the Traditional form readers expect (checked by
    :func:`govcat.load.load`; ``note`` says why). ``profile`` is kept for callers: every entry is kept,
    as an entry OpenCC gets right on its own may still come out wrong inside a sentence."""
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or []
    return [(e["zh"], e["zh-Hant"]) for e in entries if isinstance(e, dict) and e.get("zh") and e.get("zh-Hant")]


def load_wrong_conversions(path: Path) -> list[dict]:
    """Known wrong Traditional forms (data/zh-hant-wrong.yml): each {wrong, right, note}."""
    if not path.exists():
        return []
    return [e for e in yaml.safe_load(path.read_text(encoding="utf-8-sig")) or [] if isinstance(e, dict)]


def load_strings(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    return {str(k): str(v) for k, v in data.items()}


@dataclass
class Localizer:
    """Chooses the text a reader of ``lang`` sees. The labels and strings it picks are Simplified for
    zh and zh-Hant; :meth:`text` is the one place where a converted language's text is converted."""

    lang: str = SOURCE
    strings: dict[str, str] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    convert: Converter | None = None  # Simplified -> Traditional, for converted languages
    _converted: dict[str, str] = field(default_factory=dict, repr=False)

    def text(self, value: Any) -> Any:
        """Simplified text as this language's readers see it: converted for zh-Hant, else unchanged.

        Takes a string, or the plain data a template renders (dicts, lists, tuples of strings and
        other values: only the strings change, never the keys). Each distinct string is converted
        once per build, however many pages show it (a model's card is on many pages).
        """
        if self.convert is None:
            return value
        if isinstance(value, str):
            if value.isascii():
                return value
            out = self._converted.get(value)
            if out is None:
                out = self._converted[value] = self.convert(value)
            return out
        if isinstance(value, dict):
            return {k: self.text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.text(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.text(v) for v in value)
        return value

    def texts(self, values: list[str]) -> list[str]:
        """Many short strings converted in one call (OpenCC's start-up per call outweighs a short text)."""
        if self.convert is None:
            return list(values)
        return self.convert.each(values)

    @property
    def english(self) -> bool:
        return self.lang == "en"

    def t(self, text: str, **params) -> str:
        out = text
        if self.english and text:
            out = self.strings.get(text)
            if out is None:
                self.missing.add(text)
                out = text
        return out.format(**params) if params else out

    def content(self, text: str | None) -> str | None:
        """Content text (a description, a locator): English where data/strings-en.yml has it,
        else the Chinese original. Unlike :meth:`t`, a gap here is not an error: adding Chinese
        content must never require touching the English strings."""
        if text and self.english:
            return self.strings.get(text, text)
        return text

    def term(self, term: Term) -> str:
        return term.en if self.english else term.zh

    def place(self, place: Place) -> str:
        return place.en if self.english else place.name

    def title(self, model: Model) -> str:
        tr = model.translations.get(self.lang)
        return tr.title if tr else model.title

    def summary(self, model: Model) -> str:
        tr = model.translations.get(self.lang)
        return tr.summary if tr else model.summary

    def translated(self, model: Model) -> bool:
        return not self.english or self.lang in model.translations

    def source_citation(self, c: Catalogue, source_id: str) -> str:
        return c.sources[source_id].citation()
