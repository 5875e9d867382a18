"""Each page's "last updated" date, from git history; the build date, said as such, without it.

A written page takes the date of its own file. A generated page (catalogue, indexes,
statistics) shows what it is made of: the newest change to the registries or the model pages.
overrides/main.html renders ``page.meta["gm_updated"]``. The history is read once per build
(one ``git log``), so the cost does not grow with the number of pages.
"""

from __future__ import annotations

from pathlib import Path

import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from govcat import history

GENERATED_FROM = ("data", "docs/models")  # what the generated pages are built from, relative to mkdocs.yml

_history = history.History()
_root = Path(".")
_built = history.build_date()
_generated_day = None  # the newest change to what the generated pages are made of


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _history, _root, _built, _generated_day
    _root = state.project_root(config)
    _history = history.read(_root)
    _built = history.build_date()
    _generated_day = _history.newest_under(*(_root / part for part in GENERATED_FROM))
    return config


def on_page_markdown(markdown: str, page: Page, **_) -> str:
    src = page.file.abs_src_path
    if page.file.generated_by or not src:  # a generated page: dated by what it is made of
        day = _generated_day
    else:
        day = _history.last_changed(src)
    page.meta["gm_updated"] = {"date": (day or _built).isoformat(), "from_history": day is not None}
    return markdown
