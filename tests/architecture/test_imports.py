"""The import graph of the project's own modules (grimp, which reads every import
statement, those inside functions included): no module takes part in a cycle, and
every module sits in one of the layers that pyproject.toml's import-linter contract
enforces (the README's test command runs `lint-imports`)."""

import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("config", "home", "indices", "plan", "search")


def project_graph():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    modules = {m for m in graph.modules if ".migrations" not in m}
    return graph, modules


def strongly_connected(modules, edges):
    """Tarjan's algorithm: the groups of modules that import each other, directly
    or not (a group of one is no cycle unless it imports itself)."""
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            groups.append(group)

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return groups


def test_no_module_takes_part_in_an_import_cycle():
    graph, modules = project_graph()
    edges = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    cycles = [sorted(group) for group in strongly_connected(modules, edges) if len(group) > 1]
    assert cycles == []


def test_a_cycle_would_be_found():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    groups = strongly_connected(set(edges), edges)
    assert {"a", "b", "c"} in groups and {"d"} in groups


def layer_modules():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    names = set()
    for layer in contract["layers"]:
        names.update(part.strip() for part in layer.replace("|", ":").split(":"))
    return names


def test_every_module_is_in_a_layer():
    _graph, modules = project_graph()
    layers = layer_modules()
    packages_only = {m for m in modules if (ROOT / m.replace(".", "/") / "__init__.py").exists()}
    unplaced = sorted(
        module
        for module in modules - packages_only
        if not any(module == layer or module.startswith(layer + ".") for layer in layers)
        and module.rsplit(".", 1)[-1] not in ("apps", "urls", "wsgi")
    )
    assert unplaced == []
