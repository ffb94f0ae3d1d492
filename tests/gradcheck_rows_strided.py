"""Finite-difference rows for engine/ops_strided.py: as_strided, unfold (a view) and index_reduce (collected by
test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP

_RNG = np.random.default_rng(31)


def _spread(*shape):
    """Values away from 0 (no zero for prod), distinct across calls too (no ties for amax/amin)."""
    n = int(np.prod(shape))
    return (_RNG.uniform(0.4, 2.0, n) * _RNG.choice([-1.0, 1.0], n)).reshape(shape)


_IDX = torch.tensor([0, 2, 0])

ROWS_EXTRA = {
    "as_strided": [
        (lambda a: (a * 1).as_strided((2, 2), (1, 2), 1), [_spread(6)]),
        (lambda a: torch.as_strided(a, (3, 2), (1, 1)), [_spread(2, 3)]),               # overlapping windows
        (lambda a: a.expand(3, 4).as_strided((2, 2), (1, 1)), [_spread(4)]),             # an expanded input
    ],
    "unfold_backward": [
        # (what unfold(0, 2, 1)'s gradient calls under create_graph=True: the windows added back into 4 places)
        (lambda g: TensorXP.call("unfold_backward", (g,), (np.arange(3)[:, None] + np.arange(2),), (4,)),
         [_spread(3, 2)]),
    ],
    "index_reduce": [
        (lambda a, s: a.index_reduce(0, _IDX, s, "prod"), [_spread(3, 2), _spread(3, 2)]),
        (lambda a, s: a.index_reduce(1, _IDX, s, "prod", include_self=False), [_spread(2, 3), _spread(2, 3)]),
        (lambda a, s: a.index_reduce(0, _IDX, s, "mean"), [_spread(3, 2), _spread(3, 2)]),
        (lambda a, s: a.index_reduce(0, _IDX, s, "mean", include_self=False), [_spread(3), _spread(3)]),
        (lambda a, s: a.index_reduce(0, _IDX, s, "amax"), [_spread(3, 2), _spread(3, 2)]),
        (lambda a, s: a.index_reduce(0, _IDX, s, "amin", include_self=False), [_spread(3, 2), _spread(3, 2)]),
    ],
}
