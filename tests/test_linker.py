"""The mention linker: longest name first, once per target, never where a link would break things."""

from __future__ import annotations

from govcat.linker import Linker, explicit_links, trie_pattern

NAMES = {"网格": "wangge", "网格微治理": "wangge-weizhili", "梅子小屋": "meizi-xiaowu",
         "五民一体": "wumin-yiti", "8090先锋队": "8090-xianfengdui", "8090": "8090-xianfengdui"}
linker = Linker.from_names(NAMES)


def link(body: str, self_slug: str = "other") -> tuple[str, list[str]]:
    return linker.link(body, self_slug)


def test_longest_name_wins():
    body, mentioned = link("平地村网格微治理经验。")
    assert body == "平地村[网格微治理](wangge-weizhili.md)经验。"
    assert mentioned == ["wangge-weizhili"]


def test_shorter_name_linked_separately_later():
    body, _ = link("网格微治理，再说网格。")
    assert body == "[网格微治理](wangge-weizhili.md)，再说[网格](wangge.md)。"


def test_only_first_mention_is_linked():
    body, mentioned = link("梅子小屋很好。梅子小屋在社区。")
    assert body == "[梅子小屋](meizi-xiaowu.md)很好。梅子小屋在社区。"
    assert mentioned == ["meizi-xiaowu"]


def test_never_links_to_itself():
    body, mentioned = link("梅子小屋与五民一体。", self_slug="meizi-xiaowu")
    assert body == "梅子小屋与[五民一体](wumin-yiti.md)。"
    assert mentioned == ["wumin-yiti"]


def test_alias_and_title_of_same_page_linked_once():
    body, _ = link("8090先锋队，又称8090。")
    assert body.count("](8090-xianfengdui.md)") == 1


def test_headings_are_left_alone():
    body, mentioned = link("## 梅子小屋的做法\n\n### 五民一体\n正文提到梅子小屋。")
    assert body.startswith("## 梅子小屋的做法\n\n### 五民一体\n")
    assert body.endswith("正文提到[梅子小屋](meizi-xiaowu.md)。")
    assert mentioned == ["meizi-xiaowu"]


def test_code_blocks_and_inline_code_are_left_alone():
    text = "```\n梅子小屋\n```\n\n~~~yaml\n五民一体\n~~~\n\n`梅子小屋` 与五民一体"
    body, mentioned = link(text)
    assert "```\n梅子小屋\n```" in body and "~~~yaml\n五民一体\n~~~" in body
    assert body.endswith("`梅子小屋` 与[五民一体](wumin-yiti.md)")
    assert mentioned == ["wumin-yiti"]


def test_existing_links_and_images_are_left_alone():
    text = "见[梅子小屋的介绍](https://example.org/梅子小屋)和![五民一体](img.png)，以及[网格][ref]。"
    body, mentioned = link(text)
    assert body == text
    assert mentioned == []


def test_page_linked_by_hand_is_not_linked_again():
    body, mentioned = link("[五民一体](wumin-yiti.md)之后又提到五民一体。")
    assert body.count("wumin-yiti.md") == 1
    assert mentioned == []
    assert explicit_links(body) == ["wumin-yiti"]


def test_admonition_titles_html_and_reference_definitions_are_left_alone():
    text = '!!! note "梅子小屋"\n    正文梅子小屋。\n<div>五民一体</div>\n[ref]: https://example.org "网格"'
    body, _ = link(text)
    lines = body.split("\n")
    assert lines[0] == '!!! note "梅子小屋"'
    assert lines[1] == "    正文[梅子小屋](meizi-xiaowu.md)。"
    assert lines[2] == "<div>五民一体</div>" and lines[3] == text.split("\n")[3]


def test_trie_pattern_matches_longest():
    pattern = trie_pattern(["ab", "abcd", "abc"])
    assert [m.group(0) for m in pattern.finditer("abcd abc ab a")] == ["abcd", "abc", "ab"]


def test_regex_characters_in_names_are_literal():
    special = Linker.from_names({"网格+12345": "wangge-12345", "a.b": "ab"})
    body, _ = special.link("推行网格+12345与axb。", "x")
    assert body == "推行[网格+12345](wangge-12345.md)与axb。"
