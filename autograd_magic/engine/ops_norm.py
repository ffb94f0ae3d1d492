"""Batch and layer normalisation as one node each (NativeBatchNormBackward0, NativeLayerNormBackward0), as PyTorch
records them; the vjp is written against ``x`` so that create_graph=True differentiates it again.

Inputs are always (x, weight, bias), as in PyTorch (next_functions has three entries): a missing weight or bias is
a constant one or zero. The const ``cfg = (dims, pshape, eps, stats)``: dims the axes the statistics run over,
pshape how weight and bias broadcast against x, stats None (statistics of this batch: training) or
(mean, invstd) arrays shaped to broadcast against x (running statistics: eval).
"""
import numpy as np

from .optable import defop


def batch_stats(a, dims, eps):
    """mean and 1/sqrt(biased var + eps), kept as broadcastable arrays (float32 data: sums in float32)."""
    mean = np.add.reduce(a, axis=dims, keepdims=True) / a.dtype.type(_count(a.shape, dims))
    d = a - mean
    var = np.add.reduce(d * d, axis=dims, keepdims=True) / a.dtype.type(_count(a.shape, dims))
    return mean, 1 / np.sqrt(var + a.dtype.type(eps))


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


defop("native_batch_norm", "NativeBatchNormBackward0", norm_forward, saves=(0, 1))(_norm_vjp)
defop("native_layer_norm", "NativeLayerNormBackward0", norm_forward, saves=(0, 1))(_norm_vjp)


def _grouped(a, groups):
    """(N, C, *) viewed as (N, G, C/G, rest): group norm's statistics run over the last two dims."""
    return a.reshape(a.shape[0], groups, a.shape[1] // groups, -1)


def group_norm_forward(a, w, b, groups, eps):
    x = _grouped(a, groups)
    cfg = ((2, 3), (1, groups, x.shape[2], 1), eps, None)
    return norm_forward(x, w, b, cfg).reshape(a.shape)


@defop("native_group_norm", "NativeGroupNormBackward0", group_norm_forward, saves=(0, 1))
def group_norm_vjp(xp, grad, saved, consts, needs):
    """The batch-norm vjp over (N, G, C/G, rest), reshaped back."""
    a, w = saved
    groups, eps = consts
    shape = tuple(a.shape)
    x = _grouped(a, groups)
    cfg = ((2, 3), (1, groups, x.shape[2], 1), eps, None)
    ga, gw, gb = _norm_vjp(xp, xp.reshape(grad, tuple(x.shape)), (x, w), (cfg,), needs)
    return (None if ga is None else xp.reshape(ga, shape)), gw, gb
