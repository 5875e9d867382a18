"""Each page's "last updated" date, from git history; the build date, said as such, without it.

A written page takes the date of its own file. A generated page (catalogue, indexes,
statistics) shows what it is made of: the newest change to the registries or the model pages.
overrides/main.html renders ``page.meta["gm_updated"]``. The history is read once per build
(one ``git log``), so the cost does not grow with the number of pages.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild

from govcat import history

GENERATED_FROM = ("data", "docs/models")  # what the generated pages are built from, relative to mkdocs.yml


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = SiteBuild.of(config)
    build.history = history.read(build.root)
    build.built = history.build_date()
    build.generated_day = build.history.newest_under(*(build.root / part for part in GENERATED_FROM))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    build = SiteBuild.of(config)
    src = page.file.abs_src_path
    if page.file.generated_by or not src:  # a generated page: dated by what it is made of
        day = build.generated_day
    else:
        day = build.history.last_changed(src)
    page.meta["gm_updated"] = {"date": (day or build.built).isoformat(), "from_history": day is not None}
    return markdown
