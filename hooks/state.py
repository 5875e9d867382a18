"""What one build knows about the catalogue, shared by the hook modules.

MkDocs loads each hook as its own module; they share this sibling module. It is reset at
the start of every build (and every `mkdocs serve` rebuild) by :mod:`validate`.
"""

from __future__ import annotations

from govcat import Catalogue
from govcat.graph import Graph

catalogue: Catalogue | None = None
graph: Graph | None = None


def get() -> Catalogue:
    if catalogue is None:  # pragma: no cover - the validate hook always runs first
        raise RuntimeError("the catalogue was not loaded: is hooks/validate.py listed first under hooks:?")
    return catalogue
