"""The site knows where it is published: SITE_URL and REPO_URL reach every link, and a build for
publishing refuses the placeholder addresses of mkdocs.yml."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, copy_project

from govcat import publish

SITE = "https://example.org/kb/"
REPO = "https://git.example.org/people/kb"
LANGUAGE_ROOTS = ["", "zh-Hant/", "en/"]


# --- the check, on plain data -----------------------------------------------------------------------------

def test_preview_and_tests_need_no_variable():
    assert publish.address_problems({}) == []
    assert publish.address_problems({"PUBLISH": "false"}) == []
    assert publish.address_problems({"PUBLISH": ""}) == []


@pytest.mark.parametrize("flag", ["true", "1", "TRUE", "yes"])
def test_a_build_for_publishing_needs_both_addresses(flag):
    problems = publish.address_problems({"PUBLISH": flag})
    assert sorted((p.code, p.field) for p in problems) == [
        ("publish-address-unset", "repo_url"), ("publish-address-unset", "site_url")]
    text = "\n".join(p.format() for p in problems)
    for variable, placeholder in publish.PLACEHOLDERS.items():
        assert f"环境变量 {variable}" in text and f"environment variable {variable}" in text
        assert placeholder in text
    assert all(p.path == "mkdocs.yml" for p in problems)


def test_the_placeholder_itself_is_refused():
    problems = publish.address_problems({"PUBLISH": "true", "SITE_URL": "https://jiceng-zhili.github.io/moshi-ku",
                                         "REPO_URL": REPO})
    assert [(p.code, p.field) for p in problems] == [("publish-address-unset", "site_url")]


@pytest.mark.parametrize("value", ["example.org/kb/", "ftp://example.org/", "https://", "https://example.org/?x=1",
                                   "https://exa mple.org/"])
def test_a_malformed_address_is_refused(value):
    problems = publish.address_problems({"PUBLISH": "true", "SITE_URL": value, "REPO_URL": REPO})
    assert [(p.code, p.field) for p in problems] == [("publish-address-invalid", "site_url")]
    assert value in problems[0].format()


def test_real_addresses_pass():
    assert publish.address_problems({"PUBLISH": "true", "SITE_URL": SITE, "REPO_URL": REPO}) == []
    assert publish.address_problems({"PUBLISH": "true", "SITE_URL": "http://kb.example.org",
                                     "REPO_URL": "https://github.com/someone/fork"}) == []


def test_the_placeholders_are_the_fallbacks_of_mkdocs_yml():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for variable, (setting, *_) in publish.VARIABLES.items():
        found = re.search(rf"^{setting}:\s*!ENV\s*\[\s*{variable}\s*,\s*\"([^\"]+)\"\s*\]", text, re.M)
        assert found, f"mkdocs.yml: {setting} must read {variable}"
        assert found.group(1) == publish.PLACEHOLDERS[variable]


# --- a real build -----------------------------------------------------------------------------------------

def test_a_publishing_build_without_addresses_fails_naming_the_variables(tmp_path, monkeypatch, caplog):
    from mkdocs.exceptions import Abort

    monkeypatch.setenv("PUBLISH", "true")
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("REPO_URL", raising=False)
    with pytest.raises(Abort):
        build_site(copy_project(tmp_path / "project"), tmp_path / "site")
    for variable in ("SITE_URL", "REPO_URL"):
        assert f"环境变量 {variable}" in caplog.text and f"environment variable {variable}" in caplog.text
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> Path:
    """The real site built for publishing at another address, from another repository."""
    base = tmp_path_factory.mktemp("elsewhere")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PUBLISH", "true")
        env.setenv("SITE_URL", SITE)
        env.setenv("REPO_URL", REPO)
        return build_site(copy_project(base / "project"), base / "site")


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path, root: str) -> list[Path]:
    """The HTML pages of one language (the Simplified site's own, without the other languages' folders)."""
    others = [site / r for r in LANGUAGE_ROOTS if r and r != root]
    return [p for p in sorted((site / root).rglob("index.html")) if not any(o in p.parents for o in others)]


@pytest.mark.parametrize("root", LANGUAGE_ROOTS, ids=["zh", "zh-Hant", "en"])
def test_canonical_and_open_graph_links_use_the_address(elsewhere, root):
    found = pages(elsewhere, root)
    assert len(found) > 50
    for path in found:
        expected = SITE + path.parent.relative_to(elsewhere).as_posix() + "/"
        expected = expected.replace("/./", "/")
        page = html(path)
        canonical = page.find("link", rel="canonical")
        assert canonical is not None and canonical["href"] == expected, path
        assert page.find("meta", property="og:url")["content"] == expected, path


@pytest.mark.parametrize("root", LANGUAGE_ROOTS, ids=["zh", "zh-Hant", "en"])
def test_the_sitemap_lists_the_address(elsewhere, root):
    text = (elsewhere / root / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert len(locs) > 50
    assert all(loc.startswith(SITE + root) for loc in locs), [x for x in locs if not x.startswith(SITE + root)][:3]
    assert SITE + root + "models/meizi-xiaowu/" in locs


@pytest.mark.parametrize("root", LANGUAGE_ROOTS, ids=["zh", "zh-Hant", "en"])
def test_the_404_page_links_under_the_address(elsewhere, root):
    """The 404 page is served at any wrong address, so its links are absolute paths from site_url."""
    page = html(elsewhere / root / "404.html")
    prefix = urlsplit(SITE).path + root  # /kb/, /kb/zh-Hant/, /kb/en/
    links = [a["href"] for a in page.select(".gm-404-links a")]
    assert links == [prefix, prefix + "catalogue/"]
    own = [a["href"] for a in page.find_all("a", href=True) if a["href"].startswith("/")]
    assert own and all(h.startswith(prefix) for h in own), [h for h in own if not h.startswith(prefix)]
    assert not page.find("link", href=re.compile(r"^/(?!kb/)")), "stylesheets and scripts under /kb/ too"


@pytest.mark.parametrize("root", LANGUAGE_ROOTS, ids=["zh", "zh-Hant", "en"])
def test_edit_links_lead_to_the_repository(elsewhere, root):
    edits = {}
    for path in pages(elsewhere, root):
        button = html(path).select_one("a.md-content__button[href]")
        if button is not None:
            edits[path.parent.relative_to(elsewhere / root).as_posix()] = button["href"]
    assert len(edits) > 50
    assert all(h.startswith(REPO + "/edit/main/") or h.startswith(REPO + "/tree/main/") for h in edits.values()), \
        [h for h in edits.values() if not h.startswith(REPO + "/")][:3]
    model = "models/meizi-xiaowu.en.md" if root == "en/" else "models/meizi-xiaowu.md"
    assert edits["models/meizi-xiaowu"] == f"{REPO}/edit/main/docs/{model}"
    source = html(elsewhere / root / "index.html").select_one("a.md-source")
    assert source["href"] == REPO
    guide = html(elsewhere / root / "contribute" / "index.html").select_one(".gm-contributing a")
    assert guide["href"] == REPO + "/blob/main/CONTRIBUTING.md"


def test_the_exports_use_the_address(elsewhere):
    text = (elsewhere / "data" / "catalogue.json").read_text(encoding="utf-8")
    assert SITE + "models/meizi-xiaowu/" in text


def test_the_placeholders_appear_only_where_people_wrote_them(elsewhere):
    """Nothing the build makes points at the placeholder; a link a person wrote in docs/ stays as written."""
    hosts = {urlsplit(url).netloc + urlsplit(url).path.rstrip("/") for url in publish.PLACEHOLDERS.values()}
    pattern = re.compile("|".join(re.escape(h) for h in hosts) + r"[^\s\"'<>)\]]*")
    written = {m.group(0) for p in (ROOT / "docs").rglob("*.md") for m in pattern.finditer(p.read_text("utf-8"))}
    for path in elsewhere.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv", ".js", ".txt"}:
            found = {m.group(0) for m in pattern.finditer(path.read_text(encoding="utf-8", errors="ignore"))}
            assert found <= written, f"{path.relative_to(elsewhere)}: {sorted(found - written)}"


def test_the_deploy_job_builds_with_the_pages_address_and_the_repository():
    """A fork publishes correct links without editing a file: the addresses come from GitHub, not the files."""
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    [deploy] = [j for j in data["jobs"].values()
                if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in j["steps"])]
    steps = deploy["steps"]
    [pages] = [s for s in steps if s.get("uses", "").startswith("actions/configure-pages@")]
    [build] = [s for s in steps if "scripts/build --publish" in s.get("run", "")]
    assert steps.index(pages) < steps.index(build)
    assert build["env"]["SITE_URL"].replace(" ", "") == "${{steps." + pages["id"] + ".outputs.base_url}}"
    assert build["env"]["REPO_URL"].replace(" ", "") == "${{github.server_url}}/${{github.repository}}"
