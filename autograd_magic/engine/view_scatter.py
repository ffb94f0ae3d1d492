"""Copies made from views: ``torch.narrow_copy`` (NarrowCopyBackward0: a copy of narrow's slice, its gradient
SliceBackward0's) and the *_scatter functions of views: ``torch.slice_scatter select_scatter diagonal_scatter as_strided_scatter``
(and their Tensor methods). Each returns a copy of the input with src written where the view would read: the
input's gradient is the output's with those places zeroed, src's the output's gradient read there (PyTorch's
SliceScatterBackward0, SelectScatterBackward0, DiagonalScatterBackward0, AsStridedScatterBackward0).

The places are found by taking the same view of a tensor of element numbers, so the view's own checks and messages
(select()'s index out of range, as_strided's storage bounds) are PyTorch's."""
import numpy as np

from .composed import narrow
from .indexing import aten_getitem, diagonal, select
from .optable import OPS, defop
from .strided import as_strided
from .tensor_base import _dim, apply, wrap


def _scatter_copy(a, src, key):
    out = np.array(a, copy=True)
    out[key] = src
    return out


def _scatter_view_vjp(xp, grad, saved, consts, needs):
    key = consts[0]
    return (xp.masked_zero(grad, key) if needs[0] else None), (xp.take(grad, key) if needs[1] else None)


for _name, _node in (("slice_scatter", "SliceScatterBackward0"), ("select_scatter", "SelectScatterBackward0"),
                     ("diagonal_scatter", "DiagonalScatterBackward0"),
                     ("as_strided_scatter", "AsStridedScatterBackward0")):
    defop(_name, _node, _scatter_copy)(_scatter_view_vjp)


@defop("narrow_copy", "NarrowCopyBackward0", lambda a, key, shape: np.array(a[key]))
def narrow_copy_vjp(xp, grad, saved, consts, needs):
    key, shape = consts
    return (xp.scatter(grad, shape, key, True, "slice_backward"),)


def narrow_copy(input, dim, start, length):
    """A new tensor holding input.narrow(dim, start, length), with narrow_copy's own checks: the rank, a dim past
    the last (an internal assert's words in ATen), start's range, then the end, which a negative length fails."""
    n = input._data.ndim
    if n and int(dim) >= n:
        raise RuntimeError("Expected dim < static_cast<int64_t>(self_sizes.size()) to be true, but got false.  "
                           "(Could this error message be improved?  If so, please report an enhancement request "
                           "to PyTorch.)")
    if n and int(length) < 0:
        narrow(input.detach(), dim, start, 0)   # the dim's and start's checks
        size = input._data.shape[_dim(dim, n)]
        begin = int(start) + (size if int(start) < 0 else 0)
        raise RuntimeError(f"start ({begin}) + length ({int(length)}) exceeds dimension size ({size}).")
    narrow(input.detach(), dim, start, length)   # its checks and messages
    d = _dim(dim, input._data.ndim)
    start = int(start) + (input._data.shape[d] if int(start) < 0 else 0)
    key = (slice(None),) * d + (slice(start, start + int(length)),)
    return apply(OPS["narrow_copy"], (input,), key, input._data.shape)


def _numbers(shape, strides=None):
    """A tensor of shape whose element i (row-major) holds i, laid out with the given strides (elements) when given:
    they must describe a dense layout (as clone() keeps it)."""
    n = int(np.prod(shape, dtype=np.int64))
    flat = np.arange(n, dtype=np.int64).reshape(shape)
    if strides is None or len(shape) < 2:
        return wrap(flat)
    order = sorted(range(len(shape)), key=lambda d: -strides[d])
    expected, step = [0] * len(shape), 1
    for d in reversed(order):
        expected[d] = step
        step *= shape[d]
    if any(shape[d] != 1 and expected[d] != strides[d] for d in range(len(shape))):
        raise NotImplementedError("autograd_magic implements a subset of PyTorch, and as_strided_scatter of a tensor "
                                  "whose elements are not dense in memory (a strided slice) is not part of it")
    return wrap(np.ascontiguousarray(flat.transpose(order)).transpose(np.argsort(order)))


def _scatter(name, input, src, picked):
    """input with src written at the places `picked` (a view of input's element numbers) names."""
    if tuple(src.shape) != tuple(picked.shape):
        raise RuntimeError(f"expected src to have a size equal to the slice of self. src size = "
                           f"[{', '.join(map(str, src.shape))}], slice size = [{', '.join(map(str, picked.shape))}]")
    key = np.unravel_index(np.asarray(picked._data, np.int64), input._data.shape)
    return apply(OPS[name], (input, src), key)


def slice_scatter(input, src, dim=0, start=None, end=None, step=1):
    d = _dim(dim, input._data.ndim)
    if step is not None and step <= 0:   # (ATen's slice; Python's slice would read a negative step backwards)
        raise RuntimeError("slice step must be positive")
    picked = aten_getitem(_numbers(input._data.shape), (slice(None),) * d + (slice(start, end, step),))
    return _scatter("slice_scatter", input, src, picked)


def select_scatter(input, src, dim, index):
    return _scatter("select_scatter", input, src, select(_numbers(input._data.shape), dim, index))


def diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):
    return _scatter("diagonal_scatter", input, src, diagonal(_numbers(input._data.shape), offset, dim1, dim2))


def as_strided_scatter(input, src, size, stride, storage_offset=None):
    """The places of input.clone().as_strided(size, stride, storage_offset): the clone keeps a dense input's
    strides and starts its storage at 0, as ATen's composite."""
    numbers = _numbers(input._data.shape, input.stride())
    size, stride = tuple(size), tuple(stride)
    offset = 0 if storage_offset is None else storage_offset
    need = 0 if 0 in size else offset + 1 + sum((n - 1) * s for n, s in zip(size, stride))
    if len(size) == len(stride) and min(stride, default=0) >= 0 and need > numbers.numel():
        item = input._data.itemsize   # as_strided's message, in the input's item size
        raise RuntimeError(f"setStorage: sizes [{', '.join(map(str, size))}], strides [{', '.join(map(str, stride))}]"
                           f", storage offset {offset}, and itemsize {item} requiring a storage size of "
                           f"{need * item} are out of bounds for storage of size {numbers.numel() * item}")
    return _scatter("as_strided_scatter", input, src, as_strided(numbers, size, stride, storage_offset))


FUNCTIONS = {"narrow_copy": narrow_copy, "slice_scatter": slice_scatter, "select_scatter": select_scatter, "diagonal_scatter": diagonal_scatter,
             "as_strided_scatter": as_strided_scatter}
METHODS = dict(FUNCTIONS)
