"""The package's layering, read from its imports and attribute reads (STYLE.md "The shape of the house"):
engine -> torch -> trace -> views -> magic. Nothing imports upward; the trace layer reads the engine only through
its public inspection and events API; views read only the trace model; nothing outside the engine reads a
private attribute of the engine's objects (``_data``, ``_fn``, ``_grad`` ...). No import cycles anywhere (imports
inside functions count: they only hide a cycle); torch/ imports only the engine; in engine/ and torch/ the package's
modules are imported at module level, and an import inside a function (of an optional heavy library) says why in a
comment on its line."""
import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "autograd_magic"


def modules():
    """{dotted module name: path} of every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports_of(name, path):
    """[(imported module name, line, at module level?)]: relative imports resolved; ``from X import y`` gives
    X.y when X.y is a module of the package, else X."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    known = modules()
    top_level = {id(n) for n in tree.body}
    for node in tree.body:  # statements inside module-level if/try blocks count as module level too
        if isinstance(node, (ast.If, ast.Try)):
            top_level.update(id(n) for n in ast.walk(node))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((a.name, node.lineno, id(node) in top_level) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module
            for a in node.names:
                full = f"{mod}.{a.name}"
                out.append((full if full in known else mod, node.lineno, id(node) in top_level))
    return out


def layer(name):
    parts = name.split(".")
    if len(parts) == 1:
        return "package"
    if parts[1] in ("engine", "torch", "trace", "views"):
        return parts[1]
    return parts[1]  # magic, stepping ...


ENGINE_PUBLIC = {"autograd_magic.engine", "autograd_magic.engine.inspect", "autograd_magic.engine.events"}
VIEW_LIBRARIES = ("IPython", "ipywidgets", "graphviz", "numpy", "traitlets", "tornado")  # tornado: the kernel's loop
# The one exception: the views' number formatter (views/format.py) prints tables with the engine's PyTorch-exact
# printer, a numpy-only module that holds no engine object (one printer, not two copies).
VIEW_ENGINE_PRINTER = ("autograd_magic.views.format", "autograd_magic.engine.printing")


def _violations(rule):
    found = []
    for name, path in modules().items():
        for target, line, _ in imports_of(name, path):
            problem = rule(name, target)
            if problem:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {problem}")
    return found


def test_the_engine_imports_nothing_above_it():
    def rule(name, target):
        if layer(name) == "engine" and target.startswith("autograd_magic") and \
                not target.startswith("autograd_magic.engine"):
            return f"the engine imports {target}"
    assert _violations(rule) == []


def test_trace_reads_the_engine_only_through_its_public_api():
    def rule(name, target):
        if layer(name) == "trace" and target.startswith("autograd_magic.engine") and target not in ENGINE_PUBLIC:
            return f"trace imports {target} (use engine.inspect / engine.events)"
        if layer(name) == "trace" and target.startswith(("autograd_magic.views", "autograd_magic.magic")):
            return f"trace imports {target}, a layer above it"
    assert _violations(rule) == []


def test_views_import_only_the_trace_model():
    def rule(name, target):
        if layer(name) != "views":
            return None
        if target.startswith("autograd_magic."):
            if target.startswith("autograd_magic.views") or target == "autograd_magic.trace.model":
                return None
            if (name, target) == VIEW_ENGINE_PRINTER:
                return None
            return f"a view imports {target} (views read the trace model only)"
        root = target.split(".")[0]
        if root in VIEW_LIBRARIES or _is_stdlib(root):
            return None
        return f"a view imports {target}"
    assert _violations(rule) == []


def test_the_table_does_not_import_graphviz():
    names = {t for t, _, _ in imports_of("autograd_magic.views.table", PACKAGE / "views" / "table.py")}
    assert not any(t.startswith("graphviz") or t == "autograd_magic.views.graph" for t in names), names


def _is_stdlib(root):
    import sys
    return root in sys.stdlib_module_names or root == "__future__"


def engine_private_names():
    """Attribute names private to the engine's objects: Tensor's, the nodes' and saved values' slots and
    underscore attributes (dunders aside)."""
    from autograd_magic.engine import autograd, tensor
    names = set()
    for cls in (tensor.Tensor, autograd.Node, autograd.AccumulateGrad, autograd.Saved):
        for klass in cls.__mro__:
            if klass is object:
                continue
            candidates = list(vars(klass)) + list(getattr(klass, "__slots__", ()))
            names.update(n for n in candidates if n.startswith("_") and not n.startswith("__"))
    return names


# Layers above the engine that are still allowed to read its private attributes, and why.
PRIVATE_READS_ALLOWED = ("autograd_magic.engine", "autograd_magic.torch")  # torch/ is the engine's own namespace


def test_nothing_outside_the_engine_reads_its_private_attributes():
    private = engine_private_names() | {"_am_name", "label"}
    found = []
    for name, path in modules().items():
        if name.startswith(PRIVATE_READS_ALLOWED):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in private and node.attr != "label" \
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: .{node.attr}")
    assert found == []


def test_torch_imports_only_the_engine():
    def rule(name, target):
        if layer(name) == "torch" and target.startswith("autograd_magic") and \
                not target.startswith(("autograd_magic.engine", "autograd_magic.torch")):
            return f"torch/ imports {target}"
    assert _violations(rule) == []


def _function_level_imports(layers):
    for name, path in modules().items():
        if layer(name) in layers:
            lines = path.read_text(encoding="utf-8").splitlines()
            for target, line, top in imports_of(name, path):
                if not top:
                    yield name, target, line, lines[line - 1]


def test_engine_and_torch_import_the_package_at_module_level():
    wrong = sorted({f"{name}:{line} imports {target} inside a function"
                    for name, target, line, _ in _function_level_imports({"engine", "torch"})
                    if target.startswith("autograd_magic")})
    assert wrong == []


def test_imports_inside_functions_say_why():
    """engine/ and torch/ import inside a function only to defer a real cost, and say so on that line."""
    unexplained = sorted({f"{name}:{line} ({target})" for name, target, line, text
                          in _function_level_imports({"engine", "torch"}) if "#" not in text})
    assert unexplained == []


def test_no_import_cycles():
    """Imports form no cycle, those inside functions included (a package importing its own submodules aside)."""
    assert _cycles() == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def _cycles(graph=None):
    if graph is None:
        graph = _import_graph()
    cycles = []
    state = {}

    def visit(start):
        stack = [(start, iter(sorted(graph.get(start, ()))))]
        path = [start]
        state[start] = "open"
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = "done"
                continue
            child = child if child in graph else child.rpartition(".")[0]
            if child not in graph or _ancestor(child, node):
                continue
            if state.get(child) == "open":
                cycles.append(path[path.index(child):] + [child])
            elif child not in state:
                state[child] = "open"
                path.append(child)
                stack.append((child, iter(sorted(graph.get(child, ())))))

    for name in sorted(graph):
        if name not in state:
            visit(name)
    return cycles


def _import_graph():
    graph = {}
    for name, path in modules().items():
        deps = set()
        for target, _, _ in imports_of(name, path):
            if target.startswith("autograd_magic") and target != name and \
                    not target.startswith(name + "."):  # a package importing its submodules
                deps.add(target)
        graph[name] = deps
    return graph


def _ancestor(package, module):
    return module.startswith(package + ".")


@pytest.mark.parametrize("module", ["autograd_magic.trace.model", "autograd_magic.engine.events",
                                    "autograd_magic.engine.inspect"])
def test_the_public_model_and_api_modules_exist(module):
    import importlib
    assert importlib.import_module(module) is not None
