"""Reductions, shape/view ops, indexing and joins: forward (numpy) and vjp side by side (see optable)."""
import math
import warnings

import numpy as np

from . import argcheck, ckernels, norm_order, sparse_grad as SG
from .autograd import Node
from .ops_complex import cdiv, multiply as complex_multiply
from .optable import OPS, defop
from .reduce import dim_sum, full_sum
from .xp import COPIED_BACK, along_axis_key

# ---------------------------------------------------------------- reductions (consts: dims, keepdim)


def _sum(a, dims, keepdim, dtype=None):
    if dtype is not None and dtype != a.dtype:
        a = a.astype(dtype)
    if a.dtype.kind not in "fc" or not dims:   # (an integer or bool sum keeps its dtype: numpy's would widen)
        return np.asarray(a.sum(axis=dims, keepdims=keepdim, dtype=a.dtype))
    return np.asarray(dim_sum(a, tuple(dims), keepdim))


def _sum_all(a, shape, dtype=None):
    if dtype is not None and dtype != a.dtype:
        a = a.astype(dtype)
    return np.asarray(full_sum(a) if a.dtype.kind in "fc" else a.sum(dtype=a.dtype))


def sum_dims_forward(a, dims, keepdim):
    """A float array summed over dims as torch.sum adds: all of them (the whole tensor's order) or some."""
    if a.ndim and len(set(dims)) == a.ndim:
        out = _sum_all(a, a.shape)
        return out.reshape((1,) * a.ndim) if keepdim else out
    return _sum(a, dims, keepdim)


@defop("sum", "SumBackward0", _sum_all)
def sum_vjp(xp, grad, saved, consts, needs):
    if xp.is_numpy and grad.ndim == 0:
        # PyTorch's expand: a view of one number (not contiguous), which a sparse gradient made of it keeps (an
        # embedding's rows: sparse_grad.add joins such entries instead of merging them)
        return (np.broadcast_to(grad, consts[0]),)
    return (xp.expand(grad, consts[0]),)


def _all_if_none(dims, ndim):
    """The dim overload's dims (None or () given: all of them, as PyTorch reduces and saves them)."""
    return tuple(range(ndim)) if not dims else dims


@defop("sum_dim", "SumBackward1",
       lambda a, dims, keepdim, shape, dtype=None: _sum(a, _all_if_none(dims, a.ndim), keepdim, dtype))
def sum_dim_vjp(xp, grad, saved, consts, needs):
    dims, keepdim, shape = consts[:3]
    # (ATen's sum_backward: all dims reduced (None or ()) is an expand of the gradient, nothing unsqueezed)
    return (xp.expand(xp.restore_dims(grad, dims or (), len(shape), keepdim), shape),)


def _mean(a, dims=None, keepdim=False, shape=None):
    # The sum in the input's dtype (a whole-tensor sum in PyTorch's order) divided by the count.
    if dims is not None and not dims:
        dims = tuple(range(a.ndim))   # (the dim overload given (): all dims)
    total = full_sum(a) if dims is None else dim_sum(a, tuple(dims), keepdim) if dims else a.copy()
    n = a.size if dims is None else _count(a.shape, dims)
    return np.asarray(np.true_divide(total, n, dtype=a.dtype) if n else total * np.nan)


@defop("mean", "MeanBackward0", lambda a, shape: _mean(a))
def mean_vjp(xp, grad, saved, consts, needs):
    shape = consts[0]
    return (xp.div_scalar(xp.expand(grad, shape), _count(shape, None)),)


@defop("mean_dim", "MeanBackward1", _mean)
def mean_dim_vjp(xp, grad, saved, consts, needs):
    dims, keepdim, shape = consts
    return (xp.div_scalar(xp.expand(xp.restore_dims(grad, dims or (), len(shape), keepdim), shape),
                          _count(shape, dims or None)),)


def _count(shape, dims):
    if dims is None:
        return math.prod(shape)
    return math.prod([shape[d] for d in dims])


def spread_ties(xp, grad, a, out, dims=None):
    """The gradient of a max/min shared evenly among the tied elements (a NaN result ties with NaNs)."""
    ties = xp.ties(a, out)
    count = xp.sum(xp.float_mask(ties, a), dims, dims is not None)
    return xp.where(ties, grad / count, 0.0)


@defop("max_all", "MaxBackward1", lambda a: np.asarray(a.max()), saves=(0, -1))
def max_all_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    return (spread_ties(xp, grad, a, out),)


@defop("min_all", "MinBackward1", lambda a: np.asarray(a.min()), saves=(0, -1))
def min_all_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    return (spread_ties(xp, grad, a, out),)


def _select_along(a, dim, keepdim, pick):
    idx = pick(a, axis=dim, keepdims=True)
    vals = np.take_along_axis(a, idx, dim)
    if not keepdim:
        vals, idx = vals.squeeze(dim), idx.squeeze(dim)
    return vals, idx


def _max_dim_back(xp, grad, saved, consts, needs):
    dim, keepdim, index, shape = consts   # index keeps the reduced dim
    if not shape:
        return (grad,)  # a 0-d input is its own max
    grad = xp.restore_dims(grad, (dim,), len(shape), keepdim)
    return (xp.scatter(grad, shape, along_axis_key(index, dim), True, "value_select_backward"),)


defop("max_dim", "MaxBackward0", None)(_max_dim_back)
defop("min_dim", "MinBackward0", None)(_max_dim_back)


def _amax(a, dims, keepdim):
    return np.asarray(a.max(axis=dims, keepdims=keepdim))


@defop("amax", "AmaxBackward0", _amax, saves=(0, -1))
def amax_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    dims, keepdim = consts
    out = xp.restore_dims(out, dims, a.ndim, keepdim, unsqueeze=False)
    grad = xp.restore_dims(grad, dims, a.ndim, keepdim, unsqueeze=False)
    return (spread_ties(xp, grad, a, out, dims),)


@defop("amin", "AminBackward0", lambda a, dims, keepdim: np.asarray(a.min(axis=dims, keepdims=keepdim)), saves=(0, -1))
def amin_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    dims, keepdim = consts
    out = xp.restore_dims(out, dims, a.ndim, keepdim, unsqueeze=False)
    grad = xp.restore_dims(grad, dims, a.ndim, keepdim, unsqueeze=False)
    return (spread_ties(xp, grad, a, out, dims),)


def _has_zero(xp, a):
    """Whether an input of prod is 0 somewhere (ATen's prod_backward takes grad * (result / input) only if not)."""
    return bool(((a if xp.is_numpy else a._data) == 0).any())


@defop("prod", "ProdBackward0", lambda a: np.asarray(a.prod(dtype=a.dtype)), saves=(0, -1))
def prod_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    if a.ndim and not _has_zero(xp, a):   # ATen's prod_backward: grad * (result / input) when no input is 0
        return (_times_conj(xp, grad, _quotient(xp, out, a)),)
    values = a if xp.is_numpy else a._data
    if xp.is_numpy and a.ndim and np.count_nonzero(values == 0) > 1:   # (ATen: zeros, +0, without computing)
        return (np.zeros(a.shape, grad.dtype),)
    return (_times_conj(xp, grad, xp.prod_of_others(a, None)),)


def _quotient(xp, out, a):
    """result / input, as ATen's complex division rounds it."""
    if xp.is_numpy and a.dtype.kind == "c":
        return cdiv(out, a)
    return out / a


def _times_conj(xp, grad, others):
    """grad * conj(others): prod's derivative is conjugated for a complex input (ATen's prod_backward), the
    product as ATen's complex mul kernel rounds it."""
    if xp.is_numpy:
        return complex_multiply(grad, np.conjugate(others)) if others.dtype.kind == "c" else grad * others
    return grad * (others.conj() if others.is_complex() else others)


@defop("prod_dim", "ProdBackward1", lambda a, dim, keepdim: np.asarray(a.prod(axis=dim, keepdims=keepdim, dtype=a.dtype)),
       saves=(0, -1))
def prod_dim_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    dim, keepdim = consts
    if not a.ndim:
        return (grad,)
    grad = xp.restore_dims(grad, (dim,), a.ndim, keepdim)
    if not _has_zero(xp, a):
        return (_times_conj(xp, grad, _quotient(xp, xp.restore_dims(out, (dim,), a.ndim, keepdim), a)),)
    return (_times_conj(xp, grad, xp.prod_of_others(a, dim)),)


_DOF_WARNING = ("{}(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor "
                "(input numel divided by output numel). (Triggered internally at "
                "/__w/pytorch/pytorch/aten/src/ATen/native/ReduceOps.cpp:1861.)")


def _check_dof(name, a, dims, correction):
    """PyTorch's warning when no degree of freedom is left; True then (numpy's own warning must stay quiet). ATen
    counts the elements each output reduces as numel / output numel, 0 when the output is empty."""
    kept = () if dims is None else [n for i, n in enumerate(a.shape) if i not in {d % max(a.ndim, 1) for d in dims}]
    if (_count(a.shape, dims) if all(kept) else 0) - correction <= 0:
        # (the user's line, however many of the engine's wrappers are between: argcheck.user_level)
        warnings.warn(_DOF_WARNING.format(name), UserWarning, stacklevel=argcheck.user_level())
        return True
    return False


def _moment(f, a, dims, correction, keepdim, quiet, one_output_pass=False):
    if one_output_pass and a.size and _one_output(a.shape, dims) and (
            a.dtype == np.float32 or a.dtype == np.float64 and a.size <= 32768):
        out = _var_all(a, correction, f is np.std)
        return out.reshape(_kept_shape(a.shape, None if dims is None else {d % a.ndim for d in dims}) if keepdim
                           else tuple(n for i, n in enumerate(a.shape) if dims is not None and i not in
                                      {d % a.ndim for d in dims}))
    if a.dtype == np.float64 and 0 < a.size <= 32768 and a.flags.c_contiguous:
        got = _moment64(a, dims, correction, f is np.std)
        if got is not None:
            return got[0].reshape(_kept_shape(a.shape, None if dims is None else {d % a.ndim for d in dims})) if keepdim else got[0]
    # PyTorch's CPU kernel (Welford) accumulates float32 in double and rounds once: so does the float64 detour
    # (numpy's float32 var differed from it in ~60% of elements)
    # (and float16's, whose double result is stored through float32: numpy's float16 var rounds every step)
    wide = a.astype(np.float64) if a.dtype == np.float32 or a.dtype == np.float16 else a
    with np.errstate(divide="ignore", invalid="ignore"):
        if not quiet:
            out = f(wide, axis=dims, ddof=correction, keepdims=keepdim, dtype=wide.dtype)
        else:
            with warnings.catch_warnings():   # numpy's "Degrees of freedom <= 0": PyTorch's warning was given
                warnings.simplefilter("ignore", RuntimeWarning)
                out = f(wide, axis=dims, ddof=correction, keepdims=keepdim, dtype=wide.dtype)
    if a.dtype == np.float16:
        return np.asarray(out).astype(np.float32).astype(np.float16)
    return np.asarray(out).astype(a.dtype, copy=False)


def _one_output(shape, dims):
    """Whether a reduction over dims leaves one element (ATen's std_var_all_cpu then, not the Welford kernel)."""
    if dims is None or not len(shape):
        return True
    kept = {d % len(shape) for d in dims}
    return math.prod(n for i, n in enumerate(shape) if i not in kept) == 1


def _var_all(a, correction, take_sqrt):
    """float32/64 var/std with one output, as ATen's std_var_all_cpu: the mean is torch.mean's (for float32 a
    float32 sum divided by the count in float32), then each element's deviation from it squared and added in double
    in memory order, the double result rounded once. (A float32 mean off by an ulp of large values shows:
    1e8 + [0, 8, 16, 16] has var 192.)"""
    mean = np.float64(_mean(a))
    dx = a.ravel(order="K").astype(np.float64) - mean
    sq = dx * dx
    total = np.add.accumulate(sq)[-1] if sq.size <= 32768 else sq.sum()   # (one thread's order; chunks beyond)
    with np.errstate(divide="ignore", invalid="ignore"):
        var = total / np.float64(max(0.0, a.size - correction))
    return np.asarray(np.sqrt(var) if take_sqrt else var).astype(a.dtype)


def _kept_shape(shape, dims):
    return tuple(1 if dims is None or i in dims else n for i, n in enumerate(shape))


def _moment64(a, dims, correction, take_sqrt, whole_by_welford=False):
    """float64 var/std (and the Welford mean) in PyTorch's CPU order, for a tensor one thread reduces: the whole
    tensor as std_var_all_cpu (mean() first, then the squared deviations added in order; var_mean / std_mean take
    Welford's path there too: whole_by_welford), one run of dims as WelfordOps (a running mean and m2 per output,
    index order). (values, mean), or None for other layouts."""
    nd = a.ndim
    dims = None if dims is None else sorted({d % nd for d in dims}) if nd else []
    if whole_by_welford and (dims is None or len(dims) == nd):
        dims = list(range(nd))
        if not dims:
            a, dims, nd = a.reshape(1), [0], 1
    elif dims is None or len(dims) == nd:
        n = a.size
        mean = np.asarray(full_sum(a)) / np.float64(n)
        dx = (a - mean).reshape(-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            var = np.add.accumulate(dx * dx)[-1] / np.float64(max(0.0, n - correction))
        return np.asarray(np.sqrt(var) if take_sqrt else var), np.asarray(mean)
    out_shape = tuple(n for i, n in enumerate(a.shape) if i not in dims)
    if dims != list(range(dims[0], dims[-1] + 1)):
        # dims apart (a batch norm's (0, 2, 3)): each output takes its elements in index order of the reduced dims
        # (ATen's iterator puts them first, the fastest first), as the kept dims outermost and the reduced ones
        # flattened behind them
        kept = [i for i in range(nd) if i not in dims]
        a = np.ascontiguousarray(a.transpose(kept + dims))
        outer, d, inner = math.prod(out_shape), math.prod(a.shape[len(kept):]), 1
    else:
        outer, d = math.prod(a.shape[:dims[0]]), math.prod(a.shape[dims[0]:dims[-1] + 1])
        inner = math.prod(a.shape[dims[-1] + 1:])
    if ckernels.LIB is not None:
        var, mean = ckernels.welford(a, outer, d, inner, correction, take_sqrt)
        return var.reshape(out_shape), mean.reshape(out_shape)
    x = a.reshape(outer, d, inner)
    mean, m2 = np.zeros((outer, inner)), np.zeros((outer, inner))
    for i in range(d):                      # the same steps, one index at a time for all outputs
        v = x[:, i]
        delta = v - mean
        mean = mean + delta / np.float64(i + 1)
        m2 = m2 + delta * (v - mean)
    with np.errstate(divide="ignore", invalid="ignore"):
        var = m2 / np.float64(d - correction if d > correction else 0)
    return (np.sqrt(var) if take_sqrt else var).reshape(out_shape), mean.reshape(out_shape)


def welford_var(a, dims, correction, keepdim, take_sqrt=False):
    """var_mean / std_mean's first output: for float64, Welford's order also over the whole tensor."""
    quiet = _check_dof("std_mean" if take_sqrt else "var_mean", a, dims, correction)   # (at _var's depth)
    if a.dtype == np.float64 and 0 < a.size <= 32768 and a.flags.c_contiguous:
        got = _moment64(a, dims, correction, take_sqrt, whole_by_welford=True)
        if got is not None:
            kept = None if dims is None else {d % max(a.ndim, 1) for d in dims}
            return got[0].reshape(_kept_shape(a.shape, kept)) if keepdim else got[0].reshape(
                tuple(n for i, n in enumerate(a.shape) if kept is not None and i not in kept))
    return _moment(np.std if take_sqrt else np.var, a, dims, correction, keepdim, quiet)


def welford_mean(a, dims, keepdim=False, shape=None):
    """var_mean / std_mean's mean: PyTorch's Welford kernel gives it from its double accumulators (float32 rounded
    once), not from the sum kernel as mean() does."""
    if not a.size:   # nothing to average: _mean's nan, without numpy's "Mean of empty slice" RuntimeWarning
        return _mean(a, dims, keepdim, shape)
    if a.dtype == np.float64 and 0 < a.size <= 32768 and a.flags.c_contiguous:
        got = _moment64(a, dims, 1, False, whole_by_welford=True)
        if got is not None:
            kept = None if dims is None else {d % max(a.ndim, 1) for d in dims}
            return got[1].reshape(_kept_shape(a.shape, kept)) if keepdim else got[1].reshape(
                tuple(n for i, n in enumerate(a.shape) if kept is not None and i not in kept))
    if a.dtype == np.float16:   # (the double mean stored through float32, as the var beside it)
        return np.asarray(np.mean(a.astype(np.float64), axis=dims, keepdims=keepdim)).astype(np.float32).astype(
            np.float16)
    if a.dtype != np.float32:
        return _mean(a, dims, keepdim, shape)
    return np.asarray(np.mean(a.astype(np.float64), axis=dims, keepdims=keepdim)).astype(np.float32)


def _var(a, dims, correction, keepdim):
    return _moment(np.var, a, dims, correction, keepdim, _check_dof("var", a, dims, correction), True)


@defop("var", "VarBackward0", _var, saves=(0,))
def var_vjp(xp, grad, saved, consts, needs):
    a, = saved
    dims, correction, keepdim = consts
    dof = _count(a.shape, dims) - correction
    return (_var_grad(xp, _var_restored(xp, grad, a, dims, keepdim), a, dims, dof),)


def _var_restored(xp, grad, a, dims, keepdim):
    """ATen's var_backward puts the reduced dims back (unsqueeze_multiple) only for a reduction over given dims of a
    tensor of two or more dims: otherwise the 0-d gradient broadcasts (no node under create_graph=True)."""
    return grad if dims is None or a.ndim <= 1 else xp.restore_dims(grad, dims, a.ndim, keepdim)


def _var_grad(xp, grad, a, dims, dof):
    """ATen's var_backward: (2 / dof) * grad * (self - self.mean(dims, keepdim=True)), the mean being torch.mean's.
    With no correction left (dof <= 0, where the variance is inf, or nan for equal values): over every dim (no dim
    given, or a 0-d input) grad * where(self == self.mean(), nan, inf); over given dims the same formula, 2 / 0
    being inf and a negative dof a finite negative factor (a std's gradient is then 0 * that: nan or a signed 0)."""
    whole = dims is None or not a.ndim
    mean = xp.call("mean", (a,), a.shape) if whole else xp.call("mean_dim", (a,), tuple(dims), True, a.shape)
    if dof <= 0 and whole:
        return grad * xp.where(a == mean, xp.constant(a, float("nan")), xp.constant(a, float("inf")))
    scale = 2 / dof if dof else float("inf")
    if not xp.is_numpy:   # (2 / dof) * grad is mul.Scalar (MulBackward1)
        return xp.call("mul_scalar", (grad,), scale) * (a - mean)
    return grad * scale * (a - mean)


def _std(a, dims, correction, keepdim):
    return _moment(np.std, a, dims, correction, keepdim, _check_dof("std", a, dims, correction), True)


@defop("std", "StdBackward0", _std, saves=(0, -1))
def std_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    dims, correction, keepdim = consts
    dof = _count(a.shape, dims) - correction
    # ATen's std_backward: grad / (result * 2), 0 where the std is 0 (its gradient would be 0/0), then var's
    # (result * 2 a Scalar product, the zeros by masked_fill under create_graph=True)
    twice = out * 2 if xp.is_numpy else xp.call("mul_scalar", (out,), 2)
    grad_var = _var_restored(xp, _zero_where(xp, grad / twice, out == 0), a, dims, keepdim)
    return (_var_grad(xp, grad_var, a, dims, dof),)


def _norm(a, p, dims, keepdim):
    if p == 2:
        ordered = norm_order.norm2(a, dims, keepdim)   # ATen's order of the squares' sum, where it applies
        if ordered is not None:
            return ordered
        return np.asarray(np.sqrt((a * a).sum(axis=dims, keepdims=keepdim, dtype=a.dtype)))
    if p == float("inf"):
        return np.asarray(np.abs(a).max(axis=dims, keepdims=keepdim))
    if p == float("-inf"):
        return np.asarray(np.abs(a).min(axis=dims, keepdims=keepdim))
    if p == 0:
        return np.asarray((a != 0).sum(axis=dims, keepdims=keepdim, dtype=a.dtype))
    ordered = norm_order.norm_p(a, p, dims, keepdim)   # ATen's order of the generic kernel, where it applies
    if ordered is not None:
        return ordered
    if p == 1:
        return np.asarray(np.abs(a).sum(axis=dims, keepdims=keepdim, dtype=a.dtype))
    return np.asarray((np.abs(a) ** p).sum(axis=dims, keepdims=keepdim, dtype=a.dtype) ** (1.0 / p))


@defop("norm", "LinalgVectorNormBackward0", _norm, saves=(0, -1))
def norm_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    p, dims, keepdim = consts
    if dims is not None:   # (a norm over every dim stays 0-d and broadcasts: ATen's unsqueeze_multiple of no dims)
        grad = xp.restore_dims(grad, dims, a.ndim, keepdim)
        out = xp.restore_dims(out, dims, a.ndim, keepdim)
    if p == 2:   # (ATen: grad * (self / norm) masked where the norm is 0: a nan or inf grad there gives nan)
        return (grad * _zero_where(xp, a / out, out == 0),)
    if p == 1:
        return (_sgn(xp, a) * grad,)
    if p in (float("inf"), float("-inf")):   # ATen: sgn(self) * ((grad / mask.sum(dim, true)) * mask)
        mask = xp.float_mask(xp.ties(xp.abs(a), out), a)
        return (_sgn(xp, a) * ((grad / xp.sum(mask, dims, dims is not None)) * mask),)
    if p == 0:
        return (None,)  # PyTorch's norm_backward: no gradient for the count of nonzeros
    # ATen's norm_backward: the zeros masked by masked_fill_ (a nan or inf that reaches a masked entry in a
    # second backward is replaced there, where a where() over the whole product would pass 0 * nan)
    if p < 1:
        return (_sgn(xp, a) * _zero_where(xp, xp.abs(a) ** (p - 1), a == 0) * grad * out ** (1 - p),)
    scaled = _sgn(xp, a) * xp.abs(a) ** (p - 1) if p < 2 else a * xp.abs(a) ** (p - 2)
    return (scaled * _zero_where(xp, grad / out ** (p - 1), out == 0),)


def _sgn(xp, a):
    """a.sgn() (SgnBackward0 under create_graph=True), the sign for real tensors."""
    return xp.sign(a) if xp.is_numpy else a.sgn()


def _zero_where(xp, t, mask):
    """t.masked_fill(mask, 0) (MaskedFillBackward0 under create_graph=True)."""
    return xp.where(mask, 0.0, t) if xp.is_numpy else t.masked_fill(mask, 0.0)


# ---------------------------------------------------------------- views and shapes (consts hold the input shape)


def _shape_back(xp, grad, saved, consts, needs):
    return (xp.reshape(grad, consts[-1]),)


def _removed_ones(in_shape, shape):
    """The positions of in_shape's size-1 dims that are not in shape (in_shape with them left out is shape)."""
    removed, j = [], 0
    for i, n in enumerate(in_shape):
        if j < len(shape) and n == shape[j] and len(in_shape) - i >= len(shape) - j:
            j += 1
        else:
            removed.append(i)
    return removed


def _squeeze_back(xp, grad, saved, consts, needs):
    """ATen's unsqueeze_to: the squeezed dims put back one unsqueeze at a time (UnsqueezeBackward0 each)."""
    shape, in_shape = consts
    if xp.is_numpy:
        return (grad.reshape(in_shape),)
    for d in _removed_ones(in_shape, shape):
        grad = xp.call("unsqueeze", (grad,), grad.shape[:d] + (1,) + grad.shape[d:], grad.shape)
    return (grad,)


def _unsqueeze_back(xp, grad, saved, consts, needs):
    """unsqueeze's backward is squeeze(dim) (SqueezeBackward1)."""
    shape, in_shape = consts
    if xp.is_numpy:
        return (grad.reshape(in_shape),)
    return (xp.call("squeeze_dim", (grad,), in_shape, shape),)


def view_strides(shape, strides, new_shape):
    """ATen's computeStride for a view of a tensor (shape, strides in items) as new_shape, where it is viewable:
    the new dims of each contiguous chunk of old dims take the chunk's strides from its innermost one outwards,
    a size-1 dim the stride of the dims inside it times their sizes (numpy keeps or invents others for those:
    ``randn(3, 5, 1).transpose(1, 2).view(3, 1, 5)`` has strides (5, 5, 1)); None where it is not viewable."""
    out = [0] * len(new_shape)
    view_d = len(new_shape) - 1
    base = strides[-1]
    tensor_numel = view_numel = 1
    for d in range(len(shape) - 1, -1, -1):
        tensor_numel *= shape[d]
        if d == 0 or (shape[d - 1] != 1 and strides[d - 1] != tensor_numel * base):
            while view_d >= 0 and (view_numel < tensor_numel or new_shape[view_d] == 1):
                out[view_d] = view_numel * base
                view_numel *= new_shape[view_d]
                view_d -= 1
            if view_numel != tensor_numel:
                return None
            if d > 0:
                base, tensor_numel, view_numel = strides[d - 1], 1, 1
    return None if view_d != -1 else out


def _view(a, shape, in_shape):
    return aten_strided(a, a.reshape(shape))


def aten_strided(a, out):
    """out (a view of a by numpy's reshape) with ATen's strides for its size-1 dims (see view_strides)."""
    if 1 not in out.shape or not a.ndim or not out.size:
        return out
    size = a.itemsize
    want = view_strides(a.shape, [st // size for st in a.strides], out.shape)
    if want is None or [st // size for st in out.strides] == want:
        return out
    return np.lib.stride_tricks.as_strided(out, out.shape, [st * size for st in want], writeable=a.flags.writeable)


for _name, _node in (("view", "ViewBackward0"), ("reshape_alias", "ReshapeAliasBackward0")):
    defop(_name, _node, _view)(_shape_back)
for _name, _node, _back in (("unsafe_view", "UnsafeViewBackward0", _shape_back),
                            ("squeeze", "SqueezeBackward0", _squeeze_back),
                            ("squeeze_dim", "SqueezeBackward1", _squeeze_back),
                            ("squeeze_dims", "SqueezeBackward2", _squeeze_back),
                            ("squeeze_mm", "SqueezeBackward4", _squeeze_back),
                            ("unsqueeze", "UnsqueezeBackward0", _unsqueeze_back)):
    defop(_name, _node, lambda a, shape, in_shape: a.reshape(shape))(_back)


@defop("permute", "PermuteBackward0", lambda a, axes: a.transpose(axes))
def permute_vjp(xp, grad, saved, consts, needs):
    if xp.is_numpy and isinstance(grad, SG.SparseGrad):   # (a sparse tensor's permute: the gradient stays sparse)
        return (SG.permuted(grad, tuple(np.argsort(consts[0]))),)
    return (xp.permute(grad, tuple(np.argsort(consts[0]))),)


def swapped(a, d0, d1):
    """np.swapaxes, and a 0-d array's own view (PyTorch transposes a scalar over dims 0 / -1 as one dimension)."""
    return np.swapaxes(a, d0, d1) if a.ndim else a[...]


@defop("transpose", "TransposeBackward0", swapped)
def transpose_vjp(xp, grad, saved, consts, needs):
    if xp.is_numpy and isinstance(grad, SG.SparseGrad):
        axes = list(range(grad.ndim))
        axes[consts[0]], axes[consts[1]] = axes[consts[1]], axes[consts[0]]
        return (SG.permuted(grad, tuple(axes), "transpose", [d % grad.ndim for d in consts[:2]]),)
    return (xp.swap(grad, consts[0], consts[1]),)


@defop("t", "TBackward0", lambda a: a.T)
def t_vjp(xp, grad, saved, consts, needs):
    if xp.is_numpy and isinstance(grad, SG.SparseGrad) and grad.ndim == 2:
        return (SG.permuted(grad, (1, 0), "t"),)
    return (xp.mT(grad) if grad.ndim == 2 else grad,)


def _expand(a, shape):
    """a broadcast to shape with ATen's strides (inferExpandGeometry): 0 only where a size-1 dimension grows; a new
    leading dimension of size 1 gets the stride a contiguous layout would give it (numpy's broadcast_to gives 0)."""
    lead, strides = len(shape) - a.ndim, [0] * len(shape)
    for i in reversed(range(len(shape))):
        j = i - lead
        size, stride = (a.shape[j], a.strides[j]) if j >= 0 else \
            (1, shape[i + 1] * strides[i + 1] if i + 1 < len(shape) else 0)   # (0-d: all 0)
        strides[i] = stride if size == shape[i] else 0
    view = np.broadcast_to(a, shape)
    root = view
    while isinstance(root.base, np.ndarray):
        root = root.base
    if view.strides == tuple(strides) or not root.flags.c_contiguous:
        return view
    # the same window on the same memory, whose base is that memory's array (storage and view bookkeeping walk
    # .base to it; as_strided's base would be numpy's DummyArray)
    offset = view.__array_interface__["data"][0] - root.__array_interface__["data"][0]
    out = np.ndarray(shape, a.dtype, buffer=root, offset=offset, strides=strides)
    out.flags.writeable = False
    return out


@defop("expand", "ExpandBackward0", _expand)
def expand_vjp(xp, grad, saved, consts, needs):
    return (grad,)


# ---------------------------------------------------------------- indexing (consts: key, input shape)


def _take_back(kind):
    def vjp(xp, grad, saved, consts, needs):
        key, shape = consts
        return (xp.scatter(grad, shape, key, True, kind),)
    return vjp


defop("select", "SelectBackward0", lambda a, key, shape: a[key + (Ellipsis,)])(_take_back("select_backward"))  # a view, also 0-d
defop("slice", "SliceBackward0", lambda a, key, shape: a[key])(_take_back("slice_backward"))
defop("index", "IndexBackward0", lambda a, key, shape: a[key])(_take_back("index_backward"))
# a view written in place (tensor_base.commit_inplace_tracked): the view as a strided window of its base
defop("view_region", "AsStridedBackward0", lambda a, key, shape: a[key])(_take_back("index_backward"))


def _index_put(a, v, key):
    out = np.array(a, copy=True)
    out[key] = v
    return out


def _index_put_back(xp, grad, saved, consts, needs):
    key = consts[0]
    gv = None
    if needs[1]:
        gv = xp.take(grad, key)
    return (xp.masked_zero(grad, key) if needs[0] else None), gv


defop("index_put", "IndexPutBackward0", _index_put)(_index_put_back)


def _index_put_accumulate(a, v, key):
    out = np.array(a, copy=True)
    np.add.at(out, key, np.broadcast_to(v, out[key].shape))   # repeated indices add up, in index order
    return out


@defop("index_put_acc", "IndexPutBackward0", _index_put_accumulate)
def index_put_acc_vjp(xp, grad, saved, consts, needs):
    """index_put(..., accumulate=True): the old values keep their gradient; the values get theirs gathered."""
    return (grad if needs[0] else None), (xp.take(grad, consts[0]) if needs[1] else None)
defop("copy_slices", "CopySlices", _index_put, qualname="torch::autograd::CopySlices")(_index_put_back)


@defop("copy_slices_inplace", "CopySlices", _index_put, qualname="torch::autograd::CopySlices")
def copy_slices_inplace_vjp(xp, grad, saved, consts, needs):
    """An in-place op on a view of a tensor with history, one node as PyTorch's CopySlices wraps the op's own node
    (tensor_base.commit_inplace_tracked): edge 0 is the base's history, the others the op's. The op's vjp runs on
    the view's part of the gradient; its gradient for the view's old values goes back into that part."""
    key, op, op_consts, outputs = consts
    part = xp.take(grad, key)
    if outputs and not xp.is_numpy:
        # the op saved its result, which is the view: under create_graph it is the base's window
        # (AsStridedBackward0 of this node), not a tensor of this node's shape
        saved = list(saved)
        shape = grad._data.shape
        for i in outputs:
            data = saved[i]._data
            base = xp.rewrap(np.broadcast_to(np.zeros((), data.dtype), shape), saved[i]._fn)
            saved[i] = xp.rewrap(data, Node(OPS["view_region"], (base,), None, (key, shape), data))
    grads = op.vjp(xp, part, saved, op_consts, needs)
    mine = grads[0]
    base = None
    if needs[0]:
        if mine is not None and (mine.shape != part.shape or mine.dtype != part.dtype):
            mine = xp.fit(mine, part.shape, part.dtype)
        if xp.is_numpy:
            base = np.array(grad)
            base[key] = 0 if mine is None else mine
        else:
            base = xp.masked_zero(grad, key)
            if mine is not None:
                base = base + xp.scatter(mine, grad.shape, key, True, "index_backward")
    return (base, *grads[1:])


def _scatter_vjp(xp, grad, saved, consts, needs):
    return (xp.take(grad, consts[0]),)


# The backward of indexing, as an op (for create_graph=True), under PyTorch's node names.
for _name, _node in (("scatter_back", "IndexPutBackward0"), ("select_backward", "SelectBackwardBackward0"),
                     ("slice_backward", "SliceBackwardBackward0"), ("index_backward", "IndexPutImplBackward0"),
                     ("value_select_backward", "ScatterBackward0")):
    defop(_name, _node, lambda a, key, shape, _copy=_name in COPIED_BACK: _scatter_fwd(a, key, shape, _copy))(
        _scatter_vjp)


def _scatter_fwd(g, key, shape, copy=False):
    out = np.zeros(shape, g.dtype)
    if copy:   # (slice_backward, select_backward: a copy into zeros, -0.0 kept; see xp.COPIED_BACK)
        out[key] = g
        return out
    np.add.at(out, key, g)
    return out


# ---------------------------------------------------------------- joins


def _cat(*args):
    """(arrays..., dim, sizes): a size None marks a 1-d empty array that PyTorch's cat skips (its legacy rule)."""
    arrays, dim, sizes = args[:-2], args[-2], args[-1]
    return np.concatenate([a for a, n in zip(arrays, sizes) if n is not None], axis=dim)


@defop("cat", "CatBackward0", _cat)
def cat_vjp(xp, grad, saved, consts, needs):
    dim, sizes = consts
    if None not in sizes:
        return tuple(xp.split(grad, dim, sizes))
    parts = iter(xp.split(grad, dim, [n for n in sizes if n is not None]))
    empty = np.zeros((0,), grad.dtype if xp.is_numpy else grad._data.dtype)
    return tuple(next(parts) if n is not None else xp.wrap(empty) for n in sizes)


@defop("stack", "StackBackward0", lambda *arrays, dim: np.stack(arrays, axis=dim))
def stack_vjp(xp, grad, saved, consts, needs):
    return tuple(xp.unstack(grad, consts[0]))
