"""The sparse COO ops of the op table (engine/sparse.py makes the tensors): the constructor from values
(SparseCooTensorWithDimsAndTensorsBackward0), coalesce, values(), to_dense, to_sparse, torch.sparse.mm
(SparseAddmmBackward0) and torch.sparse.sum over dims (SparseSumBackward0), with the numpy kernels they share.

Where PyTorch gives a sparse input a sparse gradient (to_dense, torch.sparse.mm, sparse sums, values()), the vjp
returns a sparse_grad.SparseGrad: the dense gradient on the input's pattern, which a sparse leaf's .grad reads."""
import numpy as np

from . import libm, mkl_order, sparse_grad as SG
from .ops import _log_softmax, _softmax
from .optable import defop


def dense_array(indices, values, shape):
    """The dense array of a COO tensor: duplicates summed."""
    out = np.zeros(shape, values.dtype)
    if values.shape[0]:
        np.add.at(out, tuple(indices), values)
    return out


def coalesced(indices, values, shape):
    """Indices sorted and unique, the values of duplicates summed in their order (as ATen's coalesce)."""
    sparse_dims = tuple(shape[:indices.shape[0]])
    if indices.shape[1] == 0:
        return indices.copy(), values.copy()
    flat = np.ravel_multi_index(tuple(indices), sparse_dims)
    unique, inverse = np.unique(flat, return_inverse=True)
    summed = np.zeros((len(unique),) + values.shape[1:], values.dtype)
    np.add.at(summed, inverse.reshape(-1), values)
    return np.array(np.unravel_index(unique, sparse_dims), dtype=np.int64).reshape(len(sparse_dims), -1), summed


def plain(g):
    return g.view(np.ndarray) if isinstance(g, SG.SparseGrad) else g


def mask(pattern, shape, dtype):
    m = np.zeros(shape, dtype)
    m[tuple(pattern)] = 1
    return m


# ---------------------------------------------------------------- the ops (forward and vjp side by side)


@defop("sparse_coo_tensor", "SparseCooTensorWithDimsAndTensorsBackward0",
       lambda v, idx, shape: dense_array(idx, v, shape), frees=True)
def sparse_coo_tensor_vjp(xp, grad, saved, consts, needs):
    """Each value's gradient is the gradient at its index (duplicates each get it whole)."""
    return (xp.take(plain(grad), tuple(consts[0])),)


@defop("sparse_coalesce", "CoalesceBackward0", lambda a: a.copy())
def sparse_coalesce_vjp(xp, grad, saved, consts, needs):
    return (grad,)


@defop("sparse_values", "ValuesBackward0", lambda a, idx, shape: a[tuple(idx)], frees=True)
def sparse_values_vjp(xp, grad, saved, consts, needs):
    """The values' gradient put back at their indices: sparse."""
    idx, shape = consts
    if xp.is_numpy:
        out = np.zeros(shape, grad.dtype)
        out[tuple(idx)] = grad
        return (SG.sparse_grad(out, idx, True),)
    return (xp.scatter(grad, shape, tuple(idx), accumulate=False),)


@defop("sparse_to_dense", "ToDenseBackward0", lambda a, pattern: a.copy(), frees=True)
def sparse_to_dense_vjp(xp, grad, saved, consts, needs):
    """The dense gradient kept on the sparse input's pattern (a sparse gradient)."""
    pattern = consts[0]
    if xp.is_numpy:
        return (SG.masked(grad, pattern, grad.shape),)
    return (grad * xp.wrap(mask(pattern, grad.shape, grad._data.dtype)),)


@defop("to_sparse", "ToSparseBackward1", lambda a: a.copy())
def to_sparse_vjp(xp, grad, saved, consts, needs):
    """The sparse gradient made dense (to_dense)."""
    return (plain(grad),)


def spmm_rows(indices, values, dense, rows, init=None, alpha=1):
    """sparse (rows, k) @ dense (k, n) as ATen's CPU kernel: each output row adds value * dense row (an axpy, fused
    multiply-adds for float32), nnz by nnz in the order of the (row-sorted) indices; onto init (beta * bias, as
    torch.sparse.addmm starts from) if given, each value first scaled by alpha (in its dtype, as ATen's cast_alpha)."""
    dt = np.result_type(values, dense)
    out = np.zeros((rows, dense.shape[1]), dt) if init is None else np.array(init, dt)
    if alpha != 1:
        values = (values * np.asarray(alpha, values.dtype)).astype(values.dtype)
    nnz = values.shape[0]
    if not nnz:
        return out
    r = indices[0]
    if out.dtype != np.float32:
        np.add.at(out, r, values[:, None] * dense[indices[1]])
        return out
    # the k-th entry of every row at once: float64 holds each product exactly, one rounding per add (an FMA)
    order = np.argsort(r, kind="stable")
    r, c, v = r[order], indices[1][order], values[order].astype(np.float64)
    first = np.searchsorted(r, r, side="left")
    rank = np.arange(nnz) - first
    for k in range(int(rank.max()) + 1):
        sel = rank == k
        rows_k = r[sel]
        out[rows_k] = (out[rows_k].astype(np.float64)
                       + v[sel, None] * dense[c[sel]].astype(np.float64)).astype(np.float32)
    return out


def transposed(indices, values):
    order = np.lexsort((indices[0], indices[1]))
    return indices[::-1][:, order], values[order]


def _sparse_addmm(bias, a, b, idx, vals, shape, beta=1, alpha=1):
    """beta * bias + alpha * (s @ d), s given by its coalesced entries (bias 0: torch.sparse.mm)."""
    if not isinstance(bias, np.ndarray):
        return spmm_rows(idx, vals, b, shape[0])
    size = (shape[0], b.shape[1])
    dt = np.result_type(vals, b)
    if beta == 0:   # (ATen zeroes the result: nan and inf in the bias do not pass)
        init = np.zeros(size, dt)
    else:
        init = np.broadcast_to(bias, size).astype(dt)
        if beta != 1:
            init = (init * np.asarray(beta, dt)).astype(dt)
    return spmm_rows(idx, vals, b, shape[0], init, alpha)


@defop("sparse_addmm", "SparseAddmmBackward0", _sparse_addmm, saves=(1, 2), save_if={1: 2, 2: 1})
def sparse_addmm_vjp(xp, grad, saved, consts, needs):
    """torch.sparse.mm(s, d) / torch.sparse.addmm(bias, s, d, beta=, alpha=): s's gradient (alpha * grad @ d.T) on
    s's pattern, sparse; d's is alpha * s.T @ grad; the bias's beta * grad."""
    idx, vals, shape = consts[:3]
    beta, alpha = consts[3:] or (1, 1)
    s, d = saved
    if alpha != 1:
        grad_a = grad * np.asarray(alpha, grad.dtype) if xp.is_numpy else grad * alpha
    else:
        grad_a = grad
    gbias = None
    if needs[0]:
        gbias = grad if beta == 1 else (plain(grad) * np.asarray(beta, grad.dtype) if xp.is_numpy else grad * beta)
    if xp.is_numpy:   # (the sparse kernel on s's coalesced values; create_graph: dense products on s's values)
        grad_a = plain(grad_a)
        gs = SG.masked(mkl_order.matmul(grad_a, d.swapaxes(0, 1)), idx, shape) if needs[1] else None
        gd = spmm_rows(*transposed(idx, vals), grad_a, shape[1]) if needs[2] else None
        return gbias, gs, gd
    gs = xp.matmul(grad_a, xp.mT(d)) * xp.wrap(mask(idx, shape, vals.dtype)) if needs[1] else None
    gd = xp.matmul(xp.mT(s), grad_a) if needs[2] else None
    return gbias, gs, gd


@defop("sparse_sum", "SparseSumBackward0", lambda a, dims, pattern, shape: a.sum(dims), frees=True)
def sparse_sum_vjp(xp, grad, saved, consts, needs):
    """The gradient of a sum over dims, spread back over them and kept on the input's pattern (sparse)."""
    dims, pattern, shape = consts
    if xp.is_numpy:
        return (SG.masked(np.expand_dims(plain(grad), dims), pattern, shape),)
    return (xp.expand(xp.reshape(grad, tuple(1 if i in dims else n for i, n in enumerate(shape))), shape)
            * xp.wrap(mask(pattern, shape, grad._data.dtype)),)


def _in_order(x, dim):
    """The sum over dim taken in index order (ATen's loop over a pool of entries), kept as a size-1 dim."""
    acc = np.zeros_like(np.take(x, 0, axis=dim)) if x.shape[dim] else np.zeros_like(x.sum(dim))
    for k in range(x.shape[dim]):
        acc = acc + np.take(x, k, axis=dim)
    return np.expand_dims(acc, dim)


def _exp(x):
    return libm.expf(x) if x.dtype == np.float32 else libm.apply("exp", x)


def _specified(pattern, shape):
    """Where a COO tensor of this pattern has entries (its dense dims all there), as a bool array of shape."""
    sparse_shape = shape[:pattern.shape[0]]
    m = mask(pattern, sparse_shape, bool).reshape(sparse_shape + (1,) * (len(shape) - len(sparse_shape)))
    return np.broadcast_to(m, shape)


def sparse_softmax_array(a, dim, pattern, log):
    """torch.sparse.softmax / log_softmax on the dense array of a coalesced COO tensor, as ATen's CPU kernel: over
    dim, among the specified entries only (the others count as -inf), each pool's exp summed in index order, then
    multiplied by the sum's reciprocal (log: v - (max + log(sum))); zero where nothing is specified."""
    if dim >= pattern.shape[0]:   # a dense dim: the dense softmax of each entry's values
        out = np.zeros_like(a)
        out[tuple(pattern)] = (_log_softmax if log else _softmax)(a[tuple(pattern)], dim - pattern.shape[0] + 1)
        return out
    m = _specified(pattern, a.shape)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        top = np.where(m, a, -np.inf).max(axis=dim, keepdims=True)
        top = np.where(np.isfinite(top), top, 0).astype(a.dtype)
        e = np.where(m, _exp((a - top).astype(a.dtype)), 0).astype(a.dtype)
        total = _in_order(e, dim)
        if log:
            out = a - (top + libm.log(total)).astype(a.dtype)
        else:
            out = e * (1.0 / total.astype(np.float64)).astype(a.dtype)
    return np.where(m, out, 0).astype(a.dtype)


def _sparse_softmax_vjp(xp, grad, out, pattern, dim, log):
    """softmax: y * (g - sum(g * y)); log_softmax: g - exp(y) * sum(g), over dim among the specified entries (the
    sums in index order, as ATen's kernel)."""
    if xp.is_numpy:
        m = _specified(pattern, out.shape)
        g = np.where(m, plain(grad), 0).astype(out.dtype)
        tmp = -_in_order(g if log else out * g, dim)
        with np.errstate(over="ignore", invalid="ignore"):
            gi = g + _exp(out) * tmp if log else out * (g + tmp)
        return (SG.masked(np.where(m, gi, 0).astype(out.dtype), pattern, g.shape),)
    m = xp.wrap(_specified(pattern, grad._data.shape).astype(grad._data.dtype))
    g = grad * m
    gi = g - out.exp() * g.sum(dim, keepdim=True) if log else out * (g - (g * out).sum(dim, keepdim=True))
    return (gi * m,)
@defop("sparse_softmax", "SparseSoftmaxBackward0",
       lambda a, dim, pattern: sparse_softmax_array(a, dim, pattern, False), saves=(-1,))
def sparse_softmax_vjp(xp, grad, saved, consts, needs):
    return _sparse_softmax_vjp(xp, grad, saved[0], consts[1], consts[0], False)


@defop("sparse_log_softmax", "SparseLogSoftmaxBackward0",
       lambda a, dim, pattern: sparse_softmax_array(a, dim, pattern, True), saves=(-1,))
def sparse_log_softmax_vjp(xp, grad, saved, consts, needs):
    return _sparse_softmax_vjp(xp, grad, saved[0], consts[1], consts[0], True)
