"""Batch and layer normalisation as one node each (NativeBatchNormBackward0, NativeLayerNormBackward0), as PyTorch
records them; the vjp is written against ``x`` so that create_graph=True differentiates it again.

Inputs are always (x, weight, bias), as in PyTorch (next_functions has three entries): a missing weight or bias is
a constant one or zero. The const ``cfg = (dims, pshape, eps, stats)``: dims the axes the statistics run over,
pshape how weight and bias broadcast against x, stats None (statistics of this batch: training) or
(mean, invstd[, invstd of the backward]) arrays shaped to broadcast against x (running statistics: eval; batch
norm's backward kernel takes 1 / sqrt(var + eps) in double where its forward takes it in the input's dtype).
"""
import numpy as np

from . import moments, softmax_dims, vec_kernels
from .autograd import GRAD_MODE, Saved, record_multi
from .optable import OPS, defop
from .xp import NumpyXP
from .random_kernels import _fma32, _fma64


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
    mean, invstd = batch_stats(a, dims, eps) if stats is None else stats[:2]
    scale = invstd * w.reshape(pshape)  # x * scale + shift, as ATen transforms the input
    return a * scale + (b.reshape(pshape) - mean * scale)


def _norm_vjp(xp, grad, saved, consts, needs):
    a, w = saved[:2]
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
    mean, invstd = batch_norm_stats(a, dims, eps)[:2] if stats is None else stats[:2]
    if a.dtype not in (np.float32, np.float64) or vec_kernels.capability() == "default":
        return norm_forward(a, w, b, (dims, pshape, eps, (mean, invstd)))
    alpha = invstd * w.reshape(pshape)
    if a.dtype == np.float64:
        return _fma64(a, alpha, _fma64(-mean, alpha, b.reshape(pshape).astype(np.float64)))
    beta = (b.reshape(pshape).astype(np.float64) - mean.astype(np.float64) * alpha).astype(np.float32)
    return (a.astype(np.float64) * alpha + beta).astype(np.float32)


@defop("native_batch_norm", "NativeBatchNormBackward0", batch_norm_forward, saves=(0, 1))
def batch_norm_vjp(xp, grad, saved, consts, needs):
    """Under create_graph the three gradients come from one NativeBatchNormBackwardBackward0 node, as PyTorch
    records native_batch_norm_backward (inputs: grad_out, input, weight, save_mean, save_invstd)."""
    if xp.is_numpy:
        got = _batch_norm_backward_contiguous(grad, saved[0], saved[1], consts[0])
        return got if got is not None else _norm_vjp(xp, grad, saved, consts, needs)
    return _backward_node(xp, "native_batch_norm_backward", grad, saved, consts, needs, (0, 1, 2), 5)


def _batch_norm_backward_contiguous(grad, a, w, cfg):
    """ATen's batch norm backward for a contiguous (N, C, *) input and gradient with more than one value per
    channel and sample (batch_norm_cpu_backward_contiguous_impl), else None. Per channel and sample the gradient's
    sum and the dot product of (x - mean) with it are reduced over the plane in vector lanes (_plane_sums), the
    samples' results added one after the other in double; then k = float(dotp) * invstd * invstd / N and
    grad_mean = sum / N, the input's gradient (dy - grad_mean - (x - mean) * k) * invstd * w (the subtraction of
    the product fused with the avx2 / avx512 capabilities), weight's dotp * invstd and bias's the sum (eval:
    dy * invstd * w with the running statistics). A conv's bias before a batch norm has a gradient that is
    nothing but these roundings, which Adam turns into whole steps."""
    dims, pshape, eps, stats = cfg
    if (a.dtype not in (np.float32, np.float64) or grad.dtype != a.dtype or a.ndim < 3 or a.size == 0
            or not (a.flags.c_contiguous and grad.flags.c_contiguous) or dims != _others(a.ndim)):
        return None
    n, c = a.shape[:2]
    plane = a.size // (n * c)
    if plane == 1:   # (ATen takes its channels-last kernel: per-thread partial sums)
        return None
    t = a.dtype.type
    # (eval: the running statistics, 1 / sqrt(var + eps) computed in double as this kernel does it)
    mean, invstd = batch_norm_stats(a, dims, eps)[:2] if stats is None else (stats[0], stats[-1])
    mean, invstd = mean.reshape(1, c, 1).astype(a.dtype), invstd.reshape(c).astype(a.dtype)
    x3, g3 = a.reshape(n, c, plane), grad.reshape(n, c, plane)
    centred = x3 - mean
    with np.errstate(all="ignore"):
        total = np.cumsum(_plane_sums(g3).astype(np.float64), axis=0)[-1]   # samples in order, in double
        dotp = np.cumsum(_plane_sums(centred * g3, (centred, g3)).astype(np.float64), axis=0)[-1]
        inv = invstd.reshape(1, c, 1)
        weight = w.reshape(1, c, 1).astype(a.dtype)
        if stats is None:
            k = (dotp.astype(a.dtype) * invstd * invstd / t(n * plane)).reshape(1, c, 1)
            grad_mean = (total / (n * plane)).astype(a.dtype).reshape(1, c, 1)
            if vec_kernels.capability() == "default":
                diff = (g3 - grad_mean) - centred * k
            else:
                diff = (_fma64 if a.dtype == np.float64 else _fma32)(-centred, np.broadcast_to(k, centred.shape),
                                                                      g3 - grad_mean)
            ga = diff * inv * weight
        else:
            ga = g3 * inv * weight
        gw = (dotp * invstd.astype(np.float64)).astype(a.dtype)
    return ga.reshape(a.shape), gw.reshape(w.shape).astype(w.dtype), total.astype(a.dtype).reshape(w.shape)


def _plane_sums(v, factors=None):
    """The last axis of v summed as ATen's vec::reduce_all runs over one feature plane in this kernel: vectors of 8
    floats, 4 doubles (measured against PyTorch 2.13's AVX-512 build; a float64 plane with a tail still differs now
    and then); factors: see vec_kernels.row_sum."""
    return vec_kernels.row_sum(v, 8 if v.dtype == np.float32 else 4, factors)[..., 0]


def layer_norm_forward(a, w, b, cfg, weighted=True):
    """ATen's layer norm kernel (moments.layer_norm: its row moments and fused multiply-adds), else the generic
    form. weighted: False when no weight was given (w is then a constant one, and ATen's kernel rounds otherwise)."""
    dims, pshape, eps, stats = cfg
    if stats is None:
        got = moments.layer_norm(a, w, b, _count(a.shape, dims), eps, weighted)
        if got is not None:
            return got
    return norm_forward(a, w, b, cfg)


@defop("native_layer_norm", "NativeLayerNormBackward0", layer_norm_forward, saves=(0, 1, 2))
def layer_norm_vjp(xp, grad, saved, consts, needs):
    """Under create_graph one NativeLayerNormBackwardBackward0 node (inputs: grad_out, input, mean, rstd, weight,
    bias: the bias is an edge of the node though no gradient of it reaches it)."""
    if xp.is_numpy:
        return _norm_vjp(xp, grad, saved, consts, needs)
    return _backward_node(xp, "native_layer_norm_backward", grad, saved, consts, needs, (0, 1, 4), 6)


def _backward_node(xp, op, grad, saved, consts, needs, where, count):
    """The first gradients of a norm computed as without create_graph, recorded as one several-output node whose
    inputs are ``count`` long, grad_out, input and weight at the positions ``where`` (the rest: the saved statistics,
    which carry no gradient, and layer norm's bias at the end). Its consts: the statistics PyTorch's node saved
    (save_mean, save_invstd / mean, rstd as the forward kernel computes them; eval: the running ones)."""
    a, w = saved[:2]
    cfg = consts[0]
    outs = [xp.wrap(o) for o in _norm_vjp(NumpyXP, grad._data, (a._data, w._data), consts, (True,) * 3)]
    inputs = [None] * count
    for i, t in zip(where, (grad, a, w)):
        inputs[i] = t
    if count == 6:
        inputs[5] = saved[2]
    if GRAD_MODE.enabled and any(t is not None and t._rg for t in inputs):
        record_multi(OPS[op], inputs, outs, [Saved(t) for t in (grad, a, w)],
                     (cfg, where, _saved_stats(op, a._data, cfg)))
    return tuple(o if n else None for o, n in zip(outs, needs))


def _saved_stats(op, a, cfg):
    """The statistics PyTorch's forward saved: batch norm's (save_mean, save_invstd) or the running ones, shaped to
    broadcast against the input; layer norm's (mean, rstd), one row each."""
    dims, pshape, eps, stats = cfg
    if stats is not None:
        return stats[:2]
    if op == "native_layer_norm_backward":
        got = moments.layer_norm_stats(a, _count(a.shape, dims), eps)
        if got is None:
            got = batch_stats(a, dims, eps)
        return got[0].reshape(-1, 1), got[1].reshape(-1, 1)
    return batch_norm_stats(a, dims, eps)[:2]


def _sum_but_1(xp, t, keepdim=True):
    """Sums over dim 0, then over the last dims down to 2 (to 1 without keepdim), one after the other."""
    r = xp.sum(t, (0,), keepdim)
    for d in range(len(r.shape) - 1, 1 if keepdim else 0, -1):
        r = xp.sum(r, (d,), keepdim)
    return r


def _batch_norm_double(xp, grads, saved, consts, needs):
    """PyTorch's batchnorm_double_backward: the gradients of (grad_input, grad_weight, grad_bias) with respect to
    grad_out, input and weight, the saved statistics constants (inputs: grad_out, input, weight, save_mean,
    save_invstd)."""
    gO, x, w = saved[:3]
    (dims, pshape, eps, stats), where, (mean, invstd) = consts
    ggI, ggG, ggB = grads.get(0), grads.get(1), grads.get(2)
    training = stats is None
    M = _count(x.shape, dims)
    gamma = xp.reshape(w, pshape)
    ggG = None if ggG is None else xp.reshape(ggG, pshape)
    ggB = None if ggB is None else xp.reshape(ggB, pshape)
    xmu = x - xp.wrap(mean)
    s1 = xp.wrap(invstd)
    s2 = s1 * s1
    s3 = s1 * s1 * s1
    xmu_s3 = xmu * s3
    gO_xmu = _sum_but_1(xp, gO * xmu)
    gO_sum = _sum_but_1(xp, gO)
    gI = None
    if ggI is not None and training:
        ggI_sum = _sum_but_1(xp, ggI)
        ggI_xmu = _sum_but_1(xp, ggI * xmu)
        all_sub = ggI_sum * gO_sum / M - _sum_but_1(xp, gO * ggI) + s2 * gO_xmu * ggI_xmu * (3.0 / M)
        t0 = xmu_s3 * all_sub / M
        t1 = ggI_xmu * s3 / M * (gO_sum / M - gO)
        t2 = gO_xmu * s3 / M * (ggI_sum / M - ggI)
        gI = gamma * (t0 + t1 + t2)
    if ggG is not None:
        if training:
            term = ggG * (gO * s1 + s1 * gO_sum / -M + xmu_s3 * _sum_but_1(xp, gO * xmu) / -M)
        else:
            term = ggG * s1 * gO
        gI = term if gI is None else gI + term

    def first_grad_input(g, gam):
        return gam * s1 / M * (M * g - _sum_but_1(xp, g) - xmu * s2 * _sum_but_1(xp, g * xmu))

    gG = None
    if ggI is not None and needs[where[2]]:
        gG = _sum_but_1(xp, ggI * first_grad_input(gO, 1.0) if training else ggI * gO * s1, False)
    ggO = None
    if ggI is not None:
        ggO = first_grad_input(ggI, gamma) if training else ggI * s1 * gamma
    if ggG is not None:
        ggO = ggG * xmu * s1 if ggO is None else ggO + ggG * xmu * s1
    if ggB is not None:
        ggO = xp.expand(ggB, tuple(x.shape)) if ggO is None else ggO + ggB
    return _placed(needs, where, (ggO, gI, gG))


def _layer_norm_double(xp, grads, saved, consts, needs):
    """PyTorch's layer_norm_double_backward over the input viewed as (M, N) rows, the saved mean and rstd
    constants (inputs: grad_out, input, mean, rstd, weight, bias)."""
    gO_t, x_t, w = saved[:3]
    (dims, pshape, eps, stats), where, (mean, rstd) = consts
    ggI, ggG, ggB = grads.get(0), grads.get(1), grads.get(2)
    shape = tuple(x_t.shape)
    N = _count(shape, dims)
    M = _count(shape, range(len(shape) - len(dims)))
    x = xp.reshape(x_t, (M, N))
    gO = xp.reshape(gO_t, (M, N))
    gamma = xp.reshape(w, (1, N))
    ggG = None if ggG is None else xp.reshape(ggG, (1, N))
    ggB = None if ggB is None else xp.reshape(ggB, (1, N))
    ggI = None if ggI is None else xp.reshape(ggI, (M, N))
    xmu = x - xp.wrap(mean)
    s1 = xp.wrap(rstd)
    s2 = s1 * s1
    s3 = s1 * s1 * s1
    xmu_s3 = xmu * s3
    gI = None
    if ggI is not None:
        gxhat = gO * gamma
        gxhat_xmu = xp.sum(gxhat * xmu, (1,), True)
        gxhat_sum = xp.sum(gxhat, (1,), True)
        ggI_sum = xp.sum(ggI, (1,), True)
        ggI_xmu = xp.sum(ggI * xmu, (1,), True)
        all_sub = ggI_sum * gxhat_sum / N - xp.sum(ggI * gxhat, (1,), True) + s2 * gxhat_xmu * ggI_xmu * (3.0 / N)
        t0 = xmu_s3 * all_sub / N
        t1 = ggI_xmu * s3 / N * (gxhat_sum / N - gxhat)
        t2 = gxhat_xmu * s3 / N * (ggI_sum / N - ggI)
        gI = t0 + t1 + t2
    if ggG is not None:
        term = gO * ggG * s1 + s1 * xp.sum(gO * ggG, (1,), True) / -N \
            + xmu_s3 * xp.sum(gO * ggG * xmu, (1,), True) / -N
        gI = term if gI is None else gI + term
    if gI is not None:
        gI = xp.reshape(gI, shape)

    def first_grad_input(g, gam):
        return gam * s1 / N * (N * g - xp.sum(g, (1,), True) - xmu * s2 * xp.sum(g * xmu, (1,), True))

    gG = None
    if ggI is not None and needs[where[2]]:
        gG = xp.reshape(xp.sum(gO * first_grad_input(ggI, 1.0), (0,)), tuple(w.shape))
    ggO = None
    if ggI is not None:
        ggO = first_grad_input(ggI, gamma)
    if ggG is not None:
        ggO = ggG * xmu * s1 if ggO is None else ggO + ggG * xmu * s1
    if ggB is not None:
        ggO = ggB if ggO is None else ggO + ggB
    if ggO is not None:
        ggO = xp.reshape(xp.expand(ggO, (M, N)), shape)
    return _placed(needs, where, (ggO, gI, gG))


def _placed(needs, where, grads):
    """(grad_out's, input's, weight's gradient) at their places among the node's inputs, where needed."""
    out = [None] * len(needs)
    for pos, g in zip(where, grads):
        if needs[pos]:
            out[pos] = g
    return tuple(out)


defop("native_batch_norm_backward", "NativeBatchNormBackwardBackward0", None, saves=(0, 1, 2),
      several_outputs=True)(_batch_norm_double)
defop("native_layer_norm_backward", "NativeLayerNormBackwardBackward0", None, saves=(0, 1, 4),
      several_outputs=True)(_layer_norm_double)


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
