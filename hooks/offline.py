"""The offline bundle (``OFFLINE=true``, see scripts/offline): a site that works from file://.

Material's offline plugin turns directory URLs off (``models/x.html``, not ``models/x/``) and
inlines each language's search index as a script (every language is a build of its own, so the
plugin sees each language's folder). What it leaves to us, done here only when it is enabled:

- the iframe-worker shim (search runs in a Web Worker, which file:// does not allow): the plugin
  would link it from unpkg.com, a third-party host that a training room without internet cannot
  reach; this hook ships the copy installed by ``npm ci`` instead;
- links written by our templates use directory URLs (``models/x/``); on the file system they
  would open a folder listing, so they are pointed at the page's file;
- the printed address of a page (canonical URL) stays the published one, not ``x.html``.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import order
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild

from govcat.urls import directory_url, relative_url

SHIM = "assets/javascripts/iframe-worker.js"
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")  # relative to mkdocs.yml; package.json pins it
HREF = re.compile(r'(\shref=")([^"#?:]*/)((?:#[^"]*)?")')


def enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@order.at("offline.on_config")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if enabled(config):
        polyfills = list(config.extra.get("polyfills") or [])
        if SHIM not in polyfills:
            config.extra["polyfills"] = [*polyfills, SHIM]
    return config


@order.at("offline.on_files")
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not enabled(config):
        return files
    build = SiteBuild.of(config)
    shim = build.root / SHIM_SOURCE
    if not shim.is_file():
        raise PluginError(f"{SHIM_SOURCE} is missing: run `npm ci` before building the offline bundle.")
    files.append(File.generated(config, SHIM, abs_src_path=str(shim)))
    for f in files.documentation_pages():
        build.offline_pages[directory_url(f.src_uri)] = f.url
    return files


def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    if SiteBuild.of(config).offline_pages and config.site_url:
        page.canonical_url = config.site_url + directory_url(page.file.src_uri)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    pages = SiteBuild.of(config).offline_pages
    if not pages:
        return output
    here = posixpath.dirname(page.url)

    def fix(m: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(here, m.group(2)))
        target = "" if target == "." else target + "/"
        if target.startswith("../") or target not in pages or urlsplit(m.group(2)).scheme:
            return m.group(0)
        return m.group(1) + relative_url(pages[target], page.url) + m.group(3)

    return HREF.sub(fix, output)
