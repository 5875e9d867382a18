"""The hooks' structure: one priority table that the handlers follow, no state kept in hook modules,
no import cycle among the project's modules."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"
EVENTS = ("on_config", "on_files", "on_nav", "on_env", "on_page_markdown", "on_page_content", "on_page_context",
          "on_template_context", "on_post_template", "on_post_page", "on_post_build", "on_build_error", "on_pre_build")


def _hook_modules() -> dict[str, object]:
    sys.path.insert(0, str(HOOKS))
    try:
        out = {}
        for path in sorted(HOOKS.glob("*.py")):
            spec = importlib.util.spec_from_file_location(f"hooks_under_test_{path.stem}", path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module  # dataclasses look their module up
            spec.loader.exec_module(module)
            out[path.stem] = module
        return out
    finally:
        sys.path.remove(str(HOOKS))


def test_every_handler_runs_where_the_priority_table_says():
    modules = _hook_modules()
    table = modules["order"].PRIORITIES
    found = {}
    for name, module in modules.items():
        for event in EVENTS:
            handler = getattr(module, event, None)
            if handler is not None and getattr(handler, "__module__", "").endswith(name):
                found[f"{name}.{event}"] = getattr(handler, "mkdocs_priority", 0)
    for key, (priority, why) in table.items():
        assert key in found, f"order.py lists {key}, which no hook defines"
        assert found[key] == priority, f"{key} runs at {found[key]}, the table says {priority}"
        assert -100 <= priority <= 100 and priority != 0, key
        assert len(why) > 20, f"{key}: say why it runs there"
    unlisted = {k: v for k, v in found.items() if v != 0 and k not in table}
    assert not unlisted, f"handlers off the default priority but not in hooks/order.py: {unlisted}"


def test_the_hooks_listed_in_mkdocs_yml_exist_and_the_build_object_comes_first():
    listed = [line.split("#")[0].strip().removeprefix("- ").strip() for line in
              (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]]
    assert listed[0] == "hooks/languages.py"
    for path in listed:
        assert (ROOT / path).is_file(), path


MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "History"}


def _module_state(tree: ast.Module) -> list[str]:
    """Module-level names bound to a mutable value, other than UPPER_CASE constants."""
    out = []
    for node in tree.body:
        targets, value = [], None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for target in targets:
            name = getattr(target, "id", None)
            if name is None or name.isupper() or name == "__all__":
                continue
            if isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
                    isinstance(value, ast.Call) and getattr(value.func, "id", getattr(value.func, "attr", "")) in MUTABLE_CALLS):
                out.append(name)
    return out


@pytest.mark.parametrize("path", sorted(HOOKS.glob("*.py")), ids=lambda p: p.name)
def test_hook_modules_keep_no_state(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Global, ast.Nonlocal))], f"{path.name}: global"
    assert not _module_state(tree), f"{path.name}: module-level mutable state {_module_state(tree)}"


def test_the_state_check_catches_what_it_should():
    tree = ast.parse("CONSTANT = {}\n_cache: dict = {}\nseen = set()\nname = 'x'\n")
    assert _module_state(tree) == ["_cache", "seen"]


def _imports(path: Path, package: str, siblings: set[str]) -> set[str]:
    """The project modules ``path`` imports anywhere in it (lazy imports inside functions too)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # from .x import y / from . import x
                names = [node.module] if node.module else [a.name for a in node.names]
                out.update(f"{package}.{n.split('.')[0]}" for n in names)
            elif node.module and node.module.split(".")[0] == "govcat":
                parts = node.module.split(".")
                out.add(".".join(parts[:2]) if len(parts) > 1 else "govcat")
                if len(parts) == 1:
                    out.update(f"govcat.{a.name}" for a in node.names if (ROOT / "govcat" / f"{a.name}.py").exists())
        elif isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in siblings:
                    out.add(f"hooks.{top}")
                elif top == "govcat":
                    out.add(".".join(alias.name.split(".")[:2]))
    return out


def _graph() -> dict[str, set[str]]:
    siblings = {p.stem for p in HOOKS.glob("*.py")}
    graph = {}
    for folder in ("govcat", "hooks"):
        for path in (ROOT / folder).glob("*.py"):
            name = folder if path.stem == "__init__" else f"{folder}.{path.stem}"
            graph[name] = _imports(path, "govcat", siblings) - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*trail, node, nxt]
            if nxt not in state:
                found = visit(nxt, [*trail, node])
                if found:
                    return found
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def test_no_import_cycle_among_the_project_s_modules():
    graph = _graph()
    assert "govcat.printview" in graph["govcat.views"]
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle)


def test_the_cycle_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) is not None
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_the_core_imports_nothing_from_the_site_engine():
    for path in (ROOT / "govcat").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] in ("mkdocs", "properdocs", "material") for n in names), path.name
