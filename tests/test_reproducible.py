"""Reproducible builds: the same commit gives a byte-identical site from two folders and two runs.

Each build is a fresh process (`mkdocs build --strict`, as a maintainer or CI runs it) on its own copy of
the project, in folders of different names and depths, with the same SOURCE_DATE_EPOCH (the copies have
no git history, so every page is dated by it). A difference names the first differing files.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project


def build(project: Path, site: Path) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "random"}
    env.pop("SITE_URL", None)
    env.pop("OFFLINE", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=project, env=env, check=True, capture_output=True)
    return site


def differences(a: Path, b: Path) -> list[str]:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    out = [f"only in one site: {sorted(set(files_a) ^ set(files_b))[:5]}"] if files_a != files_b else []
    out += [str(f) for f in files_a if (b / f).is_file() and not filecmp.cmp(a / f, b / f, shallow=False)]
    return out


def test_two_folders_and_two_runs_build_the_same_site(tmp_path):
    first = build(copy_project(tmp_path / "a" / "project"), tmp_path / "a" / "site")
    second = build(copy_project(tmp_path / "elsewhere" / "deeper" / "kb"), tmp_path / "elsewhere" / "out")
    assert sum(1 for p in first.rglob("*.html")) > 100
    assert differences(first, second) == []
