"""Printing: a model page is a one-page A4 practice card; print/ is one card per sheet.

Chromium's own PDF output is what a trainer's "Print" gives; pypdf counts its pages and reads
back the addresses printed on them. Chinese text does not read back exactly (the CJK font maps
some characters to look-alike radicals, 页 to ⻚), so what else is printed is checked on the page
itself under print media, which is what the PDF is drawn from.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata

import pytest

from .helpers import LANGUAGES

pytestmark = pytest.mark.browser

# A 综述 (overview) page summarises a whole year's source article in some 3,800 characters;
# no readable A4 card holds that. It may take two sheets; every other model takes one.
LONG_KINDS = {"综述": 2}


def norm(text: str) -> str:
    """Text as compared: NFKC, no white space (lines wrap anywhere in Chinese)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_pages(page) -> list[str]:
    from pypdf import PdfReader

    pdf = page.pdf(format="A4", print_background=True)
    return [norm(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def printer(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def catalogue(built_site):
    return json.loads((built_site / "data" / "catalogue.json").read_text(encoding="utf-8"))


PRINTED_JS = """() => {
  const shown = el => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0
                     && !el.closest('[hidden]');
  const sources = document.getElementById('来源');
  return {
    chrome: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search', '.md-footer', '.gm-links',
             '.md-content__button', '.md-top'].filter(s => [...document.querySelectorAll(s)].some(shown)),
    sources: shown(sources) && sources.nextElementSibling && shown(sources.nextElementSibling)
             ? sources.nextElementSibling.innerText : '',
    address: [...document.querySelectorAll('.gm-print-url')].filter(shown).map(el => el.innerText).join(' '),
  };
}"""


def test_every_model_page_prints_as_a_one_page_card(printer, site_url, catalogue):
    problems = []
    for m in catalogue["models"]:
        printer.goto(site_url + f"models/{m['slug']}/")
        pages = pdf_pages(printer)
        allowed = LONG_KINDS.get(m["kind"]["zh"], 1)
        if len(pages) > allowed:
            problems.append(f"{m['slug']}: {len(pages)} pages (at most {allowed})")
        url = printer.locator("link[rel=canonical]").get_attribute("href")
        if url not in "".join(pages):  # the address is ASCII: it reads back from the PDF exactly
            problems.append(f"{m['slug']}: the page's address {url} is not printed")
        printer.emulate_media(media="print")
        seen = printer.evaluate(PRINTED_JS)
        printer.emulate_media(media="null")  # back to no emulation: page.pdf() uses print media
        if seen["chrome"]:
            problems.append(f"{m['slug']}: printed what a card leaves out: {seen['chrome']}")
        if seen["address"] != f"本页网址：{url}":
            problems.append(f"{m['slug']}: address line reads {seen['address']!r}")
        for source in m["sources"]:
            if norm(source["citation"].rstrip("。")) not in norm(seen["sources"]):
                problems.append(f"{m['slug']}: citation of {source['id']} not printed")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_all_cards_gives_one_sheet_per_model(printer, site_url, catalogue, lang):
    response = printer.goto(site_url + lang + "print/")
    assert response.status == 200, f"{lang}print/ is missing"
    titles = printer.locator(".gm-print-card h2").all_inner_texts()
    assert len(titles) == len(catalogue["models"])
    pages = pdf_pages(printer)
    assert len(pages) == len(titles), f"{len(titles)} cards on {len(pages)} sheets"
    urls = printer.locator(".gm-print-card__url").all_inner_texts()
    assert len(urls) == len(titles)
    for url, text in zip(urls, pages, strict=True):
        assert re.search(r"https?://\S+", url).group(0) in text  # each sheet carries its card's address
