"""The catalogue core: load, validate and index grassroots governance models.

Plain Python over plain data. Nothing here imports MkDocs, so the site engine can change
without touching the catalogue.
"""

from __future__ import annotations

from .load import fingerprint, load
from .model import Catalogue, Model
from .problems import CatalogueError, Problem

__all__ = ["Catalogue", "CatalogueError", "Model", "Problem", "fingerprint", "load"]
