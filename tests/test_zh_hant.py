"""Known wrong Traditional forms (data/zh-hant-wrong.yml) never reach the Traditional site.

The list is data: a wrong form found later is one line there (and its right form one entry in
data/glossary-zh-hant.yml). The fast test converts every Simplified page and registry the way the
build does; the build test reads every file of the built zh-Hant site, search index and scripts included.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from govcat import searchpages
from govcat.i18n import Converter, load_glossary, load_wrong_conversions

WRONG = load_wrong_conversions(ROOT / "data" / "zh-hant-wrong.yml")
TEXT_FILES = {".html", ".json", ".js", ".xml", ".txt", ".csv"}
# Files that carry every name in both scripts on purpose, so that a Simplified query finds the page on the
# Traditional site: a wrong form that is itself the Simplified original (分水垅) is expected there.
BOTH_SCRIPTS = {"zh-Hant/data/jieba-userdict.txt"}


def converter() -> Converter:
    return Converter("s2tw", load_glossary(ROOT / "data" / "glossary-zh-hant.yml", "s2tw"))


def simplified(text: str) -> bool:
    return Converter("t2s")(text) == text != Converter("s2tw")(text)


def found(text: str, where: str) -> list[str]:
    out = []
    for e in WRONG:
        if where in BOTH_SCRIPTS and simplified(e["wrong"]):
            continue
        at = text.find(e["wrong"])
        if at >= 0:
            out.append(f"{where}: {e['wrong']} (should be {e['right']}) … {text[max(0, at - 15):at + 15]!r}")
    return out


def test_the_list_is_not_empty_and_each_entry_names_its_right_form():
    assert len(WRONG) >= 2
    assert all(e["wrong"] and e["right"] and e["wrong"] != e["right"] for e in WRONG)


@pytest.mark.parametrize(("simplified", "wrong", "right"), [
    ("墙钟时间", "牆鍾", "牆鐘"),
    ("全部通过后提交合并请求", "合並請求", "合併請求"),
    ("分水垅社区", "分水壟", "分水壠"),
])
def test_glossary_fixes_what_opencc_gets_wrong_in_context(simplified, wrong, right):
    plain = Converter("s2tw")(simplified)
    fixed = converter()(simplified)
    assert right in fixed and wrong not in fixed
    assert any(e["wrong"] == wrong for e in WRONG)
    if simplified != "分水垅社区":  # OpenCC gives 分水壠 itself: the entry pins the decision, it fixes nothing
        assert wrong in plain  # without the glossary the wrong form comes back: the test can fail


def test_no_simplified_source_converts_to_a_known_wrong_form():
    c = converter()
    problems = []
    files = [p for p in (ROOT / "docs").rglob("*.md") if not p.name.endswith(".en.md")]
    files += [p for p in (ROOT / "data").glob("*.yml") if p.name not in ("zh-hant-wrong.yml", "glossary-zh-hant.yml")]
    for path in sorted(files):
        problems += found(c(path.read_text(encoding="utf-8")), str(path.relative_to(ROOT)))
    assert not problems, "\n".join(problems)


def test_built_traditional_site_has_no_known_wrong_form(built_site: Path):
    folder = built_site / "zh-Hant"
    problems = []
    files = [p for p in sorted(folder.rglob("*")) if p.suffix in TEXT_FILES]
    assert any(p.name == "index.html" for p in files) and any(p.name == "search_index.json" for p in files)
    for path in files:
        problems += found(path.read_text(encoding="utf-8", errors="replace"), str(path.relative_to(built_site)))
    index = searchpages.fragments(folder / "pagefind")  # the search index's pages, stored compressed
    assert index
    problems += found(json.dumps(index, ensure_ascii=False), "zh-Hant/pagefind/fragment (search results)")
    assert not problems, "\n".join(problems)
