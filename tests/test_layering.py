"""The package's import graph, read from the source (AST): data flows engine -> torch -> trace -> views -> magic.

- no import cycles among the package's modules (a package importing its own submodules aside);
- the engine imports nothing above it, and torch/ imports only the engine (and itself);
- inside engine/ and torch/, imports of the package's own modules are at module level (an import inside a
  function hides a cycle), and every import inside a function names its reason in a comment on that line.

Each check is a function of ``MODULES`` (module name -> ModuleInfo), so new rules over the same graph are short.
"""
import ast
import dataclasses
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = "autograd_magic"
LAYERS = ["engine", "torch", "trace", "views", "magic"]  # lowest first
MAY_IMPORT = {"engine": {"engine"}, "torch": {"engine", "torch"}}


@dataclasses.dataclass
class ModuleInfo:
    name: str
    path: pathlib.Path
    is_package: bool
    tree: ast.Module
    source_lines: list
    imports: list = dataclasses.field(default_factory=list)  # (target module, ast node, inside a function)


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _load():
    modules = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        name, is_package = _module_name(path)
        source = path.read_text()
        modules[name] = ModuleInfo(name, path, is_package, ast.parse(source), source.splitlines())
    for info in modules.values():
        _collect_imports(info, modules)
    return modules


def _resolve(info, node, modules):
    """The package modules an import statement names (``from . import x`` names the submodule x)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            base = info.name.split(".")
            if not info.is_package:
                base = base[:-1]
            base = base[:len(base) - (node.level - 1)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module
        names = [f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in modules else prefix for alias in node.names]
    targets = []
    for name in names:
        if not (name == PACKAGE or name.startswith(PACKAGE + ".")):
            continue
        while name not in modules and "." in name:
            name = name.rsplit(".", 1)[0]
        targets.append(name)
    return targets


def _collect_imports(info, modules):
    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in _resolve(info, child, modules):
                    info.imports.append((target, child, in_function))
                if in_function:
                    info.imports.append((None, child, in_function))  # a non-package import inside a function
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))
    visit(info.tree, False)


MODULES = _load()


def layer(name):
    parts = name.split(".")
    return parts[1].removesuffix(".py") if len(parts) > 1 else None


def edges(modules=MODULES):
    """{module: set of package modules it imports}, without a package's imports of its own submodules."""
    graph = {}
    for name, info in modules.items():
        graph[name] = {t for t, _, _ in info.imports
                       if t is not None and t != name and not (info.is_package and t.startswith(name + "."))}
    return graph


def cycles(graph):
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], [0]
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_is_read():
    graph = edges()
    assert "autograd_magic.engine.tensor" in graph
    assert "autograd_magic.engine" in graph["autograd_magic.torch"] or any(
        t.startswith("autograd_magic.engine.") for t in graph["autograd_magic.torch"])


def test_no_import_cycles():
    assert cycles(edges()) == []


def test_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("lower", sorted(MAY_IMPORT))
def test_layers_import_only_below(lower):
    wrong = sorted(f"{name} imports {target}" for name, targets in edges().items() if layer(name) == lower
                   for target in targets if layer(target) not in MAY_IMPORT[lower])
    assert wrong == []


def _in_function_imports(layers):
    for name, info in MODULES.items():
        if layer(name) in layers:
            for target, node, in_function in info.imports:
                if in_function:
                    yield name, info, target, node


def test_engine_and_torch_import_their_modules_at_module_level():
    wrong = sorted({f"{name}:{node.lineno} imports {target} inside a function"
                    for name, _, target, node in _in_function_imports(set(MAY_IMPORT)) if target is not None})
    assert wrong == []


def test_imports_inside_functions_say_why():
    unexplained = sorted({f"{name}:{node.lineno}" for name, info, target, node in _in_function_imports(set(MAY_IMPORT))
                          if "#" not in info.source_lines[node.lineno - 1]})
    assert unexplained == []
