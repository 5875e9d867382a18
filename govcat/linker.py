"""Link the first mention of another model's name in a page's Markdown body.

Longest name first (网格微治理 before 网格), once per target, never inside headings, code,
existing links, images, raw HTML, admonition titles or reference definitions, and never to
the page itself. Names are matched with one regular expression shaped like a trie, so the
cost per page does not grow with the number of alternatives tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

FENCE = re.compile(r"^\s*(```+|~~~+)")
SKIP_LINE = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?\?\?|\[[^\]]+\]:\s|<|\|?\s*:?-{3,})")
# Spans inside a line that must stay as they are: code, links, images, autolinks, tags, URLs.
PROTECTED = re.compile(
    r"(`+)[^`]*?\1"  # inline code
    r"|!?\[(?:[^\[\]]|\[[^\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])"  # links and images, inline or reference
    r"|<!--.*?-->"  # comments
    r"|<[^>\n]+>"  # autolinks and inline HTML
    r"|https?://\S+"  # bare URLs
)


def trie_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A regex that matches the longest of ``names`` at a position."""
    trie: dict = {}
    for name in names:
        if not name:
            continue
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = True
    if not trie:
        return None

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if len(branches) == 1 and len(body) > 1 and not body.startswith("(?:"):
            body = "(?:" + body + ")"
        return body + "?" if end else body

    return re.compile(build(trie))


@dataclass
class Linker:
    """Built once per catalogue: name -> slug, and the trie regex over all names."""

    targets: dict[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def from_names(cls, targets: dict[str, str]) -> Linker:
        return cls(targets, trie_pattern(targets))

    def link(self, body: str, self_slug: str, href: str = "{slug}.md") -> tuple[str, list[str]]:
        """Return the body with first mentions linked, and the slugs mentioned, in order."""
        if self.pattern is None:
            return body, []
        # Lines that hold a name at all, from one search of the whole body: a name never spans a line
        # break, so a line without a match there has nothing to link (most lines, most pages).
        hit_lines: set[int] = set()
        line_no = pos = 0
        for m in self.pattern.finditer(body):
            line_no += body.count("\n", pos, m.start())
            pos = m.start()
            hit_lines.add(line_no)
        if not hit_lines:
            return body, []
        done: set[str] = {self_slug, *explicit_links(body)}  # a page linked by hand is not linked twice
        mentioned: list[str] = []
        out: list[str] = []
        in_fence: str | None = None
        for index, line in enumerate(body.split("\n")):
            fence = FENCE.match(line)
            if in_fence:
                if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                    in_fence = None
                out.append(line)
                continue
            if fence:
                in_fence = fence.group(1)
                out.append(line)
                continue
            if index not in hit_lines or SKIP_LINE.match(line):
                out.append(line)
                continue
            out.append(self._link_line(line, done, mentioned, href))
        return "\n".join(out), mentioned

    def _link_line(self, line: str, done: set[str], mentioned: list[str], href: str) -> str:
        pieces: list[str] = []
        pos = 0
        for m in PROTECTED.finditer(line):
            pieces.append(self._link_text(line[pos : m.start()], done, mentioned, href))
            pieces.append(m.group(0))
            pos = m.end()
        pieces.append(self._link_text(line[pos:], done, mentioned, href))
        return "".join(pieces)

    def _link_text(self, text: str, done: set[str], mentioned: list[str], href: str) -> str:
        if not text:
            return text

        def replace(m: re.Match[str]) -> str:
            name = m.group(0)
            slug = self.targets.get(name)
            if slug is None or slug in done:
                return name
            done.add(slug)
            mentioned.append(slug)
            return f"[{name}]({href.format(slug=slug)})"

        return self.pattern.sub(replace, text)


EXPLICIT_LINK = re.compile(r"\]\((?:\.\./models/|\./)?([a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#[^)]*)?\)")


def explicit_links(body: str) -> list[str]:
    """Slugs of model pages a body links to by hand, e.g. ``[红色驿站](hongse-yizhan.md)``."""
    seen: dict[str, None] = {}
    for m in EXPLICIT_LINK.finditer(body):
        seen.setdefault(m.group(1))
    return list(seen)
