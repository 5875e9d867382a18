"""Three languages from one source: zh at the site root, then zh-Hant and en in their folders.

After the Simplified build, this hook runs MkDocs' own ``build()`` once per other language
(as mkdocs-static-i18n does internally), so each language gets its own pages, 404 page and
search index, and every hook knows which language it is building. Traditional Chinese is
converted from the Simplified source (OpenCC ``s2tw`` + ``data/glossary-zh-hant.yml``);
English comes from ``page.en.md`` files, the registries' ``en`` labels and
``data/strings-en.yml``. A page without an English file shows the Chinese text under a notice.
See README for why this is a hook and not the i18n plugins.
"""

from __future__ import annotations

import os
from pathlib import Path

import render
import state
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from govcat import i18n
from govcat.load import split_language

log = get_plugin_logger(__name__)
_root: dict = {}  # the Simplified build's site_dir, site_url and texts, to derive the others from
_translated: set[str] = set()  # src_uris whose English file replaced the Chinese one in this build


def _languages(config: MkDocsConfig) -> list[i18n.Language]:
    """The configured languages; SITE_LANGUAGES=zh (a comma list) builds only some, e.g. for the
    benchmark or a quick preview. The source language always comes first."""
    langs = i18n.languages(config.extra.get("languages") or [{"code": "zh", "name": "简体中文"}])
    wanted = [x.strip() for x in os.environ.get("SITE_LANGUAGES", "").split(",") if x.strip()]
    return [x for i, x in enumerate(langs) if i == 0 or not wanted or x.code in wanted]


@event_priority(110)  # before every other hook: they all read the build's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    langs = _languages(config)
    lang = next(x for x in langs if x.code == (state.pending or langs[0].code))
    state.pending = None
    state.language = lang
    root = state.project_root(config)
    if lang == langs[0]:
        _root.update(site_dir=config.site_dir, site_url=config.site_url or "", site_name=config.site_name,
                     site_description=config.site_description, copyright=config.copyright,
                     site_author=config.site_author, permalink_title=config.mdx_configs.get("toc", {}).get("permalink_title"))
    strings = i18n.load_strings(root / "data" / "strings-en.yml") if lang.code == "en" else {}
    state.localizer = i18n.Localizer(lang.code, strings)
    state.convert = None
    if lang.convert:
        glossary = i18n.load_glossary(root / "data" / "glossary-zh-hant.yml", lang.convert)
        state.convert = i18n.Converter(lang.convert, glossary)
    config.site_dir = str(Path(_root["site_dir"]) / lang.root) if lang.root else _root["site_dir"]
    config.site_url = _root["site_url"] + lang.root if _root["site_url"] else config.site_url
    for key in ("site_name", "site_description", "copyright", "site_author"):
        if _root.get(key):
            config[key] = state.text(state.localizer.t(_root[key]))
    if _root.get("permalink_title"):
        config.mdx_configs["toc"]["permalink_title"] = state.text(state.localizer.t(_root["permalink_title"]))
    config.theme["language"] = lang.theme
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang = list(lang.search)
    return config


@event_priority(-90)  # after the generated pages were added
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Keep translations out of the Chinese builds; in English, serve x.en.md at x.md's address."""
    _translated.clear()
    english = state.language.code == "en"
    for f in list(files):
        if not f.src_uri.endswith(".md"):
            continue
        base, lang = split_language(f.src_uri)
        if lang is None:
            continue
        files.remove(f)
        original = files.get_file_from_path(base + ".md")
        if english and lang == "en" and original is not None:
            swapped = File.generated(config, original.src_uri, abs_src_path=f.abs_src_path,
                                     inclusion=original.inclusion)
            swapped.edit_uri = f.src_uri  # the edit button opens the English file
            files.remove(original)
            files.append(swapped)
            _translated.add(original.src_uri)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    def walk(items):
        for item in items:
            if item.title:
                item.title = state.text(state.localizer.t(item.title))
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    return nav


@event_priority(-100)  # last: after mention links and citations were added in Simplified
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = state.text(page.meta[key])
    if state.convert and page.meta.get("title"):  # the converted title, in the nav and <title> too
        page.title = page.meta["title"]
    return state.text(markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_) -> str:
    if state.language.code != "en" or page.file.src_uri in _translated or page.file.src_uri in state.generated:
        return html
    base = page.file.src_uri.removesuffix(".md")
    notice = render.render(config, "partials/untranslated.html", page,
                           new_url=render.new_file_url(config, f"docs/{base}.en.md"))
    return f'{notice}<div lang="zh-Hans">{html}</div>'


def _alternates(config: MkDocsConfig, url: str | None) -> list[dict]:
    """Each language's version of this page: ``link`` absolute (hreflang), ``href`` relative (switcher).

    All languages share one URL layout, so the same page lives at ``<language root><page url>``.
    A page-less template (404) leads to each language's home instead.
    """
    here = state.language
    out = []
    for other in _languages(config):
        target = other.root + (url or "")
        current = here.root + (url if url is not None else "")
        out.append({"name": other.name, "lang": other.code,
                    "link": (_root.get("site_url") or "") + target,
                    "href": get_relative_url(target or ".", current or "."),
                    "current": other == here})
    return out


@event_priority(50)  # before the theme renders: the switcher and hreflang links lead to this page
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    _set_alternates(config, _alternates(config, page.url))
    return context


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """404 pages are not Pages: their switcher leads to each language's home."""
    if template_name == "404.html":
        _set_alternates(config, _alternates(config, None))
    return context


def _set_alternates(config: MkDocsConfig, alternates: list[dict]) -> None:
    """The switcher reads ``extra.languages_here``. ``extra.alternate`` is only a flag that makes the
    theme show it: were it the list, the theme would also write <link rel="alternate"> tags, and its
    script would fetch a sitemap.xml for each of them on every page (from the published host, even
    offline)."""
    config.extra["alternate"] = True
    config.extra["languages_here"] = alternates


@event_priority(-200)  # last of all: every post-build step of this language has run on its own folder
def on_post_build(config: MkDocsConfig) -> None:
    if state.localizer.missing:
        log.warning("English strings missing from data/strings-en.yml / 英文界面文字缺失: "
                    + "; ".join(sorted(state.localizer.missing)))
    langs = _languages(config)
    if state.language != langs[0]:
        return
    try:
        for lang in langs[1:]:
            state.pending = lang.code
            build(config)
    finally:
        state.pending = None
