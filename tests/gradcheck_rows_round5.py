"""Finite-difference rows for the fifth probe's ops: the fused weight norm (engine/ops_norm.py) and a float's parts
(engine/ops_float_parts.py: frexp, ldexp) and channel shuffle (engine/ops_shuffle.py); collected by test_gradcheck.ROWS."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP
from autograd_magic.engine.ops_resample import aa_taps

_RNG = np.random.default_rng(5)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


_AA = (aa_taps(5, 2, None, None, np.float64, False), aa_taps(7, 3, None, None, np.float64, False))
_AA3 = (aa_taps(7, 3, None, None, np.float64, True), aa_taps(5, 2, None, None, np.float64, True))

ROWS_EXTRA = {
    "weight_norm_interface": [
        (lambda v, g: torch._weight_norm(v, g, 0), [_spread(3, 4), _spread(3, 1) + 2]),
        (lambda v, g: torch._weight_norm(v, g, 2), [_spread(2, 3, 2), _spread(1, 1, 2) + 2]),
    ],
    "channel_shuffle": [(lambda a: torch.channel_shuffle(a, 3), [_spread(2, 6, 2)]),
                        (lambda a: torch.nn.functional.channel_shuffle(a * a, 2), [_spread(1, 4, 2, 2)])],
    "upsample_bilinear2d_aa": [(lambda a: torch.nn.functional.interpolate(a, size=(2, 3), mode="bilinear",
                                                                           antialias=True), [_spread(1, 2, 5, 7)])],
    "upsample_bilinear2d_aa_backward": [
        (lambda g: TensorXP.call("upsample_bilinear2d_aa_backward", (g,), _AA, (1, 2, 5, 7)), [_spread(1, 2, 2, 3)])],
    "upsample_bicubic2d_aa_backward": [
        (lambda g: TensorXP.call("upsample_bicubic2d_aa_backward", (g,), _AA3, (1, 1, 7, 5)), [_spread(1, 1, 3, 2)])],
    "upsample_bicubic2d_aa": [(lambda a: torch.nn.functional.interpolate(a, size=(3, 2), mode="bicubic",
                                                                           antialias=True), [_spread(1, 1, 7, 5)])],
    "frexp": [(lambda a: torch.frexp(a * 3).mantissa, [_spread(2, 3)])],
    "ldexp": [
        (lambda a: torch.ldexp(a, torch.tensor([[1, -2, 0]])), [_spread(2, 3)]),
        (lambda a, e: torch.ldexp(a, e), [_spread(2, 3), _spread(3)]),
    ],
}
