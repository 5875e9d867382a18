"""What search knows beyond the page text: parts of names, places with their parents, synonyms."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcat import graph, load, searchdict
from govcat.i18n import Localizer
from govcat.views import Views

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def catalogue():
    return load(ROOT / "docs", ROOT / "data", root=ROOT)


def test_parts_are_every_run_of_two_or_more_chinese_characters():
    assert searchdict.parts("暖心房") == ["暖心房", "暖心", "心房"]
    found = searchdict.parts("“和事佬”调解室")
    assert {"和事佬", "和事", "事佬", "调解室", "调解", "解室"} == set(found)
    assert "佬调" not in found  # punctuation ends a run
    assert searchdict.parts("8090 Vanguard") == []


def test_keywords_hold_parts_of_names_and_places_with_their_parents(catalogue):
    views = Views(catalogue, graph.build(catalogue))
    words = views.keywords(catalogue.models["wumin-yiti"])
    for part in ("五民", "长石桥", "石桥", "康王", "经开区", "岳阳"):  # 长石桥村, 康王乡, the zone and the city
        assert part in words, part
    assert len(words) == len(set(words))


def test_synonyms_reach_models_by_their_names_problems_and_summaries(catalogue):
    views = Views(catalogue, graph.build(catalogue))
    assert "反诈" in views.keywords(catalogue.models["daji-dianxin-wangluo-zhapian"])  # its problem
    assert "天网" in views.keywords(catalogue.models["xueliang-gongcheng"])  # 探头 in its summary
    assert "反诈" not in views.keywords(catalogue.models["meizi-xiaowu"])


def test_english_pages_get_the_english_synonyms_word_by_word(catalogue):
    views = Views(catalogue, graph.build(catalogue), Localizer("en"))
    words = views.keywords(catalogue.models["saohei-chue"])
    assert {"mafia", "organized", "crime"} <= set(words)
    assert "黑社会" not in words


def test_compact_index_keeps_keywords_searched_never_shown_once_per_page():
    index = {"config": {"fields": {"title": {"boost": 1000}, "tags": {"boost": 10}}},
             "docs": [{"location": "models/a/", "tags": ["甲"]}, {"location": "models/a/#x", "tags": ["甲"]}]}
    out = searchdict.compact_index(index)
    assert out["config"]["fields"] == {"title": {"boost": 1000}, "keywords": {"boost": 10}}
    page, section = out["docs"]
    assert page == {"location": "models/a/", "keywords": ["甲"]}  # the theme shows `tags`: none left
    assert section == {"location": "models/a/#x"}
