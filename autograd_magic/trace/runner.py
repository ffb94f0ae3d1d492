"""The run layer of %%grad: execute a cell's source like a normal cell, on the engine, and report what it did.

``run_cell(source, user_ns)`` runs the code with ``torch`` meaning ``autograd_magic.torch`` (as a name and through
``import torch``), tags the tensors it makes with the names and expressions of the source, listens to every
backward pass, and returns a ``CellRun``: the value of the last expression plus the tensors and the backward
graph the cell touched. Nothing stays patched afterwards.
"""
import ast
import sys
import weakref

import numpy as np

from .. import torch as engine_torch
from ..engine.autograd import OBSERVERS, AccumulateGrad
from ..engine.tensor import Tensor
from .model import INTERMEDIATE, LEAF, OUTPUT, GraphEdge, GraphNode, GraphSpec, TensorInfo

TAG = "__autograd_magic_tag__"
_KEEP_VALUE = 4096  # temporaries up to this many elements keep their values for the diagram
def engine_modules():
    """{"torch.x.y": the engine's module} for every module of autograd_magic.torch (torch.nn.functional,
    torch.optim.lr_scheduler, torch.utils.data, torch.cuda ...): what `import torch...` resolves to in a cell."""
    prefix = engine_torch.__name__
    mods = {"torch" + name[len(prefix):]: mod for name, mod in list(sys.modules.items())
            if mod is not None and (name == prefix or name.startswith(prefix + "."))}
    for attr in ("cuda", "backends"):  # namespaces that may be plain objects rather than modules
        obj = getattr(engine_torch, attr, None)
        if obj is not None and "torch." + attr not in mods:
            mods["torch." + attr] = obj
    return mods


# ---------------------------------------------------------------- tagging tensors with their source


class _Tagger(ast.NodeTransformer):
    """Wrap assignments and sub-expressions so that each tensor learns its name or its source text."""

    def __init__(self, source):
        self.lines = [line.encode("utf-8") for line in source.splitlines(True)]

    def _text(self, node):
        """The node's source text (ast offsets count UTF-8 bytes); lines are split once per cell."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1
            if first == last:
                raw = self.lines[first][node.col_offset:node.end_col_offset]
            else:
                raw = b"".join([self.lines[first][node.col_offset:], *self.lines[first + 1:last],
                                self.lines[last][:node.end_col_offset]])
            return raw.decode("utf-8")
        except (AttributeError, IndexError, TypeError, UnicodeDecodeError):
            return ""

    def _wrap(self, value, kind, text):
        where = dict(lineno=value.lineno, col_offset=value.col_offset, end_lineno=value.end_lineno,
                     end_col_offset=value.end_col_offset)
        call = ast.Call(func=ast.Name(id=TAG, ctx=ast.Load(), **where),
                        args=[value, ast.Constant(kind, **where), ast.Constant(text, **where)], keywords=[], **where)
        return call

    def visit_Assign(self, node):
        self.generic_visit(node)
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if names:
            node.value = self._wrap(node.value, "name", names[0])
        return node

    def visit_AnnAssign(self, node):
        self.generic_visit(node)
        if node.value is not None and isinstance(node.target, ast.Name):
            node.value = self._wrap(node.value, "name", node.target.id)
        return node

    def _expr(self, node):
        self.generic_visit(node)
        return self._wrap(node, "expr", self._text(node))

    visit_BinOp = visit_UnaryOp = _expr

    def _opaque(self, node):
        """Code that may run after the cell (functions, lambdas, classes, generators) is left as written: the
        tagging helper exists only while the cell runs."""
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = visit_ClassDef = visit_GeneratorExp = _opaque

    def visit_Call(self, node):
        return self._expr(node)

    def visit_Subscript(self, node):
        if isinstance(node.ctx, ast.Load):
            return self._expr(node)
        self.generic_visit(node)
        return node


class SourceLabel:
    """What the source says about a node's output: its variable name and/or expression, and its value."""
    __slots__ = ("name", "expr", "value", "shape", "dtype")

    def __init__(self, expr, data):
        self.name = None
        self.expr = expr
        self.value = data if data.size <= _KEEP_VALUE else None
        self.shape = data.shape
        self.dtype = data.dtype.name


def _tag(value, kind, text):
    """Runs inside the cell: remember a tensor's name (assignment) or source expression (temporary)."""
    if value.__class__ is Tensor or isinstance(value, Tensor):
        node = value._fn
        if kind == "name":
            value._am_name = text
            if node is not None:
                if node.label is None:
                    node.label = SourceLabel(None, value._data)
                node.label.name = text
        elif node is not None and node.label is None:
            node.label = SourceLabel(text, value._data)
    return value


def parse(source, filename):
    """The cell as (statements, last expression or None, binds torch?), tagged; SyntaxError as a cell raises it."""
    tree = ast.parse(source, filename)
    rebinds = _binds_torch(tree)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    tagger = _Tagger(source)
    tree = ast.fix_missing_locations(tagger.visit(tree))
    if last is not None:
        last = ast.fix_missing_locations(tagger.visit(last))
    return (compile(tree, filename, "exec"), (compile(last, filename, "eval") if last is not None else None),
            rebinds)


# ---------------------------------------------------------------- running


class _Recorder:
    """Collects the backward passes that happen while the cell runs."""

    def __init__(self):
        self.outputs = []        # [(tensor, seed gradient array or None)]
        self.grads = {}          # node -> summed gradient array

    def __call__(self, roots, root_grads, grads):
        for t, g in zip(roots, root_grads):
            arr = g._data if isinstance(g, Tensor) else np.asarray(g)
            implicit = arr.size == 1 and float(arr.reshape(())) == 1.0
            self.outputs.append((t, None if implicit else np.array(arr)))
        for node, g in grads.items():
            arr = np.array(g._data if isinstance(g, Tensor) else g, dtype=float if np.ndim(g) == 0 else None)
            prev = self.grads.get(node)
            self.grads[node] = arr if prev is None else prev + arr


class CellRun:
    """What one %%grad run did: its last value, the tensors it touched and their backward graph."""

    def __init__(self, value, has_value, recorder, assigned, user_ns):
        self.value = value
        self.has_value = has_value
        self.recorder = recorder
        self.assigned = assigned
        self.user_ns = user_ns
        self._rows = None
        self._nodes = None
        self.row_of = {}   # graph node (grad_fn, or a leaf's AccumulateGrad) -> its TensorInfo row

    def tensors(self):
        if self._rows is None:
            self._rows = collect_tensors(self)
        return self._rows

    def nodes(self):
        """The graph's nodes, outputs first (computed once per run)."""
        if self._nodes is None:
            self._nodes = _graph_nodes(_roots(self))
        return self._nodes

    def graph(self, max_nodes=None):
        return build_graph(self, max_nodes)

    def inputs(self):
        """[(name, values)] of the leaves that require grad assigned in the cell: what sliders can move."""
        out = {}
        for name, ref in self.assigned:
            t = ref()
            if t is not None and t._fn is None and t._rg and t._data.dtype.kind == "f":
                out[name] = np.array(t._data)
        return list(out.items())


def run_cell(source, user_ns, filename="<%%grad>", overrides=None, transform=None):
    """Execute source in user_ns like a normal cell (exceptions propagate); return a CellRun.

    overrides: {variable name: array}: a leaf tensor assigned to that name gets these values instead of the
    ones written in the cell (what a slider does); a Tensor given there takes the leaf's place.
    transform: called on every value the cell assigns to a name or computes in an expression; its result is used
    instead (trace.probe turns float32 constants into float64 for central differences).
    """
    code, last, rebinds_torch = parse(source, filename)
    recorder = _Recorder()
    assigned = []
    modules = engine_modules()
    saved_modules = {k: sys.modules.get(k) for k in modules}
    had_torch, old_torch = "torch" in user_ns, user_ns.get("torch")

    def tag(value, kind, text):
        if transform is not None:  # trace.probe: every value the source names or computes passes through it
            value = transform(value)
        if kind == "name" and isinstance(value, Tensor):
            if overrides and text in overrides and value._fn is None:
                new = overrides[text]
                if isinstance(new, Tensor):  # a probe's own leaf (trace.probe) takes the input's place
                    value = new
                else:
                    value._data = np.array(new, dtype=value._data.dtype).reshape(value._data.shape)
            assigned.append((text, weakref.ref(value)))
        return _tag(value, kind, text)

    user_ns[TAG] = tag
    user_ns["torch"] = engine_torch
    sys.modules.update(modules)
    OBSERVERS.append(recorder)
    try:
        exec(code, user_ns)
        value = eval(last, user_ns) if last is not None else None
    finally:
        OBSERVERS.remove(recorder)
        for k, mod in saved_modules.items():
            if mod is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = mod
        user_ns.pop(TAG, None)
        if not rebinds_torch and user_ns.get("torch") is engine_torch:
            if had_torch:
                user_ns["torch"] = old_torch
            else:
                user_ns.pop("torch", None)
    return CellRun(value, last is not None, recorder, assigned, user_ns)


def _binds_torch(tree):
    """Does the cell itself bind the name torch (import torch, torch = ...)? Then it keeps it, as a cell would."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if any((a.asname or a.name.split(".")[0]) == "torch" for a in node.names):
                return True
        elif isinstance(node, ast.Name) and node.id == "torch" and isinstance(node.ctx, ast.Store):
            return True
    return False


# ---------------------------------------------------------------- what the cell touched


def _names_in(user_ns):
    """Tensor id -> variable name, for tensors bound in the namespace (public names only)."""
    names = {}
    for k, v in list(user_ns.items()):
        if isinstance(v, Tensor) and not k.startswith("_"):
            names.setdefault(id(v), k)
    return names


def _graph_nodes(roots):
    """Nodes reachable from the roots' grad_fns, outputs first (decreasing creation order)."""
    seen, stack, order = set(), [], []
    for r in roots:
        if r is not None and r not in seen:
            seen.add(r)
            stack.append(r)
            order.append(r)
    while stack:
        for fn, _ in stack.pop().next_functions:
            if fn is not None and fn not in seen:
                seen.add(fn)
                stack.append(fn)
                order.append(fn)
    order.sort(key=lambda n: n.seq, reverse=True)
    return order


def _roots(run):
    if run.recorder.outputs:
        return [t._fn or t._accumulator() for t, _ in run.recorder.outputs]
    out = []
    for _, ref in run.assigned:
        t = ref()
        if t is not None and t._fn is not None:
            out.append(t._fn)
    return out


def collect_tensors(run):
    """TensorInfo rows: leaves that require grad, the outputs backward ran from, named intermediates."""
    names = _names_in(run.user_ns)
    grads = run.recorder.grads
    rows, seen = [], set()

    def add(t, kind, seed=None, name=None):
        if id(t) in seen:
            return
        seen.add(id(t))
        name = name or names.get(id(t)) or getattr(t, "_am_name", None)
        node = t._fn
        expr = node.label.expr if node is not None and node.label is not None else None
        if kind == LEAF:
            grad = None if t._grad is None else np.array(t._grad._data)
        else:
            g = grads.get(node)
            grad = None if g is None else np.broadcast_to(g, t._data.shape).copy()
        info = TensorInfo(key=f"t{len(rows)}", name=name, expr=expr, kind=kind, shape=tuple(t._data.shape),
                          dtype=t._data.dtype.name, value=np.array(t._data), grad=grad, seed_grad=seed,
                          retained=kind == LEAF or t._retains_grad)
        rows.append(info)
        graph_node = node if node is not None else t._accum
        if graph_node is not None:
            run.row_of.setdefault(graph_node, info)

    nodes = run.nodes()
    in_graph = set(nodes)
    leaves = [n.variable for n in nodes if isinstance(n, AccumulateGrad)]
    for _, ref in run.assigned:   # leaves the cell made, even those no graph reaches yet
        t = ref()
        if t is not None and t._fn is None and t._rg and not any(t is leaf for leaf in leaves):
            leaves.append(t)
    leaves.sort(key=lambda t: _order_key(t, names, run))
    for t in leaves:
        add(t, LEAF)
    for t, seed in run.recorder.outputs:
        add(t, OUTPUT, seed)
    for k, v in list(run.user_ns.items()):
        if isinstance(v, Tensor) and v._fn is not None and v._fn in in_graph and not k.startswith("_"):
            add(v, INTERMEDIATE, name=k)
    for name, ref in run.assigned:
        t = ref()
        if t is not None and t._fn is not None:
            add(t, INTERMEDIATE, name=name)
    return rows


def _order_key(t, names, run):
    for i, (name, ref) in enumerate(run.assigned):
        if ref() is t:
            return (0, i)
    return (1, names.get(id(t), ""))


def build_graph(run, max_nodes=None):
    """The backward graph as plain data: op nodes (PyTorch's names) and tensor boxes with names and grads."""
    run.tensors()
    names = _names_in(run.user_ns)
    grads = run.recorder.grads
    spec = GraphSpec(has_gradients=bool(grads))
    nodes = run.nodes()
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    for k, node in enumerate(nodes):
        if max_nodes is not None and len(spec.nodes) >= max_nodes:
            # outputs come first: the rest is only counted (a 1e5-op graph must not build 1e5 boxes)
            rest = nodes[k:]
            spec.omitted += len(rest) + sum(1 for n in rest if isinstance(n, AccumulateGrad) or n.label is not None)
            break
        nid = ids[node]
        label = "AccumulateGrad" if isinstance(node, AccumulateGrad) else node.op.node
        spec.nodes.append(GraphNode(id=nid, kind="op", label=label, grad=grads.get(node)))
        box = run.row_of.get(node) or _tensor_box(node, names, grads)
        if box is not None and max_nodes is not None and len(spec.nodes) >= max_nodes:
            spec.omitted += 1  # the cap falls between an op and its tensor box
        elif box is not None:
            tid = nid + "t"
            spec.nodes.append(GraphNode(id=tid, kind="tensor", label=box.label, tensor=box))
            if isinstance(node, AccumulateGrad):
                spec.edges.append(GraphEdge(nid, tid))
            else:
                spec.edges.append(GraphEdge(tid, nid))
        for fn, _ in node.next_functions:
            if fn is not None and fn in ids:
                spec.edges.append(GraphEdge(nid, ids[fn]))
    keep = {n.id for n in spec.nodes}
    spec.edges = [e for e in spec.edges if e.src in keep and e.dst in keep]
    return spec


def _tensor_box(node, names, grads):
    """A box for a node's tensor that is not a table row: a leaf from elsewhere, or a temporary the source
    wrote (its expression) or named earlier."""
    if isinstance(node, AccumulateGrad):
        t = node.variable
        return TensorInfo(key=f"leaf{id(t)}", name=names.get(id(t)) or getattr(t, "_am_name", None), expr=None,
                          kind=LEAF, shape=tuple(t._data.shape), dtype=t._data.dtype.name, value=np.array(t._data),
                          grad=None if t._grad is None else np.array(t._grad._data), retained=True)
    meta = node.label
    if meta is None or (meta.expr is None and meta.name is None):
        return None
    g = grads.get(node)
    return TensorInfo(key=f"tmp{id(node)}", name=meta.name, expr=meta.expr, kind=INTERMEDIATE, shape=tuple(meta.shape),
                      dtype=meta.dtype, value=np.array(meta.value) if meta.value is not None else np.zeros(0),
                      grad=None if g is None else np.broadcast_to(g, meta.shape).copy())
