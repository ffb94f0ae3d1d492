"""Views of a tensor's storage and index_reduce, as PyTorch's (the ops are in ops_strided.py and ops_more.py).

``torch.as_strided(x, size, stride, storage_offset=None)`` and ``x.unfold(dim, size, step)`` are views: writes
through them reach x. The storage is the array the tensor's data is a view of (as ``Tensor.storage()`` shows it).
"""
import operator

import numpy as np

from . import dtypes, ops_strided  # noqa: F401  (registers as_strided, index_reduce)
from .argcheck import user_level
from .optable import OPS
from .shaping import _view_out
from .tensor_base import TensorBase, _dim, apply, inplace, warn_once

_as_strided_raw = np.lib.stride_tricks.as_strided


def _root(a):
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def storage_of(a):
    """a's storage as one flat array of a's dtype (a view of the memory), and a's offset into it, in elements."""
    root = _root(a)
    if not root.flags.forc:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: as_strided of a tensor made from "
                                  "a non-contiguous NumPy array is not part of it (use torch.from_numpy(a.copy()))")
    flat = root.reshape(-1, order="A")
    if flat.dtype != a.dtype:
        flat = flat.view(np.uint8).view(a.dtype)
    offset = (a.__array_interface__["data"][0] - flat.__array_interface__["data"][0]) // a.itemsize if a.size else 0
    return flat, offset


def window(a, shape, strides, flat=None, offset=None):
    """The array over a's storage at offset (elements; default: where a starts) with shape and strides (bytes),
    made on the storage array itself, so that numpy's base chain (storage(), storage_offset()) still leads to it."""
    if flat is None:
        if not _root(a).flags.forc:   # (a from_numpy array's strided window: a plain numpy window of a)
            return _as_strided_raw(a, shape, strides, writeable=a.flags.writeable)
        flat, offset = storage_of(a)
    if 0 in shape:
        return np.ndarray(shape, flat.dtype, buffer=flat, offset=min(offset, flat.size) * flat.itemsize)
    return np.ndarray(shape, flat.dtype, buffer=flat, offset=offset * flat.itemsize, strides=strides)


def _int_list(value, name, pos):
    if isinstance(value, (tuple, list)):
        for i, v in enumerate(value):
            if isinstance(v, TensorBase) and v.numel() == 1 and v.dtype.is_floating_point is False:
                continue
            if not isinstance(v, (int, np.integer)) or isinstance(v, bool):
                raise TypeError(f"as_strided(): argument '{name}' (position {pos}) must be tuple of ints, but found "
                                f"element of type {type(v).__name__} at pos {i}")
        return tuple(operator.index(v) if not isinstance(v, TensorBase) else int(v.item()) for v in value)
    raise TypeError(f"as_strided(): argument '{name}' (position {pos}) must be tuple of ints, not "
                    f"{type(value).__name__}")


def _positions(offset, shape, strides):
    """The storage index of each element of a (shape, strides, offset) window."""
    pos = np.full(shape, offset, np.int64)
    for d, (n, s) in enumerate(zip(shape, strides)):
        pos += (np.arange(n, dtype=np.int64) * s).reshape((n,) + (1,) * (len(shape) - d - 1))
    return pos


def as_strided(input, size, stride, storage_offset=None):
    """A view of input's storage with the given sizes, strides and offset (in elements): ``x.as_strided((2, 2),
    (1, 2))`` reads x's storage at 0 2 / 1 3. Gradients flow back through the storage (AsStridedBackward0)."""
    size, stride = _int_list(size, "size", 1), _int_list(stride, "stride", 2)
    if isinstance(storage_offset, TensorBase) and storage_offset._data.dtype.kind in "iu":
        storage_offset = storage_offset.__index__()   # (a SymInt: an integer tensor of one element, as the parser takes)
    if storage_offset is not None and (isinstance(storage_offset, bool)
                                       or not isinstance(storage_offset, (int, np.integer))):
        raise TypeError(f"as_strided(): argument 'storage_offset' must be int, not {type(storage_offset).__name__}")
    a = input._data
    flat, own = storage_of(a)
    offset = own if storage_offset is None else int(storage_offset)
    if len(size) != len(stride):
        raise RuntimeError("mismatch in length of strides and shape")
    if any(s < 0 for s in stride):
        raise RuntimeError("as_strided: Negative strides are not supported at the moment, got strides: "
                           f"[{', '.join(map(str, stride))}]")
    if offset < 0:
        raise RuntimeError(f"Tensor: invalid storage offset {offset}")
    if any(n < 0 for n in size):
        raise RuntimeError(f"Storage size calculation overflowed with sizes=[{', '.join(map(str, size))}] and "
                           f"strides=[{', '.join(map(str, stride))}]")
    need = 0 if 0 in size else offset + 1 + sum((n - 1) * s for n, s in zip(size, stride))
    if need > flat.size:
        raise RuntimeError(f"setStorage: sizes [{', '.join(map(str, size))}], strides [{', '.join(map(str, stride))}]"
                           f", storage offset {offset}, and itemsize {a.itemsize} requiring a storage size of "
                           f"{need * a.itemsize} are out of bounds for storage of size {flat.nbytes}")
    data = window(a, size, tuple(s * a.itemsize for s in stride), flat, offset)
    in_pos = _positions(own, a.shape, tuple(s // a.itemsize for s in a.strides))
    out_pos = _positions(offset, size, stride)
    return _view_out(input, apply(OPS["as_strided"], (input,), out_pos, in_pos, flat.size, data=data))


def unfold_view(a, dim, size, step):
    """x.unfold's window array: a view of a (PyTorch's strides: the windows' dim steps by step elements)."""
    if not a.ndim:
        return window(a, (size,), (a.itemsize,))
    n = (a.shape[dim] - size) // step + 1
    shape = a.shape[:dim] + (n,) + a.shape[dim + 1:] + (size,)
    return window(a, shape, a.strides[:dim] + (a.strides[dim] * step,) + a.strides[dim + 1:] + (a.strides[dim],))


# ---------------------------------------------------------------- index_reduce

_BETA = ("index_reduce() is in beta and the API may change at any time. (Triggered internally at "
         "/__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:1523.)")


def index_reduce(input, dim, index, source, reduce, *, include_self=True):
    """input with the rows index picks along dim reduced with source's rows: 'prod', 'mean' (integers: floor
    division), 'amax' or 'amin'; include_self=False leaves input's own values out of the picked rows."""
    if not isinstance(source, TensorBase):
        raise TypeError(f"index_reduce(): argument 'source' (position 3) must be Tensor, not {type(source).__name__}")
    if reduce not in ("prod", "mean", "amax", "amin"):
        raise RuntimeError(f"index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got {reduce}.")
    a, s = input._data, source._data
    d = _dim(dim, a.ndim)
    if not isinstance(index, TensorBase) or index._data.dtype.kind not in "iu" or \
            index._data.dtype.itemsize not in (4, 8):
        kind = index.dtype.scalar_name if isinstance(index, TensorBase) else type(index).__name__
        raise RuntimeError(f"index_reduce_(): Expected dtype int32/int64 for index but got: {kind}")
    if index.ndim > 1:
        raise IndexError(f"index_reduce_(): Index is supposed to be a vector, but got dim: {index.ndim} with type: "
                         f"{index.dtype.scalar_name} and size: [{', '.join(map(str, index.shape))}]")
    if a.dtype != s.dtype:
        raise RuntimeError(f"index_reduce_(): self ({dtypes.scalar_name(a.dtype)}) and source "
                           f"({dtypes.scalar_name(s.dtype)}) must have the same scalar type")
    idx = index._data.reshape(-1).astype(np.int64)
    n_src = s.shape[d] if s.ndim else 1
    if idx.size != n_src:
        raise RuntimeError(f"index_reduce_(): Number of indices ({idx.size}) should be equal to source.size(dim): "
                           f"({n_src}), for dim: {d}")
    if a.ndim != s.ndim or any(p != q for i, (p, q) in enumerate(zip(a.shape, s.shape)) if i != d):
        raise RuntimeError("source tensor shape must match self tensor shape, excluding the specified dimension. Got "
                           f"self.shape = [{', '.join(map(str, a.shape))}] source.shape = "
                           f"[{', '.join(map(str, s.shape))}]")
    warn_once(_BETA, stacklevel=user_level())
    n = a.shape[d] if a.ndim else 1
    if ((idx < 0) | (idx >= n)).any():
        raise IndexError("index out of range in self")
    if not a.ndim:   # (PyTorch's node is the same IndexReduceBackward0; here it sits between two views)
        return index_reduce(input.reshape(1), 0, index, source.reshape(1), reduce,
                            include_self=include_self).reshape(())
    return apply(OPS["index_reduce"], (input, source), d, idx, reduce, include_self)


def index_reduce_(input, dim, index, source, reduce, *, include_self=True):
    return inplace(lambda t, src: index_reduce(t, dim, index, src, reduce, include_self=include_self), input, source)

