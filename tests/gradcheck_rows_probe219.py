"""Finite-difference rows for the node F.grid_sample's gradients make under create_graph=True (the two-hundred-and-
nineteenth probe; engine/grid_double.py: grid_sampler_2d_backward / grid_sampler_3d_backward, one several-output node
over grad_output, input and grid), each called through its forward's vjp with all three inputs differentiated;
collected by test_gradcheck.ROWS."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP
from autograd_magic.engine.ops_grid import grid_sampler_2d_vjp
from autograd_magic.engine.ops_grid3d import grid_sampler_3d_vjp

_RNG = np.random.default_rng(219)


def _spread(*shape, lo=-2.0, hi=2.0):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(lo, hi, n)) + 0.013).reshape(shape)


def _grid(*shape, scale=1.0):
    """Grid values whose pixel positions stay away from whole pixels (the weights' kinks)."""
    return (_spread(*shape, lo=-1.3, hi=1.3) + 0.021) * scale


def _both(vjp, consts):
    """(grad_output, input, grid) -> grad_input and twice grad_grid, flattened into one tensor."""
    def fn(g, x, grid):
        gi, gg = vjp(TensorXP, g, (x, grid), consts, (True, True))
        return torch.cat([gi.reshape(-1), gg.reshape(-1) * 2])
    return fn


def _row2d(mode, padding, align, x_shape, grid_shape, scale=1.0):
    out_shape = x_shape[:2] + grid_shape[1:3]
    return (_both(grid_sampler_2d_vjp, (mode, padding, align, False)),
            [_spread(*out_shape), _spread(*x_shape), _grid(*grid_shape, scale=scale)])


def _row3d(mode, padding, align, x_shape, grid_shape, scale=1.0):
    out_shape = x_shape[:2] + grid_shape[1:4]
    return (_both(grid_sampler_3d_vjp, (mode, padding, align)),
            [_spread(*out_shape), _spread(*x_shape), _grid(*grid_shape, scale=scale)])


ROWS_EXTRA = {
    "grid_sampler_2d_backward": [_row2d(0, 0, False, (1, 2, 3, 4), (1, 2, 3, 2)),
                                 _row2d(0, 2, True, (1, 1, 3, 3), (1, 2, 2, 2), 1.4),
                                 _row2d(2, 1, False, (1, 1, 4, 4), (1, 2, 1, 2)),
                                 _row2d(1, 0, False, (1, 2, 3, 4), (1, 2, 2, 2))],
    "grid_sampler_3d_backward": [_row3d(0, 0, False, (1, 2, 2, 3, 2), (1, 2, 1, 1, 3)),
                                 _row3d(0, 1, True, (1, 1, 2, 2, 3), (1, 1, 2, 1, 3), 1.3)],
}
