"""Reductions, shape/view ops, indexing and joins: forward (numpy) and vjp side by side (see optable)."""
import math
import warnings

import numpy as np

from .optable import defop
from .reduce import full_sum
from .xp import along_axis_key

# ---------------------------------------------------------------- reductions (consts: dims, keepdim)


def _sum(a, dims, keepdim, dtype=None):
    return np.asarray(a.sum(axis=dims, keepdims=keepdim, dtype=dtype))


def _sum_all(a, shape, dtype=None):
    if dtype is not None and dtype != a.dtype:
        a = a.astype(dtype)
    return np.asarray(full_sum(a) if a.dtype.kind == "f" else a.sum())


@defop("sum", "SumBackward0", _sum_all)
def _(x, g, s, k, n):
    return (x.expand(g, k[0]),)


@defop("sum_dim", "SumBackward1", lambda a, dims, keepdim, shape, dtype=None: _sum(a, dims, keepdim, dtype))
def _(x, g, s, k, n):
    dims, keepdim, shape = k[:3]
    return (x.expand(x.restore_dims(g, dims, len(shape), keepdim), shape),)


def _mean(a, dims=None, keepdim=False, shape=None):
    # The sum in the input's dtype (a whole-tensor sum in PyTorch's order) divided by the count.
    total = full_sum(a) if dims is None else np.add.reduce(a, axis=dims, keepdims=keepdim)
    n = a.size if dims is None else _count(a.shape, dims)
    return np.asarray(np.true_divide(total, n, dtype=a.dtype) if n else total * np.nan)


@defop("mean", "MeanBackward0", lambda a, shape: _mean(a))
def _(x, g, s, k, n):
    shape = k[0]
    return (x.div_scalar(x.expand(g, shape), _count(shape, None)),)


@defop("mean_dim", "MeanBackward1", _mean)
def _(x, g, s, k, n):
    dims, keepdim, shape = k
    return (x.div_scalar(x.expand(x.restore_dims(g, dims, len(shape), keepdim), shape), _count(shape, dims)),)


def _count(shape, dims):
    if dims is None:
        return math.prod(shape)
    return math.prod([shape[d] for d in dims])


def _spread(x, g, a, out, dims=None):
    """The gradient of a max/min shared evenly among the tied elements (a NaN result ties with NaNs)."""
    ties = x.ties(a, out)
    count = x.sum(x.float_mask(ties, a), dims, dims is not None)
    return x.where(ties, g / count, 0.0)


@defop("max_all", "MaxBackward1", lambda a: np.asarray(a.max()), saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    return (_spread(x, g, a, out),)


@defop("min_all", "MinBackward1", lambda a: np.asarray(a.min()), saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    return (_spread(x, g, a, out),)


def _select_along(a, dim, keepdim, pick):
    idx = pick(a, axis=dim, keepdims=True)
    vals = np.take_along_axis(a, idx, dim)
    if not keepdim:
        vals, idx = vals.squeeze(dim), idx.squeeze(dim)
    return vals, idx


def _max_dim_back(x, g, s, k, n):
    dim, keepdim, index, shape = k   # index keeps the reduced dim
    if not shape:
        return (g,)  # a 0-d input is its own max
    g = x.restore_dims(g, (dim,), len(shape), keepdim)
    return (x.scatter(g, shape, along_axis_key(index, dim), True, "value_select_backward"),)


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
    return (_spread(x, g, a, out, dims),)


@defop("amin", "AminBackward0", lambda a, dims, keepdim: np.asarray(a.min(axis=dims, keepdims=keepdim)), saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    dims, keepdim = k
    out = x.restore_dims(out, dims, a.ndim, keepdim)
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    return (_spread(x, g, a, out, dims),)


@defop("prod", "ProdBackward0", lambda a: np.asarray(a.prod(dtype=a.dtype)), saves=(0,))
def _(x, g, s, k, n):
    a, = s
    return (g * x.prod_of_others(a, None),)


@defop("prod_dim", "ProdBackward1", lambda a, dim, keepdim: np.asarray(a.prod(axis=dim, keepdims=keepdim, dtype=a.dtype)),
       saves=(0,))
def _(x, g, s, k, n):
    a, = s
    dim, keepdim = k
    if not a.ndim:
        return (g,)
    return (x.restore_dims(g, (dim,), a.ndim, keepdim) * x.prod_of_others(a, dim),)


_DOF_WARNING = ("{}(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor "
                "(input numel divided by output numel). (Triggered internally at "
                "/__w/pytorch/pytorch/aten/src/ATen/native/ReduceOps.cpp:1861.)")


def _check_dof(name, a, dims, correction):
    if _count(a.shape, dims) - correction <= 0:
        warnings.warn(_DOF_WARNING.format(name), UserWarning, stacklevel=5)


def _var(a, dims, correction, keepdim):
    _check_dof("var", a, dims, correction)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(a.var(axis=dims, ddof=correction, keepdims=keepdim, dtype=a.dtype))


@defop("var", "VarBackward0", _var, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    dims, correction, keepdim = k
    count = _count(a.shape, dims)
    mean = x.sum(a, dims, True) / count
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    dof = count - correction
    if dof <= 0:
        return (x.constant(a, float("nan")),)  # PyTorch's gradient here is a constant nan
    return (g * (2 / dof) * (a - mean),)


def _std(a, dims, correction, keepdim):
    _check_dof("std", a, dims, correction)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(a.std(axis=dims, ddof=correction, keepdims=keepdim, dtype=a.dtype))


@defop("std", "StdBackward0", _std, saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    dims, correction, keepdim = k
    count = _count(a.shape, dims)
    mean = x.sum(a, dims, True) / count
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    out = x.restore_dims(out, dims, a.ndim, keepdim)
    dof = count - correction
    # PyTorch masks the points where the std is 0 (its gradient would be 0/0).
    return ((a - mean) * x.where(out == 0, 0.0, g / (out * (dof if dof > 0 else float("nan")))),)


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
        return (a * x.where(out == 0, 0.0, g / out),)
    if p == 1:
        return (x.sign(a) * g,)
    if p == float("inf"):
        return (x.sign(a) * _spread(x, g, x.abs(a), out, dims),)
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


def _take_back(kind):
    def vjp(x, g, s, k, n):
        key, shape = k
        return (x.scatter(g, shape, key, True, kind),)
    return vjp


defop("select", "SelectBackward0", lambda a, key, shape: a[key])(_take_back("select_backward"))
defop("slice", "SliceBackward0", lambda a, key, shape: a[key])(_take_back("slice_backward"))
defop("index", "IndexBackward0", lambda a, key, shape: a[key])(_take_back("index_backward"))


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


def _scatter_vjp(x, g, s, k, n):
    return (x.take(g, k[0]),)


# The backward of indexing, as an op (for create_graph=True), under PyTorch's node names.
for _name, _node in (("scatter_back", "IndexPutBackward0"), ("select_backward", "SelectBackwardBackward0"),
                     ("slice_backward", "SliceBackwardBackward0"), ("index_backward", "IndexPutImplBackward0"),
                     ("value_select_backward", "ScatterBackward0")):
    defop(_name, _node, lambda a, key, shape: _scatter_fwd(a, key, shape))(_scatter_vjp)


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
