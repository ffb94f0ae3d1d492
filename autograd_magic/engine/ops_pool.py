"""Pooling primitives over 2 or 3 spatial dims (forward and vjp side by side, registered like ops.py): max, average,
adaptive average and adaptive max, each declared once per dimensionality under PyTorch's node names
(MaxPool2DWithIndicesBackward0, MaxPool3DWithIndicesBackward0 ...). A 1-d pooling is a 2-d one over an unsqueezed
input (torch/nn/functional_more.py), as PyTorch composes it.

A pooling's cfg = (kernel, stride, pad, dilation, ceil_mode, out): tuples of S ints except ceil_mode.
"""
import functools
import itertools

import numpy as np

from . import dtypes
from .ops_conv import out_size, pad, taps, windows
from .optable import defop


_EXACT = (np.dtype(np.float32), np.dtype(np.float64))   # the dtypes summed in ATen's order (others: numpy's)


def pool_geometry(size, kernel, stride, pad_, dil, ceil_mode):
    """(output size, padding after each dim): ceil_mode windows may run past the right padding."""
    s = len(kernel)
    out = tuple(out_size(size[i], kernel[i], stride[i], pad_[i], pad_[i], dil[i], ceil_mode) for i in range(s))
    hi = tuple(max(pad_[i], (out[i] - 1) * stride[i] + dil[i] * (kernel[i] - 1) + 1 - size[i] - pad_[i])
               for i in range(s))
    return out, hi


def _column(v, ax, s):
    """v (a 1-d array along spatial axis ax of s) shaped to broadcast over the output grid."""
    return v.reshape((-1,) + (1,) * (s - 1 - ax))


def max_pool_with_indices(x, cfg):
    """(values, indices into each plane's flattened spatial elements) of max pooling, as ATen's loop picks them: a
    tap replaces the window's maximum when it is greater or NaN; the index starts at the window's first tap inside
    the input."""
    kernel, stride, pad_, dil, ceil_mode, out = cfg
    s = len(kernel)
    if x.dtype == dtypes.BF16_NP:   # (the maxima of the float32 values, exact in bfloat16)
        values, indices = max_pool_with_indices(x.astype(np.float32), cfg)
        return values.astype(x.dtype), indices
    if x.ndim == s + 1:
        values, indices = max_pool_with_indices(x[None], cfg)
        return values[0], indices[0]
    size = x.shape[2:]
    _, hi = pool_geometry(size, kernel, stride, pad_, dil, ceil_mode)
    fill = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
    win = windows(pad(x, pad_, hi, fill), kernel, stride, dil, out)
    every = [(slice(None), slice(None)) + t for t in taps(kernel)]
    best = win[every[0]].copy()  # NaN-propagating maximum, tap by tap
    for t in every[1:]:
        np.maximum(best, win[t], out=best)
    # the index: the first tap equal to the maximum (ATen replaces only on a greater value) ...
    tap = np.zeros(best.shape, np.int8 if len(every) < 128 else np.int64)
    found = win[every[0]] == best
    for n, t in enumerate(every[1:], 1):
        eq = win[t] == best
        eq &= ~found
        tap += eq.view(np.int8) * tap.dtype.type(n) if tap.dtype == np.int8 else eq * n
        found |= eq
    if x.dtype.kind == "f":
        nan = best != best
        if nan.any():  # ... or the last NaN (ATen replaces on every NaN)
            for n, t in enumerate(every):
                v = win[t]
                tap[nan & (v != v)] = n
        if any(pad_) or any(hi):  # all -inf: ATen keeps the window's first tap inside the input
            first = 0
            for ax in range(s):
                start = np.arange(out[ax]) * stride[ax] - pad_[ax]
                first = first * kernel[ax] + _column(np.where(start < 0, -(start // dil[ax]), 0), ax, s)
            low = best == -np.inf
            tap[low] = np.broadcast_to(first, tap.shape)[low]
    local = np.unravel_index(tap.astype(np.int64), kernel)
    index = 0
    for ax in range(s):
        index = index * size[ax] + _column(np.arange(out[ax]) * stride[ax], ax, s) + local[ax] * dil[ax] - pad_[ax]
    return best, index


def _max_pool_fwd(x, cfg, indices=None, shape=None):  # noqa: ARG001 (the node's consts)
    return max_pool_with_indices(x, cfg)[0]


def _flat_planes(shape, spatial):
    return int(np.prod(shape[:-spatial])), int(np.prod(shape[-spatial:]))


def _max_pool_back(g, indices, shape, overlap, spatial=2):
    """Each output's gradient added into the input element its maximum came from (summed where windows overlap)."""
    planes, inner = _flat_planes(shape, spatial)
    outs = int(np.prod(indices.shape[-spatial:]))   # (not -1: a batch of 0 has 0 planes)
    out = np.zeros((planes, inner), g.dtype)
    key = (np.arange(planes)[:, None], indices.reshape(planes, outs))
    if overlap:
        np.add.at(out, key, g.reshape(planes, outs))
    else:
        out[key] = g.reshape(planes, outs)
    return out.reshape(shape)


def windows_overlap(kernel, stride, dil):
    return any(stride[i] < dil[i] * (kernel[i] - 1) + 1 for i in range(len(kernel)))


def _gather_back(xp, grad, indices, shape, spatial):
    """The adjoint of _max_pool_back: each output takes the input gradient at its index."""
    planes, inner = _flat_planes(shape, spatial)
    flat = xp.reshape(grad, (planes, inner))
    key = (np.arange(planes)[:, None], indices.reshape(planes, int(np.prod(indices.shape[-spatial:]))))
    return (xp.reshape(xp.take(flat, key), indices.shape),)


def _avg_divisor(size, cfg, count_include_pad, divisor_override, dtype):
    """Each window's divisor (*out): its taps inside the padded input (or inside the input itself)."""
    kernel, stride, pad_, dil, ceil_mode, out = cfg
    if divisor_override:
        return np.asarray(divisor_override, dtype)
    _, hi = pool_geometry(size, kernel, stride, pad_, dil, ceil_mode)
    s = len(size)
    if count_include_pad:
        mask = np.zeros((1, 1) + tuple(size[i] + pad_[i] + hi[i] for i in range(s)), dtype)
        mask[(Ellipsis,) + tuple(slice(0, size[i] + 2 * pad_[i]) for i in range(s))] = 1
    else:
        mask = pad(np.ones((1, 1) + tuple(size), dtype), pad_, hi)
    return windows(mask, kernel, stride, dil, out).sum(axis=tuple(range(2, 2 + s)))[0, 0]


def _avg_pool_fwd(x, cfg, count_include_pad, divisor_override, shape=None):
    """ATen's cpu_avg_pool: each window's taps added one by one from 0 in row-major order (the padding's zeros
    change nothing), then divided by the window's divisor."""
    kernel, stride, pad_, dil, ceil_mode, out = cfg
    s = len(kernel)
    if x.ndim == s + 1:
        return _avg_pool_fwd(x[None], cfg, count_include_pad, divisor_override)[0]
    _, hi = pool_geometry(x.shape[2:], kernel, stride, pad_, dil, ceil_mode)
    cols = windows(pad(x, pad_, hi), kernel, stride, dil, out)
    if x.dtype not in _EXACT:
        total = cols.sum(axis=tuple(range(2, 2 + s)))
    else:
        total = np.zeros(x.shape[:2] + tuple(out), x.dtype)
        for tap in taps(kernel):
            total += cols[(slice(None), slice(None)) + tap]
    return total / _avg_divisor(x.shape[2:], cfg, count_include_pad, divisor_override, x.dtype)


def _avg_pool_back(g, cfg, count_include_pad, divisor_override, shape):
    """ATen's cpu_avg_pool_backward: grad / divisor added to each tap of the window, window after window; the
    taps taken last to first give every input element its windows' shares in the windows' order."""
    kernel, stride, pad_, dil, ceil_mode, out = cfg
    s = len(kernel)
    if len(shape) == s + 1:
        return _avg_pool_back(g[None], cfg, count_include_pad, divisor_override, (1,) + tuple(shape))[0]
    size = tuple(shape[2:])
    _, hi = pool_geometry(size, kernel, stride, pad_, dil, ceil_mode)
    share = g / _avg_divisor(size, cfg, count_include_pad, divisor_override, g.dtype)
    padded = tuple(size[i] + pad_[i] + hi[i] for i in range(s))
    res = np.zeros(share.shape[:2] + padded, share.dtype)
    for tap in reversed(taps(kernel)):
        where = tuple(slice(tap[i] * dil[i], tap[i] * dil[i] + (out[i] - 1) * stride[i] + 1, stride[i])
                      for i in range(s))
        res[(Ellipsis,) + where] += share
    return np.ascontiguousarray(res[(Ellipsis,) + tuple(slice(pad_[i], pad_[i] + size[i]) for i in range(s))])


def adaptive_bins(size, n):
    """PyTorch's bins of adaptive pooling: [floor(i*size/n), ceil((i+1)*size/n))."""
    return [((i * size) // n, -(-((i + 1) * size) // n)) for i in range(n)]


def _bins(shape, out):
    """Every output position with its bin: (position, slices of the input, bin lengths), in row-major order."""
    spatial = shape[len(shape) - len(out):]
    per_dim = [adaptive_bins(spatial[i], out[i]) for i in range(len(out))]
    for pos in itertools.product(*(range(n) for n in out)):
        b = [per_dim[i][p] for i, p in enumerate(pos)]
        yield pos, tuple(slice(lo, hi) for lo, hi in b), [hi - lo for lo, hi in b]


def _adaptive_fwd(x, out, shape=None):
    """ATen's cpu_adaptive_avg_pool: each bin's elements added one by one from 0 in row-major order (a running
    sum), then divided by each of the bin's lengths in turn (sum / kh / kw)."""
    res = np.empty(x.shape[:x.ndim - len(out)] + tuple(out), x.dtype)
    t = x.dtype.type
    for pos, where, lengths in _bins(x.shape, out):
        block = x[(Ellipsis,) + where]
        block = block.reshape(block.shape[:x.ndim - len(out)] + (-1,))
        total = (np.cumsum(block, axis=-1)[..., -1] + t(0)) if x.dtype in _EXACT else block.sum(-1)
        for n in lengths:
            total = total / t(n)
        res[(Ellipsis,) + pos] = total
    return res


def _adaptive_back(g, out, shape):
    """ATen's cpu_adaptive_avg_pool_backward: grad / kh / kw added to each element of the bin, bin after bin."""
    res = np.zeros(tuple(shape), g.dtype)
    t = g.dtype.type
    for pos, where, lengths in _bins(shape, out):
        share = g[(Ellipsis,) + pos]
        for n in lengths:
            share = share / t(n)
        res[(Ellipsis,) + where] += np.asarray(share)[(Ellipsis,) + (None,) * len(out)]
    return res


def adaptive_max_with_indices(x, out):
    """(values, indices into each plane's flattened spatial elements) of adaptive max pooling over PyTorch's bins:
    in each bin the first maximum in row-major order (a NaN wins, as in ATen's loop)."""
    if x.dtype == dtypes.BF16_NP:   # (the maxima of the float32 values, exact in bfloat16)
        values, indices = adaptive_max_with_indices(x.astype(np.float32), out)
        return values.astype(x.dtype), indices
    s = len(out)
    size = x.shape[-s:]
    lead = x.shape[:-s]
    bins = [adaptive_bins(size[i], out[i]) for i in range(s)]
    values = np.empty(lead + tuple(out), x.dtype)
    indices = np.empty(lead + tuple(out), np.int64)
    for pos in taps(out):
        box = [bins[i][pos[i]] for i in range(s)]
        window = x[(Ellipsis,) + tuple(slice(a, b) for a, b in box)]
        window = window.reshape(lead + (int(np.prod(window.shape[-s:])),))   # (not -1: a batch of 0)
        nan = np.isnan(window)
        k = np.where(nan.any(-1), window.shape[-1] - 1 - np.argmax(nan[..., ::-1], -1), np.argmax(window, -1))
        values[(Ellipsis,) + pos] = np.take_along_axis(window, k[..., None], -1)[..., 0]
        local = np.unravel_index(k, [b - a for a, b in box])
        index = 0
        for i in range(s):
            index = index * size[i] + box[i][0] + local[i]
        indices[(Ellipsis,) + pos] = index
    return values, indices


def _adaptive_max_fwd(x, out, indices=None, shape=None):  # noqa: ARG001 (the node's consts)
    return adaptive_max_with_indices(x, out)[0]


# ---------------------------------------------------------------- the table: one declaration per dimensionality


def _declare(s):
    d = f"{s}D"

    @defop(f"max_pool{s}d", f"MaxPool{d}WithIndicesBackward0", _max_pool_fwd)
    def max_pool_vjp(xp, grad, saved, consts, needs):
        cfg, indices, shape = consts
        return (xp.call(f"max_pool{s}d_backward", (grad,), indices, shape, windows_overlap(*cfg[:2], cfg[3])),)

    @defop(f"max_pool{s}d_backward", f"MaxPool{d}WithIndicesBackwardBackward0", functools.partial(_max_pool_back, spatial=s))
    def max_pool_backward_vjp(xp, grad, saved, consts, needs):
        return _gather_back(xp, grad, consts[0], consts[1], s)

    @defop(f"avg_pool{s}d", f"AvgPool{d}Backward0", _avg_pool_fwd, frees=True)
    def avg_pool_vjp(xp, grad, saved, consts, needs):
        return (xp.call(f"avg_pool{s}d_backward", (grad,), *consts),)

    @defop(f"avg_pool{s}d_backward", f"AvgPool{d}BackwardBackward0", _avg_pool_back)
    def avg_pool_backward_vjp(xp, grad, saved, consts, needs):
        return (xp.call(f"avg_pool{s}d", (grad,), *consts),)

    @defop(f"adaptive_max_pool{s}d", f"AdaptiveMaxPool{d}Backward0", _adaptive_max_fwd)
    def adaptive_max_pool_vjp(xp, grad, saved, consts, needs):
        out, indices, shape = consts
        return (xp.call(f"adaptive_max_pool{s}d_backward", (grad,), indices, shape, True),)

    @defop(f"adaptive_max_pool{s}d_backward", f"AdaptiveMaxPool{d}BackwardBackward0",
           functools.partial(_max_pool_back, spatial=s))
    def adaptive_max_pool_backward_vjp(xp, grad, saved, consts, needs):
        return _gather_back(xp, grad, consts[0], consts[1], s)

    @defop(f"adaptive_avg_pool{s}d", f"AdaptiveAvgPool{d}Backward0", _adaptive_fwd, frees=True)
    def adaptive_avg_pool_vjp(xp, grad, saved, consts, needs):
        return (xp.call(f"adaptive_avg_pool{s}d_backward", (grad,), *consts),)

    @defop(f"adaptive_avg_pool{s}d_backward", f"AdaptiveAvgPool{d}BackwardBackward0", _adaptive_back)
    def adaptive_avg_pool_backward_vjp(xp, grad, saved, consts, needs):
        return (xp.call(f"adaptive_avg_pool{s}d", (grad,), *consts),)


_declare(2)
_declare(3)
