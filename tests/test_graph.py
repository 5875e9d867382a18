"""Related ranking, backlinks and same-place lists, on a small hand-made catalogue."""

from __future__ import annotations

import datetime as dt

from govcat import graph
from govcat.model import Catalogue, Citation, Model, Place, Source, Term


def term(vocabulary, zh):
    return Term(vocabulary, zh, f"{vocabulary}-{len(zh)}-{ord(zh[0])}", zh, "说明")


def catalogue(*models: Model) -> Catalogue:
    vocab = {v: {} for v in ("dimensions", "kinds", "statuses", "themes", "problems")}
    for m in models:
        for v, zh in m.terms():
            vocab[v][zh] = term(v, zh)
    places = {
        "qu": Place("qu", "区", "District", "district"),
        "a": Place("a", "甲社区", "A", "community", parent="qu"),
        "b": Place("b", "乙社区", "B", "community", parent="qu"),
    }
    src = {"s": Source("s", "article", "标题", "机构", dt.date(2022, 3, 3), "zh-Hans")}
    return Catalogue({m.slug: m for m in models}, places, src, vocab)


def model(slug, *, place="qu", dims=("自治强基",), themes=("矛盾调解",), problems=(), related=(), body="", **kw):
    return Model(slug=slug, path=f"docs/models/{slug}.md", src_uri=f"models/{slug}.md", title=kw.get("title", slug),
                 kind="模式", place=place, dimensions=list(dims), themes=list(themes), summary="概要",
                 status="据来源在运行", sources=[Citation("s")], body=body, problems=list(problems),
                 related=list(related), aliases=kw.get("aliases", []), draft=kw.get("draft", False))


def test_explicit_related_come_first_in_author_order():
    c = catalogue(model("x", related=["z", "y"]), model("y"), model("z", themes=("其他",)))
    assert graph.build(c).related["x"][:2] == ["z", "y"]


def test_ranking_by_shared_terms_and_place_is_deterministic():
    c = catalogue(
        model("me", place="a", problems=("邻里纠纷",)),
        model("same-problem", place="b", problems=("邻里纠纷",)),  # shares the rare problem, and more
        model("same-place", place="a", themes=("其他",), dims=("法治保障",)),  # shares the place
        model("theme-only", place="qu", dims=("法治保障",)),  # theme and kind only
        model("also-theme", place="qu", dims=("法治保障",)),
    )
    related = graph.build(c).related["me"]
    assert related == ["same-problem", "same-place", "also-theme", "theme-only"]
    assert graph.build(c).related["me"] == related  # same answer every build


def test_at_most_six_related_and_never_itself_or_drafts():
    models = [model(f"m{i}") for i in range(10)] + [model("draft", draft=True)]
    related = graph.build(catalogue(*models)).related
    assert len(related["m0"]) == graph.MAX_RELATED
    assert "m0" not in related["m0"] and "draft" not in related["m0"]
    assert related["m0"] == ["m1", "m2", "m3", "m4", "m5", "m6"]  # a tie at the cut is broken by slug


def test_explicit_related_are_not_counted_twice():
    models = [model("m0", related=["m7", "m9"]), *(model(f"m{i}") for i in range(1, 10))]
    related = graph.build(catalogue(*models)).related["m0"]
    assert related == ["m7", "m9", "m1", "m2", "m3", "m4"]


def test_backlinks_from_mentions_and_explicit_links():
    c = catalogue(
        model("meizi", title="梅子小屋"),
        model("wumin", title="五民一体", body="学习梅子小屋的经验。"),
        model("hongse", title="红色驿站", body="参见[那一页](meizi.md)。"),
        model("quiet", title="安静", body="不提任何模式。"),
    )
    g = graph.build(c)
    assert g.backlinks["meizi"] == ["hongse", "wumin"]
    assert "quiet" not in g.backlinks
    assert g.mentions["wumin"] == ["meizi"]
    assert "[梅子小屋](meizi.md)" in g.linked_bodies["wumin"]


def test_drafts_do_not_create_backlinks():
    c = catalogue(model("meizi", title="梅子小屋"), model("d", title="草稿", body="梅子小屋", draft=True))
    assert graph.build(c).backlinks.get("meizi") is None


def test_same_place_lists_the_others_at_that_place():
    c = catalogue(model("a1", place="a"), model("a2", place="a"), model("b1", place="b"))
    g = graph.build(c)
    assert g.same_place["a1"] == ["a2"] and g.same_place["b1"] == []
    assert g.same_place_total == {"a1": 1, "a2": 1, "b1": 0}


def test_same_place_keeps_the_first_few_and_counts_the_rest():
    c = catalogue(*(model(f"m{i:02d}", place="a") for i in range(graph.MAX_SAME_PLACE + 5)))
    g = graph.build(c)
    assert g.same_place["m00"] == [f"m{i:02d}" for i in range(1, graph.MAX_SAME_PLACE + 1)]
    assert g.same_place["m03"] == [f"m{i:02d}" for i in range(graph.MAX_SAME_PLACE + 1) if i != 3]
    assert g.same_place_total["m03"] == graph.MAX_SAME_PLACE + 4


def test_many_equal_scores_are_ranked_by_slug():
    c = catalogue(*(model(f"m{i:03d}") for i in range(300)))  # all share every term: all tie
    assert graph.build(c).related["m150"] == [f"m{i:03d}" for i in range(graph.MAX_RELATED)]


def test_rare_terms_are_read_first_and_the_work_is_bounded(monkeypatch):
    monkeypatch.setattr(graph, "SCAN_LIMIT", 3)
    models = [model(f"m{i}", place="a" if i < 2 else "b") for i in range(5)]
    related = graph.build(catalogue(*models)).related
    assert related["m0"] == ["m1"]  # the place (2 models) is read; the terms shared by all 5 are not
    monkeypatch.setattr(graph, "SCAN_LIMIT", 100)
    assert graph.build(catalogue(*models)).related["m0"][0] == "m1"
    assert len(graph.build(catalogue(*models)).related["m0"]) == 4
