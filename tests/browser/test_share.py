"""Cite, share, follow in the browser: the 引用本页 block with and without JavaScript, its files,
and the feed each page announces. (Printed QR codes are read back in test_print.py.)"""

from __future__ import annotations

import datetime as dt
import re

import feedparser
import pytest
import rispy
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from pybtex.database import parse_string

from .helpers import LANGUAGES, PHONE

pytestmark = pytest.mark.browser

MODEL = "models/meizi-xiaowu/"
COPIED = {"": "已复制", "zh-Hant/": "已複製", "en/": "Copied"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_button_copies_the_citation_with_todays_date(browser, site_url, lang):
    context = browser.new_context(**PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url + lang + MODEL)
        canonical = page.locator("link[rel=canonical]").get_attribute("href")
        text = page.locator(".gm-citation__text").inner_text()
        today = page.evaluate("(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
                              ".map(n => String(n).padStart(2, '0')).join('-'); })()")
        assert "[EB/OL]" in text and f"[{today}]. {canonical}." in text  # this page, cited today
        button = page.locator(".gm-citation__copy")
        button.click()
        expect(page.locator(".gm-citation__status")).to_have_text(COPIED[lang])  # the clipboard answers later
        assert page.evaluate("navigator.clipboard.readText()") == re.sub(r"\s+", " ", text).strip()
    finally:
        context.close()


def test_without_javascript_the_citation_is_there_and_no_dead_button(browser, site_url):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + MODEL)
        assert page.locator(".gm-citation__text").is_visible()
        assert not page.locator(".gm-citation__copy").is_visible()
        date = page.locator(".gm-citation__accessed").get_attribute("datetime")
        assert dt.date.fromisoformat(date)  # the build date stands
        assert page.locator(".gm-citation__actions a").count() == 2
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_citation_files_download_and_cite_this_page(browser, site_url, lang):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + lang + MODEL)
        canonical = page.locator("link[rel=canonical]").get_attribute("href")
        links = page.locator(".gm-citation__actions a")
        bib_url, ris_url = (page.evaluate("a => a.href", links.nth(i).element_handle()) for i in range(2))
        bib = parse_string(context.request.get(bib_url).text(), "bibtex")
        [entry] = bib.entries.values()
        assert entry.fields["url"] == canonical
        [record] = rispy.loads(context.request.get(ris_url).text())
        assert record["urls"] == [canonical] and record["type_of_reference"] == "ELEC"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_announces_its_languages_feed(browser, site_url, lang):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + lang + "about/")
        href = page.evaluate("document.querySelector('link[rel=alternate][type=\"application/atom+xml\"]').href")
        assert href == site_url + lang + "feed.xml"
        parsed = feedparser.parse(context.request.get(href).body())
        assert not parsed.bozo and parsed.entries
        canonical_root = page.locator("link[rel=canonical]").get_attribute("href").removesuffix("about/")
        entry = parsed.entries[0]
        served = context.request.get(site_url + lang + entry.link.removeprefix(canonical_root))
        assert served.ok
        title = BeautifulSoup(served.text(), "html.parser").select_one("article h1").get_text()
        assert re.sub(r"^(新增|更新|Added|Updated)[：:]\s*", "", entry.title) in title
    finally:
        context.close()
