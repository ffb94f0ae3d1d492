"""torch.autograd.backward and torch.autograd.grad over the engine's graph."""
import numpy as np

from .autograd import GRAD_MODE, run_backward
from .tensor import NUMPY_XP, TENSOR_XP, Tensor


def _shape_str(shape):
    return f"torch.Size([{', '.join(map(str, shape))}])"


def _root_grads(outputs, grads, create_graph, what="grad"):
    out = []
    for i, (t, g) in enumerate(zip(outputs, grads)):
        if not t._rg:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have a grad_fn")
        if g is None:
            if t._data.size != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            g = Tensor._wrap(np.ones(t._data.shape, t._data.dtype))
        elif not isinstance(g, Tensor):
            g = Tensor._wrap(np.asarray(g, dtype=t._data.dtype))
        if g._data.shape != t._data.shape:
            raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {_shape_str(g._data.shape)} "
                               f"and output[{i}] has a shape of {_shape_str(t._data.shape)}.")
        if g._data.dtype.kind != t._data.dtype.kind and t._data.dtype.kind == "f":
            raise RuntimeError(f"For complex Tensors, both grad_output and output are required to have the same "
                               f"dtype. Mismatch in dtype: grad_output[{i}] has a dtype of {g.dtype} and output[{i}] "
                               f"has a dtype of {t.dtype}.")
        out.append(g if create_graph else g._data)
    return out


def _as_tuple(x):
    if x is None:
        return None
    if isinstance(x, Tensor):
        return (x,)
    return tuple(x)


def _to_tensor(g):
    if isinstance(g, Tensor):
        return g
    return Tensor._wrap(g if g.__class__ is np.ndarray else np.asarray(g))


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
    before = GRAD_MODE.enabled
    GRAD_MODE.enabled = False
    try:
        seed = np.array(1, data.dtype) if not data.ndim else np.ones(data.shape, data.dtype)  # np.ones is slower
        run_backward((t,), (seed,), keep_graph=retain_graph, create_graph=False, xp=NUMPY_XP, to_tensor=_to_tensor)
    finally:
        GRAD_MODE.enabled = before


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """Accumulate gradients of tensors into the leaves' ``.grad``."""
    tensors = _as_tuple(tensors)
    grads = _as_tuple(grad_tensors) or (None,) * len(tensors)
    if retain_graph is None:
        retain_graph = create_graph
    if create_graph:
        from .tensor import warn_once
        warn_once("Using backward() with create_graph=True will create a reference cycle between the parameter and "
                  "its gradient which can cause a memory leak. We recommend using autograd.grad when creating the "
                  "graph to avoid this. If you have to use this function, make sure to reset the .grad fields of your "
                  "parameters to None after use to break the cycle and avoid the leak. (Triggered internally at "
                  "/__w/pytorch/pytorch/torch/csrc/autograd/engine.cpp:1307.)", stacklevel=3)
    roots = _root_grads(tensors, grads, create_graph)
    only = None
    if inputs is not None:
        inputs = _as_tuple(inputs)
        if not inputs:
            raise RuntimeError("'inputs' argument to backward() cannot be empty.")
        only = {t._accumulator() for t in inputs if t._fn is None}
        for t in inputs:
            if t._fn is not None:
                t.retain_grad()
    xp = TENSOR_XP if create_graph else NUMPY_XP
    _with_mode(create_graph, lambda: run_backward(
        tensors, roots, keep_graph=retain_graph, create_graph=create_graph, accumulate_into=only,
        xp=xp, to_tensor=_to_tensor))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """Gradients of outputs with respect to inputs, returned (not accumulated)."""
    outputs = _as_tuple(outputs)
    inputs = _as_tuple(inputs)
    if allow_unused is None:
        allow_unused = materialize_grads
    grads = _as_tuple(grad_outputs) or (None,) * len(outputs)
    if retain_graph is None:
        retain_graph = create_graph
    roots = _root_grads(outputs, grads, create_graph)
    for t in inputs:
        if not t._rg:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    capture = {}
    for t in inputs:
        capture[t._fn if t._fn is not None else t._accumulator()] = t
    xp = TENSOR_XP if create_graph else NUMPY_XP
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
            if materialize_grads:
                result.append(Tensor._wrap(np.zeros(t._data.shape, t._data.dtype)))
                continue
            if not allow_unused:
                raise RuntimeError(f"The differentiated Tensor at index {i} appears to not have been used in the "
                                   "graph. Set allow_unused=True if this is the desired behavior.")
            result.append(None)
            continue
        g = _to_tensor(g)
        if g._data.shape != t._data.shape:
            g = Tensor._wrap(np.broadcast_to(g._data, t._data.shape).copy()) if not create_graph else g.expand(t.shape)
        result.append(g)
    return tuple(result)
