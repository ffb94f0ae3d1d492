"""The run layer of %%grad: execute a cell's source like a normal cell, on the engine, and report what it did.

``run_cell(source, user_ns)`` runs the code with ``torch`` meaning ``autograd_magic.torch`` (as a name and through
``import torch``), tags the tensors it makes with the names and expressions of the source, listens to every
backward pass, and returns a ``CellRun``: the value of the last expression plus the tensors and the backward
graph the cell touched. Nothing stays patched afterwards.
"""
import weakref

import numpy as np

from ..engine.autograd import OBSERVERS, AccumulateGrad
from ..engine.tensor import Tensor
from .execute import TAG, compile_cell, engine_modules, run_code, torch_is_the_engine  # noqa: F401
from .model import INTERMEDIATE, LEAF, OUTPUT, GraphEdge, GraphNode, GraphSpec, TensorInfo

_KEEP_VALUE = 4096  # temporaries up to this many elements keep their values for the diagram


# ---------------------------------------------------------------- tagging tensors with their source


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
        """[(name, values)] of the cell's inputs, what sliders can move: for each name, the leaf that requires
        grad created at one place in the source, the first time the cell ran that place (a loop that rebinds
        the name to new leaves later does not make new inputs); values as they were created."""
        return [(name, values) for name, (_, values) in self.first_leaves.items()]

    @property
    def sites(self):
        """{input name: "line:column" of the assignment that created it}."""
        return {name: site for name, (site, _) in self.first_leaves.items()}


_SLIDER_COPY = 64  # inputs up to this many elements keep their created values (sliders need at most 8)


def run_cell(source, user_ns, filename="<%%grad>", overrides=None, transform=None):
    """Execute Python source in user_ns like a normal cell (exceptions propagate); return a CellRun.

    overrides: {(name, site): array} (site as in CellRun.sites): the first leaf tensor the assignment at site
    creates gets these values instead of the ones written in the cell (what a slider does). When the cell now
    creates a tensor of another shape there, the override is left out and said so in CellRun.notes.
    A key that is a plain name (trace.probe) sets every leaf assigned to that name; a Tensor given there takes
    the leaf's place.
    transform: called on every value the cell assigns to a name or computes in an expression; its result is used
    instead (trace.probe turns float32 constants into float64 for central differences).
    """
    cell = compile_cell(source, filename)
    recorder = _Recorder()
    assigned, first_leaves, notes = [], {}, []
    pending = dict(overrides or {})

    by_name = {k: v for k, v in pending.items() if isinstance(k, str)}

    def tag(value, kind, text, site=None):
        if transform is not None:  # trace.probe: every value the source names or computes passes through it
            value = transform(value)
        if site is not None and isinstance(value, Tensor):
            if value._fn is None and text in by_name:
                new = by_name[text]
                if isinstance(new, Tensor):  # a probe's own leaf (trace.probe) takes the input's place
                    value = new
                else:
                    value._data = np.array(new, dtype=value._data.dtype).reshape(value._data.shape)
            elif value._fn is None and value._rg and (text, site) in pending:
                _override(value, text, pending.pop((text, site)), notes)
            if text not in first_leaves and value._fn is None and value._rg and value._data.dtype.kind == "f":
                data = value._data
                first_leaves[text] = (site, np.array(data) if data.size <= _SLIDER_COPY else data)
            assigned.append((text, weakref.ref(value)))
        return _tag(value, kind, text)

    user_ns[TAG] = tag
    OBSERVERS.append(recorder)
    try:
        with torch_is_the_engine(user_ns, cell.bound):
            run_code(cell.body, user_ns)
            value = run_code(cell.last, user_ns) if cell.last is not None else None
    finally:
        OBSERVERS.remove(recorder)
        user_ns.pop(TAG, None)
    run = CellRun(value, cell.last is not None, recorder, assigned, user_ns)
    run.first_leaves, run.notes = first_leaves, notes
    return run


def _override(leaf, name, values, notes):
    values = np.asarray(values)
    if values.shape != leaf._data.shape:
        notes.append(f"{name} now has shape {tuple(leaf._data.shape)}, not {tuple(values.shape)}: "
                     "its slider values were not applied")
        return
    leaf._data = np.array(values, dtype=leaf._data.dtype)


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
