"""More tensor ops (forward and vjp, registered in the op table like ops.py): splitting, picking elements by an
index key, scattering, triangles, running products and a few reductions.

Most of them pick elements with an advanced-indexing key computed once by the caller (consts: key, input shape):
their forward is ``a[key]`` and their gradient scatters back with ``np.add.at`` (or the reverse, for the ops
that scatter). PyTorch's split/unbind/std_mean are one node with several outputs; here each output has its own
node under the same name.
"""
import numpy as np

from .optable import OPS, defop


def _pick(a, key, shape):
    return a[key]


def _scatter_back(kind):
    def vjp(x, g, s, k, n):
        key, shape = k[:2]
        return (x.scatter(g, shape, key, True, kind),)
    return vjp


# Ops that pick elements: the gradient goes back through the engine's scatter (kind: the double-backward node).
for _name, _node, _kind in (
        ("split", "SplitBackward0", "slice_backward"),
        ("split_with_sizes", "SplitWithSizesBackward0", "slice_backward"),
        ("unsafe_split", "UnsafeSplitBackward0", "slice_backward"),  # the gates of PyTorch's RNN cells
        ("unbind", "UnbindBackward0", "select_backward"),
        ("diagonal", "DiagonalBackward0", "diagonal_backward"),
        ("diag", "DiagonalBackward0_copy", "diagonal_backward"),
        ("gather", "GatherBackward0", "index_backward"),
        ("index_select", "IndexSelectBackward0", "index_backward"),
        ("masked_select", "MaskedSelectBackward0", "index_backward"),
        ("repeat", "RepeatBackward0", "index_backward"),
        ("sort", "SortBackward0", "value_select_backward"),
        ("topk", "TopkBackward0", "value_select_backward"),
        ("median", "MedianBackward0", "index_backward"),
        ("median_dim", "MedianBackward1", "value_select_backward")):
    defop(_name, _node, _pick)(_scatter_back(_kind))


def _put(g, key, shape):
    out = np.zeros(shape, g.dtype)
    np.add.at(out, key, g)
    return out


def _take(x, g, s, k, n):
    return (x.take(g, k[0]),)


# Ops that put elements into zeros: the gradient picks them back.
defop("diagonal_backward", "DiagonalBackwardBackward0", _put)(_take)
defop("diag_embed", "DiagEmbedBackward0", _put)(_take)


@defop("trace", "TraceBackward0", lambda a, shape: np.asarray(np.trace(a)))
def _(x, g, s, k, n):
    return (x.wrap(np.eye(*k[0])) * g,)


def _scatter(a, src, key):
    out = np.array(a, copy=True)
    out[key] = src
    return out


@defop("scatter", "ScatterBackward0", _scatter)
def _(x, g, s, k, n):
    key = k[0]
    return (x.masked_zero(g, key) if n[0] else None), (x.take(g, key) if n[1] else None)


@defop("scatter_value", "ScatterBackward1", lambda a, key, value: _scatter(a, value, key))
def _(x, g, s, k, n):
    return (x.masked_zero(g, k[0]),)


def _scatter_add(a, src, key):
    out = np.array(a, copy=True)
    np.add.at(out, key, src)
    return out


@defop("scatter_add", "ScatterAddBackward0", _scatter_add)
def _(x, g, s, k, n):
    return g, (x.take(g, k[0]) if n[1] else None)


@defop("flip", "FlipBackward0", lambda a, dims: np.flip(a, dims).copy() if a.ndim else a.copy())
def _(x, g, s, k, n):
    return (x.call("flip", (g,), k[0]),)


@defop("tril", "TrilBackward0", lambda a, k: np.tril(a, k))
def _(x, g, s, k, n):
    return (x.call("tril", (g,), k[0]),)


@defop("triu", "TriuBackward0", lambda a, k: np.triu(a, k))
def _(x, g, s, k, n):
    return (x.call("triu", (g,), k[0]),)


def _running(fn):
    """np.cumsum / np.cumprod along dim in the input's dtype; a 0-d input is its own result."""
    return lambda a, dim: fn(a, axis=dim, dtype=a.dtype) if a.ndim else a.copy()


@defop("cumsum", "CumsumBackward0", _running(np.cumsum))
def _(x, g, s, k, n):
    dim = k[0]
    return (x.call("flip", (x.call("cumsum", (x.call("flip", (g,), (dim,)),), dim),), (dim,)),)


@defop("cumprod", "CumprodBackward0", _running(np.cumprod), saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    dim = k[0]
    if not a.ndim:
        return (g,)
    values = a if x.is_numpy else a._data
    if not values.all():
        return (_cumprod_back_with_zeros(x, a, g, dim, values.shape),)
    # d out_j / d a_i = out_j / a_i for j >= i: a reversed running sum of g * out, over a
    rev = x.call("flip", (x.call("cumsum", (x.call("flip", (g * out,), (dim,)),), dim),), (dim,))
    return (rev / a,)


def _cumprod_back_with_zeros(x, a, g, dim, shape):
    """grad_i = sum over j >= i of g_j * prod_{k <= j, k != i} a_k, without dividing (a holds zeros)."""
    pos = np.arange(shape[dim]).reshape([-1 if d == dim else 1 for d in range(len(shape))])
    total = None
    for i in range(shape[dim]):
        run = x.call("cumprod", (x.where(pos == i, 1.0, a),), dim)
        part = x.sum(x.where(pos >= i, g * run, 0.0), (dim,), True)
        term = x.where(pos == i, part, 0.0)
        total = term if total is None else total + term
    return total


def _logsumexp(a, dims, keepdim):
    m = np.max(a, axis=dims, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    out = np.log(np.sum(np.exp(a - m), axis=dims, keepdims=True)) + m
    return out if keepdim else np.squeeze(out, axis=dims)


@defop("logsumexp", "LogsumexpBackward0", _logsumexp, saves=(0, -1))
def _(x, g, s, k, n):
    a, out = s
    dims, keepdim = k
    g = x.restore_dims(g, dims, a.ndim, keepdim)
    out = x.restore_dims(out, dims, a.ndim, keepdim)
    return (g * x.exp(a - out),)


@defop("nan_to_num", "NanToNumBackward0", lambda a, nan, posinf, neginf, finite:
       np.nan_to_num(a, nan=nan, posinf=posinf, neginf=neginf))
def _(x, g, s, k, n):
    return (x.where(k[3], g, 0.0),)


# std_mean / var_mean: PyTorch's one node with two outputs, here the std (var) and the mean under its name.
for _name, _node, _base in (("std_mean_std", "StdMeanBackward0", "std"), ("std_mean_mean", "StdMeanBackward0", "mean_dim"),
                            ("var_mean_var", "VarMeanBackward0", "var"), ("var_mean_mean", "VarMeanBackward0", "mean_dim")):
    _op = OPS[_base]
    defop(_name, _node, _op.fwd, saves=_op.saves)(_op.vjp)
