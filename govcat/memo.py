"""What one process may keep between the builds it runs: the checked catalogue and its link graph.

``mkdocs build`` runs one build per language in one process, and ``mkdocs serve`` rebuilds after
every edit. Loading, checking and linking an unchanged catalogue again for each would cost most of a
rebuild, so the result is kept here, keyed by what it was made from (the input files' paths, sizes
and change times: :func:`govcat.load.fingerprint`). The hooks keep nothing between events or builds
(each build's state is its own object), so what outlives a build is kept here, in the core, and
nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

_kept: dict[str, tuple[Hashable, object]] = {}  # name -> (key, value) of the latest build that made it


def reuse(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, or what it returned for an equal ``key`` in an earlier build of this process."""
    kept = _kept.get(name)
    if kept is not None and kept[0] == key:
        return kept[1]  # type: ignore[return-value]
    value = make()
    _kept[name] = (key, value)
    return value


def forget() -> None:
    """Drop everything kept (tests that need a cold build)."""
    _kept.clear()
