"""Shared fixtures: a copy of the project in tmp_path, and strict builds of it."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "docs", "govcat")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into ``dest`` (never build inside the repository)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


class WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def build_site(project_dir: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build ``project_dir`` like `mkdocs build --strict`; fail on any warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = site_dir or project_dir.parent / "site"
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    cwd = os.getcwd()
    try:
        os.chdir(project_dir)
        config = load_config(str(project_dir / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
        build(config)
    finally:
        os.chdir(cwd)
        logger.removeHandler(collector)
    unexpected = [r.getMessage() for r in collector.records]
    assert not unexpected, "unexpected warnings:\n" + "\n".join(unexpected)
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session into a temporary folder."""
    base = tmp_path_factory.mktemp("real")
    return build_site(copy_project(base / "project"), base / "site")
