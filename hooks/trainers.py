"""Cite, share, follow: citation block and files, QR codes for print, the Atom feed.

A thin adapter over :class:`govcat.sharing.Sharing`. One is made per build in ``on_config`` and
kept on the build's own configuration, ``config.extra["gm_sharing"]`` (no module state here):
the templates reach it there too, ``print.html`` for its cards' QR codes. Model pages get
``page.meta["gm_qr"]`` (main.html prints it beside the address) and the 引用本页 block.
"""

from __future__ import annotations

from pathlib import Path

import render
import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from govcat import history
from govcat.sharing import Sharing

KEY = "gm_sharing"


def _model(page: Page):
    src = page.file.src_uri
    if not src.startswith("models/") or src.count("/") != 1:
        return None
    return state.get().models.get(src.removeprefix("models/").removesuffix(".md"))


@event_priority(80)  # after the language (110) and the catalogue (100) are known; before files are collected
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_url = config.site_url or ""
    config.extra[KEY] = Sharing(
        history=history.read(state.project_root(config)), built=history.build_date(), docs_dir=Path(config.docs_dir),
        site_url=site_url if not site_url or site_url.endswith("/") else site_url + "/",
        site_name=config.site_name, loc=state.localizer, text=state.text)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, content in config.extra[KEY].files(state.get()).items():
        files.append(File.generated(config, uri, content=content))
    return files


@event_priority(-40)  # after search indexed the page, before hooks/models.py adds the related blocks (-50)
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    model = _model(page)
    if model is not None and not model.draft:  # a draft (shown by `mkdocs serve` only) has no citation files
        sharing = config.extra[KEY]
        page.meta["gm_qr"] = sharing.qr(sharing.page_url(model))
        page.content += render.render(config, "partials/cite.html", page, cite=sharing.citation(model))
    return context
