"""Finite-difference rows for engine/ops_pad.py (F.pad's four modes; collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

F = torch.nn.functional
_RNG = np.random.default_rng(5)


def _spread(*shape):
    n = int(np.prod(shape))
    return _RNG.permutation(np.linspace(-2.0, 2.0, n) + 0.013)[:n].reshape(shape)


def _pad(pad, mode, **kw):
    return lambda x: F.pad(x, pad, mode, **kw)


ROWS_EXTRA = {
    "constant_pad_nd": [(_pad((1, 2), "constant"), [_spread(3)]), (_pad((1, -1, 0, 2), "constant", value=0.5),
                                                                     [_spread(3, 2)]),
                        (_pad((1, 1, 1, 1, 1, 0), "constant"), [_spread(1, 2, 2)])],
    "reflection_pad1d": [(_pad((2, 1), "reflect"), [_spread(2, 4)]), (_pad((1, -1), "reflect"), [_spread(1, 2, 3)])],
    "reflection_pad2d": [(_pad((1, 2, 2, 1), "reflect"), [_spread(1, 3, 4)])],
    "reflection_pad3d": [(_pad((1, 1, 1, 0, 1, 1), "reflect"), [_spread(2, 2, 3, 2)])],
    "replication_pad1d": [(_pad((3, 1), "replicate"), [_spread(2, 3)])],
    "replication_pad2d": [(_pad((2, 1, 0, 3), "replicate"), [_spread(1, 2, 2, 3)])],
    "replication_pad3d": [(_pad((1, 2, 0, 1, 2, 0), "replicate"), [_spread(2, 2, 2, 2)])],
    "circular_pad": [(_pad((2, 1), "circular"), [_spread(2, 3)]), (_pad((1, 1, 2, 0), "circular"), [_spread(2, 3, 2)])],
}
