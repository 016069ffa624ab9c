"""No two casetrack modules import each other, even through others or inside functions,
and the library never imports the command line (casetrack.cli) or Typer and Click.

Every module is parsed with `ast` and each `import` of a casetrack module counts, wherever it
stands (top level, inside a function, or a class), as Python may run any of them. Imports
under `if TYPE_CHECKING:` are left out: they never run, and only name types in hints.
"""

from __future__ import annotations

import ast
from pathlib import Path

import casetrack

PACKAGE = Path(casetrack.__file__).parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["casetrack", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    """The nodes inside `if TYPE_CHECKING:` blocks."""
    hidden: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            for child in node.body:
                hidden.update(ast.walk(child))
    return hidden


def import_graph(*, outside: bool = False) -> dict[str, set[str]]:
    """Each casetrack module and the casetrack modules it imports at run time (with
    `outside`, the other packages' modules too)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(), str(path))
        hidden = _type_checking_only(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if node in hidden:
                continue
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    source = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    source = node.module or ""
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    targets.add(submodule if submodule in modules else source)
        graph[name] = {t for t in targets if (outside or t in modules) and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another (strongly connected, more than one)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            group = []
            while (member := stack.pop()) != module:
                group.append(member)
            if group:
                found.append(sorted([module, *group]))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return found


def test_casetrack_modules_import_without_cycles() -> None:
    assert cycles(import_graph()) == []


def test_a_cycle_through_a_function_level_import_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_graph_sees_function_level_imports() -> None:
    """history looks a case's slugs up from inside a function: that import still counts."""
    assert "casetrack.cases" in import_graph()["casetrack.history"]
    assert "casetrack.store" not in import_graph()["casetrack.history"]


def test_the_library_imports_nothing_of_the_command_line() -> None:
    """Domain modules know nothing of Typer: the CLI only parses and prints, so every rule
    stays usable (and tested) without it. `python -m casetrack` is the one way in."""
    crossing = {
        module: sorted(
            t for t in targets
            if t.partition(".")[0] in ("typer", "click") or t.startswith("casetrack.cli")
        )
        for module, targets in import_graph(outside=True).items()
        if not module.startswith("casetrack.cli") and module != "casetrack.__main__"
    }  # fmt: skip
    assert {module: names for module, names in crossing.items() if names} == {}
    assert "casetrack.cli" in import_graph()["casetrack.__main__"]
