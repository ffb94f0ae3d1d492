"""From a finished run to the trace model: the table's rows and the graph as plain data, one traversal.

Reads the engine only through ``engine.inspect`` and the run's side tables (names.py, the recorder); what it
returns (model.Trace) holds no engine object.
"""
import numpy as np

from ..engine import inspect as ei
from ..torch.nn.module import Module, Parameter
from .loops import add_loops, first_pass_boxes, first_pass_leaves
from .model import INTERMEDIATE, LEAF, OUTPUT, GraphEdge, GraphNode, GraphSpec, TensorInfo, Trace
from .modules import add_scopes, fold_room, parameter_names


def build_trace(run, max_nodes=None, iteration="last"):
    """The model of one run: tensors (rows), graph (capped at max_nodes; of each output's last backward pass,
    or its first with iteration="first"), passes, notes."""
    names = run.names
    recorder = run.recorder
    in_ns = _names_in(run.user_ns)
    nodes = ei.graph_nodes(_roots(run))
    rows, row_of = _collect_tensors(run, nodes, in_ns)
    if iteration == "first" and recorder.outputs.passes > 1:
        nodes = ei.graph_nodes([ei.graph_node(t) for t, _ in recorder.outputs.drawn("first")])
        row_of = first_pass_boxes(recorder.outputs, row_of, ei.graph_node, lambda t: ei.value(t, copy=True),
                                  ei.node_id)
    graph = _build_graph(nodes, row_of, names, in_ns, recorder.node_grads, fold_room(max_nodes, run))
    add_loops(rows, graph, recorder.outputs, recorder.leaf_history, recorder.passes)
    if iteration == "first" and graph.repeats > 1:
        graph.drawn = "first"
        first_pass_leaves(graph, recorder.passes)
    add_scopes(graph, nodes, getattr(run, "scopes", None), run.user_ns, is_module, ei.node_id)
    return Trace(tensors=rows, graph=graph, passes=list(recorder.passes), notes=list(recorder.notes),
                 details=list(recorder.details), caps=recorder.caps, leaf_records=recorder.leaf_records())


def is_module(obj):
    return issubclass(type(obj), Module)  # by type: a lazy proxy's __class__ may raise


def _names_in(user_ns):
    """Tensor id -> variable name, for tensors bound in the namespace (public names only), and for the
    parameters of the modules bound there, as ``named_parameters()`` names them (``model.0.weight``)."""
    names = {}
    for k, v in list(user_ns.items()):
        if not k.startswith("_") and ei.is_tensor(v):
            names.setdefault(id(v), k)
    for key, name in parameter_names(user_ns, is_module).items():
        names.setdefault(key, name)
    return names


def _roots(run):
    """The nodes the graph is drawn from: where backward started, else the tensors the cell computed."""
    if run.recorder.outputs:
        return [ei.graph_node(t) for t, _ in run.recorder.outputs]
    out = []
    for _, ref in run.assigned:
        t = ref()
        if t is not None and ei.grad_fn(t) is not None:
            out.append(ei.grad_fn(t))
    return out


def _name(t, in_ns, names):
    return in_ns.get(id(t)) or names.tensor_name(t)


def _collect_tensors(run, nodes, in_ns):
    """TensorInfo rows: leaves that require grad, the outputs backward ran from, named intermediates."""
    names = run.names
    grads = run.recorder.node_grads
    rows, seen, row_of = [], set(), {}

    def add(t, kind, seed=None, name=None):
        if id(t) in seen:
            return
        seen.add(id(t))
        name = name or _name(t, in_ns, names)
        node = ei.grad_fn(t)
        label = names.label(node) if node is not None else None
        expr = label.expr if label is not None else None
        if kind == LEAF:
            grad = ei.grad(t, copy=True)
        else:
            g = grads.get(node)
            if getattr(node, "multi", False) and t.output_nr:  # events report a several-output node's output 0
                g = None
            grad = None if g is None else _fit(g, ei.shape(t))
        graph_node = node if node is not None else ei.leaf_node(t, create=False)
        info = TensorInfo(key=f"t{len(rows)}", name=name, expr=expr, kind=kind, shape=ei.shape(t),
                          dtype=ei.dtype_name(t), value=ei.value(t, copy=True), grad=grad, seed_grad=seed,
                          retained=kind == LEAF or ei.retains_grad(t), site=label.site if label else None,
                          node_id=None if graph_node is None else ei.node_id(graph_node),
                          parameter=isinstance(t, Parameter))
        rows.append(info)
        if graph_node is not None:
            row_of.setdefault(graph_node, info)

    in_graph = set(nodes)
    leaves = [ei.node_tensor(n) for n in nodes if ei.is_accumulate(n)]
    leaf_ids = {id(t) for t in leaves}
    leaf_names = {in_ns.get(id(t)) or names.tensor_name(t) for t in leaves}
    for name, ref in reversed(run.assigned):   # leaves the cell made, even those no graph reaches yet: the
        t = ref()                              # latest of each name (a loop that rebinds x makes many)
        if t is not None and ei.is_leaf(t) and ei.requires_grad(t) and id(t) not in leaf_ids \
                and name not in leaf_names:
            leaves.append(t)
            leaf_ids.add(id(t))
            leaf_names.add(name)
    order = {}
    for i, (_, ref) in enumerate(run.assigned):
        t = ref()
        if t is not None:
            order.setdefault(id(t), i)
    leaves.sort(key=lambda t: (0, order[id(t)]) if id(t) in order else (1, in_ns.get(id(t), "")))
    for t in leaves:
        add(t, LEAF)
    for t, seed in run.recorder.outputs:
        add(t, OUTPUT, seed)
    named = set()
    for k, v in list(run.user_ns.items()):
        if not k.startswith("_") and ei.is_tensor(v) and ei.grad_fn(v) is not None and ei.grad_fn(v) in in_graph:
            add(v, INTERMEDIATE, name=k)
            named.add(k)
    for name, ref in reversed(run.assigned):   # the latest tensor of each name (a loop makes one per pass)
        t = ref()
        if t is not None and ei.grad_fn(t) is not None and (ei.grad_fn(t) in in_graph or name not in named):
            named.add(name)
            add(t, INTERMEDIATE, name=name)
    return rows, row_of


def _build_graph(nodes, row_of, names, in_ns, grads, max_nodes=None):
    """The backward graph as plain data: op nodes (PyTorch's names) and tensor boxes with names and grads."""
    spec = GraphSpec(has_gradients=bool(grads))
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    for k, node in enumerate(nodes):
        if max_nodes is not None and len(spec.nodes) >= max_nodes:
            # outputs come first: the rest is only counted (a 1e5-op graph must not build 1e5 boxes)
            rest = nodes[k:]
            spec.omitted += len(rest) + sum(1 for n in rest if ei.is_accumulate(n) or names.label(n) is not None)
            break
        nid = ids[node]
        spec.nodes.append(GraphNode(id=nid, kind="op", label=ei.node_name(node), grad=grads.get(node),
                                    node_id=ei.node_id(node)))
        box = row_of.get(node) or _tensor_box(node, names, in_ns, grads)
        if box is not None and max_nodes is not None and len(spec.nodes) >= max_nodes:
            spec.omitted += 1  # the cap falls between an op and its tensor box
        elif box is not None:
            tid = nid + "t"
            spec.nodes.append(GraphNode(id=tid, kind="tensor", label=box.label, tensor=box, node_id=box.node_id))
            if ei.is_accumulate(node):
                spec.edges.append(GraphEdge(nid, tid))
            else:
                spec.edges.append(GraphEdge(tid, nid))
        for fn in ei.next_nodes(node):
            if fn is not None and fn in ids:
                spec.edges.append(GraphEdge(nid, ids[fn]))
    keep = {n.id for n in spec.nodes}
    spec.edges = [e for e in spec.edges if e.src in keep and e.dst in keep]
    return spec


def _tensor_box(node, names, in_ns, grads):
    """A box for a node's tensor that is not a table row: a leaf from elsewhere, or a temporary the source
    wrote (its expression) or named earlier."""
    if ei.is_accumulate(node):
        t = ei.node_tensor(node)
        return TensorInfo(key=f"leaf{ei.node_id(node)}", name=_name(t, in_ns, names), expr=None, kind=LEAF,
                          shape=ei.shape(t), dtype=ei.dtype_name(t), value=ei.value(t, copy=True),
                          grad=ei.grad(t, copy=True), retained=True, node_id=ei.node_id(node),
                          parameter=isinstance(t, Parameter))
    label = names.label(node)
    if label is None or (label.expr is None and label.name is None):
        return None
    g = grads.get(node)
    value = label.current_value()
    return TensorInfo(key=f"tmp{ei.node_id(node)}", name=label.name, expr=label.expr, kind=INTERMEDIATE,
                      shape=tuple(label.shape), dtype=label.dtype,
                      value=np.array(value) if value is not None else np.zeros(0),
                      grad=None if g is None else _fit(g, label.shape), site=label.site,
                      node_id=ei.node_id(node))


def _fit(grad, shape):
    """The gradient in the tensor's shape (a 0-d sum broadcast back); as recorded when the tensor changed shape
    since backward ran (``y.data = torch.zeros(5)``): the gradient belongs to the values backward saw."""
    if grad.__class__ is np.ndarray and grad.shape == tuple(shape):
        return grad.copy()
    try:
        return np.broadcast_to(grad, shape).copy()
    except ValueError:
        return np.array(grad)
