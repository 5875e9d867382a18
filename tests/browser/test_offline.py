"""The offline bundle, as a trainer uses it: unzip, open index.html from disk, search, read."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .helpers import LANGUAGES, PHONE
from .test_csp import RECORD_VIOLATIONS

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """scripts/offline run for real (it builds the repository into a temporary folder), then unzipped."""
    if not (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").is_file():
        message = "node_modules is missing: run `npm ci` (package.json pins the search shim for file://)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    out = tmp_path_factory.mktemp("offline")
    archive = out / "offline.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), "--out", str(archive)], check=True,
                   cwd=ROOT, capture_output=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(out / "unzipped")
    folders = [p for p in (out / "unzipped").iterdir() if p.is_dir()]
    assert len(folders) == 1, "the zip holds one folder"
    return folders[0]


def test_the_offline_bundle_searches_and_opens_pages_from_disk(browser, bundle):
    context = browser.new_context(**PHONE)
    context.add_init_script(RECORD_VIOLATIONS)  # the offline policy must hold from file:// too
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto((bundle / "index.html").as_uri())
        assert page.title() == "基层治理模式库"
        page.locator("label.md-header__button[for=__search]").click()
        box = page.locator("input.md-search__input")
        box.fill("调解")
        box.press("End")
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=15_000)
        assert "调解" in page.locator(".md-search-result").inner_text()
        assert page.evaluate("window.__csp") == []  # search ran in its frame under the policy
        first.click()
        page.wait_for_load_state()
        assert page.url.startswith(bundle.as_uri() + "/models/") and ".html" in page.url
        assert page.locator(".gm-header").is_visible()  # a model page, with its header card
        # a link written by our templates (place) leads to a file, not to a folder listing
        page.locator(".gm-header .gm-path a").last.click()
        page.wait_for_load_state()
        assert page.url.endswith(".html") and page.locator("article h1").is_visible()
        elsewhere = sorted({u for u in requests if not u.startswith(("file://", "data:"))})
        assert not elsewhere, "the offline copy reached out to:\n" + "\n".join(elsewhere)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_filters_every_model_from_disk(browser, bundle, lang):
    """From file://, where fetch() does not work: the filters load every model's card data as a script,
    find a model the first page does not list, and its card links to the model's file."""
    context = browser.new_context(**PHONE)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        page.goto((bundle / lang / "catalogue.html").as_uri())
        listed = set(page.locator("#gm-page .gm-card__title").evaluate_all("els => els.map(a => a.href)"))
        with page.expect_navigation():
            page.locator("#gm-page .gm-pager a[rel=next]").tap()
        assert page.url.startswith((bundle / lang / "catalogue").as_uri()) and page.url.endswith(".html")
        later = page.locator("#gm-page .gm-card__title").evaluate_all("els => els.map(a => a.href)")
        target = next(h for h in later if h not in listed)  # on page 2 only
        page.goto((bundle / lang / "catalogue.html").as_uri())
        slug = target.rsplit("/", 1)[-1].removesuffix(".html")
        kinds = page.locator("select[name=kinds] option").evaluate_all("els => els.map(o => o.value).filter(Boolean)")
        for kind in kinds:  # some kind's filtered list holds the model
            page.locator("select[name=kinds]").select_option(kind)
            page.locator("#gm-results:not([hidden])").wait_for()
            found = page.locator(f"#gm-results .gm-card__title[href$='/{slug}.html']")
            if found.count():
                break
        assert found.count() == 1, f"{slug} not found by any kind"
        assert page.evaluate("window.__csp") == []
        with page.expect_navigation():
            found.tap()
        assert page.url == target and page.locator(".gm-header").is_visible()
    finally:
        context.close()


def test_every_language_is_in_the_bundle_with_its_search_index(bundle):
    for lang in LANGUAGES:
        assert (bundle / lang / "index.html").is_file(), lang
        assert (bundle / lang / "search" / "search_index.js").is_file(), f"{lang}: search would not work from disk"


def test_feed_and_citation_files_open_from_disk(bundle):
    """The home page's feed link and a model page's BibTeX / RIS links lead to files in the bundle;
    no page announces the feed in its head (the theme would fetch a sitemap beside it, from disk)."""
    from bs4 import BeautifulSoup

    for lang in LANGUAGES:
        home = BeautifulSoup((bundle / lang / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert home.select_one('link[type="application/atom+xml"]') is None, lang
        feed = home.select_one('article a[href$="feed.xml"]')
        assert feed is not None and (bundle / lang / feed["href"]).is_file(), lang
        model = bundle / lang / "models" / "meizi-xiaowu.html"  # the offline copy links files, not folders
        links = BeautifulSoup(model.read_text(encoding="utf-8"), "html.parser").select(".gm-citation__actions a")
        assert [a["href"].rsplit("/", 1)[-1] for a in links] == ["meizi-xiaowu.bib", "meizi-xiaowu.ris"], lang
        assert all((model.parent / a["href"]).is_file() for a in links), lang
