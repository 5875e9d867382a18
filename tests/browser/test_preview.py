"""The preview as a maintainer uses it: a typo shows up in the browser, and the fix brings the page back.

``./scripts/serve`` runs for real (with ``-f`` and ``--dev-addr``, two of ``mkdocs serve``'s options)
on a copy of the project; only the Simplified site is built, to keep each rebuild short.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project

from .conftest import AXE_OPTIONS, PHONE
from .serve import free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser
WAIT_MS = 120_000  # a rebuild on a busy machine; the page is watched, not polled by the test


@pytest.fixture
def preview(tmp_path):
    """./scripts/serve on a copy of the project at a free port; yields (project folder, base URL)."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": base, "SITE_LANGUAGES": "zh"}
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([str(ROOT / "scripts" / "serve"), "-f", str(project / "mkdocs.yml"),
                             "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)

    def output() -> str:
        log.seek(0)
        return log.read().decode(errors="replace")

    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            try:
                urllib.request.urlopen(base, timeout=5).close()
                break
            except OSError as exc:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the preview did not start:\n{output()}") from exc
                time.sleep(0.5)
        yield project, base
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def test_a_failed_rebuild_shows_its_problems_and_the_fix_brings_the_page_back(browser, preview):
    from axe_playwright_python.sync_playwright import Axe

    project, base = preview
    model = project / "docs" / "models" / "meizi-xiaowu.md"
    good = model.read_text(encoding="utf-8")
    assert "\nkind: 模式\n" in good
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + "models/meizi-xiaowu/")
    assert page.locator("h1").first.inner_text() == "梅子小屋"
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)

    # a typo in the kind, and a misspelt field: both reported at once
    model.write_text(good.replace("\nkind: 模式\n", "\nkind: 模型\nsumary: 笔误\n"), encoding="utf-8")
    page.wait_for_selector("ol.gm-problems", timeout=WAIT_MS)
    assert "构建失败" in page.locator("h1").inner_text()
    places = page.locator("ol.gm-problems > li h3").all_inner_texts()
    assert {"docs/models/meizi-xiaowu.md:3 [kind]", "docs/models/meizi-xiaowu.md:4 [sumary]"} <= set(places)
    text = page.locator("main").inner_text()
    for expected in ("kind 中的 模型 不在类型词表中", "是不是 模式", "did you mean 模式?",  # what is wrong, in both languages
                     "未知字段 sumary", "Unknown field sumary", "错误", "修改", "Error", "Fix"):
        assert expected in text, expected
    assert page.url == base + "models/meizi-xiaowu/", "the page reloaded itself, at its own address"

    # every page gets the error page while the build fails, and it reads on a phone without sideways scrolling
    other = context.new_page()
    response = other.goto(base)
    assert response.status == 500 and other.locator("ol.gm-problems > li h3").all_inner_texts() == places
    assert other.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    violations = Axe().run(other, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    other.close()

    # the fix: the page comes back by itself
    reloads = len(navigations)
    model.write_text(good, encoding="utf-8")
    page.wait_for_function("() => document.querySelector('h1')?.textContent.trim() === '梅子小屋'", timeout=WAIT_MS)
    assert len(navigations) > reloads and page.url == base + "models/meizi-xiaowu/"
    assert page.locator("ol.gm-problems").count() == 0
    context.close()
