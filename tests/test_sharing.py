"""Cite, share, follow: citations (GB/T 7714 via CSL, BibTeX, RIS), QR codes and the Atom feed.

The core is tested on plain data; the build tests build a copy of the project (Simplified only)
with and without git history, as tests/test_updated.py does, and read the feed back with
feedparser and the citation files with the parsers Zotero-like tools use.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import feedparser
import rispy
from bs4 import BeautifulSoup
from conftest import build_site
from pybtex.database import parse_string
from test_updated import git, quick, two_commits  # noqa: F401 (quick is a fixture)

from govcat import cite, feed, history, qr

URL = "https://example.org/kb/models/meizi-xiaowu/"


def ref(**over) -> cite.PageRef:
    fields = dict(key="jiceng-meizi-xiaowu", title="梅子小屋", site="基层治理模式库", url=URL, lang="zh",
                  updated=dt.date(2022, 3, 4), accessed=dt.date(2024, 5, 1))
    return cite.PageRef(**{**fields, **over})


# --- GB/T 7714 -------------------------------------------------------------------------------

def test_a_page_is_cited_as_an_electronic_resource_with_update_and_access_dates():
    c = cite.gbt7714(ref())
    assert c.text == f"基层治理模式库. 梅子小屋[EB/OL]. (2022-03-04)[2024-05-01]. {URL}."
    assert (c.before, c.accessed) == ("基层治理模式库. 梅子小屋[EB/OL]. (2022-03-04)[", "2024-05-01")


def test_without_history_the_citation_gives_no_update_date():
    c = cite.gbt7714(ref(updated=None))
    assert c.text == f"基层治理模式库. 梅子小屋[EB/OL]. [2024-05-01]. {URL}."


def test_the_access_date_is_found_even_when_it_equals_the_update_date():
    c = cite.gbt7714(ref(updated=dt.date(2024, 5, 1)))
    assert c.before.endswith("(2024-05-01)[") and c.accessed == "2024-05-01" and c.after.startswith("]. ")


def test_english_pages_are_cited_in_english():
    c = cite.gbt7714(ref(title="Meizi Hut", site="Grassroots Governance Models", lang="en"))
    assert "Meizi Hut[EB/OL]. (2022-03-04)[2024-05-01]" in c.text
    assert not re.match(r"^\[\d+\]", c.text)  # no list number: the reader numbers their own list


# --- BibTeX and RIS ------------------------------------------------------------------------------

def test_bibtex_reads_back_with_every_field():
    entry = parse_string(cite.bibtex(ref(title="梅子小屋 & 100% {x}")), "bibtex").entries["jiceng-meizi-xiaowu"]
    assert entry.type == "online"
    assert entry.fields["url"] == URL and entry.fields["urldate"] == "2024-05-01"
    assert entry.fields["date"] == "2022-03-04"
    assert str(entry.persons["author"][0]) == "{基层治理模式库}"  # a body, not a person's family name


def test_ris_reads_back_as_a_web_page():
    [record] = rispy.loads(cite.ris(ref(lang="zh-Hant", title="梅子小屋")))
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == "梅子小屋" and record["urls"] == [URL]
    assert record["date"] == "2022/03/04" and record["access_date"] == "2024/05/01"
    assert record["language"] == "zh-Hant"
    assert "date" not in rispy.loads(cite.ris(ref(updated=None)))[0]


# --- QR ---------------------------------------------------------------------------------------------

def test_qr_code_is_an_inline_svg_sized_by_css():
    code = qr.svg(URL, "本页网址的<二维码>")
    assert code.startswith("<svg") and 'viewBox="0 0 ' in code
    assert "width=" not in code.split(">", 1)[0]  # the print stylesheet sets the size in mm
    assert "<title>本页网址的&lt;二维码&gt;</title>" in code
    assert qr.svg(URL + "x", "t") != qr.svg(URL, "t")


# --- Atom ------------------------------------------------------------------------------------------

LABELS = feed.Labels(feed_title="站：新增和更新的模式", added="新增", updated="更新", no_history="没有修改记录")


def entry(slug: str, day: dt.date, change: str | None) -> feed.Entry:
    return feed.Entry(url=f"https://example.org/kb/models/{slug}/", title=slug, summary=f"{slug} <摘要> & 说明",
                      date=day, change=change)


def parse(xml: str):
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_feed_lists_the_newest_changes_first_with_what_changed():
    xml = feed.atom([entry("a", dt.date(2021, 6, 30), "added"), entry("b", dt.date(2022, 3, 4), "updated")],
                    labels=LABELS, feed_url="https://example.org/kb/feed.xml", home_url="https://example.org/kb/",
                    lang="zh-Hans", author="站", built=dt.date(2024, 5, 1), from_history=True)
    f = parse(xml)
    assert f.version == "atom10" and f.feed.title == "站：新增和更新的模式" and "subtitle" not in f.feed
    assert f.feed.updated == "2022-03-04T00:00:00Z"
    assert [e.title for e in f.entries] == ["更新：b", "新增：a"]
    assert [e.tags[0].term for e in f.entries] == ["updated", "added"]
    assert f.entries[0].summary == "b <摘要> & 说明"
    assert f.entries[1].link == "https://example.org/kb/models/a/" and f.entries[1].published.startswith("2021-06-30")


def test_feed_without_history_says_its_dates_are_build_dates():
    xml = feed.atom([entry("a", dt.date(2024, 5, 1), None)], labels=LABELS, feed_url="u", home_url="h",
                    lang="zh-Hans", author="站", built=dt.date(2024, 5, 1), from_history=False)
    f = parse(xml)
    assert f.feed.subtitle == "没有修改记录"
    assert f.entries[0].title == "a" and "tags" not in f.entries[0]


def test_feed_is_bounded():
    many = [entry(f"m{i:03}", dt.date(2020, 1, 1) + dt.timedelta(days=i), "added") for i in range(120)]
    assert [e.url for e in feed.latest(many)][:2] == [many[119].url, many[118].url]
    assert len(feed.latest(many)) == feed.MAX_ENTRIES


# --- history: added or updated ------------------------------------------------------------------------

def test_history_tells_added_from_updated(project):
    two_commits(project)
    h = history.read(project)
    assert h.last_change(project / "docs/models/meizi-xiaowu.md") == ("updated", dt.date(2022, 3, 4))
    assert h.last_change(project / "docs/models/wumin-yiti.md") == ("added", dt.date(2021, 6, 30))
    assert h.last_change(project / "no-such-file.md") is None


# --- built site ----------------------------------------------------------------------------------------

def site_feed(site: Path):
    return parse((site / "feed.xml").read_text(encoding="utf-8"))


def citation(site: Path, slug: str) -> str:
    page = BeautifulSoup((site / "models" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page.select_one(".gm-citation__text").get_text()


def test_built_feed_and_citations_follow_git_history(quick, project, tmp_path):  # noqa: F811
    two_commits(project)
    site = build_site(project, tmp_path / "site")
    f = site_feed(site)
    assert "subtitle" not in f.feed
    first = f.entries[0]
    assert first.title == "更新：梅子小屋" and first.updated.startswith("2022-03-04")
    assert first.link.endswith("/models/meizi-xiaowu/")
    assert {e.tags[0].term for e in f.entries[1:]} == {"added"}
    assert "梅子小屋[EB/OL]. (2022-03-04)[2024-05-01]" in citation(site, "meizi-xiaowu")
    bib = parse_string((site / "models/meizi-xiaowu/meizi-xiaowu.bib").read_text(encoding="utf-8"), "bibtex")
    assert bib.entries["jiceng-meizi-xiaowu"].fields["date"] == "2022-03-04"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one('link[rel=alternate][type="application/atom+xml"]')["href"] == "feed.xml"
    assert home.select_one('article a[href="feed.xml"]') is not None  # linked from the home page's text


def test_without_history_feed_and_citations_say_so(quick, project, tmp_path):  # noqa: F811
    site = build_site(project, tmp_path / "site")
    f = site_feed(site)
    assert "构建日期" in f.feed.subtitle
    assert f.entries and all("tags" not in e and e.updated.startswith("2024-05-01") for e in f.entries)
    assert "梅子小屋[EB/OL]. [2024-05-01]" in citation(site, "meizi-xiaowu")  # no update date claimed


def test_a_shallow_clone_falls_back_too(quick, project, tmp_path):  # noqa: F811
    two_commits(project)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", project.as_uri(), str(clone))
    site = build_site(clone, tmp_path / "site")
    assert "构建日期" in site_feed(site).feed.subtitle
    assert "梅子小屋[EB/OL]. [2024-05-01]" in citation(site, "meizi-xiaowu")

