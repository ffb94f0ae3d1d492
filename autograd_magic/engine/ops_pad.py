"""Padding (F.pad): forward (numpy) and vjp side by side, under PyTorch's node names (see optable).

``pad`` is PyTorch's flat tuple, last dimension first: (left, right, top, bottom, ...); a negative entry crops.
The constant pad copies the input into a filled array and its gradient is the opposite crop (itself an op, so
create_graph works). Reflect, replicate and circular pads pick input elements with an index key per padded
dimension (consts: key, input shape); their gradient adds back with ``np.add.at`` in output order, as PyTorch's
CPU kernels do.
"""
import numpy as np

from .dtypes import fitted
from .optable import defop


def _windows(shape, pad):
    """(destination, source) slices of the copy the constant pad makes; pad pairs run from the last dimension."""
    dst, src, out_shape = [], [], list(shape)
    for i in range(len(pad) // 2):
        d = len(shape) - 1 - i
        lo, hi, n = pad[2 * i], pad[2 * i + 1], shape[d]
        out_shape[d] = n + lo + hi
        dst.append((d, slice(max(lo, 0), max(lo, 0) + n + min(lo, 0) + min(hi, 0))))
        src.append((d, slice(max(-lo, 0), n - max(-hi, 0))))
    return dst, src, tuple(out_shape)


def _key(pairs, ndim):
    key = [slice(None)] * ndim
    for d, s in pairs:
        key[d] = s
    return tuple(key)


def constant_pad(a, pad, value):
    dst, src, out_shape = _windows(a.shape, pad)
    if value and any(p > 0 for p in pad):   # ATen fills the output only where something is padded (a crop is a
        value = fitted(value, a.dtype)        # narrow): the fill's checked conversion (inf into int64 overflows)
    out = np.full(out_shape, value, dtype=a.dtype)
    out[_key(dst, a.ndim)] = a[_key(src, a.ndim)]
    return out


@defop("constant_pad_nd", "ConstantPadNdBackward0", constant_pad, api="constant_pad_nd", method=False,
       args=lambda input, pad, value=0: ((input,), (tuple(int(p) for p in pad), value)))
def constant_pad_nd_vjp(xp, grad, saved, consts, needs):
    return (xp.call("constant_pad_nd", (grad,), tuple(-p for p in consts[0]), 0),)


def pad_key(shape, pad, mode):
    """The advanced-indexing key that picks each output element of a reflect/replicate/circular pad."""
    n_pad = len(pad) // 2
    idx = []
    for i in reversed(range(n_pad)):   # leading padded dimension first
        n, lo, hi = shape[len(shape) - 1 - i], pad[2 * i], pad[2 * i + 1]
        s = np.arange(-lo, n + hi)
        if mode == "reflect":
            s = np.abs(s)
            s = np.where(s >= n, 2 * (n - 1) - s, s)
        elif mode == "replicate":
            s = np.clip(s, 0, n - 1)
        else:  # PyTorch wraps from the part of the input that negative pads leave
            start, kept = max(-lo, 0), n - max(-lo, 0) - max(-hi, 0)
            s = np.arange(-max(lo, 0), kept + max(hi, 0)) % kept + start
        idx.append(s)
    return (slice(None),) * (len(shape) - n_pad) + np.ix_(*idx)


def _pick(a, key, shape):
    # a new contiguous tensor as PyTorch's kernels write it (numpy lays an index that follows slices out first)
    return a[key].copy(order="C")


def _add_back(xp, grad, saved, consts, needs):
    key, shape = consts
    return (xp.scatter(grad, shape, key, True, "index_backward"),)


def _scatter_add(g, a, key, shape):
    """A pad's backward (grad_output, self): each output element's gradient added into the input element it was
    picked from."""
    out = np.zeros(shape, g.dtype)
    np.add.at(out, key, g)
    return out


def _pad_vjp(name):
    def vjp(xp, grad, saved, consts, needs):
        if xp.is_numpy:
            return _add_back(xp, grad, saved, consts, needs)
        # create_graph: one Reflection/ReplicationPad{N}DBackwardBackward0 node (grad_output, self), as PyTorch
        # records the backward
        return (xp.call(name + "_backward", (grad, saved[0]), *consts),)
    return vjp


def _pad_double_vjp(name):
    def vjp(xp, grad, saved, consts, needs):
        """The pad's backward is linear in grad_output: its derivative pads again; self's is zeros_like(self)."""
        shape = consts[1]
        zeros = xp.wrap(np.zeros(shape, getattr(grad, "_data", grad).dtype)) if needs[1] else None
        if not needs[0]:
            return None, zeros
        return (_pick(grad, *consts) if xp.is_numpy else xp.call(name, (grad,), *consts)), zeros
    return vjp


for _nd in (1, 2, 3):
    for _kind, _node in (("reflection", "ReflectionPad"), ("replication", "ReplicationPad")):
        _name = f"{_kind}_pad{_nd}d"
        defop(_name, f"{_node}{_nd}DBackward0", _pick, saves=(0,))(_pad_vjp(_name))   # (self, as PyTorch)
        defop(_name + "_backward", f"{_node}{_nd}DBackwardBackward0", _scatter_add)(_pad_double_vjp(_name))
# PyTorch pads circularly with slice copies into a new tensor: its node is CopySlices.
defop("circular_pad", "CopySlices", _pick, qualname="torch::autograd::CopySlices")(_add_back)
