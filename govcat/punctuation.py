"""Traditional Chinese quotation marks: “…” and ‘…’ become 「…」 and 『…』.

OpenCC converts characters, not punctuation, so Traditional pages would keep the mainland's curly
quotes. Taiwan's Ministry of Education (《重訂標點符號手冊》) writes quotations with 「」 first and
『』 inside them, alternating further in ("以此類推"); Taiwan's and Hong Kong's government sites do
the same (README, Languages). The level of a quote is how deep it sits among the quotes around it,
not whether the source used double or single marks: a correctly nested Simplified text
(“…‘…’…”) comes out 「…『…』…」, and a lone ‘…’ at the top comes out 「…」.

Only paired marks are counted for the nesting, so an unclosed quote does not push every later
quote one level deeper. A left-over “ or ” is still turned into a corner bracket (a curly double
quote never means anything else in Chinese text), while a left-over ’ is kept: it is an apostrophe
(``Children’s``). Code is left as it is: Markdown code fences and code spans, and HTML
``<code>``, ``<pre>``, ``<kbd>``, ``<samp>``, ``<script>``, ``<style>`` and comments.
"""

from __future__ import annotations

import re

_QUOTES = re.compile("[“”‘’]")
_OPENING = {"“": "double", "‘": "single"}
_CLOSING = {"”": "double", "’": "single"}
_LEVELS = ("「」", "『』")  # outermost first, then alternating

# Text that is code, where a quotation mark is a character of the code: left exactly as it is.
_CODE = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)"  # a Markdown fence, to its closing fence
    r"|<(code|pre|kbd|samp|script|style|textarea)\b[^>]*>.*?</\2\s*>"  # HTML code, scripts, styles
    r"|<!--.*?-->"  # HTML comments (markers)
    r"|(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))+?(?<!`)\3(?!`)",  # a code span, within its paragraph
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)
_LATIN = re.compile(r"[A-Za-z0-9]")


def traditional_quotes(text: str) -> str:
    """``text`` with Taiwan's quotation marks instead of the mainland's (code left as it is)."""
    if not text or not _QUOTES.search(text):
        return text
    marks = _marks(text)
    if not marks:
        return text
    level = _levels(text, marks)
    out = list(text)
    for pos, (side, depth) in level.items():
        out[pos] = _LEVELS[depth % 2][side]
    return "".join(out)


def _marks(text: str) -> list[int]:
    """Positions of the quotation marks outside code, apostrophes left out."""
    code = [(m.start(), m.end()) for m in _CODE.finditer(text)] if "`" in text or "~" in text or "<" in text else []
    marks, spans = [], iter(code)
    span = next(spans, None)
    for m in _QUOTES.finditer(text):
        pos = m.start()
        while span is not None and span[1] <= pos:
            span = next(spans, None)
        if span is not None and span[0] <= pos < span[1]:
            continue
        if text[pos] == "’" and _apostrophe(text, pos):
            continue
        marks.append(pos)
    return marks


def _apostrophe(text: str, pos: int) -> bool:
    """’ between Latin letters or digits (don’t, Children’s, 1990’s) is an apostrophe."""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    return bool(before and after and _LATIN.match(before) and _LATIN.match(after))


def _levels(text: str, marks: list[int]) -> dict[int, tuple[int, int]]:
    """Position -> (0 opening / 1 closing, nesting depth) for each mark that is converted."""
    pairs: dict[int, int] = {}  # opening position -> closing position
    stack: list[int] = []
    for pos in marks:
        ch = text[pos]
        if ch in _OPENING:
            stack.append(pos)
            continue
        kind = _CLOSING[ch]
        for i in range(len(stack) - 1, -1, -1):
            if _OPENING[text[stack[i]]] == kind:
                pairs[stack[i]] = pos
                del stack[i:]  # marks opened inside and never closed stay unpaired
                break
    closings = set(pairs.values())
    out: dict[int, tuple[int, int]] = {}
    depth = 0  # paired quotes open around this position
    for pos in marks:
        if pos in pairs:
            out[pos] = (0, depth)
            depth += 1
        elif pos in closings:
            depth -= 1
            out[pos] = (1, depth)
        elif text[pos] in "“”":  # unpaired double quote: still never a curly quote in Traditional text
            out[pos] = (0 if text[pos] == "“" else 1, depth)
        # an unpaired single quote is left as it is: an apostrophe, a prime, a typo
    return out
