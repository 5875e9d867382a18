"""Generated pages, exports and the search dictionary: everything a new model page appears in.

The pages are virtual files backed by a temporary folder (never written into docs/, which
would loop under ``mkdocs serve``). Their Markdown holds only title, description and intro;
the lists are rendered from ``overrides/partials/views/*.html`` after search has indexed the
page, so the search index holds each model once: on its own page.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import render
import state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from govcat import exports, graph, searchdict
from govcat.views import PageSpec, Views

_tmp: Path | None = None
_specs: dict[str, PageSpec] = {}


def _fresh_tmp() -> Path:
    global _tmp
    if _tmp is not None:
        shutil.rmtree(_tmp, ignore_errors=True)
    _tmp = Path(tempfile.mkdtemp(prefix="govcat-"))
    return _tmp


@event_priority(90)  # after validate, before the search plugin reads its jieba dictionary
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalogue = state.get()
    state.graph = state.reuse("graph", state.input_key, lambda: graph.build(catalogue))
    state.views = Views(catalogue, state.graph, state.localizer)
    tmp = _fresh_tmp()
    userdict = tmp / "jieba-userdict.txt"
    userdict.write_text(_userdict(), encoding="utf-8")
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.jieba_dict_user = str(userdict)
    return config


def _userdict() -> str:
    text = searchdict.jieba_userdict(state.get())
    return text + state.convert(text) if state.convert else text


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = state.get()
    _specs.clear()
    pages_dir = _tmp / "pages"
    for spec in state.views.pages():
        path = pages_dir / spec.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(spec.markdown(), encoding="utf-8")
        inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, spec.src_uri, abs_src_path=str(path), inclusion=inclusion))
        _specs[spec.src_uri] = spec
    state.generated = set(_specs)
    site_url = config.site_url or ""
    for name, content in (("data/catalogue.json", state.text(exports.to_json(catalogue, site_url))),
                          ("data/catalogue.csv", _csv(catalogue, site_url)),
                          ("data/jieba-userdict.txt", _userdict())):
        files.append(File.generated(config, name, content=content))
    for model in catalogue.models.values():
        f = files.get_file_from_path(model.src_uri)
        if f is not None and model.draft:
            f.inclusion = InclusionLevel.DRAFT  # shown by `mkdocs serve`, left out of `mkdocs build`
    return files


def _csv(catalogue, site_url: str) -> bytes:
    data = exports.to_csv(catalogue, site_url)
    return state.text(data.decode("utf-8")).encode("utf-8") if state.convert else data


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_) -> str:
    spec = _specs.get(page.file.src_uri)
    if spec is not None:
        page.edit_url = render.edit_url(config, spec.edit)
    return markdown


@event_priority(-50)  # after the search plugin indexed page.content: lists stay out of the index
def on_page_context(context, page: Page, config: MkDocsConfig, **_):
    spec = _specs.get(page.file.src_uri)
    if spec is not None:
        page.content += render.render(config, f"partials/views/{spec.view}.html", page, **spec.data)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    global _tmp
    if _tmp is not None:
        shutil.rmtree(_tmp, ignore_errors=True)
        _tmp = None


def on_build_error(error: Exception) -> None:
    on_post_build(None)  # type: ignore[arg-type]
