"""Finite-difference rows for engine/ops_more.py (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

_RNG = np.random.default_rng(7)
SHAPES = [(), (2,), (3, 2), (1, 2)]


def spread(shape):
    """Distinct values away from 0 (no ties for running max/min, kth value; no kink of copysign)."""
    n = int(np.prod(shape))
    vals = _RNG.permutation(np.linspace(0.3, 2.0, n + 1))[:n] * _RNG.choice([-1.0, 1.0], n)
    return vals.reshape(shape)


def each(fn, shapes=SHAPES):
    return [(fn, [spread(s)]) for s in shapes]


def pair(fn):
    return [(fn, [spread(a), spread(b)]) for a, b in [((), ()), ((2,), (2,)), ((3, 2), (1, 2)), ((2,), (3, 2))]]


ROWS_EXTRA = {
    "rot90": [(lambda a: torch.rot90(a, k), [spread((3, 2))]) for k in (1, 2, 3)]
    + [(lambda a: a.rot90(1, [2, 0]), [spread((2, 3, 2))])],
    "cummax": [(lambda a: torch.cummax(a, 0).values, [spread(s)]) for s in SHAPES]
    + [(lambda a: a.cummax(1)[0], [spread((3, 2))])],
    "cummin": [(lambda a: torch.cummin(a, -1).values, [spread(s)]) for s in SHAPES],
    "kthvalue": [(lambda a: torch.kthvalue(a, 1).values, [spread(s)]) for s in SHAPES]
    + [(lambda a: a.kthvalue(2, 0, keepdim=True).values, [spread((3, 2))])],
    "mode": [(lambda a: torch.mode(a).values, [spread(s)]) for s in SHAPES]
    + [(lambda a: a.mode(0, keepdim=True).values, [spread((3, 2))])],
    "aminmax_min": [(lambda a: torch.aminmax(a).min, [spread(s)]) for s in SHAPES]
    + [(lambda a: torch.aminmax(a, dim=1, keepdim=True).min, [spread((3, 2))])],
    "aminmax_max": [(lambda a: torch.aminmax(a).max, [spread(s)]) for s in SHAPES]
    + [(lambda a: torch.aminmax(a, dim=0).max, [spread((3, 2))])],
    "nansum": each(lambda a: torch.nansum(a)) + [(lambda a: a.nansum(1, keepdim=True), [spread((3, 2))]),
                                                 (lambda a: torch.nanmean(a, 0), [spread((3, 2))])],
    "deg2rad": each(torch.deg2rad), "rad2deg": each(torch.rad2deg), "sinc": each(torch.sinc),
    "copysign": pair(torch.copysign), "copysign_scalar": each(lambda a: torch.copysign(a, -1.0)),
    "logaddexp2": pair(torch.logaddexp2),
    "block_diag": [(lambda a, b, c: torch.block_diag(a, b, c), [spread((3, 2)), spread((2,)), spread(())]),
                   (lambda a: torch.block_diag(a), [spread((1, 2))])],
}

_SDPA = torch.nn.functional.scaled_dot_product_attention
ROWS_EXTRA["safe_softmax"] = [
    (lambda q, k, v: _SDPA(q, k, v), [spread((2, 3, 2)), spread((2, 4, 2)), spread((2, 4, 3))]),
    (lambda q, k, v: _SDPA(q, k, v, is_causal=True, scale=0.7), [spread((3, 2)), spread((3, 2)), spread((3, 2))]),
]

_I = torch.tensor
ROWS_EXTRA.update({
    "unfold": [(lambda a: a.unfold(0, 2, 1), [spread((3, 2))]), (lambda a: a.unfold(-1, 2, 2), [spread((2, 5))])],
    "index_add": [(lambda a, s: a.index_add(0, _I([2, 0, 2]), s, alpha=1.5), [spread((3, 2)), spread((3, 2))]),
                  (lambda a, s: (a * 1).index_add_(1, _I([1]), s), [spread((3, 2)), spread((3, 1))])],
    "index_fill": [(lambda a: a.index_fill(1, _I([0]), 0.5), [spread((3, 2))])],
    "index_fill_t": [(lambda a, v: a.index_fill(0, _I([0, 2]), v), [spread((3, 2)), spread(())])],
    "index_copy": [(lambda a, s: a.index_copy(0, _I([2, 0]), s), [spread((3, 2)), spread((2, 2))])],
    "squeeze_all_inplace": [(lambda a: (a * 1).squeeze_(), [spread((1, 2))])],
    "squeeze_dims_inplace": [(lambda a: (a * 1).squeeze_((0,)), [spread((1, 2))])],
    "unsqueeze_inplace": [(lambda a: (a * 1).unsqueeze_(1), [spread((3, 2))])],
    "transpose_inplace": [(lambda a: (a * 1).transpose_(0, 1), [spread((3, 2))])],
    "t_inplace": [(lambda a: (a * 1).t_(), [spread(s)]) for s in [(2,), (3, 2)]],
})
for _name in ("eq", "ne", "lt", "le", "gt", "ge"):
    ROWS_EXTRA[f"{_name}_number"] = [(lambda a, m=_name + "_": getattr(a * 1, m)(0.25) * a, [spread((3, 2))])]
    ROWS_EXTRA[f"{_name}_tensor"] = [(lambda a, b, m=_name + "_": getattr(a * 1, m)(b) * a,
                                      [spread((3, 2)), np.array([[0.111, -0.222]])])]
