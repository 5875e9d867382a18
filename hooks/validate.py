"""Load and validate the catalogue before MkDocs reads or writes any page.

Thin on purpose: the checks live in :mod:`govcat`; this only finds the folders and turns a
:class:`govcat.CatalogueError` into the MkDocs way of failing a build. Every problem is reported at
once: the catalogue's and the hand-written pages' markers (an unknown ``<!-- gm:NAME -->``).
"""

from __future__ import annotations

import os
from pathlib import Path

import order
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from sitebuild import SiteBuild

import govcat
from govcat import markers, memo, publish


def _load(docs: Path, data: Path, root: Path) -> govcat.Catalogue:
    problems = markers.check_pages(docs, root)
    try:
        catalogue = govcat.load(docs, data, root=root)
    except govcat.CatalogueError as exc:
        raise govcat.CatalogueError([*exc.problems, *problems]) from None
    if problems:
        raise govcat.CatalogueError(problems)
    return catalogue


@order.at("validate.on_config")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = SiteBuild.of(config)
    root = build.root
    docs, data = Path(config.docs_dir), root / "data"
    # the other languages' builds, and `mkdocs serve` rebuilds, find the same files: checked once
    build.input_key = (str(docs), str(data), str(root), govcat.fingerprint(docs, data))
    try:
        publish.check_addresses(os.environ)  # PUBLISH=true: SITE_URL and REPO_URL must be real addresses
        build.catalogue = memo.reuse("catalogue", build.input_key, lambda: _load(docs, data, root))
    except govcat.CatalogueError as exc:
        raise PluginError(str(exc)) from None
    return config
