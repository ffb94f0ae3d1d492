"""Reductions, shape/view ops, indexing and joins: forward (numpy) and vjp side by side (see optable)."""
import math

import numpy as np

from .optable import defop
from .xp import along_axis_key

# ---------------------------------------------------------------- reductions (consts: dims, keepdim)


def _sum(a, dims, keepdim, dtype=None):
    return np.asarray(a.sum(axis=dims, keepdims=keepdim, dtype=dtype))


@defop("sum", "SumBackward0", lambda a, shape, dtype=None: np.asarray(a.sum(dtype=dtype)))
def _(x, g, s, k, n):
    return (x.expand(g, k[0]),)


@defop("sum_dim", "SumBackward1", lambda a, dims, keepdim, shape, dtype=None: _sum(a, dims, keepdim, dtype))
def _(x, g, s, k, n):
    dims, keepdim, shape = k[:3]
    return (x.expand(x.restore_dims(g, dims, len(shape), keepdim), shape),)


def _mean(a, dims=None, keepdim=False, shape=None):
    # The sum in the input's dtype divided by the count, as numpy's mean does, without its overhead.
    total = np.add.reduce(a, axis=dims, keepdims=keepdim)
    n = a.size if dims is None else _count(a.shape, dims)
    return np.asarray(np.true_divide(total, n, dtype=a.dtype) if n else total * np.nan)


@defop("mean", "MeanBackward0", lambda a, shape: _mean(a))
def _(x, g, s, k, n):
    shape = k[0]
    return (x.expand(g, shape) / _count(shape, None),)


@defop("mean_dim", "MeanBackward1", _mean)
def _(x, g, s, k, n):
    dims, keepdim, shape = k
    return (x.expand(x.restore_dims(g, dims, len(shape), keepdim), shape) / _count(shape, dims),)


def _count(shape, dims):
    if dims is None:
        return math.prod(shape)
    return math.prod([shape[d] for d in dims])


@defop("max_all", "MaxBackward1", lambda a: np.asarray(a.max()), saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    mask = x.float_mask(a == out, a)
    return (mask * (g / x.sum(mask)),)


@defop("min_all", "MinBackward1", lambda a: np.asarray(a.min()), saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    mask = x.float_mask(a == out, a)
    return (mask * (g / x.sum(mask)),)


def _select_along(a, dim, keepdim, pick):
    idx = pick(a, axis=dim, keepdims=True)
    vals = np.take_along_axis(a, idx, dim)
    if not keepdim:
        vals, idx = vals.squeeze(dim), idx.squeeze(dim)
    return vals, idx


def _max_dim_back(x, g, s, k, n):
    dim, keepdim, index, shape = k   # index keeps the reduced dim
    g = x.restore_dims(g, (dim,), len(shape), keepdim)
    return (x.scatter(g, shape, along_axis_key(index, dim)),)


defop("max_dim", "MaxBackward0", None)(_max_dim_back)
defop("min_dim", "MinBackward0", None)(_max_dim_back)


def _amax(a, dims, keepdim):
    return np.asarray(a.max(axis=dims, keepdims=keepdim))


@defop("amax", "AmaxBackward0", _amax, saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    dims, keepdim = k
    out = x.restore_dims(out, dims, a.ndim, keepdim)
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    mask = x.float_mask(a == out, a)
    return (mask * (g / x.sum(mask, dims, True)),)


@defop("amin", "AminBackward0", lambda a, dims, keepdim: np.asarray(a.min(axis=dims, keepdims=keepdim)), saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    dims, keepdim = k
    out = x.restore_dims(out, dims, a.ndim, keepdim)
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    mask = x.float_mask(a == out, a)
    return (mask * (g / x.sum(mask, dims, True)),)


@defop("prod", "ProdBackward0", lambda a: np.asarray(a.prod(dtype=a.dtype)), saves=(0,))
def _(x, g, s, k, n):
    a, = s
    return (g * x.prod_of_others(a, None),)


@defop("prod_dim", "ProdBackward1", lambda a, dim, keepdim: np.asarray(a.prod(axis=dim, keepdims=keepdim, dtype=a.dtype)),
       saves=(0,))
def _(x, g, s, k, n):
    a, = s
    dim, keepdim = k
    return (x.restore_dims(g, (dim,), a.ndim, keepdim) * x.prod_of_others(a, dim),)


def _var(a, dims, correction, keepdim):
    return np.asarray(a.var(axis=dims, ddof=correction, keepdims=keepdim, dtype=a.dtype))


@defop("var", "VarBackward0", _var, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    dims, correction, keepdim = k
    count = _count(a.shape, dims)
    mean = x.sum(a, dims, True) / count
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    return (g * (2 / (count - correction)) * (a - mean),)


def _std(a, dims, correction, keepdim):
    return np.asarray(a.std(axis=dims, ddof=correction, keepdims=keepdim, dtype=a.dtype))


@defop("std", "StdBackward0", _std, saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    dims, correction, keepdim = k
    count = _count(a.shape, dims)
    mean = x.sum(a, dims, True) / count
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    out = x.restore_dims(out, dims, a.ndim, keepdim)
    return (g * (a - mean) / (out * (count - correction)),)


def _norm(a, p, dims, keepdim):
    if p == 2:
        return np.asarray(np.sqrt((a * a).sum(axis=dims, keepdims=keepdim, dtype=a.dtype)))
    if p == float("inf"):
        return np.asarray(np.abs(a).max(axis=dims, keepdims=keepdim))
    if p == 1:
        return np.asarray(np.abs(a).sum(axis=dims, keepdims=keepdim, dtype=a.dtype))
    return np.asarray((np.abs(a) ** p).sum(axis=dims, keepdims=keepdim, dtype=a.dtype) ** (1.0 / p))


@defop("norm", "LinalgVectorNormBackward0", _norm, saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    p, dims, keepdim = k
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    out = x.restore_dims(out, dims, a.ndim, keepdim)
    if p == 2:
        return (x.where(out == 0, 0.0, a * (g / out)),)
    if p == 1:
        return (x.sign(a) * g,)
    if p == float("inf"):
        mask = x.float_mask(x.abs(a) == out, a)
        return (x.sign(a) * mask * (g / x.sum(mask, dims, True)),)
    return (x.where(out == 0, 0.0, x.sign(a) * x.abs(a) ** (p - 1) * (g / out ** (p - 1))),)


# ---------------------------------------------------------------- views and shapes (consts hold the input shape)


def _shape_back(x, g, s, k, n):
    return (x.reshape(g, k[-1]),)


for _name, _node in (("view", "ViewBackward0"), ("unsafe_view", "UnsafeViewBackward0"),
                     ("squeeze", "SqueezeBackward0"), ("squeeze_dim", "SqueezeBackward1"),
                     ("squeeze_dims", "SqueezeBackward2"), ("squeeze_mm", "SqueezeBackward4"),
                     ("unsqueeze", "UnsqueezeBackward0")):
    defop(_name, _node, lambda a, shape, in_shape: a.reshape(shape))(_shape_back)


@defop("permute", "PermuteBackward0", lambda a, axes: a.transpose(axes))
def _(x, g, s, k, n):
    return (x.permute(g, tuple(np.argsort(k[0]))),)


@defop("transpose", "TransposeBackward0", lambda a, d0, d1: np.swapaxes(a, d0, d1))
def _(x, g, s, k, n):
    return (x.swap(g, k[0], k[1]),)


@defop("t", "TBackward0", lambda a: a.T)
def _(x, g, s, k, n):
    return (x.mT(g) if g.ndim == 2 else g,)


@defop("expand", "ExpandBackward0", lambda a, shape: np.broadcast_to(a, shape))
def _(x, g, s, k, n):
    return (g,)


# ---------------------------------------------------------------- indexing (consts: key, input shape)


def _take_back(x, g, s, k, n):
    key, shape = k
    return (x.scatter(g, shape, key, True),)


defop("select", "SelectBackward0", lambda a, key, shape: a[key])(_take_back)
defop("slice", "SliceBackward0", lambda a, key, shape: a[key])(_take_back)
defop("index", "IndexBackward0", lambda a, key, shape: a[key])(_take_back)


def _index_put(a, v, key):
    out = np.array(a, copy=True)
    out[key] = v
    return out


def _index_put_back(x, g, s, k, n):
    key = k[0]
    gv = None
    if n[1]:
        gv = x.take(g, key)
    return (x.masked_zero(g, key) if n[0] else None), gv


defop("index_put", "IndexPutBackward0", _index_put)(_index_put_back)
defop("copy_slices", "CopySlices", _index_put, qualname="torch::autograd::CopySlices")(_index_put_back)


@defop("scatter_back", "IndexPutBackward0", lambda a, key, shape: _scatter_fwd(a, key, shape))
def _(x, g, s, k, n):
    return (x.take(g, k[0]),)


def _scatter_fwd(g, key, shape):
    out = np.zeros(shape, g.dtype)
    np.add.at(out, key, g)
    return out


# ---------------------------------------------------------------- joins


@defop("cat", "CatBackward0", lambda *arrays, dim: np.concatenate(arrays, axis=dim))
def _(x, g, s, k, n):
    dim, sizes = k
    return tuple(x.split(g, dim, sizes))


@defop("stack", "StackBackward0", lambda *arrays, dim: np.stack(arrays, axis=dim))
def _(x, g, s, k, n):
    return tuple(x.unstack(g, k[0]))
