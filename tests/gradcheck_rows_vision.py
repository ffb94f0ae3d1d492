"""Finite-difference rows for engine/ops_grid.py (affine_grid_generator, grid_sampler_2d), ops_grid3d.py (grid_sampler_3d), engine/ops_fold.py
(im2col, col2im) and engine/ops_margin.py (soft_margin_loss, multi_margin_loss, logcumsumexp) (collected by
test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

F = torch.nn.functional
_RNG = np.random.default_rng(11)


def _spread(*shape, lo=-2.0, hi=2.0):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(lo, hi, n)) + 0.013).reshape(shape)


def _grid(*shape):
    """Grid values whose pixel positions stay away from whole pixels (the weights' kinks)."""
    return _spread(*shape, lo=-1.3, hi=1.3) + 0.021


def _sample(mode="bilinear", padding="zeros", align=False):
    return lambda x, g: F.grid_sample(x, g, mode=mode, padding_mode=padding, align_corners=align)


_T = torch.tensor
_NEAREST_GRID = _grid(1, 2, 3, 2)
_NEAREST_GRID_3D = _grid(1, 1, 2, 2, 3)
ROWS_EXTRA = {
    "affine_grid_generator": [
        (lambda th: F.affine_grid(th, (2, 1, 3, 4), align_corners=False), [_spread(2, 2, 3)]),
        (lambda th: F.affine_grid(th, (1, 3, 2, 5), align_corners=True), [_spread(1, 2, 3)]),
        (lambda th: F.affine_grid(th, (2, 1, 2, 3, 2), align_corners=False), [_spread(2, 3, 4)]),
        (lambda th: F.affine_grid(th, (1, 2, 3, 2, 2), align_corners=True), [_spread(1, 3, 4)])],
    "grid_sampler_2d": [
        (_sample(), [_spread(1, 2, 3, 4), _grid(1, 2, 3, 2)]),
        (_sample(padding="border", align=True), [_spread(2, 1, 3, 3), _grid(2, 2, 2, 2)]),
        (_sample(padding="reflection"), [_spread(1, 1, 4, 3), _grid(1, 3, 2, 2) * 1.4]),
        (_sample(padding="reflection", align=True), [_spread(1, 2, 3, 3), _grid(1, 2, 2, 2) * 1.6]),
        (lambda x: F.grid_sample(x, _T(_NEAREST_GRID), mode="nearest", align_corners=False),
         [_spread(1, 2, 3, 4)])],
    "grid_sampler_3d": [
        (_sample(), [_spread(1, 2, 2, 3, 2), _grid(1, 2, 2, 1, 3)]),
        (_sample(padding="border", align=True), [_spread(2, 1, 2, 2, 3), _grid(2, 1, 2, 2, 3)]),
        (_sample(padding="reflection"), [_spread(1, 1, 3, 2, 2), _grid(1, 2, 1, 2, 3) * 1.4]),
        (lambda x: F.grid_sample(x, _T(_NEAREST_GRID_3D), mode="nearest", align_corners=True),
         [_spread(1, 2, 2, 3, 2)])],
    "im2col": [(lambda x: F.unfold(x, 2), [_spread(1, 2, 3, 3)]),
               (lambda x: F.unfold(x, (2, 1), dilation=(1, 2), padding=1, stride=(2, 1)), [_spread(2, 1, 3, 4)]),
               (lambda x: F.unfold(x, 2, stride=2), [_spread(2, 4, 4)])],
    "col2im": [(lambda c: F.fold(c, (3, 3), 2), [_spread(1, 8, 4)]),
               (lambda c: F.fold(c, (4, 3), (2, 1), dilation=(1, 2), padding=1, stride=(2, 1)), [_spread(2, 2, 15)]),
               (lambda c: F.fold(c, 4, 2, stride=2), [_spread(4, 4)])],
    "soft_margin_loss": [
        (lambda x: F.soft_margin_loss(x, _T(np.where(np.arange(x.numel()) % 3 == 1, -1.0, 1.0)).reshape(x.shape)),
         [_spread(*s)]) for s in [(3,), (3, 2)]] + [
        (lambda x: F.soft_margin_loss(x, _T([[1., -1.], [-1., 1.], [1., 1.]], dtype=torch.float64),
                                      reduction="none"), [_spread(3, 2)])],
    "multi_margin_loss": [
        (lambda x: F.multi_margin_loss(x, _T([1, 0, 2]), margin=2.0), [_spread(3, 3) * 0.3]),
        (lambda x: F.multi_margin_loss(x, _T([2, 0]), weight=_T([0.5, 2.0, 1.0], dtype=torch.float64),
                                       reduction="none"), [_spread(2, 3) * 0.3]),
        (lambda x: F.multi_margin_loss(x, _T([1]), reduction="sum"), [_spread(4) * 0.3])],
    "logcumsumexp": [(lambda a: torch.logcumsumexp(a, 0), [_spread(*s)]) for s in [(2,), (3, 2)]] + [
        (lambda a: a.logcumsumexp(-1), [_spread(3, 2)])],
}
