"""The built site through real checkers: the W3C Nu HTML checker and LinkChecker; sharing metadata.

Both checkers run once per session on the site built by the ``built_site`` fixture. Without
Java or ``npm ci`` (vnu.jar) the Nu check is skipped on a developer's machine and fails in CI.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser.helpers import LANGUAGES
from browser.serve import serving
from bs4 import BeautifulSoup
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The one message tolerated, filtered exactly: Material writes autocomplete="off" on its checkbox
# toggles (drawer, search), which the checker rejects on checkboxes; the theme's own markup.
TOLERATED = ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
             "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
             "or “week”.")
LINKCHECKER_CONFIG = """[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
ignore=
  ^https?://(?!127\\.0\\.0\\.1[:/])
[AnchorCheck]
[output]
status=0
"""


def missing_tool(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing (CI installs it: see .ci/run)")
    pytest.skip(f"{what} is missing")


def site_root_url(site: Path) -> str:
    return re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")).group(1)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_the_nu_html_checker_finds_no_error(built_site):
    java = shutil.which("java")
    if not java or not VNU.is_file():
        missing_tool("java or node_modules/vnu-jar (npm ci)")
    proc = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                           "--filterpattern", re.escape(TOLERATED), str(built_site)],
                          capture_output=True, text=True, encoding="utf-8")
    report = json.loads(proc.stderr or proc.stdout)
    errors = [f"{m['url'].split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in report["messages"] if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:40])
    assert proc.returncode == 0


def test_linkchecker_finds_no_broken_link_or_anchor(built_site, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    prefix = urlsplit(site_root_url(built_site)).path
    with serving(built_site, prefix) as base:
        proc = subprocess.run([sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status", "-o", "csv",
                               base], capture_output=True, text=True, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO("\n".join(x for x in proc.stdout.splitlines() if not x.startswith("#"))),
                               delimiter=";"))
    problems = [f"{r['parentname']} → {r['urlname']}: {r['result']} {r['warningstring']}".strip()
                for r in rows if r["valid"] != "True" or r["warningstring"]]
    assert not problems, f"{len(problems)} broken links or anchors:\n" + "\n".join(problems[:40])
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_every_page_can_be_shared(built_site):
    """Description, Open Graph and canonical URL on every page: a link pasted in a chat shows a card."""
    root = site_root_url(built_site)
    problems = []
    pages = html_pages(built_site)
    assert len(pages) > 100
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(built_site).as_posix()

        def meta(attr: str, name: str, soup: BeautifulSoup = soup) -> str:
            tag = soup.find("meta", attrs={attr: name})
            return (tag.get("content") or "").strip() if tag else ""

        canonical = soup.find("link", rel="canonical")
        href = canonical["href"] if canonical else ""
        if not href.startswith(root):
            problems.append(f"{rel}: canonical {href!r}")
        for prop in ("og:title", "og:description", "og:type", "og:url", "og:site_name"):
            if not meta("property", prop):
                problems.append(f"{rel}: no {prop}")
        if meta("property", "og:url") != href:
            problems.append(f"{rel}: og:url {meta('property', 'og:url')!r} is not the canonical {href!r}")
        if not meta("name", "description"):
            problems.append(f"{rel}: no meta description")
        if "/models/" in f"/{rel}" and meta("property", "og:type") != "article":
            problems.append(f"{rel}: a model page is og:type article")
        if not soup.select_one("article .gm-updated time[datetime]"):
            problems.append(f"{rel}: no last-updated date")
    assert not problems, "\n".join(problems[:40])


def test_each_language_has_its_own_404_page(built_site):
    root = urlsplit(site_root_url(built_site)).path
    for lang in LANGUAGES:
        page = built_site / lang / "404.html"
        assert page.is_file(), f"{lang}404.html is missing"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        home = soup.select_one("article .gm-404-links a")
        assert home is not None and home["href"] == root + lang, f"{lang}404.html: no way home"
        assert soup.find("h1").get_text(strip=True) in ("页面未找到", "頁面未找到", "Page not found")
        assert soup.find("html")["lang"].lower().startswith(lang[:2] or "zh")


# Material partials copied into overrides/partials/ with small fixes: each must stay the theme's file
# plus exactly these changes, so a Material upgrade that changes the original shows up here.
# nav.html and search.html are wrapped whole in a cache (hooks/nav.py): rendered once, then reused.
NAV_IMPORT = '{% import "partials/nav-item.html" as item with context %}\n'
SEARCH_END = "      </div>\n    </div>\n  </div>\n</div>\n"
OVERRIDDEN = {
    "search.html": [
        ('<div class="md-search" data-md-component="search"',
         '{% if gm_nav_cache is defined and "search" in gm_nav_cache %}\n{{ gm_nav_cache["search"] }}\n{% else %}\n'
         '{% set gm_search %}\n<div class="md-search" data-md-component="search"'),
        (SEARCH_END, SEARCH_END + '{% endset %}\n{% if gm_nav_cache is defined %}\n'
         '  {% set _ = gm_nav_cache.update({"search": gm_search}) %}\n{% endif %}\n{{ gm_search }}\n{% endif %}\n'),
        ('role="dialog">', "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\">"),
        ("<nav class=\"md-search__options\" aria-label=\"{{ lang.t('search') }}\">", '<div class="md-search__options">'),
        ("      </nav>\n", "      </div>\n"),
    ],
    "source.html": [(' data-md-component="source"', "")],
    "nav.html": [
        (NAV_IMPORT, NAV_IMPORT + "{% if gm_nav_key is defined and gm_nav_key in gm_nav_cache %}\n"
         "{{ gm_nav_cache[gm_nav_key] }}\n{% else %}\n{% set gm_nav %}\n"),
        ("</nav>\n", "</nav>\n{% endset %}\n{% if gm_nav_key is defined %}\n"
         "  {% set _ = gm_nav_cache.update({gm_nav_key: gm_nav}) %}\n{% endif %}\n{{ gm_nav }}\n{% endif %}\n"),
    ],
    "nav-item.html": [('tabindex="{{ tabindex }}">', '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>')],
    # the switcher leads to this page in each language (govcat.i18n.alternates), not to each home
    "alternate.html": [("{% for alt in config.extra.alternate %}", "{% for alt in gm_languages or [] %}"),
                       ('<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">',
                        '<a href="{{ alt.href }}" hreflang="{{ alt.lang }}" lang="{{ alt.lang }}" class="md-select__link"'
                        '{% if alt.current %} aria-current="page"{% endif %}>')],
    "toc.html": [('    <label class="md-nav__title" for="__toc">\n      <span class="md-nav__icon md-icon"></span>\n'
                  '      {{ title }}\n    </label>\n',
                  '    {% if page in nav.pages %}\n    <label class="md-nav__title" for="__toc">\n'
                  '      <span class="md-nav__icon md-icon"></span>\n      {{ title }}\n    </label>\n    {% endif %}\n')],
}


@pytest.mark.parametrize("name", sorted(OVERRIDDEN))
def test_overridden_theme_partials_are_the_theme_s_plus_our_fixes(name):
    import material

    original = (Path(material.__file__).parent / "templates" / "partials" / name).read_text(encoding="utf-8")
    expected = original.split("-#}\n", 1)[1]
    for old, new in OVERRIDDEN[name]:
        assert old in expected, f"Material's {name} changed: re-check the override"
        expected = expected.replace(old, new)
    ours = (ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert ours == expected

# Files under overrides/partials/ that are not copies of a theme partial: each says what it is instead.
NOT_COPIES = {"languages/zh-Hant-fixed.html": "imports the theme's zh-Hant.html and fixes one string"}


def _theme_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def test_every_overridden_partial_is_diffed_against_the_theme():
    """overrides/partials/ holds only the theme's partials with fixes; the project's own templates live
    in overrides/gm/. A partial copied without an entry in OVERRIDDEN would drift from the theme unseen."""
    partials = ROOT / "overrides" / "partials"
    ours = {p.relative_to(partials).as_posix() for p in partials.rglob("*.html")}
    assert ours - set(NOT_COPIES) == set(OVERRIDDEN)
    for name in OVERRIDDEN:
        assert (_theme_templates() / "partials" / name).is_file(), f"{name} is not one of the theme's partials"
    assert not (ROOT / "overrides" / "gm").joinpath("partials").exists()
    for own in (ROOT / "overrides" / "gm").rglob("*.html"):
        assert not (_theme_templates() / own.relative_to(ROOT / "overrides").as_posix()).exists(), own


BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")


@pytest.mark.parametrize("name", ["main.html", "404.html"])
def test_every_overridden_block_is_one_of_the_theme_s(name):
    """A block the theme renamed or dropped would silently render nothing of ours."""
    theme = "".join(p.read_text(encoding="utf-8") for p in (_theme_templates() / "base.html",
                                                             _theme_templates() / "main.html"))
    theirs = set(BLOCK.findall(theme))
    ours = set(BLOCK.findall((ROOT / "overrides" / name).read_text(encoding="utf-8")))
    assert ours and ours <= theirs, f"{name}: blocks the theme does not have: {sorted(ours - theirs)}"
