"""Pairwise distances (torch.cdist): ATen's _cdist_forward (CdistBackward0) and, for p=2 on larger inputs, its
matrix-product formula _euclidean_dist (EuclideanDistBackward0). Forward and vjp, registered like ops.py."""
import numpy as np

from .optable import defop


def _pairs(a, b):
    """x1[..., i, :] - x2[..., j, :] for every pair (i, j): shape (..., P, R, M)."""
    return a[..., :, None, :] - b[..., None, :, :]


def _cdist(a, b, p):
    return _pnorm(np.abs(_pairs(a, b)), p, a.dtype)


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
    """ATen's _cdist_backward: per pair, grad times the derivative of the p-norm of x1_i - x2_j."""
    a, b, dist = saved
    p = consts[0]
    diff = _unsq(xp, a, -2) - _unsq(xp, b, -3)            # (..., P, R, M)
    local = _pnorm_local(xp, diff, _unsq(xp, grad, -1), _unsq(xp, dist, -1), p)
    ga = xp.sum(local, (local.ndim - 2,)) if needs[0] else None
    gb = -xp.sum(local, (local.ndim - 3,)) if needs[1] else None
    return ga, gb


def _upper_pairs(n):
    """The row pairs (i, j), i < j, in pdist's order."""
    return np.triu_indices(n, 1)


def _pdist(a, p):
    i, j = _upper_pairs(a.shape[0])
    return _pnorm(np.abs(a[i] - a[j]), p, a.dtype)


@defop("_pdist_forward", "PdistBackward0", _pdist, saves=(0, -1))
def pdist_vjp(xp, grad, saved, consts, needs):
    """ATen's _pdist_backward: each pair's contribution added to its first row and taken from its second."""
    a, dist = saved
    i, j = _upper_pairs(a.shape[0])
    diff = xp.take(a, (i,)) - xp.take(a, (j,))           # (P, M)
    local = _pnorm_local(xp, diff, _unsq(xp, grad, -1), _unsq(xp, dist, -1), consts[0])
    shape = tuple(a.shape)
    return (xp.scatter(local, shape, (i,), True) - xp.scatter(local, shape, (j,), True),)


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
        if p > 2:
            local = xp.where(r == 0, 0.0, diff * xp.abs(diff) ** (p - 2) * g / safe ** (p - 1))
        else:
            zero = (r == 0) | ((diff == 0) & (p < 1))
            local = xp.where(zero, 0.0, xp.sign(diff) * xp.abs(diff) ** (p - 1) * g / safe ** (p - 1))
    return local


def _euclidean(a, b):
    """sqrt(clamp(|x1|^2 - 2 x1.x2 + |x2|^2, 0)) as one matrix product of padded operands (ATen's order)."""
    an = np.add.reduce(a * a, axis=-1, keepdims=True)
    bn = np.add.reduce(b * b, axis=-1, keepdims=True)
    a_ = np.concatenate([a * a.dtype.type(-2), an, np.ones_like(an)], axis=-1)
    b_ = np.concatenate([b, np.ones_like(bn), bn], axis=-1)
    return np.sqrt(np.maximum(np.matmul(a_, np.swapaxes(b_, -1, -2)), a.dtype.type(0)))


@defop("_euclidean_dist", "EuclideanDistBackward0", _euclidean, saves=(0, 1, -1))
def euclidean_dist_vjp(xp, grad, saved, consts, needs):
    """ATen's _euclidean_dist_backward: ratio = grad / dist (0 where dist is 0)."""
    a, b, dist = saved
    ratio = xp.where(dist == 0, 0.0, grad / xp.where(dist == 0, 1.0, dist))
    ga = a * xp.sum(ratio, (ratio.ndim - 1,), True) - xp.matmul(ratio, b) if needs[0] else None
    gb = b * _unsq(xp, xp.sum(ratio, (ratio.ndim - 2,)), -1) - xp.matmul(xp.mT(ratio), a) if needs[1] else None
    return ga, gb
