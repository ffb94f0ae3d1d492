"""Sliding blocks (F.unfold / F.fold): im2col and col2im, each the other's vjp, forward and vjp side by side.

consts = (image size (H, W), kernel, dilation, padding, stride), each a pair. A column row is (channel, kernel row,
kernel column), its entries the blocks in row-major order, as ATen's im2col. col2im adds every entry into its pixel
in the order of ATen's loop (the column array's own order; np.add.at adds in the order given), so overlapping blocks
sum to PyTorch's bits.
"""
import functools

import numpy as np

from .optable import defop


def blocks(size, kernel, dilation, padding, stride):
    """The number of blocks along each of the two spatial dims."""
    return tuple((size[i] + 2 * padding[i] - (dilation[i] * (kernel[i] - 1) + 1)) // stride[i] + 1 for i in (0, 1))


@functools.lru_cache(maxsize=64)
def _pixels(channels, size, kernel, dilation, padding, stride):
    """(C * kh * kw, L): each column entry's flat pixel index in a (C, H, W) image, -1 where it falls on padding."""
    h, w = size
    bh, bw = blocks(size, kernel, dilation, padding, stride)
    ki, kj = np.meshgrid(np.arange(kernel[0]), np.arange(kernel[1]), indexing="ij")
    bi, bj = np.meshgrid(np.arange(bh), np.arange(bw), indexing="ij")
    rows = bi.reshape(1, -1) * stride[0] - padding[0] + ki.reshape(-1, 1) * dilation[0]     # (kh * kw, L)
    cols = bj.reshape(1, -1) * stride[1] - padding[1] + kj.reshape(-1, 1) * dilation[1]
    inside = (rows >= 0) & (rows < h) & (cols >= 0) & (cols < w)
    flat = np.where(inside, rows * w + cols, -1)
    chan = np.arange(channels).reshape(-1, 1, 1) * (h * w)
    out = np.where(flat[None] >= 0, flat[None] + chan, -1).reshape(channels * kernel[0] * kernel[1], -1)
    out.flags.writeable = False
    return out


def _im2col(x, size, kernel, dilation, padding, stride):
    """(N, C, H, W) -> (N, C * kh * kw, L); (C, H, W) -> (C * kh * kw, L)."""
    if x.ndim == 3:
        return _im2col(x[None], size, kernel, dilation, padding, stride)[0]
    n, c = x.shape[:2]
    idx = _pixels(c, tuple(size), tuple(kernel), tuple(dilation), tuple(padding), tuple(stride))
    per_image = int(np.prod(x.shape[1:]))
    flat = np.concatenate([x.reshape(n, per_image), np.zeros((n, 1), x.dtype)], axis=1)   # index -1: a zero
    return flat[:, idx]


def _col2im(cols, size, kernel, dilation, padding, stride):
    """(N, C * kh * kw, L) -> (N, C, H, W), overlapping entries added in ATen's order; unbatched: 2-d -> 3-d."""
    if cols.ndim == 2:
        return _col2im(cols[None], size, kernel, dilation, padding, stride)[0]
    n = cols.shape[0]
    c = cols.shape[1] // (kernel[0] * kernel[1])
    idx = _pixels(c, tuple(size), tuple(kernel), tuple(dilation), tuple(padding), tuple(stride))
    keep = idx >= 0
    out = np.zeros((n, c * size[0] * size[1]), cols.dtype)
    target = idx[keep]
    for i in range(n):
        np.add.at(out[i], target, cols[i][keep])
    return out.reshape(n, c, size[0], size[1])


@defop("im2col", "Im2ColBackward0", _im2col)
def im2col_vjp(xp, grad, saved, consts, needs):
    """Each column entry's gradient added back into its pixel (col2im)."""
    return (xp.call("col2im", (grad,), *consts),)


@defop("col2im", "Col2ImBackward0", _col2im)
def col2im_vjp(xp, grad, saved, consts, needs):
    """Each pixel's gradient copied to the column entries that were added into it (im2col)."""
    return (xp.call("im2col", (grad,), *consts),)
