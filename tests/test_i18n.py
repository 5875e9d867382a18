"""Languages: conversion to Traditional, English lookups, translation files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_load import MODEL, only, problems, tree  # noqa: F401  (fixture reused)

from govcat import load
from govcat.i18n import Converter, Localizer, load_glossary, load_strings


def converter() -> Converter:
    return Converter("s2tw", load_glossary(ROOT / "data" / "glossary-zh-hant.yml", "s2tw"))


@pytest.mark.parametrize(("simplified", "traditional"), [
    ("社区", "社區"),  # s2twp would give 社群
    ("群贤断家事", "群賢斷家事"),  # s2t would give 羣
    ("红色驿站", "紅色驛站"),
    ("调解", "調解"),
    ("分水垅社区", "分水壠社區"),  # 垅 ↔ 壠 (垄 ↔ 壟); the publisher's 垅 is a conversion it skipped
    ("全部通过后提交合并请求", "全部通過後提交合併請求"),  # glossary: OpenCC gives 合並 in this context
    ("处于全省100名之后", "處於全省100名之後"),
])
def test_traditional_conversion(simplified, traditional):
    assert converter()(simplified) == traditional


def test_converting_many_texts_at_once_equals_converting_each():
    c = converter()
    texts = ["社区", "群贤断家事", "分水垅社区", "", "处于全省100名之后", "调", "解"]
    assert c.each(texts) == [c(t) for t in texts]
    assert c.each(["一行\n两行", "社区"]) == [c("一行\n两行"), "社區"]  # a text with a line break: one by one
    assert c.each([]) == []


def test_glossary_terms_keep_their_form_in_any_context(tmp_path: Path):
    path = tmp_path / "glossary.yml"
    path.write_text("- {zh: 合并请求, zh-Hant: 合併請求, note: n}\n- {zh: 请求, zh-Hant: 请求X, note: n}\n",
                    encoding="utf-8")
    entries = load_glossary(path, "s2tw")
    assert entries == [("合并请求", "合併請求"), ("请求", "请求X")]  # kept even where OpenCC alone is right
    c = Converter("s2tw", entries)
    assert c("提交合并请求，再请求") == "提交合併請求，再请求X"  # the longer term wins; the rest is OpenCC's


def test_every_english_string_used_by_the_views_exists():
    strings = load_strings(ROOT / "data" / "strings-en.yml")
    for key, value in strings.items():
        assert value.strip() or len(key) == 1, f"empty English string for {key}"  # 个/名/类 need no word
        assert set(_placeholders(key)) == set(_placeholders(value)), key


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_localizer_records_missing_strings():
    loc = Localizer("en", {"首页": "Home"})
    assert loc.t("首页") == "Home"
    assert loc.t("未知 {n}", n=3) == "未知 3"
    assert loc.missing == {"未知 {n}"}
    assert Localizer("zh").t("首页") == "首页"


def test_translation_is_loaded_beside_its_page(tree):  # noqa: F811
    (tree / "docs" / "models" / "meizi-xiaowu.en.md").write_text(
        "---\ntitle: Meizi Hut\nsummary: A community's hut.\n---\n\n## Overview\n", encoding="utf-8")
    c = load(tree / "docs", tree / "data", root=tree)
    tr = c.models["meizi-xiaowu"].translations["en"]
    assert tr.title == "Meizi Hut" and "## Overview" in tr.body
    assert "meizi-xiaowu.en" not in c.models


def test_translation_without_its_page_is_an_error(tree):  # noqa: F811
    (tree / "docs" / "models" / "nowhere.en.md").write_text("---\ntitle: X\nsummary: Y\n---\n", encoding="utf-8")
    p = only(problems(tree), "orphan-translation")
    assert p.path == "docs/models/nowhere.en.md" and "nowhere.md" in p.format()


def test_translation_front_matter_is_closed(tree):  # noqa: F811
    (tree / "docs" / "models" / "meizi-xiaowu.en.md").write_text(
        "---\ntitle: Meizi Hut\nsummary: S.\nplace: elsewhere\n---\n", encoding="utf-8")
    p = only(problems(tree), "unknown-key")
    assert p.field == "place" and p.line == 4


@pytest.mark.parametrize("name", ["meizi-xiaowu.zh-Hant.md", "about.zh-TW.md"])
def test_committed_traditional_pages_are_refused(tree, name):  # noqa: F811
    folder = tree / "docs" / ("models" if name.startswith("meizi") else "")
    (folder / name).write_text(MODEL, encoding="utf-8")
    p = only(problems(tree), "committed-traditional")
    assert name in p.format() and "glossary-zh-hant.yml" in p.format()
