"""The source archive: each registered source's text as captured, kept to check quotes and figures.

``data/archive/<source-id>.txt`` holds the text of a source as it was captured (one paragraph per
line, UTF-8), minus what ``data/sources.yml`` records as removed. It is read only by the checks and
never published. This module reads an archive and answers two questions about it: does a passage
occur in it (:meth:`Archive.find`), and does a number (:meth:`Archive.numbers`)?

Passages are compared after :func:`fold`, which makes the differences that do not change the
text vanish: script (the capture may be Traditional, the pages are Simplified), full and half
width (the capture writes ``,`` and ``:`` where pages write ``，`` and ``：``), the shapes of quotation
marks and dashes, and white space. Paragraph breaks are kept, so a quotation never runs from one
paragraph into the next unmarked.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import guard
from .problems import Problem

ARCHIVE_DIR = "data/archive"
SCRIPTS = ("zh-Hant", "zh-Hans")
# Characters OpenCC's Traditional-to-Simplified table keeps because they are also Simplified characters
# (著 as in 著名), where the Simplified text the pages are written in has another (着力 for 著力).
# Folded on both sides, for comparison only.
VARIANTS = {"著": "着"}
# After NFKC (which already turns ，：；！？（） into , : ; ! ? ( )), one shape per kind of mark.
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"',
                        "‘": "'", "’": "'", "‚": "'",
                        "—": "-", "–": "-", "―": "-", "‐": "-", "‑": "-", "−": "-", "－": "-",
                        "・": "·", "•": "·", "‧": "·", "∙": "·", "〜": "~"})
ELLIPSIS = re.compile(r"…+|⋯+|\.{3,}")  # marks an omission in a quotation
NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?!\d)")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUMBER = re.compile(f"[{''.join(CN_DIGITS)}{''.join(CN_UNITS)}]+")
QUALIFIERS = ("余", "多")  # as the source qualifies a number: 260余起, 1000多个
_QUALIFIER = re.compile(r"[ \u3000\u00a0]*([余多])")  # 50 余场: a space before it still qualifies the number


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=20_000)
def _fold_char(ch: str) -> str:
    if ch == "\n":
        return "\n"
    if ch.isspace() or unicodedata.category(ch) == "Cf":
        return ""
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if c.isspace():
            continue
        if ord(c) > 0x2E7F:  # CJK: one character at a time keeps offsets; both sides fold alike
            c = _t2s().convert(c)
        out.append(VARIANTS.get(c, c).translate(_MARKS))
    return "".join(out)


class Folded:
    """Folded text, and (worked out when a message needs it) where each of its characters came from."""

    def __init__(self, original: str, text: str):
        self.original = original
        self.text = text

    @functools.cached_property
    def where(self) -> tuple[int, ...]:
        """For each folded character, the offset of the original character it came from."""
        where: list[int] = []
        for i, ch in enumerate(self.original):
            where.extend([i] * len(_fold_char(ch)))
        return tuple(where)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets a folded span covers."""
        where = self.where
        if start >= end:
            at = where[start] if start < len(where) else (where[-1] + 1 if where else 0)
            return at, at
        return where[start], where[end - 1] + 1


_SEEN: set[str] = set()
_TABLE: dict[int, str | None] = {}  # for str.translate: every character that folds to something else


def fold(text: str) -> Folded:
    """Text in the one form passages are compared in (see the module docstring)."""
    for ch in set(text) - _SEEN:
        folded = _fold_char(ch)
        if folded != ch:
            _TABLE[ord(ch)] = folded or None
        _SEEN.add(ch)
    return Folded(text, text.translate(_TABLE))


def number_key(digits: str) -> str:
    """One spelling per value: 03 and 3 are the same number, so are 3.50 and 3.5."""
    whole, _, frac = digits.partition(".")
    whole = whole.lstrip("0") or "0"
    frac = frac.rstrip("0")
    return f"{whole}.{frac}" if frac else whole


def cn_value(text: str) -> int | None:
    """The value of a run of Chinese numerals: 十六 → 16, 两千四百 → 2400, 二〇二一 → 2021."""
    if all(ch in CN_DIGITS for ch in text):
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif CN_UNITS[ch] < 10_000:
            section += (digit or 1) * CN_UNITS[ch]
            digit = 0
        else:
            total = (total + section + digit) * CN_UNITS[ch]
            section = digit = 0
    return total + section + digit


def _qualifier(text: str, end: int) -> str:
    q = _QUALIFIER.match(text, end)
    return q.group(1) if q else ""


def numbers_in(text: str, chinese: bool = False) -> list[tuple[int, str, str]]:
    """(offset, value key, qualifier or '') of each number in ``text``; Chinese numerals too if asked."""
    found = []
    for m in NUMBER.finditer(text):
        found.append((m.start(), number_key(m.group(1)), _qualifier(text, m.end())))
    if chinese:
        for m in CN_NUMBER.finditer(text):
            value = cn_value(m.group(0))
            if value is not None:
                found.append((m.start(), str(value), _qualifier(text, m.end())))
    return sorted(found)


@dataclass(frozen=True)
class Match:
    """The passage of an archive closest to a text that was not found in it."""

    line: int
    passage: str  # as captured
    ratio: float  # 0..1, difflib's similarity of the folded texts
    changed: int  # characters that differ
    diffs: tuple[tuple[str, str], ...]  # (page text, archive text) of the first differences


@dataclass
class Archive:
    source: str
    path: str  # as shown to people: data/archive/<id>.txt
    text: str
    folded: Folded = field(init=False)

    def __post_init__(self):
        self.text = self.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.folded = fold(self.text)

    def find(self, folded_passage: str, start: int = 0) -> int:
        """Folded offset where the folded passage occurs from ``start`` on, or -1."""
        return self.folded.text.find(folded_passage, start)

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @functools.cached_property
    def numbers(self) -> dict[str, list[tuple[str, int]]]:
        """Value key -> [(qualifier, line)] for every number written in digits or Chinese numerals."""
        index: dict[str, list[tuple[str, int]]] = {}
        for n, line in enumerate(self.lines, 1):
            for _, key, qualifier in numbers_in(unicodedata.normalize("NFKC", line), chinese=True):
                index.setdefault(key, []).append((qualifier, n))
        return index

    def section(self, heading: str) -> tuple[int, int] | None:
        """Lines (first, last) of the section under the heading line that reads ``heading``, if any.

        A heading is a short line without sentence punctuation; the section runs to the next one.
        """
        want = fold(heading).text
        heads = self.headings
        for i, (n, text) in enumerate(heads):
            if want and text == want:
                end = heads[i + 1][0] - 1 if i + 1 < len(heads) else len(self.lines)
                return n, end
        return None

    @functools.cached_property
    def headings(self) -> list[tuple[int, str]]:
        """(line, folded text) of each heading: a short line without sentence punctuation."""
        folded = (fold(line).text for line in self.lines)
        return [(n, text) for n, text in enumerate(folded, 1)
                if 0 < len(text) <= 40 and not re.search(r"[。,;!?:、.]", text)]

    def closest(self, passage: str) -> Match:
        """The window of one paragraph most like ``passage`` (original text), with how it differs."""
        q = fold(passage)
        best: tuple[float, int, int, int] = (-1.0, 0, 0, 0)  # ratio, line, start, end (folded, in the line)
        for n, line in enumerate(self.lines, 1):
            p = fold(line).text
            if not p:
                continue
            sm = difflib.SequenceMatcher(None, q.text, p, autojunk=False)
            if sm.quick_ratio() <= best[0]:
                continue
            spans = {(0, len(p))}
            if len(p) > 1.2 * len(q.text):
                spans = {(max(0, b.b - b.a), min(len(p), max(0, b.b - b.a) + len(q.text)))
                         for b in sm.get_matching_blocks() if b.size >= 2} or spans
            for s, e in spans:
                ratio = difflib.SequenceMatcher(None, q.text, p[s:e], autojunk=False).ratio()
                if ratio > best[0]:
                    best = (ratio, n, s, e)
        ratio, n, s, e = best
        line = self.lines[n - 1] if n else ""
        lf = fold(line)
        a, b = lf.span(s, e)
        diffs, changed = [], 0
        sm = difflib.SequenceMatcher(None, q.text, lf.text[s:e], autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                continue
            changed += max(i2 - i1, j2 - j1)
            if len(diffs) < 3:
                pa, pb = q.span(max(0, i1 - 3), min(len(q.text), i2 + 3))
                la, lb = lf.span(s + max(0, j1 - 3), s + min(e - s, j2 + 3))
                diffs.append((passage[pa:pb], line[la:lb]))
        return Match(n, line[a:b], max(ratio, 0.0), changed, tuple(diffs))


def read(root: Path, source_id: str, meta: dict, registry: str, line_of) -> tuple[Archive | None, list[Problem]]:
    """The archive a source entry names, or the problems that keep it from being read."""
    file = str(meta.get("file", ""))
    line = line_of("archive.file")
    expected = f"{ARCHIVE_DIR}/{source_id}.txt"
    if file != expected:
        return None, [Problem(registry, "archive-path", line, "archive.file", {"value": file, "expected": expected})]
    path = Path(root) / file
    if not path.is_file():
        return None, [Problem(registry, "archive-missing", line, "archive.file", {"value": file})]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(file, "archive-not-utf8", None, None, {"detail": str(exc)})]
    archive = Archive(source_id, file, text)
    if not archive.folded.text.strip():
        return None, [Problem(file, "archive-empty")]
    problems = []
    if meta.get("script") not in SCRIPTS:
        problems.append(Problem(registry, "unknown-term", line_of("archive.script"), "archive.script", {
            "value": meta.get("script"), "allowed": "、".join(SCRIPTS), "registry_zh": "文字种类",
            "registry_en": "scripts", "registry_file": "govcat/archive.py", "suggestion_zh": "", "suggestion_en": ""}))
    for p in guard.check_text(file, text):  # what was removed must be gone: injected spam is removed most
        if p.code == "guard-spam":
            problems.append(Problem(file, "archive-spam", p.line, None, dict(p.params)))
    return archive, problems


def orphans(root: Path, referenced: set[str]) -> list[Problem]:
    """Files in the archive folder that no source names."""
    folder = Path(root) / ARCHIVE_DIR
    if not folder.is_dir():
        return []
    return [Problem(f"{ARCHIVE_DIR}/{p.name}", "archive-orphan", None, None, {"value": p.stem})
            for p in sorted(folder.iterdir()) if p.is_file() and f"{ARCHIVE_DIR}/{p.name}" not in referenced]
