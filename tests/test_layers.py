"""The package's layers: each imports only those below it, and no module imports itself round a circle.

    core < i18n < model < inputs, engine < views < formats < cli

inputs and engine sit side by side and know nothing of each other. Every import counts, those
inside functions and under TYPE_CHECKING included: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "polcalc"
LAYERS = {"core": 0, "i18n": 1, "model": 2, "inputs": 3, "engine": 3, "views": 4, "formats": 5, "cli": 6}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """The polcalc modules a file imports (a name imported from a package counts as its module
    when it is one)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("polcalc"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("polcalc") and not node.level:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found


GRAPH = {name: {m for m in _imports(path) if m != name} for name, path in MODULES.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_sits_in_a_layer():
    assert [m for m in MODULES if m != "polcalc" and _layer(m) is None] == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m)))
def test_a_module_imports_only_its_own_layer_and_those_below(module: str):
    own = _layer(module)
    assert own is not None
    wrong = sorted(
        m
        for m in GRAPH[module]
        if m != "polcalc" and (layer := _layer(m)) != own and (layer is None or LAYERS[layer] >= LAYERS[own])
    )
    assert wrong == [], f"{module} ({own}) imports {wrong}"


def test_no_import_circles():
    # Tarjan's strongly connected components: any with more than one module is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(GRAPH.get(node, ())):
            if succ not in GRAPH:
                continue
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert circles == []


def test_the_checks_here_see_a_circle_and_a_wrong_layer():
    # The test's own machinery, on a made-up graph: it must not pass by seeing nothing.
    assert _layer("polcalc.engine.facts") == "engine" and _layer("polcalc.cli.app") == "cli"
    assert "polcalc.engine.compiled" in GRAPH["polcalc.engine.evaluate"]
    assert "polcalc.model.rules" in _imports(MODULES["polcalc.engine.catalog"])


# The formats that read the rules themselves, not a company's results: docs/profile.md and the
# `init` template list the keys a region's measures read (engine.reads, the catalog), which no
# view of a company's results holds; they show no result at all.
READ_THE_RULES = {"polcalc.formats.profile_doc", "polcalc.formats.profile_template"}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) == "formats" and m not in READ_THE_RULES))
def test_a_format_reads_views_not_the_engine(module: str):
    # Every format shows what views make of the engine's results (views.results.ResultView and
    # CompanyView, in one language), so they all agree on each field and none re-decides one.
    assert sorted(m for m in GRAPH[module] if _layer(m) == "engine") == [], module


def test_the_rules_readers_are_still_formats_that_read_the_engine():
    # READ_THE_RULES names modules that exist and need the exception, or it would hide nothing.
    assert all(any(_layer(m) == "engine" for m in GRAPH[module]) for module in READ_THE_RULES)
