"""Traditional quotation marks: what the converter does to “” and ‘’ (unit tests, no build)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from govcat.i18n import Converter, load_glossary
from govcat.punctuation import traditional_quotes


def converter(profile: str = "s2tw") -> Converter:
    return Converter(profile, load_glossary(ROOT / "data" / "glossary-zh-hant.yml", profile))


@pytest.mark.parametrize(("simplified", "traditional"), [
    ("“红色驿站”", "「紅色驛站」"),
    # the source nests ‘’ inside “” (GB/T 15834); Taiwan nests 『』 inside 「」
    ("也写到“调解矛盾有‘暖心房’”。", "也寫到「調解矛盾有『暖心房』」。"),
    # three levels alternate again (重訂標點符號手冊: 以此類推)
    ("他说：“她说‘我听到“好”字’。”", "他說：「她說『我聽到「好」字』。」"),
    # a quote at the top is 「」 whichever mark the source used
    ("娱乐场所‘毒黄赌’专项行动", "娛樂場所「毒黃賭」專項行動"),
    ("“关系网”“保护伞”", "「關係網」「保護傘」"),
])
def test_quotes_become_corner_brackets_nested_as_in_taiwan(simplified, traditional):
    assert converter()(simplified) == traditional


@pytest.mark.parametrize("text", ["社区网格员", "Grassroots governance", "2021年", "「已是台湾的引号」", ""])
def test_text_without_curly_quotes_is_unchanged(text):
    assert traditional_quotes(text) == text


def test_quotes_around_markup_and_across_a_line_break_pair_up():
    # a quotation that holds a link, emphasis or a soft line break is still one quotation
    assert traditional_quotes("“[红色驿站](hongse-yizhan.md)”") == "「[红色驿站](hongse-yizhan.md)」"
    assert traditional_quotes("“**调解**‘暖心房’”") == "「**调解**『暖心房』」"
    html = '“<a href="x/">红色驿站</a>”与‘<em>家和</em>’'
    assert traditional_quotes(html) == '「<a href="x/">红色驿站</a>」与「<em>家和</em>」'
    assert traditional_quotes("他说：“第一行\n第二行‘引语’”") == "他说：「第一行\n第二行『引语』」"


def test_each_text_is_paired_on_its_own():
    c = converter()
    texts = ["“未闭合", "‘暖心房’", "闭合”", "网格“瘦身”微治理"]
    assert c.each(texts) == [c(t) for t in texts] == ["「未閉合", "「暖心房」", "閉合」", "網格「瘦身」微治理"]


def test_an_unclosed_quote_does_not_push_later_quotes_deeper():
    assert traditional_quotes("“未闭合的引号，后面的‘词’和“词”") == "「未闭合的引号，后面的「词」和「词」"
    assert traditional_quotes("甲”乙“丙") == "甲」乙「丙"  # never a curly double quote left


def test_apostrophes_and_lone_single_quotes_are_kept():
    assert traditional_quotes("Children’s Day，“儿童节”") == "Children’s Day，「儿童节」"
    assert traditional_quotes("students’ union") == "students’ union"  # a lone closing mark


def test_code_is_left_as_it_is():
    markdown = "写 `print(“x”)` 和 “y”\n\n```python\ns = “代码”\n```\n\n~~~\n‘a’\n~~~\n“z”"
    assert traditional_quotes(markdown) == "写 `print(“x”)` 和 「y」\n\n```python\ns = “代码”\n```\n\n~~~\n‘a’\n~~~\n「z」"
    code = "<code>“b”</code></p><pre><code>“c”</code></pre><script>let s = “d”;</script><!-- “e” --><kbd>“f”</kbd>"
    assert traditional_quotes("<p>“a”" + code) == "<p>「a」" + code
    assert traditional_quotes("``代码里有`和“引号”``，“外面”") == "``代码里有`和“引号”``，「外面」"
    # a lone backtick is not a code span: the quotation after it is converted
    assert traditional_quotes("a`b “c”") == "a`b 「c」"


def test_html_attributes_keep_their_straight_quotes():
    html = '<meta name="description" content="以“红色驿站”引领"><a title=\'“家和”\' href="x">“家和”</a>'
    assert traditional_quotes(html) == ('<meta name="description" content="以「红色驿站」引领">'
                                        '<a title=\'「家和」\' href="x">「家和」</a>')


def test_exports_stay_valid_json_and_csv():
    data = json.dumps({"title": "“8090”先锋队", "summary": "有‘暖心房’"}, ensure_ascii=False)
    assert json.loads(converter()(data)) == {"title": "「8090」先鋒隊", "summary": "有「暖心房」"}
    csv = 'slug,title\nx,"“家和”理念, 另一个"\n'
    assert converter()(csv) == 'slug,title\nx,"「家和」理念, 另一個"\n'


def test_only_conversions_into_traditional_change_quotes():
    assert Converter("t2s")("“紅色驛站”") == "“红色驿站”"  # the search map's reverse conversion
    assert Converter("s2hk")("“红色驿站”") == "「紅色驛站」"  # Hong Kong writes 「」 too


def test_glossary_fixes_apply_inside_quotes(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- {zh: 分水垅, zh-Hant: 分水垅}\n", encoding="utf-8")
    c = Converter("s2tw", load_glossary(path, "s2tw"))
    assert c("“分水垅社区”") == "「分水垅社區」"
