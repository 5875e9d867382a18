"""The search index of each language, made compact and script-agnostic after the theme wrote it.

- Material writes ``search_index.json`` with ``\\uXXXX`` escapes: six bytes for every Chinese
  character. It is rewritten as UTF-8 (measured: half the bytes).
- A small character map lets a query typed in the other Chinese script find this site's pages
  (``docs/assets/javascripts/cross-script.js`` applies it in the browser).
"""

from __future__ import annotations

import json
from pathlib import Path

import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from govcat import i18n


@event_priority(-60)  # after the search plugin wrote its index, before the offline plugin inlines it
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    out = Path(config.site_dir) / "assets" / "javascripts" / "script-map.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("window.gmScriptMap=" + json.dumps(script_map(text, state.language), ensure_ascii=False,
                                                      separators=(",", ":")) + ";\n", encoding="utf-8")


def script_map(index_text: str, lang: i18n.Language) -> dict[str, str]:
    """Characters of the other script -> the character this index uses, for the index's characters."""
    chars = sorted(c for c in set(index_text) if "\u3400" <= c <= "\u9fff")  # the index's CJK characters
    # the index is Traditional where the language is converted; map Simplified characters to it, and back
    to_other = i18n.Converter("t2s") if lang.convert else i18n.Converter("s2t")
    others = to_other.each(chars)
    known = set(chars)
    mapping: dict[str, str] = {}
    for ch, other in zip(chars, others, strict=True):
        if other != ch and len(other) == 1 and other not in known:
            mapping.setdefault(other, ch)
    return mapping
