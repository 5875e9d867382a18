"""One generated page as plain data: where it lives, its Markdown, and the view its template renders."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class PageSpec:
    """One generated page: where it lives, its Markdown, and the view its template renders."""

    src_uri: str
    title: str
    description: str
    view: str  # template name under overrides/gm/views/
    data: dict = field(default_factory=dict)
    intro: str = ""
    edit: str = ""  # repository path of the file that produces this page
    in_nav: bool = False
    meta: dict = field(default_factory=dict)  # more front matter (``search: {exclude: true}``)

    def markdown(self) -> str:
        meta = {"title": self.title, "description": " ".join(self.description.split()), **self.meta}
        return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n\n{self.intro}\n"  # JSON is valid YAML
