"""Long lists over numbered pages (govcat/paging.py) and the catalogue's filter data (govcat/facetdata.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govcat import facetdata, graph, i18n, load, paging
from govcat.pagespec import PageSpec
from govcat.views import SOURCE_PREVIEW, Views

ROOT = Path(__file__).resolve().parents[1]


def test_page_one_keeps_its_address_and_the_others_follow_it():
    assert paging.page_uri("catalogue.md", 1) == "catalogue.md"
    assert paging.page_uri("catalogue.md", 2) == "catalogue/page/2.md"
    assert paging.page_uri("places/jingkaiqu.md", 12) == "places/jingkaiqu/page/12.md"
    assert paging.page_uri("places/index.md", 3) == "places/page/3.md"


@pytest.mark.parametrize(("current", "count", "shown"), [
    (1, 1, [1]),
    (3, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),  # few pages: every one
    (1, 100, [1, 2, 3, None, 100]),
    (4, 100, [1, 2, 3, 4, 5, 6, None, 100]),  # 1 ... 2 would hide nothing: no gap of one page
    (5, 100, [1, 2, 3, 4, 5, 6, 7, None, 100]),
    (50, 100, [1, None, 48, 49, 50, 51, 52, None, 100]),
    (100, 100, [1, None, 98, 99, 100]),
])
def test_the_pager_shows_the_ends_and_the_pages_near_the_current_one(current, count, shown):
    assert paging.numbers(current, count) == shown


def spec(**data) -> PageSpec:
    return PageSpec("catalogue.md", "目录", "全部", "catalogue", data, intro="i", in_nav=True)


def test_a_list_is_split_in_order_and_every_item_is_on_exactly_one_page():
    pages = paging.paginate(spec(cards=list(range(120)), facets=["f"]), ("cards",), per_page=50,
                            title=lambda t, n: f"{t} {n}")
    assert [p.src_uri for p in pages] == ["catalogue.md", "catalogue/page/2.md", "catalogue/page/3.md"]
    assert [x for p in pages for x in p.data["cards"]] == list(range(120))
    assert [len(p.data["cards"]) for p in pages] == [50, 50, 20]
    assert all(p.data["facets"] == ["f"] and p.data["totals"] == {"cards": 120} for p in pages)
    first, second, last = (p.data["pager"] for p in pages)
    assert (first["prev"], first["next"]) == (None, "catalogue/page/2/")
    assert (second["prev"], second["next"]) == ("catalogue/", "catalogue/page/3/")
    assert (last["first"], last["last"], last["total"], last["next"]) == (101, 120, 120, None)
    assert [i["url"] for i in second["items"] if i.get("current")] == ["catalogue/page/2/"]
    # page 1 is the page as it was; the others are found through it, not through the nav or search
    assert pages[0].in_nav and pages[0].title == "目录" and "search" not in pages[0].markdown()
    assert not pages[1].in_nav and pages[1].title == "目录 2"
    assert pages[0].intro == "i" and pages[1].intro == "", "an intro's relative links would break one folder down"
    assert pages[2].meta == {"search": {"exclude": True}} and '"search": {"exclude": true}' in pages[2].markdown()


def test_a_short_list_stays_one_page():
    pages = paging.paginate(spec(cards=[]), ("cards",), per_page=50)
    assert len(pages) == 1 and pages[0].data["pager"]["count"] == 1 and pages[0].data["pager"]["first"] == 0


def test_several_lists_are_split_as_one_sequence():
    pages = paging.paginate(spec(cards=list("abc"), below=list(range(5))), ("cards", "below"), per_page=4)
    assert [(p.data["cards"], p.data["below"]) for p in pages] == [(["a", "b", "c"], [0]), ([], [1, 2, 3, 4])]
    assert pages[1].data["totals"] == {"cards": 3, "below": 5}


@pytest.fixture(scope="module")
def catalogue():
    return load(ROOT / "docs", ROOT / "data", root=ROOT)


@pytest.fixture(scope="module", params=["zh", "en"])
def views(request, catalogue):
    return Views(catalogue, graph.build(catalogue), i18n.Localizer(request.param))


def test_every_published_model_is_on_exactly_one_catalogue_page(views, catalogue):
    pages = [p for p in views.pages() if p.view == "catalogue"]
    slugs = [c["slug"] for p in pages for c in p.data["cards"]]
    assert slugs == [m.slug for m in catalogue.published()]
    assert all(len(p.data["cards"]) <= paging.PER_PAGE for p in pages)
    assert len(pages) == -(-len(slugs) // paging.PER_PAGE)
    if len(pages) > 1:
        assert pages[1].title.endswith(("（第 2 页）", "(page 2)"))


def test_no_list_page_holds_more_than_a_page(views):
    limits = {"catalogue": paging.PER_PAGE, "term": paging.PER_PAGE, "place": paging.PER_PAGE,
              "source": paging.PER_PAGE, "todo": paging.ROWS_PER_PAGE, "print": paging.PRINT_PER_PAGE}
    pages = views.pages()
    uris = [p.src_uri for p in pages]
    assert len(uris) == len(set(uris))
    for p in pages:
        if p.view in limits:
            shown = sum(len(p.data[k]) for k in ("cards", "below", "rows") if k in p.data)
            assert shown <= limits[p.view], p.src_uri
    for entry in next(p for p in pages if p.view == "sources").data["entries"]:
        assert len(entry["cards"]) == min(entry["total"], SOURCE_PREVIEW)
        if entry["total"] > SOURCE_PREVIEW:  # the rest on the source's own list
            own = [p for p in pages if p.view == "source" and p.data["source"]["id"] == entry["id"]]
            assert entry["all_url"] == f"sources/{entry['id']}/" and own[0].src_uri == f"sources/{entry['id']}.md"
            assert sum(len(p.data["cards"]) for p in own) == entry["total"]
        else:
            assert entry["all_url"] is None


def test_the_filter_data_holds_every_published_model_and_every_label_it_shows(views, catalogue):
    cards = [views.card(m) for m in catalogue.published()]
    data = facetdata.facet_data(cards)
    assert [row[0] for row in data["models"]] == [m.slug for m in catalogue.published()]
    fields = data["fields"]
    for row, card in zip(data["models"], cards, strict=True):
        m = dict(zip(fields, row, strict=True))
        assert m["title"] == card["title"] and m["summary"] == card["summary"]
        assert data["labels"]["kinds"][m["kinds"]] == card["kind"]["label"]
        assert data["labels"]["places"][m["places"].split()[-1]] == card["place"]
        assert data["urls"]["place"].replace("{}", m["places"].split()[-1]) == card["place_url"]
        assert [data["labels"]["problems"][p] for p in m["problems"].split()] == [p["label"] for p in card["problems"]]
        assert data["urls"]["model"].replace("{}", m["slug"]) == card["url"]
    text = facetdata.script(data)
    assert text.startswith(f"window.{facetdata.GLOBAL} = ") and text.endswith(";\n")
    assert json.loads(text.split(" = ", 1)[1].rstrip(";\n")) == data


def test_the_offline_bundle_gets_file_addresses():
    data = facetdata.facet_data([], directory_urls=False)
    assert data["urls"] == {"model": "models/{}.html", "place": "places/{}.html", "problem": "problems/{}.html"}
    assert facetdata.address("models/x/", directory_urls=True) == "models/x/"
