"""Plain data classes for the catalogue. No MkDocs here: any engine can render these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .archive import Archive

VOCABULARIES = ("dimensions", "kinds", "statuses", "themes", "problems")
# The body of every model page, in this order (templates/model.md, scripts/new_model.py, the 待完善 page).
# The last one is filled from the source registry at build time.
SECTIONS = ("概况", "主要做法", "成效", "适用条件与注意", "可借鉴要点", "来源")

# The classification fields of a model page. For each, the page says whether the source states it or
# the editors assigned it (front matter ``editors_assigned``): field -> (zh, en) as shown to readers.
CLASSIFICATIONS: dict[str, tuple[str, str]] = {
    "kind": ("类型", "Kind"),
    "dimensions": ("五治维度", "Five-governance dimensions"),
    "themes": ("主题", "Themes"),
    "problems": ("问题", "Problems"),
}

# Place levels, from the top down; a parent must sit on a higher (smaller) rank.
# What a place entry may mark as not stated by its sources (field unstated in data/places.yml).
PLACE_UNSTATED = {"level": "层级", "parent": "上级地点"}

LEVELS: dict[str, tuple[int, str, str]] = {
    "province": (0, "省", "Province"),
    "city": (1, "市", "City"),
    "district": (2, "区", "District"),
    "county": (2, "县（市）", "County"),
    "township": (3, "乡镇", "Township"),
    "office": (3, "管理处", "Administrative office"),
    "community": (4, "社区", "Community"),
    "village": (4, "村", "Village"),
}


@dataclass(frozen=True)
class Term:
    vocabulary: str  # one of VOCABULARIES
    zh: str
    id: str
    en: str
    description: str


@dataclass(frozen=True)
class Removal:
    """Something taken out of a capture before it was archived, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class ArchiveInfo:
    """Where and when a source's archived text (data/archive/<id>.txt) was captured."""

    file: str
    captured_from: str
    captured_on: dt.date
    mirror: bool
    script: str
    removed: tuple[Removal, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    title: str
    publisher: str
    published: dt.date
    language: str
    section: str | None = None
    url: str | None = None
    note: str | None = None
    terms: str | None = None  # its terms of use as far as known, and how the catalogue uses it
    archive: ArchiveInfo | None = None

    def citation(self) -> str:
        """A full citation in the style readers copy into reports."""
        parts = [self.publisher, f"《{self.title}》", self.published.isoformat()]
        if self.section:
            parts.append(self.section)
        return "，".join(parts) + "。"


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    en: str
    level: str
    parent: str | None = None
    short: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    unstated: tuple[str, ...] = ()  # "level", "parent": what the editors placed but no source states

    @property
    def level_zh(self) -> str:
        return LEVELS[self.level][1]


@dataclass(frozen=True)
class Citation:
    source: str
    locator: str | None = None


@dataclass(frozen=True)
class Figure:
    id: str
    group: str
    label: str
    en: str
    value: float
    year: int | None  # None: the source does not say which year
    source: str
    unit: str | None = None
    qualifier: str | None = None
    locator: str | None = None
    measure: str | None = None  # count (default) | rank | level
    text: str | None = None  # the source's own wording

    @property
    def charted(self) -> bool:
        return (self.measure or "count") == "count"

    @property
    def number(self) -> str:
        return str(int(self.value) if float(self.value).is_integer() else self.value)

    @property
    def display(self) -> str:
        """As the source states it: 260余起, 1000多个."""
        return self.text or f"{self.number}{self.qualifier or ''}{self.unit or ''}"


@dataclass(frozen=True)
class Translation:
    """A hand translation of a model page, e.g. docs/models/meizi-xiaowu.en.md."""

    lang: str
    title: str
    summary: str
    body: str
    path: str
    src_uri: str
    body_line: int = 1


@dataclass
class Model:
    slug: str
    path: str  # as shown to people, e.g. docs/models/meizi-xiaowu.md
    src_uri: str  # relative to docs/, e.g. models/meizi-xiaowu.md
    title: str
    kind: str
    place: str
    dimensions: list[str]
    themes: list[str]
    summary: str
    status: str
    sources: list[Citation]
    body: str
    body_line: int = 1
    aliases: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    since: int | None = None
    recognition: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    draft: bool = False
    # Classification fields the editors assigned and the source does not state (see CLASSIFICATIONS);
    # None: the page has not said yet (listed on the 待完善 page).
    editors_assigned: list[str] | None = None
    translations: dict[str, Translation] = field(default_factory=dict)
    meta_lines: dict[object, int] = field(default_factory=dict, repr=False, compare=False)  # front-matter key -> line

    def assigned_by_editors(self, name: str) -> bool | None:
        """True if the editors assigned classification field ``name``, False if the source states it,
        None if the page does not say."""
        return None if self.editors_assigned is None else name in self.editors_assigned

    @property
    def names(self) -> list[str]:
        """Every name the model is known by: title first, then aliases."""
        return [self.title, *self.aliases]

    def terms(self) -> list[tuple[str, str]]:
        """(vocabulary, zh label) pairs, for indexes and ranking."""
        return [
            ("kinds", self.kind),
            *(("dimensions", t) for t in self.dimensions),
            *(("themes", t) for t in self.themes),
            *(("problems", t) for t in self.problems),
        ]


@dataclass(frozen=True)
class Synonym:
    """Words readers use for one of the catalogue's own words (data/synonyms.yml)."""

    term: str  # as the catalogue writes it: in a name, a place, a problem, a theme or a summary
    words: tuple[str, ...] = ()  # Chinese words readers type (Simplified; zh-Hant gets them converted)
    en: tuple[str, ...] = ()  # English words readers type
    note: str = ""  # why readers say it


@dataclass
class Catalogue:
    models: dict[str, Model]
    places: dict[str, Place]
    sources: dict[str, Source]
    vocabulary: dict[str, dict[str, Term]]  # vocabulary -> zh label -> term
    figures: list[Figure] = field(default_factory=list)
    archives: dict[str, Archive] = field(default_factory=dict, repr=False)  # source id -> archived text
    termbase: dict = field(default_factory=dict)  # zh -> govcat.termbase.Entry
    synonyms: list[Synonym] = field(default_factory=list)

    def term(self, vocabulary: str, zh: str) -> Term:
        return self.vocabulary[vocabulary][zh]

    def place_path(self, place_id: str) -> list[Place]:
        """The place and its ancestors, from the top down."""
        chain = []
        current: str | None = place_id
        while current is not None and current in self.places:
            chain.append(self.places[current])
            current = self.places[current].parent
        return list(reversed(chain))

    def children(self, place_id: str | None) -> list[Place]:
        """The places directly under ``place_id`` (None: the top level), in registry order."""
        return list(self._children.get(place_id, ()))

    @cached_property
    def _children(self) -> dict[str | None, list[Place]]:
        """parent id -> places, built once: walking the tree must not scan the registry at every node."""
        index: dict[str | None, list[Place]] = {}
        for p in self.places.values():
            index.setdefault(p.parent, []).append(p)
        return index

    def published(self) -> list[Model]:
        """Models readers see in indexes, sorted by slug for deterministic output."""
        return [m for _, m in sorted(self.models.items()) if not m.draft]
