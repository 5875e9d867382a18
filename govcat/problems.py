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
    "termbase-missing": (
        "模式“{zh}”有英文译本，但英文术语表中没有它的译名。",
        "The model “{zh}” has an English translation, but the termbase has no English name for it.",
        "在 data/termbase.yml 登记一条：zh: {zh}，en: 英文名；英文标题写成“英文名 (拼音)”。",
        "Add an entry to data/termbase.yml (zh: {zh}, en: the English name); write the title as “English name (pinyin)”.",
    ),
    "termbase-title": (
        "英文标题 {value} 没有使用术语表中“{zh}”的译名 {en}。",
        "The English title {value} does not use the termbase's name for “{zh}”: {en}.",
        "把标题写成“{en} (拼音)”；要改译名，就改 data/termbase.yml 中的这一条，再让所有英文页面跟着改。",
        "Write the title as “{en} (pinyin)”; to change the name, change its entry in data/termbase.yml "
        "and every English page with it.",
    ),
    "termbase-link": (
        "指向“{zh}”的链接文字 {value} 不是术语表中的译名 {en}。",
        "The link text {value} for “{zh}” is not the termbase's name {en}.",
        "把链接文字改为 {en}（大小写、引号和句首的 the 不限）；需要描述时写在链接之外。",
        "Use {en} as the link text (case, quotation marks and a leading “the” may differ); put any description outside the link.",
    ),
    "termbase-avoid": (
        "英文页面写了 {value}；术语表规定“{zh}”译作 {en}。",
        "The English page writes {value}; the termbase renders “{zh}” as {en}.",
        "改为 {en}。这个写法列在 data/termbase.yml 该条的 avoid 中。",
        "Use {en}. This wording is listed under avoid in that entry of data/termbase.yml.",
    ),
    "termbase-mismatch": (
        "括号中的“{zh}”前面的英文（…{value}）不是术语表中的译名 {en}。",
        "The English before “{zh}” in brackets (…{value}) is not the termbase's term {en}.",
        "在括号前写 {en}；若确需别的译名，先改 data/termbase.yml。",
        "Write {en} before the bracket; to use another rendering, change data/termbase.yml first.",
    ),
    "termbase-conflict": (
        "术语表给“{zh}”的译名 {en} 与 data/vocabulary.yml 中的 {other} 不同：一个中文术语只能有一个英文译名。",
        "The termbase renders “{zh}” as {en}, but data/vocabulary.yml has {other}: one Chinese term has one English term.",
        "删除术语表中的这一条，或让两处一致。",
        "Delete this termbase entry, or make the two agree.",
    ),
    "glossary-wrong-form": (
        "词表把它转成 {value}，其中的 {wrong} 列在 data/zh-hant-wrong.yml 中，是已知的错误写法。",
        "The glossary turns it into {value}, which contains {wrong}, a known wrong form listed in data/zh-hant-wrong.yml.",
        "改用 {right}；若 {wrong} 其实是对的，先从 data/zh-hant-wrong.yml 删除那一行并写明理由。",
        "Use {right}; if {wrong} is in fact right, first remove that line from data/zh-hant-wrong.yml and say why.",
    ),
    "out-of-range": (
        "字段 {field} 的值 {value} 超出范围 {low}–{high}。",
        "Field {field} value {value} is outside {low}–{high}.",
        "填写来源所载的年份。",
        "Use the year the source states.",
    ),
    # --- the source archive and what is checked against it (govcat/archive.py, govcat/verify.py) ---
    "archive-path": (
        "存档文件写成了 {value}，应为 {expected}。",
        "The archive file is given as {value}; it must be {expected}.",
        "把存档放在 {expected}（以来源 id 命名），并把 archive.file 改成这个路径。",
        "Keep the archive at {expected} (named after the source id) and set archive.file to that path.",
    ),
    "archive-missing": (
        "找不到来源存档文件 {value}。",
        "The source archive {value} does not exist.",
        "把来源原文存为 {value}（UTF-8，每段一行，去掉注入的广告并在 archive.removed 中记录），"
        "做法见 CONTRIBUTING.md 的“来源存档”。",
        "Save the source's text as {value} (UTF-8, one paragraph per line, injected ads removed and recorded under "
        "archive.removed); see “来源存档” in CONTRIBUTING.md.",
    ),
    "archive-not-utf8": (
        "存档文件不是 UTF-8 编码：{detail}",
        "The archive file is not UTF-8: {detail}",
        "用 UTF-8 重新保存（例如 iconv -f GB18030 -t UTF-8）。",
        "Save it again as UTF-8 (e.g. iconv -f GB18030 -t UTF-8).",
    ),
    "archive-empty": (
        "存档文件是空的。",
        "The archive file is empty.",
        "把抓取到的来源原文放进这个文件，每段一行。",
        "Put the captured text of the source in it, one paragraph per line.",
    ),
    "archive-spam": (
        "存档里有疑似被注入的广告文字（{category_zh}）：{match}。",
        "The archive holds what looks like injected advertising ({category_en}): {match}.",
        "从存档中删去这段文字，并在 data/sources.yml 该来源的 archive.removed 中记录删去了什么、为什么（可用描述代替原文）。",
        "Delete it from the archive and record under the source's archive.removed in data/sources.yml what was "
        "removed and why (a description will do).",
    ),
    "archive-orphan": (
        "存档文件 {value} 没有对应的来源登记。",
        "The archive file for {value} belongs to no registered source.",
        "在 data/sources.yml 登记 id 为 {value} 的来源并写上 archive，或删除这个文件。",
        "Register a source with id {value} and its archive in data/sources.yml, or delete the file.",
    ),
    "quote-label": (
        "引文标签 **{value}** 不是本库的标签（{allowed}），这段引文不会被核对。",
        "The quotation label **{value}** is not one of the catalogue's labels ({allowed}), so it would go unchecked.",
        "改用 **原文摘录**：（中文页面）或 **原文**：（英文页面中的中文原文）。",
        "Use **原文摘录**： (Chinese pages) or **原文**： (the Chinese original on English pages).",
    ),
    "quote-translation-unpaired": (
        "译文引文（{label}）后面没有紧跟它的中文原文。",
        "The translated quotation ({label}) is not followed by its Chinese original.",
        "在它后面加一个以 > **原文**： 开头的引文块，逐字抄录所译的原文（构建时会核对）。",
        "Follow it with a blockquote starting > **原文**： holding the original it translates, verbatim (it is checked).",
    ),
    "quote-empty": (
        "{label} 引文是空的。",
        "The {label} quotation is empty.",
        "在标签后写上摘录的原文，或删除这个引文块。",
        "Write the quoted text after the label, or remove the blockquote.",
    ),
    "quote-uncited": (
        "这段{label}出自来源 {value}，但本页没有引用它（本页引用：{cited}）。",
        "This {label} quotation comes from source {value}, which the page does not cite (the page cites: {cited}).",
        "在本页 sources 中加上 {value}（附 locator），或删去这段摘录。",
        "Add {value} (with a locator) to the page's sources, or remove the quotation.",
    ),
    "quote-no-source": (
        "这段{label}无从核对：本页引用的来源（{cited}）都没有可用的存档。",
        "This {label} quotation cannot be checked: none of the sources the page cites ({cited}) has a usable archive.",
        "在 sources 中引用摘录所出的来源；来源须在 data/sources.yml 登记并有 archive（见 CONTRIBUTING.md 的“来源存档”）。",
        "Cite the source the quotation comes from; it must be registered in data/sources.yml with an archive "
        "(see “来源存档” in CONTRIBUTING.md).",
    ),
    "quote-not-found": (
        "这段{label}在本页所引来源（{cited}）的存档中找不到。最接近的是 {archive}:{archive_line}“{passage}”，"
        "相似度 {percent}%，有 {changed} 个字不同：{diffs_zh}。",
        "This {label} quotation is not in the archive of the sources the page cites ({cited}). The closest passage is "
        "{archive}:{archive_line} “{passage}”, {percent}% similar, {changed} character(s) differ: {diffs_en}.",
        "照存档逐字改正（繁简、全半角、标点写法和空格的差别已忽略）；省略的部分用“……”标出；"
        "若摘自另一来源，先登记并存档该来源，再在 sources 中引用。",
        "Correct it to the archive's wording (script, width, punctuation style and spaces are already ignored); mark "
        "omissions with “……”; if it comes from another source, register and archive that source and cite it.",
    ),
    "number-not-found": (
        "数字 {value} 在所引来源的存档（{archives}）中找不到。",
        "The number {value} is not in the archive of the sources cited ({archives}).",
        "照来源改正这个数字（连同“余”“多”）；来源没有的数字不要写；若出自另一来源，引用并存档该来源。"
        "编号、日期和引文不在此列，见 CONTRIBUTING.md 的“数字核对”。",
        "Correct the number (with its 余/多) to the source; leave out numbers no source states; if it comes from "
        "another source, cite and archive that source. Numbering, dates and quotations are exempt: "
        "see “数字核对” in CONTRIBUTING.md.",
    ),
    "number-qualifier": (
        "数字 {value} 的限定词与来源不符：来源写的是 {found}（{archive}:{archive_line}），这里是{qualifier_zh}。",
        "The number {value} is qualified differently from the source: the source says {found} ({archive}:{archive_line}), "
        "this says {qualifier_en}.",
        "照录来源的“余”“多”：写成 {found}。",
        "Copy the source's 余/多 exactly: write {found}.",
    ),
    "figure-not-found": (
        "数据 {value} 在来源 {source} 的存档 {archive} 中找不到（阿拉伯数字和中文数字都查过）。",
        "The figure {value} is not in the archive {archive} of source {source} (in digits or in Chinese numerals).",
        "照来源改正 value 和 qualifier；若数据出自另一来源，把 source 改为那个已存档的来源。",
        "Correct value and qualifier to the source; if the figure comes from another source, "
        "set source to that (archived) source.",
    ),
    "figure-section": (
        "数据 {value} 出现在 {archive}:{archive_line}，不在 locator 所指的部分（{locator}，存档第 {first}–{last} 行）。",
        "The figure {value} occurs at {archive}:{archive_line}, outside the part its locator names ({locator}, archive "
        "lines {first}–{last}).",
        "改正 locator 或数值，使两者一致。",
        "Correct the locator or the value so that they agree.",
    ),
    "figure-text": (
        "text“{text}”里没有数值 {value}。",
        "The text “{text}” does not contain the value {value}.",
        "text 照录来源原话，其中要有这个数（阿拉伯数字或中文数字）；或者改正 value。",
        "text copies the source's wording, which must contain the number (in digits or Chinese numerals); or correct value.",
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
    def texts(self) -> tuple[str, str, str, str]:
        """What is wrong and how to fix it: (zh message, en message, zh fix, en fix)."""
        return self._texts()

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
