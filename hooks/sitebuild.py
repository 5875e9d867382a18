"""Everything one language's build knows, in one object, reached one way: ``SiteBuild.of(config)``.

MkDocs passes the configuration to every event but keeps nothing of ours between them, and it loads
each hook module once per process. So nothing is kept in the hook modules: the languages hook creates
a :class:`SiteBuild` in ``on_config`` (the first step of every build, see hooks/order.py) and puts it
on that build's configuration; every other step finds it there. Each language is a build of its own,
from a configuration loaded afresh, so each has its own object, and nothing of one language's build
can leak into another's.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from govcat import Catalogue
from govcat.graph import Graph
from govcat.history import History
from govcat.i18n import Language, Localizer
from govcat.pagespec import PageSpec
from govcat.views import Views

ATTRIBUTE = "_gm_build"  # where the configuration holds its build object


@dataclass
class SiteBuild:
    root: Path  # the folder of mkdocs.yml
    language: Language  # the language of this build
    languages: list[Language]  # every language this run builds, the source first
    site_dir: str  # the site root (the source language's folder); this language writes into its own below
    site_url: str  # the site root's address
    extra: dict  # ``extra:`` as loaded, before any plugin changed it: the next language's starts from it
    loc: Localizer  # the text this language's readers see; ``loc.text`` is the one conversion
    catalogue: Catalogue | None = None  # checked (hooks/validate.py)
    input_key: tuple = ()  # the input files the catalogue was loaded from: reused while equal
    graph: Graph | None = None
    views: Views | None = None
    specs: dict[str, PageSpec] = field(default_factory=dict)  # src_uri -> generated page
    translated: set[str] = field(default_factory=set)  # src_uris whose English file replaced the Chinese
    tmp: tempfile.TemporaryDirectory | None = None  # generated pages and the jieba dictionary
    history: History | None = None
    built: dt.date | None = None  # the build date (SOURCE_DATE_EPOCH fixes it)
    generated_day: dt.date | None = None  # the newest change to what the generated pages are made of
    renderer: object | None = None  # hooks/render.py's Renderer: the theme's environment, cards per depth
    offline_pages: dict[str, str] = field(default_factory=dict)  # OFFLINE only: folder URL -> file URL
    summaries: dict[str, str] = field(default_factory=dict)  # published site: page URL -> summary in search results
    worker_shim: str | None = None  # OFFLINE only: the search shim's source, whose frame script the CSP hashes

    @property
    def source(self) -> Language:
        return self.languages[0]

    def text(self, value):
        """Simplified text as this build's readers see it (converted for zh-Hant): the one conversion."""
        return self.loc.text(value)

    def attach(self, config: MkDocsConfig) -> SiteBuild:
        setattr(config, ATTRIBUTE, self)
        return self

    @staticmethod
    def of(config: MkDocsConfig) -> SiteBuild:
        build = getattr(config, ATTRIBUTE, None)
        if build is None:  # pragma: no cover - hooks/languages.py is listed first under hooks:
            raise RuntimeError("no build object: is hooks/languages.py listed first under hooks: in mkdocs.yml?")
        return build

    def close(self) -> None:
        if self.tmp is not None:
            self.tmp.cleanup()
            self.tmp = None
