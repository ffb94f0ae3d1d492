"""More tensor ops (forward and vjp, registered in the op table like ops.py): splitting, picking elements by an
index key, scattering, triangles, running products and a few reductions.

Most of them pick elements with an advanced-indexing key computed once by the caller (consts: key, input shape):
their forward is ``a[key]`` and their gradient scatters back with ``np.add.at`` (or the reverse, for the ops
that scatter). PyTorch's split/unbind/std_mean are one node with several outputs; here each output has its own
node under the same name.
"""
import functools

import numpy as np

from . import vec_kernels
from .ops_complex import cdiv, cj, multiply as complex_multiply
from .optable import OPS, defop
from .random_kernels import _fma64
from .ops_shape import _sum, spread_ties, welford_mean, welford_var


def _pick(a, key, shape):
    return a[key]


def _pick_view(a, key, shape):
    """a[key] as a view of a also when it picks one element (numpy's a[i] of a 1-d array is a copied scalar):
    unbind's pieces are views, written through in place (``for p in x: p.add_(1)``)."""
    return a[key + (Ellipsis,)]


def _pick_contiguous(a, key, shape):
    """a[key] in a new C-contiguous array, as ATen allocates index_select's and gather's output (numpy puts an
    index array's axis first in memory when it is not the first axis)."""
    picked = a[key]
    out = np.empty(picked.shape, picked.dtype)   # (ascontiguousarray keeps a size-1 dimension's odd stride)
    out[...] = picked
    return out


def _scatter_back(kind):
    def vjp(xp, grad, saved, consts, needs):
        key, shape = consts[:2]
        return (xp.scatter(grad, shape, key, True, kind),)
    return vjp


# Ops that pick elements: the gradient goes back through the engine's scatter (kind: the double-backward node).
for _name, _node, _kind in (
        ("split", "SplitBackward0", "slice_backward"),
        ("split_with_sizes", "SplitWithSizesBackward0", "slice_backward"),
        ("unsafe_split", "UnsafeSplitBackward0", "slice_backward"),  # the gates of PyTorch's RNN cells
        ("unbind", "UnbindBackward0", "select_backward"),
        ("diag", "DiagonalBackward0_copy", "diagonal_backward"),
        ("gather", "GatherBackward0", "index_backward"),
        ("index_select", "IndexSelectBackward0", "index_backward"),
        ("masked_select", "MaskedSelectBackward0", "index_backward"),
        ("repeat", "RepeatBackward0", "index_backward"),
        ("sort", "SortBackward0", "value_select_backward"),
        ("sort_stable", "SortBackward1", "value_select_backward"),  # sort(stable=...): ATen's sort.stable overload
        ("topk", "TopkBackward0", "value_select_backward"),
        ("median_dim", "MedianBackward1", "value_select_backward"),
        ("nanmedian_dim", "NanmedianBackward1", "value_select_backward")):
    defop(_name, _node, _pick_contiguous if _name in ("gather", "index_select") else _pick_view if _name == "unbind"
          else _pick)(_scatter_back(_kind))


@defop("pack_padded_sequence", "PackPaddedSequenceBackward0", lambda a, key, shape, steps, tb_shape: a[key])
def pack_padded_sequence_vjp(xp, grad, saved, consts, needs):
    """nn.utils.rnn; consts: key, input shape, len(batch_sizes), the input's (T, B, *) shape. ATen's backward
    selects each step of a (T, B, *) gradient: lengths beyond T (its forward does not check them) fail there."""
    key, shape, steps, tb_shape = consts
    if steps > tb_shape[0]:
        raise IndexError(f"select(): index {tb_shape[0]} out of range for tensor of size {list(tb_shape)} at "
                         "dimension 0")
    return (xp.scatter(grad, shape, key, True, "index_backward"),)


def _median_all_vjp(xp, grad, saved, consts, needs):
    """median()/nanmedian() over all elements: PyTorch's evenly_distribute_backward, the gradient shared evenly by
    every element equal to the result (by the NaNs where it is NaN), as max() and min() do, not only the picked one."""
    a, out = saved
    return (spread_ties(xp, grad, a, out),)


defop("median", "MedianBackward0", _pick, saves=(0, -1))(_median_all_vjp)
defop("nanmedian", "NanmedianBackward0", _pick, saves=(0, -1))(_median_all_vjp)


def _diagonal_view(a, key, shape, offset, d1, d2):
    """The diagonal as PyTorch's: a view of a (writes through it reach a: ``A.diagonal().add_(lam)``), with
    np.diagonal's layout but writeable where a is. np.diagonal's own view is kept (made writeable) rather than an
    as_strided copy of its layout, whose .base (numpy's DummyArray) would hide the storage from storage_offset()."""
    view = np.diagonal(a, offset, d1, d2)
    if a.flags.writeable:
        try:
            view.flags.writeable = True
        except ValueError:   # (a numpy that keeps diagonals read-only: the same layout over a's memory)
            return np.lib.stride_tricks.as_strided(view, view.shape, view.strides, writeable=True)
    return view


defop("diagonal", "DiagonalBackward0", _diagonal_view)(_scatter_back("diagonal_backward"))


def _put(g, key, shape):
    out = np.zeros(shape, g.dtype)
    np.add.at(out, key, g)
    return out


def _take(xp, grad, saved, consts, needs):
    return (xp.take(grad, consts[0]),)


# Ops that put elements into zeros: the gradient picks them back.
defop("diagonal_backward", "DiagonalBackwardBackward0", _put)(_take)
defop("diag_embed", "DiagEmbedBackward0", _put)(_take)


# ATen's trace_cpu adds the diagonal one element after another in acc_type: double for float32, float32 for
# float16, complex<double> for complex64, int64 for every integer type (uint8 too), then casts to the result.
_TRACE_ACC = {"e": np.float32, "f": np.float64, "d": np.float64, "F": np.complex128, "D": np.complex128}


def _trace(a, shape):
    """The diagonal's sum, in ATen's order and accumulator (a.diagonal().sum() may round differently)."""
    acc = _TRACE_ACC.get(a.dtype.char)
    if acc is None:
        return np.asarray(np.trace(a, dtype=np.int64))
    d = np.diagonal(a).astype(acc)
    return np.asarray(np.cumsum(d)[-1] if d.size else acc(0)).astype(a.dtype)


@defop("trace", "TraceBackward0", _trace)
def trace_vjp(xp, grad, saved, consts, needs):
    """ATen's trace_backward: zeros with grad index_fill'ed on the diagonal (the flat positions 0, m+1, ...), then
    viewed as the input: the off-diagonal entries stay 0 for an infinite or nan grad (not grad * 0, nan)."""
    n, m = consts[0]
    diag = np.arange(0, n * m, m + 1, dtype=np.int64)
    if xp.is_numpy:
        out = np.zeros(n * m, grad.dtype)
        out[diag] = grad
        return (out.reshape(n, m),)
    return (grad.new_zeros(n * m).index_fill(0, xp.wrap(diag), grad).view(n, m),)


def _scatter(a, src, key):
    out = np.array(a, copy=True)
    out[key] = src
    return out


@defop("scatter", "ScatterBackward0", _scatter)
def scatter_vjp(xp, grad, saved, consts, needs):
    key = consts[0]
    return (xp.masked_zero(grad, key) if needs[0] else None), (xp.take(grad, key) if needs[1] else None)


@defop("scatter_value", "ScatterBackward1", lambda a, key, value: _scatter(a, value, key))
def scatter_value_vjp(xp, grad, saved, consts, needs):
    return (xp.masked_zero(grad, consts[0]),)


_F16 = np.dtype(np.float16)
_F32 = np.dtype(np.float32)


def accumulate_at(ufunc, out, key, src):
    """ufunc.at(out, key, src) as ATen's CPU scatter kernels run it: a float16 target is accumulated in float32
    (its opmath type) and rounded to float16 once at the end, not at every step (scatter_add, scatter_reduce,
    scatter(reduce=), and index_add_ where ATen hands it to scatter_add_); index_add_'s own loop rounds each step."""
    if out.dtype != _F16:
        ufunc.at(out, key, src)
        return out
    wide = out.astype(_F32)
    ufunc.at(wide, key, np.asarray(src).astype(_F32))
    out[...] = wide
    return out


def _scatter_add(a, src, key):
    return accumulate_at(np.add, np.array(a, copy=True), key, src)


@defop("scatter_add", "ScatterAddBackward0", _scatter_add)
def scatter_add_vjp(xp, grad, saved, consts, needs):
    """derivatives.yaml: src's gradient is grad.gather(dim, index) (GatherBackward0 under create_graph=True)."""
    return grad, (xp.call("gather", (grad,), consts[0], tuple(grad.shape)) if needs[1] else None)


@defop("flip", "FlipBackward0", lambda a, dims: np.flip(a, dims).copy() if a.ndim else a.copy())
def flip_vjp(xp, grad, saved, consts, needs):
    return (xp.call("flip", (grad,), consts[0]),)


@defop("tril", "TrilBackward0", lambda a, k: np.tril(a, k))
def tril_vjp(xp, grad, saved, consts, needs):
    return (xp.call("tril", (grad,), consts[0]),)


@defop("triu", "TriuBackward0", lambda a, k: np.triu(a, k))
def triu_vjp(xp, grad, saved, consts, needs):
    return (xp.call("triu", (grad,), consts[0]),)


def _complex_cumprod(a, dim):
    """A complex running product as ATen's cpu_cum_base_kernel takes it: one element after the other in
    complex<double> (complex64 too, rounded once at the end), c10::complex's product compiled with fused
    multiply-adds in the AVX2 / AVX-512 builds: real fma(a, c, -(b d)), imaginary fma(a, d, b c) for the running
    (a + bi) times the next (c + di) (numpy's product rounds each term: ~93% of complex128 results differed)."""
    x = np.moveaxis(np.asarray(a, np.complex128), dim, 0)
    if vec_kernels.capability() not in ("avx512", "avx2"):
        return np.moveaxis(np.cumprod(x, axis=0), 0, dim).astype(a.dtype)
    out = np.empty_like(x)
    res, ims = out.real, out.imag   # (views into out)
    res[0], ims[0] = x[0].real, x[0].imag
    for k in range(1, x.shape[0]):
        c, d = x[k].real, x[k].imag
        res[k], ims[k] = _fma64(res[k - 1], c, -(ims[k - 1] * d)), _fma64(res[k - 1], d, ims[k - 1] * c)
    return np.moveaxis(out, 0, dim).astype(a.dtype)


def _running(fn):
    """np.cumsum / np.cumprod along dim; float32 accumulates in double and rounds each result once (ATen's
    cpu_cum_base_kernel accumulates in acc_type, double for float: numpy's float32 running sum differed in
    ~70% of values; complex128 for complex64), other dtypes in their own; a 0-d input is its own result."""
    def running(a, dim):
        if not a.ndim:
            return a.copy()
        if fn is np.cumprod and a.dtype.kind == "c" and a.size:
            return _complex_cumprod(a, dim)
        if a.dtype == np.float32 or a.dtype == np.complex64:   # (complex64 accumulates in complex128)
            with np.errstate(over="ignore", invalid="ignore"):
                return fn(a, axis=dim, dtype=np.float64 if a.dtype == np.float32 else np.complex128).astype(a.dtype)
        return fn(a, axis=dim, dtype=a.dtype)
    return running


@defop("cumsum", "CumsumBackward0", _running(np.cumsum))
def cumsum_vjp(xp, grad, saved, consts, needs):
    dim = consts[0]
    return (xp.call("flip", (xp.call("cumsum", (xp.call("flip", (grad,), (dim,)),), dim),), (dim,)),)


@defop("cumprod", "CumprodBackward0", _running(np.cumprod), saves=(0, -1))
def cumprod_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    dim = consts[0]
    values = a if xp.is_numpy else a._data
    if values.size <= 1 or values.shape[dim] == 1:   # ATen's cumprod_backward hands grad back as it came
        return (grad,)
    # (complex: the conjugates of input and output stand for them, as in ATen's cumprod_backward)
    a, out = cj(a), cj(out)
    if not values.all():
        if not xp.is_numpy:
            return (_cumprod_back_recorded(xp, a, grad, dim),)
        return (_cumprod_back_with_zeros(xp, a, grad, dim, values.shape),)
    # d out_j / d a_i = out_j / a_i for j >= i: a reversed running sum of out * g, over a
    if xp.is_numpy and values.dtype.kind == "c":   # (the products and quotients as ATen's complex kernels round)
        rev = xp.call("flip", (xp.call("cumsum", (xp.call("flip", (complex_multiply(out, grad),), (dim,)),), dim),),
                      (dim,))
        return (cdiv(rev, a),)
    rev = xp.call("flip", (xp.call("cumsum", (xp.call("flip", (out * grad,), (dim,)),), dim),), (dim,))
    return (rev / a,)


def _cumprod_back_with_zeros(xp, a, grad, dim, shape):
    """grad_i = sum over j >= i of g_j * prod_{k <= j, k != i} a_k, without dividing (a holds zeros)."""
    pos = np.arange(shape[dim]).reshape([-1 if d == dim else 1 for d in range(len(shape))])
    total = None
    for i in range(shape[dim]):
        run = xp.call("cumprod", (xp.where(pos == i, 1.0, a),), dim)
        part = xp.sum(xp.where(pos >= i, grad * run, 0.0), (dim,), True)
        term = xp.where(pos == i, part, 0.0)
        total = term if total is None else total + term
    return total


def _cumprod_back_recorded(xp, a, grad, dim):
    """The gradient of cumprod over an input with zeros as ATen writes it when it is itself differentiated
    (create_graph=True: cumprod_backward's GradMode branch): for each k, the products with a_k left out (a prod
    of the elements before k, a cumprod of those after), times grad from k on, summed and copied into
    select(dim, k) of zeros, so the result's node is CopySlices."""
    def cat(parts, d):   # (recorded as torch.cat records it: CatBackward0)
        return xp.call("cat", tuple(parts), d, [t._data.shape[d] for t in parts])
    n = a.shape[dim]
    ones_shape = list(a.shape)
    ones_shape[dim] = 1
    ones = a.__class__._wrap(np.ones(1, grad._data.dtype)).expand(ones_shape)
    total = a.__class__._wrap(np.zeros(a.shape, grad._data.dtype))
    for k in range(n):
        if k == 0:
            omitted = cat([ones, a.narrow(dim, 1, n - 1).cumprod(dim)], dim)
        elif k == n - 1:
            omitted = a.narrow(dim, 0, k).prod(dim, keepdim=True)
        else:
            until = a.narrow(dim, 0, k).prod(dim, keepdim=True)
            after = a.narrow(dim, k + 1, n - k - 1).cumprod(dim)
            omitted = cat([until, until.expand_as(after) * after], dim)
        total.select(dim, k).copy_((grad.narrow(dim, k, n - k) * omitted).sum(dim))
    return total


def _logsumexp(a, dims, keepdim):
    if a.size == 0:   # log(0) = -inf for each empty sum, as PyTorch gives
        with np.errstate(divide="ignore"):
            return np.log(np.sum(np.exp(a), axis=dims, keepdims=keepdim))
    # (a complex input's largest real part is taken out, as ATen does)
    m = np.max(a.real if a.dtype.kind == "c" else a, axis=dims, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    if a.dtype.kind == "f":   # (ATen: exp_ and log_ as the ops themselves compute them (MKL's vector math), the
        # sum in its order)
        out = OPS["log"].fwd(_sum(OPS["exp"].fwd(a - m), dims, True)) + m
    else:
        out = np.log(np.sum(np.exp(a - m), axis=dims, keepdims=True)) + m
    return out if keepdim else np.squeeze(out, axis=dims)


@defop("logsumexp", "LogsumexpBackward0", _logsumexp, saves=(0, -1))
def logsumexp_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    dims, keepdim = consts
    grad = xp.restore_dims(grad, dims, a.ndim, keepdim)
    out = xp.restore_dims(out, dims, a.ndim, keepdim)
    return (grad * cj(xp.exp(a - out)),)


@defop("nan_to_num", "NanToNumBackward0", lambda a, nan, posinf, neginf, finite:
       np.nan_to_num(a, nan=nan, posinf=posinf, neginf=neginf))
def nan_to_num_vjp(xp, grad, saved, consts, needs):
    return (xp.where(consts[3], grad, 0.0),)


# std_mean / var_mean: PyTorch's one node with two outputs, here the std (var) and the mean under its name.
for _name, _node, _base in (("std_mean_std", "StdMeanBackward0", "std"), ("std_mean_mean", "StdMeanBackward0", "mean_dim"),
                            ("var_mean_var", "VarMeanBackward0", "var"), ("var_mean_mean", "VarMeanBackward0", "mean_dim")):
    _op = OPS[_base]
    _fwd = welford_mean if _base == "mean_dim" else functools.partial(welford_var, take_sqrt=_base == "std")
    defop(_name, _node, _fwd, saves=_op.saves)(_op.vjp)
