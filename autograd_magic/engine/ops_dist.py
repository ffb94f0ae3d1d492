"""Pairwise distances (torch.cdist): ATen's _cdist_forward (CdistBackward0) and, for p=2 on larger inputs, its
matrix-product formula _euclidean_dist (EuclideanDistBackward0). Forward and vjp, registered like ops.py."""
import numpy as np

from . import vec_kernels
from .optable import defop
from . import mkl_order
from .reduce import dim_sum, ordered_sum
from .mkl_order import bmm as _bmm
from .xp import NumpyXP, vml_or

_sqrt = vml_or(np.sqrt, "Sqrt")   # (ATen's sqrt kernel: MKL's vsSqrt / vdSqrt)


def _pairs(a, b):
    """x1[..., i, :] - x2[..., j, :] for every pair (i, j): shape (..., P, R, M)."""
    return a[..., :, None, :] - b[..., None, :, :]


def _cdist(a, b, p):
    """ATen's cdist kernel: per pair, a scalar loop adds map(|x1_ik - x2_jk|) for k in order into one float (the
    sum of squares, of |d|, of |d|^p in the input's dtype), then finishes it (sqrt; the p-th root as
    std::pow(agg, 1.0 / p) in double)."""
    d = np.abs(_pairs(a, b))
    dtype = a.dtype
    if p == np.inf or not d.shape[-1]:
        return _pnorm(d, p, dtype)
    t = dtype.type
    if p == 2:
        return np.sqrt(_sum_of_squares(d))
    if p in (0, 1):
        return ordered_sum((d != 0).astype(dtype) if p == 0 else d, d.ndim - 1)
    # std::pow of a float is glibc's correctly rounded powf: the double power rounded once stands in for it
    # (numpy's float32 power is a vector routine a unit off in the last place)
    agg = ordered_sum(np.power(d.astype(np.float64), np.float64(t(p))).astype(dtype), d.ndim - 1)
    return np.power(agg.astype(np.float64), 1.0 / np.float64(t(p))).astype(dtype)


def _sum_of_squares(d):
    """agg = agg + d_k * d_k over the last dim in order, as the AVX2 / AVX-512 builds compile ATen's loop: blocks
    of one 16-byte vector (4 floats, 2 doubles) with the product rounded, the remaining terms fused into one
    multiply-add each (the default build: every product rounded)."""
    m = d.shape[-1]
    body = m if vec_kernels.capability() == "default" else m - m % (16 // d.itemsize)
    agg = ordered_sum(d[..., :body] * d[..., :body], d.ndim - 1)
    wide = np.float64 if d.dtype == np.float32 else np.longdouble   # (exact products of floats; near it for doubles)
    for k in range(body, m):
        x = d[..., k].astype(wide)
        agg = (agg.astype(wide) + x * x).astype(d.dtype)
    return agg


def _pnorm(d, p, dtype):
    """The p-norm over the last dim of the absolute differences d."""
    if p == 0:
        return np.add.reduce((d != 0).astype(dtype), axis=-1)
    if p == 1:
        return np.add.reduce(d, axis=-1)
    if p == 2:
        return np.sqrt(np.add.reduce(d * d, axis=-1))
    if p == np.inf:
        return d.max(axis=-1) if d.shape[-1] else np.zeros(d.shape[:-1], dtype)
    t = dtype.type
    return np.power(np.add.reduce(np.power(d, t(p)), axis=-1), t(1) / t(p))


def _unsq(xp, t, axis):
    shape = list(t.shape)
    shape.insert(axis if axis >= 0 else len(shape) + axis + 1, 1)
    return xp.reshape(t, tuple(shape))


@defop("_cdist_forward", "CdistBackward0", _cdist, saves=(0, 1, -1))
def cdist_vjp(xp, grad, saved, consts, needs):
    """derivatives.yaml: both gradients are ATen's _cdist_backward (x2's with the operands swapped and grad and
    the result transposed, made contiguous), a node of its own under create_graph=True (CdistBackwardBackward0)."""
    a, b, dist = saved
    p = consts[0]
    ga = xp.call("_cdist_backward", (_contiguous(xp, grad), a, b, dist), p) if needs[0] else None
    gb = (xp.call("_cdist_backward", (_transposed(xp, grad), b, a, _transposed(xp, dist)), p)
          if needs[1] else None)
    return ga, gb


def _contiguous(xp, t):
    """t.contiguous(): a transposed tensor's copy (CloneBackward0) under create_graph=True; numpy needs none."""
    return t if xp.is_numpy else t.contiguous()


def _transposed(xp, t):
    """t.mT().contiguous() (TransposeBackward0, then CloneBackward0, under create_graph=True)."""
    return xp.mT(t) if xp.is_numpy else t.transpose(-1, -2).contiguous()


def _cdist_backward(g, a, b, dist, p):
    """ATen's _cdist_backward: per pair, g times the derivative of the p-norm of x1_i - x2_j, each row's terms
    added over the other side's rows in order."""
    diff = _pairs(a, b)                                    # (..., P, R, M)
    local = _pnorm_local(NumpyXP, diff, g[..., None], dist[..., None], p)
    return ordered_sum(local, local.ndim - 2)


@defop("_cdist_backward", "CdistBackwardBackward0", _cdist_backward)
def cdist_backward_vjp(xp, grad, saved, consts, needs):
    """PyTorch has no derivative for cdist's backward: a second backward through it raises."""
    raise NotImplementedError("the derivative for '_cdist_backward' is not implemented.")


def _upper_pairs(n):
    """The row pairs (i, j), i < j, in pdist's order."""
    return np.triu_indices(n, 1)


def _pdist(a, p):
    i, j = _upper_pairs(a.shape[0])
    return _pnorm(np.abs(a[i] - a[j]), p, a.dtype)


@defop("_pdist_forward", "PdistBackward0", _pdist, saves=(0, -1))
def pdist_vjp(xp, grad, saved, consts, needs):
    """derivatives.yaml: ATen's _pdist_backward, a node of its own under create_graph=True (PdistBackwardBackward0)."""
    a, dist = saved
    return (xp.call("_pdist_backward", (_contiguous(xp, grad), a, dist), consts[0]),)


def _pdist_backward(g, a, dist, p):
    """ATen's _pdist_backward: each pair's contribution added to its first row and taken from its second."""
    i, j = _upper_pairs(a.shape[0])
    diff = a[i] - a[j]                                      # (P, M)
    local = _pnorm_local(NumpyXP, diff, g[:, None], dist[:, None], p)
    shape = a.shape
    return NumpyXP.scatter(local, shape, (i,), True) - NumpyXP.scatter(local, shape, (j,), True)


@defop("_pdist_backward", "PdistBackwardBackward0", _pdist_backward)
def pdist_backward_vjp(xp, grad, saved, consts, needs):
    """PyTorch has no derivative for pdist's backward: a second backward through it raises."""
    raise NotImplementedError("the derivative for '_pdist_backward' is not implemented.")


def _pnorm_local(xp, diff, g, r, p):
    """grad times the derivative of the p-norm r of the differences diff (ATen's pdist/cdist backward kernels)."""
    if p == 0:
        local = diff * 0
    elif p == 1:
        local = g * xp.sign(diff)
    elif p == 2:
        local = xp.where(r == 0, 0.0, g * diff / xp.where(r == 0, 1.0, r))
    elif p == np.inf:
        local = g * xp.sign(diff) * xp.float_mask(xp.abs(diff) == r, diff)
    else:  # ATen's pdist_calc (p > 2) and lttdist_calc (p < 2), in their order of operations
        safe = xp.where(r == 0, 1.0, r)
        pw = _pow_once if xp.is_numpy else (lambda x, e: x ** e)
        if p > 2:
            local = xp.where(r == 0, 0.0, diff * pw(xp.abs(diff), p - 2) * g / pw(safe, p - 1))
        else:
            zero = (r == 0) | ((diff == 0) & (p < 1))
            local = xp.where(zero, 0.0, xp.sign(diff) * pw(xp.abs(diff), p - 1) * g / pw(safe, p - 1))
    return local


def _pow_once(x, e):
    """x ** e for a float32 array rounded once from the double power (ATen's Vectorized pow, Sleef's u10 routine,
    rounds as the correctly rounded value does where numpy's float32 power may not); float64 as it is."""
    if x.dtype != np.float32:
        return x ** e
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return np.power(x.astype(np.float64), np.float64(np.float32(e))).astype(np.float32)


def _euclidean(a, b):
    """sqrt(clamp(|x1|^2 - 2 x1.x2 + |x2|^2, 0)) as one matrix product of padded operands, each step as ATen's
    _euclidean_dist takes it: x.pow(2).sum(-1, True) in torch.sum's order, the product through PyTorch's BLAS
    (mm for 2-d operands, bmm's per-matrix products for a batch), sqrt_ with its sqrt kernel (MKL's vsSqrt)."""
    an = dim_sum(a * a, (a.ndim - 1,), keepdim=True)
    bn = dim_sum(b * b, (b.ndim - 1,), keepdim=True)
    a_ = np.concatenate([a * a.dtype.type(-2), an, np.ones_like(an)], axis=-1)
    b_ = np.swapaxes(np.concatenate([b, np.ones_like(bn), bn], axis=-1), -1, -2)
    return _sqrt(np.maximum(_product(a_, b_), a.dtype.type(0)))


def _product(a, b):
    """a.matmul(b) as ATen runs it for these operands: mm (PyTorch's BLAS) for 2-d ones, bmm for a batch."""
    if a.ndim == 2 and b.ndim == 2:
        return mkl_order.matmul(a, b)
    n, k, m = a.shape[-2], a.shape[-1], b.shape[-1]
    if k * n * m >= 400 and a.dtype == b.dtype and a.dtype.kind == "f" and a.shape[:-2] == b.shape[:-2]:
        # bmm past its plain loop over the (batch, rows, cols) operands cdist makes: one BLAS gemm per matrix
        # (MKL's batched gemm gives each matrix gemm's bits)
        flat = zip(a.reshape((-1, n, k)), b.reshape((-1, k, m)))
        return np.stack([mkl_order.matmul(x, y) for x, y in flat]).reshape(a.shape[:-1] + (m,))
    return _bmm(a, b)


@defop("_euclidean_dist", "EuclideanDistBackward0", _euclidean, saves=(0, 1, -1))
def euclidean_dist_vjp(xp, grad, saved, consts, needs):
    """ATen's _euclidean_dist_backward: ratio = grad / dist (0 where dist is 0)."""
    a, b, dist = saved
    ratio = xp.where(dist == 0, 0.0, grad / xp.where(dist == 0, 1.0, dist))
    if xp.is_numpy:   # the same formula with torch.sum's order and ATen's products (xp.sum is numpy's order)
        last = ratio.ndim - 1
        ga = a * dim_sum(ratio, (last,), keepdim=True) - _product(ratio, b) if needs[0] else None
        gb = b * dim_sum(ratio, (last - 1,))[..., None] - _product(np.swapaxes(ratio, -1, -2), a) \
            if needs[1] else None
        return ga, gb
    ga = a * xp.sum(ratio, (ratio.ndim - 1,), True) - xp.matmul(ratio, b) if needs[0] else None
    gb = b * _unsq(xp, xp.sum(ratio, (ratio.ndim - 2,)), -1) - xp.matmul(xp.mT(ratio), a) if needs[1] else None
    return ga, gb
