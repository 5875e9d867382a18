"""Addresses: where each generated page lives, links between pages, links to the code host.

Every address the site writes is worked out here, as plain strings, so that templates, exports and
the language switcher agree, and so that another site engine would produce the same addresses.
Site addresses are directory URLs relative to the site root (``models/meizi-xiaowu/``); the
template layer makes them relative to the page being rendered.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

TERM_DIRS = {"dimensions": "dimensions", "themes": "themes", "problems": "problems", "kinds": "kinds"}


def model_url(slug: str) -> str:
    return f"models/{slug}/"


def term_url(vocabulary: str, term_id: str) -> str:
    return f"{TERM_DIRS[vocabulary]}/{term_id}/"


def place_url(place_id: str) -> str:
    return f"places/{place_id}/"


def source_url(source_id: str) -> str:
    return f"sources/#{source_id}"


def source_list_url(source_id: str) -> str:
    """Every page citing a source, when the sources page has room for only the first few."""
    return f"sources/{source_id}/"


def directory_url(src_uri: str) -> str:
    """The address of a page on the published site: ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other`` (both site-relative), as MkDocs' ``get_relative_url``."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    rel = posixpath.relpath(url, other)
    return rel + "/" if url.endswith("/") else rel


def edit_url(repo_url: str | None, repo_path: str) -> str | None:
    """The link that opens ``repo_path`` (a file, or a folder ending in /) on the code host."""
    if not repo_url:
        return None
    verb = "tree" if repo_path.endswith("/") else "edit"
    return f"{repo_url.rstrip('/')}/{verb}/main/{repo_path}"


def new_file_url(repo_url: str | None, repo_path: str) -> str | None:
    """The link that starts a new file at ``repo_path`` on the code host (to add a translation)."""
    if not repo_url:
        return None
    folder, _, name = repo_path.rpartition("/")
    return f"{repo_url.rstrip('/')}/new/main/{folder}?filename={quote(name)}"
