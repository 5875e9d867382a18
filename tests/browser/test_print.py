"""Printing: a model page is a one-page A4 practice card; print/ is one card per sheet.

Each card carries the QR code of its page's address: the printed PDF is rasterised and the codes
decoded with zbar (tests/browser/decode.py), and each must lead to its own page.

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
from bs4 import BeautifulSoup

from .decode import qr_codes_per_page, require_tools
from .helpers import LANGUAGES

pytestmark = pytest.mark.browser

# A 综述 (overview) page summarises a whole year's source article in some 3,800 characters;
# no readable A4 card holds that. It may take two sheets; every other model takes one.
LONG_KINDS = {"Overview": 2}  # by the kind's English label, the same in every language's catalogue.json


def norm(text: str) -> str:
    """Text as compared: NFKC, no white space (lines wrap anywhere in Chinese)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def print_pdf(page) -> bytes:
    return page.pdf(format="A4", print_background=True)


def pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [norm(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def printer(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def catalogue_of(built_site, lang: str) -> dict:
    return json.loads((built_site / lang / "data" / "catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue(built_site):
    return catalogue_of(built_site, "")


ADDRESS_LABEL = {"": "本页网址", "zh-Hant/": "本頁網址"}
SOURCES_ID = {"": "来源", "zh-Hant/": "來源"}


PRINTED_JS = """(sourcesId) => {
  const shown = el => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0
                     && !el.closest('[hidden]');
  const sources = document.getElementById(sourcesId);
  return {
    chrome: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search', '.md-footer', '.gm-links',
             '.md-content__button', '.md-top'].filter(s => [...document.querySelectorAll(s)].some(shown)),
    sources: shown(sources) && sources.nextElementSibling && shown(sources.nextElementSibling)
             ? sources.nextElementSibling.innerText : '',
    address: [...document.querySelectorAll('.gm-print-url')].filter(shown).map(el => el.innerText).join(' '),
  };
}"""


@pytest.mark.parametrize("lang", list(ADDRESS_LABEL))
def test_every_model_page_prints_as_a_one_page_card(printer, site_url, built_site, lang):
    require_tools()
    problems = []
    for m in catalogue_of(built_site, lang)["models"]:
        printer.goto(site_url + lang + f"models/{m['slug']}/")
        pdf = print_pdf(printer)
        pages = pdf_pages(pdf)
        allowed = LONG_KINDS.get(m["kind"]["en"], 1)
        if len(pages) > allowed:
            problems.append(f"{m['slug']}: {len(pages)} pages (at most {allowed})")
        url = printer.locator("link[rel=canonical]").get_attribute("href")
        if url not in "".join(pages):  # the address is ASCII: it reads back from the PDF exactly
            problems.append(f"{m['slug']}: the page's address {url} is not printed")
        codes = qr_codes_per_page(pdf)
        if codes[0] != [url]:  # the card's first sheet carries one code: its own address
            problems.append(f"{m['slug']}: QR codes on the first sheet read {codes[0]}, not [{url!r}]")
        printer.emulate_media(media="print")
        seen = printer.evaluate(PRINTED_JS, SOURCES_ID[lang])
        printer.emulate_media(media="null")  # back to no emulation: page.pdf() uses print media
        if seen["chrome"]:
            problems.append(f"{m['slug']}: printed what a card leaves out: {seen['chrome']}")
        if seen["address"] != f"{ADDRESS_LABEL[lang]}：{url}":
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
    pdf = print_pdf(printer)
    pages = pdf_pages(pdf)
    assert len(pages) == len(titles), f"{len(titles)} cards on {len(pages)} sheets"
    urls = [re.search(r"https?://\S+", u).group(0) for u in printer.locator(".gm-print-card__url").all_inner_texts()]
    assert len(urls) == len(titles)
    for url, text in zip(urls, pages, strict=True):
        assert url in text  # each sheet carries its card's address
    # ... and its QR code, which leads to that card's own page
    canonical_root = printer.locator("link[rel=canonical]").get_attribute("href").removesuffix("print/")
    local_root = site_url + lang
    for title, url, codes in zip(titles, urls, qr_codes_per_page(pdf), strict=True):
        assert codes == [url], f"{title}: QR codes read {codes}, not [{url!r}]"
        served = printer.request.get(local_root + url.removeprefix(canonical_root))
        assert served.ok, f"{title}: {url} does not lead to a page"
        html = BeautifulSoup(served.text(), "html.parser")
        assert html.select_one("link[rel=canonical]")["href"] == url, f"{title}: {url} leads to another page"
        assert norm(title) in norm(html.select_one("article h1").get_text()), f"{title}: {url} leads to another page"
