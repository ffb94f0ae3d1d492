"""Finite-difference rows for engine/ops_resample.py, the transposed convolution of engine/ops_conv.py and
packing (nn.utils.rnn.pack_padded_sequence) (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP
from autograd_magic.engine.ops_resample import cubic_taps, linear_taps, nearest_taps

F = torch.nn.functional
_RNG = np.random.default_rng(5)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-2.0, 2.0, n)) + 0.013).reshape(shape)


def _up(mode, **kw):
    return lambda x: F.interpolate(x, mode=mode, **kw)


_CFG = ((2, 1), (1, 0), (1, 0), (1, 2), 2, 2)  # stride, pad, pad, dilation, groups, nd
_NEAR = (nearest_taps(3, 5, None, False), nearest_taps(2, 4, 2.0, False))
_LIN = (linear_taps(3, 5, False, None, np.float64), linear_taps(2, 3, True, None, np.float64))

ROWS_EXTRA = {
    "convolution_transpose": [
        (lambda x, w, b: F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1),
         [_spread(2, 2, 3, 3), _spread(2, 3, 3, 2), _spread(3)]),
        (lambda x, w: F.conv_transpose2d(x, w, stride=(2, 1), padding=(1, 0), groups=2, dilation=(1, 2)),
         [_spread(1, 4, 3, 2), _spread(4, 1, 2, 2)]),
        (lambda x, w, b: F.conv_transpose1d(x, w, b, stride=3, output_padding=2), [_spread(2, 2, 3), _spread(2, 2, 2),
                                                                                    _spread(2)]),
        (lambda x, w, b: F.conv_transpose3d(x, w, b, stride=(2, 1, 2), padding=(1, 0, 0), output_padding=(1, 0, 1)),
         [_spread(1, 2, 2, 3, 2), _spread(2, 2, 3, 2, 2), _spread(2)]),
        (lambda x, w: F.conv_transpose2d(x, w, stride=(1, 2), dilation=3, output_padding=(2, 2)),
         [_spread(1, 2, 2, 3), _spread(2, 2, 2, 2)]),
    ],
    "convolution_transpose_backward_input": [
        (lambda g, w: TensorXP.call("convolution_transpose_backward_input", (g, w), _CFG, (2, 4, 3, 2)),
         [_spread(2, 2, 5, 3), _spread(4, 1, 2, 2)]),
        (lambda g, w: TensorXP.call("convolution_transpose_backward_input", (g, w), _CFG, (2, 4, 2, 2)),
         [_spread(2, 2, 5, 3), _spread(4, 1, 2, 2)])],
    "upsample_nearest1d": [(_up("nearest", scale_factor=2), [_spread(2, 2, 3)]),
                           (_up("nearest", size=5), [_spread(1, 2, 3)])],
    "upsample_nearest2d": [(_up("nearest", scale_factor=2), [_spread(1, 2, 2, 3)]),
                           (_up("nearest", size=(3, 5)), [_spread(2, 1, 2, 3)])],
    "upsample_nearest_exact1d": [(_up("nearest-exact", size=5), [_spread(2, 2, 3)])],
    "upsample_nearest_exact2d": [(_up("nearest-exact", scale_factor=1.5), [_spread(1, 2, 2, 3)])],
    "upsample_linear1d": [(_up("linear", scale_factor=2.5), [_spread(2, 2, 3)]),
                          (_up("linear", size=4, align_corners=True), [_spread(1, 2, 3)])],
    "upsample_bilinear2d": [(_up("bilinear", scale_factor=2), [_spread(1, 2, 2, 3)]),
                            (_up("bilinear", size=(3, 5), align_corners=True), [_spread(2, 1, 2, 3)])],
    "upsample_nearest1d_backward": [
        (lambda g: TensorXP.call("upsample_nearest1d_backward", (g,), _NEAR[:1], (2, 2, 3)), [_spread(2, 2, 5)])],
    "upsample_nearest2d_backward": [
        (lambda g: TensorXP.call("upsample_nearest2d_backward", (g,), _NEAR, (1, 2, 3, 2)), [_spread(1, 2, 5, 4)])],
    "upsample_nearest_exact1d_backward": [
        (lambda g: TensorXP.call("upsample_nearest_exact1d_backward", (g,), _NEAR[1:], (2, 1, 2)),
         [_spread(2, 1, 4)])],
    "upsample_nearest_exact2d_backward": [
        (lambda g: TensorXP.call("upsample_nearest_exact2d_backward", (g,), _NEAR, (1, 1, 3, 2)),
         [_spread(1, 1, 5, 4)])],
    "upsample_linear1d_backward": [
        (lambda g: TensorXP.call("upsample_linear1d_backward", (g,), _LIN[:1], (2, 2, 3)), [_spread(2, 2, 5)])],
    "upsample_bilinear2d_backward": [
        (lambda g: TensorXP.call("upsample_bilinear2d_backward", (g,), _LIN, (1, 2, 3, 2)), [_spread(1, 2, 5, 3)])],
}

_PACK = torch.nn.utils.rnn.pack_padded_sequence
ROWS_EXTRA["pack_padded_sequence"] = [
    (lambda x: _PACK(x, [3, 2, 1]).data, [_spread(3, 3, 2)]),
    (lambda x: _PACK(x, [1, 3], batch_first=True, enforce_sorted=False).data, [_spread(2, 3)]),
]

ROWS_EXTRA["pixel_shuffle"] = [(lambda x: F.pixel_shuffle(x, 2), [_spread(1, 8, 2, 3)]),
                               (lambda x: torch.pixel_shuffle(x, 3), [_spread(9, 1, 2)])]
ROWS_EXTRA["pixel_unshuffle"] = [(lambda x: F.pixel_unshuffle(x, 2), [_spread(2, 1, 4, 2)])]

_CUBIC = (cubic_taps(3, 5, False, None, np.float64), cubic_taps(2, 3, True, None, np.float64))
ROWS_EXTRA["upsample_bicubic2d"] = [(_up("bicubic", scale_factor=2), [_spread(1, 2, 2, 3)]),
                                    (_up("bicubic", size=(3, 5), align_corners=True), [_spread(2, 1, 4, 3)])]
ROWS_EXTRA["upsample_bicubic2d_backward"] = [
    (lambda g: TensorXP.call("upsample_bicubic2d_backward", (g,), _CUBIC, (1, 2, 3, 2)), [_spread(1, 2, 5, 3)])]

# 3-d (5-D input): taps for (D, H, W)
_NEAR3 = (nearest_taps(2, 3, None, False), nearest_taps(3, 5, None, False), nearest_taps(2, 4, 2.0, False))
_EXACT3 = (nearest_taps(2, 3, None, True), nearest_taps(3, 5, None, True), nearest_taps(2, 3, None, True))
_LIN3 = (linear_taps(2, 3, False, None, np.float64), linear_taps(3, 5, False, None, np.float64),
         linear_taps(2, 3, True, None, np.float64))
ROWS_EXTRA.update({
    "upsample_nearest3d": [(_up("nearest", scale_factor=2), [_spread(1, 1, 2, 2, 3)]),
                           (_up("nearest", size=(3, 5, 2)), [_spread(1, 2, 2, 3, 2)])],
    "upsample_nearest_exact3d": [(_up("nearest-exact", size=(3, 2, 5)), [_spread(1, 1, 2, 3, 2)])],
    "upsample_trilinear3d": [(_up("trilinear", scale_factor=2), [_spread(1, 1, 2, 2, 3)]),
                             (_up("trilinear", size=(3, 4, 2), align_corners=True), [_spread(1, 2, 2, 3, 2)])],
    "upsample_nearest3d_backward": [
        (lambda g: TensorXP.call("upsample_nearest3d_backward", (g,), _NEAR3, (1, 1, 2, 3, 2)),
         [_spread(1, 1, 3, 5, 4)])],
    "upsample_nearest_exact3d_backward": [
        (lambda g: TensorXP.call("upsample_nearest_exact3d_backward", (g,), _EXACT3, (1, 1, 2, 3, 2)),
         [_spread(1, 1, 3, 5, 3)])],
    "upsample_trilinear3d_backward": [
        (lambda g: TensorXP.call("upsample_trilinear3d_backward", (g,), _LIN3, (1, 1, 2, 3, 2)),
         [_spread(1, 1, 3, 5, 3)])],
})
