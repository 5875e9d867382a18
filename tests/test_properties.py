"""Property tests (Hypothesis): whatever a pull request holds, the catalogue either loads or reports
problems that name a file and speak both languages. Never a traceback, never a hang.

Front matter, registries, the content guard and the mention linker each get generated input: random
text, YAML-shaped structures with the schema's own keys and wrong types, and hostile characters.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_load import MODEL, OTHER, PLACES, SOURCES, VOCAB

from govcat import CatalogueError, frontmatter, guard, load
from govcat.linker import Linker

SETTINGS = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
MODEL_KEYS = ["title", "aliases", "kind", "place", "dimensions", "themes", "problems", "summary", "status", "since",
              "recognition", "related", "sources", "draft"]
PLACE_KEYS = ["id", "name", "en", "level", "parent", "sources", "note"]

# Text as pages hold it, and as attacks bring it: CJK, Latin, punctuation, controls, invisibles, surrogate-free.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
CJK = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=6)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=True), TEXT, CJK,
                    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=3),
                      max_leaves=8)


def mapping(keys: list[str]) -> st.SearchStrategy[dict]:
    """The schema's keys (and some others) with values of any shape."""
    return st.dictionaries(st.sampled_from(keys) | TEXT, VALUES, max_size=len(keys) + 2)


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def mutate(text: str) -> st.SearchStrategy[str]:
    """A valid file with a stretch of it replaced by generated text (a typo, a paste, an attack)."""
    return st.tuples(st.integers(0, len(text)), st.integers(0, 40), TEXT).map(
        lambda t: text[: t[0]] + t[2] + text[t[0] + t[1]:])


class Tree:
    """The small valid catalogue of tests/test_load.py, written once; each example rewrites one file."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="govcat-prop-"))
        (self.root / "data").mkdir()
        (self.root / "docs" / "models").mkdir(parents=True)
        self.files = {"data/vocabulary.yml": VOCAB, "data/places.yml": PLACES, "data/sources.yml": SOURCES,
                      "docs/models/meizi-xiaowu.md": MODEL, "docs/models/hongse-yizhan.md": OTHER}
        for name, text in self.files.items():
            (self.root / name).write_text(text, encoding="utf-8")

    def load_with(self, name: str, text: str):
        """Load with ``name`` replaced by ``text``: a Catalogue, or the reported problems."""
        path = self.root / name
        path.write_text(text, encoding="utf-8")
        try:
            return load(self.root / "docs", self.root / "data", root=self.root)
        except CatalogueError as exc:
            for p in exc.problems:  # each one speaks to a person: file, both languages, a fix
                text = p.format()
                assert p.path and p.path in text and "错误：" in text and "Fix: " in text, text
            return exc.problems
        finally:
            path.write_text(self.files[name], encoding="utf-8")


TREE = Tree()


def teardown_module():
    shutil.rmtree(TREE.root, ignore_errors=True)


@SETTINGS
@given(TEXT | mutate(MODEL))
def test_any_text_as_a_page_parses_or_reports(text):
    doc, problems = frontmatter.parse("docs/models/x.md", text)
    assert isinstance(doc.meta, dict)
    assert all(p.path == "docs/models/x.md" for p in problems)


@SETTINGS
@given(mapping(MODEL_KEYS), TEXT)
def test_any_front_matter_loads_or_is_reported(meta, body):
    TREE.load_with("docs/models/meizi-xiaowu.md", "---\n" + dump(meta) + "---\n\n" + body + "\n")


@SETTINGS
@given(mutate(MODEL))
def test_any_edit_of_a_page_loads_or_is_reported(text):
    TREE.load_with("docs/models/meizi-xiaowu.md", text)


@SETTINGS
@given(st.lists(mapping(PLACE_KEYS), max_size=4) | VALUES)
def test_any_place_registry_loads_or_is_reported(places):
    TREE.load_with("data/places.yml", dump(places))


@SETTINGS
@given(mutate(VOCAB) | mutate(SOURCES))
def test_any_edit_of_a_registry_loads_or_is_reported(text):
    TREE.load_with("data/vocabulary.yml" if "dimensions" in text else "data/sources.yml", text)


@SETTINGS
@given(TEXT, st.integers(1, 500))
def test_the_guard_reports_within_the_text_and_never_fails(text, first_line):
    problems = guard.check_text("docs/models/x.md", text, first_line=first_line)
    last = first_line + text.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    for p in problems:
        assert p.line is None or first_line <= p.line <= last, (p.line, first_line, last)
        assert "Fix: " in p.format()


PROSE = st.text(st.sampled_from("梅子小屋红色驿站调解网格社区村民，。、 \n#`>*-"), max_size=200)
LINK = re.compile(r"\[([^\[\]]+)\]\([a-z0-9-]+\.md\)")


@SETTINGS
@given(st.dictionaries(CJK | st.sampled_from(["梅子小屋", "红色驿站", "网格", "调解"]),
                       st.sampled_from(["meizi-xiaowu", "hongse-yizhan", "wangge", "tiaojie"]), min_size=1, max_size=6),
       PROSE)
def test_the_linker_only_adds_links_each_target_once_and_never_to_itself(names, body):
    out, mentioned = Linker.from_names(names).link(body, "meizi-xiaowu")
    assert LINK.sub(r"\1", out) == body  # the text is unchanged apart from the links
    assert len(mentioned) == len(set(mentioned)) and "meizi-xiaowu" not in mentioned
    assert [names[m.group(1)] for m in LINK.finditer(out)] == mentioned
