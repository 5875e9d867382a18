"""The documents Pagefind indexes, made from the theme's index of a language (govcat/searchpages.py)."""

from __future__ import annotations

import gzip
import json

import pytest
from bs4 import BeautifulSoup

from govcat import searchpages

INDEX = {"config": {"lang": ["zh"], "separator": "[\\s]+"}, "docs": [
    {"location": "models/meizi-xiaowu/", "title": "梅子\u200b小屋", "text": "",
     "keywords": ["梅子小屋", "梅子", "小屋", "a<b"]},
    {"location": "models/meizi-xiaowu/#概况", "title": "概况", "text": "<p>梅子\u200b小屋\u200b是</p>"},
    {"location": "models/meizi-xiaowu/#成效", "title": "成效", "text": "<p>待补充。</p>"},
    {"location": "", "title": "基层治理模式库", "text": "<p>首页</p>"},
]}


def parsed(doc: searchpages.Document) -> BeautifulSoup:
    return BeautifulSoup(doc.html, "html.parser")


def test_one_document_per_page_with_its_title_sections_keywords_and_summary():
    docs = searchpages.documents(INDEX, {"models/meizi-xiaowu/": "社区的“小屋”, 调解 & 议事"})
    assert [d.url for d in docs] == ["models/meizi-xiaowu/", ""]
    page = parsed(docs[0])
    h1 = page.find("h1")
    assert h1.get_text() == "梅子 小屋"  # the theme's word breaks as Pagefind's: a space
    assert page.find(id="概况").find_next_sibling("p").get_text() == "梅子 小屋 是"
    assert float(h1["data-pagefind-weight"]) > searchpages.KEYWORD_WEIGHT > 1
    assert [h["id"] for h in page.find_all("h2")] == ["概况", "成效", searchpages.KEYWORDS]
    keywords = page.find(id=searchpages.KEYWORDS).find_next_sibling("p")
    assert keywords.get_text().split(" ") == ["梅子小屋", "梅子", "小屋", "a<b"]  # escaped, then read back
    meta = page.find("meta", attrs={"data-pagefind-meta": "summary[content]"})
    assert meta["content"] == "社区的“小屋”, 调解 & 议事"  # commas and ampersands survive the attribute form


def test_a_page_without_keywords_or_summary_has_neither():
    home = parsed(searchpages.documents(INDEX)[1])
    assert home.find(id=searchpages.KEYWORDS) is None and home.find("meta") is None
    assert home.find("h1").get_text() == "基层治理模式库"


@pytest.mark.parametrize(("code", "expected"), [("zh", "und-Hans"), ("zh-Hant", "und-Hant"), ("en", "en")])
def test_chinese_is_indexed_in_its_own_words_english_with_its_stemmer(code, expected):
    assert searchpages.language(code) == expected


def test_the_theme_index_keeps_its_settings_only():
    settings = searchpages.settings_only(INDEX)
    assert settings == {"config": INDEX["config"], "docs": []}


def test_fragments_are_read_back_and_anything_else_is_refused(tmp_path):
    folder = tmp_path / "fragment"
    folder.mkdir()
    page = {"url": "/models/x/", "content": "梅子小屋", "meta": {"title": "梅子小屋"}}
    (folder / "a.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd" + json.dumps(page).encode()))
    assert searchpages.fragments(tmp_path) == [page]
    (folder / "b.pf_fragment").write_bytes(gzip.compress(b"{}"))
    with pytest.raises(ValueError, match="b.pf_fragment"):
        searchpages.fragments(tmp_path)


def test_pagefind_indexes_the_documents_into_a_bundle_of_chunks(tmp_path):
    out = tmp_path / "pagefind"
    searchpages.write(searchpages.documents(INDEX, {"models/meizi-xiaowu/": "小屋"}), "und-Hans", out)
    assert sorted(p.name for p in out.iterdir() if not p.name.endswith(searchpages.BUNDLE_SUFFIXES)) == sorted(
        searchpages.BUNDLE)
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["und-Hans"] and entry["languages"]["und-Hans"]["page_count"] == 2
    pages = {p["url"]: p for p in searchpages.fragments(out)}
    assert set(pages) == {"/models/meizi-xiaowu/", "/"}
    assert pages["/models/meizi-xiaowu/"]["meta"]["summary"] == "小屋"
    assert any(a["id"] == searchpages.KEYWORDS for a in pages["/models/meizi-xiaowu/"]["anchors"])
