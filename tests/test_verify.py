"""Quotes and figures against the source archive: each kind of mismatch is reported with file and line.

A small project of its own: two sources, each with an archive in Traditional characters written the way
the real capture is (ASCII commas and colons, section headings on lines of their own), one model page
that quotes and states figures from the first, its English translation, and figures.yml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govcat import CatalogueError, load
from govcat.archive import Archive, cn_value, fold
from govcat.problems import Problem
from govcat.verify import quotes, stated_numbers

ARCHIVE_A = """\
來源:某某區 發布時間:2022-03-03 09:19

2021年,某某區突出平安建設首位,全力維護社會穩定。

實行高位推動  夯實基礎筑平安

平安工作的根基在基層。16個示范點先行先試,梅子柿社區“梅子小屋”各有特色。全區上報事件3901件,其中社情民意類2067條。

雷霆重拳出擊  利劍高懸保平安

著力開展專項行動,共破獲刑事案件260余起,出動警力700余人次,遍布城鄉的1000多個電子探頭全部接入。綜治民調位居全市第三(七區第二)!
"""
ARCHIVE_B = "另一篇文章說:鄰里守望相助,共建和諧家園。\n"

SOURCE = """\
- id: {id}
  kind: article
  title: 标题{id}
  publisher: 某某区
  published: 2022-03-03
  language: zh-Hans
  terms: 使用条款不详；本库只作注明出处、篇幅合理的摘录。
  archive:
    file: data/archive/{id}.txt
    captured_from: https://example.org/{id}
    captured_on: 2022-03-04
    mirror: false
    script: zh-Hant
"""
SOURCES = SOURCE.format(id="src-a") + SOURCE.format(id="src-b")

MODEL = """\
---
title: 梅子小屋
kind: 模式
place: meizishi-shequ
dimensions: [自治强基]
themes: [矛盾调解]
summary: 2021年，梅子柿社区以“梅子小屋”为载体开展基层治理，是16个示范点之一。
status: 据来源在运行
since: 2021
sources:
  - id: src-a
    locator: 第二部分
---

## 概况

> **原文摘录**：
> 平安工作的根基在基层。16个示范点先行先试,梅子柿社区“梅子小屋”各有特色。

本页依据2022年3月3日发布的文章（见第2部分）。全区上报事件3901件，其中社情民意类2067条。

## 成效

| 项目 | 数量 |
| --- | --- |
| 破获刑事案件 | 260余起 |
| 电子探头 | 1000多个 |

> **原文摘录**：着力开展专项行动……出动警力700余人次

## 可借鉴要点

1. 先试点，再推广。
2. 见[网格](https://example.org/page-9999)。

!!! note "一般性建议（非来源内容）"
    每个网格配备5名以上网格员，每周走访3次。

## 来源
"""
LINE = {"quote": 18, "prose": 20, "table": 26, "quote2": 29, "summary": 7, "since": 9}  # a quote: its first line of text

TRANSLATION = """\
---
title: Meizi Hut
summary: One sentence.
---

## Overview

> **From the source (translated):**
> The foundation of safety work lies at the grassroots.

> **原文**：
> 平安工作的根基在基层。

## Sources
"""
EN_LINE = {"translated": 8, "original": 12}

FIGURES = """\
- group: 事件
  id: events
  label: 上报事件
  en: Events
  value: 3901
  unit: 件
  qualifier: null
  year: 2021
  source: src-a
  locator: 第二部分“实行高位推动 夯实基础筑平安”
- group: 排名
  id: rank
  measure: rank
  text: 位居全市第三
  label: 排名
  en: Rank
  value: 3
  unit: 名
  year: 2021
  source: src-a
  locator: 第三部分“雷霆重拳出击 利剑高悬保平安”
"""
VOCAB = """
dimensions: [{zh: 自治强基, id: zizhi-qiangji, en: Self-governance, description: 自我管理。}]
kinds: [{zh: 模式, id: model, en: Model, description: 做法。}]
statuses: [{zh: 据来源在运行, id: reported-active, en: Reported active, description: 运行中。}]
themes: [{zh: 矛盾调解, id: maodun-tiaojie, en: Mediation, description: 调解。}]
problems: [{zh: 邻里纠纷, id: linli-jiufen, en: Neighbour disputes, description: 纠纷。}]
"""
PLACES = """
- {id: jingkaiqu, name: 经开区, en: Zone, level: district, sources: [src-a]}
- {id: meizishi-shequ, name: 梅子柿社区, en: Meizishi, level: community, parent: jingkaiqu, sources: [src-a]}
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    files = {
        "data/vocabulary.yml": VOCAB, "data/places.yml": PLACES, "data/sources.yml": SOURCES,
        "data/figures.yml": FIGURES, "data/archive/src-a.txt": ARCHIVE_A, "data/archive/src-b.txt": ARCHIVE_B,
        "docs/models/meizi-xiaowu.md": MODEL, "docs/models/meizi-xiaowu.en.md": TRANSLATION,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def edit(tree: Path, name: str, old: str, new: str) -> None:
    path = tree / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(tree: Path) -> list[Problem]:
    with pytest.raises(CatalogueError) as info:
        load(tree / "docs", tree / "data", root=tree)
    for p in info.value.problems:  # every problem reads in both languages, with its place
        text = p.format()
        assert "错误：" in text and "修改：" in text and "Error: " in text and "Fix: " in text
    return info.value.problems


def only(found: list[Problem], code: str) -> Problem:
    matching = [p for p in found if p.code == code]
    assert len(matching) == 1, [p.format() for p in found]
    return matching[0]


def test_the_tree_passes_traditional_archive_against_simplified_quotes(tree):
    """Script, width (, against ，), the 著/着 variant and a marked omission (……) all pass."""
    c = load(tree / "docs", tree / "data", root=tree)
    assert list(c.archives) == ["src-a", "src-b"]
    assert c.sources["src-a"].archive.script == "zh-Hant" and c.sources["src-a"].terms.startswith("使用条款")


# --- quotes ---------------------------------------------------------------------------------------------

def test_a_changed_character_in_a_quote_names_file_line_and_closest_passage(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "16个示范点先行先试", "16个示范点先行先行")
    p = only(problems(tree), "quote-not-found")
    assert (p.path, p.line) == ("docs/models/meizi-xiaowu.md", LINE["quote"])
    assert p.params["archive"] == "data/archive/src-a.txt" and p.params["archive_line"] == 7
    assert p.params["passage"].startswith("平安工作的根基在基層")  # the archive's own text, as captured
    assert p.params["changed"] == 1 and 90 <= p.params["percent"] < 100
    assert "先行先行" in p.params["diffs_zh"] and "先行先試" in p.params["diffs_zh"]
    assert "data/archive/src-a.txt:7" in p.format() and "相似度" in p.format() and "similar" in p.format()


def test_a_quote_from_a_source_the_page_does_not_cite(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "平安工作的根基在基层。16个示范点先行先试,梅子柿社区“梅子小屋”各有特色。",
         "邻里守望相助，共建和谐家园。")
    p = only(problems(tree), "quote-uncited")
    assert p.line == LINE["quote"] and p.params["value"] == "src-b"
    assert "src-b" in p.format() and "does not cite" in p.format()


def test_an_invented_quote(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "平安工作的根基在基层。16个示范点先行先试,梅子柿社区“梅子小屋”各有特色。",
         "梅子小屋每周开放五天，由退休干部轮流值守。")
    p = only(problems(tree), "quote-not-found")
    assert p.line == LINE["quote"] and p.params["percent"] < 50


def test_omitted_parts_must_keep_their_order(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "着力开展专项行动……出动警力700余人次", "出动警力700余人次……着力开展专项行动")
    assert only(problems(tree), "quote-not-found").line == LINE["quote2"]


def test_a_quote_must_not_run_across_paragraphs(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "着力开展专项行动……出动警力700余人次", "保平安着力开展专项行动")
    assert only(problems(tree), "quote-not-found").line == LINE["quote2"]


def test_the_english_page_carries_the_checked_original(tree):
    edit(tree, "docs/models/meizi-xiaowu.en.md", "平安工作的根基在基层。", "平安工作的根基在社区。")
    p = only(problems(tree), "quote-not-found")
    assert (p.path, p.line) == ("docs/models/meizi-xiaowu.en.md", EN_LINE["original"])


def test_a_translated_quote_needs_its_original(tree):
    edit(tree, "docs/models/meizi-xiaowu.en.md", "> **原文**：\n> 平安工作的根基在基层。\n", "")
    p = only(problems(tree), "quote-translation-unpaired")
    assert (p.path, p.line) == ("docs/models/meizi-xiaowu.en.md", EN_LINE["translated"])


def test_an_unknown_quote_label_would_go_unchecked(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "**原文摘录**：\n", "**原文摘錄**：\n")
    p = only(problems(tree), "quote-label")
    assert p.line == LINE["quote"] - 1 and p.params["value"] == "原文摘錄"  # the label's line


def test_a_quotation_in_another_form_would_go_unchecked(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "## 成效\n", '## 成效\n\n!!! quote "原文摘录"\n    随便写的一句话。\n')
    p = only(problems(tree), "quote-label")
    assert p.line == 24 and p.params["value"] == "原文摘录"


def test_a_quote_on_a_page_that_cites_no_source(tree):
    (tree / "docs" / "about.md").write_text("# 关于\n\n> **原文摘录**：\n> 平安工作的根基在基层。\n", encoding="utf-8")
    p = only(problems(tree), "quote-uncited")
    assert (p.path, p.line) == ("docs/about.md", 4)


# --- figures in data/figures.yml ---------------------------------------------------------------------------

def test_a_changed_digit_in_a_figure(tree):
    edit(tree, "data/figures.yml", "value: 3901", "value: 3907")
    p = only(problems(tree), "figure-not-found")
    assert (p.path, p.line, p.field) == ("data/figures.yml", 5, "value")
    assert "3907" in p.format() and "data/archive/src-a.txt" in p.format()


def test_a_figure_missing_from_the_archive(tree):
    (tree / "data" / "figures.yml").write_text(FIGURES + FIGURES.split("- group: 排名")[0].replace(
        "id: events", "id: calls").replace("value: 3901", "value: 12345"), encoding="utf-8")
    p = only(problems(tree), "figure-not-found")
    assert p.line == 26 and "12345" in p.format()


def test_a_figure_keeps_its_qualifier(tree):
    edit(tree, "data/figures.yml", "value: 3901\n  unit: 件\n  qualifier: null", "value: 260\n  unit: 起\n  qualifier: 多")
    p = only(problems(tree), "number-qualifier")
    assert p.line == 5 and p.params["found"] == "260余"


@pytest.mark.parametrize(("old", "new", "line", "field"), [
    ("year: 2021\n  source: src-a\n  locator: 第二", "year: 2020\n  source: src-a\n  locator: 第二", 8, "year"),
    ("label: 上报事件", "label: 上报事件（3902件）", 3, "label"),
])
def test_the_year_and_the_digits_in_a_figure_label(tree, old, new, line, field):
    edit(tree, "data/figures.yml", old, new)
    p = only(problems(tree), "number-not-found")
    assert (p.path, p.line, p.field) == ("data/figures.yml", line, field)


def test_a_figure_in_chinese_numerals_and_its_text(tree):
    """位居全市第三: the value 3 is found as 三 (and as a digit elsewhere); the text must contain it."""
    edit(tree, "data/figures.yml", "text: 位居全市第三", "text: 位居全市第四")
    assert only(problems(tree), "figure-text").field == "text"


def test_a_figure_outside_the_part_its_locator_names(tree):
    edit(tree, "data/figures.yml", "locator: 第二部分“实行高位推动 夯实基础筑平安”",
         "locator: 第三部分“雷霆重拳出击 利剑高悬保平安”")
    p = only(problems(tree), "figure-section")
    assert p.params["archive_line"] == 7 and (p.params["first"], p.params["last"]) == (9, 12)


# --- numbers on model pages --------------------------------------------------------------------------------

def test_a_changed_digit_on_a_page(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "其中社情民意类2067条", "其中社情民意类2068条")
    p = only(problems(tree), "number-not-found")
    assert (p.path, p.line) == ("docs/models/meizi-xiaowu.md", LINE["prose"]) and "2068" in p.format()


def test_a_number_on_a_page_keeps_its_qualifier(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "| 260余起 |", "| 260起 |")
    p = only(problems(tree), "number-qualifier")
    assert p.line == LINE["table"] and p.params["found"] == "260余"


@pytest.mark.parametrize(("old", "new", "line", "field"), [
    ("是16个示范点之一", "是17个示范点之一", LINE["summary"], "summary"),
    ("since: 2021", "since: 2019", LINE["since"], "since"),
])
def test_numbers_in_the_front_matter(tree, old, new, line, field):
    edit(tree, "docs/models/meizi-xiaowu.md", old, new)
    p = only(problems(tree), "number-not-found")
    assert (p.line, p.field) == (line, field)


def test_the_year_a_cited_source_was_published_needs_no_more(tree):
    edit(tree, "data/archive/src-a.txt", "發布時間:2022-03-03 09:19", "")
    load(tree / "docs", tree / "data", root=tree)  # 2022年3月3日 on the page: the source's publication date


def test_what_counts_as_a_stated_number():
    body = "\n".join([
        "## 1. 概况",  # heading numbering
        "1. 第一条；2、第二条",  # list numbering
        "见第3部分、第12节，2022年3月3日、5日、09:30 发布；2016-2020年。",  # sections, dates, times; years count
        "共有[12个](models/x-99.md)网格，<!-- gm:counts -->`42` https://a.org/77",
        "> **原文摘录**：88个",  # a quotation is checked as a quotation
        "!!! note \"一般性建议（非来源内容）\"",
        "    每周走访3次。",
        "",
        "    配备5名。",
        "回到正文：260余起，1000多个，3.50万元，１２３件。",
        "## 一般性建议",
        "每人7天。",
        "## 成效",
        "2021年底达到16个。",
    ])
    found = [(s.line, s.shown, s.year) for s in stated_numbers(body)]
    assert found == [(3, "2022", True), (3, "2016", True), (3, "2020", True), (4, "12", False),
                     (10, "260余", False), (10, "1000多", False), (10, "3.50", False), (10, "123", False),
                     (14, "2021", True), (14, "16", False)]


# --- the archive itself, and the registry ------------------------------------------------------------------

def test_a_missing_archive_file(tree):
    (tree / "data" / "archive" / "src-b.txt").unlink()
    p = only(problems(tree), "archive-missing")
    assert (p.path, p.line, p.field) == ("data/sources.yml", 22, "archive.file")


def test_an_archive_in_the_wrong_place(tree):
    edit(tree, "data/sources.yml", "file: data/archive/src-b.txt", "file: data/src-b.txt")
    found = problems(tree)
    assert only(found, "archive-path").params["expected"] == "data/archive/src-b.txt"
    assert only(found, "archive-orphan").path == "data/archive/src-b.txt"


@pytest.mark.parametrize(("content", "code"), [
    ("只是\u3000\n".encode("gb18030"), "archive-not-utf8"),
    (b"\n \n", "archive-empty"),
    ("正文。\n\n影音先锋女色资源下载\n".encode(), "archive-spam"),
])
def test_a_bad_archive_file(tree, content, code):
    (tree / "data" / "archive" / "src-b.txt").write_bytes(content)
    p = only(problems(tree), code)
    assert p.path == "data/archive/src-b.txt"
    if code == "archive-spam":
        assert p.line == 3


def test_missing_terms_are_reported_and_the_source_stays_registered(tree):
    edit(tree, "data/sources.yml", "  terms: 使用条款不详；本库只作注明出处、篇幅合理的摘录。\n", "")
    found = problems(tree)
    assert [(p.code, p.field, p.line) for p in found] == [("missing-key", "terms", 1)]


def test_the_archive_entry_is_checked_field_by_field(tree):
    edit(tree, "data/sources.yml", "    mirror: false\n    script: zh-Hant\n", "    script: zh-TW\n    removed: [{text: 广告}]\n")
    found = {(p.code, p.field, p.line) for p in problems(tree)}
    assert ("missing-key", "archive.mirror", 8) in found  # on the archive: line, as the key is missing
    assert ("missing-key", "archive.removed.reason", 13) in found  # on its item's line
    assert ("unknown-term", "archive.script", 12) not in found  # reported once the entry is complete
    assert not any(code == "archive-orphan" for code, _, _ in found)


def test_all_problems_at_once(tree):
    edit(tree, "docs/models/meizi-xiaowu.md", "16个示范点先行先试", "16个示范点先行先行")
    edit(tree, "docs/models/meizi-xiaowu.md", "其中社情民意类2067条", "其中社情民意类2068条")
    edit(tree, "data/figures.yml", "value: 3901", "value: 3907")
    (tree / "data" / "archive" / "src-b.txt").unlink()
    codes = sorted(p.code for p in problems(tree))
    assert codes == ["archive-missing", "figure-not-found", "number-not-found", "quote-not-found"]


# --- comparing -----------------------------------------------------------------------------------------------

def test_fold_ignores_script_width_marks_and_spaces_but_not_words():
    assert fold("實行高位推動  夯實基礎,“紅色驛站”!").text == fold("实行高位推动夯实基础，「红色驿站」！").text
    assert fold("著力").text == fold("着力").text
    assert fold("城鄉").text != fold("城镇").text
    assert fold("一\n二").text == "一\n二"  # paragraphs stay apart


def test_chinese_numerals():
    assert [cn_value(x) for x in ("三", "十六", "两千四百", "一百", "二〇二一", "三万五千")] == [3, 16, 2400, 100, 2021, 35000]


def test_closest_passage_points_into_the_archive():
    a = Archive("x", "data/archive/x.txt", ARCHIVE_A)
    m = a.closest("共破獲刑事案件261余起")
    assert (m.line, m.changed, m.diffs) == (11, 1, (("件261余起", "件260余起"),))


def test_quotes_are_read_paragraph_by_paragraph():
    body = "> **原文摘录**：\n> 第一段\n> 接着写。\n>\n> 第二段。\n不带 > 的续行。\n\n```\n> **原文摘录**：代码\n```\n"
    found, unknown, unpaired = quotes(body, 10)
    assert [(q.line, q.text) for q in found] == [(11, "第一段接着写。"), (14, "第二段。不带 > 的续行。")]
    assert unknown == [] and unpaired == []


def test_the_script_of_the_capture_is_one_of_two(tree):
    edit(tree, "data/sources.yml", "script: zh-Hant", "script: zh-TW")
    p = only(problems(tree), "unknown-term")
    assert (p.line, p.field, p.params["value"]) == (13, "archive.script", "zh-TW")


def test_a_qualifier_after_a_space_still_qualifies_the_number():
    """Sources write 50 余场 as often as 50余场: the 余 belongs to the number either way, on both sides."""
    from govcat.archive import numbers_in

    assert [(key, q) for _, key, q in numbers_in("已组织50 余场，解决20余宗，3800 户")] == [
        ("50", "余"), ("20", "余"), ("3800", "")]
