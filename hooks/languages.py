"""Three languages from one source: zh at the site root, then zh-Hant and en in their folders.

Each language is a build of its own, from its own configuration. The command's build is the source
language's; when it is complete (its last post-build step), this hook loads the same mkdocs.yml
afresh once per other language, with that language named in ``extra.build_language`` and its folder
and address set, and builds it: the same hooks, fresh plugins, nothing shared but the process. So
``mkdocs build``, ``properdocs build`` and ``mkdocs serve`` all give the three languages from one
command. Traditional Chinese is converted from the Simplified source (OpenCC ``s2tw`` +
``data/glossary-zh-hant.yml``, in :meth:`govcat.i18n.Localizer.text`); English comes from
``page.en.md`` files, the registries' ``en`` labels and ``data/strings-en.yml``. See README.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import order
import render
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild

from govcat import i18n
from govcat.load import split_language

log = get_plugin_logger(__name__)
KEY = "build_language"  # extra.build_language: {code, site_dir, site_url} of a language other than the source


@order.at("languages.on_config")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    raw = config.extra.get("languages") or [{"code": "zh", "name": "简体中文"}]
    langs = i18n.chosen(i18n.languages(raw), os.environ.get("SITE_LANGUAGES", ""))
    other = config.extra.get(KEY)
    lang = next(x for x in langs if x.code == other["code"]) if other else langs[0]
    root = Path(config.config_file_path).resolve().parent  # `mkdocs build -f x.yml` gives a relative path
    strings = i18n.load_strings(root / "data" / "strings-en.yml") if lang.code == "en" else {}
    convert = None
    if lang.convert:
        glossary = i18n.load_glossary(root / "data" / "glossary-zh-hant.yml", lang.convert)
        convert = i18n.Converter(lang.convert, glossary)
    extra = {k: copy.deepcopy(v) for k, v in config.extra.items() if k != KEY}
    build = SiteBuild(root=root, language=lang, languages=langs,
                      site_dir=other["site_dir"] if other else config.site_dir,
                      site_url=other["site_url"] if other else (config.site_url or ""),
                      extra=extra, loc=i18n.Localizer(lang.code, strings, convert=convert)).attach(config)
    for key in ("site_name", "site_description", "copyright", "site_author"):
        if config[key]:
            config[key] = build.text(build.loc.t(config[key]))
    toc = config.mdx_configs.get("toc", {})
    if toc.get("permalink_title"):
        toc["permalink_title"] = build.text(build.loc.t(toc["permalink_title"]))
    config.theme["language"] = lang.theme
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang = list(lang.search)
    return config


@order.at("languages.on_files")
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Keep translations out of the Chinese builds; in English, serve x.en.md at x.md's address."""
    build = SiteBuild.of(config)
    english = build.language.code == "en"
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
            build.translated.add(original.src_uri)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    build = SiteBuild.of(config)

    def walk(items):
        for item in items:
            if item.title:
                item.title = build.text(build.loc.t(item.title))
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    return nav


@order.at("languages.on_page_markdown")
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    build = SiteBuild.of(config)
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = build.text(page.meta[key])
    if build.loc.convert and page.meta.get("title"):  # the converted title, in the nav and <title> too
        page.title = page.meta["title"]
    return build.text(markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_) -> str:
    build = SiteBuild.of(config)
    src = page.file.src_uri
    if build.language.code != "en" or src in build.translated or src in build.specs:
        return html
    notice = render.render(config, "gm/untranslated.html", page,
                           new_url=render.new_file_url(config, f"docs/{src.removesuffix('.md')}.en.md"))
    return f'{notice}<div lang="zh-Hans">{html}</div>'


@order.at("languages.on_page_context")
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    """The switcher (overrides/partials/alternate.html) leads to this page in each language."""
    build = SiteBuild.of(config)
    context["gm_languages"] = i18n.alternates(build.languages, build.language, page.url, build.site_url)
    return context


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """404 pages are not Pages: their switcher leads to each language's home."""
    if template_name == "404.html":
        build = SiteBuild.of(config)
        context["gm_languages"] = i18n.alternates(build.languages, build.language, None, build.site_url)
    return context


@order.at("languages.on_post_build")
def on_post_build(config: MkDocsConfig) -> None:
    build = SiteBuild.of(config)
    if build.loc.missing:
        log.warning("English strings missing from data/strings-en.yml / 英文界面文字缺失: "
                    + "; ".join(sorted(build.loc.missing)))
    if build.language != build.source:
        return
    for lang in build.languages[1:]:
        _build_language(config, build, lang)


def _build_language(config: MkDocsConfig, build: SiteBuild, lang: i18n.Language) -> None:
    """One more language: the same mkdocs.yml loaded afresh, that language chosen, built into its folder.

    The engine is the one running this build (MkDocs, or ProperDocs, which answers to ``mkdocs.*``).
    """
    from mkdocs.commands.build import build as run
    from mkdocs.config import load_config

    site_dir = str(Path(build.site_dir) / lang.root)
    site_url = build.site_url + lang.root if build.site_url else None
    extra = {**copy.deepcopy(build.extra),
             KEY: {"code": lang.code, "site_dir": build.site_dir, "site_url": build.site_url}}
    fresh = load_config(config.config_file_path, site_dir=site_dir, site_url=site_url, extra=extra,
                        strict=config.strict, use_directory_urls=config.use_directory_urls)
    run(fresh)
