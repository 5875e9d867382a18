"""Split a Markdown file into front matter and body, and parse the front matter loudly.

MkDocs silently drops front matter that is not valid YAML and then publishes the YAML as page
text, so the catalogue parses it itself. A BOM and CRLF line endings are accepted.
Line numbers are those of the file, 1-based, so messages point where the editor points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .problems import Problem

FENCE = "---"
# libyaml's parser when PyYAML has it: one pass gives both the node tree (for line numbers) and
# the data, many times faster than the pure-Python parser on a large catalogue.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ImpossibleValue(ValueError):
    """A scalar YAML reads as a date or time that does not exist (2021-13-01, 2022-02-30)."""

    def __init__(self, node: yaml.ScalarNode, key: str | None):
        super().__init__(node.value)
        self.node, self.key = node, key


def _load(text: str) -> tuple[object, yaml.Node | None]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        try:
            return (loader.construct_document(node) if node is not None else None), node
        except (ValueError, OverflowError):  # PyYAML raises these, not a YAMLError, for impossible dates
            raise _impossible(loader, node) from None
    finally:
        loader.dispose()


def _impossible(loader, root: yaml.Node) -> ImpossibleValue | ValueError:
    """The first timestamp scalar under ``root`` that cannot be built, with the key it belongs to."""
    stack: list[tuple[yaml.Node, str | None]] = [(root, None)]
    while stack:
        node, key = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend((v, k.value if isinstance(k, yaml.ScalarNode) else key) for k, v in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, key) for v in reversed(node.value))
        elif node.tag == "tag:yaml.org,2002:timestamp":
            try:
                loader.construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                return ImpossibleValue(node, key)
    return ValueError("a value in this YAML cannot be read")


def impossible_problem(path: str, exc: ImpossibleValue, first_line: int) -> Problem:
    return Problem(path, "bad-date", first_line + exc.node.start_mark.line, exc.key, {"value": exc.node.value})


@dataclass
class Document:
    """A Markdown file read from disk: its metadata, body, and where things are."""

    path: str
    meta: dict
    body: str
    body_line: int  # file line on which the body starts
    lines: dict[object, int] = field(default_factory=dict)  # key or (key, index) -> file line
    has_front_matter: bool = False

    def line_of(self, key: str, index: int | None = None) -> int | None:
        if index is not None and (key, index) in self.lines:
            return self.lines[(key, index)]
        return self.lines.get(key)


def normalise(text: str) -> str:
    """Drop a BOM and turn CRLF/CR into LF: editors on every platform must work."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> tuple[str | None, str, int]:
    """Return (yaml text or None, body, body start line). Raises ValueError if unclosed."""
    text = normalise(text)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip() in (FENCE, "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    raise ValueError("unclosed front matter")


def parse(path: str, text: str) -> tuple[Document, list[Problem]]:
    """Parse one file. Problems are returned, not raised, so every file is checked."""
    try:
        raw, body, body_line = split(text)
    except ValueError:
        return Document(path, {}, normalise(text), 1), [Problem(path, "frontmatter-unclosed", line=1)]
    if raw is None:
        return Document(path, {}, body, body_line), []
    return parse_yaml(path, raw, first_line=2, body=body, body_line=body_line)


def parse_yaml(path: str, raw: str, *, first_line: int = 1, body: str = "", body_line: int = 1):
    """Parse YAML text that starts on ``first_line`` of ``path`` into a Document."""
    doc = Document(path, {}, body, body_line, has_front_matter=True)
    try:
        data, node = _load(raw)
    except yaml.YAMLError as exc:
        return doc, [syntax_problem(path, exc, first_line)]
    except ImpossibleValue as exc:
        return doc, [impossible_problem(path, exc, first_line)]
    if data is None:
        return doc, []
    if not isinstance(data, dict):
        actual = type(data).__name__
        return doc, [Problem(path, "not-mapping", line=first_line, params={"what": "front matter", "actual": actual})]
    doc.meta = data
    return doc, _record_lines(doc, node, first_line)


def _record_lines(doc: Document, node: yaml.MappingNode, first_line: int) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = key_node.value
        line = first_line + key_node.start_mark.line
        if key in seen:
            problems.append(Problem(doc.path, "duplicate-key", line=line, field=key))
        seen.add(key)
        doc.lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            for i, item in enumerate(value_node.value):
                doc.lines[(key, i)] = first_line + item.start_mark.line
    return problems


def load_yaml_file(path: str, text: str) -> tuple[object, yaml.Node | None, list[Problem]]:
    """Load a registry file: data, its node tree (for line numbers) and any syntax problem."""
    text = normalise(text)
    try:
        data, node = _load(text)
        return data, node, []
    except yaml.YAMLError as exc:
        return None, None, [syntax_problem(path, exc, 1)]
    except ImpossibleValue as exc:
        return None, None, [impossible_problem(path, exc, 1)]


def syntax_problem(path: str, exc: yaml.YAMLError, first_line: int) -> Problem:
    """A YAML error as a Problem on the file's own line (``first_line`` is where the YAML starts)."""
    # where the broken construct began (an unclosed [ or quote) if known, else where parsing stopped
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    line = first_line + mark.line if mark is not None else first_line
    detail = " ".join(str(getattr(exc, "problem", None) or exc).split())
    return Problem(path, "yaml-syntax", line=line, params={"detail": detail})
