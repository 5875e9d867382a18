"""When each file last changed, read from git in one pass: the "last updated" date of a page.

A page's date is the committer date of the newest commit that touched its source file. Where
git cannot say, the answer is ``None`` and the caller shows the build date as such, never a
guess: outside a repository (a build from an archive or a copied folder), for a file that was
never committed, and in a shallow clone for files whose newest visible commit is the clone's
boundary (that commit looks as if it added every file, so its date says nothing about them).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

GIT_TIMEOUT_S = 60


@dataclass(frozen=True)
class History:
    """Last-change dates by repository-relative POSIX path."""

    toplevel: Path | None = None
    dates: dict[str, dt.date] = field(default_factory=dict)
    shallow: bool = False
    added_last: frozenset[str] = frozenset()  # files whose newest commit is the one that added them

    def last_changed(self, path: str | os.PathLike[str]) -> dt.date | None:
        rel = self._relative(path)
        return None if rel is None else self.dates.get(rel)

    def last_change(self, path: str | os.PathLike[str]) -> tuple[str, dt.date] | None:
        """``("added", date)`` when the file's only change is the commit that added it, else
        ``("updated", date)``; ``None`` when git cannot date it (see :func:`last_changed`)."""
        rel = self._relative(path)
        if rel is None or rel not in self.dates:
            return None
        return ("added" if rel in self.added_last else "updated"), self.dates[rel]

    def newest_under(self, *folders: str | os.PathLike[str]) -> dt.date | None:
        """The newest date of any file under the given folders (or of the files themselves)."""
        prefixes = [rel for rel in (self._relative(f) for f in folders) if rel is not None]
        found = [d for path, d in self.dates.items()
                 if any(p == "" or path == p or path.startswith(p + "/") for p in prefixes)]
        return max(found, default=None)

    def _relative(self, path: str | os.PathLike[str]) -> str | None:
        if self.toplevel is None:
            return None
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.toplevel).as_posix()
        except ValueError:  # outside the repository: a generated file in a temporary folder
            return None
        return "" if rel == "." else rel


def _git(cwd: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True,
                              text=True, encoding="utf-8", timeout=GIT_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired):  # no git installed, or a repository too slow to read
        return None
    return proc.stdout if proc.returncode == 0 else None


def read(project: str | os.PathLike[str]) -> History:
    """Dates of every file under ``project`` that git history knows; empty outside git."""
    project = Path(os.path.realpath(project))
    top = _git(project, "rev-parse", "--show-toplevel")
    if not top:
        return History()
    toplevel = Path(os.path.realpath(top.strip()))
    log = _git(project, "log", "--format=%x1e%H %cs", "--name-only", "--no-renames", "--", ".")
    if log is None:  # a repository without commits yet
        return History(toplevel)
    boundary = _shallow_boundary(project)
    dates: dict[str, dt.date] = {}
    unknown: set[str] = set()
    touched: dict[str, int] = {}  # how many visible commits touched each dated file
    for entry in log.split("\x1e")[1:]:
        head, *names = entry.strip("\n").split("\n")
        commit, day = head.split(" ")
        for name in filter(None, names):
            if name in dates:
                touched[name] += 1
                continue
            if name in unknown:
                continue
            if commit in boundary:
                unknown.add(name)
            else:
                dates[name] = dt.date.fromisoformat(day)
                touched[name] = 1
    # a file touched by one commit was added by it. In a shallow clone the boundary commit lists
    # every file it holds, so a file older than what the clone shows counts that commit too.
    added = frozenset(n for n, k in touched.items() if k == 1)
    return History(toplevel, dates, shallow=bool(boundary), added_last=added)


def _shallow_boundary(project: Path) -> set[str]:
    shallow = _git(project, "rev-parse", "--git-path", "shallow")
    if not shallow:
        return set()
    path = Path(shallow.strip())
    path = path if path.is_absolute() else project / path
    return set(path.read_text(encoding="utf-8").split()) if path.is_file() else set()


def build_date() -> dt.date:
    """Today, or the date in SOURCE_DATE_EPOCH (reproducible builds), in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()
