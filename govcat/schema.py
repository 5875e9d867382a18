"""Closed, typed schemas for model front matter and registry entries.

A schema is a tuple of :class:`Field`. :func:`check` reports unknown keys, missing required
fields, wrong types and empty values, all at once. References between files (a place id, a
vocabulary term, a related page) are checked later by :mod:`govcat.load`, once everything
is known.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from .problems import Problem

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# type -> (zh, en, example)
TYPES: dict[str, tuple[str, str]] = {
    "text": ("一段文字", "a text"),
    "texts": ("文字列表", "a list of texts"),
    "int": ("整数", "an integer"),
    "number": ("数字", "a number"),
    "bool": ("true 或 false", "true or false"),
    "date": ("YYYY-MM-DD 日期", "a YYYY-MM-DD date"),
    "id": ("ASCII 短横线标识", "an ASCII kebab-case id"),
    "ids": ("ASCII 短横线标识的列表", "a list of ASCII kebab-case ids"),
    "citations": ("来源列表（id 或 {id, locator}）", "a list of sources (id or {id, locator})"),
    "mapping": ("“键: 值”的映射", "a mapping of key: value"),
    "mappings": ("映射的列表", "a list of mappings"),
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    nonempty: bool = False
    max_length: int | None = None
    example: str = ""
    hint_zh: str = ""
    hint_en: str = ""


def _actual(value: object) -> tuple[str, str]:
    if isinstance(value, bool):
        return "布尔值", "a boolean"
    if isinstance(value, int | float):
        return "数字", "a number"
    if isinstance(value, str):
        return "文字", "a text"
    if isinstance(value, list):
        return "列表", "a list"
    if isinstance(value, dict):
        return "映射", "a mapping"
    if isinstance(value, dt.date):
        return "日期", "a date"
    if value is None:
        return "空值", "nothing (null)"
    return type(value).__name__, type(value).__name__


def suggestion(value: str, allowed: list[str]) -> tuple[str, str]:
    """A 'did you mean' clause in zh and en, or empty strings."""
    close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
    if not close:
        return "", ""
    return f"（是不是 {close[0]}？）", f" (did you mean {close[0]}?)"


def _is_valid(kind: str, value: object) -> bool:
    if kind == "text":
        return isinstance(value, str)
    if kind == "texts":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "date":
        return isinstance(value, dt.date) or (isinstance(value, str) and _parse_date(value) is not None)
    if kind == "id":
        return isinstance(value, str)
    if kind == "ids":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "mapping":
        return isinstance(value, dict)
    if kind == "mappings":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    if kind == "citations":
        return isinstance(value, list) and all(
            isinstance(v, str) or (isinstance(v, dict) and isinstance(v.get("id"), str)) for v in value
        )
    raise ValueError(kind)


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check(
    path: str,
    data: dict,
    schema: tuple[Field, ...],
    line_of: Callable[[str, int | None], int | None],
) -> list[Problem]:
    """Every problem of ``data`` against ``schema``; ``line_of(key, index)`` finds lines."""
    problems: list[Problem] = []
    fields = {f.name: f for f in schema}
    allowed = ", ".join(fields)
    for key in data:
        if key not in fields:
            s_zh, s_en = suggestion(str(key), list(fields))
            problems.append(
                Problem(path, "unknown-key", line_of(str(key), None), str(key),
                        {"allowed": allowed, "suggestion_zh": s_zh, "suggestion_en": s_en})
            )
    for f in schema:
        line = line_of(f.name, None)
        if f.name not in data or data[f.name] is None:
            if f.required:
                problems.append(Problem(path, "missing-key", line, f.name,
                                        {"hint_zh": f.hint_zh, "hint_en": f.hint_en, "example": f.example}))
            continue
        value = data[f.name]
        if not _is_valid(f.type, value):
            a_zh, a_en = _actual(value)
            t_zh, t_en = TYPES[f.type]
            problems.append(Problem(path, "wrong-type", line, f.name, {
                "value": _show(value), "expected_zh": t_zh, "expected_en": t_en,
                "actual_zh": a_zh, "actual_en": a_en, "example": f.example or f"{f.name}: …"}))
            continue
        problems.extend(_check_value(path, f, value, line_of))
    return problems


def _check_value(path, f: Field, value, line_of) -> list[Problem]:
    problems = []
    line = line_of(f.name, None)
    if f.nonempty and (value == [] or (isinstance(value, str) and not value.strip())):
        problems.append(Problem(path, "empty", line, f.name, {"hint_zh": f.hint_zh, "hint_en": f.hint_en}))
    if f.max_length and isinstance(value, str) and len(value.strip()) > f.max_length:
        problems.append(Problem(path, "too-long", line, f.name,
                                {"length": len(value.strip()), "limit": f.max_length}))
    if f.type == "date" and isinstance(value, str) and _parse_date(value) is None:
        problems.append(Problem(path, "bad-date", line, f.name, {"value": value}))
    if f.type in ("id", "ids"):
        for i, item in enumerate([value] if f.type == "id" else value):
            if not KEBAB.match(item):
                problems.append(Problem(path, "bad-id", line_of(f.name, i) or line, f.name, {"value": item}))
    if f.type in ("texts", "ids"):
        seen = set()
        for i, item in enumerate(value):
            if item in seen:
                problems.append(Problem(path, "duplicate-value", line_of(f.name, i) or line, f.name, {"value": item}))
            if isinstance(item, str) and not item.strip():
                problems.append(Problem(path, "empty", line_of(f.name, i) or line, f.name,
                                        {"hint_zh": "删除空项。", "hint_en": "Remove the empty item."}))
            seen.add(item)
    return problems


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return _parse_date(value) if isinstance(value, str) else None


SOURCE_HINT_ZH = "列出本页事实所依据的来源 id（见 data/sources.yml），例如 sources: [jkq-2022-pingan-huimou]。"
SOURCE_HINT_EN = "List the source ids the page's facts come from (see data/sources.yml), e.g. sources: [jkq-2022-pingan-huimou]."

MODEL: tuple[Field, ...] = (
    Field("title", "text", required=True, nonempty=True, max_length=40, example="title: 梅子小屋",
          hint_zh="模式的名称，例如 title: 梅子小屋。", hint_en="The model's name, e.g. title: 梅子小屋."),
    Field("aliases", "texts", example="aliases: [和事佬]"),
    Field("kind", "text", required=True, example="kind: 模式",
          hint_zh="类型，见 data/vocabulary.yml 的 kinds。", hint_en="The kind, see kinds in data/vocabulary.yml."),
    Field("place", "id", required=True, example="place: meizishi-shequ",
          hint_zh="地点 id，见 data/places.yml。", hint_en="A place id from data/places.yml."),
    Field("dimensions", "texts", required=True, nonempty=True, example="dimensions: [自治强基]",
          hint_zh="至少一个五治维度，例如 dimensions: [自治强基]。",
          hint_en="At least one of the five dimensions, e.g. dimensions: [自治强基]."),
    Field("themes", "texts", required=True, nonempty=True, example="themes: [矛盾调解]",
          hint_zh="至少一个主题，见 data/vocabulary.yml 的 themes。",
          hint_en="At least one theme from themes in data/vocabulary.yml."),
    Field("problems", "texts", example="problems: [邻里纠纷]"),
    Field("summary", "text", required=True, nonempty=True, max_length=120, example="summary: 一句话概括。",
          hint_zh="用一句话概括这个模式（也是搜索结果和分享卡片里的描述）。",
          hint_en="One sentence on what the model does (also the search and sharing description)."),
    Field("status", "text", required=True, example="status: 状态不明",
          hint_zh="现状，见 data/vocabulary.yml 的 statuses。", hint_en="The status, see statuses in data/vocabulary.yml."),
    Field("since", "int", example="since: 2020"),
    Field("recognition", "texts", example="recognition: [《岳阳日报》头版头条报道]"),
    Field("related", "ids", example="related: [hongse-yizhan]"),
    Field("editors_assigned", "texts", example="editors_assigned: [dimensions, themes]",
          hint_zh="列出来源未说明、由编者归入的分类字段（kind、dimensions、themes、problems）；都由来源写明时写 []。",
          hint_en="List the classification fields the editors assigned and the source does not state "
                  "(kind, dimensions, themes, problems); [] when the source states them all."),
    Field("sources", "citations", required=True, nonempty=True, example="sources: [jkq-2022-pingan-huimou]",
          hint_zh=SOURCE_HINT_ZH, hint_en=SOURCE_HINT_EN),
    Field("draft", "bool", example="draft: true"),
)

TRANSLATION: tuple[Field, ...] = (
    Field("title", "text", required=True, nonempty=True, max_length=120, example="title: Meizi Hut (Meizi Xiaowu)"),
    Field("summary", "text", required=True, nonempty=True, max_length=200, example="summary: One sentence."),
)

CITATION: tuple[Field, ...] = (
    Field("id", "id", required=True, example="id: jkq-2022-pingan-huimou"),
    Field("locator", "text", nonempty=True, example="locator: 第二部分"),
)

TERM: tuple[Field, ...] = (
    Field("zh", "text", required=True, nonempty=True, max_length=20, example="zh: 矛盾调解"),
    Field("id", "id", required=True, example="id: maodun-tiaojie"),
    Field("en", "text", required=True, nonempty=True, example="en: Dispute mediation"),
    Field("description", "text", required=True, nonempty=True, example="description: 一两句说明。"),
)

PLACE: tuple[Field, ...] = (
    Field("id", "id", required=True, example="id: meizishi-shequ"),
    Field("name", "text", required=True, nonempty=True, example="name: 梅子柿社区"),
    Field("short", "text", nonempty=True, example="short: 经开区"),
    Field("en", "text", required=True, nonempty=True, example="en: Meizishi Community"),
    Field("level", "text", required=True, example="level: community"),
    Field("parent", "id", example="parent: jingkaiqu"),
    Field("note", "text", nonempty=True, example="note: 来源未说明所属乡镇，待补充。"),
    Field("unstated", "texts", example="unstated: [level]",
          hint_zh="来源没有说明、由编者暂定的字段：level（层级）、parent（上级地点）。",
          hint_en="Fields no source states and the editors chose for now: level, parent."),
    Field("sources", "ids", required=True, nonempty=True, example="sources: [jkq-2022-pingan-huimou]",
          hint_zh=SOURCE_HINT_ZH, hint_en=SOURCE_HINT_EN),
)

SOURCE: tuple[Field, ...] = (
    Field("id", "id", required=True, example="id: jkq-2022-pingan-huimou"),
    Field("kind", "text", required=True, example="kind: article"),
    Field("title", "text", required=True, nonempty=True, example="title: 文章标题"),
    Field("publisher", "text", required=True, nonempty=True, example="publisher: 发布机构"),
    Field("published", "date", required=True, example="published: 2022-03-03"),
    Field("section", "text", nonempty=True, example="section: 政务公开 > 政务动态"),
    Field("language", "text", required=True, example="language: zh-Hans"),
    Field("url", "text", nonempty=True, example="url: https://…"),
    Field("note", "text", nonempty=True, example="note: …"),
    Field("terms", "text", required=True, nonempty=True, example="terms: 使用条款不详；本库只作注明出处、篇幅合理的摘录",
          hint_zh="写明来源的使用条款（已知多少写多少）以及本库如何使用它（注明出处、篇幅合理的摘录）。",
          hint_en="State the source's terms of use as far as known, and how the catalogue uses it "
                  "(attributed quotations of reasonable length)."),
    Field("archive", "mapping", required=True, example="archive: {file: data/archive/<id>.txt, …}",
          hint_zh="每个来源都要存档原文，用于构建时核对摘录和数字；做法见 CONTRIBUTING.md 的“来源存档”。",
          hint_en="Every source needs an archived copy of its text, against which quotes and figures are checked; "
                  "see “来源存档” in CONTRIBUTING.md."),
)

ARCHIVE: tuple[Field, ...] = (
    Field("file", "text", required=True, nonempty=True, example="file: data/archive/jkq-2022-pingan-huimou.txt"),
    Field("captured_from", "text", required=True, nonempty=True, example="captured_from: https://…",
          hint_zh="写实际抓取原文的网址（转载站也照实写，并设 mirror: true）。",
          hint_en="The address the text was actually taken from (a repost too, with mirror: true)."),
    Field("captured_on", "date", required=True, example="captured_on: 2026-11-29"),
    Field("mirror", "bool", required=True, example="mirror: false",
          hint_zh="抓取自转载站而非发布者本站时为 true。", hint_en="true when captured from a repost, not the publisher."),
    Field("script", "text", required=True, example="script: zh-Hant",
          hint_zh="抓取件的文字：zh-Hant 或 zh-Hans。", hint_en="The script of the captured text: zh-Hant or zh-Hans."),
    Field("removed", "mappings", example="removed: [{text: …, reason: …}]"),
    Field("note", "text", nonempty=True, example="note: …"),
)

REMOVAL: tuple[Field, ...] = (
    Field("text", "text", required=True, nonempty=True, example="text: 末行的广告文字（描述即可）"),
    Field("reason", "text", required=True, nonempty=True, example="reason: 被注入的垃圾广告，不属于原文"),
)

FIGURE: tuple[Field, ...] = (
    Field("id", "id", required=True, example="id: grid-events-total"),
    Field("group", "text", required=True, nonempty=True, example="group: 网格服务事件（2021年）"),
    Field("label", "text", required=True, nonempty=True, example="label: 上报网格服务事件"),
    Field("en", "text", required=True, nonempty=True, example="en: Grid service events reported"),
    Field("value", "number", required=True, example="value: 3901"),
    Field("unit", "text", nonempty=True, example="unit: 件"),
    Field("qualifier", "text", example="qualifier: 余"),
    Field("year", "int", example="year: 2021",
          hint_zh="来源所载数字的年份；来源没有说明年份时写 year: null。",
          hint_en="The year the source gives the figure for; year: null where the source states none."),
    Field("source", "id", required=True, example="source: jkq-2022-pingan-huimou"),
    Field("locator", "text", nonempty=True, example="locator: 第二部分"),
    Field("measure", "text", example="measure: rank"),
    Field("text", "text", nonempty=True, example="text: 位居全市第三"),
)

SYNONYM: tuple[Field, ...] = (
    Field("term", "text", required=True, nonempty=True, max_length=20, example="term: 电信网络诈骗",
          hint_zh="本库自己的说法（模式名称、地点、问题、主题或摘要里的词），例如 term: 电信网络诈骗。",
          hint_en="The catalogue's own word (in a name, place, problem, theme or summary), e.g. term: 电信网络诈骗."),
    Field("words", "texts", example="words: [反诈, 电诈]"),
    Field("en", "texts", example="en: [scam, anti-fraud]"),
    Field("note", "text", required=True, nonempty=True, example="note: 民警和群众口头都说“反诈”。",
          hint_zh="写明为什么读者会这样说（谁这样说、在哪里见到）。",
          hint_en="Say why readers use these words (who says them, where they are seen)."),
)

PAGE: tuple[Field, ...] = (
    Field("title", "text", nonempty=True, example="title: 关于本站"),
    Field("description", "text", nonempty=True, example="description: 一句话。"),
    Field("hide", "texts", example="hide: [navigation]"),
    Field("template", "text", example="template: home.html"),
)

TERMBASE: tuple[Field, ...] = (
    Field("zh", "text", required=True, nonempty=True, max_length=40, example="zh: 梅子小屋"),
    Field("en", "text", required=True, nonempty=True, example="en: Meizi Hut"),
    Field("avoid", "texts", example="avoid: [Meizi House]"),
    Field("note", "text", nonempty=True, example="note: 为什么这样译。"),
)

GLOSSARY: tuple[Field, ...] = (
    Field("zh", "text", required=True, nonempty=True, example="zh: 墙钟"),
    Field("zh-Hant", "text", required=True, nonempty=True, example="zh-Hant: 牆鐘"),
    Field("note", "text", required=True, nonempty=True, example="note: 为什么不用 OpenCC 的写法。",
          hint_zh="写明为什么要改 OpenCC 的结果（依据）。", hint_en="Say why OpenCC's form is wrong (the evidence)."),
)

WRONG_CONVERSION: tuple[Field, ...] = (
    Field("wrong", "text", required=True, nonempty=True, example="wrong: 牆鍾"),
    Field("right", "text", required=True, nonempty=True, example="right: 牆鐘"),
    Field("note", "text", nonempty=True, example="note: 在哪里发现的。"),
)
