"""The three sites as a reader sees them: every page in every language, correctly worded."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

import govcat
from govcat import searchpages

OTHER = ("zh-Hant", "en")
S2T = opencc.OpenCC("s2t")
# Characters that are also correct Traditional characters in some words (鄰里, 岳陽, 于 as a name,
# 團伙), those for which s2t picks a variant form readers in Taiwan do not use (羣, 峯: that is why
# the site uses s2tw). 垅 is not among them: 分水垅 becomes 分水壠 (see data/glossary-zh-hant.yml).
# Also the forms s2tw keeps because Taiwan's standard writes them so (秘訣, 小灶, 吃) and the characters
# of place names that stay as they are in Traditional (咸寧市, 海淀區).
AMBIGUOUS = set("于岳里干伙群峰秘灶吃咸淀")


def html(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def zh_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in OTHER)


def visible_text(soup: BeautifulSoup) -> str:
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    for switcher in soup.select(".md-select"):  # language names are written in their own script
        switcher.decompose()
    return soup.get_text(" ")


def test_every_page_exists_in_every_language(built_site):
    pages = zh_pages(built_site)
    assert len(pages) > 80
    for lang in OTHER:
        missing = [p for p in pages if not (built_site / lang / p).exists()]
        assert not missing, f"{lang}: {missing[:5]}"


def simplified_only(text: str) -> set[str]:
    """Characters a Traditional reader would never write: they change under char-by-char s2t."""
    chars = set(re.findall(r"[\u4e00-\u9fff]", text)) - AMBIGUOUS
    return {ch for ch in chars if S2T.convert(ch) != ch}


def test_traditional_pages_contain_no_simplified_text(built_site):
    leftovers = {}
    for rel in zh_pages(built_site):
        found = simplified_only(visible_text(html(built_site, f"zh-Hant/{rel}")))
        if found:
            leftovers[rel] = "".join(sorted(found))
    assert not leftovers, leftovers


def test_traditional_wording_of_known_terms(built_site):
    text = visible_text(html(built_site, "zh-Hant/models/qunxian-duan-jiashi/index.html"))
    assert "群賢斷家事" in text and "羣" not in text
    text = visible_text(html(built_site, "zh-Hant/models/meizi-xiaowu/index.html"))
    assert "梅子柿社區" in text and "社群" not in text
    page = html(built_site, "zh-Hant/models/hongse-yizhan/index.html")
    assert page.find("h1").get_text(strip=True) == "紅色驛站"
    assert page.find("title").get_text().endswith("基層治理模式庫")
    assert "簡" not in page.find("meta", attrs={"name": "description"})["content"]
    nav = " ".join(a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a"))
    assert "模式目錄" in nav and "模式目录" not in nav
    related = page.find(id="gm-related").find_parent("section").get_text()
    assert "相關模式" in related


def test_traditional_search_index_is_traditional(built_site):
    index = json.dumps(searchpages.fragments(built_site / "zh-Hant" / "pagefind"), ensure_ascii=False)
    assert "紅色驛站" in index and "红色驿站" not in index


def test_english_translated_and_untranslated_pages(built_site):
    catalogue = govcat.load(ROOT / "docs", ROOT / "data", root=ROOT)
    translated = [s for s, m in catalogue.models.items() if "en" in m.translations]
    assert len(translated) >= 8
    for slug in ("hongse-yizhan", "wumin-yiti", "wangge-weizhili", "qunxian-duan-jiashi", "meizi-xiaowu",
                 "heshilao-tiaojieshi", "8090-xianfengdui", "jiahe-linian"):
        assert slug in translated
    page = html(built_site, "en/models/meizi-xiaowu/index.html")
    assert page.find("h1").get_text(strip=True) == catalogue.models["meizi-xiaowu"].translations["en"].title
    assert page.select_one(".gm-untranslated") is None
    assert page.find(id="sources") is not None
    labels = [dt.get_text(strip=True) for dt in page.select(".gm-facts dt")]
    assert "Place" in labels and "地点" not in labels
    untranslated = [s for s in catalogue.models if s not in translated]
    for slug in untranslated:
        page = html(built_site, f"en/models/{slug}/index.html")
        notice = page.select_one(".gm-untranslated")
        assert notice is not None and "not been translated" in notice.get_text()
        assert f"filename={slug}.en.md" in notice.find("a")["href"]
        assert page.select_one('div[lang="zh-Hans"]') is not None


def test_english_generated_pages(built_site):
    page = html(built_site, "en/catalogue/index.html")
    assert page.find("h1").get_text(strip=True) == "Catalogue"
    assert page.find("html")["lang"] == "en"
    options = [o.get_text() for o in page.select("#gm-facets select[name=dimensions] option")]
    assert any("Self-governance" in o for o in options)
    page = html(built_site, "en/problems/index.html")
    assert not re.search(r"[\u4e00-\u9fff]{2,}", page.select_one("nav.md-nav--primary").get_text())


@pytest.mark.parametrize("rel", [
    "index.html", "catalogue/index.html", "models/meizi-xiaowu/index.html", "places/meizishi-shequ/index.html",
    "problems/index.html", "statistics/index.html", "sources/index.html", "about/index.html", "404.html",
])
def test_language_switcher_leads_to_the_same_page(built_site, rel):
    for lang in ("", *OTHER):
        here = built_site / lang / rel
        links = {a["hreflang"]: a["href"] for a in html(built_site, f"{lang}/{rel}".lstrip("/")).select("a.md-select__link")}
        assert set(links) == {"zh", "zh-Hant", "en"}
        for target_lang, href in links.items():
            target = (here.parent / href).resolve()
            if rel != "404.html":
                expected = (built_site / ("" if target_lang == "zh" else target_lang) / rel).resolve()
                target = target / "index.html" if target.is_dir() else target
                assert target == expected, (lang, rel, target_lang, href)
            else:
                assert (target / "index.html").exists(), (lang, href)


@pytest.mark.parametrize(("lang", "pagefind_language"), [("", "und-Hans"), ("zh-Hant/", "und-Hant"), ("en/", "en")])
def test_each_language_has_its_own_search_index_in_chunks(built_site, lang, pagefind_language):
    bundle = built_site / lang / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [pagefind_language]
    assert not [p.name for p in bundle.iterdir() if "ui" in p.name or p.name == "playground"], "unused Pagefind files"
    urls = [f["url"] for f in searchpages.fragments(bundle)]
    assert len(urls) == len(set(urls)), "a page indexed twice"
    assert not [u for u in urls if u.startswith(("/zh-Hant/", "/en/", "/.."))], "another language's pages"
    assert "/models/meizi-xiaowu/" in urls
    # the theme's own index keeps its settings only (the query highlighter reads them): no page in it
    raw = (built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8")
    assert json.loads(raw)["docs"] == [] and len(raw) < 1000


def test_each_language_has_its_own_404(built_site):
    for lang, html_lang in (("", "zh"), ("zh-Hant", "zh-Hant"), ("en", "en")):
        page = html(built_site, f"{lang}/404.html".lstrip("/"))
        assert page.find("html")["lang"] == html_lang
