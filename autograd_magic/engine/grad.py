"""torch.autograd.backward and torch.autograd.grad over the engine's graph, and TensorXP: the array namespace a vjp
is written against when create_graph=True. Its operations are recorded Tensor ops, so the backward pass is itself a
graph that can be differentiated (xp.NumpyXP is the numpy side)."""
import warnings
from collections.abc import Mapping

import numpy as np

from . import batching, bf16, dtypes, grid_double, sparse_grad as SG
from .autograd import GRAD_MODE, EngineSeeds, run_backward
from .functions import where as _where
from .indexing import aten_getitem
from .optable import OPS
from .shaping import stack
from .tensor_base import TensorBase, apply, warn_once, wrap
from .xp import NumpyXP, restored_shape

_NDARRAY = np.ndarray   # (a module global: numpy has a module __getattr__, so CPython does not specialise np.X reads)


class TensorXP:
    is_numpy = False
    wrap = staticmethod(lambda arr: wrap(np.asarray(arr)))

    @staticmethod
    def fit(g, shape, dtype):
        if g._data.shape != shape and not shape:   # (ATen's sum_to: a 0-d target is a plain sum, SumBackward0)
            g = g.sum()
        elif g._data.shape != shape:
            lead = g._data.ndim - len(shape)
            dims = tuple(range(lead)) + tuple(i + lead for i, n in enumerate(shape)
                                              if n == 1 and g._data.shape[i + lead] != 1)
            if dims:
                g = g.sum(dims, keepdim=True)
            if g._data.shape != shape:
                g = g.reshape(shape)
        if g._data.dtype != dtype:
            if g._data.dtype.kind == "c" and dtype.kind != "c":   # a real input's gradient: the real part
                g = g.real
            g = g.to(dtypes._FROM_NP[dtype])
        return g

    @staticmethod
    def rewrap(data, node):
        return wrap(data, True, node)

    exp = staticmethod(lambda a: a.exp())
    log = staticmethod(lambda a: a.log())
    sin = staticmethod(lambda a: a.sin())
    cos = staticmethod(lambda a: a.cos())
    sqrt = staticmethod(lambda a: a.sqrt())
    abs = staticmethod(lambda a: a.abs())
    sign = staticmethod(lambda a: a.sign())
    matmul = staticmethod(lambda a, b: a @ b)
    outer = staticmethod(lambda a, b: a.unsqueeze(1) * b.unsqueeze(0))
    maximum = staticmethod(lambda a, lo: a.clamp(min=lo))
    expand = staticmethod(lambda g, shape: g.expand(shape))
    reshape = staticmethod(lambda g, shape: g.reshape(shape))
    permute = staticmethod(lambda g, axes: g.permute(axes))
    swap = staticmethod(lambda g, a, b: g.transpose(a, b))
    mT = staticmethod(lambda g: g.t() if g.ndim == 2 else g.transpose(-1, -2))
    take = staticmethod(aten_getitem)   # (ATen's slice / select in a formula: indexing.aten_getitem)
    ties = staticmethod(lambda a, out: (a == out) | (a.isnan() & out.isnan()))
    float_mask = staticmethod(lambda mask, like: mask.to(like.dtype))

    @staticmethod
    def where(cond, a, b):
        return _where(cond if isinstance(cond, TensorBase) else wrap(np.asarray(cond)), a, b)

    @staticmethod
    def constant(like, value):
        return wrap(np.full(like._data.shape, value, like._data.dtype))

    @staticmethod
    def sum(g, dims=None, keepdim=False):
        if not g._data.ndim:
            return g.sum()
        return g.sum() if dims is None and not keepdim else g.sum(dims if dims is not None else
                                                                     tuple(range(g.ndim)), keepdim=keepdim)

    @staticmethod
    def restore_dims(g, dims, ndim, keepdim, unsqueeze=True):
        """restored_shape as ATen's formulas restore it: unsqueeze_multiple (an UnsqueezeBackward0 per reduced
        dim: sum, mean, var, std, norm, logsumexp, max(dim) ...) or, unsqueeze=False, restore_reduced_dims's reshape
        (ViewBackward0: amax, amin)."""
        shape = restored_shape(g._data.shape, dims, ndim, keepdim)
        if shape == g._data.shape:
            return g
        if unsqueeze and dims is not None and not keepdim:
            for d in sorted(dims):
                g = g.unsqueeze(d)
            return g
        return g.reshape(shape)

    @staticmethod
    def div_scalar(g, n):
        """g / n as PyTorch's C++ backward formulas divide (div.Scalar: DivBackward1)."""
        return apply(OPS["div_scalar"], (g,), n)

    @staticmethod
    def call(name, tensors, *consts):
        return apply(OPS[name], tensors, *consts)

    @staticmethod
    def scatter(g, shape, key, accumulate=True, kind=None):
        return apply(OPS[kind or "scatter_back"], (g,), key, shape)

    @staticmethod
    def masked_zero(g, key):
        mask = np.ones(g._data.shape, g._data.dtype)
        mask[key] = 0
        return g * wrap(mask)

    @staticmethod
    def split(g, axis, sizes):
        out, start = [], 0
        for n in sizes:
            key = (slice(None),) * axis + (slice(start, start + n),)
            out.append(aten_getitem(g, key))
            start += n
        return out

    @staticmethod
    def unstack(g, axis):
        return [g.select(axis, i) for i in range(g._data.shape[axis])]

    @staticmethod
    def prod_of_others(a, axis):
        """For each element, the product of the others along axis, exact where a holds zeros (no division):
        the values laid out n times with the diagonal set to 1, then a product."""
        if axis is None:
            return TensorXP.prod_of_others(a.reshape(-1), 0).reshape(a.shape)
        moved = a.transpose(axis, -1) if axis != a.ndim - 1 else a
        n = moved.shape[-1]
        tiled = moved.unsqueeze(-2).expand(*moved.shape[:-1], n, n)
        eye = wrap(np.eye(n, dtype=bool))
        others = TensorXP.where(eye, 1.0, tiled).prod(-1)
        return others.transpose(axis, -1) if axis != a.ndim - 1 else others

    stack = staticmethod(stack)

    @staticmethod
    def differentiate(fn, inputs, consts, grads, needs):
        """The vjp of an op through its composite form: fn(*inputs, *consts) rebuilt from recorded ops and
        differentiated with create_graph=True, so the gradient can be differentiated again. grads: {output index:
        incoming gradient}; needs[i] falsy when input i wants no gradient. One gradient (or None) per input."""
        with_grad = GRAD_MODE.enabled
        GRAD_MODE.enabled = True
        try:
            outs = fn(*inputs, *consts)
            pairs = [(o, grads[k]) for k, o in enumerate(outs) if k in grads]
            wanted = [(k, t) for k, t in enumerate(inputs) if t is not None and needs[k]]
            got = grad([o for o, _ in pairs], [t for _, t in wanted], [g for _, g in pairs], create_graph=True,
                       allow_unused=True)
        finally:
            GRAD_MODE.enabled = with_grad
        result = [None] * len(inputs)
        for (k, _), g in zip(wanted, got):
            result[k] = g
        return result


bf16.TENSOR_XP = TensorXP   # the namespace bfloat16's composite backward formulas run in (engine/bf16.py)
grid_double.TENSOR_XP = TensorXP   # and grid_sample's second derivative through its composite (engine/grid_double.py)


def _shape_str(shape):
    return f"torch.Size([{', '.join(map(str, shape))}])"


def _root_grads(outputs, grads, create_graph):
    """The seeds of a backward pass, checked in PyTorch's order: first each (output, gradient) pair as far as the
    shorter goes (autograd's _make_grads: a Tensor's shape and complexness, None's implicit ones for a scalar that
    requires grad, anything else a TypeError), then the counts, then that each output requires grad (the engine's
    run_backward); a gradient is cast to its output's dtype (validate_outputs)."""
    made = []
    for i, (t, g) in enumerate(zip(outputs, grads)):
        if isinstance(g, TensorBase):
            if g._data.shape != t._data.shape:
                raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {_shape_str(g._data.shape)} "
                                   f"and output[{i}] has a shape of {_shape_str(t._data.shape)}.")
            if (g._data.dtype.kind == "c") != (t._data.dtype.kind == "c"):
                raise RuntimeError("For complex Tensors, both grad_output and output are required to have the same "
                                   f"dtype. Mismatch in dtype: grad_output[{i}] has a dtype of {g.dtype} and "
                                   f"output[{i}] has a dtype of {t.dtype}.")
        elif g is None:
            if t._rg:
                if t._data.size != 1:
                    raise RuntimeError("grad can be implicitly created only for scalar outputs")
                _check_real(t)
                g = wrap(np.ones(t._data.shape, t._data.dtype))
        else:
            raise TypeError(f"gradients can be either Tensors or None, but got {type(g).__name__}")
        made.append(g)
    if len(made) != len(outputs):   # (extra gradients are dropped by the zip above, as _make_grads drops them)
        raise RuntimeError(f"got {len(outputs)} tensors and {len(made)} gradients")
    out = []
    for i, (t, g) in enumerate(zip(outputs, made)):
        if not t._rg:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have a grad_fn")
        want = t.dtype if t._fn is not None else t.grad_dtype   # validate_outputs casts to the output's dtype
        if want is not None and g._data.dtype != want.np:
            g = g.to(want)
        out.append(g if create_graph else g._data)
    return out


def _grads_tuple(grads, n):
    """grad_tensors / grad_outputs as a tuple (autograd's _tensor_or_tensors_to_tuple): None for each output."""
    return (None,) * n if grads is None else _as_tuple(grads)


def _inputs_tuple(inputs, fn):
    """`inputs` of backward() / grad() as a tuple: a Tensor, a dict (its values) or an iterable; each
    torch.autograd.graph.GradientEdge among them as the tensor whose gradient it stands for."""
    if isinstance(inputs, TensorBase) or _is_edge(inputs):
        inputs = (inputs,)
    elif type(inputs) is dict:
        inputs = inputs.values()
    elif isinstance(inputs, Mapping):
        raise TypeError(f"`inputs` argument to `{fn}()` must be a dict, not {type(inputs).__name__}. "
                        "Other Mapping types are not supported.")
    return tuple(_edge_tensor(t) if _is_edge(t) else t for t in inputs)


def _is_edge(x):
    """A GradientEdge (torch.autograd.graph's named tuple of a node and an output number)."""
    return isinstance(x, tuple) and hasattr(x, "node") and hasattr(x, "output_nr")


def _edge_tensor(edge):
    """The tensor of a GradientEdge: a leaf's (its AccumulateGrad's variable), or the output its node keeps a
    reference to (retain_grad); an edge to any other output is not supported."""
    node, nr = edge.node, edge.output_nr
    if hasattr(node, "variable"):
        return node.variable
    ref = node.extra and (node.extra.get("out_refs", {}).get(nr) if node.multi else node.extra.get("out"))
    t = ref() if ref is not None else None
    if t is None:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: a GradientEdge as an input of "
                                  "grad() or backward() is supported for a leaf, or for a tensor that retains grad")
    return t


def _check_input(t):
    """PyTorch's error for an input that is no tensor (``grad(loss, "w")``, ``grad(loss, [w, None])``)."""
    if not isinstance(t, TensorBase):
        raise RuntimeError(f"all inputs have to be Tensors or GradientEdges, but got {type(t).__name__}")


def _check_real(t):
    if t._data.dtype.kind == "c":
        raise RuntimeError(f"grad can be implicitly created only for real scalar outputs but got {t.dtype}")


def _as_tuple(x):
    if x is None:
        return None
    if isinstance(x, TensorBase):
        return (x,)
    return tuple(x)


def _to_tensor(g):
    if isinstance(g, TensorBase):
        return g
    if g.__class__ is SG.SparseGrad and g.indices is not None:   # (a sparse gradient: a hook's, autograd.grad's)
        return SG.AS_TENSOR[0](g)
    return wrap(g if g.__class__ is _NDARRAY else np.asarray(g))


def _with_mode(create_graph, fn):
    before = GRAD_MODE.enabled
    GRAD_MODE.enabled = bool(create_graph)
    try:
        return fn()
    finally:
        GRAD_MODE.enabled = before


def backward_scalar(t, retain_graph):
    """The common ``loss.backward()``: a one-element output, no options."""
    data = t._data
    if data.size != 1:
        raise RuntimeError("grad can be implicitly created only for scalar outputs")
    _check_real(t)
    before = GRAD_MODE.enabled
    GRAD_MODE.enabled = False
    try:
        seed = np.array(1, data.dtype) if not data.ndim else np.ones(data.shape, data.dtype)  # np.ones is slower
        run_backward((t,), EngineSeeds((seed,)), keep_graph=retain_graph, create_graph=False, xp=NumpyXP, to_tensor=_to_tensor)
    finally:
        GRAD_MODE.enabled = before


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """Accumulate gradients of tensors into the leaves' ``.grad``."""
    batching.refuse_backward()
    if inputs is not None:
        inputs = _inputs_tuple(inputs, "backward")
        if not inputs:
            raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
    tensors = _as_tuple(tensors)
    grads = _grads_tuple(grad_tensors, len(tensors))
    if retain_graph is None:
        retain_graph = create_graph
    if create_graph:
        warn_once("Using backward() with create_graph=True will create a reference cycle between the parameter and "
                  "its gradient which can cause a memory leak. We recommend using autograd.grad when creating the "
                  "graph to avoid this. If you have to use this function, make sure to reset the .grad fields of your "
                  "parameters to None after use to break the cycle and avoid the leak. (Triggered internally at "
                  "/__w/pytorch/pytorch/torch/csrc/autograd/engine.cpp:1307.)", stacklevel=3)
    roots = _root_grads(tensors, grads, create_graph)
    only = None
    if inputs is not None:
        for t in inputs:   # (a leaf's retain_grad() refuses a tensor that does not require grad)
            _check_input(t)
            t.retain_grad()
        # the leaves' AccumulateGrad nodes, and the nodes of non-leaf inputs (their .grad comes from retain_grad):
        # backward runs the nodes on a path to one of these only
        only = {t._accumulator() if t._fn is None else t._fn for t in inputs}
    xp = TensorXP if create_graph else NumpyXP
    _with_mode(create_graph, lambda: run_backward(
        tensors, roots, keep_graph=retain_graph, create_graph=create_graph, accumulate_into=only,
        xp=xp, to_tensor=_to_tensor))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """Gradients of outputs with respect to inputs, returned (not accumulated)."""
    if materialize_grads and allow_unused is False:   # (PyTorch's first check, before the arguments are read)
        raise ValueError("Expected allow_unused to be True or not passed when materialize_grads=True, "
                         "but got: allow_unused=False.")
    if allow_unused is None:
        allow_unused = materialize_grads
    outputs = _as_tuple(outputs)
    keys = inputs.keys() if type(inputs) is dict else None   # (a dict of inputs: a dict of their gradients)
    inputs = _inputs_tuple(inputs, "grad")
    if not inputs:
        raise RuntimeError("`inputs` argument to `grad()` cannot be empty.")
    if not only_inputs:
        warnings.warn("only_inputs argument is deprecated and is ignored now (defaults to True). To accumulate "
                      "gradient for other parts of the graph, please use torch.autograd.backward.", FutureWarning,
                      stacklevel=2)
    if is_grads_batched:
        got = _batched_grad(outputs, inputs, _as_tuple(grad_outputs), retain_graph, create_graph, allow_unused,
                            materialize_grads)
        return got if keys is None else dict(zip(keys, got))
    grads = _grads_tuple(grad_outputs, len(outputs))
    if retain_graph is None:
        retain_graph = create_graph
    roots = _root_grads(outputs, grads, create_graph)
    for t in inputs:
        _check_input(t)
        if not t._rg:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    capture = {}
    for t in inputs:
        capture[t._fn if t._fn is not None else t._accumulator()] = t
    xp = TensorXP if create_graph else NumpyXP
    got = _with_mode(create_graph, lambda: run_backward(
        outputs, roots, keep_graph=retain_graph, create_graph=create_graph, capture=capture,
        xp=xp, to_tensor=_to_tensor))
    result = []
    for i, t in enumerate(inputs):
        node = t._fn if t._fn is not None else t._accumulator()
        g = got.get(node)
        if g is not None and node.multi:
            g = g.get(t._slot.nr)
        if g is None:
            if materialize_grads:   # (zeros_like(input, requires_grad=create_graph))
                result.append(wrap(np.zeros(t._data.shape, t._data.dtype), bool(create_graph)))
                continue
            if not allow_unused:
                raise RuntimeError(f"The differentiated Tensor at index {i} appears to not have been used in the "
                                   "graph. Set allow_unused=True if this is the desired behavior.")
            result.append(None)
            continue
        g = _to_tensor(g)
        if g._data.shape != t._data.shape:
            g = wrap(np.broadcast_to(g._data, t._data.shape).copy()) if not create_graph else g.expand(t.shape)
        result.append(g)
    return tuple(result) if keys is None else dict(zip(keys, result))


def _batched_grad(outputs, inputs, grads, retain_graph, create_graph, allow_unused, materialize_grads):
    """is_grads_batched=True: dim 0 of each grad_output is a batch of cotangents. PyTorch vmaps the backward pass
    over it; the engine runs one pass per row (the graph kept until the last) and stacks each input's gradients."""
    for i, (out, g) in enumerate(zip(outputs, grads)):
        if g is not None and tuple(g._data.shape[1:]) != tuple(out._data.shape):
            # PyTorch's message shows the shape of grad_output[i][0] without its first dim
            raise RuntimeError("If `is_grads_batched=True`, we interpret the first dimension of each grad_output as "
                               "the batch dimension. The sizes of the remaining dimensions are expected to match the "
                               f"shape of corresponding output, but a mismatch was detected: grad_output[{i}] has a "
                               f"shape of {_shape_str(g._data.shape[2:])} and output[{i}] has a shape of "
                               f"{_shape_str(out._data.shape)}. If you only want some tensors in `grad_output` to be "
                               "considered batched, consider using vmap.")
    n = next(g._data.shape[0] for g in grads if g is not None)
    rows = [grad(outputs, inputs, [None if g is None else g[b] for g in grads],
                 retain_graph=True if b < n - 1 else retain_graph, create_graph=create_graph,
                 allow_unused=allow_unused or materialize_grads) for b in range(n)]
    # an unused input: None, or with materialize_grads zeros of its own shape (not batched), as PyTorch gives
    return tuple(stack(column) if column[0] is not None else
                 wrap(np.zeros(t._data.shape, t._data.dtype)) if materialize_grads else None
                 for t, column in zip(inputs, zip(*rows)))

