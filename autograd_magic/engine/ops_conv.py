"""Convolution primitives (forward and vjp side by side, registered like ops.py) and the strided windows that
convolution and pooling (ops_pool.py) read.

Arrays are (N, C, *spatial) with S = 2 or 3 spatial dims; a 1-d op runs as a 2-d one with H = 1 (the reshape
happens here, so the graph keeps one node). Convolution is im2col + matmul on strided windows (no Python loop over
pixels); its backward is two more ops of the table, so that create_graph=True can differentiate it again
(PyTorch's ConvolutionBackwardBackward0).

A convolution's configuration travels as one const ``cfg = (stride, pad_lo, pad_hi, dilation, groups, nd)``, each
of the first four a tuple of S ints ((h, w) or (d, h, w)), nd the number of spatial dims the caller sees (1, 2, 3).
"""
import itertools

import numpy as np
from numpy.lib.stride_tricks import as_strided

from . import blas, softmax_dims
from .optable import defop
from .random_kernels import _fma32

# ---------------------------------------------------------------- windows (im2col) and their adjoint (col2im)


def lift(a, s):
    """(N, C, *spatial) with leading spatial dims of size 1 added up to s spatial dims."""
    extra = s - (a.ndim - 2)
    return a.reshape(a.shape[:2] + (1,) * extra + a.shape[2:]) if extra > 0 else a


def pad(a, lo, hi, value=0):
    """a (N, C, *spatial) padded by lo before and hi after each spatial dim, with value."""
    if not any(lo) and not any(hi):
        return a
    s = len(lo)
    out = np.empty(a.shape[:2] + tuple(a.shape[2 + i] + lo[i] + hi[i] for i in range(s)), a.dtype)
    out.fill(value)
    out[(Ellipsis,) + tuple(slice(lo[i], lo[i] + a.shape[2 + i]) for i in range(s))] = a
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
    """A view (N, C, *k, *out) of a padded (N, C, *spatial) array: tap t of window p."""
    st, n = a.strides, len(k)
    return as_strided(a, a.shape[:2] + tuple(k) + tuple(out),
                      st[:2] + tuple(st[2 + i] * d[i] for i in range(n)) + tuple(st[2 + i] * s[i] for i in range(n)),
                      writeable=False)


def taps(k):
    """Every tap of a kernel of size k, in row-major order."""
    return list(itertools.product(*(range(n) for n in k)))


def col2im(cols, padded, s, d, lo, size):
    """The adjoint of windows: add each tap's values (cols[:, :, *tap]) back where it was read, then cut the
    padding off. cols is (A, B, *k, *out); the result (A, B, *size) is a view."""
    n = (cols.ndim - 2) // 2
    k, out = cols.shape[2:2 + n], cols.shape[2 + n:]
    res = np.zeros(cols.shape[:2] + tuple(padded), cols.dtype)
    for tap in taps(k):
        where = tuple(slice(tap[i] * d[i], tap[i] * d[i] + (out[i] - 1) * s[i] + 1, s[i]) for i in range(n))
        res[(Ellipsis,) + where] += cols[(slice(None), slice(None)) + tap]
    return res[(Ellipsis,) + tuple(slice(lo[i], lo[i] + size[i]) for i in range(n))]


# ---------------------------------------------------------------- convolution
# The matrices are channel-major so that each op is one matrix product per group over the whole batch:
# cols (G, Cg*prod(k), N*prod(out)) = the input's windows, weight (G, Og, Cg*prod(k)), output (G, Og, N*prod(out)).


def _conv_geometry(x_shape, w_shape, cfg):
    stride, lo, hi, dil = cfg[:4]
    s = len(stride)
    k = (1,) * (s + 2 - len(w_shape)) + tuple(w_shape[2:])
    size = (1,) * (s + 2 - len(x_shape)) + tuple(x_shape[2:])
    out = tuple(out_size(size[i], k[i], stride[i], lo[i], hi[i], dil[i]) for i in range(s))
    return k, size, out


def _cols(x, k, cfg, out):
    """im2col, channel-major: (G, Cg*prod(k), N*prod(out)), contiguous; x has S spatial dims."""
    stride, lo, hi, dil, groups, nd = cfg
    xp = pad(x, lo, hi)
    st, s = xp.strides, len(k)
    n, c = x.shape[:2]
    win = as_strided(xp, (c,) + tuple(k) + (n,) + tuple(out),
                     (st[1],) + tuple(st[2 + i] * dil[i] for i in range(s)) + (st[0],)
                     + tuple(st[2 + i] * stride[i] for i in range(s)), writeable=False)
    return np.ascontiguousarray(win).reshape(groups, (c // groups) * int(np.prod(k)), n * int(np.prod(out)))


def _group_rows(g, groups):
    """An (N, O, ...) gradient as (G, Og, N*prod(out)), channel-major (one copy)."""
    n, o = g.shape[:2]
    m = int(np.prod(g.shape[2:]))   # (sizes, not -1: a batch of 0 is a valid input)
    return np.ascontiguousarray(g.reshape(n, o, m).transpose(1, 0, 2)).reshape(groups, o // groups, n * m)


def _grad_out(g, cfg):
    """The windows' grid (one window per gradient element), with the leading 1 of a 1-d op."""
    return (1,) * (len(cfg[0]) + 2 - g.ndim) + tuple(g.shape[2:])


def conv_forward(x, w, *rest):
    """y = conv(x, w) (+ b): x (N, C, *spatial), w (O, C/groups, *k). rest is ([b,] cfg[, cache]); a cache
    (a list) receives the windows matrix, which the weight's gradient needs again."""
    b = rest[0] if rest[0].__class__ is np.ndarray else None
    cfg = rest[1] if b is not None else rest[0]
    cache = rest[-1] if rest[-1].__class__ is list else None
    nd, groups = cfg[5], cfg[4]
    k, size, out = _conv_geometry(x.shape, w.shape, cfg)
    cols = _cols(lift(x, len(k)), k, cfg, out)
    if cache is not None:
        cache.append(cols)
    n, o = x.shape[0], w.shape[0]
    if _aten_kernel(x.shape, w.shape, x.dtype, cfg):
        res = _frames(cols, w, b, groups, n, any(d != 1 for d in cfg[3]))
        if res is not None:
            return res.reshape((n, o) + out[len(out) - nd:])
    if _onednn_pointwise(x.dtype, k, cfg, cols.shape[1] * o * cols.shape[2]):
        y = _pointwise_chain(cols[0], w.reshape(o, -1), b).reshape(o, n, -1).transpose(1, 0, 2)
        return np.ascontiguousarray(y).reshape((n, o) + out[len(out) - nd:])
    y = np.matmul(w.reshape(groups, o // groups, -1), cols).reshape(o, n, int(np.prod(out))).transpose(1, 0, 2)
    res = np.empty((n, o, y.shape[2]), y.dtype)
    if b is not None:
        np.add(y, b.reshape(1, -1, 1), out=res)
    else:
        res[...] = y
    return res.reshape((n, o) + out[len(out) - nd:])


def _aten_kernel(x_shape, w_shape, dtype, cfg):
    """Whether PyTorch computes this convolution with ATen's own im2col + BLAS kernels (thnn_conv2d, slow_conv3d,
    slow_conv_dilated*: one matrix product per sample and group) rather than with oneDNN: ATen's
    ConvParams::use_mkldnn, which takes float32 only, and a single image (batch 1), one group, a kernel of at most
    3 in one of its last two dims and at most 20480 input elements (over its first four dims, a 1-d input seen as
    (N, C, 1, L)) not (1x1 kernels unstrided and undilated on one thread aside). float64 always goes there."""
    if dtype == np.float64:
        return True
    if dtype != np.float32:
        return False
    stride, dil, groups = cfg[0], cfg[3], cfg[4]
    if len(x_shape) == 3:
        x_shape, w_shape = x_shape[:2] + (1,) + x_shape[2:], w_shape[:2] + (1,) + w_shape[2:]
    if not (any(s != 1 for s in stride) or any(d != 1 for d in dil) or x_shape[0] >= 16
            or w_shape[-1] != 1 or w_shape[-2] != 1 or softmax_dims.threads() > 1):
        return True
    return not (groups > 1 or (w_shape[-1] > 3 and w_shape[-2] > 3) or x_shape[0] > 1
                or int(np.prod(x_shape[:4])) > 20480)


# the largest 1x1 convolution (multiply-adds) computed as oneDNN rounds it; larger ones take one BLAS product
_POINTWISE_CHAIN_MAX = 1 << 24


def _onednn_pointwise(dtype, k, cfg, work):
    """Whether a float32 convolution that oneDNN runs is a 1x1 one, unstrided, unpadded and of one group (PointNet's
    shared MLP, a U-Net's last layer: oneDNN's other kernels sum in orders not reproduced here), small enough for
    _pointwise_chain."""
    return (dtype == np.float32 and all(v == 1 for v in k) and all(v == 1 for v in cfg[0]) and cfg[4] == 1
            and not any(cfg[1]) and not any(cfg[2]) and 0 < work <= _POINTWISE_CHAIN_MAX)


def _pointwise_chain(cols, w, b):
    """out (O, M) of a 1x1 convolution as oneDNN's kernel rounds it: each output starts at its bias (or 0) and
    adds the input channels one by one with a fused multiply-add (bit for bit PyTorch's, where a matrix product
    sums in another order)."""
    o, m = w.shape[0], cols.shape[1]
    acc = np.zeros((o, m), np.float32) if b is None else np.repeat(b.reshape(o, 1), m, axis=1)
    for c in range(cols.shape[0]):
        acc = _fma32(np.broadcast_to(w[:, c:c + 1], (o, m)), np.broadcast_to(cols[c], (o, m)), acc)
    return acc


def _frames(cols, w, b, groups, n, dilated):
    """The convolution as ATen's own kernels compute it: per group (ATen convolves the groups one by one) and per
    sample, out (Og, M) = weight (Og, Kg) @ finput (Kg, M) through BLAS with the bias copied into out first
    (thnn_conv2d: beta 1 with a bias, 0 without; slow_conv_dilated: beta 1 on zeros). None where BLAS is missing
    or the product is empty."""
    m = cols.shape[2] // n if n else 0
    if m == 0 or cols.shape[1] == 0:
        return None
    o = w.shape[0]
    og = o // groups
    res = np.empty((n, o, m), w.dtype)
    if b is not None or dilated:
        res[...] = 0 if b is None else b.reshape(1, -1, 1)
    wm = w.reshape(groups, og, -1)
    for g in range(groups):
        frames = np.ascontiguousarray(cols[g].reshape(-1, n, m).transpose(1, 0, 2))
        part = np.ascontiguousarray(res[:, g * og:(g + 1) * og])
        if not blas.frames_product(np.ascontiguousarray(wm[g]), frames, part, b is not None or dilated):
            return None
        res[:, g * og:(g + 1) * og] = part
    return res


def conv_input_grad(g, w, cfg, x_shape):
    """d(conv)/dx applied to g: the windows' gradients added back into the input (col2im)."""
    stride, lo, hi, dil, groups, nd = cfg
    k, size, _ = _conv_geometry(x_shape, w.shape, cfg)
    out, s = _grad_out(g, cfg), len(k)
    n, c = x_shape[:2]
    wm = w.reshape(groups, w.shape[0] // groups, -1)
    cols = np.matmul(wm.transpose(0, 2, 1), _group_rows(g, groups))    # (G, Cg*prod(k), N*prod(out))
    cols = cols.reshape((c,) + k + (n,) + out).transpose(
        (0, s + 1) + tuple(range(1, s + 1)) + tuple(range(s + 2, 2 * s + 2)))
    padded = tuple(size[i] + lo[i] + hi[i] for i in range(s))
    gx = col2im(cols, padded, stride, dil, lo, size)                    # (C, N, *size)
    return np.ascontiguousarray(gx.swapaxes(0, 1)).reshape(x_shape)


def conv_weight_grad(x, g, cfg, w_shape, cols=None):
    """d(conv)/dw applied to g: each output channel's gradient against the windows it read."""
    groups = cfg[4]
    if cols is None:
        k = _conv_geometry(x.shape, w_shape, cfg)[0]
        cols = _cols(lift(x, len(k)), k, cfg, _grad_out(g, cfg))
    if _aten_kernel(x.shape, w_shape, x.dtype, cfg):
        res = _weight_frames(cols, g, groups)
        if res is not None:
            return res.reshape(w_shape)
    return np.matmul(_group_rows(g, groups), cols.transpose(0, 2, 1)).reshape(w_shape)


def _weight_frames(cols, g, groups):
    """The weight's gradient (O, Kg) as ATen's own kernels sum it: per group, a zeroed matrix to which each sample's
    grad_output (Og, M) @ finput^T (M, Kg) is added in turn by BLAS (one product per sample, the batch's order).
    None where BLAS is missing or a product is empty."""
    n, o = g.shape[:2]
    m = cols.shape[2] // n if n else 0
    if m == 0 or cols.shape[1] == 0:
        return None
    og = o // groups
    grads = g.reshape(n, o, m)
    res = np.zeros((o, cols.shape[1]), g.dtype)
    for j in range(groups):
        frames = np.ascontiguousarray(cols[j].reshape(-1, n, m).transpose(1, 0, 2))
        part = np.zeros((og, cols.shape[1]), g.dtype)
        if not blas.frames_weight_product(frames, np.ascontiguousarray(grads[:, j * og:(j + 1) * og]), part):
            return None
        res[j * og:(j + 1) * og] = part
    return res


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
        gb = _bias_grad(xp, grad) if needs[2] else None
        return ga, gw, gb
    return ga, gw


def _bias_grad(xp, grad):
    """The bias's gradient: grad summed over all but the channels; under create_graph=True PyTorch's
    ConvolutionBackwardBackward0 node, as the weight's."""
    dims = (0,) + tuple(range(2, len(grad.shape)))
    return xp.sum(grad, dims) if xp.is_numpy else xp.call("convolution_backward_bias", (grad,), dims, tuple(grad.shape))


@defop("convolution_backward_bias", "ConvolutionBackwardBackward0", lambda g, dims, shape: np.add.reduce(g, axis=dims))
def convolution_backward_bias_vjp(xp, grad, saved, consts, needs):
    """Each channel's incoming gradient spread over the batch and the positions it was summed from."""
    dims, shape = consts
    return (xp.expand(xp.reshape(grad, tuple(1 if d in dims else n for d, n in enumerate(shape))), shape),)


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
        out = _conv_geometry(tuple(a.shape), tuple(grad.shape), cfg)[2]
        spatial = out[len(out) - cfg[5]:]
        if spatial == tuple(g.shape[2:]):
            gg = xp.call("convolution", (a, grad), cfg)
        else:  # a transposed convolution's output_padding past its stride: windows past the input's end
            gg = xp.call("convolution_transpose_backward_input", (a, grad), cfg, tuple(g.shape))
    return ((xp.call("convolution_backward_input", (g, grad), cfg, tuple(a.shape)) if needs[0] else None), gg)


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
        gb = _bias_grad(xp, grad) if needs[2] else None
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
