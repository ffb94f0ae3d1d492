"""Batch and layer normalisation as one node each (NativeBatchNormBackward0, NativeLayerNormBackward0), as PyTorch
records them; the vjp is written against ``x`` so that create_graph=True differentiates it again.

Inputs are always (x, weight, bias), as in PyTorch (next_functions has three entries): a missing weight or bias is
a constant one or zero. The const ``cfg = (dims, pshape, eps, stats)``: dims the axes the statistics run over,
pshape how weight and bias broadcast against x, stats None (statistics of this batch: training) or
(mean, invstd) arrays shaped to broadcast against x (running statistics: eval).
"""
import numpy as np

from . import moments, softmax_dims, vec_kernels
from .optable import defop
from .random_kernels import _fma64


def batch_stats(a, dims, eps):
    """mean and 1/sqrt(biased var + eps), kept as broadcastable arrays (float32 data: sums in float32)."""
    mean = np.add.reduce(a, axis=dims, keepdims=True) / a.dtype.type(_count(a.shape, dims))
    d = a - mean
    var = np.add.reduce(d * d, axis=dims, keepdims=True) / a.dtype.type(_count(a.shape, dims))
    return mean, 1 / np.sqrt(var + a.dtype.type(eps))


def batch_norm_stats(a, dims, eps):
    """Batch norm's mean, 1/sqrt(biased var + eps) and sum of squared deviations as ATen's CPU kernel computes them
    (batch_norm_cpu_collect_stats): sums accumulated in double, the mean and the squared-deviation sum rounded to
    the input's dtype, the variance divided in that dtype, the inverse square root taken in double. float64 sums
    run in ATen's order (one element after the other), where numpy's pairwise sums would round otherwise."""
    n = _count(a.shape, dims)
    if (a.ndim == 2 and a.dtype in (np.float32, np.float64) and n > softmax_dims.threads()
            and a.flags.c_contiguous):
        return _channels_last_stats(a, eps, softmax_dims.threads())
    if a.dtype == np.float64 and a.flags.c_contiguous and a.ndim >= 2 and dims == _others(a.ndim):
        rows = np.moveaxis(a, 1, 0).reshape(a.shape[1], -1)   # each channel's values in ATen's order
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = (_serial_sum(rows) / n).reshape(_param_shape(a))
        d = rows - mean.reshape(-1, 1)
        var_sum = _serial_sum(d * d).reshape(mean.shape)
    else:
        mean = (np.add.reduce(a, axis=dims, keepdims=True, dtype=np.float64) / n).astype(a.dtype)
        d = a - mean
        var_sum = np.add.reduce(d * d, axis=dims, keepdims=True, dtype=np.float64).astype(a.dtype)
    with np.errstate(divide="ignore", invalid="ignore"):
        invstd = (1 / np.sqrt((var_sum / a.dtype.type(n)).astype(np.float64) + eps)).astype(a.dtype)
    return mean, invstd, var_sum


def _others(ndim):
    return tuple(i for i in range(ndim) if i != 1)


def _param_shape(a):
    return (1, a.shape[1]) + (1,) * (a.ndim - 2)


def _serial_sum(rows):
    """Each row of a float64 array summed one element after the other (a C loop's `sum += x`)."""
    if rows.shape[1] == 0:
        return np.zeros(rows.shape[0])
    return np.cumsum(rows, axis=1)[:, -1]


def _channels_last_stats(a, eps, threads):
    """batch_norm_stats of an (N, C) float32 / float64 batch with N > PyTorch's thread count
    (softmax_dims.threads, which set_num_threads changes): each thread's block of rows summed row by row in the
    input's dtype (its squared deviations accumulated by fused multiply-adds), the blocks' sums added in double
    (batch_norm_cpu_collect_stats_channels_last)."""
    n, t = a.shape[0], a.dtype.type
    chunk = -(-n // threads)
    blocks = [a[lo:lo + chunk] for lo in range(0, n, chunk)]
    total = sum(np.add.reduce(b, axis=0).astype(np.float64) for b in blocks)   # row by row (outer axis)
    mean = (total / n).astype(a.dtype)
    var_total = 0
    for b in blocks:
        acc = np.zeros(a.shape[1], a.dtype)
        if a.dtype == np.float64:   # (the default build's vectors do not fuse)
            fused = vec_kernels.capability() != "default"
            for d in b - mean:
                acc = _fma64(d, d, acc) if fused else d * d + acc
        else:
            for d in (b - mean).astype(np.float64):
                acc = (d * d + acc).astype(np.float32)
        var_total = var_total + acc.astype(np.float64)
    var_sum = np.asarray(var_total).astype(a.dtype).reshape(1, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        invstd = (1 / np.sqrt((var_sum / t(n)).astype(np.float64) + eps)).astype(a.dtype)
    return mean.reshape(1, -1), invstd, var_sum


def _count(shape, dims):
    n = 1
    for d in dims:
        n *= shape[d]
    return n


def norm_forward(a, w, b, cfg):
    dims, pshape, eps, stats = cfg
    mean, invstd = batch_stats(a, dims, eps) if stats is None else stats
    scale = invstd * w.reshape(pshape)  # x * scale + shift, as ATen transforms the input
    return a * scale + (b.reshape(pshape) - mean * scale)


def _norm_vjp(xp, grad, saved, consts, needs):
    a, w = saved
    dims, pshape, eps, stats = consts[0]
    count = _count(a.shape, dims)
    pdims = tuple(i for i in range(len(a.shape)) if i >= len(pshape) or pshape[i] == 1)
    if stats is None:
        mean = xp.sum(a, dims, True) / count
        d = a - mean
        invstd = 1 / xp.sqrt(xp.sum(d * d, dims, True) / count + eps)
    else:
        mean, invstd = xp.wrap(stats[0]), xp.wrap(stats[1])
        d = a - mean
    xhat = d * invstd
    gxhat = grad * xp.reshape(w, pshape)
    ga = None
    if needs[0]:
        if stats is None:
            ga = invstd * (gxhat - xp.sum(gxhat, dims, True) / count
                           - xhat * (xp.sum(gxhat * xhat, dims, True) / count))
        else:
            ga = gxhat * invstd
    gw = xp.reshape(xp.sum(grad * xhat, pdims), tuple(w.shape)) if needs[1] else None
    gb = xp.reshape(xp.sum(grad, pdims), tuple(w.shape)) if needs[2] else None
    return ga, gw, gb


def batch_norm_forward(a, w, b, cfg):
    """ATen's batch norm: statistics as batch_norm_stats (eval: the running ones), then x * alpha + beta with
    alpha = invstd * weight and beta = bias - mean * alpha; its AVX2/AVX-512 build contracts both into fused
    multiply-adds (float32: emulated in float64, where the float32 product is exact)."""
    dims, pshape, eps, stats = cfg
    mean, invstd = batch_norm_stats(a, dims, eps)[:2] if stats is None else stats
    if a.dtype not in (np.float32, np.float64) or vec_kernels.capability() == "default":
        return norm_forward(a, w, b, (dims, pshape, eps, (mean, invstd)))
    alpha = invstd * w.reshape(pshape)
    if a.dtype == np.float64:
        return _fma64(a, alpha, _fma64(-mean, alpha, b.reshape(pshape).astype(np.float64)))
    beta = (b.reshape(pshape).astype(np.float64) - mean.astype(np.float64) * alpha).astype(np.float32)
    return (a.astype(np.float64) * alpha + beta).astype(np.float32)


defop("native_batch_norm", "NativeBatchNormBackward0", batch_norm_forward, saves=(0, 1))(_norm_vjp)
def layer_norm_forward(a, w, b, cfg, weighted=True):
    """ATen's layer norm kernel (moments.layer_norm: its row moments and fused multiply-adds), else the generic
    form. weighted: False when no weight was given (w is then a constant one, and ATen's kernel rounds otherwise)."""
    dims, pshape, eps, stats = cfg
    if stats is None:
        got = moments.layer_norm(a, w, b, _count(a.shape, dims), eps, weighted)
        if got is not None:
            return got
    return norm_forward(a, w, b, cfg)


defop("native_layer_norm", "NativeLayerNormBackward0", layer_norm_forward, saves=(0, 1))(_norm_vjp)


def _grouped(a, groups):
    """(N, C, *) viewed as (N, G, C/G, rest): group norm's statistics run over the last two dims."""
    return a.reshape(a.shape[0], groups, a.shape[1] // groups, int(np.prod(a.shape[2:])))   # (a batch may be 0)


def group_norm_forward(a, w, b, groups, eps, affine=True):
    """ATen's group norm kernel for float32 (moments.group_norm: its row moments, rstd in double, fused
    multiply-adds; affine: a weight or a bias was given), else the generic form."""
    got = moments.group_norm(a, w, b, groups, eps, affine)
    if got is not None:
        return got
    x = _grouped(a, groups)
    cfg = ((2, 3), (1, groups, x.shape[2], 1), eps, None)
    return norm_forward(x, w, b, cfg).reshape(a.shape)


@defop("native_group_norm", "NativeGroupNormBackward0", group_norm_forward, saves=(0, 1))
def group_norm_vjp(xp, grad, saved, consts, needs):
    """The batch-norm vjp over (N, G, C/G, rest), reshaped back."""
    a, w = saved
    groups, eps = consts[:2]
    shape = tuple(a.shape)
    x = _grouped(a, groups)
    cfg = ((2, 3), (1, groups, x.shape[2], 1), eps, None)
    ga, gw, gb = _norm_vjp(xp, xp.reshape(grad, tuple(x.shape)), (x, w), (cfg,), needs)
    return (None if ga is None else xp.reshape(ga, shape)), gw, gb


def _except_dim(ndim, dim):
    return tuple(i for i in range(ndim) if i != dim)


def weight_norm_forward(v, g, dim):
    """ATen's fused weight norm (weight_norm_first_dim / last_dim kernels): each slice's 2-norm over every dim
    but ``dim``, then v * (g / norm)."""
    norm = np.sqrt(np.add.reduce(v * v, axis=_except_dim(v.ndim, dim), keepdims=True))
    return v * (g.reshape(norm.shape) / norm)


@defop("weight_norm_interface", "WeightNormInterfaceBackward0", weight_norm_forward, saves=(0, 1))
def weight_norm_vjp(xp, grad, saved, consts, needs):
    """w = v * g / |v|: dg = sum(grad * v) / |v|; dv = (g / |v|) * (grad - v * sum(grad * v) / |v|^2)."""
    v, g = saved
    dims = _except_dim(len(v.shape), consts[0])
    norm = xp.sqrt(xp.sum(v * v, dims, True))
    gr = xp.reshape(g, tuple(norm.shape))
    dot = xp.sum(grad * v, dims, True)
    gv = (gr / norm) * (grad - v * (dot / (norm * norm))) if needs[0] else None
    gg = xp.reshape(dot / norm, tuple(g.shape)) if needs[1] else None
    return gv, gg
