"""A Content-Security-Policy for every page, as a ``<meta http-equiv>`` at the top of ``<head>``.

The content guard keeps scripts and other hosts out of what maintainers write; this is the second
line for anything that slips through. The policy lets a page load scripts, styles, images, fonts and
data only from the site itself, and run an inline script only when its SHA-256 hash is listed:
the theme's few inline scripts are hashed from the finished page, so an injected one does not run.
Styles may be inline (the theme and the charts set ``style`` attributes); they still load from
nowhere else.

The offline bundle runs from ``file://``, where search runs in an ``<iframe>`` written by the
iframe-worker shim: that frame inherits the page's policy, so the one inline script the shim writes
into it is hashed too (its text depends only on the page's search-worker address), and ``file:``
stands for the site itself.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_CONFIG = re.compile(r'<script\s+id="__config"\s+type="application/json">(.*?)</script>', re.S)
# Script types the browser runs; anything else (application/json, application/ld+json) is data.
_EXECUTABLE = frozenset({"", "text/javascript", "application/javascript", "module"})
# The inline script the iframe-worker shim writes into its frame, with the names of its two functions.
_SHIM_TEMPLATE = re.compile(r"<script>postMessage=\$\{(\w+)\};importScripts=\$\{(\w+)\};(.*?)\$\{(\w+)\}(.*?)<\\/script>")


def inline_hashes(page: str) -> list[str]:
    """The CSP hash source of every inline script the browser would run, in order of appearance."""
    out: list[str] = []
    for m in _SCRIPT.finditer(page):
        attrs = m.group("attrs")
        kind = _TYPE.search(attrs)
        kind = (next(g for g in kind.groups() if g is not None) if kind else "").strip().lower()
        if _SRC.search(attrs) or kind not in _EXECUTABLE:
            continue
        out.append(hash_source(m.group("body")))
    return list(dict.fromkeys(out))


def hash_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: list[str], *, offline: bool = False) -> str:
    """The policy text: the site itself for everything, listed hashes for inline scripts."""
    self_ = "'self' file:" if offline else "'self'"
    return "; ".join([
        f"default-src {self_}",
        " ".join([f"script-src {self_}", *hashes]),
        f"style-src {self_} 'unsafe-inline'",
        f"img-src {self_} data:",
        f"font-src {self_}",
        f"connect-src {self_}",
        f"media-src {self_}",
        f"worker-src {self_}",
        f"frame-src {self_}",
        f"manifest-src {self_}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def apply(page: str, *, worker_shim: str | None = None) -> str:
    """``page`` with its policy as the first element after ``<meta charset>``.

    ``worker_shim`` is the iframe-worker shim's source in the offline bundle (None on the web)."""
    m = _CHARSET.search(page)
    if m is None:
        return page  # not a full HTML page (a fragment): nothing to protect here
    hashes = inline_hashes(page)
    if worker_shim is not None and (url := _search_worker(page)) is not None:
        hashes.append(hash_source(shim_frame_script(worker_shim, url)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, offline=worker_shim is not None)}">'
    return page[: m.end()] + "\n    " + meta + page[m.end():]


def _search_worker(page: str) -> str | None:
    """The search worker's address as the theme's config on this page gives it (what the shim is passed)."""
    m = _CONFIG.search(page)
    if m is None:
        return None
    try:
        return json.loads(m.group(1)).get("search")
    except ValueError:
        return None


def shim_frame_script(shim: str, worker_url: str) -> str:
    """The text of the inline script the shim writes into its frame for ``new Worker(worker_url)``.

    The shim builds it from a template: the source text of two of its own functions (what
    ``Function.prototype.toString`` gives, i.e. their text in the file) and the worker's address."""
    before, after, name = _shim_parts(shim)
    return before + worker_url + after


@functools.lru_cache(maxsize=4)
def _shim_parts(shim: str) -> tuple[str, str, str]:
    m = _SHIM_TEMPLATE.search(shim)
    if m is None:
        raise ValueError("the iframe-worker shim no longer writes the script this policy hashes: "
                         "check govcat/csp.py against node_modules/iframe-worker/shim/index.js")
    post, imports, middle, url_name, tail = m.groups()
    before = f"postMessage={_function_text(shim, post)};importScripts={_function_text(shim, imports)};{middle}"
    return before, tail, url_name


def _function_text(source: str, name: str) -> str:
    """The text of ``function name(…){…}`` in minified ``source`` (braces balanced; none in its strings)."""
    start = source.find(f"function {name}(")
    if start < 0:
        raise ValueError(f"function {name} not found in the iframe-worker shim")
    depth, i = 0, source.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(source[i], 0)
        if depth == 0:
            return source[start: i + 1]
        i += 1
