"""Markers in hand-written pages: ``<!-- gm:NAME -->`` becomes a block rendered from
``overrides/gm/markers/NAME.html``, so the home page lists the live vocabulary.

An unknown marker never gets here: hooks/validate.py reports it with the catalogue's problems
(:func:`govcat.markers.check_pages`).
"""

from __future__ import annotations

import re

import render
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild

from govcat import markers


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    build = SiteBuild.of(config)

    def replace(m: re.Match[str]) -> str:
        name = m.group(1)
        data = markers.MARKERS[name](build.catalogue, build.loc)
        html = render.render(config, f"gm/markers/{name}.html", page, **data)
        return "\n".join(line for line in html.splitlines() if line.strip())  # one raw HTML block

    return markers.MARKER.sub(replace, markdown)
