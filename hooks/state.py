"""What one build knows about the catalogue, shared by the hook modules.

MkDocs loads each hook as its own module; they share this sibling module. The language hook
sets the build's language first; the validate hook loads the catalogue; the others read both.
Every build of every language starts afresh from ``on_config``; only what depends on the input
files alone (the checked catalogue and its link graph) is kept between the builds of one process
while no input file changed (see :func:`reuse`).
"""

from __future__ import annotations

from pathlib import Path

from govcat import Catalogue
from govcat.graph import Graph
from govcat.i18n import Converter, Language, Localizer
from govcat.views import Views

catalogue: Catalogue | None = None
input_key: tuple = ()  # the input files as hooks/validate.py found them (paths, sizes, change times)
graph: Graph | None = None
views: Views | None = None

language: Language | None = None  # the language being built
localizer: Localizer = Localizer()
convert: Converter | None = None  # Simplified -> Traditional, for converted languages
generated: set[str] = set()  # src_uris of the generated pages of this build
pending: str | None = None  # language code the next build is for (set by the language hook)
_kept: dict[str, tuple] = {}  # name -> (key, value) from an earlier build of this process


def get() -> Catalogue:
    if catalogue is None:  # pragma: no cover - the validate hook always runs first
        raise RuntimeError("the catalogue was not loaded: is hooks/validate.py listed under hooks:?")
    return catalogue


def project_root(config) -> Path:
    """The folder of the build's mkdocs.yml, absolute (``mkdocs build -f x.yml`` gives a relative path)."""
    return Path(config.config_file_path).resolve().parent


def text(value: str) -> str:
    """Simplified text as this build's readers see it (converted for zh-Hant)."""
    return convert(value) if convert else value


def reuse(name: str, key, make):
    """``make()``, or what it returned in an earlier build of this process for an equal ``key``.

    This module outlives the hook modules (MkDocs reloads those with every configuration), so the
    zh-Hant and en builds, and ``mkdocs serve`` rebuilds after a template edit, do not load, check
    and link an unchanged catalogue again.
    """
    kept = _kept.get(name)
    if kept is not None and kept[0] == key:
        return kept[1]
    value = make()
    _kept[name] = (key, value)
    return value
