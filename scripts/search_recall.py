#!/usr/bin/env python3
"""Recall of the site's search on tests/search_queries.yml: recall@5 and MRR per language.

Builds the site (or takes a built one with --site), serves it, types every query into the search box
in Chromium and reads the answer the reader is shown. A query counts when its page is among the
first five results; MRR is the mean of 1/rank (0 when the page is not listed at all).

    python scripts/search_recall.py                 # build, then measure
    python scripts/search_recall.py --site /tmp/site --misses
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.helpers import CHROME_ARGS, CHROMIUM  # noqa: E402
from tests.browser.searching import TOP, Searcher, queries, rank, slugs  # noqa: E402
from tests.browser.serve import serving  # noqa: E402


def measure(site: Path, show_misses: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    home = re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")).group(1)
    report: dict[str, dict] = {}
    with serving(site, urlsplit(home).path or "/") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        searcher = Searcher(context, base)
        for query in queries():
            found = slugs(searcher.locations(query.lang, query.q))
            r = rank(found, query.page)
            row = report.setdefault(query.lang, {"queries": 0, "hits": 0, "rr": 0.0, "misses": []})
            row["queries"] += 1
            row["hits"] += bool(r and r <= TOP)
            row["rr"] += 1 / r if r else 0.0
            if not (r and r <= TOP):
                row["misses"].append({"q": query.q, "page": query.page, "kind": query.kind, "rank": r,
                                      "first": found[:3]})
        browser.close()
    for row in report.values():
        row["recall@5"] = round(row["hits"] / row["queries"], 3)
        row["mrr"] = round(row.pop("rr") / row["queries"], 3)
        if not show_misses:
            row["misses"] = len(row["misses"])
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--misses", action="store_true", help="list each query that missed")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                           cwd=ROOT, env=env, check=True)
        report = measure(site, args.misses)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{'language':<9} {'queries':>7} {'recall@5':>9} {'MRR':>6}")
    for lang, row in report.items():
        print(f"{lang:<9} {row['queries']:>7} {row['recall@5']:>9.3f} {row['mrr']:>6.3f}")
        if args.misses:
            for miss in row["misses"]:
                print(f"    miss  {miss['q']!r:<24} want {miss['page']} (rank {miss['rank']}), got {miss['first']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
