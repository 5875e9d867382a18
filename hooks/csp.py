"""A Content-Security-Policy on every page: a thin adapter over :mod:`govcat.csp`.

Runs last on each finished page (and on the 404 page, a template without a Page), so the hashes
cover the inline scripts exactly as they are written out. In the offline bundle the policy also
covers the iframe-worker shim that runs search from ``file://`` (see hooks/offline.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from govcat import csp

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")  # as hooks/offline.py ships it


def _shim(config: MkDocsConfig) -> str | None:
    plugin = config.plugins.get("material/offline")
    if not (plugin and plugin.config.enabled):
        return None
    return (Path(config.config_file_path).resolve().parent / SHIM_SOURCE).read_text(encoding="utf-8")


@event_priority(-100)  # last: the policy hashes the inline scripts of the finished page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return csp.apply(output, worker_shim=_shim(config))


@event_priority(-100)  # the 404 page is a theme template, not a Page
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return csp.apply(output, worker_shim=_shim(config)) if template_name.endswith(".html") else output
