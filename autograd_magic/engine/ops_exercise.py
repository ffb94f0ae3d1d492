"""Ops that exercise notebooks reach (gather/scatter lessons, sign quizzes): scatter_reduce, masked_scatter and sgn,
forward (numpy) and vjp side by side, with PyTorch's node names and backward formulas (FunctionsManual.cpp
scatter_reduce_backward, derivatives.yaml masked_scatter / sgn).

scatter_reduce's consts are (key, reduce, include_self): key is the advanced-indexing key that puts src's elements
at their index along dim (indexing._along); masked_scatter's are (mask broadcast to the output's shape,).
"""
import numpy as np

from .ops_complex import cabs, cdiv, csgn, multiply as complex_multiply
from .ops_tensor import accumulate_at
from .optable import defop

_REDUCERS = {"sum": np.add, "mean": np.add, "prod": np.multiply, "amax": np.fmax, "amin": np.fmin}


def _identity(reduce, dtype):
    if reduce in ("sum", "mean"):
        return 0
    if reduce == "prod":
        return 1
    if dtype.kind == "f":
        return -np.inf if reduce == "amax" else np.inf
    info = np.iinfo(dtype) if dtype.kind in "iu" else None
    return (info.min if reduce == "amax" else info.max) if info else reduce == "amin"


def _counts(shape, key, include_self, dtype):
    """How many values were reduced into each position (at least 1)."""
    n = np.full(shape, 1 if include_self else 0, dtype)
    np.add.at(n, key, 1)
    n[n == 0] = 1
    return n


def _scatter_reduce(x, src, key, reduce, include_self):
    """self's copy with src's elements reduced in at their index, in index order (ATen's CPU loop)."""
    out = np.array(x, copy=True)
    reduce = {"max": "amax", "min": "amin"}.get(reduce, reduce)   # (the forward takes them; backward does not)
    if not include_self:
        out[key] = _identity(reduce, out.dtype)
    if reduce in ("amax", "amin"):
        ufunc = np.maximum if reduce == "amax" else np.minimum   # NaN propagates, as in ATen
    else:
        ufunc = _REDUCERS[reduce]
    accumulate_at(ufunc, out, key, src)
    if reduce == "mean":
        n = _counts(out.shape, key, include_self, out.dtype)
        out = out // n if out.dtype.kind in "iub" else (out / n).astype(out.dtype)
    return out


@defop("scatter_reduce", "ScatterReduceBackward0", _scatter_reduce, saves=(0, 1, -1))
def scatter_reduce_vjp(xp, grad, saved, consts, needs):
    """PyTorch's scatter_reduce_backward: sum and mean pass (a share of) the gradient, amax/amin split it evenly
    among the values equal to the result, prod divides the result by each factor (zeros handled apart)."""
    x, src, result = saved
    key, reduce, include_self = consts
    if reduce not in ("sum", "prod", "mean", "amax", "amin"):   # ("max" and "min": PyTorch 2.13's forward only)
        raise RuntimeError(f"Expected 'reduce' to be one of 'sum', 'prod', 'mean', 'amax', 'amin' but got {reduce}.")
    data = (lambda t: t) if xp.is_numpy else (lambda t: t._data)
    if reduce == "sum":
        g_self, g_src = grad, _gather(xp, grad, key)
    elif reduce == "mean":
        n = xp.wrap(_counts(data(grad).shape, key, include_self, data(grad).dtype))
        g_self = grad / n
        g_src = _gather(xp, grad, key) / xp.take(n, key)
    elif reduce in ("amax", "amin"):
        r = data(result)
        self_is = (data(x) == r).astype(r.dtype)
        src_is = (data(src) == r[key]).astype(r.dtype)
        spread = np.array(self_is)
        np.add.at(spread, key, src_is)
        share = grad / xp.wrap(spread)
        g_self = share * xp.wrap(self_is)
        g_src = _gather(xp, share, key) * xp.wrap(src_is)
    else:
        g_self, g_src = _prod_grads(xp, grad, x, src, result, key, include_self, data)
    if not include_self:   # grad_self.scatter(dim, index, 0): exact zeros there (ScatterBackward1)
        g_self = xp.call("scatter_value", (g_self,), key, data(g_self).dtype.type(0))
    return g_self, g_src


def _gather(xp, t, key):
    """t.gather(dim, index) at the scatter's key (GatherBackward0 under create_graph=True)."""
    return xp.call("gather", (t,), key, tuple(t.shape))


def _fill(xp, t, mask, value):
    """t.masked_fill(mask, value) (MaskedFillBackward0 under create_graph=True)."""
    return np.where(mask, t.dtype.type(value), t) if xp.is_numpy else t.masked_fill(xp.wrap(mask), value)


def _prod_grads(xp, grad, x, src, result, key, include_self, data):
    """prod: grad * result / self for self (zeros replaced by 1 in a second reduction), and for src the same with
    a single zero among a position's factors handled by reducing with that zero replaced by 1."""
    masked_self = _fill(xp, x, data(x) == 0, 1)
    g_self = grad * xp.call("scatter_reduce", (masked_self, src), key, "prod", include_self) / masked_self
    zero = data(src) == 0
    zeros_at = np.zeros(data(x).shape, data(x).dtype)
    np.add.at(zeros_at, key, zero.astype(zeros_at.dtype))
    single = zero & (zeros_at[key] == 1)
    masked_src = _fill(xp, src, single, 1)
    masked_src_result = xp.call("scatter_reduce", (x, masked_src), key, "prod", include_self)
    g_src = xp.where(single, _gather(xp, grad * masked_src_result, key),
                     _gather(xp, grad * result, key) / _fill(xp, src, zero, 1))
    return g_self, g_src


def _masked_scatter(x, source, mask, source_shape):  # noqa: ARG001 (the node's consts)
    """x's copy with source's first elements written, in order, where mask is True."""
    out = np.array(x, copy=True)
    out[mask] = source.reshape(-1)[:int(mask.sum())]
    return out


@defop("masked_scatter", "MaskedScatterBackward0", _masked_scatter)
def masked_scatter_vjp(xp, grad, saved, consts, needs):
    """self: the gradient with the written positions zeroed; source: the gradient at those positions, in order,
    padded with zeros to source's shape (masked_scatter_backward)."""
    mask, source_shape = consts
    picked = xp.take(grad, mask)
    flat = xp.scatter(picked, (int(np.prod(source_shape)),), (np.arange(int(mask.sum())),))
    return xp.masked_zero(grad, mask), xp.reshape(flat, source_shape)


def _sgn(x):
    """The sign of each element (0 for NaN, as ATen's sgn of a real tensor)."""
    if x.dtype.kind == "c":
        return csgn(x)
    if x.dtype.kind == "b":   # (a bool is its own sign)
        return x.copy()
    out = np.sign(x)
    return np.where(np.isnan(out), out.dtype.type(0), out) if out.dtype.kind == "f" else out


@defop("sgn", "SgnBackward0", _sgn, api="sgn", inplace=True, saves=(0, -1))
def sgn_vjp(xp, grad, saved, consts, needs):
    """Zero for real inputs; for complex ones ATen's sgn_backward, (g - sgn² conj(g)) / (2 |z|), 0 where z is 0
    (the conjugate Wirtinger convention: the part of g along sgn is what a change of |z| cannot move)."""
    z, s = saved
    if not (grad.dtype.kind == "c" if xp.is_numpy else grad.is_complex()):
        return (xp.constant(grad, 0.0),)   # (ATen's efficient zero tensor: +0, no graph)
    if xp.is_numpy:
        a = cabs(z)
        twice = (2.0 * a).astype(z.dtype)
        out = cdiv(grad - complex_multiply(complex_multiply(s, s), np.conjugate(grad)), twice)
        return (np.where(a == 0, np.zeros((), out.dtype), out),)
    a = z.abs()
    out = (grad - (s * s) * grad.conj()) / (2.0 * a)
    return (out.masked_fill(a == 0, 0),)
