"""Browser fixtures: the built site served over HTTP, and Chromium driven by Playwright.

Chromium is the system's (Debian's ``chromium``; ``CHROMIUM_PATH`` chooses another one, e.g.
Playwright's own download on a laptop): ``playwright install`` needs internet. Each page is
opened once per session on a phone-sized screen and what it did is recorded (requests,
failures, console errors, sideways overflow, axe-core results); the tests assert on those
records, so adding a check does not add page loads.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .helpers import (  # noqa: F401  the tests used to import these from here: import them from .helpers
    AXE_OPTIONS,
    CHROME_ARGS,
    CHROMIUM,
    LANGUAGES,
    MIN_TARGET_PX,
    NOT_FOUND,
    PAGE_TYPES,
    PAGES,
    PHONE,
    SMALL_TARGETS_JS,
    TAP_TARGETS,
    Visit,
    page_id,
)
from .serve import serving


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> str:
    """The built site served like the published one, under its path; yields the base URL."""
    home = re.search(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8")).group(1)
    prefix = urlsplit(home).path or "/"
    with serving(built_site, prefix) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        except Error as exc:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"no Chromium to drive (set CHROMIUM_PATH or install chromium): {exc}")
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


def _own_404(message, record: Visit) -> bool:
    """The browser logs the 404 status of a not-found page itself as an error: that one is expected."""
    return record.url in NOT_FOUND_URLS and message.location.get("url") == record.url and "404" in message.text


NOT_FOUND_URLS: set[str] = set()


@pytest.fixture(scope="session")
def visits(browser, site_url):
    """Each page of PAGES loaded once on a phone; returns a function path -> Visit."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    NOT_FOUND_URLS.update(site_url + path for path in NOT_FOUND)
    context = browser.new_context(**PHONE)
    done: dict[str, Visit] = {}

    def visit(path: str) -> Visit:
        if path in done:
            return done[path]
        page = context.new_page()
        record = Visit(url=site_url + path, status=0)
        page.on("request", lambda r: record.requests.append(r.url))
        page.on("requestfailed", lambda r: record.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: record.failed.append(f"{r.url} ({r.status})")
                if r.status >= 400 and r.url != record.url else None)
        page.on("console", lambda m: record.console_errors.append(m.text)
                if m.type == "error" and not _own_404(m, record) else None)
        response = page.goto(record.url, wait_until="networkidle")
        record.status = response.status if response else 0
        record.scroll_width, record.inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]")
        record.small_targets = page.evaluate(SMALL_TARGETS_JS, [TAP_TARGETS, MIN_TARGET_PX])
        record.axe = axe.run(page, options=AXE_OPTIONS).response["violations"]
        page.close()
        done[path] = record
        return record

    yield visit
    context.close()
