"""scripts/preview.py without a browser: what a failed build records, and the page it becomes.

The browser side (the page reloading itself) is tests/browser/test_preview.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import load_script

from govcat import CatalogueError

preview = load_script("preview", "scripts_preview")


def build_with_preview(project: Path, site: Path, monkeypatch) -> preview.Preview:
    """One strict build of ``project`` through the preview's guard, as ./scripts/serve runs it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(project)
    monkeypatch.setenv("SITE_LANGUAGES", "zh")
    state = preview.Preview()
    state.guard(build)(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    return state


def test_a_failed_build_records_every_problem_and_a_good_one_clears_them(project, tmp_path, monkeypatch):
    page = project / "docs" / "models" / "meizi-xiaowu.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("\nkind: 模式\n", "\nkind: 模型\n"), encoding="utf-8")
    state = build_with_preview(project, tmp_path / "site", monkeypatch)  # does not raise
    failure = state.failure
    assert failure is not None and failure.messages == []  # the problem list is not repeated as raw text
    kind = next(p for p in failure.problems if p["where"] == "docs/models/meizi-xiaowu.md:3 [kind]")
    assert "模型" in kind["zh"] and "模型" in kind["en"] and "是不是 模式" in kind["fix_zh"]
    assert "did you mean 模式?" in kind["fix_en"]
    html = preview.render(failure).decode("utf-8")
    assert '<html lang="zh-Hans">' in html and 'name="viewport"' in html
    for p in failure.problems:
        assert p["where"] in html and p["fix_en"].replace("'", "&#39;") in html

    page.write_text(good, encoding="utf-8")
    assert build_with_preview(project, tmp_path / "site", monkeypatch).failure is None


def test_warnings_in_strict_mode_and_other_errors_are_shown_as_logged():
    from mkdocs.exceptions import Abort

    warning = "Doc file 'about.md' contains a link 'x.md', but the target is not found among documentation files."
    failure = preview.describe(Abort("Aborted with 1 warnings in strict mode!"), [warning, warning])
    assert failure.problems == []
    assert failure.messages == [warning, "Aborted with 1 warnings in strict mode!"]
    bug = preview.describe(KeyError("<script>"), [])
    assert bug.messages == ["KeyError: '<script>'"]
    assert "&lt;script&gt;" in preview.render(bug).decode("utf-8")  # escaped, as all text on the page


def test_the_catalogue_error_is_found_however_the_hooks_reraise_it():
    from mkdocs.exceptions import Abort, PluginError

    original = CatalogueError([])
    for hidden in (True, False):  # `raise … from None` (hooks/validate.py today) or `from exc`
        try:
            try:
                try:
                    raise original
                except CatalogueError as exc:
                    if hidden:
                        raise PluginError(str(exc)) from None
                    raise PluginError(str(exc)) from exc
            except PluginError:
                raise Abort("Aborted with a BuildError!")  # noqa: B904 - as MkDocs' build() does
        except Abort as abort:
            assert preview._catalogue_error(abort) is original


@pytest.mark.parametrize(("path", "page"), [
    ("/", True), ("/models/meizi-xiaowu/", True), ("/404.html", True), ("/zh-Hant", True),
    ("/assets/stylesheets/extra.css", False), ("/search/search_index.json", False), ("/data/catalogue.csv", False),
])
def test_page_addresses_get_the_error_page_and_files_do_not(path, page):
    assert preview._is_page(path) is page


def test_the_error_page_never_reaches_the_site(built_site):
    assert not any(p.name == "error.html" or p.parent.name == "preview" for p in built_site.rglob("*"))
    assert not any("gm-problems" in p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))


def test_the_guard_prints_what_mkdocs_serve_printed(caplog):
    """A content problem is not shown as a traceback; MkDocs' own abort message still reaches the terminal."""
    from mkdocs.exceptions import Abort

    def strict_abort(*_):
        raise Abort("Aborted with 2 warnings in strict mode!")

    state = preview.Preview()
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        state.guard(strict_abort)()
    assert "Aborted with 2 warnings in strict mode!" in caplog.text and "Traceback" not in caplog.text
    assert "Preview: the build failed" in caplog.text
    assert state.failure.messages == ["Aborted with 2 warnings in strict mode!"]
