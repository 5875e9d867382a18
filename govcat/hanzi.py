"""OpenCC converters, one per profile for the whole process.

Loading OpenCC's dictionaries takes tens of milliseconds, and each language build, the glossary, the
search map and the content guard would otherwise load their own. This module imports nothing of the
catalogue, so the guard (which folds Traditional spam to Simplified) and :mod:`govcat.i18n` can both
use it without depending on each other.
"""

from __future__ import annotations

from functools import cache


@cache
def opencc(profile: str):
    import opencc as _opencc

    return _opencc.OpenCC(profile)
