"""The search index of each language, made compact and script-agnostic after the theme wrote it.

- Material writes ``search_index.json`` with ``\\uXXXX`` escapes: six bytes for every Chinese
  character. It is rewritten as UTF-8 (measured: half the bytes).
- A page's keywords are searched, never shown, once per page (:func:`govcat.searchdict.compact_index`).
- A small character map lets a query typed in the other Chinese script find this site's pages
  (:func:`govcat.i18n.script_map`; ``docs/assets/javascripts/cross-script.js`` applies it).
"""

from __future__ import annotations

import json
from pathlib import Path

import order
from mkdocs.config.defaults import MkDocsConfig
from sitebuild import SiteBuild

from govcat import i18n, searchdict


@order.at("search.on_post_build")
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = searchdict.compact_index(json.loads(path.read_text(encoding="utf-8")))
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    mapping = i18n.script_map(text, converted=bool(SiteBuild.of(config).language.convert))
    out = Path(config.site_dir) / "assets" / "javascripts" / "script-map.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("window.gmScriptMap=" + json.dumps(mapping, ensure_ascii=False, separators=(",", ":")) + ";\n",
                   encoding="utf-8")
