"""The core's pieces the hooks used to hold: addresses, language alternates, the one conversion,
the cross-script map, marker checks, explicit problem messages, model bodies and keywords."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcat import graph, i18n, load, markers, problems, urls
from govcat.views import Views

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("url", "other"), [
    (".", "models/x/"), ("models/x/", "models/y/"), ("catalogue/", "."), ("zh-Hant/", "en/"),
    ("en/models/x/", "models/x/"), ("models/x.html", "models/y.html"), ("", "."), (".", "404.html"),
])
def test_relative_url_is_mkdocs_own(url, other):
    from mkdocs.utils import get_relative_url

    assert urls.relative_url(url or ".", other) == get_relative_url(url or ".", other)


def test_directory_and_code_host_urls():
    assert urls.directory_url("models/x.md") == "models/x/"
    assert urls.directory_url("index.md") == "" and urls.directory_url("places/index.md") == "places/"
    assert urls.edit_url("https://h/r/", "data/places.yml") == "https://h/r/edit/main/data/places.yml"
    assert urls.edit_url("https://h/r", "docs/models/") == "https://h/r/tree/main/docs/models/"
    assert urls.new_file_url("https://h/r", "docs/a b.en.md") == "https://h/r/new/main/docs?filename=a%20b.en.md"
    assert urls.edit_url(None, "x") is None


LANGS = i18n.languages([{"code": "zh", "name": "简体中文"}, {"code": "zh-Hant", "name": "繁體中文", "convert": "s2tw"},
                        {"code": "en", "name": "English"}])


def test_alternates_lead_to_the_same_page_in_each_language():
    alts = i18n.alternates(LANGS, LANGS[2], "models/x/", "https://h/site/")
    assert [a["link"] for a in alts] == ["https://h/site/models/x/", "https://h/site/zh-Hant/models/x/",
                                         "https://h/site/en/models/x/"]
    assert [a["href"] for a in alts] == ["../../../models/x/", "../../../zh-Hant/models/x/", "./"]
    assert [a["current"] for a in alts] == [False, False, True]


def test_alternates_of_a_page_less_template_lead_home():
    alts = i18n.alternates(LANGS, LANGS[0], None, "")
    assert [a["href"] for a in alts] == [".", "zh-Hant/", "en/"]


def test_chosen_languages_always_keep_the_source():
    assert [x.code for x in i18n.chosen(LANGS, "")] == ["zh", "zh-Hant", "en"]
    assert [x.code for x in i18n.chosen(LANGS, "en")] == ["zh", "en"]


def test_text_converts_strings_in_template_data_once_and_leaves_keys():
    calls = []

    class Counting(i18n.Converter):
        def __call__(self, text):
            calls.append(text)
            return super().__call__(text)

    loc = i18n.Localizer("zh-Hant", convert=Counting("s2tw"))
    data = {"社区": ["社区", ("社区", 3)], "url": "places/x/", "n": None}
    assert loc.text(data) == {"社区": ["社區", ("社區", 3)], "url": "places/x/", "n": None}
    assert calls == ["社区"]  # once, however often it appears; ASCII never
    assert i18n.Localizer("zh").text(data) is data


def test_script_map_maps_the_other_script_to_the_index_s_characters():
    assert i18n.script_map("调解驿站", converted=False) == {"調": "调", "驛": "驿"}
    assert i18n.script_map("調解驛站", converted=True) == {"调": "調", "驿": "驛"}


def test_unknown_markers_are_problems_with_their_line(tmp_path):
    text = "# 首页\n\n<!-- gm:problems -->\n\n<!-- gm:problem -->\n"
    found = markers.check("docs/index.md", text)
    assert [(p.code, p.line) for p in found] == [("unknown-marker", 5)]
    assert "gm:problem" in found[0].format() and "problems" in found[0].format()
    (tmp_path / "index.md").write_text(text, encoding="utf-8")
    assert len(markers.check_pages(tmp_path)) == 1


def test_problem_messages_are_registered_once():
    with pytest.raises(ValueError, match="registered twice"):
        problems.register({"yaml-syntax": ("a", "b", "c", "d")})
    problems.register({"yaml-syntax": problems.MESSAGES["yaml-syntax"]})  # the same wording again: harmless


@pytest.fixture(scope="module")
def catalogue():
    return load(ROOT / "docs", ROOT / "data", root=ROOT)


def test_both_languages_take_the_body_from_the_catalogue(catalogue):
    g = graph.build(catalogue)
    translated = next(m for m in catalogue.published() if "en" in m.translations)
    zh = Views(catalogue, g).body(translated)
    en = Views(catalogue, g, i18n.Localizer("en")).body(translated)
    assert zh.startswith(g.linked_bodies[translated.slug].split("\n## 来源")[0][:40])
    assert "## 来源" in zh and "## Sources" in en
    assert translated.translations["en"].body.strip()[:30] in en


def test_keywords_hold_the_names_and_the_words_inside_them(catalogue):
    g = graph.build(catalogue)
    m = catalogue.models["hongse-yizhan"]
    words = Views(catalogue, g).keywords(m)
    assert "红色驿站" in words and "驿站" in words
    assert len(words) == len(set(words))
