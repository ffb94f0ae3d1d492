"""Fractional max pooling (Graham 2014), as ATen computes it: each output's window starts at a pseudo-random
position drawn from one sample in [0, 1) per plane and dimension; the maximum and its index (within the plane)
as in max pooling. The backward adds each output's gradient at its index (in output order, where windows
overlap), as max pooling's does."""
import functools

import numpy as np

from .ops_pool import _gather_back, _max_pool_back
from .optable import defop


def intervals(sample, in_size, out_size, pool, dtype):
    """ATen's fractional_max_pool generate_intervals, in the input's dtype: start i is
    int((i + sample) * alpha) - int(sample * alpha), alpha = (in - pool) / (out - 1); the last starts at in - pool.
    sample: (planes,) -> (planes, out_size) int64."""
    t = np.dtype(dtype).type
    seq = np.empty(sample.shape + (out_size,), np.int64)
    if out_size > 1:
        alpha = t(in_size - pool) / t(out_size - 1)
        i = np.arange(out_size - 1).astype(dtype)
        s = sample.astype(dtype)[:, None]
        seq[:, :-1] = ((i + s) * alpha).astype(np.int64) - (s * alpha).astype(np.int64)
    seq[:, -1] = in_size - pool
    return seq


def fractional_max_with_indices(x, kernel, out_size, samples):
    """(values, indices) of fractional max pooling over the last len(kernel) dims of x ((N,) C, *spatial);
    samples: (N, C, nd) with ATen's order (2-d: the first sample for W, the second for H; 3-d: T, H, W)."""
    nd = len(kernel)
    spatial = x.shape[-nd:]
    planes = int(np.prod(x.shape[:-nd]))
    flat = x.reshape(planes, -1)
    smp = samples.reshape(planes, -1)
    order = (1, 0) if nd == 2 else (0, 1, 2)
    starts = [intervals(smp[:, order[d]], spatial[d], out_size[d], kernel[d], x.dtype) for d in range(nd)]
    # every tap of every window, in ATen's loop order (outputs row-major, then the window row-major)
    strides = np.cumprod((1,) + tuple(spatial[::-1]))[:-1][::-1]
    index = np.zeros((planes,) + tuple(out_size) + tuple(kernel), np.int64)
    for d in range(nd):
        pos = starts[d][(slice(None),) + (None,) * d + (slice(None),) + (None,) * (nd - 1 - d) + (None,) * nd] + \
            np.arange(kernel[d]).reshape((1,) * (nd + 1 + d) + (kernel[d],) + (1,) * (nd - 1 - d))
        index = index + pos * strides[d]
    taps = index.reshape(planes, -1, int(np.prod(kernel)))
    vals = np.take_along_axis(flat[:, None, :], taps.reshape(planes, 1, -1), 2).reshape(taps.shape)
    nan = np.isnan(vals)
    # ATen keeps the first maximum, but a NaN always replaces what it has: the last NaN of the window
    last_nan = taps.shape[-1] - 1 - np.argmax(nan[..., ::-1], axis=-1)
    pick = np.where(nan.any(-1), last_nan, np.argmax(np.where(nan, -np.inf, vals), axis=-1))
    indices = np.take_along_axis(taps, pick[..., None], -1)[..., 0]
    values = np.take_along_axis(vals, pick[..., None], -1)[..., 0]
    shape = x.shape[:-nd] + tuple(out_size)
    return values.reshape(shape), indices.reshape(shape)


def _fractional_fwd(x, indices, shape, spatial=2):  # noqa: ARG001 (the node's consts)
    """Each output's value: the input at its index within its plane."""
    planes = int(np.prod(indices.shape[:-spatial]))
    return np.take_along_axis(x.reshape(planes, -1), indices.reshape(planes, -1), 1).reshape(indices.shape)


def _declare(s):
    d = f"{s}D"

    @defop(f"fractional_max_pool{s}d", f"FractionalMaxPool{d}Backward0",
           functools.partial(_fractional_fwd, spatial=s))
    def fractional_max_pool_vjp(xp, grad, saved, consts, needs):
        indices, shape = consts
        return (xp.call(f"fractional_max_pool{s}d_backward", (grad,), indices, shape, True),)

    @defop(f"fractional_max_pool{s}d_backward", f"FractionalMaxPool{d}BackwardBackward0",
           functools.partial(_max_pool_back, spatial=s))
    def fractional_max_pool_backward_vjp(xp, grad, saved, consts, needs):
        return _gather_back(xp, grad, consts[0], consts[1], s)


_declare(2)
_declare(3)
