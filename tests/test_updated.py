"""Each page says when it last changed: from git history, or, without it, the build date said as such."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_site

from govcat import history

EPOCH_2024_05_01 = "1714521600"  # SOURCE_DATE_EPOCH of the builds below: 2024-05-01


def updated_line(site: Path, url: str) -> str:
    page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    line = page.select_one("article .gm-updated")
    assert line is not None, f"{url}: no last-updated line"
    return line.get_text(" ", strip=True)


def git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def quick(monkeypatch):
    """Only the Simplified site (enough here), and a fixed build date."""
    monkeypatch.setenv("SITE_LANGUAGES", "zh")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2024_05_01)


def two_commits(project: Path) -> None:
    """Everything committed on 2021-06-30, then 梅子小屋 edited on 2022-03-04."""
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "first", date="2021-06-30T10:00:00+08:00")
    page = project / "docs" / "models" / "meizi-xiaowu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "edit one model", date="2022-03-04T09:00:00+08:00")


def test_without_git_history_pages_show_the_build_date_as_such(quick, project, tmp_path):
    assert not (project / ".git").exists()
    site = build_site(project, tmp_path / "site")
    for url in ("models/meizi-xiaowu", "catalogue", "about", "."):
        assert updated_line(site, url) == "本页构建于 2024-05-01 （没有找到修改记录）", url


def test_pages_show_the_date_of_their_last_commit(quick, project, tmp_path):
    two_commits(project)
    site = build_site(project, tmp_path / "site")
    assert updated_line(site, "models/meizi-xiaowu") == "最后更新： 2022-03-04"
    assert updated_line(site, "models/wumin-yiti") == "最后更新： 2021-06-30"
    assert updated_line(site, "about") == "最后更新： 2021-06-30"
    assert updated_line(site, "catalogue") == "最后更新： 2022-03-04"  # generated: its newest model


def test_a_shallow_clone_does_not_claim_its_boundary_date(quick, project, tmp_path):
    two_commits(project)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", project.as_uri(), str(clone))
    assert history.read(clone).shallow
    site = build_site(clone, tmp_path / "site")
    # the only commit a depth-1 clone has looks as if it added every file: it dates none of them
    assert updated_line(site, "models/meizi-xiaowu") == "本页构建于 2024-05-01 （没有找到修改记录）"
    assert updated_line(site, "models/wumin-yiti") == "本页构建于 2024-05-01 （没有找到修改记录）"


def test_history_is_empty_outside_a_repository(tmp_path):
    h = history.read(tmp_path)
    assert h.toplevel is None and not h.dates
    assert h.last_changed(tmp_path / "x.md") is None and h.newest_under(tmp_path) is None

