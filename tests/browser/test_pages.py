"""Every page type, in every language, on a phone: what a reader in mainland China gets.

No request leaves the site (no fonts, CDNs, analytics or code-host APIs, which are slow or
blocked there), nothing fails to load, nothing scrolls sideways at 375 px, our own links and
controls are big enough to tap, and axe-core finds no accessibility violation.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .helpers import NOT_FOUND, PAGES, PHONE, page_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_loads_everything_from_the_site_itself(visits, site_url, path):
    v = visits(path)
    assert v.status == (404 if path in NOT_FOUND else 200), v.url
    own = urlsplit(site_url).netloc
    elsewhere = sorted({u for u in v.requests if urlsplit(u).netloc != own and not u.startswith("data:")})
    assert not elsewhere, f"{v.url} requests other hosts:\n" + "\n".join(elsewhere)
    assert not v.failed, f"{v.url}: requests that failed:\n" + "\n".join(v.failed)
    assert not v.console_errors, f"{v.url}: console errors:\n" + "\n".join(v.console_errors)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_nothing_scrolls_sideways_on_a_phone(visits, path):
    v = visits(path)
    assert v.inner_width == 375
    assert v.scroll_width <= v.inner_width, f"{v.url} is {v.scroll_width} px wide on a 375 px screen"


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_our_links_and_controls_are_big_enough_to_tap(visits, path):
    v = visits(path)
    assert not v.small_targets, f"{v.url}: smaller than 44 x 44 px:\n" + "\n".join(v.small_targets)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_axe_finds_no_violation(visits, path):
    v = visits(path)
    found = [f"{x['id']} ({x['impact']}): {x['help']} — {[n['target'] for n in x['nodes']][:5]}" for x in v.axe]
    assert not found, f"{v.url}:\n" + "\n".join(found)


FIRST_LOAD_BUDGET = 200 * 1024  # bytes on the wire (gzip, as GitHub Pages serves) for a model page, cold cache


def test_a_model_page_is_light_on_a_slow_network(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda r: finished.append(r))
    try:
        page.goto(site_url + "models/meizi-xiaowu/", wait_until="networkidle")
        sizes = {r.url: r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished
                 if not r.url.startswith("data:")}
    finally:
        context.close()
    total = sum(sizes.values())
    biggest = "\n".join(f"{v:>8} {u}" for u, v in sorted(sizes.items(), key=lambda kv: -kv[1])[:8])
    assert total <= FIRST_LOAD_BUDGET, f"{total} bytes in {len(sizes)} requests:\n{biggest}"
