"""Finite-difference rows for engine/ops_conv.py and ops_norm.py (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP

F = torch.nn.functional
_RNG = np.random.default_rng(2)


def _spread(*shape):
    """Distinct values away from each other (no tie of max pooling is straddled by the finite differences)."""
    n = int(np.prod(shape))
    return _RNG.permutation(np.linspace(-2.0, 2.0, n) + 0.013)[:n].reshape(shape)


# (stride, pad_lo, pad_hi, dilation, groups, nd): as F.conv2d builds it
_CFG = ((2, 1), (1, 0), (1, 2), (1, 2), 2, 2)
_X, _W = (2, 4, 5, 6), (4, 2, 2, 3)
_OUT = (2, 4, 3, 2)  # F.conv2d(x, w, stride=(2, 1), padding=..., dilation=(1, 2), groups=2) output with _CFG


def _bn(x, w, b):
    return F.batch_norm(x, None, None, w, b, training=True)


def _bn_eval(x, w):
    return F.batch_norm(x, torch.tensor([0.1, -0.2, 0.3], dtype=torch.float64),
                        torch.tensor([0.5, 1.5, 2.0], dtype=torch.float64), w, None, training=False)


ROWS_EXTRA = {
    "convolution": [
        (lambda x, w, b: F.conv2d(x, w, b), [_spread(2, 3, 4, 5), _spread(2, 3, 2, 3), _spread(2)]),
        (lambda x, w: F.conv2d(x, w, stride=(2, 1), padding=1, dilation=(1, 2), groups=2),
         [_spread(2, 4, 5, 6), _spread(4, 2, 2, 3)]),
        (lambda x, w: F.conv2d(x, w, padding="same"), [_spread(1, 2, 4, 4), _spread(3, 2, 2, 3)]),
        (lambda x, w, b: F.conv1d(x, w, b, stride=2, padding=1), [_spread(2, 3, 7), _spread(2, 3, 3), _spread(2)]),
        (lambda x, w, b: F.conv3d(x, w, b, stride=(1, 2, 1), padding=(1, 0, 1), dilation=(2, 1, 1)),
         [_spread(1, 2, 3, 4, 3), _spread(2, 2, 2, 2, 2), _spread(2)]),
        (lambda x, w: F.conv3d(x, w, groups=2, padding="same"), [_spread(1, 2, 3, 3, 2), _spread(2, 1, 2, 3, 2)]),
    ],
    "convolution_backward_input": [
        (lambda g, w: TensorXP.call("convolution_backward_input", (g, w), _CFG, _X),
         [_spread(2, 4, 3, 4), _spread(*_W)])],
    "convolution_backward_weight": [
        (lambda x, g: TensorXP.call("convolution_backward_weight", (x, g), _CFG, _W),
         [_spread(*_X), _spread(2, 4, 3, 4)])],
    "max_pool2d": [
        (lambda x: F.max_pool2d(x, 2), [_spread(2, 2, 4, 4)]),
        (lambda x: F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), [_spread(1, 2, 5, 6)]),
        (lambda x: F.max_pool2d(x, (2, 2), stride=1, dilation=(1, 2)), [_spread(2, 4, 5)]),
    ],
    "max_pool2d_backward": [
        (lambda g: TensorXP.call("max_pool2d_backward", (g,), np.array([[[[0, 3], [4, 6]]]]), (1, 1, 3, 3), True),
         [_spread(1, 1, 2, 2)])],
    "avg_pool2d": [
        (lambda x: F.avg_pool2d(x, 2), [_spread(2, 2, 4, 4)]),
        (lambda x: F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False), [_spread(1, 2, 5, 6)]),
        (lambda x: F.avg_pool2d(x, (2, 3), 1, divisor_override=4), [_spread(2, 4, 5)]),
    ],
    "avg_pool2d_backward": [
        (lambda g: TensorXP.call("avg_pool2d_backward", (g,), ((2, 2), (2, 2), (1, 1), (1, 1), False, (2, 2)),
                                 True, None, (1, 2, 3, 3)), [_spread(1, 2, 2, 2)])],
    "adaptive_avg_pool2d": [(lambda x: F.adaptive_avg_pool2d(x, (2, 3)), [_spread(2, 2, 5, 4)])],
    "adaptive_max_pool2d": [(lambda x: F.adaptive_max_pool2d(x, (2, 3)), [_spread(2, 2, 5, 4)]),
                            (lambda x: F.adaptive_max_pool2d(x, 3), [_spread(1, 7, 5)])],
    "adaptive_avg_pool2d_backward": [
        (lambda g: TensorXP.call("adaptive_avg_pool2d_backward", (g,), (2, 3), (1, 2, 5, 4)),
         [_spread(1, 2, 2, 3)])],
    "native_batch_norm": [
        (_bn, [_spread(4, 3, 2, 2), _spread(3), _spread(3)]),
        (lambda x: F.batch_norm(x, None, None, training=True), [_spread(5, 3)]),
        (_bn_eval, [_spread(2, 3, 4), _spread(3)]),
    ],
    "native_layer_norm": [
        (lambda x, w, b: F.layer_norm(x, (2, 3), w, b), [_spread(3, 2, 3), _spread(2, 3), _spread(2, 3)]),
        (lambda x: F.layer_norm(x, 4), [_spread(3, 4)]),
    ],
    "adaptive_max_pool2d_backward": [
        (lambda g: TensorXP.call("adaptive_max_pool2d_backward", (g,), np.array([[[[0, 4], [6, 8]]]]),
                                 (1, 1, 3, 3), True), [_spread(1, 1, 2, 2)])],
    "max_pool3d": [
        (lambda x: F.max_pool3d(x, 2), [_spread(1, 2, 4, 4, 2)]),
        (lambda x: F.max_pool3d(x, (3, 2, 2), stride=(2, 1, 1), padding=(1, 0, 1), ceil_mode=True),
         [_spread(2, 4, 3, 3)]),
    ],
    "max_pool3d_backward": [
        (lambda g: TensorXP.call("max_pool3d_backward", (g,), np.array([[[[[0, 3]], [[13, 17]]]]]), (1, 1, 3, 2, 3),
                                 True), [_spread(1, 1, 2, 1, 2)])],
    "avg_pool3d": [
        (lambda x: F.avg_pool3d(x, 2), [_spread(1, 2, 4, 4, 2)]),
        (lambda x: F.avg_pool3d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False), [_spread(2, 4, 3, 4)]),
        (lambda x: F.avg_pool3d(x, (2, 1, 2), 1, divisor_override=3), [_spread(1, 3, 2, 3)]),
    ],
    "avg_pool3d_backward": [
        (lambda g: TensorXP.call("avg_pool3d_backward", (g,), ((2, 2, 2), (2, 2, 2), (1, 1, 1), (1, 1, 1), False,
                                                             (2, 2, 2)), True, None, (1, 1, 3, 3, 3)),
         [_spread(1, 1, 2, 2, 2)])],
    "adaptive_avg_pool3d": [(lambda x: F.adaptive_avg_pool3d(x, (2, 3, 2)), [_spread(1, 2, 3, 5, 4)])],
    "adaptive_avg_pool3d_backward": [
        (lambda g: TensorXP.call("adaptive_avg_pool3d_backward", (g,), (2, 3, 2), (1, 2, 3, 5, 4)),
         [_spread(1, 2, 2, 3, 2)])],
    "adaptive_max_pool3d": [(lambda x: F.adaptive_max_pool3d(x, (2, 3, 2)), [_spread(1, 2, 3, 5, 4)]),
                            (lambda x: F.adaptive_max_pool3d(x, 2), [_spread(2, 3, 3, 2)])],
    "adaptive_max_pool3d_backward": [
        (lambda g: TensorXP.call("adaptive_max_pool3d_backward", (g,), np.array([[[[[0, 4]], [[10, 26]]]]]),
                                 (1, 1, 3, 3, 3), True), [_spread(1, 1, 2, 1, 2)])],
}
