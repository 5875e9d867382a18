"""Build the real site strictly into a temporary folder and read it as a person would."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, build_site

import govcat

REQUIRED_TITLES = [
    "红色驿站", "五民一体", "网格微治理", "群贤断家事", "梅子小屋", "和事佬调解室", "8090先锋队", "暖心房调解室",
    "满天星志愿者", "红色业委会", "网格“瘦身”微治理", "雪亮工程", "立体化治安防控体系", "十大平安创建",
]
SPAM = "影音先锋"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def catalogue() -> govcat.Catalogue:
    return govcat.load(ROOT / "docs", ROOT / "data", root=ROOT)


def test_every_model_page_has_summary_and_cited_source(built_site):
    c = catalogue()
    assert len(c.models) >= 25
    for slug, m in c.models.items():
        page = soup(built_site, f"models/{slug}")
        assert page.find("h1").get_text(strip=True) == m.title
        assert page.find("meta", attrs={"name": "description"})["content"] == m.summary
        header = page.select_one(".gm-header")
        assert m.summary in header.get_text()
        sources_section = page.find(id="来源")
        assert sources_section is not None, f"{slug}: no 来源 heading"
        cites = sources_section.find_next("ul").get_text()
        for cite in m.sources:
            assert c.sources[cite.source].title in cites, f"{slug}: citation missing"


def test_the_models_the_source_describes_are_all_there():
    titles = {m.title for m in catalogue().models.values()} | {a for m in catalogue().models.values() for a in m.aliases}
    missing = [t for t in REQUIRED_TITLES if t not in titles]
    assert not missing


def test_spam_never_reaches_the_site(project, tmp_path, caplog):
    """The source's injected line, pasted into a page with the text around it, stops the build before
    anything is written, naming the file and line; the published site holds none of it."""
    import pytest
    from mkdocs.exceptions import Abort

    page = project / "docs" / "models" / "meizi-xiaowu.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n## 来源", f"\n{SPAM}女色资源下载\n\n## 来源", 1), encoding="utf-8")
    line = page.read_text(encoding="utf-8").split(SPAM)[0].count("\n") + 1
    site = tmp_path / "site"
    with pytest.raises(Abort):
        build_site(project, site)
    assert f"docs/models/meizi-xiaowu.md:{line}" in caplog.text and "疑似被注入的广告文字" in caplog.text
    assert not any(site.rglob("*.html")), "pages were written from content with spam in it"


def test_spam_is_not_in_the_published_site(built_site):
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".json", ".csv", ".txt", ".xml", ".js"}:
            assert SPAM not in path.read_text(encoding="utf-8", errors="ignore"), path


def test_chinese_headings_get_readable_anchors(built_site):
    page = soup(built_site, "models/meizi-xiaowu")
    ids = [h["id"] for h in page.select("article h2[id]")]
    assert "概况" in ids and "主要做法" in ids
    assert not any(i.startswith("_") for i in ids)


def test_models_stay_out_of_the_navigation(built_site):
    page = soup(built_site, "catalogue")
    nav_links = [a.get("href", "") for a in page.select("nav.md-nav--primary a")]
    assert not any("models/" in href for href in nav_links)


def test_invalid_content_fails_before_anything_is_written(project, tmp_path, caplog):
    bad = project / "docs" / "models" / "meizi-xiaowu.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("place: ", "place: nowhere-", 1), encoding="utf-8")
    site = tmp_path / "never"
    try:
        build_site(project, site)
    except Exception:  # MkDocs logs the PluginError, then aborts
        assert "docs/models/meizi-xiaowu.md:4 [place]" in caplog.text
        assert "不在地点登记中" in caplog.text and "not in the place registry" in caplog.text
    else:
        raise AssertionError("the build should have failed")
    assert not site.exists()


NEW_MODEL = """---
title: 测试驿站
aliases: [测试小站]
kind: 模式
place: meizishi-shequ
dimensions: [自治强基]
themes: [{theme}]
problems: [{problem}]
summary: 用于检验新页面自动出现在所有索引中的测试模式。
status: 状态不明
sources: [jkq-2022-pingan-huimou]
---

## 概况

测试驿站学习了梅子小屋和五民一体的做法。

## 来源
"""


def test_a_new_page_appears_everywhere_it_belongs(project, tmp_path):
    c = govcat.load(project / "docs", project / "data", root=project)
    theme = c.models["meizi-xiaowu"].themes[0]
    problem = next(iter(c.vocabulary["problems"]))
    (project / "docs" / "models" / "ceshi-yizhan.md").write_text(
        NEW_MODEL.format(theme=theme, problem=problem), encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    href = "models/ceshi-yizhan/"

    def links_to_new(url: str) -> bool:
        return any(a.get("href", "").endswith("ceshi-yizhan/") for a in soup(site, url).select("article a"))

    assert links_to_new("catalogue")
    assert links_to_new(f"dimensions/{c.term('dimensions', '自治强基').id}")
    assert links_to_new(f"themes/{c.term('themes', theme).id}")
    assert links_to_new(f"problems/{c.term('problems', problem).id}")
    assert links_to_new(f"kinds/{c.term('kinds', '模式').id}")
    assert links_to_new("places/meizishi-shequ")
    assert links_to_new("places/jingkaiqu")  # listed under the parent place too
    data = json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))
    assert data["schema_version"] and any(m["slug"] == "ceshi-yizhan" for m in data["models"])
    raw = (site / "data" / "catalogue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert any(row[1] == "测试驿站" for row in rows[1:])
    assert "测试驿站 " in (site / "data" / "jieba-userdict.txt").read_text(encoding="utf-8")
    assert "测试小站 " in (site / "data" / "jieba-userdict.txt").read_text(encoding="utf-8")
    for target in ("meizi-xiaowu", "wumin-yiti"):
        backlinks = soup(site, f"models/{target}").find(id="gm-backlinks").find_parent("section")
        assert any(a.get("href", "").endswith("ceshi-yizhan/") for a in backlinks.find_all("a")), target
    body = soup(site, href.rstrip("/")).select_one("article")
    mention_links = {a.get_text(): a["href"] for a in body.select("p a")}
    assert mention_links.get("梅子小屋", "").endswith("meizi-xiaowu/")
    assert mention_links.get("五民一体", "").endswith("wumin-yiti/")


def test_generated_pages_are_not_written_into_docs(project, tmp_path, monkeypatch):
    """The build reads docs/ and writes nothing into it (a build that writes its input loops under
    `mkdocs serve`): the copy's docs/ is the same, file for file, after a build as before."""
    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    before = tree(project / "docs")
    monkeypatch.setenv("SITE_LANGUAGES", "zh")  # the source language generates every page the others do
    site = build_site(project, tmp_path / "site")
    assert (site / "catalogue" / "index.html").exists() and (site / "themes" / "index.html").exists()
    assert tree(project / "docs") == before


def test_generated_pages_edit_links_point_at_their_data(built_site):
    edit = soup(built_site, "themes").select_one("a.md-content__button[href]")
    assert edit is not None and edit["href"].endswith("data/vocabulary.yml")
    edit = soup(built_site, "places").select_one("a.md-content__button[href]")
    assert edit["href"].endswith("data/places.yml")


def test_preview_rebuilds_when_registries_templates_or_code_change():
    """`mkdocs serve` watches docs/ by itself; registries, glossary and templates must be watched too."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {Path(p).resolve() for p in config.watch}
    for folder in ("data", "overrides", "hooks", "govcat"):
        assert (ROOT / folder).resolve() in watched, folder
    assert (ROOT / "data" / "glossary-zh-hant.yml").parent.resolve() in watched


def test_language_builds_load_an_unchanged_catalogue_once(project, tmp_path, monkeypatch):
    """zh-Hant and en are built in the same process right after zh: the catalogue is read, checked and
    linked once while no input file changes, and again after a page changed."""
    from govcat import graph

    loads, graphs = [], []
    real_load, real_graph = govcat.load, graph.build
    monkeypatch.setattr(govcat, "load", lambda *a, **k: loads.append(a) or real_load(*a, **k))
    monkeypatch.setattr(graph, "build", lambda c: graphs.append(c) or real_graph(c))
    site = build_site(project, tmp_path / "site")
    assert (len(loads), len(graphs)) == (1, 1)
    # every card is on the zh-Hant page too, converted with the rest of the page
    for rel in ("catalogue/index.html", "models/meizi-xiaowu/index.html"):
        simplified = (site / rel).read_text(encoding="utf-8")
        traditional = (site / "zh-Hant" / rel).read_text(encoding="utf-8")
        assert "\x1a" not in traditional
        assert traditional.count('<li class="gm-card"') == simplified.count('<li class="gm-card"') > 0
    assert "梅子小屋" in soup(site, "zh-Hant/catalogue").select_one(".gm-cards").get_text()

    page = project / "docs" / "models" / "meizi-xiaowu.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## 来源", "补充一句。\n\n## 来源"), encoding="utf-8")
    monkeypatch.setenv("SITE_LANGUAGES", "zh")
    site = build_site(project, tmp_path / "site2")
    assert (len(loads), len(graphs)) == (2, 2)
    assert "补充一句" in (site / "models" / "meizi-xiaowu" / "index.html").read_text(encoding="utf-8")


def test_shared_navigation_and_theme_parts_change_no_page(project, tmp_path, monkeypatch):
    """hooks/nav.py renders the navigation, footer, styles and scripts once per folder for pages
    outside the navigation: every page must come out as it does when each page renders its own."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")  # both builds dated alike, even across midnight
    built_site = build_site(project, tmp_path / "shared")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "hooks/nav.py" in text
    config.write_text("\n".join(line for line in text.splitlines() if "hooks/nav.py" not in line) + "\n", encoding="utf-8")
    plain = build_site(project, tmp_path / "plain")
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert len(pages) > 250  # every language, every page type

    def words(path: Path) -> str:  # the caches may leave different blank lines, nothing else
        return " ".join(path.read_text(encoding="utf-8").split())

    differ = [str(p) for p in pages if words(built_site / p) != words(plain / p)]
    assert not differ, f"{len(differ)} pages differ, e.g. {differ[:3]}"


def test_an_unknown_marker_is_reported_with_the_catalogue_s_problems(project, tmp_path, caplog):
    """A typo in a marker and a typo in a model's front matter: one build, both problems, with lines."""
    import pytest
    from mkdocs.exceptions import Abort

    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n<!-- gm:problem -->\n", encoding="utf-8")
    line = index.read_text(encoding="utf-8").rstrip("\n").count("\n") + 1
    model = project / "docs" / "models" / "meizi-xiaowu.md"
    model.write_text(model.read_text(encoding="utf-8").replace("summary:", "sumary:", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    assert f"docs/index.md:{line}" in caplog.text and "未知标记 gm:problem" in caplog.text
    assert "docs/models/meizi-xiaowu.md" in caplog.text and "sumary" in caplog.text
