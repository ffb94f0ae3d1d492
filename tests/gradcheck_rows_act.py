"""Finite-difference rows for the activations of engine/ops_act.py (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

F = torch.nn.functional
_RNG = np.random.default_rng(7)
_SHAPES = [(), (2,), (3, 2), (1, 2)]


def _spread(shape, scale=2.0):
    """Values away from 0, from +-1, +-3 and from each other (no kink is straddled)."""
    n = int(np.prod(shape))
    return _RNG.permutation(np.linspace(-scale, scale, n + 1) + 0.13)[:n].reshape(shape)


def _unary(fn, scale=2.0):
    return [(fn, [_spread(s, scale)]) for s in _SHAPES]


ROWS_EXTRA = {
    "hardtanh": _unary(F.hardtanh) + _unary(lambda a: F.hardtanh(a, -0.5, 1.7)),
    "mish": _unary(F.mish, 4.0),
    "hardsigmoid": _unary(F.hardsigmoid, 4.0),
    "hardswish": _unary(F.hardswish, 4.0),
    "log_sigmoid": _unary(F.logsigmoid, 4.0),
    "softshrink": _unary(F.softshrink) + _unary(lambda a: F.softshrink(a, 0.2)),
    "selu": _unary(F.selu),
    "selu_": _unary(lambda a: F.selu(a * 1.0, inplace=True)),
    "celu": _unary(lambda a: F.celu(a, 0.7)),
    "celu_": _unary(lambda a: F.celu(a * 1.0, 1.3, inplace=True)),
    "threshold": _unary(lambda a: F.threshold(a, 0.4, -2.0)),
    "threshold_": _unary(lambda a: F.threshold(a * 1.0, 0.4, -1.0, inplace=True)),
    "rrelu_with_noise": _unary(F.rrelu),
    "rrelu_with_noise_": _unary(lambda a: F.rrelu(a * 1.0, 0.2, 0.5, inplace=True)),
    "glu": [(F.glu, [_spread((2,))]), (F.glu, [_spread((3, 2))]), (lambda a: F.glu(a, 0), [_spread((4, 3))]),
            (lambda a: F.glu(a, 1), [_spread((1, 2))])],
    "prelu": [(F.prelu, [_spread((3, 2)), np.array([0.3, -0.2])]), (F.prelu, [_spread((2,)), np.array([0.25])]),
              (F.prelu, [_spread((2, 3, 2)), np.array([0.4])]), (F.prelu, [_spread((1, 2)), np.array([0.1, 0.7])])],
}


def _rows(shape):
    """Rows of points, distinct in every coordinate (no zero distance, no tie of the largest |difference|)."""
    n = int(np.prod(shape))
    return (_RNG.permutation(n) * 0.37 - 1.1 + _RNG.uniform(0, 0.05, n)).reshape(shape)


_CD = [((2, 3), (3, 3)), ((1, 2), (2, 2)), ((2, 2, 2), (2, 3, 2)), ((3, 1), (2, 1))]

ROWS_EXTRA.update({
    "_cdist_forward": [(lambda a, b, p=p: torch.cdist(a, b, p), [_rows(s1), _rows(s2)])
                       for p in (2.0, 1.0, 3.0, 1.5, float("inf")) for s1, s2 in _CD[:2]]
    + [(lambda a, b: torch.cdist(a, b), [_rows(s1), _rows(s2)]) for s1, s2 in _CD[2:]],
    "_euclidean_dist": [(lambda a, b: torch.cdist(a, b, compute_mode="use_mm_for_euclid_dist"), [_rows(s1), _rows(s2)])
                        for s1, s2 in _CD],
})

def _seeded(fn):
    """fn after manual_seed(0): every evaluation of the finite differences draws the same slopes."""
    def f(a):
        torch.manual_seed(0)
        return fn(a)
    return f


ROWS_EXTRA.update({
    "rrelu_train": _unary(_seeded(lambda a: F.rrelu(a, 0.1, 0.4, training=True))),
    "rrelu_train_": _unary(_seeded(lambda a: F.rrelu(a * 1.0, 0.2, 0.3, training=True, inplace=True))),
})
