"""What the browser tests share: the pages to open, the phone, Chromium, and what a page load records.

Plain values and functions, imported by the tests and by conftest.py (which holds only fixtures).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

# Every language the site is built in: the Simplified site at the root, the others in folders.
LANGUAGES = ["", "zh-Hant/", "en/"]

# One page of every type a reader meets; 404 is any address that does not exist.
PAGE_TYPES = {
    "home": "",
    "catalogue": "catalogue/",
    "catalogue-page": "catalogue/page/2/",  # long lists go on over numbered pages (govcat/paging.py)
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
    "source": "sources/jkq-2022-pingan-huimou/",  # a source cited by more pages than the sources page lists
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
               ".gm-citation__actions a, .gm-citation__actions button, .gm-pager a, .gm-results__more, .gm-more-link a")
MIN_TARGET_PX = 44

def page_id(path: str) -> str:
    return path or "home"


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
