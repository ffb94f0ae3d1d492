"""In-place ops that overwrite whatever was there: ``zero_``, ``fill_``, ``copy_`` (the in-place machinery, which
writes new data into the same array and bumps the version, is tensor.inplace)."""
import numpy as np

from . import dtypes
from .optable import OPS
from .tensor_base import TensorBase, apply, check_broadcast, inplace, inplace_fill, real_if_complex, wrap

def zero_(t):
    return inplace_fill(lambda old: apply(OPS["zero"], (old,)), t)


def check_fill_value(value):
    """PyTorch's error for a fill value tensor of 1 or more dims (fill_, torch.fill)."""
    if value._data.ndim:
        raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor with "
                           f"{value._data.ndim} dimensions.")


def fill_(t, value):
    if isinstance(value, TensorBase):   # fill_.Tensor (FillBackward3): a gradient flows to a value that needs one
        check_fill_value(value)
        return inplace_fill(fill, t, value)
    value = dtypes.fitted(value, t._data.dtype)
    return inplace_fill(lambda old: apply(OPS["fill"], (old,), value), t)


def copy_(t, src):
    """t's values replaced by src's (broadcast, converted to t's dtype), one CopyBackwards node as in PyTorch:
    no gradient reaches what t held before."""
    if not isinstance(src, TensorBase):
        src = wrap(np.asarray(src))
    check_broadcast(t._data.shape, src._data.shape)
    if src._data.ndim > t._data.ndim or src._data.shape != t._data.shape:   # (src broadcasts to t, never t to src)
        full = np.broadcast_shapes(t._data.shape, src._data.shape)
        if full != t._data.shape:
            raise RuntimeError(f"output with shape [{', '.join(map(str, t._data.shape))}] doesn't match the "
                               f"broadcast shape [{', '.join(map(str, full))}]")
    real_if_complex(src._data, t._data.dtype)
    if src._rg and t._data.dtype.kind in "biu":   # (an integer or bool result is not differentiable: no CopyBackwards)
        src = src.detach()
    return inplace(copy, t, src)


# The out-of-place steps of fill_(tensor) and copy_, named as the ops (vmap's refusal of a batched value written in
# place names the op by its step's __name__: engine/batching.py refuse_inplace)
def fill(old, v):
    return apply(OPS["fill_tensor"], (old, v))


def copy(old, src):
    return apply(OPS["copy_into"], (old, src))
