"""In-place ops that overwrite whatever was there: ``zero_``, ``fill_``, ``copy_`` (the in-place machinery, which
writes new data into the same array and bumps the version, is tensor.inplace)."""
import numpy as np

from . import dtypes, overlap as _overlap
from .optable import OPS
from . import dispatch as _dispatch
from .autograd import GRAD_MODE
from .tensor_base import TensorBase, apply, check_broadcast, inplace, inplace_fill, real_if_complex, wrap

def zero_(t):
    if writes_plainly(t):   # nothing records it (a training loop's w.grad.zero_()): written where it is
        t._data.fill(0)
        t._vbox[0] += 1
        return t
    return inplace_fill(lambda old: apply(OPS["zero"], (old,)), t)


def writes_plainly(t):
    """t's array can take new values as they are, which is all zero_, fill_ and copy_ of a tensor of its dtype
    and shape come to when nothing records them: no graph (t needs no gradient, or grad mode is off), no forward
    tangent, no vmap, not an inference tensor, a writeable numpy array of a plain numeric dtype (bfloat16 and the
    unsigned types past uint8 have their own rules), no lazy conj or neg bit. The general path (inplace_fill,
    inplace), which makes the new values as an op's output and copies them in, ends the same way: the values
    written, the version counter moved; here without its temporary tensor (a call costs ~0.4 us, not ~4-8)."""
    d = t._data
    return (d.__class__ is np.ndarray and d.dtype.kind in _PLAIN_KINDS and d.flags.writeable
            and not (t._rg and GRAD_MODE.enabled) and not t._inference and t._fwt is None and t._bt is None
            and not t._conj_bit and not t._neg_bit and not (_dispatch.BF16_LIVE or _dispatch.UINT_LIVE))


_PLAIN_KINDS = frozenset("fciub")   # (the unsigned types past uint8 exist only once UINT_LIVE is on)


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
    if value.__class__ is int and t._data.dtype.kind == "b":   # (any int the parser takes: 2**63 too, past C long)
        value = value != 0
    if writes_plainly(t):   # (np.full_like, the op's kernel, converts the value with this same copyto)
        np.copyto(t._data, value, casting="unsafe")
        t._vbox[0] += 1
        return t
    return inplace_fill(lambda old: apply(OPS["fill"], (old,), value), t)


def copy_(t, src):
    """t's values replaced by src's (broadcast, converted to t's dtype), one CopyBackwards node as in PyTorch:
    no gradient reaches what t held before."""
    if not isinstance(src, TensorBase):
        src = wrap(np.asarray(src))
    elif src._data.__class__ is np.ndarray and t._data.__class__ is np.ndarray:
        if _partial_overlap(t._data, src._data) and not (GRAD_MODE.enabled and (t._rg or src._rg)):
            raise RuntimeError(_PARTIAL_OVERLAP)   # (when autograd records, inplace() refuses it after its checks)
        a, d = src._data, t._data
        if (a.shape == d.shape and a.dtype == d.dtype and writes_plainly(t)
                and (d.flags.c_contiguous or d.flags.f_contiguous)
                and not (src._rg and GRAD_MODE.enabled) and src._fwt is None and src._bt is None
                and not src._conj_bit and not src._neg_bit):
            # (t contiguous: none of its elements share memory, see _walked; numpy copies a source that overlaps
            # t before writing, as the general path's new array does)
            np.copyto(d, a)
            t._vbox[0] += 1
            return t
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


_PARTIAL_OVERLAP = _overlap.PARTIAL_OVERLAP
_partial_overlap = _overlap.partial_overlap   # (ATen's get_overlap_status is Partial: engine/overlap.py)


# The out-of-place steps of fill_(tensor) and copy_, named as the ops (vmap's refusal of a batched value written in
# place names the op by its step's __name__: engine/batching.py refuse_inplace)
def fill(old, v):
    return apply(OPS["fill_tensor"], (old, v))


def copy(old, src):
    return apply(OPS["copy_into"], (old, src))
