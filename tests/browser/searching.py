"""Search as a reader uses it, for the tests and for scripts/search_recall.py.

The query is typed into the header's search box of a language's site; what the reader is shown is
read from the search worker's answer (the list the theme renders, all of it, in order). Plain
functions over a Playwright page, no fixtures: the recall script drives them outside pytest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parents[1] / "search_queries.yml"
LANGUAGE_ROOTS = {"zh": "", "zh-Hant": "zh-Hant/", "en": "en/"}
TOP = 5  # recall counts the first five results

# Every worker the page creates reports its answers here (type 1: ready, type 3: results).
LISTEN = """(() => {
  const Native = window.Worker;
  window.__gmReady = false;
  window.__gmAnswers = [];
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const m = event.data || {};
        if (m.type === 1) window.__gmReady = true;
        if (m.type === 3) window.__gmAnswers.push(m.data);
      });
    }
  };
})();"""


def ask(page, query: str, timeout: float | None = 10_000):
    """Type ``query`` into the header's search box as a reader does; then, unless ``timeout`` is None,
    wait that long for the first result. The box, for more keys."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # the theme listens to key events; fill() alone may look empty to it
    if timeout is not None:
        page.locator(".md-search-result__item").first.wait_for(timeout=timeout)
    return box


@dataclass(frozen=True)
class Query:
    lang: str
    q: str
    page: str
    kind: str


def queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang, str(e["q"]), e["page"], e["kind"]) for lang, entries in data.items() for e in entries]


class Searcher:
    """One browser page per language's site, reused for every query typed there."""

    def __init__(self, context, site_url: str):
        context.add_init_script(LISTEN)
        self.context, self.site_url = context, site_url
        self.pages: dict[str, object] = {}

    def _page(self, lang: str):
        page = self.pages.get(lang)
        if page is None:
            page = self.context.new_page()
            page.goto(self.site_url + LANGUAGE_ROOTS[lang], wait_until="networkidle")
            if not page.locator("input.md-search__input").is_visible():  # a phone: the header's button
                page.locator("label.md-header__button[for=__search]").first.click()
            page.locator("input.md-search__input").click()  # going to search loads the index
            # predicates as functions: an expression string is eval'd in the page, which its CSP forbids
            page.wait_for_function("() => window.__gmReady", timeout=30_000)
            self.pages[lang] = page
        return page

    def locations(self, lang: str, query: str) -> list[str]:
        """The pages listed for ``query``, in order, as the worker gives them (relative to the site)."""
        page = self._page(lang)
        before = page.evaluate("window.__gmAnswers.length")
        ask(page, query, timeout=None)
        page.wait_for_function("n => window.__gmAnswers.length > n", arg=before, timeout=10_000)
        answer = page.evaluate("window.__gmAnswers[window.__gmAnswers.length - 1]")
        return [group[0]["location"].split("#", 1)[0] for group in answer.get("items", []) if group]

    def close(self) -> None:
        for page in self.pages.values():
            page.close()


SLUG = re.compile(r"(?:^|/)models/([^/#?]+)/")


def slugs(locations: list[str]) -> list[str]:
    """Model slugs in result order (other pages, such as index pages, keep their location)."""
    out = []
    for loc in locations:
        m = SLUG.search(loc)
        out.append(m.group(1) if m else loc)
    return out


def rank(results: list[str], page: str) -> int | None:
    """1-based rank of ``page`` among the results, None if it is not there."""
    return results.index(page) + 1 if page in results else None
