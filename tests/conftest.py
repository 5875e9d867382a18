"""Shared fixtures: a copy of the project in tmp_path, and strict builds of it; tests sorted by cost.

Every test gets one cost marker here, so that one flag picks a level (see README, "Tests"):

- ``unit``: the catalogue core and the hooks' tables, in-process, no site build: ``./scripts/test -m unit``
  runs them alone in seconds;
- ``build``: builds a site (a fixture project or the real one), runs a script or a tool;
- ``browser``: drives Chromium (set by the browser tests themselves).

A test is ``unit`` unless it is a browser test, uses a fixture that builds or copies a project, or
lives in a file that runs scripts and tools (:data:`BUILD_FILES`).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "docs", "govcat")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def load_script(name: str, module: str | None = None):
    """scripts/<name>.py as a module, loaded once and registered under ``module`` (dataclasses look
    their module up in sys.modules)."""
    module = module or name
    if module not in sys.modules:
        spec = importlib.util.spec_from_file_location(module, ROOT / "scripts" / f"{name}.py")
        loaded = sys.modules[module] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
    return sys.modules[module]

BUILD_FIXTURES = {"built_site", "project", "quick", "tree", "site_url", "visits", "browser", "phone"}
BUILD_FILES = {  # whole files whose tests build sites, run scripts as a maintainer would, or run tools
    "test_build.py", "test_languages.py", "test_html_checks.py", "test_updated.py", "test_benchmark_smoke.py",
    "test_new_model.py", "test_workflows.py", "test_engines.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("browser"):
            continue
        costly = item.path.name in BUILD_FILES or BUILD_FIXTURES & set(getattr(item, "fixturenames", ()))
        item.add_marker(pytest.mark.build if costly else pytest.mark.unit)


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
