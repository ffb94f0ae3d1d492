"""Finite-difference rows for the ninth probe's ops (PyTorch's docstring examples, /work/notes/probe_report9.md):
narrow_copy and the *_scatter functions of views (engine/view_scatter.py), nextafter (engine/ops_float_parts.py)
renorm (engine/renorm.py), clamp with tensor bounds and fmax / fmin (engine/ops_math.py); collected by test_gradcheck.ROWS."""
import numpy as np

from autograd_magic import torch

_RNG = np.random.default_rng(9)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


ROWS_EXTRA = {
    "narrow_copy": [(lambda a: torch.narrow_copy(a, 0, 1, 2), [_spread(3, 2)]),
                    (lambda a: a.narrow_copy(-1, 0, 2) * a[:, 1:], [_spread(2, 3)])],
    "slice_scatter": [(lambda a, s: torch.slice_scatter(a, s, 0, 1, 3), [_spread(4, 2), _spread(2, 2)]),
                      (lambda a, s: a.slice_scatter(s, dim=1, start=0, step=2), [_spread(2, 4), _spread(2, 2)])],
    "select_scatter": [(lambda a, s: torch.select_scatter(a, s, 1, -1), [_spread(3, 2), _spread(3)])],
    "diagonal_scatter": [(lambda a, s: torch.diagonal_scatter(a, s), [_spread(3, 3), _spread(3)]),
                         (lambda a, s: a.diagonal_scatter(s, 1, 0, 2), [_spread(2, 2, 3), _spread(2, 2)])],
    "as_strided_scatter": [(lambda a, s: torch.as_strided_scatter(a, s, (2, 2), (1, 2), 1),
                            [_spread(3, 3), _spread(2, 2)])],
    "nextafter": [(lambda a, b: torch.nextafter(a, b), [_spread(3, 2), _spread(3, 2) * 2]),
                  (lambda a, b: torch.nextafter(a, b) * a, [_spread(3), np.array([0.3])])],
    "renorm": [(lambda a: torch.renorm(a, 2, 0, 1.0), [_spread(3, 2) * 1.5]),
               (lambda a: torch.renorm(a, 1, 1, 2.0), [_spread(2, 3) * 2]),
               (lambda a: torch.renorm(a, 3, -1, 0.7), [_spread(2, 2, 2)]),
               (lambda a: a.renorm(float("inf"), 0, 0.8), [_RNG.standard_normal((3, 3))])],
    "clamp_tensor": [(lambda a, lo, hi: torch.clamp(a, lo, hi),
                      [np.array([-1.2, 0.3, 0.8, 2.1, 3.3]), np.array([0.1, 0.5, 1.2, 1.1, 4.0]),
                       np.array([1.0, 0.9, 0.2, 2.0, 3.6])])],
    "clamp_tensor_min": [(lambda a, lo: torch.clamp(a, min=lo), [_spread(3, 2), _spread(2) * 0.7])],
    "clamp_tensor_max": [(lambda a, hi: a.clamp(max=hi), [_spread(2, 3), _spread(2, 1) * 0.5])],
    "clamp_min_tensor": [(lambda a, lo: torch.clamp_min(a, lo), [_spread(4), _spread(4)[::-1].copy() * 0.9])],
    "fmax": [(lambda a, b: torch.fmax(a, b), [_spread(3, 2), _spread(3, 2)[::-1].copy() * 0.8]),
             (lambda a, b: a.fmax(b), [_spread(2, 3), _spread(3) * 0.6])],
    "fmin": [(lambda a, b: torch.fmin(a, b), [_spread(3, 2), _spread(3, 2)[::-1].copy() * 0.8])],
    "clamp_max_tensor": [(lambda a, hi: a.clamp_max(hi), [_spread(4), _spread(4)[::-1].copy() * 0.9])],
}
