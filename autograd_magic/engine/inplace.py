"""In-place ops (``x += 1``, ``x.zero_()``, ``x[i] = v``): new data written into the same array, version bumped."""
import numpy as np

from . import dtypes
from .autograd import GRAD_MODE
from .optable import OPS
from .tensor import Tensor, apply

_LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation."
_VIEW_INPLACE = "a view of a leaf Variable that requires grad is being used in an in-place operation."


def check_inplace(t):
    if GRAD_MODE.enabled:
        if t._fn is None and t._rg:
            raise RuntimeError(_LEAF_INPLACE)
        if t._view_of_leaf:
            raise RuntimeError(_VIEW_INPLACE)


def commit_inplace(t, new):
    """Write new's values into t's array and give t new's history."""
    data = new._data
    if data.dtype != t._data.dtype and not np.can_cast(data.dtype, t._data.dtype, "same_kind"):
        raise RuntimeError(f"result type {_kind(data.dtype)} can't be cast to the desired output type "
                           f"{_kind(t._data.dtype)}")
    if t._data.shape != data.shape:
        try:
            np.broadcast_to(data, t._data.shape)
        except ValueError:
            raise RuntimeError(f"output with shape [{', '.join(map(str, t._data.shape))}] doesn't match the "
                               f"broadcast shape [{', '.join(map(str, data.shape))}]") from None
    np.copyto(t._data, data, casting="unsafe")
    t._vbox[0] += 1
    if new._fn is not None:
        t._fn = new._fn
        t._rg = True
    return t


def _kind(np_dtype):
    return {"float32": "Float", "float64": "Double", "int64": "Long", "int32": "Int", "bool": "Bool"}.get(
        np.dtype(np_dtype).name, np.dtype(np_dtype).name)


def inplace(fn, t, *args, **kwargs):
    """Run out-of-place fn(t, ...) and store the result in t (PyTorch's in-place semantics)."""
    recording = GRAD_MODE.enabled and (t._rg or any(isinstance(a, Tensor) and a._rg for a in args))
    if not recording:
        plain = Tensor._wrap(t._data)
        return commit_inplace(t, _no_grad_call(fn, plain, args, kwargs))
    check_inplace(t)
    # The op may save its input for backward: give it the value from before the write.
    old = Tensor._wrap(t._data.copy(), t._rg, t._fn)
    old._accum = t._accum
    return commit_inplace(t, fn(old, *args, **kwargs))


def _no_grad_call(fn, plain, args, kwargs):
    before = GRAD_MODE.enabled
    GRAD_MODE.enabled = False
    try:
        return fn(plain, *args, **kwargs)
    finally:
        GRAD_MODE.enabled = before


def zero_(t):
    return inplace(lambda old: apply(OPS["zero"], (old,)), t)


def fill_(t, value):
    if isinstance(value, Tensor):
        value = value.item()
    return inplace(lambda old: apply(OPS["fill"], (old,), value), t)


def copy_(t, src):
    from .functions import clone
    if not isinstance(src, Tensor):
        src = Tensor._wrap(np.asarray(src))
    if src._data.dtype != t._data.dtype:
        src = src.to(dtypes._FROM_NP[t._data.dtype])
    return inplace(lambda old, s: clone(s).expand(old.shape) if s.shape != old.shape else clone(s), t, src)
