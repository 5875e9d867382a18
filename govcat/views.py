"""What the generated pages show, as plain data for templates.

Each function returns dicts and lists that an HTML template can render without further
logic. URLs are site-relative directory URLs (``models/meizi-xiaowu/``); the template layer
makes them relative to the page being rendered. Text goes through a :class:`Localizer`, so
the same views serve every language.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from . import searchdict
from .graph import Graph
from .i18n import Localizer
from .linker import Linker
from .model import CLASSIFICATIONS, LEVELS, SECTIONS, Catalogue, Model
from .pagespec import PageSpec
from .paging import PER_PAGE, PRINT_PER_PAGE, ROWS_PER_PAGE, paginate
from .printview import print_page
from .urls import TERM_DIRS, model_url, place_url, source_list_url, source_url, term_url

__all__ = ["SECTIONS", "PageSpec", "Views", "model_url", "place_url", "source_url", "term_url"]

SOURCES_HEADING = {"zh": "来源", "en": "Sources"}
PENDING = "待补充"
SOURCE_PREVIEW = 5  # pages listed under each source on the sources page; the rest on the source's own list
VOCAB_TITLES = {
    "dimensions": ("五治维度", "五治是本库所据来源使用的基层治理框架：政治引领、法治保障、德治教化、自治强基、智治支撑。"),
    "themes": ("主题", "按工作主题查找模式。"),
    "problems": ("问题", "按要解决的问题查找：遇到这类问题时，别人是怎么做的。"),
    "kinds": ("类型", "模式、机制、平台、专项行动、理念与综述。"),
}


class Views:
    """Builds the view data of one language."""

    def __init__(self, c: Catalogue, g: Graph, loc: Localizer | None = None):
        self.c, self.g, self.loc = c, g, loc or Localizer()
        # A model appears in many lists (catalogue, terms, places, sources, related blocks): its card,
        # links and place path are worked out once per language. Templates never change them.
        self._cards: dict[str, dict] = {}
        self._term_links: dict[tuple[str, str], dict] = {}
        self._place_links: dict[str, list[dict]] = {}

    def keywords(self, m: Model) -> list[str]:
        """Search keywords of a model page (indexed, never shown): its names and every part of them; its
        place and the places above it; its problems and themes; the words readers use for any of these
        (data/synonyms.yml). In this language; Chinese names stay on English pages (readers paste them)."""
        loc, c = self.loc, self.c
        names = [*m.names, loc.title(m)] if loc.english else m.names
        words = searchdict.keywords(names)
        for p in c.place_path(m.place):
            words += searchdict.keywords([loc.place(p), *([p.short] if p.short and not loc.english else [])])
        for v, zh in m.terms():
            if v in ("problems", "themes"):
                words += searchdict.keywords([loc.term(c.term(v, zh))])
        words += searchdict.synonyms_of(m, c, english=loc.english)
        return list(dict.fromkeys(w for w in words if w))

    def body(self, m: Model) -> str:
        """A model page's Markdown body in this language: first mentions of other models linked, the
        sources section filled. Both languages take it from here: a translated page from its
        translation, every other page from the link graph's Simplified body."""
        translation = m.translations.get(self.loc.lang)
        if translation is not None:
            body, _ = self._english_linker.link(translation.body, m.slug)
            return add_citations(self.c, m, body, lang=self.loc.lang)
        return add_citations(self.c, m, self.g.linked_bodies.get(m.slug, m.body))

    @cached_property
    def _english_linker(self) -> Linker:
        """English titles of translated models, and the Chinese names for quoted originals."""
        models = self.c.published()
        names = {n: m.slug for m in models for n in m.names}
        names.update({self.loc.title(m): m.slug for m in models})
        return Linker.from_names(names)

    def t(self, text: str, **params) -> str:
        return self.loc.t(text, **params)

    def term_link(self, vocabulary: str, zh: str) -> dict:
        link = self._term_links.get((vocabulary, zh))
        if link is None:
            term = self.c.term(vocabulary, zh)
            link = {"label": self.loc.term(term), "url": term_url(vocabulary, term.id), "id": term.id}
            self._term_links[(vocabulary, zh)] = link
        return link

    def place_links(self, place_id: str) -> list[dict]:
        links = self._place_links.get(place_id)
        if links is None:
            links = [{"label": self.loc.place(p), "url": place_url(p.id), "id": p.id} for p in self.c.place_path(place_id)]
            self._place_links[place_id] = links
        return links

    def card(self, m: Model) -> dict:
        """The short form of a model used in every list."""
        card = self._cards.get(m.slug)
        if card is None:
            card = self._cards[m.slug] = self._card(m)
        return card

    def _card(self, m: Model) -> dict:
        c, loc = self.c, self.loc
        return {
            "slug": m.slug,
            "title": loc.title(m),
            "summary": loc.summary(m),
            "translated": loc.translated(m),
            "url": model_url(m.slug),
            "kind": self.term_link("kinds", m.kind),
            "place": loc.place(c.places[m.place]),
            "place_url": place_url(m.place),
            "dimensions": [self.term_link("dimensions", t) for t in m.dimensions],
            "themes": [self.term_link("themes", t) for t in m.themes],
            "problems": [self.term_link("problems", t) for t in m.problems],
            "facet_ids": {  # what the catalogue's filters match, space-separated
                "dimensions": " ".join(self.term_link("dimensions", t)["id"] for t in m.dimensions),
                "themes": " ".join(self.term_link("themes", t)["id"] for t in m.themes),
                "problems": " ".join(self.term_link("problems", t)["id"] for t in m.problems),
                "kinds": self.term_link("kinds", m.kind)["id"],
                "places": " ".join(p["id"] for p in self.place_links(m.place)),
            },
        }

    def header(self, m: Model) -> dict:
        """The header card of a model page."""
        status = self.c.term("statuses", m.status)
        return {
            **self.card(m),
            "aliases": m.aliases if not self.loc.english else [m.title, *m.aliases],
            "place_path": self.place_links(m.place),
            "status": {"label": self.loc.term(status), "description": self.loc.content(status.description)},
            "since": m.since,
            "recognition": [self.loc.content(r) for r in m.recognition],
            "sources": [{"id": s.source, "title": self.c.sources[s.source].title, "url": source_url(s.source),
                         "locator": self.loc.content(s.locator)} for s in m.sources],
            "draft": m.draft,
            "assigned": self.assigned(m),
        }

    def assigned(self, m: Model) -> dict:
        """Which classification fields the editors assigned: the header card marks each such field the
        same way on every page (``editors_assigned`` in the front matter, not a sentence in the body)."""
        if m.editors_assigned is None:
            return {"known": False, "fields": [], "labels": []}
        fields = [f for f in CLASSIFICATIONS if f in m.editors_assigned]
        return {"known": True, "fields": fields, "labels": [self.t(CLASSIFICATIONS[f][0]) for f in fields]}

    def footer(self, m: Model) -> dict:
        """相关模式, 提及本页 and 同地区 for a model page."""
        models = self.c.models
        return {
            "related": [self.card(models[s]) for s in self.g.related.get(m.slug, [])],
            "backlinks": [self.card(models[s]) for s in self.g.backlinks.get(m.slug, [])],
            "same_place": [self.card(models[s]) for s in self.g.same_place.get(m.slug, [])],  # the first few
            "same_place_total": self.g.same_place_total.get(m.slug, 0),
            "place": {"label": self.loc.place(self.c.places[m.place]), "url": place_url(m.place)},
        }

    def pages(self) -> list[PageSpec]:
        """Every generated page of the site."""
        models = self.c.published()
        n = len(models)
        return [
            *self.paged(PageSpec("catalogue.md", self.t("模式目录"),
                                 self.t("全部 {n} 个基层治理模式，可按问题、五治维度、主题、地区和类型筛选。", n=n),
                                 "catalogue", {"cards": [self.card(m) for m in models], "facets": self.facets(models)},
                                 intro=self.t("本库收录 {n} 个模式。用下面的筛选找到与你的问题相关的做法；每个模式页都注明来源。",
                                              n=n),
                                 edit="docs/models/", in_nav=True), ("cards",)),
            *self.term_pages(models),
            *self.place_pages(models),
            self.statistics_page(models),
            *self.paged(self.todo_page(), ("rows",), ROWS_PER_PAGE),
            *self.sources_pages(models),
            *self.paged(print_page(self), ("cards",), PRINT_PER_PAGE),
        ]

    def paged(self, spec: PageSpec, keys: tuple[str, ...], per_page: int = PER_PAGE) -> list[PageSpec]:
        """A list page split over numbered pages (:mod:`govcat.paging`); page 2 on is titled 第 2 页."""
        return paginate(spec, keys, per_page, lambda title, n: self.t("{title}（第 {n} 页）", title=title, n=n))

    def facets(self, models: list[Model]) -> list[dict]:
        used = Counter(t for m in models for t in m.terms())
        out = []
        for vocabulary, (label, _) in VOCAB_TITLES.items():
            options = [{"id": t.id, "label": self.loc.term(t), "count": used[(vocabulary, t.zh)]}
                       for t in self.c.vocabulary[vocabulary].values() if used[(vocabulary, t.zh)]]
            out.append({"name": vocabulary, "label": self.t(label), "options": options})
        place_count = Counter(p.id for m in models for p in self.c.place_path(m.place))
        out.append({"name": "places", "label": self.t("地区"), "options": [
            {"id": p.id, "label": ("　" * (len(self.c.place_path(p.id)) - 1)) + self.loc.place(p),
             "count": place_count[p.id]} for p in place_order(self.c) if place_count[p.id]]})
        return out

    def term_pages(self, models: list[Model]) -> list[PageSpec]:
        pages = []
        for vocabulary, (title, intro) in VOCAB_TITLES.items():
            members: dict[str, list[dict]] = {zh: [] for zh in self.c.vocabulary[vocabulary]}
            for m in models:
                for v, zh in m.terms():
                    if v == vocabulary:
                        members[zh].append(self.card(m))
            terms = [{**self.term_link(vocabulary, zh),
                      "description": self.loc.content(self.c.term(vocabulary, zh).description),
                      "count": len(members[zh])} for zh in self.c.vocabulary[vocabulary]]
            d = TERM_DIRS[vocabulary]
            pages.append(PageSpec(f"{d}/index.md", self.t(title), self.t(intro), "term-index",
                                  {"terms": terms, "vocabulary": vocabulary},
                                  intro=self.t(intro), edit="data/vocabulary.yml", in_nav=True))
            for zh, cards in members.items():
                term = self.c.term(vocabulary, zh)
                label = self.loc.term(term)
                intro_text = term.description + ("" if self.loc.english else f"\n\n*English: {term.en}*")
                if self.loc.english:
                    intro_text = f"{self.loc.content(term.description)}\n\n*中文: {term.zh}*"
                pages.extend(self.paged(PageSpec(
                    f"{d}/{term.id}.md", label, self.loc.content(term.description),
                    "term", {"cards": cards, "parent": {"label": self.t(title), "url": f"{d}/"}},
                    intro=intro_text, edit="data/vocabulary.yml"), ("cards",)))
        return pages

    def place_pages(self, models: list[Model]) -> list[PageSpec]:
        c = self.c
        by_place: dict[str, list[Model]] = {p: [] for p in c.places}
        for m in models:
            by_place[m.place].append(m)

        totals: dict[str, int] = {}

        def total(pid: str) -> int:
            if pid not in totals:
                totals[pid] = len(by_place[pid]) + sum(total(ch.id) for ch in c.children(pid))
            return totals[pid]

        tree = [{"id": p.id, "label": self.loc.place(p), "level": self.level(p), "url": place_url(p.id),
                 "depth": len(c.place_path(p.id)) - 1, "count": total(p.id)} for p in place_order(c)]
        description = self.t("按地区查找模式：省 → 市（州） → 区、县（市） → 乡镇/街道/管理处 → 社区/村。")
        pages = [PageSpec("places/index.md", self.t("地区"), description, "place-index", {"tree": tree},
                          intro=self.t("按地区浏览：点击地名查看当地的模式。只收录来源中出现的地点。"),
                          edit="data/places.yml", in_nav=True)]
        for p in c.places.values():
            below = [self.card(m) for ch in descendants(c, p.id) for m in by_place[ch]]
            name = self.loc.place(p)
            other = p.name if self.loc.english else p.en
            intro = f"{name}（{self.level(p)}，{other}）。" if not self.loc.english else f"{name} ({p.name}; {self.level(p)})."
            notes = [self.loc.content(p.note)] if p.note else []
            if "parent" in p.unstated and p.parent:
                notes.append(self.t("来源没有说明{place}属于{parent}；本库暂把它列在{parent}之下。",
                                    place=name, parent=self.loc.place(c.places[p.parent])))
            for note in notes:
                intro += f'\n\n!!! info "{self.t("说明")}"\n    {note}'
            pages.extend(self.paged(PageSpec(
                f"places/{p.id}.md", name, self.t("{place}的基层治理模式。", place=name), "place",
                {"path": self.place_links(p.id),
                 "children": [{"label": self.loc.place(ch), "url": place_url(ch.id), "count": total(ch.id)}
                              for ch in sorted(c.children(p.id), key=lambda x: x.id)],
                 "cards": [self.card(m) for m in by_place[p.id]], "below": below},
                intro=intro, edit="data/places.yml"), ("cards", "below")))
        return pages

    def statistics_page(self, models: list[Model]) -> PageSpec:
        """Groups of two or more counts become bar charts; ranks, levels and single figures a table."""
        en = self.loc.english
        groups: dict[str, list] = {}
        for f in self.c.figures:
            groups.setdefault(f.group, []).append(f)
        charts, facts = [], []

        def shown(f) -> str:
            if not en:
                return f.display
            if f.text:
                return self.loc.content(f.text)
            unit = self.loc.content(f.unit) or ""
            return " ".join(x for x in ("more than" if f.qualifier else "", f.number, unit) if x)

        for name, figs in groups.items():
            title = self.t("{name}（{years}）", name=self.loc.content(name), years=self.years(f.year for f in figs))
            if len(figs) > 1 and all(f.charted for f in figs):
                charts.append({"title": title, "rows": bar_rows([(f.en if en else f.label, f.value, shown(f))
                                                                for f in figs]),
                               "sources": self.provenance(figs)})
            else:
                facts.extend({"label": f.en if en else f.label, "value": shown(f), "year": self.years([f.year]),
                              "dated": f.year is not None, "source": f.source,
                              "where": self.loc.content(f.locator) or ""} for f in figs)
        counts = Counter(t for m in models for t in m.terms())
        own = []
        for vocabulary, (title, _) in VOCAB_TITLES.items():
            own.append({"title": self.t("模式数 · 按{what}", what=self.t(title)),
                        "rows": bar_rows([(self.loc.term(t), counts[(vocabulary, t.zh)], str(counts[(vocabulary, t.zh)]))
                                          for t in self.c.vocabulary[vocabulary].values()
                                          if counts[(vocabulary, t.zh)]])})
        return PageSpec("statistics.md", self.t("数据统计"), self.t("来源公布的平安建设数据，以及本库的收录统计。"),
                        "statistics", {"source_charts": charts, "facts": facts, "own_charts": own, "total": len(models),
                                       "fact_sources": self.provenance([f for f in self.c.figures
                                                                        if any(x["source"] == f.source for x in facts)],
                                                                       where=False)},
                        intro=self.t("上半部分是来源文章公布的数据（原样转录，“余”“多”照录）；下半部分是本库 {n} 个模式的分布。",
                                     n=len(models)),
                        edit="data/figures.yml", in_nav=True)

    def provenance(self, figures: list, where: bool = True) -> list[dict]:
        """Each source of ``figures`` once, in order: its citation and, if asked, the parts cited (locators)."""
        out: dict[str, list[str]] = {}
        for f in figures:
            parts = out.setdefault(f.source, [])
            if where and f.locator and self.loc.content(f.locator) not in parts:
                parts.append(self.loc.content(f.locator))
        return [{"citation": self.c.sources[s].citation(), "where": self.t("；").join(parts)} for s, parts in out.items()]

    def level(self, p) -> str:
        """A place's level as shown; a level no source states says so (unstated: [level])."""
        if "level" in p.unstated:
            return self.t("层级来源未说明，暂列为{level}", level=self.t(p.level_zh))
        return self.t(p.level_zh)

    def years(self, years) -> str:
        """The years figures are given for, from the data: 2021; 2020—2021; 年份未说明 where the source
        states none (a figure is never dated by the article's own year)."""
        years = list(years)
        known = sorted({y for y in years if y is not None})
        undated = None in years
        if not known:
            return self.t("年份未说明")
        text = self.t("{year}年", year=known[0]) if len(known) == 1 else \
            self.t("{first}—{last}年", first=known[0], last=known[-1])
        return self.t("{years}；部分年份未说明", years=text) if undated else text

    def todo_page(self) -> PageSpec:
        rows = []
        for slug, m in sorted(self.c.models.items()):
            g = [self.t(x, name=self.t(n)) for x, n in gaps(m)]
            if m.draft:
                g.insert(0, self.t("草稿（draft: true），未发布"))
            if m.editors_assigned is None:
                g.append(self.t("未注明哪些分类由编者归入（editors_assigned）"))
            elif m.editors_assigned:
                g.append(self.t("编者归类，来源未说明：{fields}", fields="、".join(
                    self.t(CLASSIFICATIONS[f][0]) for f in CLASSIFICATIONS if f in m.editors_assigned)))
            if "en" not in m.translations:
                g.append(self.t("缺英文译本"))
            if g:
                rows.append({"title": self.loc.title(m), "url": model_url(slug), "path": m.path, "gaps": g,
                             "draft": m.draft})
        return PageSpec("todo.md", self.t("待完善"), self.t("给维护者：哪些页面缺少哪些内容。"), "todo", {"rows": rows},
                        intro=self.t("这里列出仍待补充的内容。欢迎依据可靠来源补充，参见[参与贡献](contribute.md)。"),
                        edit="docs/models/", in_nav=True)

    def sources_pages(self, models: list[Model]) -> list[PageSpec]:
        """The sources page, each source with the first pages citing it; a source cited by more pages
        than that gets a list of its own (``sources/<id>/``, numbered pages)."""
        citing: dict[str, list[dict]] = {s: [] for s in self.c.sources}
        for m in models:  # one pass over the models, not one per source
            for source in dict.fromkeys(x.source for x in m.sources):
                if source in citing:
                    citing[source].append(self.card(m))
        entries, lists = [], []
        title = self.t("来源")
        for s in self.c.sources.values():
            cards = citing[s.id]
            entry = {"id": s.id, "citation": s.citation(), "title": s.title, "url": s.url,
                     "note": self.loc.content(s.note), "cards": cards[:SOURCE_PREVIEW], "total": len(cards),
                     "all_url": source_list_url(s.id) if len(cards) > SOURCE_PREVIEW else None}
            entries.append(entry)
            if entry["all_url"]:
                lists += self.paged(PageSpec(
                    f"sources/{s.id}.md", self.t("引用《{title}》的页面", title=s.title), s.citation(), "source",
                    {"source": {k: v for k, v in entry.items() if k != "cards"}, "cards": cards,
                     "parent": {"label": title, "url": source_url(s.id)}},
                    intro=self.t("引用这一来源的全部 {n} 个模式。", n=len(cards)), edit="data/sources.yml"), ("cards",))
        return [PageSpec("sources.md", title, self.t("本库引用的全部来源，以及引用每个来源的页面。"), "sources",
                         {"entries": entries},
                         intro=self.t("本库每条事实都注明来源。下面是全部来源及引用它们的页面。"),
                         edit="data/sources.yml", in_nav=True), *lists]


def place_order(c: Catalogue) -> list:
    """Places depth-first, children by level then id: the order of a nested list."""
    out = []

    def walk(pid: str | None):
        for p in sorted(c.children(pid), key=lambda p: (LEVELS[p.level][0], p.id)):
            out.append(p)
            walk(p.id)

    walk(None)
    return out


def descendants(c: Catalogue, pid: str) -> list[str]:
    out = []
    for ch in sorted(c.children(pid), key=lambda x: x.id):
        out.append(ch.id)
        out.extend(descendants(c, ch.id))
    return out


def bar_rows(items: list[tuple[str, float, str]]) -> list[dict]:
    """Rows of a bar chart: label, value text, and bar width in percent of the largest."""
    top = max((v for _, v, _ in items), default=0) or 1
    return [{"label": label, "value": text, "width": round(100 * v / top, 1)} for label, v, text in items]


def citations_markdown(c: Catalogue, m: Model) -> str:
    """The 来源 section's list: full citations from the source registry."""
    lines = []
    for cite in m.sources:
        where = f"（{cite.locator}）" if cite.locator else ""
        lines.append(f"- {c.sources[cite.source].citation()}{where}")
    return "\n".join(lines)


def add_citations(c: Catalogue, m: Model, body: str, lang: str = "zh") -> str:
    """Fill the body's sources section with the citations (adding the heading if missing)."""
    name = SOURCES_HEADING.get(lang, SOURCES_HEADING["zh"])
    cites = citations_markdown(c, m)
    match = re.compile(rf"^##\s+{name}\s*$", re.M).search(body)
    if not match:
        return body.rstrip() + f"\n\n## {name}\n\n{cites}\n"
    return body[: match.end()] + f"\n\n{cites}\n" + body[match.end() :]


def sections(body: str) -> dict[str, str]:
    """H2 sections of a body: heading -> text."""
    parts = re.split(r"^##\s+(.+?)\s*$", body, flags=re.M)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def gaps(m: Model) -> list[tuple[str, str]]:
    """What a maintainer could still add to a model page: (message with {name}, section name)."""
    found = sections(m.body)
    out = []
    for name in SECTIONS[:-1]:
        if name not in found:
            out.append(("缺少“{name}”", name))
        elif not found[name] or PENDING in found[name]:
            out.append(("“{name}”待补充", name))
    if any(not s.locator for s in m.sources):
        out.append(("来源未注明出处位置", ""))
    return out
