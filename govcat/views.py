"""What the generated pages show, as plain data for templates.

Each function returns dicts and lists that an HTML template can render without further
logic. URLs are site-relative directory URLs (``models/meizi-xiaowu/``); the template layer
makes them relative to the page being rendered.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .graph import MAX_SAME_PLACE, Graph
from .model import LEVELS, Catalogue, Model

SECTIONS = ("概况", "主要做法", "成效", "适用条件与注意", "可借鉴要点", "来源")
PENDING = "待补充"
TERM_DIRS = {"dimensions": "dimensions", "themes": "themes", "problems": "problems", "kinds": "kinds"}
VOCAB_TITLES = {
    "dimensions": ("按五治维度", "五治是本库所据来源使用的基层治理框架：政治引领、法治保障、德治教化、自治强基、智治支撑。"),
    "themes": ("按主题", "按工作主题查找模式。"),
    "problems": ("按问题", "按要解决的问题查找：遇到这类问题时，别人是怎么做的。"),
    "kinds": ("按类型", "模式、机制、平台、专项行动、理念与综述。"),
}


def model_url(slug: str) -> str:
    return f"models/{slug}/"


def term_url(vocabulary: str, term_id: str) -> str:
    return f"{TERM_DIRS[vocabulary]}/{term_id}/"


def place_url(place_id: str) -> str:
    return f"places/{place_id}/"


def source_url(source_id: str) -> str:
    return f"sources/#{source_id}"


@dataclass
class PageSpec:
    """One generated page: where it lives, its Markdown, and the view its template renders."""

    src_uri: str
    title: str
    description: str
    view: str  # template name under overrides/partials/views/
    data: dict = field(default_factory=dict)
    intro: str = ""
    edit: str = ""  # repository path of the file that produces this page
    in_nav: bool = False

    def markdown(self) -> str:
        desc = self.description.replace("\n", " ").replace('"', "”")
        return f'---\ntitle: "{self.title}"\ndescription: "{desc}"\n---\n\n{self.intro}\n'


def _term_link(c: Catalogue, vocabulary: str, zh: str) -> dict:
    term = c.term(vocabulary, zh)
    return {"label": term.zh, "en": term.en, "url": term_url(vocabulary, term.id), "id": term.id}


def place_links(c: Catalogue, place_id: str) -> list[dict]:
    return [{"label": p.name, "en": p.en, "url": place_url(p.id), "id": p.id} for p in c.place_path(place_id)]


def card(c: Catalogue, m: Model) -> dict:
    """The short form of a model used in every list."""
    return {
        "slug": m.slug,
        "title": m.title,
        "summary": m.summary,
        "url": model_url(m.slug),
        "kind": _term_link(c, "kinds", m.kind),
        "place": c.places[m.place].name,
        "place_url": place_url(m.place),
        "places": [p.id for p in c.place_path(m.place)],
        "dimensions": [_term_link(c, "dimensions", t) for t in m.dimensions],
        "themes": [_term_link(c, "themes", t) for t in m.themes],
        "problems": [_term_link(c, "problems", t) for t in m.problems],
    }


def header(c: Catalogue, m: Model) -> dict:
    """The header card of a model page."""
    return {
        **card(c, m),
        "aliases": m.aliases,
        "place_path": place_links(c, m.place),
        "status": _term_link_plain(c, "statuses", m.status),
        "since": m.since,
        "recognition": m.recognition,
        "sources": [{"id": s.source, "title": c.sources[s.source].title, "url": source_url(s.source),
                     "locator": s.locator} for s in m.sources],
        "draft": m.draft,
    }


def _term_link_plain(c: Catalogue, vocabulary: str, zh: str) -> dict:
    term = c.term(vocabulary, zh)
    return {"label": term.zh, "en": term.en, "description": term.description}


def footer(c: Catalogue, g: Graph, m: Model) -> dict:
    """相关模式, 提及本页 and 同地区 for a model page."""
    same = g.same_place.get(m.slug, [])
    return {
        "related": [card(c, c.models[s]) for s in g.related.get(m.slug, [])],
        "backlinks": [card(c, c.models[s]) for s in g.backlinks.get(m.slug, [])],
        "same_place": [card(c, c.models[s]) for s in same[:MAX_SAME_PLACE]],
        "same_place_total": len(same),
        "place": {"label": c.places[m.place].name, "url": place_url(m.place)},
    }


def citations_markdown(c: Catalogue, m: Model) -> str:
    """The 来源 section's list: full citations from the source registry."""
    lines = []
    for cite in m.sources:
        src = c.sources[cite.source]
        where = f"（{cite.locator}）" if cite.locator else ""
        lines.append(f"- {src.citation()}{where}")
    return "\n".join(lines)


def add_citations(c: Catalogue, m: Model, body: str) -> str:
    """Fill the body's ``## 来源`` section with the citations (adding the heading if missing)."""
    cites = citations_markdown(c, m)
    heading = re.compile(r"^##\s+来源\s*$", re.M)
    match = heading.search(body)
    if not match:
        return body.rstrip() + f"\n\n## 来源\n\n{cites}\n"
    return body[: match.end()] + f"\n\n{cites}\n" + body[match.end() :]


def sections(body: str) -> dict[str, str]:
    """H2 sections of a body: heading -> text."""
    parts = re.split(r"^##\s+(.+?)\s*$", body, flags=re.M)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def gaps(m: Model) -> list[str]:
    """What a maintainer could still add to a model page."""
    found = sections(m.body)
    out = []
    for name in SECTIONS[:-1]:
        if name not in found:
            out.append(f"缺少“{name}”")
        elif not found[name] or PENDING in found[name]:
            out.append(f"“{name}”待补充")
    if any(not s.locator for s in m.sources):
        out.append("来源未注明出处位置")
    return out


def catalogue_pages(c: Catalogue, g: Graph) -> list[PageSpec]:
    """Every generated page of the site."""
    models = c.published()
    cards = [card(c, m) for m in models]
    pages = [
        PageSpec("catalogue.md", "模式目录", f"全部 {len(models)} 个基层治理模式，可按问题、五治维度、主题、地区和类型筛选。",
                 "catalogue", {"cards": cards, "facets": facets(c, models)}, edit="docs/models/", in_nav=True,
                 intro=f"本库收录 {len(models)} 个模式。用下面的筛选找到与你的问题相关的做法；每个模式页都注明来源。"),
        *term_pages(c, models),
        *place_pages(c, models),
        statistics_page(c, models),
        todo_page(c),
        sources_page(c, models),
    ]
    return pages


def facets(c: Catalogue, models: list[Model]) -> list[dict]:
    used = Counter(t for m in models for t in m.terms())
    out = []
    for vocabulary, (label, _) in VOCAB_TITLES.items():
        options = [{"id": t.id, "label": t.zh, "count": used[(vocabulary, t.zh)]}
                   for t in c.vocabulary[vocabulary].values() if used[(vocabulary, t.zh)]]
        out.append({"name": vocabulary, "label": label.removeprefix("按"), "options": options})
    place_count = Counter(p for m in models for p in (x.id for x in c.place_path(m.place)))
    out.append({"name": "places", "label": "地区", "options": [
        {"id": p.id, "label": ("　" * (len(c.place_path(p.id)) - 1)) + p.name, "count": place_count[p.id]}
        for p in _place_order(c) if place_count[p.id]]})
    return out


def _place_order(c: Catalogue) -> list:
    """Places depth-first, children by name: the order of a nested list."""
    out = []

    def walk(pid: str | None):
        for p in sorted((p for p in c.places.values() if p.parent == pid), key=lambda p: (LEVELS[p.level][0], p.id)):
            out.append(p)
            walk(p.id)

    walk(None)
    return out


def term_pages(c: Catalogue, models: list[Model]) -> list[PageSpec]:
    pages = []
    for vocabulary, (title, intro) in VOCAB_TITLES.items():
        members: dict[str, list[dict]] = {zh: [] for zh in c.vocabulary[vocabulary]}
        for m in models:
            for v, zh in m.terms():
                if v == vocabulary:
                    members[zh].append(card(c, m))
        terms = [{**_term_link(c, vocabulary, zh), "description": c.term(vocabulary, zh).description,
                  "count": len(members[zh])} for zh in c.vocabulary[vocabulary]]
        d = TERM_DIRS[vocabulary]
        pages.append(PageSpec(f"{d}/index.md", title.removeprefix("按") if vocabulary != "dimensions" else "五治维度",
                              intro, "term-index", {"terms": terms, "vocabulary": vocabulary},
                              intro=intro, edit="data/vocabulary.yml", in_nav=True))
        for zh, cards in members.items():
            term = c.term(vocabulary, zh)
            pages.append(PageSpec(
                f"{d}/{term.id}.md", term.zh, term.description, "term",
                {"cards": cards, "term": {"label": term.zh, "en": term.en}, "parent": {"label": title, "url": f"{d}/"}},
                intro=f"{term.description}\n\n*English: {term.en}*", edit="data/vocabulary.yml"))
    return pages


def place_pages(c: Catalogue, models: list[Model]) -> list[PageSpec]:
    by_place: dict[str, list[Model]] = {p: [] for p in c.places}
    for m in models:
        by_place[m.place].append(m)

    def total(pid: str) -> int:
        return len(by_place[pid]) + sum(total(ch.id) for ch in c.children(pid))

    tree = [{"id": p.id, "label": p.name, "level": p.level_zh, "url": place_url(p.id),
             "depth": len(c.place_path(p.id)) - 1, "count": total(p.id)} for p in _place_order(c)]
    pages = [PageSpec("places/index.md", "地区", "按地区查找模式：区 → 乡镇/管理处 → 社区/村。", "place-index",
                      {"tree": tree}, intro="按地区浏览：点击地名查看当地的模式。只收录来源中出现的地点。",
                      edit="data/places.yml", in_nav=True)]
    for p in c.places.values():
        below = [card(c, m) for ch in _descendants(c, p.id) for m in by_place[ch]]
        intro = f"{p.name}（{p.level_zh}，{p.en}）。" + (f"\n\n!!! info \"说明\"\n    {p.note}" if p.note else "")
        pages.append(PageSpec(
            f"places/{p.id}.md", p.name, f"{p.name}的基层治理模式。", "place",
            {"path": place_links(c, p.id), "children": [{"label": ch.name, "url": place_url(ch.id), "count": total(ch.id)}
                                                        for ch in sorted(c.children(p.id), key=lambda x: x.id)],
             "cards": [card(c, m) for m in by_place[p.id]], "below": below},
            intro=intro, edit="data/places.yml"))
    return pages


def _descendants(c: Catalogue, pid: str) -> list[str]:
    out = []
    for ch in sorted(c.children(pid), key=lambda x: x.id):
        out.append(ch.id)
        out.extend(_descendants(c, ch.id))
    return out


def bar_rows(items: list[tuple[str, float, str]]) -> list[dict]:
    """Rows of a bar chart: label, value text, and bar width in percent of the largest."""
    top = max((v for _, v, _ in items), default=0) or 1
    return [{"label": label, "value": text, "width": round(100 * v / top, 1)} for label, v, text in items]


def statistics_page(c: Catalogue, models: list[Model]) -> PageSpec:
    """Groups of two or more counts become bar charts; ranks, levels and single figures a table."""
    groups: dict[str, list] = {}
    for f in c.figures:
        groups.setdefault(f.group, []).append(f)
    charts, facts = [], []
    for name, figs in groups.items():
        if len(figs) > 1 and all(f.charted for f in figs):
            charts.append({"title": name, "rows": bar_rows([(f.label, f.value, f.display) for f in figs]),
                           "sources": sorted({f.source for f in figs})})
        else:
            facts.extend({"group": name, "label": f.label, "value": f.display, "year": f.year, "source": f.source}
                         for f in figs)
    counts = Counter(t for m in models for t in m.terms())
    own = []
    for vocabulary, (title, _) in VOCAB_TITLES.items():
        own.append({"title": f"模式数 · {title}",
                    "rows": bar_rows([(t.zh, counts[(vocabulary, t.zh)], str(counts[(vocabulary, t.zh)]))
                                      for t in c.vocabulary[vocabulary].values() if counts[(vocabulary, t.zh)]])})
    return PageSpec("statistics.md", "数据统计", "来源中的2021年平安建设数据，以及本库的收录统计。", "statistics",
                    {"source_charts": charts, "facts": facts, "own_charts": own, "total": len(models),
                     "sources": {s.id: s.citation() for s in c.sources.values()}},
                    intro=f"上半部分是来源文章公布的数据（原样转录，“余”“多”照录）；下半部分是本库 {len(models)} 个模式的分布。",
                    edit="data/figures.yml", in_nav=True)


def todo_page(c: Catalogue) -> PageSpec:
    rows = []
    for slug, m in sorted(c.models.items()):
        g = gaps(m)
        if m.draft:
            g.insert(0, "草稿（draft: true），未发布")
        if g:
            rows.append({"title": m.title, "url": model_url(slug), "path": m.path, "gaps": g, "draft": m.draft})
    return PageSpec("todo.md", "待完善", "给维护者：哪些页面缺少哪些内容。", "todo", {"rows": rows},
                    intro="这里列出仍待补充的内容。欢迎依据可靠来源补充，参见[参与贡献](contribute.md)。",
                    edit="docs/models/", in_nav=True)


def sources_page(c: Catalogue, models: list[Model]) -> PageSpec:
    entries = []
    for s in c.sources.values():
        citing = [card(c, m) for m in models if any(x.source == s.id for x in m.sources)]
        entries.append({"id": s.id, "citation": s.citation(), "title": s.title, "publisher": s.publisher,
                        "published": s.published.isoformat(), "section": s.section, "url": s.url, "note": s.note,
                        "cards": citing})
    return PageSpec("sources.md", "来源", "本库引用的全部来源，以及引用每个来源的页面。", "sources", {"entries": entries},
                    intro="本库每条事实都注明来源。下面是全部来源及引用它们的页面。", edit="data/sources.yml", in_nav=True)
