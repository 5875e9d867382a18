"""Load and validate the catalogue before MkDocs reads or writes any page.

Thin on purpose: the checks live in :mod:`govcat`; this only finds the folders and turns a
:class:`govcat.CatalogueError` into the MkDocs way of failing a build.
"""

from __future__ import annotations

import os
from pathlib import Path

import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import govcat
from govcat import publish


@event_priority(100)  # before every plugin: nothing is built, and nothing written, from invalid content
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = state.project_root(config)
    docs, data = Path(config.docs_dir), root / "data"
    state.catalogue = None
    # the language builds that follow in this process find the same files: checked once
    state.input_key = (str(docs), str(data), str(root), govcat.fingerprint(docs, data))
    try:
        publish.check_addresses(os.environ)  # PUBLISH=true: SITE_URL and REPO_URL must be real addresses
        state.catalogue = state.reuse("catalogue", state.input_key, lambda: govcat.load(docs, data, root=root))
    except govcat.CatalogueError as exc:
        raise PluginError(str(exc)) from None
    return config
