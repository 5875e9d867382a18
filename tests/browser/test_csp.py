"""The Content-Security-Policy in a real browser: every page type in every language loads, searches and
filters with no violation, and a script that slipped into a page does not run."""

from __future__ import annotations

import shutil

import pytest

from .conftest import PAGES, PHONE, page_id
from .serve import serving

pytestmark = pytest.mark.browser

# Every violation the page reports, kept on the window so the test can read it after the load.
RECORD_VIOLATIONS = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(**PHONE)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()


def violations(tab) -> list[str]:
    return tab.evaluate("window.__csp")


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_every_page_has_a_policy_and_breaks_none_of_it(tab, site_url, path):
    tab.goto(site_url + path, wait_until="networkidle")
    policies = tab.locator('head meta[http-equiv="Content-Security-Policy"]')
    assert policies.count() == 1
    script_src = policies.get_attribute("content").split("script-src", 1)[1].split(";")[0]
    assert "'unsafe-inline'" not in script_src and "http" not in script_src
    assert tab.evaluate("document.documentElement.classList.contains('gm-js')")  # our inline script ran
    assert violations(tab) == []


@pytest.mark.parametrize("root, query", [("", "调解"), ("zh-Hant/", "調解"), ("en/", "mediation")])
def test_search_runs_under_the_policy(tab, site_url, root, query):
    tab.goto(site_url + root, wait_until="networkidle")
    tab.locator("label.md-header__button[for=__search]").click()
    box = tab.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    tab.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert violations(tab) == []


def test_catalogue_filters_run_under_the_policy(tab, site_url):
    tab.goto(site_url + "catalogue/", wait_until="networkidle")
    tab.locator("select[name=problems]").select_option("maodun-jiufen")
    tab.locator("#gm-results .gm-card").first.wait_for()  # drawn from the filter data script
    assert violations(tab) == []


def test_a_script_that_slipped_into_a_page_does_not_run(tab, built_site, tmp_path):
    """The second line: an inline script and an event handler added to a built page are refused."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    page = copy / "models" / "meizi-xiaowu" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<script>window.__ran = 1</script><img src="x.png" onerror="window.__ran = 2">'
                        '<img src="https://tracker.example/p.gif"></article>', 1)
    page.write_text(html, encoding="utf-8")
    with serving(copy, "/") as base:
        tab.goto(base + "models/meizi-xiaowu/", wait_until="load")
        tab.wait_for_timeout(300)
        assert tab.evaluate("window.__ran") is None
        found = violations(tab)
    assert any(v.startswith("script-src") for v in found), found
    assert any("tracker.example" in v for v in found), found
