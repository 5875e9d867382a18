"""On a phone: the catalogue's filters work by touch, and a model page reads without zooming."""

from __future__ import annotations

import re

import pytest

from .helpers import LANGUAGES

pytestmark = pytest.mark.browser


def visible_cards(page):
    return page.locator(".gm-cards > .gm-card:visible")


def test_catalogue_filters_work_by_touch(phone, site_url):
    phone.goto(site_url + "catalogue/")
    total = visible_cards(phone).count()
    assert total >= 25
    status = phone.locator(".gm-facets [role=status]")
    assert status.inner_text() == f"显示 {total} / {total} 个模式"

    problems = phone.locator("select[name=problems]")
    problems.tap()
    label = problems.locator("option[value=maodun-jiufen]").inner_text()  # "矛盾纠纷 (11)"
    expected = int(re.search(r"[(（](\d+)[)）]", label).group(1))
    problems.select_option("maodun-jiufen")
    cards = visible_cards(phone)
    assert 0 < cards.count() == expected < total
    for i in range(cards.count()):
        assert "矛盾纠纷" in cards.nth(i).locator(".gm-card__terms").inner_text()
    assert status.inner_text() == f"显示 {expected} / {total} 个模式"
    assert "problems=maodun-jiufen" in phone.url  # the filtered list can be shared as a link

    kinds = phone.locator("select[name=kinds]")
    kinds.tap()
    kinds.select_option("platform")
    both = visible_cards(phone).count()
    assert both < expected
    for i in range(both):
        assert "平台" in visible_cards(phone).nth(i).locator(".gm-card__meta").inner_text()

    phone.locator(".gm-facets button[type=reset]").tap()
    phone.wait_for_function("n => document.querySelectorAll('.gm-cards > .gm-card:not([hidden])').length === n", arg=total)
    assert status.inner_text() == f"显示 {total} / {total} 个模式"


def test_a_shared_filtered_link_opens_filtered(phone, site_url):
    phone.goto(site_url + "catalogue/?problems=maodun-jiufen")
    assert phone.locator("select[name=problems]").input_value() == "maodun-jiufen"
    shown = visible_cards(phone).count()
    assert 0 < shown < phone.locator(".gm-cards > .gm-card").count()


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
