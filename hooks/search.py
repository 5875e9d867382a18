"""Each language's search: Pagefind's chunked index on the published site, the theme's own index in
the offline bundle, both found by the same keywords and in either Chinese script.

- The theme's search plugin extracts each page (title, sections); its index is made compact first:
  a page's keywords are searched, never shown, once per page (:func:`govcat.searchdict.compact_index`).
- On the published site Pagefind indexes those pages into ``pagefind/`` (:mod:`govcat.searchpages`),
  and the theme's ``search_index.json`` keeps only its settings: the search worker
  (``docs/assets/javascripts/search-worker.js``) downloads the chunks a query needs, never the whole.
- The offline bundle (file://, where Pagefind cannot load) keeps the theme's whole index as UTF-8
  (the theme writes ``\\uXXXX``, six bytes a Chinese character; measured: half the bytes).
- A small character map lets a query typed in the other Chinese script find this site's pages
  (:func:`govcat.i18n.script_map`; ``docs/assets/javascripts/cross-script.js`` applies it).
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import order
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from offline import enabled as offline
from sitebuild import SiteBuild

from govcat import i18n, searchdict, searchpages

log = logging.getLogger("mkdocs.hooks.search")


def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    summary = page.meta.get("description")
    if summary and not offline(config):
        SiteBuild.of(config).summaries[page.url] = str(summary)
    return context


@order.at("search.on_post_build")
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    build = SiteBuild.of(config)
    index = searchdict.compact_index(json.loads(path.read_text(encoding="utf-8")))
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    if offline(config):
        path.write_text(text, encoding="utf-8")
    else:
        docs = searchpages.documents(index, build.summaries)
        start = time.perf_counter()
        searchpages.write(docs, searchpages.language(build.language.code), site / "pagefind")
        log.info(f"search: Pagefind indexed {len(docs)} pages in {time.perf_counter() - start:.2f} s")
        settings = searchpages.settings_only(index)
        path.write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    mapping = i18n.script_map(text, converted=bool(build.language.convert))
    out = site / "assets" / "javascripts" / "script-map.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("window.gmScriptMap=" + json.dumps(mapping, ensure_ascii=False, separators=(",", ":")) + ";\n",
                   encoding="utf-8")
