"""Traditional quotation marks in the built zh-Hant site: pages, search index, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import build_site

from govcat import searchpages

CURLY_DOUBLE = re.compile("[“”]")
OTHER = ("zh-Hant", "en")


def outside_code(html: str) -> str:
    """The page's markup and text with its <code> and <pre> elements left out."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["code", "pre"]):
        tag.decompose()
    return str(soup)


def shape(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every element with its attribute names (the language switcher marks another current language)."""
    return [(t.name, tuple(sorted(k for k in t.attrs if k != "aria-current")))
            for t in BeautifulSoup(html, "html.parser").find_all(True)]


def index(site: Path) -> str:
    """What the search shows of a language's pages, without the zero-width spaces between words."""
    pages = searchpages.fragments(site / "pagefind")
    return json.dumps(pages, ensure_ascii=False).replace("\u200b", "")


def test_no_curly_double_quotes_in_the_traditional_site(built_site: Path):
    hant = built_site / "zh-Hant"
    pages = sorted(hant.rglob("*.html"))
    assert len(pages) > 80
    left = {str(p.relative_to(hant)): CURLY_DOUBLE.findall(outside_code(p.read_text(encoding="utf-8")))
            for p in pages}
    assert not {k: v for k, v in left.items() if v}
    for rel in ("data/catalogue.json", "data/catalogue.csv"):
        text = (hant / rel).read_text(encoding="utf-8-sig")
        assert not CURLY_DOUBLE.findall(text), rel
    assert not CURLY_DOUBLE.findall(index(hant)), "search index"

    # the Simplified source does have them, and they came out as corner brackets

    assert "“红色驿站”" in index(built_site)
    hant_index = index(hant)
    assert "「紅色驛站」" in hant_index and "「調解矛盾有『暖心房』」" in hant_index
    entries = json.loads((hant / "data" / "catalogue.json").read_text(encoding="utf-8"))
    assert "「8090」先鋒隊" in json.dumps(entries, ensure_ascii=False)


def test_converting_quotes_leaves_every_page_the_same_markup(built_site: Path):
    """Every zh-Hant page has the elements and attributes of its Simplified page, in the same order."""
    for page in sorted(built_site.rglob("*.html")):
        rel = page.relative_to(built_site)
        if rel.parts[0] in OTHER:
            continue
        hant = built_site / "zh-Hant" / rel
        assert shape(page.read_text(encoding="utf-8")) == shape(hant.read_text(encoding="utf-8")), rel


def test_code_keeps_its_quotes_and_text_around_it_is_converted(project: Path, monkeypatch):
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + (
        "\n\n## 引号示例\n\n以“红色驿站”为例，写作 `title: “红色驿站”`，也写作‘红色驿站’。\n\n"
        "```yaml\nsummary: 来源写到“调解矛盾有‘暖心房’”\n```\n"), encoding="utf-8")
    monkeypatch.setenv("SITE_LANGUAGES", "zh-Hant")
    site = build_site(project)
    soup = BeautifulSoup((site / "zh-Hant" / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.find(id="引號示例")
    paragraph = section.find_next("p")
    assert paragraph.get_text() == "以「紅色驛站」為例，寫作 title: “紅色驛站”，也寫作「紅色驛站」。"
    assert paragraph.find("code").get_text() == "title: “紅色驛站”"
    block = section.find_next("pre").get_text()
    assert "“調解矛盾有‘暖心房’”" in block
