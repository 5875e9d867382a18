"""Content guard: catch injected spam, unsafe HTML and look-alike characters before they are published.

Government pages are often defaced with injected ad lines, and the article this catalogue starts from
ends with one (影音先锋女色资源下载). Text copied from such a page, a careless paste or a hostile pull
request must not reach readers, so every Markdown page and data file is checked here:

- spam and ad text, from the maintained phrase list in ``guard_patterns.yml``, matched as written and on a
  folded form (Traditional folded to Simplified, full width to half width, look-alike radicals to the
  characters they imitate, separators between spaced-out single characters removed), because injected
  text arrives in either script and in disguise;
- anything that makes the reader's browser load a file from another host (images, media, style sheets):
  tracking, slow or blocked in mainland China, and gone when that host goes;
- raw HTML outside a small allowlist, event handlers, ``javascript:``/``data:``/``vbscript:`` URLs,
  attribute lists that add handlers or styles, and HTML comments that hide prose;
- links that are not https, link text that shows one address and points to another, and host
  names that mix Latin with Cyrillic or Greek look-alikes;
- Kangxi and CJK radicals, compatibility ideographs, invisible, bidi, control and private-use
  characters, which break search or hide text; and long runs of one repeated character.

Pure functions over plain text: no MkDocs here. Code blocks and inline code are exempt from the HTML
and link checks (they are shown as code, not run), but not from the spam and character checks.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .i18n import Converter
from .problems import Problem, display_path, register

PATTERNS_FILE = Path(__file__).with_name("guard_patterns.yml")

# Raw HTML allowed in pages, with the attributes allowed on each tag. Everything else is written in Markdown.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "abbr": frozenset({"title"}),
    "br": frozenset(),
    "kbd": frozenset(),
    "mark": frozenset(),
    "sub": frozenset(),
    "sup": frozenset(),
    "span": frozenset({"class", "markdown"}),
    "div": frozenset({"class", "markdown"}),
    "em": frozenset(),
    "strong": frozenset(),  # interface strings in data/strings-*.yml emphasise numbers with it
}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})
# attr_list keys that would re-point or restyle an element: { href="…" } on a link hides its real target.
ATTR_LIST_FORBIDDEN = frozenset({"style", "href", "src", "srcdoc", "action", "formaction", "xlink:href"})
REPEAT_LIMIT = 30  # a run of one character this long breaks a phone's layout or hides nothing useful
REPEAT_EXEMPT = set("-=_*~#|:.`+ \t　")  # Markdown rules, tables, headings and fences repeat these
INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")  # fillers that render as blanks
TLDS = ("com", "cn", "net", "org", "gov", "edu", "info", "io", "top", "xyz", "cc", "me", "co", "hk", "tw",
        "mo", "site", "online", "vip", "club", "shop", "app", "dev", "biz", "tv")

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
_ATTR = re.compile(r"""([^\s/=<>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'<>`]+))?""")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)", re.M)
_REF_LINK = re.compile(r"(?<![!\]])\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\[([^\[\]\n]*)\]")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_RAW_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'`()\[\]{}（）【】「」『』，。、；！？“”]+", re.I)
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:(?:[#.][\w-]+|[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\"'}]+))[ \t]*)+)\}")
_ATTR_LIST_KEY = re.compile(r"""([\w:-]+)=("[^"]*"|'[^']*'|[^\s"'}]+)""")
_DOMAIN_TEXT = re.compile(
    r"^(?:(?P<scheme>[a-z][a-z0-9+.-]*://)|(?P<www>www\.))?(?P<host>(?:[^\s/?#:@.]+\.)+[^\s/?#:@.]{2,})"
    r"(?::\d+)?(?:[/?#]\S*)?$")
# A run of single letters or characters with separators between them (影.音.先.锋, 澳·门·新·葡·京, “资”“源”):
# spam spelled out to slip past phrase lists. Two-character words between separators (个人，妻子) are not a run.
_SPACED_RUN = re.compile(r"(?<![^\W_])[^\W_](?:(?:[^\w\n]|_)+[^\W_]){2,}(?![^\W_])")
_SEPARATORS = re.compile(r"(?:[^\w\n]|_)+")
# Attributes and CSS that make the browser fetch a file (links that a reader follows are not among them).
_RESOURCE_ATTRS = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href", "lowsrc", "dynsrc"})
_CSS_URL = re.compile(r"""(?:url\(\s*(['"]?)([^'")\s]+)\1\s*\)|@import\s+(['"])([^'"]+)\3)""", re.I)
_IMAGE_REF = re.compile(r"!\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](?:\[([^\[\]\n]*)\])?(?![(\[:])")
_YAML_KEY = re.compile(r"^([ \t]*)(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
_SPACE = re.compile(r"[^\S\n]+")  # white space within a line
_NEWLINE = re.compile("\n")
_REPEAT = re.compile(r"(.)\1{" + str(REPEAT_LIMIT - 1) + ",}")


_ALLOW_HINT_ZH = ("若这是正当内容被误判，在 govcat/guard_patterns.yml 的 allow 中登记该说法（附理由），"
                  "并在 tests/test_guard.py 加一条测试。")
_ALLOW_HINT_EN = ("If legitimate text was caught, add the phrase to allow in govcat/guard_patterns.yml with a note, "
                  "and a test to tests/test_guard.py.")

# code -> (zh message, en message, zh fix, en fix), as in govcat.problems.
register({
    "guard-spam": (
        "疑似被注入的广告文字（{category_zh}）：{match}。",
        "Looks like injected advertising ({category_en}): {match}.",
        "删除这段文字。政府网站页面常被注入这类广告，复制来源原文时不要带上，它绝不能发布。" + _ALLOW_HINT_ZH,
        "Delete it. Government pages are often defaced with such ads; never copy them from a source. " + _ALLOW_HINT_EN,
    ),
    "guard-lookalike": (
        "第 {column} 个字符 {char} 是{kind_zh}，看起来像 {correct}，但搜索和排序把它当作另一个字。",
        "Character {column}, {char}, is {kind_en} that looks like {correct}, but search and sorting treat it as "
        "a different character.",
        "改为 {correct}。这类字符常来自 PDF 或网页复制。",
        "Replace it with {correct}. Such characters usually come from copying out of a PDF or a web page.",
    ),
    "guard-radical": (
        "第 {column} 个字符 {char} 是{kind_zh}，不是正常汉字，搜索找不到它。",
        "Character {column}, {char}, is {kind_en}, not an ordinary character; search cannot find it.",
        "用输入法重新输入这个字。",
        "Retype the character with an ordinary input method.",
    ),
    "guard-invisible": (
        "第 {column} 个字符是看不见的字符 {char}，它会拆散词语、打乱文字方向或藏起文字。",
        "Character {column} is the invisible character {char}; it splits words, reorders text or hides it.",
        "删除它。编辑器里看不见：打开“显示不可见字符”，或把这一行删掉重新输入。",
        "Delete it. Editors do not show it: turn on “show invisible characters”, or retype the line.",
    ),
    "guard-control": (
        "第 {column} 个字符是控制字符 {char}。",
        "Character {column} is the control character {char}.",
        "删除它；换行用回车，缩进用空格。",
        "Delete it; use line breaks and spaces instead.",
    ),
    "guard-private-use": (
        "第 {column} 个字符 {char} 属于私用区，只在某些字体里有字形，别处显示为方框或别的字。",
        "Character {column}, {char}, is a private-use character: it shows only in some fonts, and as a box or "
        "another glyph elsewhere.",
        "改为标准汉字或符号（常见于从 Word 或图标字体复制的文字）。",
        "Replace it with a standard character (it usually comes from Word or an icon font).",
    ),
    "guard-repeated": (
        "同一个字符 {char} 连续出现 {count} 次，会撑破手机页面或藏起内容。",
        "The character {char} is repeated {count} times in a row; it breaks the page on phones or hides content.",
        "删掉重复的部分；分隔线用单独一行 ---。",
        "Remove the run; for a divider use a line containing only ---.",
    ),
    "guard-html-tag": (
        "不允许的 HTML 标签 {tag}。页面里只允许 {allowed}。",
        "HTML tag {tag} is not allowed. Pages may only use {allowed}.",
        "改用 Markdown 写（链接 [文字](https://…)、图片 ![说明](图片.png)、提示框 !!! note）；"
        "要显示尖括号本身，写成 &lt; 或放进 `代码`。",
        "Write it in Markdown (links [text](https://…), images ![alt](image.png), admonitions !!! note); to show an "
        "angle bracket, write &lt; or put it in `code`.",
    ),
    "guard-html-attr": (
        "<{tag}> 上不允许属性 {attr}。允许的属性：{allowed}。",
        "Attribute {attr} is not allowed on <{tag}>. Allowed attributes: {allowed}.",
        "删除这个属性。",
        "Remove the attribute.",
    ),
    "guard-html-event": (
        "{tag} 上的事件属性 {attr} 会在读者的浏览器里运行脚本。",
        "The event attribute {attr} on {tag} runs a script in the reader's browser.",
        "删除它。页面里不能有脚本。",
        "Remove it. Pages may not carry scripts.",
    ),
    "guard-attr-list": (
        "属性列表 {{ … }} 中的 {attr} 会改变元素的去向或样式，读者看不出来。",
        "{attr} in an attribute list {{ … }} changes where an element points or how it looks, unseen by readers.",
        "删除它；链接地址写在 (…) 里，样式写在主题的样式表里。",
        "Remove it; put link targets in (…) and styles in the theme's stylesheet.",
    ),
    "guard-unsafe-url": (
        "不允许 {scheme}: 地址：{url}。这类地址可以运行脚本或嵌入任意内容。",
        "{scheme}: URLs are not allowed: {url}. They can run scripts or embed arbitrary content.",
        "链接到 https:// 地址；图片放在页面旁边并用相对路径引用。",
        "Link to an https:// address; keep images beside the page and use a relative path.",
    ),
    "guard-insecure-link": (
        "外部链接 {url} 不是 https，读者的网络可能篡改它。",
        "The external link {url} is not https; the reader's network can tamper with it.",
        "改为 {https}，并确认该地址能打开；没有 https 版本的网页不要链接。",
        "Change it to {https} and check that it opens; do not link to pages that have no https version.",
    ),
    "guard-homoglyph-url": (
        "网址 {url} 的域名里有看起来像拉丁字母的其他文字：{chars}，它会把读者带到另一个网站。",
        "The host of {url} contains characters that look like Latin letters: {chars}; it leads to another site.",
        "用键盘重新输入域名。",
        "Retype the host name with a plain keyboard.",
    ),
    "guard-link-text": (
        "链接文字 {text} 看起来是一个网址，实际却指向 {url}。",
        "The link text {text} looks like an address, but the link goes to {url}.",
        "让链接文字和目标一致，或改用描述性的文字（例如来源标题）。",
        "Make the text match the target, or use descriptive text such as the source's title.",
    ),
    "guard-html-comment": (
        "HTML 注释“{text}”会随页面发布，读者看不到，但任何人都能在源码里读到它。",
        "The HTML comment “{text}” is published with the page: hidden from readers, readable by anyone in the source.",
        "删除注释；给维护者的说明写进拉取请求，待补充的内容在正文里写“待补充”。"
        "只允许机器标记，如 <!-- md:marker -->。",
        "Delete it; notes for maintainers go in the pull request, missing content is written as 待补充 in the text. "
        "Only machine markers such as <!-- md:marker --> are allowed.",
    ),
    "guard-html-comment-unclosed": (
        "HTML 注释 <!-- 没有结束的 -->，它后面的整页内容都会消失。",
        "The HTML comment <!-- is never closed with -->; everything after it disappears from the page.",
        "删除 <!--，或在注释结束处加上 -->。",
        "Remove <!--, or close the comment with -->.",
    ),
    "guard-not-utf8": (
        "文件不是 UTF-8 编码：{detail}",
        "The file is not UTF-8: {detail}",
        "在编辑器里以 UTF-8 编码重新保存。",
        "Save it again as UTF-8 in your editor.",
    ),
    "guard-remote-resource": (
        "{what}会让读者的浏览器从另一个网站（{host}）加载文件：在中国大陆可能很慢或被拦截，"
        "对方能看到谁在读这一页，对方网站一变，页面就坏了。",
        "{what_en} makes the reader's browser load a file from another site ({host}): slow or blocked in mainland "
        "China, it tells that site who reads the page, and the page breaks when that site changes.",
        "把文件下载保存到 docs/assets/ 下（例如 docs/assets/images/），用相对路径引用，并在图注或正文注明出处"
        "（来源和原网址）。只想让读者点开的网址，写成普通链接 [文字](https://…)，不要写成图片或嵌入。",
        "Save the file under docs/assets/ (for example docs/assets/images/), refer to it by a relative path, and say "
        "where it came from (source and original address) in the caption or text. An address readers may choose "
        "to open is an ordinary link [text](https://…), not an image or an embed.",
    ),
    "guard-raw-file": (
        "docs/ 里不允许 {suffix} 文件：MkDocs 会原样发布它，包括其中的脚本。",
        "{suffix} files are not allowed in docs/: MkDocs publishes them as they are, scripts included.",
        "把内容写成 Markdown 页面；页面模板放在 overrides/。",
        "Write the content as a Markdown page; page templates live in overrides/.",
    ),
})


@dataclass(frozen=True)
class Rules:
    """The maintained lists from ``guard_patterns.yml``, compiled."""

    categories: dict[str, tuple[str, str]]
    phrases: dict[str, str]  # normalised phrase -> category
    phrase_rx: re.Pattern[str]  # every phrase at once, overlapping matches included
    patterns: tuple[tuple[re.Pattern[str], str, bool], ...]  # (regex, category, matched with spaces kept)
    allow: tuple[str, ...]
    allow_rx: re.Pattern[str] | None
    comment_markers: tuple[re.Pattern[str], ...]
    radicals: dict[str, str]


@functools.lru_cache(maxsize=4)
def load_rules(path: Path = PATTERNS_FILE) -> Rules:
    """Read and compile the pattern file; raises ValueError naming the bad entry."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    categories = {k: (v["zh"], v["en"]) for k, v in data["categories"].items()}

    def category(entry: dict, where: str) -> str:
        if entry.get("category") not in categories:
            raise ValueError(f"{path}: {where} has unknown category {entry.get('category')!r}")
        return entry["category"]

    phrases = {_normalise(str(e["text"])): category(e, f"phrase {e['text']!r}") for e in data["phrases"]}
    longest_first = sorted(phrases, key=len, reverse=True)
    first = "".join(sorted({re.escape(p[0]) for p in phrases}))  # lets the engine skip most positions fast
    phrase_rx = re.compile(f"(?=[{first}])(?=(" + "|".join(map(re.escape, longest_first)) + "))")
    patterns = []
    for e in data["patterns"]:
        try:
            patterns.append((re.compile(e["regex"]), category(e, f"pattern {e['regex']!r}"), bool(e.get("spaced"))))
        except re.error as exc:
            raise ValueError(f"{path}: pattern {e['regex']!r} is not a valid regular expression: {exc}") from None
    allow = tuple(_normalise(str(e["text"])) for e in data.get("allow") or [])
    allow_rx = re.compile("(?=(" + "|".join(map(re.escape, allow)) + "))") if allow else None
    return Rules(categories, phrases, phrase_rx, tuple(patterns), allow, allow_rx,
                 tuple(re.compile(m) for m in data.get("comment_markers") or []),
                 {str(k): str(v) for k, v in (data.get("radical_lookalikes") or {}).items()})


def _normalise(text: str) -> str:
    """What spam matching sees: NFKC (ＱＱ → qq), lower case, no white space (资 源 → 资源)."""
    return _SPACE.sub("", _nfkc(text).lower())


# Full-width punctuation that Chinese prose is full of, with its NFKC form. Replacing a character by
# its NFKC form keeps the text compatibility-equivalent, so when the result is already in NFKC it *is*
# the NFKC form of the text; the quick check tells, and anything else takes the full normalisation.
_COMMON_NFKC = tuple((ch, unicodedata.normalize("NFKC", ch)) for ch in "，：；（）！？\u3000［］｛｝％＋－＝～")


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, about twice as fast on Chinese prose."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    out = text
    for ch, nfkc in _COMMON_NFKC:
        if ch in out:
            out = out.replace(ch, nfkc)
    return out if unicodedata.is_normalized("NFKC", out) else unicodedata.normalize("NFKC", text)


class _Text:
    """One file's text with what every check needs: lines, offsets, code masked, front matter found."""

    def __init__(self, path: str, text: str, first_line: int):
        self.path = path
        self.first_line = first_line
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = self.text.split("\n")
        self.yaml = path.endswith((".yml", ".yaml"))
        self.fm_end = -1  # index of the closing --- of front matter, if any
        if not self.yaml and first_line == 1 and self.lines and self.lines[0].lstrip("\ufeff").rstrip() == "---":
            self.fm_end = next((i for i in range(1, len(self.lines)) if self.lines[i].rstrip() in ("---", "...")), -1)
        self.masked = self._mask()

    @functools.cached_property
    def starts(self) -> list[int]:
        """Offset of each line's first character (only needed once something was found)."""
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return starts

    def _mask(self) -> str:
        """The text with fenced and inline code blanked out, offsets and newlines kept."""
        if "`" not in self.text and "~~~" not in self.text:
            return self.text  # no fence and no inline code: nothing to blank out
        out: list[str] = []
        fence: str | None = None
        for line in self.lines:
            m = _FENCE.match(line)
            if fence is None and m:
                fence = m.group(1)
                out.append(" " * len(line))
            elif fence is not None:
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                    fence = None
                out.append(" " * len(line))
            else:
                out.append(_INLINE_CODE.sub(lambda c: " " * len(c.group(0)), line))
        return "\n".join(out)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def field_of(self, index: int) -> str | None:
        """The YAML key a line belongs to, in a data file or in front matter; None in the body."""
        if not (self.yaml or index <= self.fm_end):
            return None
        indent = len(self.lines[index]) - len(self.lines[index].lstrip())
        for i in range(index, -1, -1):
            m = _YAML_KEY.match(self.lines[i])
            if m and len(m.group(1)) <= indent:
                return m.group(2)
            if self.lines[i].strip() and not self.lines[i].lstrip().startswith("#"):
                indent = min(indent, len(self.lines[i]) - len(self.lines[i].lstrip()))
        return None

    def problem(self, code: str, index: int, **params: object) -> Problem:
        return Problem(self.path, code, self.first_line + index, self.field_of(index), params)


def check_text(path: str, text: str, *, first_line: int = 1) -> list[Problem]:
    """Every guard problem in one file's text (or a part of it that starts on ``first_line``)."""
    t = _Text(path, text, first_line)
    rules = load_rules()
    problems = [*_check_chars(t, rules), *_check_spam(t, rules), *_check_repeats(t),
                *_check_html(t, rules), *_check_links(t), *_check_remote(t)]
    unique: dict[tuple, Problem] = {}
    for p in problems:
        unique.setdefault((p.line, p.code, tuple(sorted((k, str(v)) for k, v in p.params.items()))), p)
    return sorted(unique.values(), key=lambda p: (p.line or 0, p.code))


def check_tree(root: Path, docs_dir: Path, data_dir: Path) -> list[Problem]:
    """Check every Markdown and YAML file under ``docs_dir`` and every YAML file under ``data_dir``."""
    root, docs_dir, data_dir = Path(root), Path(docs_dir), Path(data_dir)
    problems: list[Problem] = []
    docs_files = sorted(p for p in docs_dir.rglob("*") if p.is_file())  # listed once, for both loops
    files = [p for p in docs_files if p.suffix in (".md", ".yml", ".yaml")]
    files += [p for p in sorted(data_dir.rglob("*")) if p.suffix in (".yml", ".yaml") and p.is_file()]
    for path in files:
        shown = display_path(path, root)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(shown, "guard-not-utf8", None, None, {"detail": str(exc)}))
            continue
        problems.extend(check_text(shown, text))
    for path in docs_files:
        if path.suffix.lower() in (".html", ".htm", ".xhtml", ".shtml", ".php"):
            problems.append(Problem(display_path(path, root), "guard-raw-file", None, None, {"suffix": path.suffix}))
        elif path.suffix.lower() == ".css":
            problems.extend(_check_css(display_path(path, root), path.read_text("utf-8", "replace")))
        elif path.suffix.lower() == ".svg" and re.search(
                r"<script|\son\w+\s*=|javascript:|<foreignObject", path.read_text("utf-8", "replace"), re.I):
            problems.append(Problem(display_path(path, root), "guard-raw-file", None, None, {"suffix": ".svg"}))
    return problems


# --- characters -------------------------------------------------------------------------------------------

def _describe(ch: str) -> str:
    return f"{ch if ch.isprintable() and not ch.isspace() else ''} (U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')})"


@functools.lru_cache(maxsize=1)
def _suspect_chars() -> re.Pattern[str]:
    """Every character the character check may report, as one class, so clean text costs one search."""
    # Format and separator characters live in planes 0, 1 and 14 (tags); scanning only those keeps
    # start-up short (the whole code space takes half a second).
    planes = (*range(0x20000), *range(0xE0000, 0xE1000))
    points = {c for c in planes if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp")}
    points |= {ord(c) for c in INVISIBLE_LETTERS} | {*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)}
    blocks = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F), (0xE000, 0xF8FF), (0xF0000, 0x10FFFF))
    ranges: list[list[int]] = []
    # merged into ranges: a long class of single characters is slow to match (the blocks are merged
    # as ranges, not listed point by point: that alone took longer than the scan)
    for low, high in sorted([(c, c) for c in points] + list(blocks)):
        if ranges and low <= ranges[-1][1] + 1:
            ranges[-1][1] = max(ranges[-1][1], high)
        else:
            ranges.append([low, high])
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
                      + "]")


def _check_chars(t: _Text, rules: Rules) -> Iterator[Problem]:
    seen: set[tuple[int, str]] = set()  # each character once per line
    for found in _suspect_chars().finditer(t.text):
        ch, index = found.group(0), t.line_of(found.start())
        col, cp, cat = found.start() - t.starts[index] + 1, ord(ch), unicodedata.category(ch)
        if (index, ch) in seen or (ch == "\ufeff" and found.start() == 0 and t.first_line == 1):
            continue  # a BOM at the very start of a file is an encoding mark, not content
        seen.add((index, ch))
        if 0x2F00 <= cp <= 0x2FDF or 0x2E80 <= cp <= 0x2EFF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F:
            nfkc = unicodedata.normalize("NFKC", ch)
            if cp >= 0xF900 and nfkc == ch:
                continue  # the twelve unified ideographs that live in the compatibility block
            correct = nfkc if nfkc != ch else rules.radicals.get(ch)
            kind = ("康熙部首", "a Kangxi radical") if 0x2F00 <= cp <= 0x2FDF else (
                ("部首补充字符", "a CJK radical") if cp < 0x2F00 else ("兼容汉字", "a CJK compatibility ideograph"))
            yield t.problem("guard-lookalike" if correct else "guard-radical", index, char=_describe(ch), column=col,
                            kind_zh=kind[0], kind_en=kind[1], correct=_describe(correct) if correct else "")
        elif cat == "Cc":
            yield t.problem("guard-control", index, char=_describe(ch), column=col)
        elif cat == "Co":
            yield t.problem("guard-private-use", index, char=_describe(ch), column=col)
        else:  # Cf, Zl, Zp and the blank fillers
            yield t.problem("guard-invisible", index, char=_describe(ch), column=col)


# --- spam -------------------------------------------------------------------------------------------------

def _check_spam(t: _Text, rules: Rules) -> Iterator[Problem]:
    """Match the whole file at once (lines joined by newlines), then group what was found by line."""
    lowered = _nfkc(t.text).lower()
    if lowered.count("\n") != len(t.lines) - 1:  # pragma: no cover - NFKC never makes or removes newlines
        lowered = "\n".join(unicodedata.normalize("NFKC", line).lower() for line in t.lines)
    found: dict[int, dict[str, str]] = {}  # line -> match -> category, in order of position

    def matches(text: str, pairs) -> None:
        if not pairs:
            return
        starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        for start, match, cat in pairs:
            found.setdefault(bisect.bisect_right(starts, start) - 1, {}).setdefault(match, cat)

    def phrases_and_patterns(norm: str) -> None:
        allow_rx = rules.allow_rx
        allowed = [(m.start(), m.start() + len(m.group(1))) for m in allow_rx.finditer(norm)] if allow_rx else []
        hits = [(m.start(), m.start() + len(m.group(1)), rules.phrases[m.group(1)])
                for m in rules.phrase_rx.finditer(norm)]
        hits += [(m.start(), m.end(), cat) for rx, cat, spaced in rules.patterns if not spaced
                 for m in rx.finditer(norm) if m.end() > m.start()]
        matches(norm, sorted((s, norm[s:e], cat) for s, e, cat in hits
                             if not any(a <= s and e <= b for a, b in allowed)))

    norm = _SPACE.sub("", lowered)
    phrases_and_patterns(norm)
    folded = fold(lowered, rules)
    if folded != norm:  # the same rules on the folded text: other script, spaced out, look-alikes
        phrases_and_patterns(folded)
    if any(spaced for _, _, spaced in rules.patterns) and re.search("[a-z]", norm):
        words = _SPACE.sub(" ", lowered)
        matches(words, [(m.start(), m.group(0), cat) for rx, cat, spaced in rules.patterns if spaced
                        for m in rx.finditer(words)
                        if m.group(0) and not any(_normalise(m.group(0)) in a for a in rules.allow if a in norm)])
    for index in sorted(found):
        cats = list(dict.fromkeys(found[index].values()))
        yield t.problem("guard-spam", index, match="、".join(f"“{m}”" for m in found[index]),
                        category_zh="、".join(rules.categories[c][0] for c in cats),
                        category_en=", ".join(rules.categories[c][1] for c in cats))


def fold(lowered: str, rules: Rules) -> str:
    """The text (NFKC, lower case) as spam is matched a second time: look-alike radicals replaced by the
    characters they imitate, Traditional folded to Simplified (the phrase list is Simplified), separators
    inside spaced-out runs of single characters removed (white space counts as one), then white space
    removed as in the first pass. Line breaks are kept, so lines still count."""
    if rules.radicals and any(ch in lowered for ch in rules.radicals):
        lowered = "".join(rules.radicals.get(ch, ch) for ch in lowered)
    if any("\u3400" <= ch <= "\u9fff" for ch in lowered):
        lowered = _to_simplified()(lowered)
    return _SPACE.sub("", _SPACED_RUN.sub(lambda m: _SEPARATORS.sub("", m.group(0)), lowered))


@functools.lru_cache(maxsize=1)
def _to_simplified() -> Converter:
    return Converter("t2s")


def _check_repeats(t: _Text) -> Iterator[Problem]:
    for m in _REPEAT.finditer(t.text):  # one search of the whole text: a run never crosses a line break
        if m.group(1) not in REPEAT_EXEMPT:
            yield t.problem("guard-repeated", t.line_of(m.start()), char=_describe(m.group(1)), count=len(m.group(0)))


# --- HTML -------------------------------------------------------------------------------------------------

def _check_html(t: _Text, rules: Rules) -> Iterator[Problem]:
    text = t.masked
    for m in _COMMENT.finditer(text):
        body = " ".join(m.group(1).split())
        if not any(rx.search(body) for rx in rules.comment_markers):
            yield t.problem("guard-html-comment", t.line_of(m.start()), text=body[:40])
    without_comments = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    if (pos := without_comments.find("<!--")) >= 0:
        yield t.problem("guard-html-comment-unclosed", t.line_of(pos))
    for m in _TAG.finditer(without_comments):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if rest.startswith((":", "@")) or "@" in name:
            continue  # <https://…> or <name@example.com>: an autolink, checked with the links
        if closing:
            continue  # reported at the opening tag; a stray closing tag does nothing
        if name not in ALLOWED_TAGS:
            yield t.problem("guard-html-tag", t.line_of(m.start()), tag=f"<{name}>", allowed=_allowed_tags())
        for a in _ATTR.finditer(rest):
            attr, value = a.group(1).lower(), html.unescape((a.group(2) or "").strip("\"'"))
            line = t.line_of(m.start(3) + a.start())
            if attr.startswith("on"):
                yield t.problem("guard-html-event", line, attr=attr, tag=name)
            elif name in ALLOWED_TAGS and attr not in ALLOWED_TAGS[name]:
                yield t.problem("guard-html-attr", line, attr=attr, tag=name,
                                allowed=", ".join(sorted(ALLOWED_TAGS[name])) or "—")
            if value:
                yield from _check_url(t, line, value, attribute=True)
    for m in _ATTR_LIST.finditer(text):
        for a in _ATTR_LIST_KEY.finditer(m.group(1)):
            key, value = a.group(1).lower(), a.group(2).strip("\"'")
            line = t.line_of(m.start() + a.start())
            if key.startswith("on"):
                yield t.problem("guard-html-event", line, attr=key, tag="{ … }")
            elif key in ATTR_LIST_FORBIDDEN:
                yield t.problem("guard-attr-list", line, attr=key)
            yield from _check_url(t, line, value, attribute=True)


def _allowed_tags() -> str:
    return ", ".join(f"<{tag}>" for tag in ALLOWED_TAGS)


# --- links ------------------------------------------------------------------------------------------------

def _check_links(t: _Text) -> Iterator[Problem]:
    text = t.masked
    if "](" not in text and "://" not in text and "<" not in text and "]:" not in text:
        return  # every link form below needs one of these: most prose has none
    checked: set[int] = set()
    refs: dict[str, str] = {}
    for m in _REF_DEF.finditer(text):
        url = m.group(2).strip("<>")
        refs[" ".join(m.group(1).lower().split())] = url
        checked.add(m.start(2))
        yield from _check_url(t, t.line_of(m.start(2)), url)
    for m in _INLINE_LINK.finditer(text):
        url = m.group(3).strip("<>")
        checked.add(m.start(3) + (1 if m.group(3).startswith("<") else 0))
        yield from _check_url(t, t.line_of(m.start(3)), url)
        if not m.group(1):
            yield from _check_link_text(t, t.line_of(m.start()), m.group(2), url)
    for m in _REF_LINK.finditer(text):
        key = " ".join((m.group(2) or m.group(1)).lower().split())
        if key in refs:
            yield from _check_link_text(t, t.line_of(m.start()), m.group(1), refs[key])
    for m in _AUTOLINK.finditer(text):
        checked.add(m.start(1))
        yield from _check_url(t, t.line_of(m.start(1)), m.group(1))
    for m in _RAW_URL.finditer(text):
        if m.start() not in checked:
            yield from _check_url(t, t.line_of(m.start()), m.group(0))


def _check_url(t: _Text, index: int, url: str, *, attribute: bool = False) -> Iterator[Problem]:
    """One URL: no script or data schemes, https for anything that leaves the site, no look-alike host."""
    bare = "".join(ch for ch in html.unescape(url) if ch > " " and unicodedata.category(ch) not in ("Cf", "Cc"))
    lower = bare.lower()
    if lower.startswith(UNSAFE_SCHEMES):
        yield t.problem("guard-unsafe-url", index, url=_short(url), scheme=lower.split(":", 1)[0])
        return
    if attribute and "://" not in lower:
        return  # class names, titles and relative paths in attributes
    try:
        host = (urlsplit(bare).hostname or "") if "://" in bare else ""
    except ValueError:
        host = ""
    if lower.startswith(("http://", "ftp://")) and host not in LOCAL_HOSTS:
        yield t.problem("guard-insecure-link", index, url=_short(url), https="https://" + bare.split("://", 1)[1])
    if host and (mixed := _mixed_script(_decode_host(host))):
        yield t.problem("guard-homoglyph-url", index, url=_short(url), chars=mixed)


def _decode_host(host: str) -> str:
    labels = []
    for label in host.split("."):
        try:
            labels.append(label.encode("ascii").decode("idna") if label.startswith("xn--") else label)
        except UnicodeError:
            labels.append(label)
    return ".".join(labels)


def _mixed_script(host: str) -> str:
    """The Cyrillic, Greek, Armenian or full-width letters in a host name, described; '' if none."""
    odd = sorted({ch for ch in host if not ch.isascii() and unicodedata.name(ch, "").split(" ")[0]
                  in ("CYRILLIC", "GREEK", "ARMENIAN", "FULLWIDTH", "CHEROKEE")})
    return "、".join(_describe(ch) for ch in odd)


def _check_link_text(t: _Text, index: int, label: str, url: str) -> Iterator[Problem]:
    """Link text that looks like an address must be the address the link goes to."""
    shown = _DOMAIN_TEXT.match(re.sub(r"[*_`]", "", label).strip().lower())
    if not shown or not (shown["scheme"] or shown["www"] or shown["host"].rsplit(".", 1)[-1] in TLDS):
        return
    text_host = shown["host"].removeprefix("www.")
    try:
        target = (urlsplit(url).hostname or "").removeprefix("www.") if "://" in url else ""
    except ValueError:
        target = ""
    if target != text_host and not target.endswith("." + text_host):
        yield t.problem("guard-link-text", index, text=_short(label), url=_short(url))


# --- files from other hosts ------------------------------------------------------------------------------

def _remote_host(url: str) -> str | None:
    """The host a URL loads from when it is not this site: absolute or protocol-relative; None otherwise."""
    bare = "".join(ch for ch in html.unescape(url).strip().strip("<>") if ch > " ")
    if not bare.startswith("//") and "://" not in bare[:12]:
        return None  # relative, a fragment, or a scheme such as mailto: that loads nothing
    try:
        host = urlsplit(bare if "://" in bare[:12] else "https:" + bare).hostname or ""
    except ValueError:
        host = ""
    return None if host in LOCAL_HOSTS else (host or bare[:40])


def _check_remote(t: _Text) -> Iterator[Problem]:
    """Images (inline, by reference), HTML media and CSS that load from another host."""
    text = t.masked
    if "//" not in text:
        return  # every remote address has it: most prose has none
    refs = {" ".join(m.group(1).lower().split()): (m.group(2).strip("<>"), t.line_of(m.start(2)))
            for m in _REF_DEF.finditer(text)}
    for m in _INLINE_LINK.finditer(text):
        if m.group(1) and (host := _remote_host(m.group(3))):
            yield t.problem("guard-remote-resource", t.line_of(m.start(3)), host=host,
                            what="Markdown 图片", what_en="A Markdown image")
    for m in _IMAGE_REF.finditer(text):
        key = " ".join((m.group(2) or m.group(1)).lower().split())
        if key in refs and (host := _remote_host(refs[key][0])):
            yield t.problem("guard-remote-resource", refs[key][1], host=host,
                            what="引用式 Markdown 图片", what_en="A Markdown image by reference")
    for m in _TAG.finditer(text):
        if m.group(1):
            continue
        tag = m.group(2).lower()
        for a in _ATTR.finditer(m.group(3)):
            attr, value = a.group(1).lower(), (a.group(2) or "").strip("\"'")
            fetches = attr in _RESOURCE_ATTRS or (attr == "href" and tag == "link")
            urls = [u.split()[0] for u in value.split(",") if u.strip()] if attr == "srcset" else [value]
            for url in urls if fetches else ():
                if host := _remote_host(url):
                    yield t.problem("guard-remote-resource", t.line_of(m.start(3) + a.start()), host=host,
                                    what=f"<{tag}> 的 {attr}", what_en=f"The {attr} of <{tag}>")
        if tag == "style" or "url(" in m.group(3).lower():
            yield from _css_problems(t, m.end() if tag == "style" else m.start(),
                                     text[m.end(): text.find("</", m.end())] if tag == "style" else m.group(3))


def _css_problems(t: _Text, offset: int, css: str) -> Iterator[Problem]:
    for c in _CSS_URL.finditer(css):
        if host := _remote_host(c.group(2) or c.group(4)):
            yield t.problem("guard-remote-resource", t.line_of(offset + c.start()), host=host,
                            what="样式里的 url() 或 @import", what_en="A url() or @import in CSS")


def _check_css(path: str, css: str) -> list[Problem]:
    """A style sheet under docs/: every url() and @import must stay on this site."""
    t = _Text(path, css, 1)
    return list(_css_problems(t, 0, t.text))


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    """``python -m govcat.guard [ROOT]``: check docs/ and data/ under ROOT (default: here) on their own."""
    import sys

    root = Path((argv if argv is not None else sys.argv[1:])[0] if (argv or sys.argv[1:]) else ".")
    problems = check_tree(root, root / "docs", root / "data")
    for problem in problems:
        print(problem.format(), end="\n\n")
    count = len(problems)
    print(f"内容检查发现 {count} 个问题 / The content guard found {count} problem(s).")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
