"""Load and validate the whole catalogue: registries, then model pages, then references.

:func:`load` reads plain files and returns a :class:`Catalogue`, or raises
:class:`CatalogueError` carrying every problem found. It knows nothing of MkDocs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from . import archive, frontmatter, guard, schema, termbase, verify
from .model import (
    CLASSIFICATIONS,
    LEVELS,
    PLACE_UNSTATED,
    VOCABULARIES,
    ArchiveInfo,
    Catalogue,
    Citation,
    Figure,
    Model,
    Place,
    Removal,
    Source,
    Synonym,
    Term,
    Translation,
)
from .problems import CatalogueError, Problem, display_path

REGISTRY_FILES = {
    "sources": "sources.yml",
    "places": "places.yml",
    "vocabulary": "vocabulary.yml",
    "figures": "figures.yml",
    "termbase": "termbase.yml",
    "glossary": "glossary-zh-hant.yml",
    "wrong_conversions": "zh-hant-wrong.yml",
    "synonyms": "synonyms.yml",
}
MODELS_DIR = "models"
FIGURE_MEASURES = {"count": "数量，画成条形图", "rank": "名次", "level": "等级"}

VOCAB_NAMES = {
    "dimensions": ("五治维度词表", "five-dimensions vocabulary"),
    "kinds": ("类型词表", "kinds vocabulary"),
    "statuses": ("状态词表", "statuses vocabulary"),
    "themes": ("主题词表", "themes vocabulary"),
    "problems": ("问题词表", "problems vocabulary"),
}
MODEL_FIELD_VOCAB = {"kind": "kinds", "status": "statuses", "dimensions": "dimensions",
                     "themes": "themes", "problems": "problems"}


class _Collector:
    """Gathers problems; paths are shown relative to the project root."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def show(self, path: Path) -> str:
        return display_path(path, self.root)


def _read(path: Path) -> str:
    """The file's text; bytes that are not UTF-8 become U+FFFD here, and the guard reports the file."""
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def _entries(path: str, data, node, where: str) -> Iterator[tuple[dict, Callable, list[Problem]]]:
    """Yield each mapping in a YAML list with a line finder for its keys."""
    if data is None:
        return
    if not isinstance(data, list):
        yield {}, lambda k, i=None: 1, [Problem(path, "not-mapping", 1, None,
                                               {"what": where, "actual": type(data).__name__})]
        return
    for item, item_node in zip(data, node.value, strict=True):
        start = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            yield {}, lambda k, i=None, s=start: s, [Problem(path, "not-mapping", start, None,
                                                             {"what": where, "actual": type(item).__name__})]
            continue
        lines: dict[object, int] = {}
        seen: set[str] = set()
        dup: list[Problem] = []
        for k_node, v_node in item_node.value:
            if k_node.value in seen:
                dup.append(Problem(path, "duplicate-key", k_node.start_mark.line + 1, k_node.value))
            seen.add(k_node.value)
            lines[k_node.value] = k_node.start_mark.line + 1
            _nested_lines(lines, k_node.value, v_node)

        def line_of(key, index=None, lines=lines, start=start):
            found = lines.get((key, index)) or lines.get(key)
            while found is None and isinstance(key, str) and "." in key:  # a missing nested key: its parent's line
                key = key.rsplit(".", 1)[0]
                found = lines.get(key)
            return found or start

        yield item, line_of, dup


def _checked(c: _Collector, shown: str, data, node, where: str, fields) -> Iterator[tuple[dict, Callable, list[Problem]]]:
    """Each entry of a registry list, with its line finder and the problems of its schema (``fields``),
    every problem (duplicate keys too) already reported."""
    for entry, line_of, dup in _entries(shown, data, node, where):
        c.problems.extend(dup)
        problems = schema.check(shown, entry, fields, line_of)
        c.problems.extend(problems)
        yield entry, line_of, problems


def _nested_lines(lines: dict, key: str, node) -> None:
    """Lines of list items, (key, index), and of nested keys, "key.sub" or "key.index.sub"."""
    if isinstance(node, yaml.SequenceNode):
        for i, sub in enumerate(node.value):
            lines[(key, i)] = lines[f"{key}.{i}"] = sub.start_mark.line + 1
            if isinstance(sub, yaml.MappingNode):
                _nested_lines(lines, f"{key}.{i}", sub)
    elif isinstance(node, yaml.MappingNode):
        for k_node, v_node in node.value:
            if isinstance(k_node.value, str):
                lines[f"{key}.{k_node.value}"] = k_node.start_mark.line + 1
                _nested_lines(lines, f"{key}.{k_node.value}", v_node)


def _load_registry(c: _Collector, data_dir: Path, name: str, required: bool = True):
    path = data_dir / REGISTRY_FILES[name]
    shown = c.show(path)
    if not path.exists():
        if required:
            c.problems.append(Problem(shown, "missing-file"))
        return shown, None, None
    data, node, problems = frontmatter.load_yaml_file(shown, _read(path))
    c.problems.extend(problems)
    return shown, data, node


def _unique(c: _Collector, shown: str, seen: dict, key: str, line: int | None, field: str) -> bool:
    if key in seen:
        c.problems.append(Problem(shown, "duplicate-id", line, field, {"value": key, "other": seen[key]}))
        return False
    seen[key] = f"{shown}:{line}"
    return True


def load_sources(c: _Collector, data_dir: Path, archives: dict) -> dict[str, Source]:
    shown, data, node = _load_registry(c, data_dir, "sources")
    sources: dict[str, Source] = {}
    seen: dict[str, str] = {}
    for entry, line_of, problems in _checked(c, shown, data, node, "source entry", schema.SOURCE):
        # a source without terms or archive is still registered: its citations are not wrong, only unchecked
        if any(p.field not in ("terms", "archive") for p in problems) or not entry \
                or not _unique(c, shown, seen, entry["id"], line_of("id"), "id"):
            continue
        bad = {p.field for p in problems}
        info = None if "archive" in bad else _archive_info(c, shown, entry, line_of, archives)
        sources[entry["id"]] = Source(
            id=entry["id"], kind=entry["kind"], title=entry["title"].strip(), publisher=entry["publisher"],
            published=schema.as_date(entry["published"]), language=entry["language"],
            section=entry.get("section"), url=entry.get("url"), note=entry.get("note"),
            terms=None if "terms" in bad else " ".join(entry["terms"].split()), archive=info)
    named = {e["archive"].get("file") for e in (data if isinstance(data, list) else [])
             if isinstance(e, dict) and isinstance(e.get("archive"), dict)}
    c.problems.extend(archive.orphans(c.root, named))
    return sources


def _archive_info(c: _Collector, shown: str, entry: dict, line_of, archives: dict) -> ArchiveInfo | None:
    """The source's archive entry checked, and its text read into ``archives``."""
    meta = entry["archive"]
    problems = schema.check(shown, meta, schema.ARCHIVE, lambda k, i=None: line_of(f"archive.{k}", i))
    removed = [] if any(p.field == "removed" for p in problems) else meta.get("removed") or []
    for i, item in enumerate(removed):
        problems += [Problem(p.path, p.code, p.line, f"removed.{p.field}", p.params) for p in schema.check(
            shown, item, schema.REMOVAL, lambda k, _i=None, i=i: line_of(f"archive.removed.{i}.{k}"))]
    c.problems.extend(Problem(p.path, p.code, p.line, f"archive.{p.field}", p.params) for p in problems)
    if problems:
        return None
    text, found = archive.read(c.root, entry["id"], meta, shown, line_of)
    c.problems.extend(found)
    if text is not None:
        archives[entry["id"]] = text
    return ArchiveInfo(file=meta["file"], captured_from=meta["captured_from"],
                       captured_on=schema.as_date(meta["captured_on"]), mirror=meta["mirror"], script=meta["script"],
                       removed=tuple(Removal(r["text"], r["reason"]) for r in meta.get("removed") or []),
                       note=meta.get("note"))


def _check_refs(c, shown, entry, field, allowed: dict, line_of, registry: tuple[str, str, str]):
    values = entry.get(field)
    if values is None:
        return
    items = values if isinstance(values, list) else [values]
    for i, value in enumerate(items):
        if isinstance(value, dict):
            value = value.get("id")
        if value not in allowed:
            names = list(allowed)
            s_zh, s_en = schema.suggestion(str(value), names)
            c.problems.append(Problem(shown, "unknown-term", line_of(field, i if isinstance(values, list) else None),
                                      field, {"value": value, "allowed": _shorten(names),
                                              "registry_zh": registry[0], "registry_en": registry[1],
                                              "registry_file": registry[2],
                                              "suggestion_zh": s_zh, "suggestion_en": s_en}))


def _shorten(names: list[str], limit: int = 40) -> str:
    return "、".join(names[:limit]) + (f" …（共 {len(names)} 个 / {len(names)} in all）" if len(names) > limit else "")


def load_places(c: _Collector, data_dir: Path, sources: dict[str, Source]) -> dict[str, Place]:
    shown, data, node = _load_registry(c, data_dir, "places")
    places: dict[str, Place] = {}
    lines: dict[str, Callable] = {}
    seen: dict[str, str] = {}
    source_reg = ("来源登记", "source registry", "data/sources.yml")
    for entry, line_of, problems in _checked(c, shown, data, node, "place entry", schema.PLACE):
        if problems or not entry:
            continue
        if entry["level"] not in LEVELS:
            _check_refs(c, shown, entry, "level", LEVELS, line_of, ("地点层级", "place levels", "govcat/model.py"))
            continue
        _check_refs(c, shown, entry, "sources", sources, line_of, source_reg)
        _check_refs(c, shown, entry, "unstated", PLACE_UNSTATED, line_of,
                    ("可标为未说明的字段", "fields that can be marked unstated", "data/places.yml"))
        if not _unique(c, shown, seen, entry["id"], line_of("id"), "id"):
            continue
        places[entry["id"]] = Place(
            id=entry["id"], name=entry["name"], en=entry["en"], level=entry["level"], parent=entry.get("parent"),
            short=entry.get("short"), note=entry.get("note"), sources=tuple(entry["sources"]),
            unstated=tuple(entry.get("unstated") or ()))
        lines[entry["id"]] = line_of
    for place in places.values():
        reason = None
        if place.parent is None:
            continue
        if place.parent not in places:
            reason = ("不在地点登记中", "is not in the place registry")
        elif LEVELS[places[place.parent].level][0] >= LEVELS[place.level][0]:
            reason = ("层级不高于它", "is not on a higher level")
        elif place.id in {p.id for p in _ancestors(places, place.parent)}:
            reason = ("形成了循环", "forms a cycle")
        if reason:
            c.problems.append(Problem(shown, "bad-parent", lines[place.id]("parent"), "parent", {
                "value": place.id, "parent": place.parent, "reason_zh": reason[0], "reason_en": reason[1]}))
    return places


def _ancestors(places: dict[str, Place], start: str | None) -> list[Place]:
    chain, seen = [], set()
    while start in places and start not in seen:
        seen.add(start)
        chain.append(places[start])
        start = places[start].parent
    return chain


def load_vocabulary(c: _Collector, data_dir: Path) -> dict[str, dict[str, Term]]:
    shown, data, node = _load_registry(c, data_dir, "vocabulary")
    vocab: dict[str, dict[str, Term]] = {name: {} for name in VOCABULARIES}
    if data is None:
        return vocab
    if not isinstance(data, dict):
        c.problems.append(Problem(shown, "not-mapping", 1, None, {"what": "vocabulary", "actual": type(data).__name__}))
        return vocab
    nodes = {k.value: (k, v) for k, v in node.value}
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}  # YAML reads 0: or true: as non-text keys
    for name in data:
        if name not in VOCABULARIES:
            s_zh, s_en = schema.suggestion(str(name), list(VOCABULARIES))
            c.problems.append(Problem(shown, "unknown-key", lines.get(str(name)), str(name), {
                "allowed": ", ".join(VOCABULARIES), "suggestion_zh": s_zh, "suggestion_en": s_en}))
    for name in VOCABULARIES:
        if name not in data:
            c.problems.append(Problem(shown, "missing-key", None, name, {
                "example": f"{name}: [{{zh: …, id: …, en: …, description: …}}]",
                "hint_zh": "每个词条含 zh、id、en、description。",
                "hint_en": "Each term has zh, id, en and description."}))
            continue
        seen_zh: dict[str, str] = {}
        seen_id: dict[str, str] = {}
        for entry, line_of, problems in _checked(c, shown, data[name], nodes[name][1], f"{name} term", schema.TERM):
            if problems or not entry:
                continue
            ok = _unique(c, shown, seen_zh, entry["zh"], line_of("zh"), "zh")
            ok = _unique(c, shown, seen_id, entry["id"], line_of("id"), "id") and ok
            if ok:
                vocab[name][entry["zh"]] = Term(name, entry["zh"], entry["id"], entry["en"], entry["description"])
    return vocab


def load_figures(c: _Collector, data_dir: Path, sources: dict[str, Source], archives: dict) -> list[Figure]:
    shown, data, node = _load_registry(c, data_dir, "figures", required=False)
    figures: list[Figure] = []
    seen: dict[str, str] = {}
    for entry, line_of, problems in _checked(c, shown, data, node, "figure", schema.FIGURE):
        if problems or not entry:
            continue
        _check_refs(c, shown, entry, "source", sources, line_of, ("来源登记", "source registry", "data/sources.yml"))
        if entry.get("measure") is not None:
            _check_refs(c, shown, entry, "measure", FIGURE_MEASURES, line_of,
                        ("度量类型", "measures", "data/figures.yml"))
        if _unique(c, shown, seen, entry["id"], line_of("id"), "id"):
            figure = Figure(**{k: entry.get(k) for k in Figure.__dataclass_fields__})
            published = sources[figure.source].published.year if figure.source in sources else ""
            c.problems.extend(verify.check_figure(shown, figure, line_of, archives, str(published)))
            figures.append(figure)
    return figures


def load_termbase(c: _Collector, data_dir: Path, catalogue: Catalogue) -> dict[str, termbase.Entry]:
    shown, data, node = _load_registry(c, data_dir, "termbase", required=False)
    entries: dict[str, termbase.Entry] = {}
    seen: dict[str, str] = {}
    lines: dict[str, int] = {}
    for entry, line_of, problems in _checked(c, shown, data, node, "termbase entry", schema.TERMBASE):
        if problems or not entry or not _unique(c, shown, seen, entry["zh"], line_of("zh"), "zh"):
            continue
        entries[entry["zh"]] = termbase.Entry(entry["zh"], entry["en"].strip(), tuple(entry.get("avoid") or ()),
                                              entry.get("note"))
        lines[entry["zh"]] = line_of("en")
    catalogue.termbase = entries
    c.problems.extend(termbase.check_registry(catalogue, shown, lines))
    return entries


def check_conversion_lists(c: _Collector, data_dir: Path) -> None:
    """The Traditional glossary and the list of known wrong forms: closed schemas, no duplicates, and
    no glossary form that the list calls wrong."""
    wrong: dict[str, str] = {}
    for name, fields, key in (("wrong_conversions", schema.WRONG_CONVERSION, "wrong"),
                              ("glossary", schema.GLOSSARY, "zh")):
        shown, data, node = _load_registry(c, data_dir, name, required=False)
        seen: dict[str, str] = {}
        for entry, line_of, problems in _checked(c, shown, data, node, f"{name} entry", fields):
            if problems or not entry or not _unique(c, shown, seen, entry[key], line_of(key), key):
                continue
            if name == "wrong_conversions":
                wrong[entry["wrong"]] = entry["right"]
                continue
            for bad, right in wrong.items():
                if bad in entry["zh-Hant"]:
                    c.problems.append(Problem(shown, "glossary-wrong-form", line_of("zh-Hant"), "zh-Hant",
                                              {"value": entry["zh-Hant"], "wrong": bad, "right": right}))


def load_synonyms(c: _Collector, data_dir: Path, models: dict[str, Model], places: dict[str, Place]) -> list[Synonym]:
    """data/synonyms.yml: the words readers use for the catalogue's own; each term must be one it uses."""
    shown, data, node = _load_registry(c, data_dir, "synonyms", required=False)
    found: list[Synonym] = []
    texts = None
    for entry, line_of, problems in _checked(c, shown, data, node, "synonym", schema.SYNONYM):
        if problems or not entry:
            continue
        words = tuple(str(w).strip() for w in entry.get("words") or () if str(w).strip())
        en = tuple(str(w).strip() for w in entry.get("en") or () if str(w).strip())
        if not words and not en:
            c.problems.append(Problem(shown, "synonym-empty", line_of("term"), "term", {"value": entry["term"]}))
            continue
        if texts is None:
            from .searchdict import catalogue_text
            texts = catalogue_text(models.values(), places)
        if entry["term"] not in texts:
            c.problems.append(Problem(shown, "synonym-term-unused", line_of("term"), "term", {"value": entry["term"]}))
            continue
        found.append(Synonym(entry["term"], words, en, entry["note"]))
    return found


SLUG_HINT = re.compile(r"[^a-z0-9]+")
# page.LANG.md: a translation of page.md. Only English is translated by hand; Traditional is generated.
TRANSLATED = ("en",)
LANG_SUFFIX = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2}(?:[-_][A-Za-z]{2,4})?)\.md$")


def split_language(name: str) -> tuple[str, str | None]:
    """('meizi-xiaowu', 'en') for meizi-xiaowu.en.md; ('meizi-xiaowu', None) for meizi-xiaowu.md."""
    m = LANG_SUFFIX.match(name)
    return (m["base"], m["lang"]) if m else (name.removesuffix(".md"), None)


def check_language_suffix(c: _Collector, path: Path) -> str | None:
    """The translation language of a file, or None; reports Traditional or unknown suffixes."""
    _, lang = split_language(path.name)
    if lang is None:
        return None
    if lang.lower().replace("_", "-") in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
        c.problems.append(Problem(c.show(path), "committed-traditional", None, None, {"value": path.name}))
    elif lang not in TRANSLATED:
        c.problems.append(Problem(c.show(path), "unknown-language", None, None,
                                  {"value": lang, "allowed": ", ".join(TRANSLATED)}))
    return lang


def load_models(c: _Collector, docs_dir: Path, catalogue: Catalogue) -> dict[str, Model]:
    models: dict[str, Model] = {}
    names: dict[str, tuple[str, str]] = {}  # name -> (path, role)
    vocab_reg = {name: (*VOCAB_NAMES[name], "data/vocabulary.yml") for name in VOCABULARIES}
    pending: list[tuple[str, list, Callable]] = []
    for path in sorted((docs_dir / MODELS_DIR).glob("*.md")):
        if check_language_suffix(c, path) is not None:
            continue  # translations are loaded by load_translations
        shown = c.show(path)
        slug = path.stem
        if not schema.KEBAB.match(slug):
            c.problems.append(Problem(shown, "bad-filename", None, None, {
                "value": path.name, "suggestion": (SLUG_HINT.sub("-", slug.lower()).strip("-") or "pinyin-name") + ".md"}))
        doc, problems = frontmatter.parse(shown, _read(path))
        c.problems.extend(problems)
        if problems:
            continue
        if not doc.has_front_matter:
            c.problems.append(Problem(shown, "frontmatter-missing", 1))
            continue
        line_of = doc.line_of
        problems = schema.check(shown, doc.meta, schema.MODEL, line_of)
        if doc.meta.get("draft") is True:  # a draft may wait for its source; it is never published
            problems = [p for p in problems if not (p.code == "empty" and p.field == "sources")]
        c.problems.extend(problems)
        meta = doc.meta
        for field, name in MODEL_FIELD_VOCAB.items():
            if not any(p.field == field for p in problems):
                _check_refs(c, shown, meta, field, catalogue.vocabulary[name], line_of, vocab_reg[name])
        if not any(p.field == "editors_assigned" for p in problems):
            _check_refs(c, shown, meta, "editors_assigned", CLASSIFICATIONS, line_of,
                        ("分类字段", "classification fields", "CONTRIBUTING.md"))
        if not any(p.field == "place" for p in problems):
            _check_refs(c, shown, meta, "place", catalogue.places, line_of, ("地点登记", "place registry", "data/places.yml"))
        citations: list[Citation] = []
        if not any(p.field == "sources" for p in problems):
            for i, item in enumerate(meta["sources"]):
                item = {"id": item} if isinstance(item, str) else item
                sub = schema.check(shown, item, schema.CITATION, lambda k, _i=None, i=i, lo=line_of: lo("sources", i))
                c.problems.extend(Problem(p.path, p.code, p.line, f"sources.{p.field}", p.params) for p in sub)
                citations.append(Citation(item["id"], item.get("locator")))
            _check_refs(c, shown, meta, "sources", catalogue.sources, line_of,
                        ("来源登记", "source registry", "data/sources.yml"))
        if problems:
            continue
        for role, name, line in [("title", meta["title"], line_of("title")),
                                 *(("alias", a, line_of("aliases", i)) for i, a in enumerate(meta.get("aliases") or []))]:
            if name in names:
                other, other_role = names[name]
                c.problems.append(Problem(shown, "duplicate-name", line, "title" if role == "title" else "aliases", {
                    "value": name, "other": other,
                    "other_role_zh": "标题" if other_role == "title" else "别名",
                    "other_role_en": "a title" if other_role == "title" else "an alias"}))
            else:
                names[name] = (shown, role)
        models[slug] = Model(
            slug=slug, path=shown, src_uri=f"{MODELS_DIR}/{path.name}", title=meta["title"].strip(),
            kind=meta["kind"], place=meta["place"], dimensions=meta["dimensions"], themes=meta["themes"],
            summary=" ".join(meta["summary"].split()), status=meta["status"], sources=citations,
            body=doc.body, body_line=doc.body_line, aliases=meta.get("aliases") or [],
            problems=meta.get("problems") or [], since=meta.get("since"),
            recognition=meta.get("recognition") or [], related=meta.get("related") or [],
            draft=bool(meta.get("draft", False)), editors_assigned=meta.get("editors_assigned"),
            meta_lines=doc.lines)
        pending.append((shown, meta.get("related") or [], line_of))
    for shown, related, line_of in pending:
        slug = Path(shown).stem
        for i, target in enumerate(related):
            if target == slug:
                c.problems.append(Problem(shown, "self-related", line_of("related", i), "related", {"value": target}))
        _check_refs(c, shown, {"related": [r for r in related if r != slug]}, "related", models,
                    lambda k, i=None, lo=line_of: lo("related", i),
                    ("模式页", "model pages", f"docs/{MODELS_DIR}/"))
    return models


def load_translations(c: _Collector, docs_dir: Path, models: dict[str, Model]) -> None:
    for path in sorted((docs_dir / MODELS_DIR).glob("*.*.md")):
        base, lang = split_language(path.name)
        if lang not in TRANSLATED:
            continue
        shown = c.show(path)
        if base not in models:
            c.problems.append(Problem(shown, "orphan-translation", None, None,
                                      {"value": path.name, "base": f"{base}.md"}))
            continue
        doc, problems = frontmatter.parse(shown, _read(path))
        if not problems and not doc.has_front_matter:
            problems = [Problem(shown, "frontmatter-missing", 1)]
        problems = problems or schema.check(shown, doc.meta, schema.TRANSLATION, doc.line_of)
        c.problems.extend(problems)
        if not problems:
            models[base].translations[lang] = Translation(
                lang=lang, title=doc.meta["title"].strip(), summary=" ".join(doc.meta["summary"].split()),
                body=doc.body, body_line=doc.body_line, path=shown, src_uri=f"{MODELS_DIR}/{path.name}")


def check_pages(c: _Collector, docs_dir: Path) -> None:
    """Front matter of every other Markdown page must parse too, and stay within its small schema."""
    for path in sorted(docs_dir.rglob("*.md")):
        if path.parent == docs_dir / MODELS_DIR:
            continue
        check_language_suffix(c, path)
        shown = c.show(path)
        doc, problems = frontmatter.parse(shown, _read(path))
        c.problems.extend(problems)
        if not problems and doc.has_front_matter:
            c.problems.extend(schema.check(shown, doc.meta, schema.PAGE, doc.line_of))


def fingerprint(*folders: Path | str) -> tuple:
    """Every file under ``folders`` with its size, inode and change times: all that :func:`load` reads.

    Equal fingerprints mean unchanged input, so a process that builds more than once (the language
    builds run one after another; ``mkdocs serve`` rebuilds) can keep what it loaded and checked.
    The status-change time is part of it (tools that restore a modification time cannot restore it),
    and so is the inode (editors that save by writing a new file and renaming it).
    """
    found: list[tuple] = []
    seen: set[tuple[int, int]] = set()  # folders already listed (a linked folder may lead back up)
    stack = [os.fspath(f) for f in folders]
    while stack:
        top = stack.pop()
        try:
            st = os.stat(top)
            entries = [] if (st.st_dev, st.st_ino) in seen else list(os.scandir(top))
            seen.add((st.st_dev, st.st_ino))
        except OSError:  # missing: load() reports it, and it may appear later
            found.append((top, None, None, None, None))
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    stack.append(entry.path)
                    continue
                st = entry.stat()
                found.append((entry.path, st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns))
            except OSError:  # a broken link
                found.append((entry.path, None, None, None, None))
    return tuple(sorted(found))


def load(docs_dir: Path | str, data_dir: Path | str, root: Path | str | None = None) -> Catalogue:
    """Load and validate everything; raise CatalogueError with all problems if any."""
    docs_dir, data_dir = Path(docs_dir), Path(data_dir)
    c = _Collector(Path(root) if root else data_dir.parent)
    archives: dict = {}
    sources = load_sources(c, data_dir, archives)
    places = load_places(c, data_dir, sources)
    vocabulary = load_vocabulary(c, data_dir)
    figures = load_figures(c, data_dir, sources, archives)
    catalogue = Catalogue(models={}, places=places, sources=sources, vocabulary=vocabulary, figures=figures,
                          archives=archives)
    catalogue.models = load_models(c, docs_dir, catalogue)
    load_translations(c, docs_dir, catalogue.models)
    if (data_dir / REGISTRY_FILES["termbase"]).exists():  # a project without a termbase has nothing to check
        load_termbase(c, data_dir, catalogue)
        c.problems.extend(termbase.check_english(catalogue, docs_dir, c.show, data_dir))
    check_conversion_lists(c, data_dir)
    catalogue.synonyms = load_synonyms(c, data_dir, catalogue.models, places)
    check_pages(c, docs_dir)
    c.problems.extend(verify.check_pages(catalogue, docs_dir, c.show, _read))
    c.problems.extend(guard.check_tree(c.root, docs_dir, data_dir))
    if c.problems:
        raise CatalogueError(c.problems)
    return catalogue
