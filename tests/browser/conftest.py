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
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .serve import serving

# Every language the site is built in: the Simplified site at the root, the others in folders.
LANGUAGES = ["", "zh-Hant/", "en/"]

# One page of every type a reader meets; 404 is any address that does not exist.
PAGE_TYPES = {
    "home": "",
    "catalogue": "catalogue/",
    "problems": "problems/",
    "problem": "problems/maodun-jiufen/",
    "dimensions": "dimensions/",
    "dimension": "dimensions/zizhi-qiangji/",
    "themes": "themes/",
    "theme": "themes/maodun-tiaojie/",
    "kinds": "kinds/",
    "kind": "kinds/model/",
    "places": "places/",
    "place": "places/jingkaiqu/",
    "model": "models/meizi-xiaowu/",
    "statistics": "statistics/",
    "sources": "sources/",
    "todo": "todo/",
    "print": "print/",
    "about": "about/",
    "404": "no-such-page/",
}
PAGES = [lang + path for lang in LANGUAGES for path in PAGE_TYPES.values()]
NOT_FOUND = {lang + PAGE_TYPES["404"] for lang in LANGUAGES}

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")

# Our own blocks, whose links and controls must be at least 44 x 44 CSS px on a phone.
TAP_TARGETS = (".gm-chip, .gm-pick a, .gm-card a, .gm-header a, .gm-terms a, .gm-tree a, .gm-path a, "
               ".gm-facets select, .gm-facets button, .gm-export a, .gm-links p > a, .gm-404-links a, "
               ".gm-citation__actions a, .gm-citation__actions button")
MIN_TARGET_PX = 44

def page_id(path: str) -> str:
    return path or "home"


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


@dataclass
class Visit:
    """What one page load did, as a reader's phone saw it."""

    url: str
    status: int
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    scroll_width: int = 0
    inner_width: int = 0
    small_targets: list[str] = field(default_factory=list)
    axe: list[dict] = field(default_factory=list)


# WCAG 2.2 AA target size (24 px) on top of the default rules; details of violations only (faster)
AXE_OPTIONS = {"rules": {"target-size": {"enabled": True}}, "resultTypes": ["violations"]}

SMALL_TARGETS_JS = """([selector, min]) => [...document.querySelectorAll(selector)]
  .filter(el => el.offsetParent !== null || getComputedStyle(el).position === 'fixed')
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width > 0 && (r.width < min - 0.5 || r.height < min - 0.5))
  .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.textContent || '').trim().slice(0, 20)}" `
                    + `${Math.round(r.width)}x${Math.round(r.height)}`)"""


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
