"""On a phone: the catalogue's filters work by touch, and a model page reads without zooming."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from govcat.paging import PER_PAGE

from .helpers import LANGUAGES

pytestmark = pytest.mark.browser


def visible_cards(page):
    return page.locator(".gm-cards > .gm-card:visible")


def catalogue_total(built_site, lang: str = "") -> int:
    return len(json.loads((built_site / lang / "data" / "catalogue.json").read_text(encoding="utf-8"))["models"])


def test_catalogue_filters_work_by_touch(phone, site_url, built_site):
    phone.goto(site_url + "catalogue/")
    total = catalogue_total(built_site)
    on_page = visible_cards(phone).count()
    assert 25 <= on_page <= PER_PAGE and on_page <= total
    status = phone.locator(".gm-facets [role=status]")
    assert status.inner_text() == f"共 {total} 个模式"

    problems = phone.locator("select[name=problems]")
    problems.tap()
    label = problems.locator("option[value=maodun-jiufen]").inner_text()  # "矛盾纠纷 (11)"
    expected = int(re.search(r"[(（](\d+)[)）]", label).group(1))
    problems.select_option("maodun-jiufen")
    expect(status).to_have_text(f"显示 {expected} / {total} 个模式")
    cards = visible_cards(phone)
    assert 0 < cards.count() == min(expected, PER_PAGE) and expected < total
    for i in range(cards.count()):
        assert "矛盾纠纷" in cards.nth(i).locator(".gm-card__terms").inner_text()
    assert phone.locator(".gm-pager:visible").count() == 0, "the pager is for the unfiltered list"
    assert "problems=maodun-jiufen" in phone.url  # the filtered list can be shared as a link

    kinds = phone.locator("select[name=kinds]")
    kinds.tap()
    kinds.select_option("platform")
    expect(status).not_to_have_text(f"显示 {expected} / {total} 个模式")
    both = visible_cards(phone).count()
    assert both < expected
    for i in range(both):
        assert "平台" in visible_cards(phone).nth(i).locator(".gm-card__meta").inner_text()

    phone.locator(".gm-facets button[type=reset]").tap()
    expect(status).to_have_text(f"共 {total} 个模式")
    assert visible_cards(phone).count() == on_page


def test_a_shared_filtered_link_opens_filtered(phone, site_url):
    phone.goto(site_url + "catalogue/?problems=maodun-jiufen")
    assert phone.locator("select[name=problems]").input_value() == "maodun-jiufen"
    expect(phone.locator(".gm-facets [role=status]")).to_contain_text("显示")
    shown = visible_cards(phone).count()
    assert 0 < shown < phone.locator(".gm-cards > .gm-card").count()


def listed(page) -> list[str]:
    """The slugs of the models the page's own list shows (not the filtered list)."""
    return page.locator("#gm-page .gm-card__title").evaluate_all("els => els.map(a => a.href.split('/').at(-2))")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_filters_find_models_beyond_the_first_page(phone, site_url, built_site, lang):
    """The catalogue is split over numbered pages whose plain links reach every model; a filter searches
    all of it, from any page, and draws each match as the page's own cards are drawn."""
    models = json.loads((built_site / lang / "data" / "catalogue.json").read_text(encoding="utf-8"))["models"]
    assert len(models) > PER_PAGE, "the real catalogue fills more than one page"
    phone.goto(site_url + lang + "catalogue/")
    first = listed(phone)
    seen = list(first)
    while (after := phone.locator("#gm-page .gm-pager a[rel=next]")).count():
        with phone.expect_navigation():
            after.tap()
        seen += listed(phone)
    assert sorted(seen) == sorted(m["slug"] for m in models), "every model once, through the numbered pages"

    # on the last page, filter by the place of a model only an earlier page lists
    late = next(m for m in models if m["slug"] in first and m["slug"] not in listed(phone))
    place = late["place"]["id"]
    phone.locator("select[name=places]").select_option(place)
    found = phone.locator(f"#gm-results .gm-card__title[href$='models/{late['slug']}/']")
    expect(found).to_have_count(1)
    assert phone.locator("#gm-page").is_hidden()
    assert phone.locator("script[data-gm-cards]").count() == 1, "the filter data is loaded once"
    card = found.locator("xpath=..")
    assert card.get_attribute("class") == "gm-card"
    assert card.locator(".gm-card__meta a").get_attribute("href").endswith(f"places/{place}/")
    assert card.locator(".gm-card__summary").inner_text() == late["summary"] or lang == "en/"
    with phone.expect_navigation():
        found.tap()
    assert phone.url == site_url + lang + f"models/{late['slug']}/"


def test_a_long_filtered_list_shows_a_page_at_a_time(phone, site_url):
    """More matches than a page holds: the first PER_PAGE are drawn, the button draws the rest."""
    phone.goto(site_url + "catalogue/")
    phone.locator("select[name=kinds]").select_option("model")
    expect(phone.locator("#gm-results")).to_be_visible()
    # the real catalogue has fewer models of one kind than a page holds: repeat the loaded rows
    n = phone.evaluate("""() => { const d = window.gmCatalogueCards, rows = d.models;
        const count = () => d.models.filter(r => r[d.fields.indexOf('kinds')] === 'model').length;
        while (count() <= 2 * 50) d.models = d.models.concat(rows);
        return count(); }""")
    assert n > PER_PAGE
    phone.locator("select[name=kinds]").dispatch_event("change")
    more = phone.locator(".gm-results__more")
    expect(visible_cards(phone)).to_have_count(PER_PAGE)
    expect(more).to_have_text(f"再显示 {min(PER_PAGE, n - PER_PAGE)} 个")
    while more.is_visible():
        more.tap()
    expect(visible_cards(phone)).to_have_count(n)
    assert phone.locator(".gm-facets [role=status]").inner_text() == f"显示 {n} / {catalogue_total_shown(phone)} 个模式"


def catalogue_total_shown(page) -> str:
    return page.locator(".gm-count").get_attribute("data-total")


def test_a_model_page_reads_without_zooming(phone, site_url):
    phone.goto(site_url + "models/meizi-xiaowu/")
    viewport = phone.locator("meta[name=viewport]").get_attribute("content")
    assert "width=device-width" in viewport and "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    title, summary = phone.locator("article h1"), phone.locator(".gm-header__summary")
    assert title.inner_text() == "梅子小屋"
    assert summary.bounding_box()["y"] + summary.bounding_box()["height"] <= 812, "summary below the first screen"
    sizes = phone.evaluate("""() => [...document.querySelectorAll('.gm-header__summary, article p, article li')]
        .filter(el => el.offsetParent !== null && el.textContent.trim())
        .map(el => [parseFloat(getComputedStyle(el).fontSize), el.textContent.trim().slice(0, 15)])""")
    small = [f"{size}px: {text}" for size, text in sizes if size < 13]
    assert not small, "text too small to read on a phone:\n" + "\n".join(small)
    assert phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.gm-header__summary')).fontSize)") >= 16
    card = phone.locator(".gm-header").bounding_box()
    assert card["x"] >= 0 and card["x"] + card["width"] <= 375


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_wrong_address_offers_a_way_home(phone, site_url, lang):
    response = phone.goto(site_url + lang + "models/no-such-model/")
    assert response.status == 404
    assert phone.locator("article h1").inner_text() in ("页面未找到", "頁面未找到", "Page not found")
    with phone.expect_navigation():
        phone.locator(".gm-404-links a").first.tap()
    assert phone.url == site_url + lang
    assert phone.locator(".md-header").is_visible() and phone.locator("article h1").is_visible()
