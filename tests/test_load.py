"""The content model: every broken input is reported with file, line or field, in zh and en."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from govcat import CatalogueError, fingerprint, load
from govcat.problems import Problem

MODEL = """---
title: 梅子小屋
aliases: [梅子小屋调解]
kind: 模式
place: meizishi-shequ
dimensions: [自治强基]
themes: [矛盾调解]
summary: 社区以“梅子小屋”为载体开展基层治理。
status: 据来源在运行
sources:
  - id: jkq-2022-pingan-huimou
    locator: 第二部分
---

## 概况

正文。
"""

OTHER = MODEL.replace("title: 梅子小屋", "title: 红色驿站").replace("aliases: [梅子小屋调解]", "aliases: []")

VOCAB = """
dimensions:
  - {zh: 自治强基, id: zizhi-qiangji, en: Self-governance, description: 自我管理。}
kinds:
  - {zh: 模式, id: model, en: Model, description: 做法。}
statuses:
  - {zh: 据来源在运行, id: reported-active, en: Reported active, description: 运行中。}
themes:
  - {zh: 矛盾调解, id: maodun-tiaojie, en: Mediation, description: 调解。}
problems:
  - {zh: 邻里纠纷, id: linli-jiufen, en: Neighbour disputes, description: 纠纷。}
"""
PLACES = """
- {id: jingkaiqu, name: 经开区, en: Zone, level: district, sources: [jkq-2022-pingan-huimou]}
- {id: meizishi-shequ, name: 梅子柿社区, en: Meizishi, level: community, parent: jingkaiqu, sources: [jkq-2022-pingan-huimou]}
"""
SOURCES = """
- id: jkq-2022-pingan-huimou
  kind: article
  title: 同心同力护平安
  publisher: 岳阳经济技术开发区
  published: 2022-03-03
  language: zh-Hans
  terms: 使用条款不详；本库只作注明出处、篇幅合理的摘录。
  archive:
    file: data/archive/jkq-2022-pingan-huimou.txt
    captured_from: https://example.org/article
    captured_on: 2022-03-04
    mirror: false
    script: zh-Hans
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "models").mkdir(parents=True)
    (tmp_path / "data" / "vocabulary.yml").write_text(VOCAB, encoding="utf-8")
    (tmp_path / "data" / "places.yml").write_text(PLACES, encoding="utf-8")
    (tmp_path / "data" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (tmp_path / "data" / "archive").mkdir()
    (tmp_path / "data" / "archive" / "jkq-2022-pingan-huimou.txt").write_text("梅子柿社区“梅子小屋”。\n", encoding="utf-8")
    (tmp_path / "docs" / "models" / "meizi-xiaowu.md").write_text(MODEL, encoding="utf-8")
    (tmp_path / "docs" / "models" / "hongse-yizhan.md").write_text(OTHER, encoding="utf-8")
    return tmp_path


def problems(tree: Path) -> list[Problem]:
    with pytest.raises(CatalogueError) as info:
        load(tree / "docs", tree / "data", root=tree)
    return info.value.problems


def write_model(tree: Path, text: str, name: str = "meizi-xiaowu.md", binary: bool = False) -> None:
    path = tree / "docs" / "models" / name
    if binary:
        path.write_bytes(text.encode("utf-8"))
    else:
        path.write_text(text, encoding="utf-8")


def only(found: list[Problem], code: str) -> Problem:
    matching = [p for p in found if p.code == code]
    assert len(matching) == 1, [p.format() for p in found]
    return matching[0]


def test_valid_tree_loads(tree):
    catalogue = load(tree / "docs", tree / "data", root=tree)
    assert sorted(catalogue.models) == ["hongse-yizhan", "meizi-xiaowu"]
    m = catalogue.models["meizi-xiaowu"]
    assert m.place == "meizishi-shequ" and m.sources[0].locator == "第二部分"
    assert [p.id for p in catalogue.place_path("meizishi-shequ")] == ["jingkaiqu", "meizishi-shequ"]


def test_bom_and_crlf_are_accepted(tree):
    write_model(tree, "\ufeff" + MODEL.replace("\n", "\r\n"), binary=True)
    catalogue = load(tree / "docs", tree / "data", root=tree)
    assert catalogue.models["meizi-xiaowu"].title == "梅子小屋"


def test_yaml_syntax_error_names_file_and_line(tree):
    write_model(tree, MODEL.replace("title: 梅子小屋", "title: [unclosed"))
    p = only(problems(tree), "yaml-syntax")
    assert p.path == "docs/models/meizi-xiaowu.md"
    assert p.line is not None and 2 <= p.line <= 4
    text = p.format()
    assert "docs/models/meizi-xiaowu.md:" in text and "YAML 语法错误" in text and "YAML syntax error" in text


def test_unclosed_front_matter(tree):
    write_model(tree, MODEL.replace("---\n\n## 概况", "\n## 概况"))
    assert only(problems(tree), "frontmatter-unclosed").path.endswith("meizi-xiaowu.md")


def test_unknown_key_suggests_the_right_one(tree):
    write_model(tree, MODEL.replace("summary:", "sumary:"))
    found = problems(tree)
    p = only(found, "unknown-key")
    assert p.field == "sumary" and p.line == 8
    assert "summary" in p.format() and "did you mean summary" in p.format()
    assert only(found, "missing-key").field == "summary"


def test_wrong_type(tree):
    write_model(tree, MODEL.replace("themes: [矛盾调解]", "themes: 矛盾调解"))
    p = only(problems(tree), "wrong-type")
    assert p.field == "themes" and p.line == 7
    assert "列表" in p.format() and "a list of texts" in p.format()


def test_missing_required_field(tree):
    write_model(tree, MODEL.replace("kind: 模式\n", ""))
    p = only(problems(tree), "missing-key")
    assert p.field == "kind" and p.path == "docs/models/meizi-xiaowu.md"


def test_empty_summary(tree):
    write_model(tree, MODEL.replace("summary: 社区以“梅子小屋”为载体开展基层治理。", 'summary: "  "'))
    p = only(problems(tree), "empty")
    assert p.field == "summary" and p.line == 8


@pytest.mark.parametrize(("old", "new", "field", "registry"), [
    ("place: meizishi-shequ", "place: meizishi", "place", "data/places.yml"),
    ("themes: [矛盾调解]", "themes: [矛盾调和]", "themes", "data/vocabulary.yml"),
    ("kind: 模式", "kind: 模型", "kind", "data/vocabulary.yml"),
    ("dimensions: [自治强基]", "dimensions: [自治]", "dimensions", "data/vocabulary.yml"),
    ("    locator: 第二部分", "    locator: 第二部分\n  - nosuch-source", "sources", "data/sources.yml"),
])
def test_unknown_reference(tree, old, new, field, registry):
    write_model(tree, MODEL.replace(old, new))
    p = only(problems(tree), "unknown-term")
    assert p.field == field and p.line is not None
    assert registry in p.format()


def test_related_to_missing_page(tree):
    write_model(tree, MODEL.replace("status:", "related: [no-such-page, hongse-yizhan]\nstatus:"))
    p = only(problems(tree), "unknown-term")
    assert p.field == "related" and "no-such-page" in p.format() and p.line == 9


def test_related_to_itself(tree):
    write_model(tree, MODEL.replace("status:", "related: [meizi-xiaowu]\nstatus:"))
    assert only(problems(tree), "self-related").field == "related"


def test_duplicate_title_and_alias(tree):
    write_model(tree, OTHER.replace("title: 红色驿站", "title: 梅子小屋调解"), name="hongse-yizhan.md")
    p = only(problems(tree), "duplicate-name")
    assert "梅子小屋调解" in p.format()
    assert {p.path, p.params["other"]} == {"docs/models/hongse-yizhan.md", "docs/models/meizi-xiaowu.md"}


def test_duplicate_key_in_front_matter(tree):
    write_model(tree, MODEL.replace("status:", "kind: 机制\nstatus:"))
    p = only(problems(tree), "duplicate-key")
    assert p.field == "kind" and p.line == 9


@pytest.mark.parametrize("name", ["梅子小屋.md", "Meizi_Xiaowu.md", "meizi xiaowu.md"])
def test_file_name_must_be_ascii_kebab_case(tree, name):
    (tree / "docs" / "models" / "meizi-xiaowu.md").rename(tree / "docs" / "models" / name)
    p = only(problems(tree), "bad-filename")
    assert name in p.format() and ".md" in p.params["suggestion"]


def test_all_problems_reported_at_once(tree):
    write_model(tree, MODEL.replace("place: meizishi-shequ", "place: nowhere").replace("kind: 模式", "kind: 不存在"))
    write_model(tree, OTHER.replace("title: 红色驿站", "title: [oops"), name="hongse-yizhan.md")
    found = problems(tree)
    assert {p.code for p in found} >= {"unknown-term", "yaml-syntax"}
    assert {p.path for p in found} == {"docs/models/meizi-xiaowu.md", "docs/models/hongse-yizhan.md"}
    assert sum(p.code == "unknown-term" for p in found) == 2


def test_registry_problems_name_their_file(tree):
    (tree / "data" / "places.yml").write_text(
        PLACES + "- {id: Bad_Id, name: 某地, en: X, level: village, parent: nowhere, sources: [jkq-2022-pingan-huimou]}\n",
        encoding="utf-8")
    found = problems(tree)
    assert only(found, "bad-id").path == "data/places.yml"
    assert only(found, "bad-id").line == 4


def test_place_parent_must_exist_and_be_higher(tree):
    (tree / "data" / "places.yml").write_text(PLACES + (
        "- {id: cun, name: 某村, en: X, level: village, parent: nowhere, sources: [jkq-2022-pingan-huimou]}\n"
        "- {id: qu, name: 某区, en: Y, level: district, parent: meizishi-shequ, sources: [jkq-2022-pingan-huimou]}\n"),
        encoding="utf-8")
    found = [p for p in problems(tree) if p.code == "bad-parent"]
    assert sorted(p.params["value"] for p in found) == ["cun", "qu"]


def test_vocabulary_term_needs_en_label(tree):
    text = VOCAB.replace("{zh: 邻里纠纷, id: linli-jiufen, en: Neighbour disputes, description: 纠纷。}",
                         "{zh: 邻里纠纷, id: linli-jiufen, description: 纠纷。}")
    (tree / "data" / "vocabulary.yml").write_text(text, encoding="utf-8")
    p = only(problems(tree), "missing-key")
    assert p.field == "en" and p.path == "data/vocabulary.yml"


def test_other_pages_front_matter_is_parsed_loudly(tree):
    (tree / "docs" / "about.md").write_text("---\ntitle: [unclosed\n---\n\n# 关于\n", encoding="utf-8")
    p = only(problems(tree), "yaml-syntax")
    assert p.path == "docs/about.md" and p.line == 2


def test_a_draft_may_wait_for_its_source_but_a_published_page_may_not(tree):
    no_source = MODEL.replace("sources:\n  - id: jkq-2022-pingan-huimou\n    locator: 第二部分\n", "sources: []\n")
    write_model(tree, no_source.replace("status:", "draft: true\nstatus:"))
    assert load(tree / "docs", tree / "data", root=tree).models["meizi-xiaowu"].draft
    write_model(tree, no_source)
    assert only(problems(tree), "empty").field == "sources"


def test_fingerprint_sees_every_change_to_the_input(tree):
    """The language builds reuse the checked catalogue only while this stays equal (hooks/validate.py)."""
    docs, data = tree / "docs", tree / "data"
    first = fingerprint(docs, data)
    assert fingerprint(docs, data) == first
    page = docs / "models" / "meizi-xiaowu.md"
    stat = page.stat()
    time.sleep(0.05)  # past the file system's clock tick, which may be coarse
    page.write_text(MODEL.replace("正文。", "正文！"), encoding="utf-8")  # same size
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the old modification time restored
    assert fingerprint(docs, data) != first, "an edit that keeps size and modification time"
    second = fingerprint(docs, data)
    (docs / "about.md").write_text("# 关于\n", encoding="utf-8")
    assert fingerprint(docs, data) != second, "a new page"
    third = fingerprint(docs, data)
    (data / "figures.yml").write_text("[]\n", encoding="utf-8")
    assert fingerprint(docs, data) != third, "a new registry"
    fourth = fingerprint(docs, data)
    (docs / "about.md").unlink()
    assert fingerprint(docs, data) != fourth, "a removed page"


def test_fingerprint_of_a_missing_folder(tmp_path):
    assert fingerprint(tmp_path / "nowhere") != fingerprint(tmp_path)


def _synonyms(tree: Path, text: str) -> None:
    (tree / "data" / "synonyms.yml").write_text(text, encoding="utf-8")


def test_a_valid_synonym_registry_loads(tree):
    _synonyms(tree, "- {term: 梅子小屋, words: [梅子屋], en: [plum hut], note: 居民的简称。}\n")
    c = load(tree / "docs", tree / "data", root=tree)
    assert c.synonyms[0].words == ("梅子屋",) and c.synonyms[0].en == ("plum hut",)


def test_a_synonym_needs_a_note_and_words(tree):
    _synonyms(tree, "- {term: 梅子小屋, words: [梅子屋]}\n- {term: 红色驿站, note: 没有词。}\n")
    found = problems(tree)
    missing = only(found, "missing-key")
    assert missing.path == "data/synonyms.yml" and missing.line == 1 and missing.field == "note"
    empty = only(found, "synonym-empty")
    assert empty.line == 2 and "红色驿站" in empty.format()


def test_a_synonym_term_the_catalogue_never_uses_is_reported(tree):
    _synonyms(tree, "- term: 梅子小屋\n  words: [梅子屋]\n  note: 简称。\n- term: 梅子大屋\n  words: [x]\n  note: 笔误。\n")
    p = only(problems(tree), "synonym-term-unused")
    assert p.line == 4 and "梅子大屋" in p.format()
