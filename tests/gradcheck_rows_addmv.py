"""Finite-difference rows for engine/ops_addmv.py, ops_put.py and nanmedian (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

_RNG = np.random.default_rng(23)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


ROWS_EXTRA = {
    "addmv": [
        (lambda c, m, v: torch.addmv(c, m, v), [_spread(3), _spread(3, 2), _spread(2)]),
        (lambda c, m, v: torch.addmv(c, m, v, beta=0.5, alpha=-2.0), [_spread(1), _spread(3, 2), _spread(2)]),
    ],
    "addr": [
        (lambda c, u, v: torch.addr(c, u, v), [_spread(3, 2), _spread(3), _spread(2)]),
        (lambda c, u, v: torch.addr(c, u, v, beta=-1.5, alpha=0.5), [_spread(2), _spread(3), _spread(2)]),
    ],
    "addbmm": [
        (lambda c, a, b: torch.addbmm(c, a, b), [_spread(3, 2), _spread(2, 3, 4), _spread(2, 4, 2)]),
        (lambda c, a, b: torch.addbmm(c, a, b, beta=2.0, alpha=0.5), [_spread(1, 2), _spread(2, 3, 4),
                                                                       _spread(2, 4, 2)]),
    ],
    "addmm_scaled": [
        (lambda c, a, b: torch.addmm(c, a, b, beta=0.5, alpha=2.0), [_spread(3, 2), _spread(3, 4), _spread(4, 2)]),
        (lambda c, a, b: torch.addmm(c, a, b, beta=0.0, alpha=-1.0), [_spread(2), _spread(3, 4), _spread(4, 2)]),
    ],
}

ROWS_EXTRA.update({   # engine/ops_put.py
    "take": [(lambda a: torch.take(a, torch.tensor([[5, 5], [0, -6]])), [_spread(2, 3)])],
    "put": [
        (lambda a, s: a.put(torch.tensor([0, 4]), s), [_spread(2, 3), _spread(2)]),
        (lambda a, s: a.put(torch.tensor([[0], [0]]), s, accumulate=True), [_spread(3), _spread(2, 1)]),
    ],
})

ROWS_EXTRA.update({   # engine/ordering.py's nanmedian (picks like median: rows in ops_tensor's table)
    "nanmedian": [(lambda a: torch.nanmedian(torch.where(a > 1.0, torch.tensor(float("nan"), dtype=a.dtype), a)),
                   [_spread(2, 3)])],
    "nanmedian_dim": [(lambda a: torch.where(a > 1.0, torch.tensor(float("nan"), dtype=a.dtype), a).nanmedian(1)[0],
                       [_spread(2, 3)])],
})
