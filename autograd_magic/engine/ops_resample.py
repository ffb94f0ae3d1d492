"""Upsampling primitives (F.interpolate's nearest, nearest-exact, linear, bilinear, trilinear and bicubic modes;
pixel_shuffle and pixel_unshuffle): forward and vjp side by side, one op per PyTorch node name.

Each spatial axis is resampled on its own, last axis first: nearest modes pick one source index per output index,
linear modes blend two neighbours, out = l0 * x[i0] + l1 * x[i1], with the indices and weights ATen's CPU kernel
computes (in the input's float type; the source index with one fused multiply-add, as ATen's compiled kernel).
1-d linear blends are fma(x0, l0, x1 * l1), bit for bit ATen's; 2-d blends are computed width first, then height,
which differs from ATen's vectorised kernel in the last bit for some elements (3-d: width, height, then depth). The backward adds each output's
gradient back where it was read: nearest modes in ATen's order (bit for bit), linear modes as a matrix product with
the resampling matrix's transpose per axis (no Python loop over elements); bicubic as ATen's loop adds it (cubic_taps,
_bicubic_back: bit for bit ATen's compiled forward and backward).

consts = (taps, in_shape): taps holds one (i0, i1, l0, l1) per resampled axis (l0 None for nearest modes), or for
bicubic and the antialiased modes one (indices, weights) pair of (out, K) arrays (a BackwardOnly pair for an
antialiased axis whose size does not change: the forward skips it), or for uint8 images one (indices, integer
weights, precision) triple: ATen's fixed-point passes (uint8_taps).
"""
import itertools
import math

import numpy as np

from .optable import defop
from .random_kernels import _fma32, _fma64
from .vec_kernels import capability


def source_scale(in_size, out_size, align_corners, scale_factor, dtype):
    """area_pixel_compute_scale: the step in the input per output index."""
    if align_corners:
        return dtype.type((in_size - 1) / (out_size - 1)) if out_size > 1 else dtype.type(0)
    if scale_factor is not None and scale_factor > 0:
        return dtype.type(1.0 / scale_factor)
    return dtype.type(in_size / out_size)


def nearest_taps(in_size, out_size, scale_factor, exact):
    """nearest_idx / nearest_neighbor_exact_compute_source_index, with float32 arithmetic as ATen's."""
    dst = np.arange(out_size)
    if not exact and out_size == in_size:
        return (dst, dst, None, None)
    if not exact and out_size == 2 * in_size:
        return (dst >> 1, dst >> 1, None, None)
    scale = source_scale(in_size, out_size, False, scale_factor, np.dtype(np.float32))
    pos = (dst.astype(np.float32) + np.float32(0.5)) * scale if exact else dst.astype(np.float32) * scale
    idx = np.minimum(np.floor(pos).astype(np.int64), in_size - 1)
    return (idx, idx, None, None)


def linear_taps(in_size, out_size, align_corners, scale_factor, dtype):
    """compute_indices_weights_linear: two neighbours and their weights per output index (an axis that keeps its
    size is copied, whatever the scale factor: compute_source_index_and_lambda's shortcut)."""
    dtype = np.dtype(dtype)
    if in_size == out_size:
        same = np.arange(out_size)
        return (same, same, np.ones(out_size, dtype), np.zeros(out_size, dtype))
    scale = source_scale(in_size, out_size, align_corners, scale_factor, dtype)
    dst = np.arange(out_size).astype(dtype)
    if align_corners:
        real = scale * dst
    else:  # scale * (dst + 0.5) - 0.5, one fused multiply-add as ATen's compiled kernel rounds it
        fma = _fma32 if dtype == np.float32 else _fma64
        half = np.full(out_size, dtype.type(0.5), dtype)
        real = np.maximum(fma(np.full(out_size, scale, dtype), dst + half, -half), dtype.type(0)).astype(dtype)
    i0 = real.astype(np.int64)
    l1 = np.clip(real - i0.astype(dtype), 0, 1).astype(dtype)
    i1 = i0 + (i0 < in_size - 1)
    return (i0, i1, (dtype.type(1) - l1).astype(dtype), l1)


def cubic_taps(in_size, out_size, align_corners, scale_factor, dtype, fused=True):
    """upsample_bicubic2d's four neighbours (clamped to the input) and cubic-convolution weights (A = -0.75) per
    output index: (indices (out, 4), weights (out, 4)). As ATen's compiled kernel rounds them: the source index
    scale * (dst + 0.5) - 0.5 is one fused multiply-add, its floor is taken in float (guard_index_and_lambda's
    floorf, then clamped to the input, the fraction to [0, 1]), and the outer weights' cubic
    ((A x - 5A) x + 8A) x - 4A fuses its first two steps. fused=False: the backward's taps (ATen's
    upsample_bicubic2d_backward is compiled without fused multiply-adds), kept as the result's .backward."""
    dtype = np.dtype(dtype)
    t_ = dtype.type
    fma = _fma32 if dtype == np.float32 else _fma64
    scale = source_scale(in_size, out_size, align_corners, scale_factor, dtype)
    dst = np.arange(out_size).astype(dtype)
    if align_corners:
        real = scale * dst
    elif fused:
        half = np.full(out_size, t_(0.5), dtype)
        real = np.asarray(fma(np.full(out_size, scale, dtype), dst + half, -half), dtype)
    else:
        real = (scale * (dst + t_(0.5)) - t_(0.5)).astype(dtype)
    base = np.minimum(np.floor(real.astype(np.float32)).astype(np.int64), in_size - 1)
    t = np.clip(real - base.astype(dtype), 0, 1).astype(dtype)
    a = t_(-0.75)

    def conv1(x):  # |x| <= 1
        return ((a + 2) * x - (a + 3)) * x * x + 1

    def conv2(x):  # 1 < |x| < 2
        if not fused:
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a
        inner = fma(fma(np.full_like(x, a), x, np.full_like(x, -5 * a)), x, np.full_like(x, 8 * a))
        return np.asarray(inner, dtype) * x - 4 * a
    one = t_(1)
    weights = np.stack([conv2(t + one), conv1(t), conv1(one - t), conv2(one - t + one)], axis=1).astype(dtype)
    idx = np.clip(base[:, None] + np.arange(-1, 3), 0, in_size - 1)
    if not fused:
        return idx, weights
    taps = CubicTaps((idx, weights))
    taps.backward = cubic_taps(in_size, out_size, align_corners, scale_factor, dtype, fused=False)
    return taps


class CubicTaps(tuple):
    """upsample_bicubic2d's (indices, weights) of one axis: its forward adds the taps with fused multiply-adds
    (output += t * w in ATen's compiled kernel), which the antialiased separable kernel does not."""


def aa_taps(in_size, out_size, align_corners, scale_factor, dtype, cubic):
    """The antialiased taps (ATen's _compute_weights_aa): when downsampling, the bilinear (triangle) or bicubic
    (A = -0.5) filter is stretched over scale input pixels and normalised; (indices (out, K), weights (out, K)),
    the weights past each output's window zero. Arithmetic in the input's float type, as ATen's."""
    dtype = np.dtype(dtype)
    t = dtype.type
    scale = source_scale(in_size, out_size, align_corners, scale_factor, dtype)
    interp_size = 4 if cubic else 2
    support = t((interp_size * 0.5) * float(scale)) if scale >= 1 else t(interp_size * 0.5)
    width = int(np.ceil(support)) * 2 + 1
    invscale = t(1.0 / float(scale)) if scale >= 1 else t(1.0)
    a = t(-0.5)

    def filt(x):
        x = abs(t(x))
        if cubic:
            if x < 1:
                return ((a + 2) * x - (a + 3)) * x * x + 1
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a if x < 2 else t(0)
        return t(1) - x if x < 1 else t(0)

    idx = np.zeros((out_size, width), np.int64)
    weights = np.zeros((out_size, width), dtype)
    for i in range(out_size):
        center = t(float(scale) * (i + 0.5))
        xmin = max(int(float(center - support) + 0.5), 0)
        xsize = min(int(float(center + support) + 0.5), in_size) - xmin
        w = [filt((float(t(j + xmin) - center) + 0.5) * float(invscale)) for j in range(xsize)]
        total = t(0)
        for v in w:
            total = t(total + v)
        if total != 0:
            w = [t(v / total) for v in w]
        weights[i, :xsize] = w
        idx[i] = np.minimum(xmin + np.arange(width), in_size - 1)
    if in_size == out_size:  # the separable forward leaves an axis of unchanged size alone; the backward does not
        return BackwardOnly((idx, weights))
    return idx, weights


class BackwardOnly(tuple):
    """An antialiased axis whose size does not change: ATen's separable forward skips it (a copy), whatever the
    scale factor, while its backward (cpu_upsample_genNd_backward_aa) spreads the gradient with the axis's weights."""


def uint8_taps(in_size, out_size, align_corners, scale_factor, cubic, antialias):
    """The taps of ATen's fixed-point uint8 bilinear / bicubic pass over one axis (compute_index_ranges_int16_weights):
    weights computed in double (antialiased: the stretched, normalised filter; otherwise the float kernel's two or
    four neighbours, the weights of neighbours past an edge added to the edge's), scaled by 2 ** precision (the
    largest that keeps twice the largest weight under 2 ** 15) and rounded half away from zero.
    (indices (out, K), integer weights (out, K), precision); precision 0 when the axis keeps its size (no pass)."""
    if in_size == out_size:
        return (np.arange(out_size)[:, None], np.ones((out_size, 1), np.int64), 0)
    if align_corners:
        scale = (in_size - 1) / (out_size - 1) if out_size > 1 else 0.0
    else:
        scale = 1.0 / scale_factor if scale_factor is not None and scale_factor > 0 else in_size / out_size
    interp = 4 if cubic else 2
    a = -0.5 if antialias else -0.75

    def filt(x):
        x = abs(x)
        if cubic:
            if x < 1.0:
                return ((a + 2) * x - (a + 3)) * x * x + 1
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a if x < 2.0 else 0.0
        return 1.0 - x if x < 1.0 else 0.0
    if antialias:
        support = interp * 0.5 * scale if scale >= 1.0 else interp * 0.5
        width = int(math.ceil(support)) * 2 + 1
    else:
        width = interp
    mins, sizes = np.zeros(out_size, np.int64), np.zeros(out_size, np.int64)
    wts = np.zeros((out_size, width))
    wt_max = 0.0
    for i in range(out_size):
        w = wts[i]
        if antialias:
            center = scale * (i + 0.5)
            invscale = 1.0 / scale if scale >= 1.0 else 1.0
            lo = max(int(center - support + 0.5), 0)
            size = min(max(min(int(center + support + 0.5), in_size) - lo, 0), width)
            total = 0.0
            for j in range(size):
                w[j] = filt((j + lo - center + 0.5) * invscale)
                total += w[j]
            if total != 0.0:
                for j in range(size):
                    w[j] /= total
                    wt_max = max(wt_max, w[j])
        else:
            real = scale * i if align_corners else scale * (i + 0.5) - 0.5
            if not cubic and real < 0:
                real = 0.0
            base = min(int(math.floor(np.float32(real))), in_size - 1)   # ATen's floorf
            lam = min(max(real - base, 0.0), 1.0)
            half = interp // 2
            first = base - half + 1
            lo = max(first, 0)
            size = min(max(min(base + half + 1, in_size) - lo, 0), width)
            k = 0
            for j in range(width):
                v = filt(float(j + 1 - half) - lam)
                if first + j <= 0:
                    k = 0
                elif first + j >= in_size - 1:
                    k = size - 1
                w[k] += v
                wt_max = max(wt_max, w[k])
                k += 1
        mins[i], sizes[i] = lo, size
    prec = 0
    while prec < 22 and int(0.5 + wt_max * (1 << (prec + 1))) < (1 << 15):
        prec += 1
    v = wts * (1 << prec)
    ints = np.where(v < 0, np.trunc(v - 0.5), np.trunc(v + 0.5)).astype(np.int64)
    ints[np.arange(width) >= sizes[:, None]] = 0
    idx = np.minimum(mins[:, None] + np.arange(width), in_size - 1)
    return idx, ints, prec


def uint8_image_taps(in_sizes, out_sizes, align_corners, scales, cubic, antialias, channels):
    """The two uint8_taps of a (N, C, H, W) image. With more than four channels, or without AVX2, ATen runs its
    generic separable kernel, whose height pass reads the indices and weights of its loop's first element for the
    whole loop: when the output is one pixel wide the loop runs down a column (serially, for images under
    at::internal::GRAIN_SIZE elements), so every output row is the first one."""
    taps = [uint8_taps(i, o, align_corners, s, cubic, antialias) for i, o, s in zip(in_sizes, out_sizes, scales)]
    idx, w, prec = taps[0]
    if prec and out_sizes[1] == 1 and (channels > 4 or capability() == "default"):
        taps[0] = (idx[[0] * len(idx)], w[[0] * len(w)], prec)
    return tuple(taps)


def _resample_uint8(x, idx, w, prec, axis):
    """One fixed-point pass: (2 ** (prec - 1) + sum of pixel * weight) >> prec, clamped to 0..255."""
    if prec == 0:
        return x
    shape = (-1,) + (1,) * (x.ndim - 1 - axis)
    acc = np.full(x.shape[:axis] + (idx.shape[0],) + x.shape[axis + 1:], 1 << (prec - 1), np.int64)
    for j in range(w.shape[1]):
        acc += np.take(x, idx[:, j], axis=axis).astype(np.int64) * w[:, j].reshape(shape)
    return np.clip(acc >> prec, 0, 255).astype(np.uint8)


def _resample(x, taps, in_shape=None):
    """x resampled along its last len(taps) axes, the last axis first."""
    for axis in range(x.ndim - 1, x.ndim - 1 - len(taps), -1):
        tap = taps[axis - x.ndim + len(taps)]
        if isinstance(tap, BackwardOnly):
            continue
        if len(tap) == 3:  # uint8 bilinear / bicubic: ATen's fixed-point pass
            x = _resample_uint8(x, *tap, axis)
            continue
        if len(tap) == 2:
            idx, w = tap
            shape = (-1,) + (1,) * (x.ndim - 1 - axis)
            terms = [(np.take(x, idx[:, j], axis=axis), w[:, j].reshape(shape)) for j in range(w.shape[1])]
            if isinstance(tap, CubicTaps) and x.dtype in (np.float32, np.float64):
                # upsample_bicubic2d: x0 * c0 + x1 * c1 + x2 * c2 + x3 * c3 as ATen's compiled kernel contracts it,
                # fma(x3, c3, fma(x2, c2, fma(x0, c0, x1 * c1))) (width first, then height over those rows)
                fma = _fma32 if x.dtype == np.float32 else _fma64
                full = lambda v, c: np.broadcast_to(c, v.shape)
                (v0, c0), (v1, c1) = terms[:2]
                out = np.asarray(fma(v0, full(v0, c0), v1 * c1), x.dtype)
                for v, c in terms[2:]:
                    out = np.asarray(fma(v, full(v, c), out), x.dtype)
            else:  # antialiased: ((x0 * c0 + x1 * c1) + x2 * c2) + ...
                out = terms[0][0] * terms[0][1]
                for v, c in terms[1:]:
                    out += v * c
            x = out
            continue
        i0, i1, l0, l1 = tap
        if l0 is None:
            size = x.shape[axis]
            k = len(i0) // size
            if len(i0) == k * size and np.array_equal(i0, np.arange(len(i0)) // k):
                x = np.repeat(x, k, axis=axis)  # k copies of each: faster than a gather
            else:
                x = np.take(x, i0, axis=axis)
            continue
        shape = (-1,) + (1,) * (x.ndim - 1 - axis)
        a, b = np.take(x, i0, axis=axis), np.take(x, i1, axis=axis)
        if len(taps) == 1 and x.dtype in (np.float32, np.float64):  # 1-d: ATen's fma(x0, l0, x1 * l1)
            fma = _fma32 if x.dtype == np.float32 else _fma64
            x = fma(a, np.broadcast_to(l0.reshape(shape), a.shape), b * l1.reshape(shape))
        else:
            x = a * l0.reshape(shape) + b * l1.reshape(shape)
    return x


def _matrix(tap, in_size, dtype):
    """The (out, in) resampling matrix of one axis."""
    if len(tap) == 2:
        idx, w = tap
        m = np.zeros((len(idx), in_size), dtype)
        np.add.at(m, (np.repeat(np.arange(len(idx)), w.shape[1]), idx.reshape(-1)), w.reshape(-1).astype(dtype))
        return m
    i0, i1, l0, l1 = tap
    m = np.zeros((len(i0), in_size), dtype)
    rows = np.arange(len(i0))
    if l0 is None:
        m[rows, i0] = 1
    else:
        np.add.at(m, (rows, i0), l0)
        np.add.at(m, (rows, i1), l1)
    return m


def _resample_back(g, taps, in_shape):
    """The adjoint of _resample: each output's gradient added back into the inputs it read (nearest modes in the
    order ATen's loop adds them: output by output, row-major)."""
    n = len(taps)
    if len(taps[0]) == 4 and taps[0][2] is None:
        return _nearest_back(g, [t[0] for t in taps], tuple(in_shape))
    if n == 2 and all(isinstance(t, CubicTaps) for t in taps):
        return _bicubic_back(g, taps[0].backward, taps[1].backward, tuple(in_shape))
    for k in range(n):
        axis = g.ndim - n + k
        m = _matrix(taps[k], in_shape[axis], g.dtype)
        g = np.moveaxis(np.matmul(np.moveaxis(g, axis, -1), m), -1, axis)
    return np.ascontiguousarray(g)


def _bicubic_back(g, tap_h, tap_w, in_shape):
    """upsample_bicubic2d_backward's loop: output by output (row-major), the width tap i outer and the height tap j
    inner, each input gradient gets (g * cy[j]) * cx[i] added in turn (np.add.at adds in that order)."""
    (iy, cy), (ix, cx) = tap_h, tap_w
    oh, ow = g.shape[-2:]
    lead = g.shape[:-2]
    gf = g.reshape((-1, oh, ow))
    # (batch, oy, ox, i, j): value (g * cy[oy, j]) * cx[ox, i], target iy[oy, j] * W + ix[ox, i]
    vals = (gf[:, :, :, None, None] * cy[None, :, None, None, :]) * cx[None, None, :, :, None]
    target = iy[:, None, None, :] * in_shape[-1] + ix[None, :, :, None]
    out = np.zeros((gf.shape[0], in_shape[-2] * in_shape[-1]), g.dtype)
    np.add.at(out, (slice(None), target.reshape(-1)), vals.reshape(gf.shape[0], -1))
    return out.reshape(lead + tuple(in_shape[-2:]))


def _nearest_back(g, picks, in_shape):
    """Each input element's sum of the outputs that picked it, added in row-major output order as ATen's loop adds
    them: the outputs picking one input form a run per axis (nearest is monotone), so the k-th output of every run
    is added at once, k by k (a handful of vectorised passes, no per-element loop)."""
    n = len(picks)
    ratios = [len(p) // size if len(p) % size == 0 and np.array_equal(p, np.arange(len(p)) // (len(p) // size))
              else 0 for p, size in zip(picks, in_shape[-n:])]
    if all(ratios):  # every input read by k consecutive outputs per axis: strided views, no gathering
        blocks = g.reshape(g.shape[:g.ndim - n] + sum(((size, k) for size, k in zip(in_shape[-n:], ratios)), ()))
        out = None
        for ks in itertools.product(*(range(k) for k in ratios)):
            view = blocks[(Ellipsis,) + sum(((slice(None), k) for k in ks), ())]
            out = view.copy() if out is None else out.__iadd__(view)
        return out
    starts, counts = [], []
    for pick, size in zip(picks, in_shape[-n:]):
        counts.append(np.bincount(pick, minlength=size))
        starts.append(np.searchsorted(pick, np.arange(size)))
    out = np.zeros(in_shape, g.dtype)
    for ks in itertools.product(*(range(int(c.max())) for c in counts)):
        key, valid = [], None
        for axis, k in enumerate(ks):
            shape = [1] * n
            shape[axis] = -1
            key.append(np.minimum(starts[axis] + k, g.shape[g.ndim - n + axis] - 1).reshape(shape))
            ok = (counts[axis] > k).reshape(shape)
            valid = ok if valid is None else valid & ok
        vals = g[(Ellipsis,) + tuple(key)]
        out += vals if valid.all() else np.where(valid, vals, g.dtype.type(0))
    return out


def _declare(name, node):
    @defop(name, node, _resample)
    def vjp(xp, grad, saved, consts, needs):
        return (xp.call(name + "_backward", (grad,), *consts),)

    @defop(name + "_backward", node.replace("Backward0", "BackwardBackward0"), _resample_back)
    def backward_vjp(xp, grad, saved, consts, needs):
        return (xp.call(name, (grad,), *consts),)


for _name, _node in (("upsample_nearest1d", "UpsampleNearest1DBackward0"),
                     ("upsample_nearest2d", "UpsampleNearest2DBackward0"),
                     ("upsample_nearest_exact1d", "UpsampleNearestExact1DBackward0"),
                     ("upsample_nearest_exact2d", "UpsampleNearestExact2DBackward0"),
                     ("upsample_linear1d", "UpsampleLinear1DBackward0"),
                     ("upsample_bilinear2d", "UpsampleBilinear2DBackward0"),
                     ("upsample_bicubic2d", "UpsampleBicubic2DBackward0"),
                     ("upsample_nearest3d", "UpsampleNearest3DBackward0"),
                     ("upsample_nearest_exact3d", "UpsampleNearestExact3DBackward0"),
                     ("upsample_trilinear3d", "UpsampleTrilinear3DBackward0"),
                     ("upsample_bilinear2d_aa", "UpsampleBilinear2DAaBackward0"),
                     ("upsample_bicubic2d_aa", "UpsampleBicubic2DAaBackward0")):
    _declare(_name, _node)


# ---------------------------------------------------------------- pixel shuffle: channels <-> space (r x r blocks)


def pixel_shuffle_forward(x, r):
    """(*, C*r*r, H, W) -> (*, C, H*r, W*r)."""
    lead, (c, h, w) = x.shape[:-3], x.shape[-3:]
    y = x.reshape(lead + (c // (r * r), r, r, h, w))
    n = len(lead)
    y = y.transpose(tuple(range(n)) + (n, n + 3, n + 1, n + 4, n + 2))
    return np.ascontiguousarray(y).reshape(lead + (c // (r * r), h * r, w * r))


def pixel_unshuffle_forward(x, r):
    """(*, C, H*r, W*r) -> (*, C*r*r, H, W)."""
    lead, (c, h, w) = x.shape[:-3], x.shape[-3:]
    y = x.reshape(lead + (c, h // r, r, w // r, r))
    n = len(lead)
    y = y.transpose(tuple(range(n)) + (n, n + 2, n + 4, n + 1, n + 3))
    return np.ascontiguousarray(y).reshape(lead + (c * r * r, h // r, w // r))


@defop("pixel_shuffle", "PixelShuffleBackward0", pixel_shuffle_forward)
def pixel_shuffle_vjp(xp, grad, saved, consts, needs):
    """Channels into r x r blocks of space."""
    return (xp.call("pixel_unshuffle", (grad,), *consts),)


@defop("pixel_unshuffle", "PixelUnshuffleBackward0", pixel_unshuffle_forward)
def pixel_unshuffle_vjp(xp, grad, saved, consts, needs):
    """r x r blocks of space into channels."""
    return (xp.call("pixel_shuffle", (grad,), *consts),)
