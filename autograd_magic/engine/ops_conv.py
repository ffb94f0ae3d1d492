"""Convolution and pooling primitives (forward and vjp side by side, registered like ops.py).

Arrays are NCHW; a 1-d op runs as a 2-d one with H = 1 (the reshape happens here, so the graph keeps one node).
Convolution is im2col + matmul on strided windows (no Python loop over pixels); its backward is two more ops of
the table, so that create_graph=True can differentiate it again (PyTorch's ConvolutionBackwardBackward0).

A convolution's configuration travels as one const ``cfg = (stride, pad_lo, pad_hi, dilation, groups, nd)``, each
of the first four a pair (h, w), nd the number of spatial dims the caller sees (1 or 2).
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided

from .optable import defop

# ---------------------------------------------------------------- windows (im2col) and their adjoint (col2im)


def _as4d(a, nd):
    return a.reshape(a.shape[0], a.shape[1], 1, a.shape[2]) if nd == 1 else a


def _pad(a, lo, hi, value=0):
    if not any(lo) and not any(hi):
        return a
    n, c, h, w = a.shape
    out = np.empty((n, c, h + lo[0] + hi[0], w + lo[1] + hi[1]), a.dtype)
    out.fill(value)
    out[:, :, lo[0]:lo[0] + h, lo[1]:lo[1] + w] = a
    return out


def out_size(size, k, s, lo, hi, d, ceil_mode=False):
    """Output length of a window of k taps (dilation d) sliding by s over size padded by lo and hi."""
    span = size + lo + hi - d * (k - 1) - 1
    if ceil_mode:
        n = -(-span // s) + 1
        if (n - 1) * s >= size + lo:  # the last window must start inside the input or its left padding
            n -= 1
        return n
    return span // s + 1


def windows(a, k, s, d, out):
    """A view (N, C, kh, kw, OH, OW) of a padded (N, C, H, W) array: tap (i, j) of window (p, q)."""
    sn, sc, sh, sw = a.strides
    n, c = a.shape[:2]
    return as_strided(a, (n, c, k[0], k[1], out[0], out[1]),
                      (sn, sc, sh * d[0], sw * d[1], sh * s[0], sw * s[1]), writeable=False)


def col2im(cols, padded_hw, s, d, lo, size):
    """The adjoint of windows: add each tap's values (cols[:, :, i, j]) back where it was read, then cut the
    padding off. cols is (A, B, kh, kw, OH, OW); the result (A, B, H, W) is a view."""
    a, b, kh, kw, oh, ow = cols.shape
    out = np.zeros((a, b) + tuple(padded_hw), cols.dtype)
    for i in range(kh):
        for j in range(kw):
            r, q = i * d[0], j * d[1]
            out[:, :, r:r + (oh - 1) * s[0] + 1:s[0], q:q + (ow - 1) * s[1] + 1:s[1]] += cols[:, :, i, j]
    return out[:, :, lo[0]:lo[0] + size[0], lo[1]:lo[1] + size[1]]


# ---------------------------------------------------------------- convolution
# The matrices are channel-major so that each op is one matrix product per group over the whole batch:
# cols (G, Cg*kh*kw, N*OH*OW) = the input's windows, weight (G, Og, Cg*kh*kw), output (G, Og, N*OH*OW).


def _conv_geometry(x_shape, w_shape, cfg):
    stride, lo, hi, dil, groups, nd = cfg
    k = w_shape[2:] if len(w_shape) == 4 else (1,) + tuple(w_shape[2:])
    size = x_shape[2:] if len(x_shape) == 4 else (1,) + tuple(x_shape[2:])
    out = tuple(out_size(size[i], k[i], stride[i], lo[i], hi[i], dil[i]) for i in range(2))
    return tuple(k), tuple(size), out


def _cols(x4, k, cfg, out):
    """im2col, channel-major: (G, Cg*kh*kw, N*OH*OW), contiguous."""
    stride, lo, hi, dil, groups, nd = cfg
    xp = _pad(x4, lo, hi)
    sn, sc, sh, sw = xp.strides
    n, c = x4.shape[:2]
    win = as_strided(xp, (c, k[0], k[1], n, out[0], out[1]),
                     (sc, sh * dil[0], sw * dil[1], sn, sh * stride[0], sw * stride[1]), writeable=False)
    return np.ascontiguousarray(win).reshape(groups, (c // groups) * k[0] * k[1], n * out[0] * out[1])


def _group_rows(g, groups):
    """An (N, O, ...) gradient as (G, Og, N*OH*OW), channel-major (one copy)."""
    n, o = g.shape[:2]
    return np.ascontiguousarray(g.reshape(n, o, -1).transpose(1, 0, 2)).reshape(groups, o // groups, -1)


def conv_forward(x, w, *rest):
    """y = conv(x, w) (+ b): x (N, C, [H,] W), w (O, C/groups, [kh,] kw). rest is ([b,] cfg[, cache]); a cache
    (a list) receives the windows matrix, which the weight's gradient needs again."""
    b = rest[0] if rest[0].__class__ is np.ndarray else None
    cfg = rest[1] if b is not None else rest[0]
    cache = rest[-1] if rest[-1].__class__ is list else None
    nd, groups = cfg[5], cfg[4]
    k, size, out = _conv_geometry(x.shape, w.shape, cfg)
    cols = _cols(_as4d(x, nd), k, cfg, out)
    if cache is not None:
        cache.append(cols)
    n, o = x.shape[0], w.shape[0]
    y = np.matmul(w.reshape(groups, o // groups, -1), cols).reshape(o, n, -1).transpose(1, 0, 2)
    res = np.empty((n, o, y.shape[2]), y.dtype)
    if b is not None:
        np.add(y, b.reshape(1, -1, 1), out=res)
    else:
        res[...] = y
    return res.reshape((n, o) + (out if nd == 2 else out[1:]))


def conv_input_grad(g, w, cfg, x_shape):
    """d(conv)/dx applied to g: the windows' gradients added back into the input (col2im)."""
    stride, lo, hi, dil, groups, nd = cfg
    k, size, _ = _conv_geometry(x_shape, w.shape, cfg)
    out = (1,) + tuple(g.shape[2:]) if nd == 1 else tuple(g.shape[2:])  # the windows: one per gradient element
    n, c = x_shape[:2]
    wm = w.reshape(groups, w.shape[0] // groups, -1)
    cols = np.matmul(wm.transpose(0, 2, 1), _group_rows(g, groups))    # (G, Cg*kh*kw, N*OH*OW)
    cols = cols.reshape(c, k[0], k[1], n, out[0], out[1]).transpose(0, 3, 1, 2, 4, 5)
    padded = (size[0] + lo[0] + hi[0], size[1] + lo[1] + hi[1])
    gx = col2im(cols, padded, stride, dil, lo, size)                    # (C, N, H, W)
    return np.ascontiguousarray(gx.transpose(1, 0, 2, 3)).reshape(x_shape)


def conv_weight_grad(x, g, cfg, w_shape, cols=None):
    """d(conv)/dw applied to g: each output channel's gradient against the windows it read."""
    groups, nd = cfg[4], cfg[5]
    if cols is None:
        k, size, _ = _conv_geometry(x.shape, w_shape, cfg)
        out = (1,) + tuple(g.shape[2:]) if nd == 1 else tuple(g.shape[2:])
        cols = _cols(_as4d(x, nd), k, cfg, out)
    return np.matmul(_group_rows(g, groups), cols.transpose(0, 2, 1)).reshape(w_shape)


@defop("convolution", "ConvolutionBackward0", conv_forward, saves=(0, 1))
def convolution_vjp(xp, grad, saved, consts, needs):
    """Consts: cfg and, from F.conv*, a cache holding the forward's windows matrix (used once, then dropped)."""
    a, w = saved
    cfg = consts[0]
    ga = xp.call("convolution_backward_input", (grad, w), cfg, tuple(a.shape)) if needs[0] else None
    gw = None
    if needs[1]:
        cols = consts[1].pop() if len(consts) > 1 and consts[1] else None
        gw = xp.call("convolution_backward_weight", (a, grad), cfg, tuple(w.shape), cols)
    if len(needs) == 3:
        gb = xp.sum(grad, (0,) + tuple(range(2, len(grad.shape)))) if needs[2] else None
        return ga, gw, gb
    return ga, gw


@defop("convolution_backward_input", "ConvolutionBackwardBackward0", conv_input_grad, saves=(0, 1))
def convolution_backward_input_vjp(xp, grad, saved, consts, needs):
    g, w = saved
    cfg = consts[0]
    return ((xp.call("convolution", (grad, w), cfg) if needs[0] else None),
            (xp.call("convolution_backward_weight", (grad, g), cfg, tuple(w.shape)) if needs[1] else None))


@defop("convolution_backward_weight", "ConvolutionBackwardBackward0", conv_weight_grad, saves=(0, 1))
def convolution_backward_weight_vjp(xp, grad, saved, consts, needs):
    a, g = saved
    cfg = consts[0]
    gg = None
    if needs[1]:
        spatial = _conv_geometry(tuple(a.shape), tuple(grad.shape), cfg)[2][2 - cfg[5]:]
        if spatial == tuple(g.shape[2:]):
            gg = xp.call("convolution", (a, grad), cfg)
        else:  # a transposed convolution's output_padding past its stride: windows past the input's end
            gg = xp.call("convolution_transpose_backward_input", (a, grad), cfg, tuple(g.shape))
    return ((xp.call("convolution_backward_input", (g, grad), cfg, tuple(a.shape)) if needs[0] else None), gg)


# ---------------------------------------------------------------- pooling
# A pooling's cfg = (kernel, stride, pad, dilation, ceil_mode, out), pairs except ceil_mode; out is (OH, OW).


def pool_geometry(hw, kernel, stride, pad, dil, ceil_mode):
    out = tuple(out_size(hw[i], kernel[i], stride[i], pad[i], pad[i], dil[i], ceil_mode) for i in range(2))
    # ceil_mode windows may run past the right padding: pad enough for the last one
    hi = tuple(max(pad[i], (out[i] - 1) * stride[i] + dil[i] * (kernel[i] - 1) + 1 - hw[i] - pad[i])
               for i in range(2))
    return out, hi


def max_pool_with_indices(x, cfg):
    """(values, indices into each plane's H*W) of 2-d max pooling, as ATen's loop picks them: a tap replaces the
    window's maximum when it is greater or NaN; the index starts at the window's first tap inside the input."""
    if x.ndim == 3:
        values, indices = max_pool_with_indices(x[None], cfg)
        return values[0], indices[0]
    kernel, stride, pad, dil, ceil_mode, out = cfg
    n, c, h, w = x.shape
    _, hi = pool_geometry((h, w), kernel, stride, pad, dil, ceil_mode)
    fill = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
    win = windows(_pad(x, pad, hi, fill), kernel, stride, dil, out)
    taps = [(i, j) for i in range(kernel[0]) for j in range(kernel[1])]
    best = win[:, :, 0, 0].copy()  # NaN-propagating maximum, tap by tap
    for i, j in taps[1:]:
        np.maximum(best, win[:, :, i, j], out=best)
    # the index: the first tap equal to the maximum (ATen replaces only on a greater value) ...
    tap = np.zeros(best.shape, np.int8 if len(taps) < 128 else np.int64)
    found = win[:, :, 0, 0] == best
    for t, (i, j) in enumerate(taps[1:], 1):
        eq = win[:, :, i, j] == best
        eq &= ~found
        tap += eq.view(np.int8) * tap.dtype.type(t) if tap.dtype == np.int8 else eq * t
        found |= eq
    if x.dtype.kind == "f":
        nan = best != best
        if nan.any():  # ... or the last NaN (ATen replaces on every NaN)
            for t, (i, j) in enumerate(taps):
                v = win[:, :, i, j]
                tap[nan & (v != v)] = t
        if any(pad) or any(hi):  # all -inf: ATen keeps the window's first tap inside the input
            first = []
            for ax in range(2):
                start = np.arange(out[ax]) * stride[ax] - pad[ax]
                first.append(np.where(start < 0, -(start // dil[ax]), 0))
            low = best == -np.inf
            tap[low] = np.broadcast_to(first[0][:, None] * kernel[1] + first[1][None, :], tap.shape)[low]
    tap = tap.astype(np.int64)
    ki, kj = np.divmod(tap, kernel[1])
    rows = np.arange(out[0]).reshape(-1, 1) * stride[0] + ki * dil[0] - pad[0]
    cols = np.arange(out[1]) * stride[1] + kj * dil[1] - pad[1]
    return best, rows * w + cols


def _max_pool_fwd(x, cfg, indices=None, shape=None):  # noqa: ARG001 (the node's consts)
    return max_pool_with_indices(x, cfg)[0]


def _max_pool_back(g, indices, shape, overlap):
    """Each output's gradient added into the input element its maximum came from (summed where windows overlap)."""
    planes = int(np.prod(shape[:-2]))
    out = np.zeros((planes, shape[-2] * shape[-1]), g.dtype)
    key = (np.arange(planes)[:, None], indices.reshape(planes, -1))
    if overlap:
        np.add.at(out, key, g.reshape(planes, -1))
    else:
        out[key] = g.reshape(planes, -1)
    return out.reshape(shape)


def windows_overlap(kernel, stride, dil):
    return any(stride[i] < dil[i] * (kernel[i] - 1) + 1 for i in range(2))


@defop("max_pool2d", "MaxPool2DWithIndicesBackward0", _max_pool_fwd)
def max_pool2d_vjp(xp, grad, saved, consts, needs):
    cfg, indices, shape = consts
    return (xp.call("max_pool2d_backward", (grad,), indices, shape, windows_overlap(*cfg[:2], cfg[3])),)


@defop("max_pool2d_backward", "MaxPool2DWithIndicesBackwardBackward0", _max_pool_back)
def max_pool2d_backward_vjp(xp, grad, saved, consts, needs):
    indices, shape = consts[:2]
    planes = int(np.prod(shape[:-2]))
    flat = xp.reshape(grad, (planes, shape[-2] * shape[-1]))
    key = (np.arange(planes)[:, None], indices.reshape(planes, -1))
    return (xp.reshape(xp.take(flat, key), indices.shape),)


def _avg_divisor(hw, cfg, count_include_pad, divisor_override, dtype):
    """Each window's divisor (OH, OW): its taps inside the padded input (or inside the input itself)."""
    kernel, stride, pad, dil, ceil_mode, out = cfg
    if divisor_override:
        return np.asarray(divisor_override, dtype)
    _, hi = pool_geometry(hw, kernel, stride, pad, dil, ceil_mode)
    if count_include_pad:
        mask = np.zeros((1, 1, hw[0] + pad[0] + hi[0], hw[1] + pad[1] + hi[1]), dtype)
        mask[:, :, :hw[0] + 2 * pad[0], :hw[1] + 2 * pad[1]] = 1
    else:
        mask = _pad(np.ones((1, 1) + tuple(hw), dtype), pad, hi)
    return windows(mask, kernel, stride, dil, out).sum(axis=(2, 3))[0, 0]


def _avg_pool_fwd(x, cfg, count_include_pad, divisor_override, shape=None):
    if x.ndim == 3:
        return _avg_pool_fwd(x[None], cfg, count_include_pad, divisor_override)[0]
    kernel, stride, pad, dil, ceil_mode, out = cfg
    _, hi = pool_geometry(x.shape[2:], kernel, stride, pad, dil, ceil_mode)
    win = windows(_pad(x, pad, hi), kernel, stride, dil, out)
    total = win.sum(axis=(2, 3))
    return total / _avg_divisor(x.shape[2:], cfg, count_include_pad, divisor_override, x.dtype)


def _avg_pool_back(g, cfg, count_include_pad, divisor_override, shape):
    if len(shape) == 3:
        return _avg_pool_back(g[None], cfg, count_include_pad, divisor_override, (1,) + tuple(shape))[0]
    kernel, stride, pad, dil, ceil_mode, out = cfg
    _, hi = pool_geometry(shape[2:], kernel, stride, pad, dil, ceil_mode)
    share = g / _avg_divisor(shape[2:], cfg, count_include_pad, divisor_override, g.dtype)
    cols = np.broadcast_to(share[:, :, None, None], share.shape[:2] + tuple(kernel) + share.shape[2:])
    padded = (shape[2] + pad[0] + hi[0], shape[3] + pad[1] + hi[1])
    return np.ascontiguousarray(col2im(cols, padded, stride, dil, pad, shape[2:]))


@defop("avg_pool2d", "AvgPool2DBackward0", _avg_pool_fwd)
def avg_pool2d_vjp(xp, grad, saved, consts, needs):
    return (xp.call("avg_pool2d_backward", (grad,), *consts),)


@defop("avg_pool2d_backward", "AvgPool2DBackwardBackward0", _avg_pool_back)
def avg_pool2d_backward_vjp(xp, grad, saved, consts, needs):
    return (xp.call("avg_pool2d", (grad,), *consts),)


def adaptive_bins(size, n):
    """PyTorch's bins of adaptive pooling: [floor(i*size/n), ceil((i+1)*size/n))."""
    return [((i * size) // n, -(-((i + 1) * size) // n)) for i in range(n)]


def _adaptive_matrix(size, n, dtype):
    m = np.zeros((n, size), dtype)
    for i, (a, b) in enumerate(adaptive_bins(size, n)):
        m[i, a:b] = 1
    return m


def _adaptive_fwd(x, out, shape=None):
    """Mean over each bin: sums of the bins' rows and columns, divided once by the bin's area."""
    rows, cols = _adaptive_matrix(x.shape[-2], out[0], x.dtype), _adaptive_matrix(x.shape[-1], out[1], x.dtype)
    total = np.matmul(np.matmul(rows, x), cols.T)
    area = rows.sum(1)[:, None] * cols.sum(1)[None, :]
    return total / area


def _adaptive_back(g, out, shape):
    rows, cols = _adaptive_matrix(shape[-2], out[0], g.dtype), _adaptive_matrix(shape[-1], out[1], g.dtype)
    area = rows.sum(1)[:, None] * cols.sum(1)[None, :]
    return np.matmul(np.matmul(rows.T, g / area), cols)


def adaptive_max_with_indices(x, out):
    """(values, indices into each plane's H*W) of adaptive max pooling over PyTorch's bins: in each bin the first
    maximum in row-major order (a NaN wins, as in ATen's loop)."""
    h, w = x.shape[-2:]
    values = np.empty(x.shape[:-2] + tuple(out), x.dtype)
    indices = np.empty(x.shape[:-2] + tuple(out), np.int64)
    for i, (a, b) in enumerate(adaptive_bins(h, out[0])):
        for j, (c, d) in enumerate(adaptive_bins(w, out[1])):
            window = x[..., a:b, c:d].reshape(x.shape[:-2] + (-1,))
            nan = np.isnan(window)
            k = np.where(nan.any(-1), window.shape[-1] - 1 - np.argmax(nan[..., ::-1], -1), np.argmax(window, -1))
            values[..., i, j] = np.take_along_axis(window, k[..., None], -1)[..., 0]
            indices[..., i, j] = (a + k // (d - c)) * w + c + k % (d - c)
    return values, indices


@defop("adaptive_max_pool2d", "AdaptiveMaxPool2DBackward0",
       lambda x, out, indices=None, shape=None: adaptive_max_with_indices(x, out)[0])
def adaptive_max_pool2d_vjp(xp, grad, saved, consts, needs):
    out, indices, shape = consts
    return (xp.call("max_pool2d_backward", (grad,), indices, shape, True),)


@defop("adaptive_avg_pool2d", "AdaptiveAvgPool2DBackward0", _adaptive_fwd)
def adaptive_avg_pool2d_vjp(xp, grad, saved, consts, needs):
    return (xp.call("adaptive_avg_pool2d_backward", (grad,), *consts),)


@defop("adaptive_avg_pool2d_backward", "AdaptiveAvgPool2DBackwardBackward0", _adaptive_back)
def adaptive_avg_pool2d_backward_vjp(xp, grad, saved, consts, needs):
    return (xp.call("adaptive_avg_pool2d", (grad,), *consts),)


# ---------------------------------------------------------------- transposed convolution
# The adjoint of a convolution: its input's gradient (col2im of w^T x) is the forward. The weight (C_in, C_out /
# groups, kh, kw) plays a convolution's (O, C / groups, kh, kw), so every matrix above serves unchanged; consts are
# (cfg, output shape). PyTorch records it as ConvolutionBackward0 and its gradients as ConvolutionBackwardBackward0.


def conv_transpose_forward(x, w, *rest):
    """y = conv_transpose(x, w) (+ b): rest is ([b,] cfg, out_shape)."""
    b = rest[0] if len(rest) == 3 else None
    cfg, out_shape = rest[-2:]
    y = conv_input_grad(x, w, cfg, out_shape)
    if b is not None:
        y += b.reshape((1, -1) + (1,) * (y.ndim - 2))
    return y


@defop("convolution_transpose", "ConvolutionBackward0", conv_transpose_forward, saves=(0, 1))
def convolution_transpose_vjp(xp, grad, saved, consts, needs):
    """Consts: cfg and the output's shape."""
    a, w = saved
    cfg = consts[0]
    ga = xp.call("convolution_transpose_backward_input", (grad, w), cfg, tuple(a.shape)) if needs[0] else None
    gw = xp.call("convolution_backward_weight", (grad, a), cfg, tuple(w.shape)) if needs[1] else None
    if len(needs) == 3:
        gb = xp.sum(grad, (0,) + tuple(range(2, len(grad.shape)))) if needs[2] else None
        return ga, gw, gb
    return ga, gw


def _conv_cropped(g, w, cfg, in_shape):
    """The input's gradient of a transposed convolution: a convolution of the output's gradient, cut to the input's
    size (an output_padding of a stride or more adds windows past the input's end)."""
    y = conv_forward(g, w, cfg)
    return y if y.shape == tuple(in_shape) else np.ascontiguousarray(y[(Ellipsis,) + tuple(
        slice(0, n) for n in in_shape[2:])])


@defop("convolution_transpose_backward_input", "ConvolutionBackwardBackward0", _conv_cropped, saves=(0, 1))
def convolution_transpose_backward_input_vjp(xp, grad, saved, consts, needs):
    """Under PyTorch's double-backward node name; its own gradients are the convolution's."""
    g, w = saved
    cfg = consts[0]
    return ((xp.call("convolution_backward_input", (grad, w), cfg, tuple(g.shape)) if needs[0] else None),
            (xp.call("convolution_backward_weight", (g, grad), cfg, tuple(w.shape)) if needs[1] else None))
