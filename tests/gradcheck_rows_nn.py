"""Finite-difference rows for the ops of engine/ops_nn.py (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP

F = torch.nn.functional
_RNG = np.random.default_rng(1)
_SHAPES = [(), (2,), (3, 2), (1, 2)]


def _spread(shape):
    """Values away from 0 and from each other (no kink of leaky_relu/elu/smooth_l1 is straddled)."""
    n = int(np.prod(shape))
    return _RNG.permutation(np.linspace(-2.0, 2.0, n + 1) + 0.13)[:n].reshape(shape)


def _unary(fn):
    return [(fn, [_spread(s)]) for s in _SHAPES]


def _target(a, shift=0.37):
    return torch.tensor(np.asarray(a.detach().numpy()) * 0.5 + shift, dtype=torch.float64)


ROWS_EXTRA = {
    "hardshrink": [(lambda a: torch.hardshrink(a, 0.5), [np.array(v)])  # values away from the kinks at +-0.5
                   for v in (1.3, [-0.9, 0.2], [[0.1, -1.2], [0.8, -0.3], [0.6, 1.1]])]
    + [(lambda a: a.hardshrink(lambd=0.25), [np.array([[-0.7, 0.1]])])],
    "erf": _unary(lambda a: TensorXP.call("erf", (a,))),
    "leaky_relu": _unary(lambda a: F.leaky_relu(a, 0.1)),
    "elu": _unary(lambda a: F.elu(a, 0.7)),
    "leaky_relu_": _unary(lambda a: F.leaky_relu(a * 1.0, 0.2, inplace=True)),
    "elu_": _unary(lambda a: F.elu(a * 1.0, 0.7, inplace=True)),
    "gelu": _unary(F.gelu) + _unary(lambda a: F.gelu(a, approximate="tanh")),
    "softplus": _unary(F.softplus) + _unary(lambda a: F.softplus(a, beta=2.0, threshold=1.5)),
    "silu": _unary(F.silu),
    "smooth_l1_loss": [(lambda a, b: F.smooth_l1_loss(a, b * 3), [_spread(s), _spread(s)]) for s in _SHAPES]
    + [(lambda a: F.smooth_l1_loss(a, torch.zeros(3, 2, dtype=torch.float64), reduction="none", beta=0.5),
        [_spread((3, 2))])],
    "huber_loss": [(lambda a, b: F.huber_loss(a, b * 3, delta=0.8), [_spread(s), _spread(s)]) for s in _SHAPES]
    + [(lambda a: F.huber_loss(a, torch.zeros(3, 2, dtype=torch.float64), reduction="sum"), [_spread((3, 2))])],
    "embedding": [(lambda w: F.embedding(torch.tensor([[0, 2], [2, 1]]), w), [_spread((3, 2))]),
                  # padding_idx's row gets no gradient: the row's uses are masked out so that the
                  # finite differences agree
                  (lambda w: F.embedding(torch.tensor([0, 2, 0]), w, padding_idx=0)
                   * torch.tensor([[0.0], [1.0], [0.0]], dtype=torch.float64), [_spread((3, 2))])],
    "_embedding_bag": [(lambda w: F.embedding_bag(torch.tensor([0, 2, 1, 3, 3]), w, torch.tensor([0, 2]), mode=m),
                       [_spread((4, 2))]) for m in ("sum", "mean", "max")]
    + [(lambda w: F.embedding_bag(torch.tensor([[0, 2], [2, 1]]), w, mode="sum",
                                  per_sample_weights=torch.tensor([[0.5, 2.0], [1.0, -1.0]], dtype=torch.float64)),
        [_spread((3, 2))])]
    # per_sample_weights as the node's second input (padding_idx's entry gets no gradient)
    + [(lambda w, p: F.embedding_bag(torch.tensor([0, 2, 1, 3, 3]), w, torch.tensor([0, 2]), mode="sum",
                                     per_sample_weights=p, padding_idx=1), [_spread((4, 2)), _spread((5,))])],
}
