"""Cite, share, follow: citation block and files, QR codes for print, the Atom feed.

A thin adapter over :class:`govcat.sharing.Sharing`. One is made per build in ``on_config``, from
the build object (its language, text and git history), and kept on that build's own configuration,
``config.extra["gm_sharing"]``: the templates reach it there too, ``gm/views/print.html`` for its
cards' QR codes. Model pages get ``page.meta["gm_qr"]`` (main.html prints it beside the address)
and the 引用本页 block.
"""

from __future__ import annotations

from pathlib import Path

import order
import render
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild

from govcat import history
from govcat.sharing import Sharing

KEY = "gm_sharing"


def _model(build: SiteBuild, page: Page):
    src = page.file.src_uri
    if not src.startswith("models/") or src.count("/") != 1:
        return None
    return build.catalogue.models.get(src.removeprefix("models/").removesuffix(".md"))


@order.at("trainers.on_config")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = SiteBuild.of(config)
    site_url = config.site_url or ""
    config.extra[KEY] = Sharing(
        history=build.history if build.history is not None else history.read(build.root),
        built=build.built or history.build_date(), docs_dir=Path(config.docs_dir),
        site_url=site_url if not site_url or site_url.endswith("/") else site_url + "/",
        site_name=config.site_name, loc=build.loc, text=build.text)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, content in config.extra[KEY].files(SiteBuild.of(config).catalogue).items():
        files.append(File.generated(config, uri, content=content))
    return files


@order.at("trainers.on_page_context")
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    model = _model(SiteBuild.of(config), page)
    if model is not None and not model.draft:  # a draft (shown by `mkdocs serve` only) has no citation files
        sharing = config.extra[KEY]
        page.meta["gm_qr"] = sharing.qr(sharing.page_url(model))
        page.content += render.render(config, "gm/cite.html", page, cite=sharing.citation(model))
    return context
