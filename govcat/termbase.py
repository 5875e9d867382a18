"""The English termbase: one English term per Chinese term, and the check that English pages use it.

``data/termbase.yml`` registers model names and other recurring terms (综治, 区党工委书记 …); the
vocabulary's ``en`` labels count as registered terms too, so a term has one English form wherever it
appears. :func:`check_english` reads every ``*.en.md`` page and reports, with file and line:

- a model page's English title that does not start with the registered name of its Chinese title;
- a link to a model page whose text is not that model's registered name;
- a rendering the termbase lists under ``avoid`` (wordings found earlier and replaced);
- English text directly followed by a registered Chinese term in brackets, ``The Meizi Hut (梅子小屋)``,
  where the English is not the registered term.

Comparisons ignore case, quotation marks and a leading "the", so a term can begin a sentence or be
quoted in prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import Catalogue
from .problems import Problem

QUOTES = re.compile(r"[\"'“”‘’「」『』]")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]*?)([a-z0-9-]+)\.md(?:#[^)]*)?\)")
FENCE = re.compile(r"^\s*(```|~~~)")
LATIN_END = re.compile(r"[A-Za-z0-9)]$")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Entry:
    zh: str
    en: str
    avoid: tuple[str, ...] = ()
    note: str | None = None


def normal(text: str) -> str:
    """Case, quotation marks, spacing and a leading article do not make a different term."""
    text = " ".join(QUOTES.sub("", text).lower().split())
    return text.removeprefix("the ").strip(" .,;:")


def registered(c: Catalogue) -> dict[str, str]:
    """Every registered Chinese term with its English form: the vocabulary, then the termbase."""
    terms = {t.zh: t.en for vocab in c.vocabulary.values() for t in vocab.values()}
    terms.update({e.zh: e.en for e in c.termbase.values()})
    return terms


def check_registry(c: Catalogue, shown: str, lines: dict[str, int]) -> list[Problem]:
    """A termbase entry may not give a vocabulary term a second English form."""
    problems = []
    for e in c.termbase.values():
        for vocab in c.vocabulary.values():
            t = vocab.get(e.zh)
            if t is not None and normal(t.en) != normal(e.en):
                problems.append(Problem(shown, "termbase-conflict", lines.get(e.zh), "en",
                                        {"zh": e.zh, "en": e.en, "other": t.en}))
    return problems


ENGLISH_DATA = ("strings-en.yml", "figures.yml", "places.yml")  # English text in registries: avoid list only


def check_avoided(c: Catalogue, path: Path, shown: str) -> list[Problem]:
    """Wordings the termbase lists under ``avoid``, line by line."""
    problems = []
    if not path.exists():
        return problems
    for no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        low = line.lower()
        for e in c.termbase.values():
            for bad in e.avoid:
                if bad.lower() in low:
                    problems.append(Problem(shown, "termbase-avoid", no, None, {"value": bad, "zh": e.zh, "en": e.en}))
    return problems


def check_english(c: Catalogue, docs_dir: Path, show, data_dir: Path | None = None) -> list[Problem]:
    """Every English page against the registered terms (see the module docstring)."""
    problems: list[Problem] = []
    for name in ENGLISH_DATA if data_dir is not None else ():
        problems.extend(check_avoided(c, data_dir / name, show(data_dir / name)))
    terms = registered(c)
    for m in c.models.values():
        tr = m.translations.get("en")
        if tr is None:
            continue
        if m.title not in c.termbase:
            problems.append(Problem(tr.path, "termbase-missing", 2, "title", {"zh": m.title}))
    # Chinese terms as they may be written inside English text: with their own quotes or ASCII ones
    variants = sorted(((v, zh) for zh in terms for v in {zh, zh.replace("“", '"').replace("”", '"')}),
                      key=lambda x: -len(x[0]))
    alternatives = "|".join(re.escape(v) for v, _ in variants)
    bracketed = re.compile(r"[(（]\s*(" + alternatives + r")(?![\u4e00-\u9fff、])") if variants else None
    zh_of = dict(variants)
    for path in sorted(docs_dir.rglob("*.en.md")):
        shown = show(path)
        base = path.name.removesuffix(".en.md")
        model = c.models.get(base) if path.parent.name == "models" else None
        fenced = False
        for no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if fenced:
                continue
            if model is not None and no <= 3 and line.startswith("title:"):
                en = terms.get(model.title)
                title = normal(line.removeprefix("title:"))
                if en and not (title == normal(en) or title.startswith(normal(en) + " (")):
                    problems.append(Problem(shown, "termbase-title", no, "title",
                                            {"value": line.removeprefix("title:").strip(), "zh": model.title, "en": en}))
                continue
            for link in LINK.finditer(line):
                target = c.models.get(link[3])
                en = terms.get(target.title) if target else None
                if en and normal(link[1]) != normal(en):
                    problems.append(Problem(shown, "termbase-link", no, None,
                                            {"value": link[1], "zh": target.title, "en": en}))
            low = line.lower()
            problems.extend(Problem(shown, "termbase-avoid", no, None, {"value": bad, "zh": e.zh, "en": e.en})
                            for e in c.termbase.values() for bad in e.avoid if bad.lower() in low)
            if bracketed is None:
                continue
            for hit in bracketed.finditer(line):
                before = QUOTES.sub("", MD_LINK.sub(r"\1", line[: hit.start()])).rstrip()
                if not LATIN_END.search(before):
                    continue  # Chinese text, or a bracket at the start of a line: not a rendering
                zh = zh_of[hit[1]]
                en = terms[zh]
                if not normal(before).endswith(normal(en)):
                    problems.append(Problem(shown, "termbase-mismatch", no, None,
                                            {"value": before[-60:].lstrip(), "zh": zh, "en": en}))
    return problems
