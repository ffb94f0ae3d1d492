"""``%%grad --backend torch``: run a cell on the real PyTorch the kernel has, and describe it with the trace model.

The cell runs unchanged: no module is swapped or patched. What the views need is observed from outside:

- names and source expressions: the same tagging of the cell's source as on the engine (execute.compile_cell),
  kept in side tables of this run (never on the user's tensors);
- the backward calls: a ``TorchFunctionMode`` that is active while the cell runs sees every ``Tensor.backward``,
  ``torch.autograd.backward`` and ``torch.autograd.grad``; around each call, hooks on the graph's nodes
  (``Node.register_prehook`` / ``register_hook``) see, in PyTorch's own order, the gradient that came into each
  node and what it sent along each input edge; they are removed when the call returns (also when it raises);
- local derivatives of elementwise nodes: the node's backward applied to a gradient of ones, under no_grad,
  while its saved tensors are still alive.

Nothing is left on the user's objects: no ``retain_grad()``, no hook, no attribute; ``requires_grad`` untouched.
Values are copied to the CPU only within the caps (elements per array, steps per pass), so tensors on any
device are fine. What PyTorch does not let us see is said in the trace's notes (a node whose output tensor the
cell never bound has no values; PyTorch keeps no reference from a node to its output).

The returned run has the interface of runner.CellRun that magic.py and the views use: ``value``,
``has_value``, ``trace(max_nodes)``, ``inputs()``, ``sites``, ``notes``, ``user_ns``.
"""
import inspect
import itertools
import os
import weakref

import numpy as np

from . import modules
from .execute import TAG, compile_cell, run_code
from .loops import LeafHistory, Outputs, add_loops, first_pass_boxes, first_pass_leaves, summary
from .modules import ModuleScopes
from .names import caller_names
from .model import (INTERMEDIATE, LEAF, OUTPUT, Caps, GraphEdge, GraphNode, GraphSpec, LeafGrad, Pass,
                    TensorInfo, Trace)

_SLIDER_COPY = 64   # inputs up to this many elements keep their created values (sliders need at most 8)
_ROW_ELEMENTS = 1 << 20   # a table row copies at most this many values to the CPU; bigger tensors show their shape

# PyTorch's nodes whose output element i depends only on element i of each input (after broadcasting)
ELEMENTWISE = frozenset("""
    AddBackward0 AddBackward1 SubBackward0 SubBackward1 RsubBackward0 RsubBackward1 MulBackward0 MulBackward1
    DivBackward0 DivBackward1 NegBackward0 PowBackward0 PowBackward1 PowBackward2 ExpBackward0 Exp2Backward0
    Expm1Backward0 LogBackward0 Log2Backward0 Log10Backward0 Log1PBackward0 SqrtBackward0 RsqrtBackward0
    SinBackward0 CosBackward0 TanBackward0 TanhBackward0 SigmoidBackward0 ReluBackward0 AbsBackward0
    ClampBackward1 ClampMinBackward0 ClampMaxBackward0 MaximumBackward0 MinimumBackward0 WhereBackward0
    ReciprocalBackward0 ErfBackward0 AtanBackward0 AsinBackward0 AcosBackward0 SinhBackward0 CoshBackward0
    LeakyReluBackward0 EluBackward0 GeluBackward0 SiluBackward0 SoftplusBackward0 CloneBackward0
    ToCopyBackward0 LogitBackward0 HypotBackward0 Atan2Backward0 XlogyBackward0 LerpBackward0 LerpBackward1
""".split())


class TorchMissing(ImportError):
    """--backend torch in a kernel without PyTorch."""


def real_torch():
    """The real ``torch`` module, or TorchMissing with what to do about it."""
    try:
        import torch  # the real PyTorch, imported only when a cell asks for it (an optional dependency)
    except ImportError:
        raise TorchMissing("%%grad --backend torch needs PyTorch in this kernel's environment "
                           "(pip install torch); the default backend (the numpy engine) needs nothing") from None
    if not hasattr(torch, "overrides"):  # the engine bound as `torch` by someone: not what this backend runs
        raise TorchMissing("%%grad --backend torch: `import torch` does not give real PyTorch here")
    return torch


def node_name(node):
    name = node.name()
    return name.rsplit("::", 1)[-1]   # "torch::autograd::AccumulateGrad" -> "AccumulateGrad"


def _is_accumulate(node):
    return hasattr(node, "variable")


def _numpy(t, limit=None):
    """A CPU numpy copy of a tensor's values (None past limit elements, or when it cannot be read)."""
    try:
        if limit is not None and t.numel() > limit:
            return None
        t = t.detach().cpu()
        if t.is_complex():
            t = t.resolve_conj()
        elif t.dtype.is_floating_point and t.element_size() < 4:   # bfloat16/float16 have no numpy view here
            t = t.float()
        return t.numpy().copy()
    except Exception:  # noqa: BLE001 - sparse, meta, quantised ...: shown without values
        return None


def _dtype(t):
    return str(t.dtype).replace("torch.", "")


class _Label:
    """What the source says about one node's output: name, expression, where, and its values when made."""
    __slots__ = ("name", "expr", "site", "value", "shape", "dtype", "tensor")

    def __init__(self, t, expr, site, caps):
        self.name, self.expr, self.site = None, expr, site
        self.shape, self.dtype = tuple(t.shape), _dtype(t)
        self.value = _numpy(t, caps.elements)
        self.tensor = weakref.ref(t)


class TorchRun:
    """One run of a cell on real PyTorch: what the views need (see the module's docstring)."""

    def __init__(self, torch, user_ns, caps=None):
        self.torch = torch
        self.user_ns = user_ns
        self.caps = caps or Caps()
        self.value, self.has_value = None, False
        self.assigned = []            # [(name, weakref to tensor)] in the order the cell assigned them
        self.first_leaves = {}        # name -> (site, values): the cell's inputs, for sliders
        self.notes = []
        self.passes = []              # model.Pass per backward call
        self.outputs = Outputs()      # per output name: the last root tensor, pass count, history (loops.py)
        self.leaf_history = LeafHistory()
        self.scopes = None            # modules.ModuleScopes of the run
        self.node_grads = {}          # node -> gradient that flowed into it, summed over passes (within caps)
        self.labels = {}              # node -> _Label (nodes cannot be weakly referenced: dropped after the trace)
        self._names = {}              # id(tensor) -> (weakref, name)
        self._ids = {}                # node -> a number for the trace
        self._counter = itertools.count()
        self._traces = {}

    # ------------------------------------------------------------ the interface of runner.CellRun

    def trace(self, max_nodes=None, iteration="last"):
        key = (max_nodes, iteration)
        if key not in self._traces:
            self._traces[key] = _build(self, max_nodes, iteration)
        return self._traces[key]

    def inputs(self):
        return [(name, values) for name, (_, values) in self.first_leaves.items()]

    @property
    def sites(self):
        return {name: site for name, (site, _) in self.first_leaves.items()}

    # ------------------------------------------------------------ names

    def node_id(self, node):
        got = self._ids.get(node)
        if got is None:
            got = self._ids[node] = next(self._counter)
        return got

    def tensor_name(self, t):
        entry = self._names.get(id(t))
        return entry[1] if entry is not None and entry[0]() is t else None

    def node_text(self, node):
        if _is_accumulate(node):
            return self.tensor_name(node.variable)
        label = self.labels.get(node)
        return None if label is None else (label.name or label.expr)

    def label(self, node, t, expr=None, site=None):
        got = self.labels.get(node)
        if got is None:
            got = self.labels[node] = _Label(t, expr, site, self.caps)
        return got


# ---------------------------------------------------------------- running


def run_cell(source, user_ns, filename="<%%grad>", overrides=None, caps=None, **_ignored):
    """Run source in user_ns on real PyTorch like a normal cell (exceptions propagate); return a TorchRun.

    overrides: {(name, site): array}: the leaf the assignment at site creates first gets these values (sliders).
    """
    torch = real_torch()
    run = TorchRun(torch, user_ns, caps)
    cell = compile_cell(source, filename)
    pending = dict(overrides or {})
    Tensor = torch.Tensor

    def tag(value, kind, text, site=None, expr=None):
        if not isinstance(value, Tensor):
            return value
        node = _fn(value)
        if site is None:   # an expression: its node learns the source text
            if node is not None and node not in run.labels:
                run.label(node, value, expr=text)
            return value
        if node is None:
            if pending and (text, site) in pending:
                _override(torch, value, text, pending.pop((text, site)), run.notes)
            if value.requires_grad and value.dtype.is_floating_point and text not in run.first_leaves:
                n = value.numel()
                values = _numpy(value) if n <= _SLIDER_COPY else np.broadcast_to(np.zeros((), np.float32),
                                                                                    tuple(value.shape))
                run.first_leaves[text] = (site, values)
        else:
            run.label(node, value, expr=expr, site=site).name = text
        run.assigned.append((text, weakref.ref(value)))
        run._names[id(value)] = (weakref.ref(value), text)
        return value

    user_ns[TAG] = tag
    run.scopes = ModuleScopes(modules.torch_backend(torch, _accumulator))
    try:
        with _Watch(torch, run), run.scopes.recording():
            run_code(cell.body, user_ns)
            run.value = run_code(cell.last, user_ns) if cell.last is not None else None
            run.has_value = cell.last is not None
    finally:
        user_ns.pop(TAG, None)
    return run


def _override(torch, leaf, name, values, notes):
    values = np.asarray(values)
    if tuple(values.shape) != tuple(leaf.shape):
        notes.append(f"{name} now has shape {tuple(leaf.shape)}, not {tuple(values.shape)}: "
                     "its slider values were not applied")
        return
    with torch.no_grad():
        leaf.copy_(torch.as_tensor(values, dtype=leaf.dtype))


def _make_watch(torch):
    """A TorchFunctionMode class that records backward calls (made once per torch module)."""
    backward_fns = {torch.Tensor.backward: "backward", torch.autograd.backward: "backward",
                    torch.autograd.grad: "grad"}
    signatures = {fn: inspect.signature(fn) for fn in backward_fns}

    class Watch(torch.overrides.TorchFunctionMode):
        def __init__(self, run):
            super().__init__()
            self.run = run

        def __torch_function__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            call = backward_fns.get(func)
            if call is None:
                return func(*args, **kwargs)
            try:
                bound = signatures[func].bind(*args, **kwargs).arguments
            except TypeError:   # PyTorch's own error for a wrong call
                return func(*args, **kwargs)
            return _observed_call(self.run, func, args, kwargs, call, bound)

    return Watch


_WATCH = {}


class _Watch:
    """The mode for one cell run (entered and left with the cell)."""

    def __init__(self, torch, run):
        cls = _WATCH.get(id(torch))
        if cls is None:
            cls = _WATCH[id(torch)] = _make_watch(torch)
        self.mode = cls(run)

    def __enter__(self):
        self.mode.__enter__()
        return self

    def __exit__(self, *exc):
        return self.mode.__exit__(*exc)


def _as_tuple(x):
    if x is None:
        return ()
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def _observed_call(run, func, args, kwargs, call, bound):
    """Run one backward call with hooks on every node it can reach; record it as a model.Pass."""
    torch = run.torch
    if func is torch.Tensor.backward:
        roots, grads = (bound["self"],), (bound.get("gradient"),)
    elif call == "backward":
        roots = _as_tuple(bound.get("tensors"))
        grads = _as_tuple(bound.get("grad_tensors")) or (None,) * len(roots)
    else:
        roots = _as_tuple(bound.get("outputs"))
        grads = _as_tuple(bound.get("grad_outputs")) or (None,) * len(roots)
    try:
        recorder = _PassRecorder(run, call, roots, grads, bound)
    except Exception as exc:  # noqa: BLE001 - observing must never change what the cell does
        run.notes.append(f"recording a backward pass failed ({type(exc).__name__}: {exc})")
        return func(*args, **kwargs)
    error = None
    try:
        return func(*args, **kwargs)
    except BaseException as exc:
        error = exc
        raise
    finally:
        recorder.finish(error)


class _PassRecorder:
    def __init__(self, run, call, roots, grads, bound):
        self.run = run
        torch = run.torch
        gradient = []
        for t, g in zip(roots, grads):
            seed = None
            if isinstance(g, torch.Tensor) and not (g.numel() == 1 and float(g.detach().reshape(())) == 1.0):
                seed = _numpy(g)
            gradient.append(seed)
            if call == "backward" and isinstance(t, torch.Tensor):
                label = run.labels.get(_fn(t)) if _fn(t) is not None else None
                if run.tensor_name(t) is None and (label is None or label.expr is None):
                    # a training function's or closure's ``loss``: one output by that name (names.caller_names)
                    local, text = caller_names(t, (os.path.dirname(torch.__file__) + os.sep,))
                    if local is not None:
                        run._names[id(t)] = (weakref.ref(t), local)
                        if _fn(t) is not None:
                            run.label(_fn(t), t).name = local
                    elif text is not None and _fn(t) is not None:
                        label = run.label(_fn(t), t, expr=text)
                        label.expr = label.expr or text
                run.outputs.add(t, seed, run.tensor_name(t),
                                summary(_numpy(t, run.caps.elements)) if t.numel() <= run.caps.elements else None,
                                label.expr if label is not None else None)
        tensors = [t for t in roots if isinstance(t, torch.Tensor)]
        starts = [_fn(t) if _fn(t) is not None else _accumulator(t) for t in tensors]
        self.pass_ = Pass(index=len(run.passes), call=call, roots=[run.tensor_name(t) for t in tensors],
                          root_ids=[run.node_id(n) if n is not None else None for n in starts], gradient=gradient,
                          create_graph=bool(bound.get("create_graph")),
                          retain_graph=bool(bound.get("retain_graph")))
        run.passes.append(self.pass_)
        self.leaves = []          # [(leaf, LeafGrad)]
        self.locals = {}          # node -> local derivatives (tuple of arrays or None)
        self.handles = []
        for node in _walk([n for n in starts if n is not None]):
            self.handles.append(node.register_prehook(self._pre(node)))
            self.handles.append(node.register_hook(self._post(node)))

    def _pre(self, node):
        def hook(grad_outputs):
            try:
                self._before(node, grad_outputs)
            except Exception as exc:  # noqa: BLE001 - observing must never change what the cell does
                self._fail(exc)
        return hook

    def _post(self, node):
        def hook(grad_inputs, grad_outputs):
            try:
                self._ran(node, grad_inputs, grad_outputs)
            except Exception as exc:  # noqa: BLE001
                self._fail(exc)
        return hook

    def _fail(self, exc):
        note = f"recording the backward pass failed ({type(exc).__name__}: {exc}); the views show what was recorded"
        if note not in self.run.notes:
            self.run.notes.append(note)

    def _before(self, node, grad_outputs):
        run, torch = self.run, self.run.torch
        g = grad_outputs[0] if grad_outputs else None
        if _is_accumulate(node):
            leaf = node.variable
            small = g is not None and g.numel() <= run.caps.elements
            before = leaf.grad
            record = LeafGrad(name=run.tensor_name(leaf), node_id=run.node_id(node),
                              before=_numpy(before) if small and before is not None else None,
                              added=_numpy(g) if small else None, after=None,
                              value=_numpy(leaf) if small else None)
            self.pass_.leaves.append(record)
            self.leaves.append((leaf, record))
            if small:
                run.leaf_history.add(record.node_id, summary(record.value))
            return
        steps = len(self.pass_.raw_steps)
        if (node_name(node) in ELEMENTWISE and g is not None and steps < run.caps.steps
                and g.numel() <= run.caps.elements):
            try:
                with torch.no_grad():
                    got = node(torch.ones_like(g))
                self.locals[node] = tuple(got) if isinstance(got, (tuple, list)) else (got,)
            except Exception:  # noqa: BLE001 - a node that cannot be called again shows no local derivative
                self.locals[node] = None

    def _ran(self, node, grad_inputs, grad_outputs):
        run = self.run
        caps = run.caps
        p = self.pass_
        g = grad_outputs[0] if grad_outputs else None
        keep = g is not None and len(p.raw_steps) < caps.steps and g.numel() <= caps.elements
        grad = _numpy(g) if keep else None
        locals_ = self.locals.pop(node, None)
        inputs = []
        for i, ((target, _), sent) in enumerate(zip(node.next_functions, grad_inputs)):
            if target is None or sent is None:
                continue
            local = None
            if keep and locals_ is not None and i < len(locals_) and locals_[i] is not None:
                if tuple(locals_[i].shape) == tuple(g.shape):
                    local = _numpy(locals_[i])
            inputs.append((i, run.node_text(target) or node_name(target), run.node_id(target), local,
                           _numpy(sent, caps.elements if keep else -1)))
        value = None
        if keep:
            if _is_accumulate(node):
                value = _numpy(node.variable)
            else:
                label = run.labels.get(node)
                if label is not None:
                    t = label.tensor()
                    value = _numpy(t, caps.elements) if t is not None else label.value
        else:
            p.omitted_arrays += 1
        p.raw_steps.append((node_name(node), run.node_id(node), run.node_text(node), grad, value, tuple(inputs)))
        if g is not None and (keep or node in run.labels or _is_accumulate(node)):
            arr = _numpy(g, caps.elements)
            if arr is not None:
                prev = run.node_grads.get(node)
                run.node_grads[node] = arr if prev is None else prev + arr

    def finish(self, error):
        for h in self.handles:
            h.remove()
        self.handles = []
        for leaf, record in self.leaves:
            g = leaf.grad
            if g is not None and g.numel() <= self.run.caps.elements:
                record.after = _numpy(g)
        if error is not None:
            self.pass_.error = f"{type(error).__name__}: {error}"


def _fn(t):
    """t.grad_fn, or None where PyTorch refuses to give it (a view made under no_grad whose base was then changed in
    place with grad mode on raises on ``.grad_fn``): drawing such a tensor never fails the cell or its views."""
    try:
        return t.grad_fn
    except RuntimeError:
        return None


def _is_leaf(t):
    """t.is_leaf, False where PyTorch refuses to say (the tensors _fn speaks of)."""
    try:
        return t.is_leaf
    except RuntimeError:
        return False


def _accumulator(t):
    """A leaf's AccumulateGrad node (None for a tensor that does not require grad)."""
    if not t.requires_grad:
        return None
    try:
        return t.view_as(t).grad_fn.next_functions[0][0]
    except Exception:  # noqa: BLE001
        return None


def _walk(roots):
    """Every node reachable from roots, each once, outputs first (iterative)."""
    seen, order, stack = set(), [], []
    for r in roots:
        if r not in seen:
            seen.add(r)
            order.append(r)
            stack.append(r)
    while stack:
        for nxt, _ in stack.pop().next_functions:
            if nxt is not None and nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
                stack.append(nxt)
    return order


def _run_order(nodes):
    """The order PyTorch's engine runs them in (later-made ops first, leaves' accumulators last)."""
    def key(node):
        if _is_accumulate(node):
            return (1, 0)
        try:
            return (0, -node._sequence_nr())
        except Exception:  # noqa: BLE001
            return (0, 0)
    return sorted(nodes, key=key)


# ---------------------------------------------------------------- the model


def _build(run, max_nodes, iteration="last"):
    torch = run.torch
    in_ns = {}
    for k, v in list(run.user_ns.items()):
        if not k.startswith("_") and issubclass(type(v), torch.Tensor):
            in_ns.setdefault(id(v), k)
    for key, name in modules.parameter_names(run.user_ns, lambda o: issubclass(type(o), torch.nn.Module)).items():
        in_ns.setdefault(key, name)
    roots = [_fn(t) for t, _ in run.outputs if _fn(t) is not None]
    roots += [_accumulator(t) for t, _ in run.outputs if _fn(t) is None and t.requires_grad]
    if not run.outputs:
        for _, ref in run.assigned:
            t = ref()
            if t is not None and _fn(t) is not None:
                roots.append(_fn(t))
    nodes = _run_order(_walk([r for r in roots if r is not None]))
    rows, row_of = _rows(run, nodes, in_ns)
    if iteration == "first" and run.outputs.passes > 1:
        def node_of(t):
            return _fn(t) if _fn(t) is not None else _accumulator(t)
        first = [node_of(t) for t, _ in run.outputs.drawn("first")]
        nodes = _run_order(_walk([r for r in first if r is not None]))
        row_of = first_pass_boxes(run.outputs, row_of, node_of, lambda t: _numpy(t.detach(), _ROW_ELEMENTS),
                                  run.node_id)
    graph = _graph(run, nodes, row_of, in_ns, modules.fold_room(max_nodes, run))
    add_loops(rows, graph, run.outputs, run.leaf_history, run.passes)
    if iteration == "first" and graph.repeats > 1:
        graph.drawn = "first"
        first_pass_leaves(graph, run.passes)
    modules.add_scopes(graph, nodes, run.scopes, run.user_ns, lambda o: issubclass(type(o), torch.nn.Module),
                       run.node_id)
    notes = list(run.notes)
    unseen = sum(1 for n in nodes if not _is_accumulate(n) and n not in run.labels)
    if unseen:
        notes.append(f"{unseen} node(s) made inside functions or modules show no values: PyTorch keeps no "
                     "reference from a node to its output")
    trace = Trace(tensors=rows, graph=graph, passes=list(run.passes), notes=notes, details=[""] * len(notes),
                  caps=run.caps)
    return trace


def _name(run, t, in_ns):
    return in_ns.get(id(t)) or run.tensor_name(t)


def _info(run, t, kind, key, name, grad, seed=None, node=None):
    label = run.labels.get(_fn(t)) if _fn(t) is not None else None
    value = _numpy(t, _ROW_ELEMENTS)
    return TensorInfo(key=key, name=name, expr=label.expr if label else None, kind=kind, shape=tuple(t.shape),
                      dtype=_dtype(t), value=value if value is not None else np.zeros(0), grad=grad,
                      seed_grad=seed, retained=kind == LEAF or bool(getattr(t, "retains_grad", False)),
                      site=label.site if label else None, node_id=None if node is None else run.node_id(node),
                      parameter=isinstance(t, run.torch.nn.Parameter))


def _fit(grad, shape):
    try:
        return np.broadcast_to(grad, shape).copy()
    except ValueError:
        return np.array(grad)


def _rows(run, nodes, in_ns):
    torch = run.torch
    rows, seen, row_of = [], set(), {}

    def add(t, kind, seed=None, name=None):
        if id(t) in seen:
            return
        seen.add(id(t))
        node = _fn(t) if _fn(t) is not None else _accumulator(t)
        if kind == LEAF:
            grad = _numpy(t.grad, _ROW_ELEMENTS) if t.grad is not None else None
        else:
            g = run.node_grads.get(_fn(t))
            grad = None if g is None else _fit(g, tuple(t.shape))
        info = _info(run, t, kind, f"t{len(rows)}", name or _name(run, t, in_ns), grad, seed, node)
        rows.append(info)
        if node is not None:
            row_of.setdefault(node, info)

    in_graph = set(nodes)
    leaves = [n.variable for n in nodes if _is_accumulate(n)]
    leaf_ids = {id(t) for t in leaves}
    order = {}
    for i, (_, ref) in enumerate(run.assigned):
        t = ref()
        if t is None:
            continue
        order.setdefault(id(t), i)
        if _fn(t) is None and t.requires_grad and _is_leaf(t) and id(t) not in leaf_ids:
            leaves.append(t)
            leaf_ids.add(id(t))
    leaves.sort(key=lambda t: (0, order[id(t)]) if id(t) in order else (1, in_ns.get(id(t), "")))
    for t in leaves:
        add(t, LEAF)
    for t, seed in run.outputs:
        add(t, OUTPUT, seed)
    for k, v in list(run.user_ns.items()):
        if not k.startswith("_") and issubclass(type(v), torch.Tensor) and _fn(v) is not None and _fn(v) in in_graph:
            add(v, INTERMEDIATE, name=k)
    for name, ref in run.assigned:
        t = ref()
        if t is not None and _fn(t) is not None:
            add(t, INTERMEDIATE, name=name)
    return rows, row_of


def _graph(run, nodes, row_of, in_ns, max_nodes):
    spec = GraphSpec(has_gradients=bool(run.passes))
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    for k, node in enumerate(nodes):
        if max_nodes is not None and len(spec.nodes) >= max_nodes:
            rest = nodes[k:]
            spec.omitted += len(rest) + sum(1 for n in rest if _is_accumulate(n) or n in run.labels)
            break
        nid = ids[node]
        spec.nodes.append(GraphNode(id=nid, kind="op", label=node_name(node), grad=run.node_grads.get(node),
                                    node_id=run.node_id(node)))
        box = row_of.get(node) or _box(run, node, in_ns)
        if box is not None and max_nodes is not None and len(spec.nodes) >= max_nodes:
            spec.omitted += 1
        elif box is not None:
            tid = nid + "t"
            spec.nodes.append(GraphNode(id=tid, kind="tensor", label=box.label, tensor=box, node_id=box.node_id))
            spec.edges.append(GraphEdge(nid, tid) if _is_accumulate(node) else GraphEdge(tid, nid))
        for nxt, _ in node.next_functions:
            if nxt is not None and nxt in ids:
                spec.edges.append(GraphEdge(nid, ids[nxt]))
    keep = {n.id for n in spec.nodes}
    spec.edges = [e for e in spec.edges if e.src in keep and e.dst in keep]
    return spec


def _box(run, node, in_ns):
    """A tensor box that is not a table row: a leaf from elsewhere, or a temporary the source wrote."""
    if _is_accumulate(node):
        t = node.variable
        grad = _numpy(t.grad, _ROW_ELEMENTS) if t.grad is not None else None
        return _info(run, t, LEAF, f"leaf{run.node_id(node)}", _name(run, t, in_ns), grad, node=node)
    label = run.labels.get(node)
    if label is None or (label.expr is None and label.name is None):
        return None
    g = run.node_grads.get(node)
    t = label.tensor()
    value = _numpy(t, _ROW_ELEMENTS) if t is not None else label.value
    return TensorInfo(key=f"tmp{run.node_id(node)}", name=label.name, expr=label.expr, kind=INTERMEDIATE,
                      shape=label.shape, dtype=label.dtype, value=value if value is not None else np.zeros(0),
                      grad=None if g is None else _fit(g, label.shape), site=label.site,
                      node_id=run.node_id(node))
