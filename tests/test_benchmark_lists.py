"""scripts/benchmark.py's measure of the generated list pages, on a small site written here."""

from __future__ import annotations

from conftest import load_script

benchmark = load_script("benchmark")


def page(cards: int) -> str:
    return "<!doctype html><html><head><meta charset=utf-8></head><body><ul>" + "<li><a href=x>m</a><br></li>" * cards \
        + "</ul></body></html>"


def test_elements_are_counted_as_parsed():
    assert benchmark.elements(page(0)) == 5  # html, head, meta, body, ul
    assert benchmark.elements(page(3)) == 5 + 3 * 3


def test_each_list_reports_its_largest_page_and_the_pages_of_that_list(tmp_path):
    files = {"catalogue/index.html": page(50), "catalogue/page/2/index.html": page(60),
             "catalogue/page/3/index.html": page(1),
             "problems/index.html": page(500),  # the index of terms is not a list of models
             "problems/a/index.html": page(20), "problems/b/index.html": page(40), "problems/b/page/2/index.html": page(5),
             "themes/c/index.html": page(30), "todo/index.html": page(2), "data/catalogue-cards.js": "window.x = 1;\n"}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    lists = benchmark.list_pages(tmp_path)
    assert set(lists) == {"catalogue", "term", "todo", "facet data"}  # no place, sources or print pages here
    assert lists["catalogue"]["page"] == "catalogue/page/2/" and lists["catalogue"]["pages_in_series"] == 3
    assert lists["catalogue"]["elements"] == 5 + 60 * 3
    assert lists["catalogue"]["bytes"] == len(page(60)) and 0 < lists["catalogue"]["gzip"] < lists["catalogue"]["bytes"]
    assert lists["term"]["page"] == "problems/b/" and lists["term"]["pages_in_series"] == 2 and lists["term"]["pages"] == 4
    assert lists["facet data"]["bytes"] == len("window.x = 1;\n") and "elements" not in lists["facet data"]
