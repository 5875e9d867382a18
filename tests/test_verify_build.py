"""The archive checks on the real content: a one-character change fails the strict build, and the
archive itself never reaches the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, build_site

import govcat
from govcat.archive import fold, number_key
from govcat.verify import locate, quotes


def catalogue() -> govcat.Catalogue:
    return govcat.load(ROOT / "docs", ROOT / "data", root=ROOT)


def all_quotes(c: govcat.Catalogue):
    """(path, quote) for every labelled quotation on every model page and translation."""
    for m in c.models.values():
        for path, body, line in [(m.path, m.body, m.body_line),
                                 *((t.path, t.body, t.body_line) for t in m.translations.values())]:
            for q in quotes(body, line)[0]:
                yield path, q


def changed(text: str) -> str:
    """The text with its middle Chinese character replaced by another one."""
    chars = [i for i, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff"]
    i = chars[len(chars) // 2]
    return text[:i] + ("某" if text[i] != "某" else "甲") + text[i + 1:]


def test_every_quote_is_found_and_none_survives_a_changed_character():
    c = catalogue()
    found = list(all_quotes(c))
    assert len(found) >= 76  # the 原文摘录 of the Chinese pages and the 原文 of the English ones
    for path, q in found:
        archives = [c.archives[s.source] for s in c.models[Path(path).name.split(".")[0]].sources]
        assert any(locate(q.text, a) for a in archives), f"{path}:{q.line}"
        assert not any(locate(changed(q.text), a) for a in c.archives.values()), f"{path}:{q.line}"


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in the file; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _fails_naming(project: Path, tmp_path: Path, caplog, where: str) -> None:
    site = tmp_path / "never"
    with pytest.raises(Exception):  # noqa: B017 - MkDocs logs the PluginError, then aborts
        build_site(project, site)
    assert where in caplog.text, caplog.text[-3000:]
    assert not site.exists()


def test_one_changed_character_of_a_quote_fails_the_strict_build(project, tmp_path, caplog):
    page = project / "docs" / "models" / "xueliang-gongcheng.md"
    quote = next(q for q in quotes(page.read_text(encoding="utf-8").split("\n---\n", 1)[1])[0])
    line = _edit(page, quote.text[:40], changed(quote.text[:40]))
    _fails_naming(project, tmp_path, caplog, f"docs/models/xueliang-gongcheng.md:{line}")
    assert "找不到" in caplog.text and "is not in the archive" in caplog.text


def test_one_changed_digit_of_a_figure_fails_the_strict_build(project, tmp_path, caplog):
    c = catalogue()
    figures = project / "data" / "figures.yml"
    for f in c.figures:  # the first figure whose changed last digit the source does not state
        new = f.number[:-1] + str((int(f.number[-1]) + 1) % 10)
        if number_key(new) not in c.archives[f.source].numbers:
            break
    else:
        raise AssertionError("every changed figure is a number the source states")
    text = figures.read_text(encoding="utf-8")
    at = text.index(f"id: {f.id}\n")
    value = re.compile(rf"^  value: {f.number}$", re.M).search(text, at)
    figures.write_text(text[: value.start()] + f"  value: {new}" + text[value.end():], encoding="utf-8")
    _fails_naming(project, tmp_path, caplog, f"data/figures.yml:{text.count(chr(10), 0, value.start()) + 1} [value]")


def test_one_changed_digit_on_a_model_page_fails_the_strict_build(project, tmp_path, caplog):
    line = _edit(project / "docs" / "models" / "wangge-12345-xiaochengxu.md", "3901", "3907")
    _fails_naming(project, tmp_path, caplog, f"docs/models/wangge-12345-xiaochengxu.md:{line}")


def test_the_archive_is_never_published(built_site):
    """No paragraph of the archive that no page quotes appears anywhere in the site, in any script.

    (The build reads the archive only through govcat; this fails if it is ever published, e.g. as a page or
    a download, or copied into a page's text.)"""
    c = catalogue()
    published = fold("".join(p.read_text(encoding="utf-8", errors="ignore") for p in built_site.rglob("*")
                             if p.suffix in {".html", ".json", ".csv", ".txt", ".xml", ".js"})).text
    assert not any("archive" in p.name for p in built_site.rglob("*"))
    unquoted = 0  # archives with prose no page quotes: a short article can be quoted whole, but not every one
    for a in c.archives.values():
        covered = bytearray(len(a.folded.text))  # folded characters some page quotes
        for _, q in all_quotes(c):
            for part in (fold(x).text for x in re.split("…+", q.text)):
                at = a.find(part) if part else -1
                while at >= 0:
                    covered[at: at + len(part)] = b"\1" * len(part)
                    at = a.find(part, at + 1)
        runs = [m.group(0) for m in re.finditer(r"[^\n]{24,}", "".join(
            ch if not covered[i] else "\n" for i, ch in enumerate(a.folded.text)))]
        # the article's prose (the header lines hold title, publisher and section: the citation publishes those)
        checked = [run for run in runs if "。" in run or "," in run]
        unquoted += bool(checked)
        for run in checked:
            for window in (run[:24], run[-24:]):
                assert window not in published, f"{a.path}: “{window}” is on the site"
    assert unquoted >= len(c.archives) // 2, f"only {unquoted} of {len(c.archives)} archives have unquoted prose"
