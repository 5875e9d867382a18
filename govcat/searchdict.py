"""The search engine's custom dictionary, so that 五民一体 or 和事佬调解室 stay one term.

jieba's user-dictionary format: one ``word frequency`` per line. Names get a high frequency so
that jieba keeps them whole even where its own dictionary would split them.
"""

from __future__ import annotations

from .model import Catalogue

FREQUENCY = 100000


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


def keywords(names: list[str]) -> list[str]:
    """Search keywords of a model: its names and the words inside them.

    The dictionary keeps 红色驿站 whole in the index, so a query for 驿站 alone would miss it;
    jieba's search mode also yields the shorter words inside a name (红色, 驿站).
    """
    import jieba

    found: dict[str, None] = {}
    for name in names:
        found.setdefault(name)
        for word in jieba.cut_for_search(name):
            if len(word) >= 2 and any(ch.isalnum() for ch in word):
                found.setdefault(word)
    return list(found)
