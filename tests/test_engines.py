"""The site builds the same under MkDocs 1.6.1 and ProperDocs 1.6.7, its maintained continuation.

Both read mkdocs.yml and run the same hooks; the output may differ only in the generator meta tag.
scripts/compare_sites.py does the building and the comparing (``--build . . --engine-b properdocs``).
"""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import load_script


def _compare_sites():
    return load_script("compare_sites")


def test_mkdocs_and_properdocs_build_the_same_site(project, tmp_path):
    if not shutil.which("properdocs"):
        if os.environ.get("CI"):
            raise AssertionError("properdocs is missing: it is pinned in requirements-dev.txt")
        pytest.skip("properdocs is not installed (requirements-dev.txt pins it)")
    compare = _compare_sites()
    a, b = tmp_path / "mkdocs", tmp_path / "properdocs"
    compare.build(project, "mkdocs", a, "1714521600")
    compare.build(project, "properdocs", b, "1714521600")
    assert 'content="mkdocs-1.6.1' in (a / "index.html").read_text(encoding="utf-8")
    # every language is built by the engine that runs the command
    assert 'content="mkdocs-ProperDocs 1.6.7' in (b / "en" / "index.html").read_text(encoding="utf-8")
    assert len(list(b.rglob("*.html"))) > 250
    differences = compare.compare(a, b, ignore_generator=True)
    assert not differences, "\n".join(differences[:20])


def test_the_comparison_sees_a_changed_file_and_the_generator_tag(tmp_path):
    compare = _compare_sites()
    a, b = tmp_path / "a", tmp_path / "b"
    for site, generator in ((a, "mkdocs-1.6.1"), (b, "properdocs-1.6.7")):
        (site / "x").mkdir(parents=True)
        (site / "x" / "index.html").write_text(f'<meta name="generator" content="{generator}"><p>same</p>\n')
    assert compare.compare(a, b, ignore_generator=True) == []
    assert len(compare.compare(a, b)) == 1
    (b / "x" / "index.html").write_text('<meta name="generator" content="properdocs-1.6.7"><p>other</p>\n')
    (b / "extra.txt").write_text("")
    assert len(compare.compare(a, b, ignore_generator=True)) == 2
