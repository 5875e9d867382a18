"""Cite, share, follow: what one language's build gives trainers and researchers.

One :class:`Sharing` per build (made when the build starts, by ``hooks/trainers.py``) knows the
language, the site's address and the git history, and makes:

- each model page's citation (:mod:`govcat.cite`) and its BibTeX and RIS files beside the page
  (``models/<slug>/<slug>.bib`` / ``.ris``: plain files, so they also open from the offline copy);
- the QR code of a page's address for print cards (:mod:`govcat.qr`), each drawn once per build;
- the Atom feed of new and changed models (:mod:`govcat.feed`), ``feed.xml`` at the language's root.

A page is dated the way its "last updated" line is: by the newest commit of its own file (the
English file for a translated English page); without history, the citation gives no update date
and the feed says that its dates are the build date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import cite, feed, qr
from .history import History
from .i18n import Localizer
from .model import Catalogue, Model
from .views import model_url

FEED = "feed.xml"


def _same(text: str) -> str:
    return text


@dataclass
class Sharing:
    history: History
    built: dt.date
    docs_dir: Path
    site_url: str  # this language's root, absolute, ending in "/" (or "" when the site has no address)
    site_name: str  # as this language's readers see it
    loc: Localizer
    text: Callable[[str], str] = _same  # Simplified text as this language's readers see it (zh-Hant: converted)
    _codes: dict[str, str] = field(default_factory=dict)  # url -> SVG, drawn once per build

    @property
    def lang(self) -> str:
        return self.loc.lang

    def page_url(self, m: Model) -> str:
        return self.site_url + model_url(m.slug)

    def source_file(self, m: Model) -> Path:
        tr = m.translations.get(self.lang)
        return self.docs_dir / (tr.src_uri if tr else m.src_uri)

    def ref(self, m: Model) -> cite.PageRef:
        change = self.history.last_change(self.source_file(m))
        return cite.PageRef(key=f"jiceng-{m.slug}", title=self.text(self.loc.title(m)), site=self.site_name,
                            url=self.page_url(m), lang=self.lang, updated=change[1] if change else None,
                            accessed=self.built)

    def citation(self, m: Model) -> dict:
        """What partials/cite.html shows: the GB/T 7714 text and the two files' paths in the site."""
        c = cite.gbt7714(self.ref(m))
        return {"before": c.before, "accessed": c.accessed, "after": c.after, "text": c.text,
                "bib": self.file_path(m, "bib"), "ris": self.file_path(m, "ris")}

    @staticmethod
    def file_path(m: Model, ext: str) -> str:
        """``models/<slug>/<slug>.<ext>``: beside the page's own index.html, named for a download folder."""
        return f"{model_url(m.slug)}{m.slug}.{ext}"

    def files(self, catalogue: Catalogue) -> dict[str, str]:
        """Every file this build adds, by its path in the site: the feed and each model's citations."""
        out = {FEED: self.feed(catalogue)}
        for m in catalogue.published():
            ref = self.ref(m)
            out[self.file_path(m, "bib")] = cite.bibtex(ref)
            out[self.file_path(m, "ris")] = cite.ris(ref)
        return out

    def feed(self, catalogue: Catalogue) -> str:
        models = catalogue.published()
        changes = [self.history.last_change(self.source_file(m)) for m in models]
        known = any(changes)
        entries = [feed.Entry(url=self.page_url(m), title=self.text(self.loc.title(m)),
                              summary=self.text(self.loc.summary(m)),
                              date=change[1] if change else self.built, change=change[0] if change else None)
                   for m, change in zip(models, changes, strict=True)
                   # a shallow clone dates only its recent commits: the pages it cannot date are older
                   if change or not known]
        t = self.loc.t
        labels = feed.Labels(
            feed_title=self.text(t("{site}：新增和更新的模式", site=self.site_name)),
            added=self.text(t("新增")), updated=self.text(t("更新")),
            no_history=self.text(t("没有找到修改记录：日期是本站的构建日期，也分不出新增和更新。")))
        return feed.atom(entries, labels=labels, feed_url=self.site_url + FEED, home_url=self.site_url or "./",
                         lang=cite.LANGUAGE_TAGS.get(self.lang, self.lang), author=self.site_name,
                         built=self.built, from_history=known)

    def qr(self, url: str) -> str:
        """The QR code of ``url`` as inline SVG (safe markup: segno escapes the title)."""
        code = self._codes.get(url)
        if code is None:
            code = self._codes[url] = qr.svg(url, self.text(self.loc.t("本页网址的二维码")))
        return code
