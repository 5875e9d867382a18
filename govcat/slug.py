"""Turn a Chinese title into the ASCII kebab-case pinyin slug used for file names and URLs.

Slugs are lower-case ASCII so that a shared link never turns into ``%E6%A2%85…``. Pinyin is
grouped by word (梅子小屋 → ``meizi-xiaowu``), because one hyphen per syllable is hard to read
and one unbroken run is hard to type. Words come from jieba, the segmenter the search index
already uses; pinyin comes from pypinyin, read per word so that polyphones such as 调 in 调解
get the word's reading.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

from .schema import KEBAB

# Connectives read better as their own word: 领导坐班接访与… → …-jiefang-yu-…, 送法进校园 → songfa-jin-xiaoyuan.
_STANDALONE = frozenset("与及或的之进在对为把被从向")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_ALNUM = re.compile(r"[a-z0-9]+")


def _is_han(word: str) -> bool:
    return bool(word) and all(_HAN.match(ch) for ch in word)


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """A private jieba tokenizer with only the stock dictionary.

    The build adds the catalogue's titles to jieba's global tokenizer for search; a slug must not
    depend on that (五民一体 would become one word), so slugs use their own instance.
    """
    import jieba  # imported late: it takes a moment to load and only slugs need it

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _words(title: str) -> list[str]:
    tokenizer = _tokenizer()
    words: list[str] = []
    for word in tokenizer.lcut(title, HMM=False):
        if word.strip():
            words.extend(_split_compound(word, tokenizer))
    return words


def _split_compound(word: str, tokenizer) -> list[str]:
    """Split a long dictionary compound into two known words: 领导小组 → 领导 小组."""
    if len(word) < 4 or not _is_han(word):
        return [word]
    for i in range(2, len(word) - 1):
        head, tail = word[:i], word[i:]
        if tokenizer.FREQ.get(head) and tokenizer.FREQ.get(tail):
            return [head, *_split_compound(tail, tokenizer)]
    return [word]


def _group(words: list[str]) -> list[str]:
    """Join single characters to a neighbour so that slugs read as words.

    A run of two or more single characters is one word (五 民 → 五民); a lone character
    joins the next word (微 治理 → 微治理), or the previous one at the end of a run
    (调解 室 → 调解室). Connectives (与, 进 …) and anything that is not Chinese stand alone.
    """
    out: list[str] = []
    singles: list[str] = []
    glue_next = False  # a lone character waits for the next word

    def flush(end_of_run: bool) -> None:
        nonlocal singles, glue_next
        if len(singles) >= 2:
            out.append("".join(singles))
        elif singles and end_of_run and out and _is_han(out[-1]) and out[-1] not in _STANDALONE:
            out[-1] += singles[0]
        elif singles and end_of_run:
            out.append(singles[0])
        elif singles and out and _ALNUM.search(out[-1].lower()):
            out.append(singles[0])  # 2021 年 平安 → 2021-nian-pingan, not nianpingan
        elif singles:
            glue_next = True
            out.append(singles[0])
        singles = []

    for word in words:
        han = _is_han(word)
        if han and len(word) == 1 and word not in _STANDALONE:
            singles.append(word)
            continue
        if han and word not in _STANDALONE:
            flush(end_of_run=False)
            if glue_next:
                out[-1] += word
            else:
                out.append(word)
            glue_next = False
            continue
        flush(end_of_run=True)
        glue_next = False
        out.append(word)
    flush(end_of_run=True)
    return out


def _fold(ch: str) -> str:
    """Latin letters without their accents (é → e); other symbols are kept for jieba to split on."""
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


def slugify(title: str) -> str:
    """The kebab-case pinyin slug of ``title``; raises ValueError if nothing is left of it."""
    from pypinyin import Style, lazy_pinyin

    text = "".join(ch if _HAN.match(ch) else _fold(ch) for ch in unicodedata.normalize("NFKC", title)).strip()
    parts: list[str] = []
    for word in _group(_words(text)):
        if _is_han(word):
            parts.append("".join(lazy_pinyin(word, style=Style.NORMAL)).lower())
            continue
        parts.extend(_ALNUM.findall(word.encode("ascii", "ignore").decode().lower()))
    slug = "-".join(p for p in parts if p)
    slug = re.sub(r"[^a-z0-9]+", "-", slug).strip("-")
    if not slug or not KEBAB.match(slug):
        raise ValueError(f"cannot make an ASCII slug from the title {title!r}")
    return slug
