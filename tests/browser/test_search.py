"""Search as a reader uses it: type a query, read the results, per language and across scripts."""

from __future__ import annotations

import re

import pytest

from .searching import TOP, Searcher, ask, queries, slugs

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def search(browser, site_url):
    """search(language_root, query) -> [(title, href)] of the pages in the result list."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()

    def run(root: str, query: str) -> list[tuple[str, str]]:
        page.goto(site_url + root, wait_until="networkidle")
        ask(page, query)
        items = page.locator("li.md-search-result__item > a.md-search-result__link")
        results = []
        for i in range(items.count()):
            link = items.nth(i)
            title = link.locator("h1, h2").first.inner_text().replace("\u200b", "").strip()
            results.append((title, link.get_attribute("href")))
        return results

    yield run
    context.close()


def titles(results) -> list[str]:
    return [t for t, _ in results]


@pytest.mark.parametrize(("root", "query", "expected"), [
    ("", "驛站", "红色驿站"),  # Traditional typed on the Simplified site
    ("", "驿站", "红色驿站"),  # a word inside a name the dictionary keeps whole
    ("", "紅色驛站", "红色驿站"),
    ("", "五民一体", "五民一体"),  # the dictionary keeps the name one search term
    ("", "和事佬调解室", "“和事佬”调解室"),
    ("zh-Hant/", "红色驿站", "紅色驛站"),  # Simplified typed on the Traditional site
    ("zh-Hant/", "紅色驛站", "紅色驛站"),
    ("zh-Hant/", "群贤断家事", "群賢斷家事"),
    ("en/", "Red Post Station", "Red Post Station (Hongse Yizhan)"),
])
def test_query_finds_the_page_first(search, root, query, expected):
    assert titles(search(root, query))[0] == expected


@pytest.mark.parametrize(("root", "query", "expected"), [
    # 调解 alone answers some forty models; with the name's part the model is among the first
    ("", "和事佬調解", "“和事佬”调解室"),
    ("", "暖心調解", "“暖心房”调解室"),
    ("zh-Hant/", "和事佬调解", "「和事佬」調解室"),  # Traditional quotation marks on the Traditional site
    ("", "8090先锋队", "“8090”先锋队"),  # an alias
    ("", "网格瘦身微治理", "网格“瘦身”微治理"),  # an alias without the quotes
    ("", "梅子柿社区", "梅子小屋"),  # a place name finds the model there
    ("", "长石桥村", "五民一体"),
    ("zh-Hant/", "長石橋村", "五民一體"),
    ("", "家庭矛盾", "群贤断家事"),  # a problem word finds the models that address it
    ("", "电信网络诈骗", "打击电信网络诈骗犯罪专项行动"),
])
def test_query_finds_the_page_among_the_first_results(search, root, query, expected):
    assert expected in titles(search(root, query))[:8]


@pytest.mark.parametrize("root", ["", "zh-Hant/", "en/"])
def test_results_come_from_this_language_only_and_once(search, site_url, root):
    results = search(root, "调解" if root != "en/" else "mediation")
    hrefs = [href for _, href in results]
    assert len(hrefs) == len(set(hrefs)), "a page is listed twice"
    prefix = site_url + root
    for href in hrefs:
        assert href.startswith(prefix), href
        rest = href[len(prefix):]
        assert not rest.startswith(("zh-Hant/", "en/")), href


@pytest.mark.parametrize(("root", "query", "title"), [("", "梅子", "梅子小屋"), ("en/", "Meizi", "Meizi Hut")])
def test_the_index_is_downloaded_only_when_the_reader_goes_to_search(browser, site_url, root, query, title):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + root + "models/meizi-xiaowu/", wait_until="networkidle")
    assert not [u for u in requested if "search_index" in u or "/pagefind/" in u], \
        "a reader who never searches downloaded the index"
    assert not [u for u in requested if u.endswith("sitemap.xml")], "the whole sitemap on a first visit"
    ask(page, query)
    assert [u for u in requested if u.endswith(root + "search/search_index.json")]
    assert title in page.locator(".md-search-result").inner_text()
    context.close()


def test_a_query_typed_before_the_index_arrives_still_gets_its_results(browser, site_url):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.route("**/search/search_index.json", lambda route: (page.wait_for_timeout(500), route.continue_()))
    page.goto(site_url, wait_until="domcontentloaded")
    ask(page, "驿站", timeout=15_000)
    assert "驿站" in page.locator(".md-search-result").inner_text()
    context.close()


@pytest.fixture(scope="module")
def searcher(browser, site_url):
    context = browser.new_context(**DESKTOP)
    yield Searcher(context, site_url)
    context.close()


@pytest.mark.parametrize("query", queries(), ids=lambda q: f"{q.lang}:{q.q}")
def test_every_query_of_the_set_finds_its_page_among_the_first_five(searcher, query):
    """tests/search_queries.yml: what readers type, each with the page that must answer it."""
    locations = searcher.locations(query.lang, query.q)
    assert len(locations) == len(set(locations)), f"a page is listed twice: {locations}"
    assert not [loc for loc in locations if loc.startswith(("zh-Hant/", "en/", "../", "/"))], locations
    found = slugs(locations)
    assert query.page in found[:TOP], f"{query.q!r} on the {query.lang} site ({query.kind}): {found[:TOP]}"


def test_keyboard_alone_finds_opens_and_highlights(browser, site_url):
    """/ opens search (the index arrives then), the arrow keys choose a result, Enter opens it, and
    the page shows the query highlighted."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(site_url + "models/hongse-yizhan/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.insert_text("梅子小屋")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/models/meizi-xiaowu/**")
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for(timeout=10_000)
    assert "梅子" in marks.first.inner_text()
    context.close()


def test_the_search_dialog_with_results_is_accessible(browser, site_url):
    from axe_playwright_python.sync_playwright import Axe

    from .helpers import AXE_OPTIONS

    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    ask(page, "调解")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    context.close()


@pytest.mark.parametrize(("root", "typed", "completed"), [("", "梅子", "梅子小屋"), ("en/", "medi", "mediation")])
def test_the_last_word_is_completed_and_the_right_arrow_accepts_it(browser, site_url, root, typed, completed):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(site_url + root, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(typed)
    box.press("End")  # the theme reads the box on key events
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    suggestion = page.locator(".md-search__suggest")
    suggestion.filter(has_text=completed).wait_for(timeout=5_000)
    box.press("ArrowRight")
    assert box.input_value() == completed
    context.close()


def test_the_count_says_how_many_matched_when_only_the_first_are_listed(browser, site_url):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    ask(page, "调解")  # some forty models
    meta = page.locator(".md-search-result__meta")
    listed = page.locator("li.md-search-result__item").count()
    page.wait_for_function("() => /共 \\d+ 个/.test(document.querySelector('.md-search-result__meta').textContent)")
    shown, total = (int(n) for n in re.findall(r"\d+", meta.inner_text()))
    assert shown == 20 and total > shown and listed <= shown
    context.close()


def test_a_search_that_failed_to_download_is_tried_again(browser, site_url):
    """On a weak network the engine's first download may fail: the next query downloads it again."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    failed = []

    def once(route):
        if not failed:
            failed.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/pagefind/pagefind.js", once)
    page.goto(site_url, wait_until="networkidle")
    box = ask(page, "梅子", timeout=None)
    page.wait_for_function("() => window.document.querySelector('.md-search-result__meta').textContent.length > 0")
    page.wait_for_timeout(500)
    assert failed and page.locator(".md-search-result__item").count() == 0
    box.fill("梅子小屋")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert "梅子小屋" in page.locator(".md-search-result").inner_text()
    context.close()
