"""The offline bundle (``OFFLINE=true``, see scripts/offline): a site that works from file://.

Material's offline plugin turns directory URLs off (``models/x.html``, not ``models/x/``) and
inlines the search index as a script. Three things it leaves to us, done here only when it is
enabled:

- the iframe-worker shim (search runs in a Web Worker, which file:// does not allow): the plugin
  would link it from unpkg.com, a third-party host that a training room without internet cannot
  reach; this hook ships the copy installed by ``npm ci`` instead;
- links written by our templates use directory URLs (``models/x/``); on the file system they
  would open a folder listing, so they are pointed at the page's file;
- the printed address of a page (canonical URL) stays the published one, not ``x.html``;
- each language's search index is inlined as a script by this hook too: the language hook
  builds zh-Hant and en from inside the Simplified build's post-build step, after which the
  plugin's own step no longer sees the Simplified site folder.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

SHIM = "assets/javascripts/iframe-worker.js"
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")  # relative to mkdocs.yml; package.json pins it
HREF = re.compile(r'(\shref=")([^"#?:]*/)((?:#[^"]*)?")')

_pages: dict[str, str] = {}  # directory URL ("models/x/") -> file URL ("models/x.html")
_sites: list[str] = []  # site_dir of each offline build in progress (the language hook nests builds)


def _enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def directory_url(src_uri: str) -> str:
    """The address a page has on the published site: ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


@event_priority(10)  # before the offline plugin, which adds the unpkg.com shim unless one is listed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _enabled(config):
        _sites.append(config.site_dir)
        polyfills = list(config.extra.get("polyfills") or [])
        if SHIM not in polyfills:
            config.extra["polyfills"] = [*polyfills, SHIM]
    return config


@event_priority(-100)  # after every page was added (generated pages too)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _pages.clear()
    if not _enabled(config):
        return files
    shim = state.project_root(config) / SHIM_SOURCE
    if not shim.is_file():
        raise PluginError(f"{SHIM_SOURCE} is missing: run `npm ci` before building the offline bundle.")
    files.append(File.generated(config, SHIM, abs_src_path=str(shim)))
    for f in files.documentation_pages():
        _pages[directory_url(f.src_uri)] = f.url
    return files


def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    if _pages and config.site_url:
        page.canonical_url = config.site_url + directory_url(page.file.src_uri)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _pages:
        return output
    here = posixpath.dirname(page.url)

    def fix(m: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(here, m.group(2)))
        target = "" if target == "." else target + "/"
        if target.startswith("../") or target not in _pages or urlsplit(m.group(2)).scheme:
            return m.group(0)
        return m.group(1) + get_relative_url(_pages[target], page.url) + m.group(3)

    return HREF.sub(fix, output)


@event_priority(-110)  # after the search plugin and the language hook's compaction of the index
def on_post_build(config: MkDocsConfig) -> None:
    if not _sites:
        return
    index = Path(_sites.pop()) / "search" / "search_index.json"
    if index.is_file():  # what the offline plugin writes: the index as a script, loadable from file://
        index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")


def on_build_error(error: Exception) -> None:
    _sites.clear()
