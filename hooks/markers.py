"""Markers in hand-written pages: ``<!-- gm:NAME -->`` becomes a block rendered from
``overrides/partials/markers/NAME.html``, so the home page lists the live vocabulary.

An unknown marker stops the build (a typo must not silently publish nothing).
"""

from __future__ import annotations

import re

import render
import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from govcat import markers

MARKER = re.compile(r"^<!--\s*gm:([a-z-]+)\s*-->\s*$", re.M)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    def replace(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in markers.MARKERS:
            line = markdown[: m.start()].count("\n") + 1
            raise PluginError(
                f"docs/{page.file.src_uri}:{line}: 未知标记 gm:{name}；可用：{', '.join(markers.MARKERS)}。\n"
                f"Unknown marker gm:{name}; known markers: {', '.join(markers.MARKERS)}.")
        data = markers.MARKERS[name](state.get(), state.localizer)
        html = render.render(config, f"partials/markers/{name}.html", page, **data)
        return "\n".join(line for line in html.splitlines() if line.strip())  # one raw HTML block

    return MARKER.sub(replace, markdown)
