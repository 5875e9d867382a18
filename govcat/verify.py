"""Every quotation and every figure checked against the archive of the source it comes from.

Three checks, all reported as :class:`Problem` with file and line:

Quotations
    A blockquote that starts with ``**原文摘录**：`` (Chinese pages) or ``**原文**：`` (the Chinese
    original on English pages) is a quotation. Each of its paragraphs must occur in the archive of a
    source the page cites (:mod:`govcat.archive` says how texts are compared). ``……`` or ``…`` inside
    a quotation marks an omission: the parts around it must occur in that order. On English pages a
    translated quotation (``**From the source (translated):**``) must be followed by its original.

Figures in ``data/figures.yml``
    The value, with its 余/多 qualifier, must occur in the cited source's archive, in digits or in
    Chinese numerals; when the locator quotes a section heading of the archive (第二部分“实行高位推动
    夯实基础筑平安”), within that section. A figure's ``text`` must contain its value; its year and the
    numbers in its label and text are checked like the numbers on a page.

Numbers on model pages
    See :func:`stated_numbers` for exactly which numbers count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import frontmatter
from .archive import ELLIPSIS, Archive, fold, number_key, numbers_in
from .model import Catalogue, Figure, Model
from .problems import Problem

QUOTE_LABELS = ("原文摘录", "原文")
TRANSLATED_LABEL = "From the source (translated):"
_LABEL = re.compile(r"^\*\*(?P<label>原文[^*：:]{0,6}?)\s*[：:]?\s*\*\*\s*[：:]?\s*(?P<rest>.*)$")
_QUOTE_LINE = re.compile(r"^ {0,3}>\s?(.*)$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_GUIDANCE = "一般性建议"
_ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)\s+\w[\w-]*(?:\s+(.*))?$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# Inline Markdown a quotation may carry: emphasis markers, links (their text stays), escapes.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE = [(re.compile(r"\*\*|__"), ""), (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),
           (re.compile(r"\[\^[^\]]+\]"), ""), (re.compile(r"<[^>]+>"), "")]
# Not statements of a figure (blanked before numbers are read; see stated_numbers), as one pattern.
_NOT_FIGURES = re.compile("|".join([
    r"`[^`]*`",  # inline code
    r"<!--.*?-->",  # comments (markers)
    r"\]\([^)]*\)",  # link targets: the link text stays
    r"https?://\S+",  # addresses
    r"<[^>]+>",  # HTML tags
    r"\{[:#.][^}]*\}",  # attribute lists
    r"\[\^[^\]]+\]",  # footnote references
    r"第\s*\d+\s*(?:部分|节|章|条|款|项|段|页|版|期|届|次会议)",  # section numbering
    r"(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?<!\d)\d{1,2}\s*[月日号]",  # months and days
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)",  # times of day
    r"(?<![\d.])\d{1,2}、|[(（]\d{1,2}[)）]",  # enumerations in a sentence: 1、… 2、…, （1）…
]))
_NUMBERING = re.compile(r"^(\s*(?:#{1,6}\s*|[-*+]\s+)?)(\d+(?:\.\d+)*[.、)）．])(?=\s|$|[^\d])")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年|\s*[-—–~至到]\s*(?:19|20)\d\d\s*年)")
_CHECKED_FIELDS = ("title", "aliases", "summary", "recognition", "since")
_DIGIT = re.compile(r"[0-9\uff10-\uff19]")  # ASCII or full-width
_LAZY_STOP = re.compile(r"\s*(#|[-*+]\s|\d+\.\s|\||!!!|```|~~~)")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S")


@dataclass(frozen=True)
class Quote:
    line: int
    label: str
    text: str  # one paragraph, inline Markdown removed


@dataclass(frozen=True)
class Stated:
    line: int
    field: str | None
    key: str  # number_key of the value
    qualifier: str
    shown: str  # as written, for messages
    year: bool


def _plain(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    for rx, repl in _INLINE:
        text = rx.sub(repl, text)
    return text.strip()


def blockquotes(body: str, first_line: int = 1) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """(line, [(line, text) of each line]) for each blockquote outside code; lazy lines included."""
    block: list[tuple[int, str]] = []
    for n, line, opens_fence in _outside_code(body, first_line):
        if opens_fence:  # a fence ends a blockquote
            if block:
                yield block[0][0], block
                block = []
            continue
        q = _QUOTE_LINE.match(line.lstrip()) if line.lstrip().startswith(">") else None
        if q is not None:
            block.append((n, q.group(1)))
            continue
        lazy = block and line.strip() and block[-1][1].strip() and not _LAZY_STOP.match(line)
        if lazy:
            block.append((n, line.strip()))
            continue
        if block:
            yield block[0][0], block
            block = []
    if block:
        yield block[0][0], block


def _outside_code(body: str, first_line: int) -> Iterator[tuple[int, str, bool]]:
    """(line number, text, whether it opens a fence) of each line not inside fenced code."""
    fence: str | None = None
    for i, line in enumerate(body.split("\n")):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
        yield first_line + i, line, m is not None


def quotes(body: str, first_line: int = 1, blocks: list | None = None) -> tuple[list[Quote], list[Problem], list[int]]:
    """The labelled quotations of a body, paragraph by paragraph; unknown 原文… labels; translated blocks
    not followed by their original (their lines). ``blocks``: the body's :func:`blockquotes`, if known."""
    found: list[Quote] = []
    unknown: list[tuple[int, str]] = []
    unpaired: list[int] = []
    pending_translation: int | None = None
    for start, block in blocks if blocks is not None else blockquotes(body, first_line):
        head = block[0][1].strip()
        label = _LABEL.match(head)
        if pending_translation is not None:
            if not (label and label["label"] in QUOTE_LABELS):
                unpaired.append(pending_translation)
            pending_translation = None
        if head.replace("*", "").startswith(TRANSLATED_LABEL):
            pending_translation = start
            continue
        if not label:
            continue
        if label["label"] not in QUOTE_LABELS:
            unknown.append((start, label["label"]))
            continue
        paragraph: list[tuple[int, str]] = [(start, label["rest"])] if label["rest"].strip() else []
        for n, text in [*block[1:], (0, "")]:
            if text.strip():
                paragraph.append((n, text.strip()))
                continue
            if paragraph:
                found.append(Quote(paragraph[0][0], label["label"], _plain("".join(t for _, t in paragraph))))
            paragraph = []
    if pending_translation is not None:
        unpaired.append(pending_translation)
    return found, [Problem("", "quote-label", n, None, {"value": v, "allowed": "、".join(QUOTE_LABELS)})
                   for n, v in unknown], unpaired


def locate(quote: str, archive: Archive) -> bool:
    """Whether the quotation occurs in the archive, its omissions (……) allowed, its parts in order."""
    at = 0
    parts = [fold(p).text for p in ELLIPSIS.split(quote)]
    if not any(parts):
        return False
    for part in parts:
        if not part:
            continue
        found = archive.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def check_quote(path: str, q: Quote, cited: list[str], archives: dict[str, Archive]) -> list[Problem]:
    if not fold(ELLIPSIS.sub("", q.text)).text:
        return [Problem(path, "quote-empty", q.line, None, {"label": q.label})]
    if any(locate(q.text, archives[s]) for s in cited if s in archives):
        return []
    elsewhere = [s for s, a in archives.items() if s not in cited and locate(q.text, a)]
    if elsewhere:
        return [Problem(path, "quote-uncited", q.line, None, {"label": q.label, "value": elsewhere[0],
                                                               "cited": "、".join(cited) or "—"})]
    usable = [archives[s] for s in cited if s in archives]
    if not usable:
        return [Problem(path, "quote-no-source", q.line, None, {"label": q.label, "cited": "、".join(cited) or "—"})]
    parts = [p for p in ELLIPSIS.split(q.text) if fold(p).text]  # report on the first part that is missing
    text = next((p for p in parts if not any(a.find(fold(p).text) >= 0 for a in usable)), q.text)
    a, m = max(((a, a.closest(text)) for a in usable), key=lambda am: am[1].ratio)
    diffs_zh = "；".join(f"页面“{x}”↔存档“{y}”" for x, y in m.diffs) or "—"
    diffs_en = "; ".join(f"page “{x}” ↔ archive “{y}”" for x, y in m.diffs) or "—"
    return [Problem(path, "quote-not-found", q.line, None, {
        "label": q.label, "cited": "、".join(cited), "archive": a.path, "archive_line": m.line,
        "passage": _short(m.passage), "percent": round(100 * m.ratio), "changed": m.changed,
        "diffs_zh": diffs_zh, "diffs_en": diffs_en})]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _blank(line: str) -> str:
    return _NOT_FIGURES.sub(lambda m: " " * len(m.group(0)), line)


def _numbers_of_text(text: str, line: int, field: str | None) -> Iterator[Stated]:
    """Digits in one line of prose or one front-matter value, with dates and numbering blanked."""
    if not _DIGIT.search(text):
        return
    text = _blank(unicodedata.normalize("NFKC", text))
    text = _NUMBERING.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    years: set[int] = set()
    for m in _ISO_DATE.finditer(text):  # 2022-03-03: the year counts as a year, month and day do not
        years.add(m.start(1))
        text = text[: m.end(1)] + " " * (m.end() - m.end(1)) + text[m.end():]
    years |= {m.start(1) for m in _YEAR.finditer(text)}
    for at, key, qualifier in numbers_in(text):
        end = at + len(NUMBER_AT.match(text, at).group(0))
        yield Stated(line, field, key, qualifier, text[at:end] + qualifier, at in years)


NUMBER_AT = re.compile(r"\d+(?:\.\d+)?")


def stated_numbers(body: str, first_line: int = 1, blocks: list | None = None) -> Iterator[Stated]:
    """The numbers a page's body states, written in digits, with their 余/多 qualifier.

    Every run of digits (full-width digits too) counts, except where it states no figure:
    inside a labelled quotation (checked as a quotation), a 一般性建议 admonition or a section
    whose heading says 一般性建议, code, HTML comments and tags, link targets and addresses,
    attribute lists and footnote references; the numbering of headings and list items (``1.``,
    ``2、``) and enumerations inside a sentence (1、 （2）); section numbers (第2部分, 第3节);
    months, days (3月3日, 3日) and times of day; the month and day of a date written 2022-03-03.
    A year (a four-digit 19xx/20xx before 年, in a range such as 2016-2020年 or in a date) counts
    like any number, and is also accepted when it is the year a cited source was published.
    Chinese numerals are not read: in pages they name things (五治, 一站式, 十大平安) far more
    often than they count them.
    """
    quoted = {n for _, block in (blocks if blocks is not None else blockquotes(body, first_line))
              if _LABEL.match(block[0][1].strip()) for n, _ in block}
    guidance_indent: int | None = None  # inside a 一般性建议 admonition indented deeper than this
    guidance_level: int | None = None  # inside a section whose heading says 一般性建议
    for n, line, opens_fence in _outside_code(body, first_line):
        if opens_fence:
            continue
        if guidance_indent is not None:
            if not line.strip() or len(line) - len(line.lstrip()) > guidance_indent:
                continue
            guidance_indent = None
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if guidance_level is not None and level <= guidance_level:
                guidance_level = None
            if _GUIDANCE in heading.group(2):
                guidance_level = level
                continue
        if guidance_level is not None:
            continue
        admonition = _ADMONITION.match(line)
        if admonition and _GUIDANCE in (admonition.group(2) or ""):
            guidance_indent = len(admonition.group(1))
            continue
        if n in quoted or _REFERENCE.match(line):  # quotations; link reference definitions
            continue
        yield from _numbers_of_text(line, n, None)


def front_numbers(m: Model) -> Iterator[Stated]:
    """Numbers in the front-matter fields that state facts: title, aliases, summary, recognition, since."""
    for name in _CHECKED_FIELDS:
        value = getattr(m, name)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if item is None or isinstance(item, bool):
                continue
            line = m.meta_lines.get((name, i) if isinstance(value, list) else name) or m.meta_lines.get(name) or 1
            if name == "since":
                yield Stated(line, name, number_key(str(item)), "", str(item), True)
            elif isinstance(item, str):
                yield from _numbers_of_text(item, line, name)


def check_number(path: str, s: Stated, cited: list[str], archives: dict[str, Archive],
                 years: set[str]) -> list[Problem]:
    usable = [archives[c] for c in cited if c in archives]
    if not usable:
        return []  # the page's quotations report the missing archive
    found = [(q, a, line) for a in usable for q, line in a.numbers.get(s.key, [])]
    if any(q == s.qualifier for q, _, _ in found) or (s.year and s.key in years):
        return []
    if found:
        q, a, line = found[0]
        return [Problem(path, "number-qualifier", s.line, s.field, {
            "value": s.shown, "found": f"{s.key}{q}", "archive": a.path, "archive_line": line,
            "qualifier_zh": s.qualifier or "不带限定词", "qualifier_en": s.qualifier or "no qualifier"})]
    return [Problem(path, "number-not-found", s.line, s.field, {
        "value": s.shown, "archives": "、".join(a.path for a in usable)})]


def check_figure(path: str, f: Figure, line_of, archives: dict[str, Archive], published: str = "") -> list[Problem]:
    """A figure of data/figures.yml against its source's archive (``published``: the source's year).

    The value with its qualifier, as described in the module docstring; the year, and numbers written
    in digits in the label or the text, like the numbers on a page."""
    archive = archives.get(f.source)
    if archive is None:
        return []  # an unknown source or a missing archive is reported on its own
    stated = [Stated(line_of("year"), "year", str(f.year), "", str(f.year), True)] if f.year is not None else []
    for name in ("label", "text"):
        stated += _numbers_of_text(getattr(f, name) or "", line_of(name), name)
    others = [p for s in stated for p in check_number(path, s, [f.source], archives, {published})]
    key = number_key(str(int(f.value)) if float(f.value).is_integer() else str(f.value))
    qualifier = f.qualifier or ""
    shown = f"{f.number}{qualifier}"
    problems = []
    if f.text and not any(k == key for _, k, _ in numbers_in(unicodedata.normalize("NFKC", f.text), chinese=True)):
        problems.append(Problem(path, "figure-text", line_of("text"), "text", {"value": shown, "text": f.text}))
    found = archive.numbers.get(key, [])
    same = [line for q, line in found if q == qualifier]
    heading = re.search(r"“([^”]+)”", f.locator or "")
    section = archive.section(heading.group(1)) if heading else None
    if same and section and not any(section[0] <= line <= section[1] for line in same):
        problems.append(Problem(path, "figure-section", line_of("value"), "value", {
            "value": shown, "archive": archive.path, "archive_line": same[0], "locator": f.locator,
            "first": section[0], "last": section[1]}))
    elif not same and found:
        problems.append(Problem(path, "number-qualifier", line_of("value"), "value", {
            "value": shown, "found": f"{key}{found[0][0]}", "archive": archive.path, "archive_line": found[0][1],
            "qualifier_zh": qualifier or "不带限定词", "qualifier_en": qualifier or "no qualifier"}))
    elif not found:
        problems.append(Problem(path, "figure-not-found", line_of("value"), "value", {
            "value": shown, "archive": archive.path, "source": f.source}))
    return problems + others


def _page_problems(path: str, body: str, body_line: int, cited: list[str], archives: dict[str, Archive],
                   numbers: bool, years: set[str], model: Model | None = None) -> list[Problem]:
    blocks = list(blockquotes(body, body_line))
    found, problems, unpaired = quotes(body, body_line, blocks)
    problems = [Problem(path, p.code, p.line, p.field, p.params) for p in problems]
    if "原文" in body:  # a quotation in another form (!!! quote "原文摘录") would go unchecked
        for i, line in enumerate(body.split("\n")):
            m = _ADMONITION.match(line)
            if m and "原文" in (m.group(2) or ""):
                problems.append(Problem(path, "quote-label", body_line + i, None, {
                    "value": m.group(2).strip().strip('"'), "allowed": "、".join(QUOTE_LABELS)}))
    problems += [Problem(path, "quote-translation-unpaired", n, None, {"label": TRANSLATED_LABEL}) for n in unpaired]
    for q in found:
        problems += check_quote(path, q, cited, archives)
    if numbers:
        stated = [*(front_numbers(model) if model else ()), *stated_numbers(body, body_line, blocks)]
        for s in stated:
            problems += check_number(path, s, cited, archives, years)
    return problems


def check_pages(catalogue: Catalogue, docs_dir: Path, show, read) -> list[Problem]:
    """Quotations on every page, numbers on every Simplified model page."""
    archives = catalogue.archives
    problems: list[Problem] = []
    pages: set[str] = set()
    for m in catalogue.models.values():
        cited = [c.source for c in m.sources]
        if m.draft and not cited:
            continue  # a draft waiting for its source is never published
        years = {str(catalogue.sources[c].published.year) for c in cited if c in catalogue.sources}
        problems += _page_problems(m.path, m.body, m.body_line, cited, archives, True, years, m)
        pages.add(m.src_uri)
        for t in m.translations.values():
            problems += _page_problems(t.path, t.body, t.body_line, cited, archives, False, years)
            pages.add(t.src_uri)
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel in pages or rel.startswith("models/"):
            continue  # model pages above; a model page that failed to load has its own problems
        text = read(path)
        if "原文" not in text and TRANSLATED_LABEL not in text:
            continue
        doc, errors = frontmatter.parse(show(path), text)
        if not errors:
            problems += _page_problems(show(path), doc.body, doc.body_line, [], archives, False, set())
    return problems
