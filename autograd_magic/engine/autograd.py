"""Backward graph nodes, grad mode and the (iterative) backward pass."""
import heapq
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


class Node:
    """A backward function (``grad_fn``): one output, one entry in ``next_functions`` per input."""
    __slots__ = ("op", "next_functions", "saved", "consts", "shapes", "dtypes", "needs", "seq",
                 "out_ref", "pre_hooks", "post_hooks", "freed", "metadata", "__weakref__")

    def __init__(self, op, inputs, saved, consts):
        self.op = op
        nexts = []
        needs = []
        for t in inputs:
            fn = t.grad_fn
            if fn is None and t._rg:
                fn = t._accumulator()
            nexts.append((fn, 0))
            needs.append(fn is not None)
        self.next_functions = tuple(nexts)
        self.needs = needs
        self.shapes = [t._data.shape for t in inputs]
        self.dtypes = [t._data.dtype for t in inputs]
        self.saved = saved
        self.consts = consts
        self.seq = next(_sequence)
        self.out_ref = None
        self.pre_hooks = None
        self.post_hooks = None
        self.freed = False
        self.metadata = {}

    def name(self):
        return self.op.qualname

    def __repr__(self):
        return f"<{self.op.node} object at {hex(id(self))}>"

    def register_hook(self, fn):
        """fn(grad_inputs, grad_outputs), called after this node computed its gradients."""
        if self.post_hooks is None:
            self.post_hooks = {}
        handle = RemovableHandle(self.post_hooks)
        self.post_hooks[handle.id] = fn
        return handle

    def register_prehook(self, fn):
        """fn(grad_outputs) -> new grad_outputs or None, called before this node runs."""
        if self.pre_hooks is None:
            self.pre_hooks = {}
        handle = RemovableHandle(self.pre_hooks)
        self.pre_hooks[handle.id] = lambda g, fn=fn: _unwrap1(fn((g,)))
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
    __slots__ = ("variable", "next_functions", "seq", "pre_hooks", "post_hooks", "metadata", "__weakref__")
    op = _AccumulateOp
    saved = ()

    def __init__(self, variable):
        self.variable = variable
        self.next_functions = ()
        self.seq = -1
        self.pre_hooks = None
        self.post_hooks = None
        self.metadata = {}

    name = Node.name
    __repr__ = Node.__repr__
    register_hook = Node.register_hook
    register_prehook = Node.register_prehook


# ---------------------------------------------------------------- the backward pass

def _collect(roots):
    """Dependency counts of every node reachable from roots (iteratively: graphs can be 1e5 deep)."""
    deps = {}
    seen = set()
    stack = [r for r in roots if r is not None]
    for r in stack:
        seen.add(r)
    while stack:
        node = stack.pop()
        for fn, _ in node.next_functions:
            if fn is None:
                continue
            deps[fn] = deps.get(fn, 0) + 1
            if fn not in seen:
                seen.add(fn)
                stack.append(fn)
    return deps


def _add(a, b):
    return b if a is None else a + b


def run_backward(roots, root_grads, *, keep_graph, create_graph, capture=None, accumulate_into=None,
                 xp=None, to_tensor=None):
    """Propagate root_grads from the roots' grad_fns.

    capture: {node: slot} whose incoming gradient is returned instead of accumulated (autograd.grad);
    accumulate_into: None for every leaf, else the set of AccumulateGrad nodes that may accumulate.
    """
    nodes = [r.grad_fn if r.grad_fn is not None else r._accumulator() for r in roots]
    deps = _collect(nodes)
    buffers = {}
    for node, g in zip(nodes, root_grads):
        buffers[node] = _add(buffers.get(node), g)
    captured = {}
    ready = []
    for node in dict.fromkeys(nodes):
        if deps.get(node, 0) == 0:
            heapq.heappush(ready, (-node.seq, id(node), node))
    while ready:
        node = heapq.heappop(ready)[2]
        grad = buffers.pop(node, None)
        if grad is not None:
            grad = _run_pre_hooks(node, grad, to_tensor, create_graph)
        if capture is not None and node in capture:
            captured[node] = grad
        if node.op is _AccumulateOp:
            if capture is None and grad is not None and (accumulate_into is None or node in accumulate_into):
                _accumulate(node.variable, grad, create_graph, to_tensor)
            continue
        grads = _call_node(node, grad, keep_graph, xp) if grad is not None else None
        for i, (fn, _) in enumerate(node.next_functions):
            if fn is None:
                continue
            if grads is not None and grads[i] is not None:
                buffers[fn] = _add(buffers.get(fn), grads[i])
            deps[fn] -= 1
            if deps[fn] == 0:
                heapq.heappush(ready, (-fn.seq, id(fn), fn))
    return captured


def _run_pre_hooks(node, grad, to_tensor, create_graph):
    out = node.out_ref() if getattr(node, "out_ref", None) is not None else None
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


def _call_node(node, grad, keep_graph, xp):
    op = node.op
    saved = node.saved
    if node.freed and op.saves:
        raise RuntimeError(FREED_MESSAGE)
    if saved:
        saved = tuple(s.unpack(xp, node) if s is not None else None for s in saved)
    grads = op.vjp(xp, grad, saved, node.consts, node.needs)
    if not keep_graph:
        node.saved = None
        node.freed = True
    out = []
    for g, shape, dtype, need in zip(grads, node.shapes, node.dtypes, node.needs):
        if g is None or not need:
            out.append(None)
            continue
        out.append(xp.fit(g, shape, dtype))
    if node.post_hooks:
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
