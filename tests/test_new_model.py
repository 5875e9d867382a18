"""scripts/new_model.py and the slug it names pages with, run in a temporary copy of the tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import load_script

from govcat import CatalogueError, frontmatter, guard, load, schema
from govcat.slug import slugify

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "new_model.py"
SECTIONS = ["概况", "主要做法", "成效", "适用条件与注意", "可借鉴要点", "来源"]


new_model = load_script("new_model")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the parts of the repository the script reads and writes."""
    for name in ("docs", "data", "govcat", "scripts"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def run(tree: Path, *args: str) -> tuple[int, str, str]:
    """Run the copied script as a maintainer would, from the copy's root."""
    proc = subprocess.run([sys.executable, "scripts/new_model.py", *args], cwd=tree, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def create(tree: Path, *args: str) -> int:
    """Run the script's main() in-process against the copy: same code, without a new interpreter."""
    return new_model.main(list(args), root=tree)


def registry(tree: Path, name: str):
    return yaml.safe_load((tree / "data" / name).read_text(encoding="utf-8"))


# --- slugs ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "slug"), [
    ("梅子小屋", "meizi-xiaowu"),
    ("红色驿站", "hongse-yizhan"),
    ("五民一体", "wumin-yiti"),
    ("网格微治理", "wangge-weizhili"),
    ("“和事佬”调解室", "heshilao-tiaojieshi"),
    ("“暖心房”调解室", "nuanxinfang-tiaojieshi"),
    ("“8090”先锋队", "8090-xianfengdui"),
    ("“家和”理念", "jiahe-linian"),
    ("五治+网格化服务管理", "wuzhi-wanggehua-fuwu-guanli"),
    ("社会矛盾综合治理机制", "shehui-maodun-zonghe-zhili-jizhi"),
    ("政法队伍教育整顿", "zhengfa-duiwu-jiaoyu-zhengdun"),
    ("绿色家园", "lvse-jiayuan"),
    ("８０９０先锋队", "8090-xianfengdui"),
    ("Café 议事厅", "cafe-yishiting"),
    ("经开区2021年平安建设综述", "jingkaiqu-2021-nian-pingan-jianshe-zongshu"),
])
def test_slug_is_grouped_pinyin(title, slug):
    assert slugify(title) == slug
    assert schema.KEBAB.match(slug)


@pytest.mark.parametrize("title", ["", "“”", "——", "   "])
def test_slug_of_nothing_is_an_error(title):
    with pytest.raises(ValueError):
        slugify(title)


# --- creating a page --------------------------------------------------------------------------------------

def test_creates_a_draft_that_parses_and_passes_the_schema(tree):
    code, out, err = run(tree, "邻里议事会", "--place", "meizishi-shequ")
    assert code == 0, err
    path = tree / "docs" / "models" / "linli-yishihui.md"
    text = path.read_text(encoding="utf-8")
    doc, problems = frontmatter.parse("docs/models/linli-yishihui.md", text)
    assert problems == [] and doc.has_front_matter
    meta = doc.meta
    assert meta["title"] == "邻里议事会" and meta["draft"] is True and meta["sources"] == []
    assert meta["place"] == "meizishi-shequ" and meta["kind"] == "模式" and meta["status"] == "状态不明"
    # The only schema complaint allowed is the empty source list, which validation accepts for drafts.
    found = [(p.field, p.code) for p in schema.check(doc.path, meta, schema.MODEL, doc.line_of)]
    assert set(found) <= {("sources", "empty")}, found
    vocab = registry(tree, "vocabulary.yml")
    assert set(meta["dimensions"]) <= {t["zh"] for t in vocab["dimensions"]}
    assert set(meta["themes"]) <= {t["zh"] for t in vocab["themes"]}
    assert meta["kind"] in {t["zh"] for t in vocab["kinds"]}
    assert meta["status"] in {t["zh"] for t in vocab["statuses"]}


def test_created_page_loads_with_the_catalogue(tree):
    """Through govcat.load: every reference resolves; at most the draft's empty sources are reported."""
    assert create(tree, "邻里议事会", "--place", "meizishi-shequ") == 0
    try:
        catalogue = load(tree / "docs", tree / "data", root=tree)
    except CatalogueError as exc:
        mine = [p for p in exc.problems if p.path == "docs/models/linli-yishihui.md"]
        assert [(p.field, p.code) for p in mine] in ([], [("sources", "empty")]), "\n".join(map(str, mine))
    else:
        assert catalogue.models["linli-yishihui"].draft is True


def test_body_has_every_section_saying_tbd(tree):
    assert create(tree, "邻里议事会") == 0
    doc, _ = frontmatter.parse("x.md", (tree / "docs" / "models" / "linli-yishihui.md").read_text(encoding="utf-8"))
    headings = [line[3:] for line in doc.body.splitlines() if line.startswith("## ")]
    assert headings == SECTIONS
    for section in SECTIONS:
        after = doc.body.split(f"## {section}\n", 1)[1].strip()
        assert after.startswith("待补充"), section


def test_every_allowed_value_is_listed_as_a_comment(tree):
    assert create(tree, "邻里议事会") == 0
    text = (tree / "docs" / "models" / "linli-yishihui.md").read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    comments = "\n".join(line for line in front.splitlines() if line.lstrip().startswith("#"))
    vocab = registry(tree, "vocabulary.yml")
    for name in ("kinds", "dimensions", "themes", "problems", "statuses"):
        for term in vocab.get(name) or []:
            assert term["zh"] in comments, (name, term["zh"])
    for place in registry(tree, "places.yml"):
        assert place["id"] in comments and place["name"] in comments
    for source in registry(tree, "sources.yml"):
        assert source["id"] in comments


def test_created_page_passes_the_content_guard(tree):
    assert create(tree, "邻里议事会") == 0
    path = tree / "docs" / "models" / "linli-yishihui.md"
    assert guard.check_text("docs/models/linli-yishihui.md", path.read_text(encoding="utf-8")) == []


def test_prints_the_path_and_next_steps_in_both_languages(tree):
    code, out, _ = run(tree, "邻里议事会", "--place", "meizishi-shequ")
    assert code == 0
    assert "docs/models/linli-yishihui.md" in out
    assert "下一步" in out and "Next steps" in out
    assert "data/sources.yml" in out and "./scripts/serve" in out and "./scripts/test" in out
    assert "http://127.0.0.1:8000/models/linli-yishihui/" in out


def test_refuses_to_overwrite(tree):
    assert create(tree, "邻里议事会") == 0
    path = tree / "docs" / "models" / "linli-yishihui.md"
    path.write_text("edited by hand\n", encoding="utf-8")
    code, out, err = run(tree, "邻里议事会")
    assert code == 1 and "已存在" in err and "already exists" in err
    assert path.read_text(encoding="utf-8") == "edited by hand\n"


@pytest.mark.parametrize("title", ["梅子小屋", "“梅子小屋”", "和事佬调解室", "和事佬"])
def test_refuses_a_title_already_used(tree, capsys, title):
    assert create(tree, title, "--slug", "brand-new-page") == 1
    err = capsys.readouterr().err
    assert "已被" in err and "already a title or alias" in err
    assert not (tree / "docs" / "models" / "brand-new-page.md").exists()


def test_options_set_kind_place_and_terms_without_placeholder_marks(tree, capsys):
    vocab = registry(tree, "vocabulary.yml")
    dim, theme, kind = vocab["dimensions"][1]["zh"], vocab["themes"][2]["zh"], vocab["kinds"][1]["zh"]
    code = create(tree, "新的机制", "--kind", kind, "--place", "pingdi-cun", "--dimension", dim, "--theme", theme)
    assert code == 0, capsys.readouterr().err
    [path] = [p for p in (tree / "docs" / "models").glob("*.md") if "新的机制" in p.read_text(encoding="utf-8")]
    doc, _ = frontmatter.parse("x.md", path.read_text(encoding="utf-8"))
    assert (doc.meta["kind"], doc.meta["place"], doc.meta["dimensions"], doc.meta["themes"]) == (
        kind, "pingdi-cun", [dim], [theme])
    assert "占位" not in path.read_text(encoding="utf-8")


def test_defaults_are_marked_as_placeholders(tree, capsys):
    assert create(tree, "邻里议事会") == 0
    text = (tree / "docs" / "models" / "linli-yishihui.md").read_text(encoding="utf-8")
    marked = [line.split(":", 1)[0] for line in text.splitlines() if "占位" in line and not line.startswith("#")]
    assert marked == ["place", "dimensions", "themes"]
    assert "--place" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["新页", "--place", "meizishi"], "是不是 meizishi-shequ", "did you mean meizishi-shequ"),
    (["新页", "--kind", "模型"], "不在 data/vocabulary.yml 中", "is not in data/vocabulary.yml"),
    (["新页", "--dimension", "自治"], "dimensions 自治", "dimensions 自治"),
    (["新页", "--slug", "Bad_Slug"], "不是小写 ASCII", "not lower-case ASCII"),
    (["“”"], "--slug", "--slug"),
    (["一" * 41], "超过上限", "the limit is"),
])
def test_refuses_bad_input_with_a_bilingual_message(tree, capsys, args, zh, en):
    before = sorted(p.name for p in (tree / "docs" / "models").iterdir())
    assert create(tree, *args) == 1
    err = capsys.readouterr().err
    assert zh in err and en in err and "错误：" in err and "Error: " in err
    assert sorted(p.name for p in (tree / "docs" / "models").iterdir()) == before


def test_refuses_a_title_the_content_guard_rejects(tree, capsys):
    assert create(tree, "⾦色家园") == 1  # a Kangxi radical
    err = capsys.readouterr().err
    assert "U+2FA6" in err and "未创建文件" in err
    assert not (tree / "docs" / "models" / "jinse-jiayuan.md").exists()


def test_still_works_when_the_catalogue_has_errors(tree, capsys):
    """A broken page elsewhere must not stop a maintainer from starting a new one."""
    (tree / "docs" / "models" / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    assert create(tree, "邻里议事会") == 0
    out = capsys.readouterr().out
    assert "Note: the catalogue has errors" in out
    text = (tree / "docs" / "models" / "linli-yishihui.md").read_text(encoding="utf-8")
    assert "meizishi-shequ" in text and "jkq-2022-pingan-huimou" in text
