"""Generated pages, exports and the search dictionary: everything a new model page appears in.

The pages are virtual files backed by the build's temporary folder (never written into docs/,
which would loop under ``mkdocs serve``). Their Markdown holds only title, description and intro;
the lists are rendered from ``overrides/gm/views/*.html`` after search has indexed the page, so the
search index holds each model once: on its own page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import order
import render
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from sitebuild import SiteBuild

from govcat import exports, facetdata, graph, memo, searchdict
from govcat.views import Views


@order.at("generate.on_config")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = SiteBuild.of(config)
    catalogue = build.catalogue
    build.graph = memo.reuse("graph", build.input_key, lambda: graph.build(catalogue))
    build.views = Views(catalogue, build.graph, build.loc)
    build.tmp = tempfile.TemporaryDirectory(prefix="govcat-")
    userdict = Path(build.tmp.name) / "jieba-userdict.txt"
    userdict.write_text(_userdict(build), encoding="utf-8")
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.jieba_dict_user = str(userdict)
    return config


def _userdict(build: SiteBuild) -> str:
    """Simplified words, and in a converted language their Traditional forms too."""
    text = searchdict.jieba_userdict(build.catalogue)
    return text + build.text(text) if build.loc.convert else text


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = SiteBuild.of(config)
    catalogue = build.catalogue
    pages_dir = Path(build.tmp.name) / "pages"
    for spec in build.views.pages():
        path = pages_dir / spec.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(spec.markdown(), encoding="utf-8")
        inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, spec.src_uri, abs_src_path=str(path), inclusion=inclusion))
        build.specs[spec.src_uri] = spec
    site_url = config.site_url or ""
    csv = exports.to_csv(catalogue, site_url)
    for name, content in (("data/catalogue.json", build.text(exports.to_json(catalogue, site_url))),
                          ("data/catalogue.csv", build.text(csv.decode("utf-8")).encode("utf-8") if build.loc.convert else csv),
                          ("data/jieba-userdict.txt", _userdict(build)),
                          ("data/catalogue-cards.js", facetdata.script(build.text(facetdata.facet_data(
                              [build.views.card(m) for m in catalogue.published()], config.use_directory_urls))))):
        files.append(File.generated(config, name, content=content))
    for model in catalogue.models.values():
        f = files.get_file_from_path(model.src_uri)
        if f is not None and model.draft:
            f.inclusion = InclusionLevel.DRAFT  # shown by `mkdocs serve`, left out of `mkdocs build`
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    spec = SiteBuild.of(config).specs.get(page.file.src_uri)
    if spec is not None:
        page.edit_url = render.edit_url(config, spec.edit)
    return markdown


@order.at("generate.on_page_context")
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    spec = SiteBuild.of(config).specs.get(page.file.src_uri)
    if spec is not None:
        page.content += render.render(config, f"gm/views/{spec.view}.html", page, **spec.data)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    SiteBuild.of(config).close()
