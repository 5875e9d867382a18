"""Preview the site with live reload; a build that fails shows its problems in the browser.

    python scripts/preview.py [mkdocs serve options]     (./scripts/serve runs this)

This is ``mkdocs serve`` itself, its command line and options included, with two parts of its
machinery replaced for this process only:

- its builds (``mkdocs.commands.serve.build`` and the server's rebuild) never stop the server: a failed build is
  recorded with everything it reported (the catalogue's problem list, other errors and, with
  ``--strict``, the warnings), its messages still go to the terminal, and MkDocs then tells the
  browsers to reload, as after a good build;
- its server (``LiveReloadServer``) answers every page request with an error page while the last
  build failed, instead of holding the request until a build succeeds ("The server will appear
  stuck until build errors are resolved"). The error page lists the same problems as the
  terminal, in Chinese and English, and carries MkDocs' live-reload script, so it turns back into
  the page as soon as the next build succeeds.

A failed first build starts the server all the same, showing the error page. Nothing here
touches ``mkdocs build``: a strict build fails exactly as before, and the error page is never
written into a site (its template, ``overrides/preview/error.html``, is not a page of the theme).
Relies on MkDocs 1.6's serve internals (the server's build epochs and script injection), which
tests/browser/test_preview.py exercises.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "overrides" / "preview"
sys.path.insert(0, str(ROOT))  # govcat, when the project is not installed

from govcat.problems import CatalogueError  # noqa: E402

log = logging.getLogger("mkdocs.preview")
_CSP_META = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>\s*')


@dataclass
class Failure:
    """What a failed build reported: the catalogue's problems, and any other message."""

    problems: list[dict] = field(default_factory=list)  # where, zh, en, fix_zh, fix_en
    messages: list[str] = field(default_factory=list)  # other errors and warnings, as logged


def describe(error: BaseException, logged: list[str]) -> Failure:
    """The failure of one build, from the exception it ended with and what it logged meanwhile."""
    failure = Failure()
    catalogue = _catalogue_error(error)
    if catalogue is not None:
        for p in catalogue.problems:
            zh, en, fix_zh, fix_en = p.texts
            failure.problems.append({"where": p.where, "zh": zh, "en": en, "fix_zh": fix_zh, "fix_en": fix_en})
    told = str(catalogue) if catalogue is not None else None
    failure.messages = [m for m in dict.fromkeys(logged) if m != told and not (told and told in m)]
    if (not failure.problems and not failure.messages) or not _reported(error, failure.messages):
        failure.messages.append(_summary(error))
    return failure


def _catalogue_error(error: BaseException) -> CatalogueError | None:
    """The catalogue check's own exception, wherever it is in the chain (the hooks re-raise it)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, CatalogueError):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


def _summary(error: BaseException) -> str:
    text = str(error).strip()
    if isinstance(error, (SystemExit, MkDocsException)) and text:
        return text  # MkDocs' own words ("Aborted with 2 warnings in strict mode!")
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _reported(error: BaseException, messages: list[str]) -> bool:
    """Whether the build's last word is already among the messages (MkDocs logs a BuildError itself)."""
    text = str(error).strip()
    return bool(text) and (text.startswith("Aborted with a BuildError") or any(text in m for m in messages))


def render(failure: Failure) -> bytes:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return env.get_template("error.html").render(problems=failure.problems, messages=failure.messages).encode("utf-8")


class _Collect(logging.Handler):
    """Warnings and errors logged during one build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class Preview:
    """The state of one preview: what the last build reported, if it failed."""

    def __init__(self):
        self.failure: Failure | None = None
        self._running = False

    def guard(self, build):
        """``build`` that records a failure instead of raising it (a failure is shown in the browser).

        Used twice: around MkDocs' build() (the first build, and each rebuild's), and around the
        server's rebuild, which loads mkdocs.yml first (an error there is shown too); the outer call
        of the two decides what the rebuild's result was.
        """

        @functools.wraps(build)
        def run(*args, **kwargs) -> None:
            if self._running:
                return build(*args, **kwargs)
            self._running = True
            collect = _Collect()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(collect)
            failure = None
            try:
                build(*args, **kwargs)
            except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
                failure = describe(error, collect.messages)
                if not isinstance(error, (SystemExit, MkDocsException)):
                    traceback.print_exc()  # a bug, not a content problem: as mkdocs serve prints it
                elif not _reported(error, collect.messages):
                    log.error(str(error))
            finally:
                logger.removeHandler(collect)
                self._running = False
            self.failure = failure
            if failure is not None:
                log.error("预览：构建失败。浏览器中的页面会显示上面的问题，修好并保存后自动恢复。\n"
                          "Preview: the build failed. Pages in the browser show the problems above "
                          "and come back by themselves once the fix is saved.")

        return run


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that answers page requests with the problems while a build fails."""

    def __init__(self, *args, preview: Preview, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview = preview
        self.builder = preview.guard(self.builder)  # a rebuild that fails no longer leaves pages waiting

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """MkDocs' live-reload script is inline and differs with every request, so no hash can allow it:
        pages in the preview go without the Content-Security-Policy the built site carries (hooks/csp.py)."""
        return super()._inject_js_into_html(_CSP_META.sub(b"", content), epoch)

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/") or not _is_page(path):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:  # as MkDocs does: wait for a build under way, then answer for its result
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            epoch = self._visible_epoch
        failure = self.preview.failure
        if failure is None:
            return super()._serve_request(environ, start_response)
        body = render(failure)
        if self._watched_paths:
            body = self._inject_js_into_html(body, epoch)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(body))),
                                                     ("Cache-Control", "no-store")])
        return [body]


def _is_page(path: str) -> bool:
    """An address a browser opens as a page: a folder, an .html file, or a name without extension."""
    last = path.rsplit("/", 1)[-1]
    return not last or last.endswith(".html") or "." not in last


def main(argv: list[str]) -> None:
    from mkdocs.__main__ import serve_command
    from mkdocs.commands import serve

    preview = Preview()
    serve.build = preview.guard(serve.build)
    serve.LiveReloadServer = functools.partial(PreviewServer, preview=preview)
    serve_command.main(args=argv, prog_name="./scripts/serve")  # `mkdocs serve`, its options and all


if __name__ == "__main__":
    main(sys.argv[1:])
