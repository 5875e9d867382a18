"""Problems found in the catalogue, worded for the people who have to fix them.

Every check collects :class:`Problem` objects instead of raising at the first one, so a
maintainer sees everything that is wrong in one build. Each problem names the file, the
line or field, what is wrong and how to fix it, in Simplified Chinese and in English.
The wording lives in :data:`MESSAGES` so that all checks speak the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import PurePosixPath

# code -> (zh message, en message, zh fix, en fix); formatted with the problem's params.
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "yaml-syntax": (
        "YAML 语法错误：{detail}",
        "YAML syntax error: {detail}",
        "检查这一行附近的冒号、引号、缩进和方括号是否成对；含冒号或引号的值请整体加引号。",
        "Check colons, quotes, indentation and brackets near this line; quote values that contain a colon or quote.",
    ),
    "frontmatter-unclosed": (
        "页首元数据（front matter）以 --- 开始，但没有结束的 ---。",
        "The front matter starts with --- but has no closing ---.",
        "在元数据最后一行之后加一行 ---。",
        "Add a line containing only --- after the last front-matter line.",
    ),
    "frontmatter-missing": (
        "缺少页首元数据（front matter）。",
        "The page has no front matter.",
        "从 templates/model.md 复制元数据块，或运行 python scripts/new_model.py 标题 生成新页。",
        "Copy the front-matter block from templates/model.md, or run python scripts/new_model.py TITLE.",
    ),
    "duplicate-key": (
        "字段 {field} 写了两次，后一个会悄悄覆盖前一个。",
        "Field {field} is written twice; the second would silently replace the first.",
        "只保留一个 {field}。",
        "Keep a single {field}.",
    ),
    "missing-file": (
        "找不到这个登记文件。",
        "This registry file does not exist.",
        "从版本库恢复它；登记文件放在 data/ 目录下。",
        "Restore it from the repository; registry files live in data/.",
    ),
    "orphan-translation": (
        "译文 {value} 没有对应的简体中文页面 {base}。",
        "The translation {value} has no Simplified-Chinese page {base}.",
        "先创建简体页面，或把译文改成对应页面的文件名。",
        "Create the Simplified page first, or rename the translation after its page.",
    ),
    "committed-traditional": (
        "繁体中文页面 {value} 不应提交：繁体版在构建时由简体自动转换生成。",
        "The Traditional-Chinese page {value} must not be committed: "
        "Traditional pages are generated from the Simplified source at build time.",
        "删除这个文件，修改对应的简体页面；转换有误的词请加到 data/glossary-zh-hant.yml。",
        "Delete this file and edit the Simplified page; add mis-converted terms to data/glossary-zh-hant.yml.",
    ),
    "unknown-language": (
        "文件名中的语言 {value} 不是本站的翻译语言（{allowed}）。",
        "The language {value} in the file name is not one of the site's translated languages ({allowed}).",
        "译文文件名写成 页面名.en.md。",
        "Name translations page.en.md.",
    ),
    "synonym-empty": (
        "同义词条目“{value}”没有任何同义词。",
        "The synonym entry “{value}” lists no words.",
        "在 words（中文说法）或 en（英文说法）里至少写一个词，或删除这个条目。",
        "List at least one word under words (Chinese) or en (English), or delete the entry.",
    ),
    "synonym-term-unused": (
        "同义词条目的 term“{value}”不在任何已发布模式的名称、地点、问题、主题或摘要里，它的同义词不会找到任何模式。",
        "The synonym term “{value}” is in no published model's name, place, problem, theme or summary, "
        "so its words would find nothing.",
        "把 term 改成本库实际使用的说法（复制模式页或 data/vocabulary.yml 里的原词）。",
        "Change term to a word the catalogue uses (copy it from a model page or data/vocabulary.yml).",
    ),
    "not-mapping": (
        "{what} 应是“键: 值”的映射，实际是 {actual}。",
        "{what} must be a mapping of key: value, got {actual}.",
        "按模板写成每行“键: 值”。",
        "Write one key: value per line, as in the template.",
    ),
    "unknown-key": (
        "未知字段 {field}。允许的字段：{allowed}。",
        "Unknown field {field}. Allowed fields: {allowed}.",
        "检查拼写{suggestion_zh}；不需要的字段请删除。",
        "Check the spelling{suggestion_en}; delete fields that are not in the schema.",
    ),
    "missing-key": (
        "缺少必填字段 {field}。",
        "Required field {field} is missing.",
        "添加这一行，例如 {example}。{hint_zh}",
        "Add the line, e.g. {example}. {hint_en}",
    ),
    "wrong-type": (
        "字段 {field} 的值 {value} 类型不对：应为{expected_zh}，实际是{actual_zh}。",
        "Field {field} has value {value} of the wrong type: expected {expected_en}, got {actual_en}.",
        "按模板改写，例如 {example}",
        "Rewrite it as in the template, e.g. {example}",
    ),
    "empty": (
        "字段 {field} 不能为空。",
        "Field {field} must not be empty.",
        "{hint_zh}",
        "{hint_en}",
    ),
    "too-long": (
        "字段 {field} 有 {length} 个字符，超过上限 {limit}。",
        "Field {field} has {length} characters, more than the limit of {limit}.",
        "缩短为一句话；详细内容写进正文。",
        "Shorten it to one sentence; put the details in the body.",
    ),
    "unknown-term": (
        "{field} 中的 {value} 不在{registry_zh}中。允许的值：{allowed}。",
        "{value} in {field} is not in the {registry_en}. Allowed values: {allowed}.",
        "改用上面列出的值之一{suggestion_zh}；确需新词条时先在 {registry_file} 中登记。",
        "Use one of the values listed{suggestion_en}; to add a new term, register it in {registry_file} first.",
    ),
    "duplicate-value": (
        "{field} 中重复出现 {value}。",
        "{value} appears more than once in {field}.",
        "删除重复项。",
        "Remove the duplicate.",
    ),
    "duplicate-name": (
        "名称 {value} 已被 {other} 用作{other_role_zh}。标题和别名在整个目录中必须唯一。",
        "The name {value} is already used as {other_role_en} by {other}. Titles and aliases must be unique across the catalogue.",
        "改用能区分两者的名称，或合并这两个页面。",
        "Use a name that tells the two apart, or merge the two pages.",
    ),
    "duplicate-id": (
        "标识 {value} 重复：{other} 已使用。",
        "Duplicate id {value}: already used by {other}.",
        "每个标识只能出现一次；改名或删除其中一个。",
        "Each id may appear only once; rename or remove one of them.",
    ),
    "bad-filename": (
        "文件名 {value} 不是小写 ASCII 短横线格式（如 meizi-xiaowu.md）。",
        "The file name {value} is not lower-case ASCII kebab-case (like meizi-xiaowu.md).",
        "用标题的拼音命名，只用 a-z、0-9 和 -，例如 {suggestion}。",
        "Name the file after the title's pinyin using only a-z, 0-9 and -, e.g. {suggestion}.",
    ),
    "bad-id": (
        "{field} 的值 {value} 不是小写 ASCII 短横线格式。",
        "{field} value {value} is not lower-case ASCII kebab-case.",
        "只用 a-z、0-9 和 -，例如 meizishi-shequ。",
        "Use only a-z, 0-9 and -, e.g. meizishi-shequ.",
    ),
    "self-related": (
        "related 指向本页自身（{value}）。",
        "related points to the page itself ({value}).",
        "删除这一项。",
        "Remove this entry.",
    ),
    "bad-parent": (
        "地点 {value} 的上级 {parent} {reason_zh}。",
        "The parent {parent} of place {value} {reason_en}.",
        "把 parent 改为 data/places.yml 中一个更高层级地点的 id。",
        "Set parent to the id of a higher-level place in data/places.yml.",
    ),
    "bad-date": (
        "字段 {field} 的值 {value} 不是 YYYY-MM-DD 格式的日期。",
        "Field {field} value {value} is not a YYYY-MM-DD date.",
        "写成 2022-03-03 这样的日期。",
        "Write a date like 2022-03-03.",
    ),
    "out-of-range": (
        "字段 {field} 的值 {value} 超出范围 {low}–{high}。",
        "Field {field} value {value} is outside {low}–{high}.",
        "填写来源所载的年份。",
        "Use the year the source states.",
    ),
}


def register(messages: dict[str, tuple[str, str, str, str]]) -> None:
    """Add the wording of another module's problems (the content guard's, the markers'). A code may be
    registered once: two checks that chose the same code would otherwise overwrite each other's text."""
    taken = sorted(code for code in set(messages) & set(MESSAGES) if MESSAGES[code] != messages[code])
    if taken:
        raise ValueError(f"problem codes registered twice: {', '.join(taken)}")
    for code, texts in messages.items():
        if len(texts) != 4:
            raise ValueError(f"{code}: a message is (zh message, en message, zh fix, en fix)")
    MESSAGES.update(messages)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, with everything a person needs to fix it."""

    path: str
    code: str
    line: int | None = None
    field: str | None = None
    params: dict[str, object] = dc_field(default_factory=dict, compare=False, hash=False)

    def _texts(self) -> tuple[str, str, str, str]:
        params = {"field": self.field, **self.params}
        return tuple(text.format(**params) for text in MESSAGES[self.code])  # type: ignore[return-value]

    @property
    def where(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where} [{self.field}]" if self.field else where

    def format(self) -> str:
        zh, en, fix_zh, fix_en = self._texts()
        return f"{self.where}\n  错误：{zh}\n  修改：{fix_zh}\n  Error: {en}\n  Fix: {fix_en}"

    def __str__(self) -> str:
        return self.format()


class CatalogueError(Exception):
    """Raised with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or ""))
        count = len(self.problems)
        head = f"目录检查发现 {count} 个问题 / The catalogue check found {count} problem(s):"
        super().__init__("\n\n".join([head, *(p.format() for p in self.problems)]))


def display_path(path: object, root: object | None = None) -> str:
    """A path as people see it in the repository: relative to the project root, with slashes."""
    p = PurePosixPath(str(path).replace("\\", "/"))
    if root is not None:
        r = PurePosixPath(str(root).replace("\\", "/"))
        try:
            return str(p.relative_to(r))
        except ValueError:
            pass
    return str(p)
