"""Languages: English strings and labels, and Simplified → Traditional conversion.

Simplified Chinese is the source. Traditional Chinese is never written by hand: it is converted
at build time with OpenCC's ``s2tw`` profile (``s2twp`` would turn 社区 into 社群; ``s2t`` gives
羣 where readers write 群), then a small glossary fixes what a general converter cannot know,
such as place names that keep their own characters. English comes from translated pages, the
registries' ``en`` labels and ``data/strings-en.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import yaml

from .model import Catalogue, Model, Place, Term
from .punctuation import traditional_quotes

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


@dataclass
class Converter:
    """OpenCC, then a glossary of (wrong, right) fixes, then, into Traditional Chinese, Taiwan's
    quotation marks (「」 and 『』 for “” and ‘’, see :mod:`govcat.punctuation`). Every converted
    text goes through here, so pages, cards, the search index and the exports all agree."""

    profile: str
    glossary: list[tuple[str, str]] = field(default_factory=list)

    @cached_property
    def _cc(self):
        return _opencc(self.profile)

    @cached_property
    def _traditional(self) -> bool:
        return self.profile.startswith("s2")  # s2t, s2tw, s2hk…: into Traditional

    def __call__(self, text: str) -> str:
        if not text:
            return text
        out = self._characters(text)
        return traditional_quotes(out) if self._traditional else out

    def _characters(self, text: str) -> str:
        out = self._cc.convert(text)
        for wrong, right in self.glossary:
            out = out.replace(wrong, right)
        return out

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
    """Glossary entries are Simplified source terms with the Traditional form readers expect."""
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or []
    plain = Converter(profile)
    fixes = []
    for e in entries:
        wrong = plain._characters(e["zh"])  # the glossary applies before the quotation marks
        if wrong != e["zh-Hant"]:
            fixes.append((wrong, e["zh-Hant"]))
    return sorted(fixes, key=lambda f: -len(f[0]))  # longest first: phrases before their parts


def load_strings(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    return {str(k): str(v) for k, v in data.items()}


@dataclass
class Localizer:
    """Chooses the text a reader of ``lang`` sees. Simplified text passes through unchanged for
    zh and zh-Hant (zh-Hant is converted later, in one place, from the finished HTML)."""

    lang: str = SOURCE
    strings: dict[str, str] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)

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
