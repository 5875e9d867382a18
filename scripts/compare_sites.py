"""Compare two built sites file by file, and say every file that differs.

    python scripts/compare_sites.py SITE_A SITE_B                  two folders already built
    python scripts/compare_sites.py --build PROJECT_A PROJECT_B    build each project first
    python scripts/compare_sites.py --build . . --engine-b properdocs   one project, two engines

``--build`` runs ``<engine> build --strict`` in each project folder into a temporary folder, with one
``SOURCE_DATE_EPOCH`` for both (the build date shows on pages without history), and the project's own
``govcat`` first on the import path. ``--ignore-generator`` compares HTML without the generator meta tag
(``mkdocs-1.6.1, …`` or ``mkdocs-ProperDocs 1.6.7, …``). Gzipped files are compared decompressed (their header
carries a time). Exit status 0: the same; 1: differences, each listed.

Pages date themselves from git history (hooks/updated.py). To compare two commits, build copies made
with ``git archive`` (no history: every page says it was built on the ``SOURCE_DATE_EPOCH`` day);
built from checkouts, the generated pages' "last updated" dates differ wherever data/ or docs/models/
changed between the two commits.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(project: Path, engine: str, dest: Path, epoch: str) -> float:
    """Build ``project`` with ``engine`` into ``dest``; the wall time in seconds."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join([str(project.resolve()), os.environ.get("PYTHONPATH", "")])}
    start = time.perf_counter()
    proc = subprocess.run([engine, "build", "--strict", "-q", "-d", str(dest)], cwd=project, env=env,
                          capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{engine} build failed in {project}:\n{proc.stderr[-4000:]}")
    return time.perf_counter() - start


def content(path: Path, ignore_generator: bool) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if ignore_generator and path.suffix in (".html", ".htm"):
        data = GENERATOR.sub(b"", data)
    return data


def compare(a: Path, b: Path, ignore_generator: bool = False) -> list[str]:
    """Every difference between the folders ``a`` and ``b``, one line each (empty: the same)."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = [f"only in {a}: {f}" for f in sorted(files_a - files_b)]
    out += [f"only in {b}: {f}" for f in sorted(files_b - files_a)]
    for f in sorted(files_a & files_b):
        x, y = content(a / f, ignore_generator), content(b / f, ignore_generator)
        if x != y:
            out.append(f"differs: {f}{first_difference(x, y)}")
    return out


def first_difference(x: bytes, y: bytes) -> str:
    """The first differing lines, short, for text files."""
    try:
        lines_x, lines_y = x.decode("utf-8").splitlines(), y.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return " (binary)"
    diff = [d for d in difflib.unified_diff(lines_x, lines_y, n=0, lineterm="") if d[:1] in "+-" and d[:3] not in ("+++", "---")]
    return "".join(f"\n    {d[:200]}" for d in diff[:4])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--build", action="store_true", help="a and b are project folders: build each first")
    parser.add_argument("--engine-a", default="mkdocs")
    parser.add_argument("--engine-b", default="mkdocs")
    parser.add_argument("--epoch", default=os.environ.get("SOURCE_DATE_EPOCH", str(int(time.time()))),
                        help="SOURCE_DATE_EPOCH for both builds")
    parser.add_argument("--ignore-generator", action="store_true", help="ignore the generator meta tag")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="compare-sites-") as tmp:
        a, b = args.a, args.b
        if args.build:
            a, b = Path(tmp) / "a", Path(tmp) / "b"
            for project, engine, dest in ((args.a, args.engine_a, a), (args.b, args.engine_b, b)):
                seconds = build(project, engine, dest, args.epoch)
                print(f"built {project} with {engine} in {seconds:.1f} s")
        differences = compare(a, b, args.ignore_generator)
        count = sum(1 for p in a.rglob("*") if p.is_file())
    for line in differences:
        print(line)
    print(f"{count} files compared, {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
