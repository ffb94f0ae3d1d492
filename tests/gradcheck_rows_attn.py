"""Finite-difference rows for engine/ops_attn.py (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

_RNG = np.random.default_rng(11)
_SDPA = torch.nn.functional.scaled_dot_product_attention


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


_MASK = np.where(_RNG.random((3, 4)) > 0.3, 0.0, -np.inf)
_MASK[:, 0] = 0.0  # no row masked out entirely

ROWS_EXTRA = {
    "baddbmm": [
        (lambda c, a, b: torch.baddbmm(c, a, b), [_spread(2, 3, 4), _spread(2, 3, 2), _spread(2, 2, 4)]),
        (lambda c, a, b: torch.baddbmm(c, a, b, beta=0.5, alpha=-2.0), [_spread(1, 3, 4), _spread(2, 3, 2),
                                                                          _spread(2, 2, 4)]),
    ],
    "sdpa_flash": [
        (lambda q, k, v: _SDPA(q, k, v), [_spread(1, 2, 3, 2), _spread(1, 2, 4, 2), _spread(1, 2, 4, 2)]),
        (lambda q, k, v: _SDPA(q, k, v, is_causal=True, scale=0.6), [_spread(2, 1, 3, 2), _spread(2, 1, 3, 2),
                                                                      _spread(2, 1, 3, 2)]),
        (lambda q, k, v: _SDPA(q, k, v, enable_gqa=True), [_spread(1, 4, 3, 2), _spread(1, 2, 4, 2),
                                                           _spread(1, 2, 4, 2)]),
        (lambda q, k, v: _SDPA(q, k, v, attn_mask=torch.tensor(_MASK)), [_spread(1, 2, 3, 2), _spread(1, 2, 4, 2),
                                                                          _spread(1, 2, 4, 2)]),
    ],
}
