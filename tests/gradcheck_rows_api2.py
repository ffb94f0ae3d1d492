"""Finite-difference rows for engine/ops_unpool.py (max_unpool2d, max_unpool3d) and engine/ops_exercise.py
(scatter_reduce, masked_scatter, sgn) (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

F = torch.nn.functional
_RNG = np.random.default_rng(23)
_T = torch.tensor


def _spread(*shape, lo=-2.0, hi=2.0):
    """Distinct values away from 0 and from each other (no ties in amax/amin, no zero factors)."""
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(lo, hi, n)) + 0.013).reshape(shape)


_POOL2D = {n: F.max_pool2d(_T(_spread(n, 3 - n, 4, 4)), 2, return_indices=True)[1] for n in (1, 2)}
_POOL3D = F.max_pool3d(_T(_spread(1, 1, 2, 4, 4)), 2, return_indices=True)[1]


def _unpool2d(x):
    return F.max_unpool2d(x, _POOL2D[x.shape[0]], 2)


def _unpool3d(x):
    return F.max_unpool3d(x, _POOL3D, 2)


_INDEX = _T([0, 1, 0, 1, 2, 1])
_INDEX2 = _T([[0, 2], [1, 0], [0, 0]])


def _reduce(reduce, include_self, index=_INDEX, dim=0):
    return lambda a, s: torch.scatter_reduce(a, dim, index, s, reduce, include_self=include_self)


_MASK = _T([[True, False], [False, True], [True, True]])
ROWS_EXTRA = {
    "max_unpool2d": [(_unpool2d, [_spread(1, 2, 2, 2)]), (_unpool2d, [_spread(2, 1, 2, 2)]),
                     (lambda x: F.max_unpool1d(x, _T([[1, 2, 5]]), 2), [_spread(1, 3)])],
    "max_unpool3d": [(_unpool3d, [_spread(1, 1, 1, 2, 2)])],
    "scatter_reduce": [(_reduce(r, inc), [_spread(4), _spread(6, lo=0.55, hi=1.95)])
                       for r in ("sum", "prod", "mean", "amax", "amin") for inc in (True, False)] + [
        (_reduce("amax", True, _INDEX2, 1), [_spread(3, 3), _spread(3, 2)]),
        (_reduce("mean", False, _INDEX2, 1), [_spread(3, 3), _spread(3, 2)])],
    "masked_scatter": [(lambda a, s: a.masked_scatter(_MASK, s), [_spread(3, 2), _spread(5)]),
                       (lambda a, s: a.masked_scatter(_T([True, False]), s), [_spread(3, 2), _spread(2, 2)])],
    "sgn": [(torch.sgn, [_spread(*s)]) for s in [(), (2,), (3, 2)]] + [(lambda a: a.sgn() * a, [_spread(3)])],
}
