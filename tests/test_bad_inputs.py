"""The bad-input corpus (tests/bad_inputs.yml): every broken or hostile edit is refused, with file,
line, what is wrong and how to fix it, in Chinese and English — never a traceback, never a build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_load import tree  # noqa: F401  (the small valid catalogue every case starts from)

from govcat import CatalogueError, load

CASES = yaml.safe_load((Path(__file__).with_name("bad_inputs.yml")).read_text(encoding="utf-8"))
MODEL = "docs/models/meizi-xiaowu.md"


def apply(root: Path, case: dict) -> None:
    path = root / (MODEL if case["file"] == "M" else case["file"])
    if case.get("delete"):
        path.unlink()
    elif "write" in case:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case["write"].encode("gbk" if case.get("gbk") else "utf-8"))
    elif "append" in case:
        with path.open("a", encoding="utf-8") as f:
            f.write(case["append"])
    else:
        text = path.read_text(encoding="utf-8")
        assert case["find"] in text, f"{case['name']}: {case['find']!r} is not in {path.name} any more"
        path.write_text(text.replace(case["find"], case["put"], 1), encoding="utf-8")


def test_the_corpus_is_large_and_each_case_is_named_once():
    names = [c["name"] for c in CASES]
    assert len(names) >= 40 and len(set(names)) == len(names)
    assert all({"name", "file", "code"} <= set(c) for c in CASES)


def test_the_untouched_catalogue_loads(tree):  # noqa: F811
    load(tree / "docs", tree / "data", root=tree)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_each_bad_edit_is_refused_with_file_line_and_fix(tree, case):  # noqa: F811
    apply(tree, case)
    with pytest.raises(CatalogueError) as info:
        load(tree / "docs", tree / "data", root=tree)
    file = MODEL if case["file"] == "M" else case["file"]
    found = [p for p in info.value.problems if p.code == case["code"] and p.path == file]
    assert found, "expected {code} in {file}; got:\n{got}".format(
        code=case["code"], file=file, got="\n".join(p.format() for p in info.value.problems))
    if "line" in case:
        assert case["line"] in [p.line for p in found], [p.format() for p in found]
    for p in info.value.problems:  # every problem speaks to a person, in both languages, with a fix
        text = p.format()
        assert p.path in text and "错误：" in text and "Fix: " in text, text
