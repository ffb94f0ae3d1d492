"""Backward graph nodes, grad mode and the (iterative) backward pass."""
import re
import itertools

import numpy as np


class _GradMode:
    enabled = True


GRAD_MODE = _GradMode()
_sequence = itertools.count()

FREED_MESSAGE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they have "
    "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
    "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if "
    "you need to access saved tensors after calling backward.")


class RemovableHandle:
    """What ``register_hook`` returns: ``.remove()`` takes the hook away."""
    _ids = itertools.count()

    def __init__(self, hooks):
        self._hooks = hooks
        self.id = next(self._ids)

    def remove(self):
        self._hooks.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


_SCALARS = (int, float, bool)
_NO_EDGE = (None, 0)
FREED = ("freed",)  # Node.saved after a backward without retain_graph


class Node:
    """A backward function (``grad_fn``): one output, one entry in ``next_functions`` per input.

    Inputs may be Python scalars (``x * 2``): they get the edge ``(None, 0)``, as in PyTorch.
    """
    __slots__ = ("op", "next_functions", "saved", "consts", "metas", "needs", "seq", "extra", "__weakref__")

    def __init__(self, op, inputs, saved, consts):
        self.op = op
        nexts = []
        metas = []
        for t in inputs:
            if t.__class__ in _SCALARS:
                nexts.append(_NO_EDGE)
                metas.append(None)
                continue
            fn = t.grad_fn
            if fn is None and t._rg:
                fn = t._accum or t._accumulator()
            nexts.append((fn, 0))
            d = t._data
            metas.append((d.shape, d.dtype) if fn is not None else None)
        self.next_functions = tuple(nexts)
        self.metas = metas
        self.saved = saved
        self.consts = consts
        self.seq = next(_sequence)
        self.extra = None

    def _extra(self):
        if self.extra is None:
            self.extra = {}
        return self.extra

    @property
    def pre_hooks(self):
        return self.extra and self.extra.get("pre")

    @property
    def post_hooks(self):
        return self.extra and self.extra.get("post")

    @property
    def out_ref(self):
        return self.extra and self.extra.get("out")

    @out_ref.setter
    def out_ref(self, ref):
        self._extra()["out"] = ref

    @property
    def metadata(self):
        return self._extra().setdefault("metadata", {})

    def _hooks(self, kind):
        return self._extra().setdefault(kind, {})

    def name(self):
        return self.op.qualname

    def __repr__(self):
        return f"<{self.op.node} object at {hex(id(self))}>"

    def register_hook(self, fn):
        """fn(grad_inputs, grad_outputs), called after this node computed its gradients."""
        hooks = self._hooks("post")
        handle = RemovableHandle(hooks)
        hooks[handle.id] = fn
        return handle

    def register_prehook(self, fn):
        """fn(grad_outputs) -> new grad_outputs or None, called before this node runs."""
        hooks = self._hooks("pre")
        handle = RemovableHandle(hooks)
        hooks[handle.id] = lambda g, fn=fn: _unwrap1(fn((g,)))
        return handle

    def __call__(self, *grads):
        raise NotImplementedError(
            "autograd_magic implements a subset of PyTorch: calling a grad_fn node directly is not supported")


def _unwrap1(result):
    return None if result is None else result[0]


class _AccumulateOp:
    node = "AccumulateGrad"
    qualname = "torch::autograd::AccumulateGrad"


class AccumulateGrad:
    """The node that adds a leaf's gradient into ``leaf.grad``."""
    __slots__ = ("variable", "extra", "__weakref__")
    op = _AccumulateOp
    saved = ()
    seq = -1
    next_functions = ()

    def __init__(self, variable):
        self.variable = variable
        self.extra = None

    name = Node.name
    __repr__ = Node.__repr__
    register_hook = Node.register_hook
    register_prehook = Node.register_prehook
    _extra = Node._extra
    _hooks = Node._hooks
    pre_hooks = Node.pre_hooks
    post_hooks = Node.post_hooks
    metadata = Node.metadata
    out_ref = None


# ---------------------------------------------------------------- the backward pass

def _reachable(roots):
    """Every node reachable from roots (iteratively: graphs can be 1e5 deep)."""
    seen = set()
    stack = []
    for r in roots:
        if r not in seen:
            seen.add(r)
            stack.append(r)
    order = list(stack)
    while stack:
        for fn, _ in stack.pop().next_functions:
            if fn is not None and fn not in seen:
                seen.add(fn)
                stack.append(fn)
                order.append(fn)
    return order


def _seq(node):
    return node.seq


def run_backward(roots, root_grads, *, keep_graph, create_graph, capture=None, accumulate_into=None,
                 xp=None, to_tensor=None):
    """Propagate root_grads from the roots' grad_fns.

    A node is always created after its inputs, so decreasing creation number is a topological order:
    one sort replaces dependency counting.
    capture: {node: slot} whose incoming gradient is returned instead of accumulated (autograd.grad);
    accumulate_into: None for every leaf, else the set of AccumulateGrad nodes that may accumulate.
    """
    nodes = [r.grad_fn if r.grad_fn is not None else r._accumulator() for r in roots]
    order = _reachable(nodes)
    order.sort(key=_seq, reverse=True)
    buffers = {}
    for node, g in zip(nodes, root_grads):
        prev = buffers.get(node)
        buffers[node] = g if prev is None else prev + g
    captured = {}
    pop = buffers.pop
    for node in order:
        grad = pop(node, None)
        if grad is None:
            continue
        if node.extra is not None:
            grad = _run_pre_hooks(node, grad, to_tensor, create_graph)
        if capture is not None and node in capture:
            captured[node] = grad
        if node.op is _AccumulateOp:
            if capture is None and (accumulate_into is None or node in accumulate_into):
                _accumulate(node.variable, grad, create_graph, to_tensor)
            continue
        grads = _call_node(node, grad, keep_graph, xp)
        i = 0
        for fn, _ in node.next_functions:
            g = grads[i]
            i += 1
            if fn is None or g is None:
                continue
            prev = buffers.get(fn)
            buffers[fn] = g if prev is None else prev + g
    return captured


def _run_pre_hooks(node, grad, to_tensor, create_graph):
    ref = node.out_ref
    out = ref() if ref else None
    hooks = node.pre_hooks
    if hooks:
        for fn in list(hooks.values()):
            g = to_tensor(grad)
            new = fn(g)
            if new is not None:
                grad = new if create_graph else new._data
    if out is not None and out._retains_grad:
        g = to_tensor(grad)
        if out._grad is None:
            out._grad = g if create_graph else g.detach().clone()
        else:
            out._grad = out._grad + g if create_graph else out._grad.__class__._wrap(out._grad._data + g._data)
    return grad


class _Needs:
    """needs[i]: does input i want a gradient (built on access: most vjps never ask)."""
    __slots__ = ("metas",)

    def __init__(self, metas):
        self.metas = metas

    def __getitem__(self, i):
        return self.metas[i] is not None


def _call_node(node, grad, keep_graph, xp):
    op = node.op
    saved = node.saved
    if saved is FREED:
        if op.saves:
            raise RuntimeError(FREED_MESSAGE)
        saved = None
    elif saved:
        saved = [s.unpack(xp, node) if s.__class__ is Saved else s for s in saved]
    metas = node.metas
    grads = op.vjp(xp, grad, saved, node.consts, _Needs(metas))
    if not keep_graph:
        node.saved = FREED
    out = []
    for g, meta in zip(grads, metas):
        if g is None or meta is None:
            out.append(None)
        elif g.shape != meta[0] or g.dtype != meta[1]:
            out.append(xp.fit(g, meta[0], meta[1]))
        else:
            out.append(g)
    if node.extra is not None and node.post_hooks:
        for fn in list(node.post_hooks.values()):
            fn(tuple(out), (grad,))
    return out


def _accumulate(leaf, grad, create_graph, to_tensor):
    hooks = leaf._hooks
    if hooks:
        for fn in list(hooks.values()):
            new = fn(to_tensor(grad))
            if new is not None:
                grad = new if create_graph else new._data
    g = to_tensor(grad)
    if leaf._grad is None:
        if create_graph:
            leaf._grad = g._copy_grad()
        else:
            data = g._data
            leaf._grad = g if data.flags.writeable and data.base is None else g.__class__._wrap(np.array(data))
    elif create_graph:
        leaf._grad = leaf._grad + g
    else:
        np.add(leaf._grad._data, g._data, out=leaf._grad._data, casting="unsafe")
        leaf._grad._vbox[0] += 1


class Saved:
    """A tensor saved for backward, with the version it had when saved."""
    __slots__ = ("tensor", "data", "version", "vbox", "is_output")

    def __init__(self, tensor, is_output=False):
        self.data = tensor._data
        self.vbox = tensor._vbox
        self.version = tensor._vbox[0]
        self.is_output = is_output
        # An output is not kept as a Tensor: that would be a cycle output -> grad_fn -> output.
        self.tensor = None if is_output else tensor

    def unpack(self, xp, node):
        if self.vbox[0] != self.version:
            raise RuntimeError(self._version_message(node))
        if xp.is_numpy:
            return self.data
        if self.is_output:
            return xp.rewrap(self.data, node)
        return self.tensor

    def _version_message(self, node):
        kind = {"float32": "Float", "float64": "Double", "int64": "Long", "int32": "Int", "bool": "Bool",
                "float16": "Half", "uint8": "Byte", "int8": "Char", "int16": "Short"}[self.data.dtype.name]
        shape = ", ".join(str(n) for n in self.data.shape)
        producer = node if self.is_output else self.tensor.grad_fn
        where = f", which is output 0 of {re.sub(r'Backward[0-9]*$', '', producer.op.node)}," if producer else ""
        return ("one of the variables needed for gradient computation has been modified by an inplace operation: "
                f"[torch.{kind}Tensor [{shape}]]{where} is at version {self.vbox[0]}; expected version "
                f"{self.version} instead. Hint: enable anomaly detection to find the operation that failed to "
                "compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
