#!/usr/bin/env python3
"""Start a new model page: python scripts/new_model.py 梅子小屋 [--place meizishi-shequ] [--kind 模式]

Creates docs/models/<pinyin-slug>.md as a draft (``draft: true``: shown by ``./scripts/serve``, never
published) with the front-matter skeleton, every allowed value listed as a YAML comment, and the body
template with 待补充 in every section. It refuses to overwrite a page or to reuse a title or alias.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the catalogue core beside this script, also when not installed

try:
    from govcat import CatalogueError, frontmatter, guard, load, schema
    from govcat.model import SECTIONS
    from govcat.slug import slugify
except ImportError as exc:  # pragma: no cover - depends on how the script is started
    sys.exit(f"缺少依赖（{exc.name}）：请先运行 source scripts/env.sh，或用 .venv/bin/python 运行本脚本。\n"
             f"Missing dependency ({exc.name}): run `source scripts/env.sh` first, or use .venv/bin/python.")

VOCABS = ("kinds", "dimensions", "themes", "problems", "statuses")
QUOTES = re.compile(r"[\s“”‘’\"'「」『』《》〈〉()（）]")


@dataclass
class Registries:
    """The allowed values, read through govcat: validated when the catalogue loads, raw when it does not."""

    vocab: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name -> [(zh, description)]
    places: list[tuple[str, str, str | None]] = field(default_factory=list)  # (id, name, parent)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (id, description)
    validated: bool = True


def read_registries(root: Path) -> Registries:
    try:
        cat = load(root / "docs", root / "data", root=root)
    except CatalogueError:
        return _read_raw(root / "data")
    reg = Registries()
    reg.vocab = {name: [(t.zh, t.description) for t in cat.vocabulary[name].values()] for name in VOCABS}
    reg.places = [(p.id, p.name, p.parent) for p in cat.places.values()]
    reg.sources = [(s.id, f"{s.title}（{s.publisher}，{s.published.isoformat()}）") for s in cat.sources.values()]
    return reg


def _read_raw(data: Path) -> Registries:
    """The registry files as they are, for when the catalogue has errors: the page can still be started."""
    def read(name: str):
        path = data / name
        if not path.exists():
            return None
        value, _, _ = frontmatter.load_yaml_file(name, path.read_text(encoding="utf-8-sig"))
        return value

    reg = Registries(validated=False)
    vocab = read("vocabulary.yml") or {}
    for name in VOCABS:
        items = vocab.get(name) if isinstance(vocab, dict) else None
        reg.vocab[name] = [(str(t["zh"]), str(t.get("description", ""))) for t in items or []
                           if isinstance(t, dict) and "zh" in t]
    reg.places = [(str(p["id"]), str(p.get("name", "")), p.get("parent")) for p in read("places.yml") or []
                  if isinstance(p, dict) and "id" in p]
    reg.sources = [(str(s["id"]), f"{s.get('title', '')}（{s.get('publisher', '')}，{s.get('published', '')}）")
                   for s in read("sources.yml") or [] if isinstance(s, dict) and "id" in s]
    return reg


def _key(name: str) -> str:
    """Names compare without quotes and spaces: “和事佬”调解室 and 和事佬调解室 are the same title."""
    return QUOTES.sub("", unicodedata.normalize("NFKC", name))


def names_in_use(models_dir: Path) -> dict[str, str]:
    """Every title and alias of the existing model pages (translations page.en.md excluded)."""
    used: dict[str, str] = {}
    for path in sorted(models_dir.glob("*.md")):
        if path.name.count(".") > 1:
            continue
        doc, problems = frontmatter.parse(path.name, path.read_text(encoding="utf-8-sig"))
        meta = doc.meta if not problems else {}
        aliases = meta.get("aliases") if isinstance(meta.get("aliases"), list) else []
        for name in [meta.get("title"), *aliases]:
            if isinstance(name, str) and name.strip():
                used.setdefault(_key(name), f"docs/models/{path.name}")
    return used


def _comment_list(label: str, items: list[str], per_line: int = 1) -> list[str]:
    """A commented list, ``per_line`` items to a line (Chinese text has no spaces to wrap at)."""
    rows = ["、".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return [f"# {label}", *(f"#   {row}" for row in rows or ["（登记表为空 / none registered）"])]


def _place_lines(places: list[tuple[str, str, str | None]]) -> list[str]:
    children: dict[str | None, list[tuple[str, str]]] = {}
    ids = {pid for pid, _, _ in places}
    for pid, name, parent in places:
        children.setdefault(parent if parent in ids else None, []).append((pid, name))
    out: list[str] = []

    def walk(parent: str | None, depth: int) -> None:
        for pid, name in children.get(parent, []):
            out.append(f"#   {'  ' * depth}{pid:<{28 - 2 * depth}} {name}")
            walk(pid, depth + 1)

    walk(None, 0)
    return out


def render(title: str, kind: str, place: str, dimensions: list[str], themes: list[str], reg: Registries,
           placeholders: frozenset[str] = frozenset()) -> str:
    """The new page's text; fields named in ``placeholders`` are marked as values to replace."""
    def terms(name: str) -> list[str]:
        return [zh for zh, _ in reg.vocab.get(name, [])]

    def described(name: str) -> list[str]:
        return [f"#   {zh}：{desc}" if desc else f"#   {zh}" for zh, desc in reg.vocab.get(name, [])]

    def flow(values: list[str]) -> str:
        return "[" + ", ".join(values) + "]"

    def mark(name: str) -> str:
        return "  # 占位，按来源改 / placeholder: set from the source" if name in placeholders else ""
    lines = [
        "---",
        "# 新模式页草稿，由 scripts/new_model.py 生成。Draft created by scripts/new_model.py.",
        "# 每个事实都要有来源；来源没写的写“待补充”。Every fact cites a source; write 待补充 where it is silent.",
        "# 填好并核对后删去 draft: true，页面才会发布。Remove draft: true when done to publish the page.",
        f"title: {title}",
        "aliases: []  # 其他叫法（可选），便于搜索 / other names people search for",
        f"kind: {kind}",
        "# kind 可选值 / allowed (data/vocabulary.yml kinds):",
        *described("kinds"),
        f"place: {place}" + mark("place"),
        "# place 可选值 / allowed (data/places.yml):",
        *_place_lines(reg.places),
        f"dimensions: {flow(dimensions)}" + mark("dimensions"),
        *_comment_list("dimensions 可选值（五治）/ allowed:", terms("dimensions"), 6),
        f"themes: {flow(themes)}" + mark("themes"),
        *_comment_list("themes 可选值 / allowed:", terms("themes"), 6),
        "problems: []",
        *_comment_list("problems 可选值（可选）/ allowed (optional):", terms("problems"), 6),
        "summary: 待补充。  # 一句话概括（也是搜索结果里的描述）/ one sentence",
        "status: 状态不明",
        "# status 可选值 / allowed:",
        *described("statuses"),
        "# since: 2020  # 开始年份（可选，须有来源）/ first year (optional, from a source)",
        "# recognition: []  # 获得的肯定、报道或推介（可选，须有来源）/ recognition (optional, from a source)",
        "related: []  # 相关模式页的文件名（不含 .md）/ slugs of related model pages",
        "editors_assigned: [kind, dimensions, themes, problems]  # 来源没写、由编者归入的分类；来源写明的删去 /",
        "#   classification fields the editors assigned (the source does not state them); remove those it states",
        "draft: true",
        "sources: []",
        *_comment_list("sources 已登记的来源 id / registered source ids (data/sources.yml):",
                       [f"{sid} {desc}" for sid, desc in reg.sources]),
        "# 写法 / form:",
        "#   sources:",
        f"#     - id: {reg.sources[0][0] if reg.sources else '来源id'}",
        "#       locator: 原文所在部分",
        "---",
        "",
    ]
    for section in SECTIONS:
        lines += [f"## {section}", "", "待补充。", ""]
    return "\n".join(lines)


def _fail(zh: str, en: str) -> int:
    print(f"错误：{zh}\nError: {en}", file=sys.stderr)
    return 1


def _choose(value: str | None, allowed: list[str], what: str, registry: str) -> tuple[str | None, int]:
    if value in allowed:
        return value, 0
    close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
    hint_zh = f"（是不是 {close[0]}？）" if close else ""
    hint_en = f" (did you mean {close[0]}?)" if close else ""
    shown = "、".join(allowed[:40]) or "（无）"
    return None, _fail(f"{what} {value} 不在 {registry} 中{hint_zh}。可选：{shown}",
                       f"{what} {value} is not in {registry}{hint_en}. Allowed: {shown}")


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(
        description="新建模式页草稿 / Start a new model page as a draft.",
        epilog="例 / example: python scripts/new_model.py 梅子小屋 --place meizishi-shequ --kind 模式")
    parser.add_argument("title", help="模式名称（简体中文）/ the model's name in Simplified Chinese")
    parser.add_argument("--place", help="地点 id，见 data/places.yml / a place id from data/places.yml")
    parser.add_argument("--kind", default="模式", help="类型，见 data/vocabulary.yml 的 kinds（默认 模式）")
    parser.add_argument("--dimension", action="append", default=[], help="五治维度，可重复 / repeatable")
    parser.add_argument("--theme", action="append", default=[], help="主题，可重复 / repeatable")
    parser.add_argument("--slug", help="自定义文件名（拼音短横线）/ override the file name (kebab-case pinyin)")
    args = parser.parse_args(argv)

    title = " ".join(args.title.split())
    limit = next(f.max_length for f in schema.MODEL if f.name == "title")
    if not title:
        return _fail("标题不能为空。", "The title must not be empty.")
    if limit and len(title) > limit:
        return _fail(f"标题有 {len(title)} 个字符，超过上限 {limit}。", f"The title has {len(title)} characters; "
                     f"the limit is {limit}.")
    try:
        slug = args.slug or slugify(title)
    except ValueError:
        return _fail("无法从标题生成拼音文件名，请用 --slug 指定。",
                     "No pinyin slug can be made from the title: use --slug.")
    if not schema.KEBAB.match(slug):
        return _fail(f"文件名 {slug} 不是小写 ASCII 短横线格式（如 meizi-xiaowu）。",
                     f"The slug {slug} is not lower-case ASCII kebab-case (like meizi-xiaowu).")
    models_dir = root / "docs" / "models"
    path = models_dir / f"{slug}.md"
    shown = path.relative_to(root).as_posix()
    if path.exists():
        return _fail(f"{shown} 已存在，不会覆盖。请编辑它，或用 --slug 另取文件名。",
                     f"{shown} already exists and is not overwritten. Edit it, or choose another name with --slug.")
    used = names_in_use(models_dir)
    if _key(title) in used:
        return _fail(f"名称“{title}”已被 {used[_key(title)]} 用作标题或别名。请编辑那一页，或换一个能区分两者的名称。",
                     f"The name “{title}” is already a title or alias of {used[_key(title)]}. Edit that page, or "
                     "use a name that tells the two apart.")

    reg = read_registries(root)
    kind, code = _choose(args.kind, [zh for zh, _ in reg.vocab.get("kinds", [])], "kind", "data/vocabulary.yml")
    if code:
        return code
    place_ids = [pid for pid, _, _ in reg.places]
    # without --place: the first place below the root (the district), marked as a placeholder
    default_place = next((pid for pid, _, parent in reg.places if parent), place_ids[0] if place_ids else "")
    place, code = _choose(args.place or default_place, place_ids, "place", "data/places.yml")
    if code:
        return code
    chosen: dict[str, list[str]] = {}
    placeholders = set() if args.place else {"place"}
    for name, values in (("dimensions", args.dimension), ("themes", args.theme)):
        allowed = [zh for zh, _ in reg.vocab.get(name, [])]
        for value in values:
            if _choose(value, allowed, name, "data/vocabulary.yml")[1]:
                return 1
        chosen[name] = list(dict.fromkeys(values)) or allowed[:1]
        if not values:
            placeholders.add(name)

    text = render(title, kind, place, chosen["dimensions"], chosen["themes"], reg, frozenset(placeholders))
    problems = guard.check_text(shown, text)
    if problems:
        print("\n\n".join(p.format() for p in problems), file=sys.stderr)
        return _fail("标题没有通过内容检查（见上），未创建文件。", "The title fails the content guard (see above); "
                     "no file was created.")
    models_dir.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite, even in a race
        out.write(text)

    place_note = "" if args.place else f"（未指定 --place，暂填 {place}，请确认）"
    place_note_en = "" if args.place else f" (no --place given: {place} is a placeholder, check it)"
    print(f"已创建 {shown}（草稿：预览可见，不会发布）。\nCreated {shown} (a draft: shown in preview, not published).")
    if not reg.validated:
        print("注意：目录当前有错误，可选值直接读自登记文件。Note: the catalogue has errors; allowed values were "
              "read from the registry files as they are.")
    print(textwrap.dedent(f"""
        下一步 / Next steps:
          1. 在 data/sources.yml 登记来源（如尚未登记），把来源 id 填进 sources。
             Register the source in data/sources.yml if needed, and list its id under sources.
          2. 按来源填写 place{place_note}、dimensions、themes、problems、summary 和各节；来源没写的保留“待补充”。
             Fill in place{place_note_en}, dimensions, themes, problems, summary and the sections from the
             source; keep 待补充 where it is silent.
          3. 预览 / Preview: ./scripts/serve → http://127.0.0.1:8000/models/{slug}/
          4. 检查 / Check: ./scripts/test
          5. 完成后删去 draft: true，提交拉取请求。Remove draft: true when done and open a pull request.
        """).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
