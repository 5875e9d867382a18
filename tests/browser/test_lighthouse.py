"""Lighthouse (mobile: a mid-range phone on a slow 4G network) on the home, catalogue and a model page.

Slow (about 15 s a page), so marked ``slow`` and left out of the default run: ``scripts/lighthouse``
runs it and prints the scores. Scores move by about 0.01 between runs: thresholds, not values.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .helpers import CHROME_ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
THRESHOLDS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
PAGES = {"home": "", "catalogue": "catalogue/", "model": "models/meizi-xiaowu/"}

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def lighthouse(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROME_ARGS])
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet", f"--chrome-flags={flags}",
           f"--only-categories={','.join(THRESHOLDS)}"]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM or ""}, capture_output=True, timeout=180)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_lighthouse_mobile_scores(site_url, path, tmp_path):
    if not LIGHTHOUSE.exists():
        pytest.fail("node_modules/.bin/lighthouse is missing: run `npm ci`")
    report = lighthouse(site_url + path, tmp_path / "report.json")
    scores = {name: report["categories"][name]["score"] for name in THRESHOLDS}
    print(f"\nLighthouse mobile {path or '/'}: " + ", ".join(f"{k} {v:.2f}" for k, v in scores.items()))
    low = {k: v for k, v in scores.items() if v is None or v < THRESHOLDS[k]}
    failing = [f"{a['id']}: {a['title']}" for a in report["audits"].values()
               if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
    assert not low, f"{path or '/'}: below the thresholds {low}; failing audits:\n" + "\n".join(failing)
