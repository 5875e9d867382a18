"""Serve a built site over HTTP the way the published site is served.

The site is mounted under the path of ``site_url`` (``/moshi-ku/`` on GitHub Pages): the 404
page links its styles with absolute paths, which only resolve under that prefix. A missing page
gets the 404 page of the language folder it is in (``/zh-Hant/…`` → ``zh-Hant/404.html``), with
status 404. Run as ``python serve.py SITE_DIR PREFIX`` it prints the base URL, then serves until
stopped; tests use :func:`serving`.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: keep-alive, gzip for text, the 404 page for misses."""

    protocol_version = "HTTP/1.1"
    prefix = "/"
    site: Path = Path(".")
    _gzipped: dict[str, bytes] = {}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        key = str(path)
        if key not in self._gzipped:
            self._gzipped[key] = gzip.compress(path.read_bytes(), 6)
        body = self._gzipped[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(self.site / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        rel = unquote(urlsplit(self.path).path)[len(self.prefix):] if self.path.startswith(self.prefix) else ""
        first = rel.split("/", 1)[0]
        page = self.site / first / "404.html"
        if not (first and page.is_file()):
            page = self.site / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # LinkChecker limits itself to ~3 requests a second per host unless the server answers with
        # this header (our own throwaway server: it may go as fast as it likes)
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):  # keep test output quiet
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(site: Path, prefix: str = "/", port: int | None = None) -> Iterator[str]:
    """Serve ``site`` in a child process; yield its base URL (ending in the prefix)."""
    port = port or free_port()
    log = tempfile.TemporaryFile()  # not a pipe: a long run's tracebacks (dropped connections) would fill it
    proc = subprocess.Popen([sys.executable, __file__, str(site), prefix, str(port)],
                            stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}{prefix}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base, timeout=2).close()
                break
            except OSError as exc:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"the site server did not start: {log.read().decode(errors='replace')}") from exc
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def main(argv: list[str]) -> None:
    site, prefix = Path(argv[0]).resolve(), argv[1]
    port = int(argv[2]) if len(argv) > 2 else free_port()
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "site": site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    print(f"http://127.0.0.1:{port}{prefix}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
