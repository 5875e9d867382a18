"""The Content-Security-Policy: what it hashes, where it goes, and the offline search frame's script."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from govcat import csp

ROOT = Path(__file__).resolve().parents[1]
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>x</title>
<script>document.documentElement.classList.add("gm-js")</script>
<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/search.js"}</script>
<script type="application/ld+json">{"a": 1}</script>
<script src="../assets/javascripts/bundle.js"></script>
<script type="module">import "./x.js"</script>
</head><body><script>
var a = 1;
</script></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_inline_script_the_browser_runs_is_hashed_and_nothing_else():
    assert csp.inline_hashes(PAGE) == [sha('document.documentElement.classList.add("gm-js")'),
                                       sha('import "./x.js"'), sha("\nvar a = 1;\n")]


def test_the_policy_is_the_first_thing_after_the_charset():
    out = csp.apply(PAGE)
    head = out.split("<title>")[0]
    assert head.startswith('<!doctype html><html><head><meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy"')
    assert out.count("Content-Security-Policy") == 1
    policy = head.split('content="')[1].split('"')[0]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert sha("\nvar a = 1;\n") in policy


def test_the_policy_allows_no_other_host_and_no_inline_script_without_a_hash():
    directives = dict(d.split(" ", 1) for d in csp.policy(["'sha256-x'"]).split("; "))
    for name in ("default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src"):
        sources = directives[name].split()
        assert all(s in ("'self'", "'unsafe-inline'", "data:", "'sha256-x'") for s in sources), (name, sources)
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives.get("default-src", "")
    assert directives["object-src"] == "'none'"
    assert "file:" not in csp.policy([]) and "file:" in csp.policy([], offline=True)


def test_a_fragment_without_a_head_is_left_alone():
    assert csp.apply("<p>x</p>") == "<p>x</p>"


def test_a_changed_script_gets_another_hash():
    assert csp.inline_hashes(PAGE) != csp.inline_hashes(PAGE.replace("var a = 1;", "var a = 2;"))


def test_the_offline_policy_hashes_the_script_the_search_shim_writes_into_its_frame():
    """The shim is run for real in Node with a stand-in document, and what it writes is compared."""
    node = shutil.which("node")
    if not SHIM.is_file() or node is None:
        message = "node and node_modules (npm ci) are needed to run the search shim"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    url = "../../assets/javascripts/workers/search.a7633da7.min.js"
    runner = f"""
      let written = "";
      const frame = {{contentWindow: {{document: {{open() {{}}, write(s) {{ written += s; }}, close() {{}}}}}}}};
      globalThis.window = globalThis; globalThis.location = {{protocol: "file:"}};
      globalThis.onmessage = globalThis.onerror = null;
      globalThis.document = {{createElement: () => frame, body: {{appendChild() {{}}}}}};
      require({json.dumps(str(SHIM))});
      new window.Worker({json.dumps(url)});
      process.stdout.write(written);
    """
    written = subprocess.run([node, "-e", runner], check=True, capture_output=True, text=True).stdout
    script = written.split("<script>", 1)[1].split("</script>", 1)[0]
    assert csp.shim_frame_script(SHIM.read_text(encoding="utf-8"), url) == script
    page = PAGE.replace("../assets/javascripts/workers/search.js", url)
    assert sha(script) in csp.apply(page, worker_shim=SHIM.read_text(encoding="utf-8"))


def test_a_changed_shim_is_reported_not_guessed():
    with pytest.raises(ValueError, match="iframe-worker"):
        csp.shim_frame_script("(()=>{})()", "x.js")
