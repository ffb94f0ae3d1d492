"""as_strided and index_reduce (forward and vjp side by side; their public functions are in strided.py).

``x.as_strided(size, stride, offset)`` is a view of x's storage (AsStridedBackward0). Its gradient is PyTorch's
as_strided_backward: the output's gradient added into a zero storage at the places the output reads (repeated
places add up), read back at the input's places, divided by how often the input itself reads each place (an
expanded input). consts: the storage index of each output element and of each input element, and the storage size.

``x.index_reduce(dim, index, source, reduce, include_self=True)`` (IndexReduceBackward0): rows of x picked by index
reduced with the source's rows by 'prod', 'mean', 'amax' or 'amin'; the gradient is FunctionsManual's
index_reduce_backward.
"""
import numpy as np

from .optable import defop
from .tensor_base import wrap   # (not imported by tensor_base: ops_strided comes in through strided.py)


def _storage_read(a, out_pos, in_pos, size):
    """The output read from a storage holding a at in_pos (a copy: used where no real storage is at hand)."""
    store = np.zeros(size, a.dtype)
    store[in_pos] = a
    return store[out_pos]


@defop("as_strided", "AsStridedBackward0", _storage_read)
def as_strided_vjp(xp, grad, saved, consts, needs):
    """A view of the input's storage: the gradient goes through the storage (see the module's docstring); read
    back at the input's places by an as_strided, as PyTorch's (its double backward is AsStridedBackward0 too)."""
    out_pos, in_pos, size = consts
    store = xp.scatter(grad, (size,), (out_pos,), True, "index_backward")
    count = np.bincount(in_pos.reshape(-1), minlength=size)
    if count.max(initial=0) > 1:   # the input reads some places several times (an expand): share the gradient
        store = store * xp.wrap((1.0 / np.maximum(count, 1)).astype(grad.dtype if xp.is_numpy else
                                                                      grad._data.dtype))
    return (xp.call("as_strided", (store,), in_pos, np.arange(size), size),)


def _pick(a, key, shape):
    return a[key]


def _put(g, key, shape):
    out = np.zeros(shape, g.dtype)
    np.add.at(out, key, g)
    return out


@defop("unfold", "UnfoldBackward0", _pick)
def unfold_vjp(xp, grad, saved, consts, needs):
    """x.unfold(dim, size, step), a view (strided.unfold_view; consts: the windows' index key, x's shape): the
    gradient adds each window back where it was read (overlapping windows add up)."""
    key, shape = consts
    return (xp.call("unfold_backward", (grad,), key, shape) if shape else grad,)


@defop("unfold_backward", "UnfoldBackwardBackward0", _put)
def unfold_backward_vjp(xp, grad, saved, consts, needs):
    return (xp.take(grad, consts[0]),)


_START = {"prod": 1, "mean": 0, "amax": -np.inf, "amin": np.inf}
_UFUNC = {"prod": np.multiply, "mean": np.add, "amax": np.maximum, "amin": np.minimum}


def _identity(dtype, reduce):
    v = _START[reduce]
    if np.isinf(v) and dtype.kind in "iub":
        info = np.iinfo(dtype) if dtype.kind != "b" else None
        return (info.min if v < 0 else info.max) if info is not None else (v < 0) == 0
    return v


def index_reduce_fwd(a, src, d, idx, reduce, include_self):
    out = np.array(a, copy=True)
    moved, msrc = np.moveaxis(out, d, 0), np.moveaxis(src, d, 0)
    rows = np.unique(idx)
    if not include_self:
        moved[rows] = _identity(a.dtype, reduce)
    _UFUNC[reduce].at(moved, idx, msrc)
    if reduce == "mean":
        count = np.full(moved.shape[0], 1 if include_self else 0, np.int64)
        np.add.at(count, idx, 1)
        count = np.maximum(count, 1).reshape((-1,) + (1,) * (moved.ndim - 1))
        moved[...] = moved // count if a.dtype.kind in "iu" else moved / count
    return out


@defop("index_reduce", "IndexReduceBackward0", index_reduce_fwd, saves=(0, 1, -1))
def index_reduce_vjp(xp, grad, saved, consts, needs):
    """FunctionsManual's index_reduce_backward, written with the engine's Tensor methods (recorded under
    create_graph=True, as PyTorch's formula is)."""
    plain = xp.is_numpy
    g, x, s, r = (wrap(v) if plain else v for v in (grad, *saved))
    d, idx, reduce, include_self = consts
    index = wrap(idx)
    if reduce == "prod":
        masked_self = x.masked_fill(x == 0, 1)
        g_self = g * masked_self.index_reduce(d, index, s, reduce, include_self=include_self) / masked_self
        src_zero = s == 0
        zeros = wrap(np.zeros(x.shape, x._data.dtype))
        n_zeros = zeros.index_add(d, index, src_zero.to(x.dtype)).index_select(d, index)
        single = src_zero & (n_zeros == 1)
        masked_src_result = x.index_reduce(d, index, s.masked_fill(single, 1), reduce, include_self=include_self)
        g_src = (g * masked_src_result).index_select(d, index).where(
            single, (g * r).index_select(d, index) / s.masked_fill(src_zero, 1))
    elif reduce == "mean":
        n = wrap(np.full(x.shape, 1 if include_self else 0, x._data.dtype)).index_add(
            d, index, wrap(np.ones(s.shape, x._data.dtype)))
        n = n.masked_fill(n == 0, 1)
        g_self, g_src = g / n, g.index_select(d, index) / n.index_select(d, index)
    else:
        self_is = (x == r).to(x.dtype)
        src_is = (s == r.index_select(d, index)).to(x.dtype)
        dist = g / self_is.index_add(d, index, src_is)
        g_self, g_src = self_is * dist, src_is * dist.index_select(d, index)
    if not include_self:
        g_self = g_self.index_fill(d, index, 0)
    out = (g_self if needs[0] else None), (g_src if needs[1] else None)
    return tuple(v._data if plain and v is not None else v for v in out)
