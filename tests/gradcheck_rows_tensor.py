"""Finite-difference rows for the ops in engine/ops_tensor.py (collected by tests/test_gradcheck.py)."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP

RNG = np.random.default_rng(1)
SHAPES = [(), (2,), (3, 2), (1, 2)]


def spread(shape):
    """Distinct values away from 0 (no ties for sort/median, no kinks)."""
    n = int(np.prod(shape))
    vals = RNG.permutation(np.linspace(0.3, 2.0, n + 1))[:n] * RNG.choice([-1.0, 1.0], n)
    return vals.reshape(shape)


def pos(shape):
    return RNG.uniform(0.5, 1.5, shape)


def each(fn, shapes=SHAPES, gen=spread):
    return [(fn, [gen(s)]) for s in shapes]


IDX = torch.tensor([[0, 2], [1, 0], [2, 2]])


def _scatter_into(a, v):
    return (a * 1.0).scatter(1, torch.tensor([[1], [0], [1]]), v)


ROWS_EXTRA = {
    "vdot": [(lambda a, b: torch.vdot(a, b), [spread((3,)), spread((3,))])],
    "index_put_acc": [(lambda a, v: a.index_put((torch.tensor([1, 1, 0]),), v, accumulate=True) * a,
                       [spread((3, 2)), spread((3, 2))])],
    "copy_into": [(lambda a, b: (a * 2.0).copy_(b) * a, [spread((3, 2)), spread((3, 2))]),
                  (lambda a, b: (a * 2.0).copy_(b), [spread((3, 2)), spread((1, 2))])],
    "fill_tensor": [(lambda a, v: (a * 2.0).fill_(v) * a, [spread((3, 2)), spread(())])],
    "fill_new": [(lambda a: torch.fill(a * 2.0, 1.5) * a, [spread((3, 2))])],
    "fill_tensor_new": [(lambda a, v: torch.fill(a * 2.0, v) * a, [spread((3, 2)), spread(())])],
    "split": [(lambda a: a.split(2)[1] * a.split(2)[0][:1], [spread((3, 2))]), (lambda a: a.chunk(2, 1)[1], [spread((3, 2))])],
    "split_with_sizes": [(lambda a: torch.split(a, [1, 2])[1], [spread((3, 2))])],
    "unbind": [(lambda a: a.unbind(1)[1], [spread((3, 2))]), (lambda a: a.unbind()[0], [spread((2,))])],
    "diagonal": [(lambda a: a.diagonal(), [spread(s)]) for s in [(3, 2), (1, 2)]]
    + [(lambda a: a.diagonal(-1), [spread((3, 2))])],
    "diag": [(lambda a: torch.diag(a, 1), [spread((3, 3))]), (lambda a: torch.diag(a), [spread((3, 2))])],
    "diag_embed": [(lambda a: torch.diag(a), [spread((2,))]), (lambda a: torch.diag(a, -1), [spread((3,))])],
    "diagonal_backward": [(lambda a: TensorXP.scatter(a, (3, 2), (np.array([0, 1]), np.array([0, 1])), True,
                                                      "diagonal_backward"), [spread((2,))])],
    "trace": [(lambda a: a.trace(), [spread(s)]) for s in [(3, 2), (1, 2), (2, 2)]],
    "gather": [(lambda a: a.gather(1, torch.tensor([[0, 0], [1, 0], [1, 1]])), [spread((3, 2))]),
               (lambda a: torch.gather(a, 0, torch.tensor([2, 0, 2])), [spread((3,))])],
    "index_select": [(lambda a: a.index_select(0, torch.tensor([2, 0, 2])), [spread((3, 2))]),
                     (lambda a: a.index_select(0, torch.tensor([1, 1])), [spread((2,))])],
    "masked_select": [(lambda a: a.masked_select(a > 0), [spread(s)]) for s in [(2,), (3, 2)]]
    + [(lambda a: torch.masked_select(a, torch.tensor([[True, False], [False, True], [True, True]])),
        [spread((1, 2))])],
    "repeat": [(lambda a: a.repeat(2, 3), [spread(s)]) for s in SHAPES],
    "sort": [(lambda a: a.sort()[0], [spread(s)]) for s in SHAPES[1:]]
    + [(lambda a: a.sort(0, descending=True).values, [spread((3, 2))])],
    "topk": [(lambda a: a.topk(1)[0], [spread(s)]) for s in SHAPES[1:]]
    + [(lambda a: torch.topk(a, 2, 0, largest=False).values, [spread((3, 2))])],
    "median": each(lambda a: a.median()),
    "median_dim": [(lambda a: a.median(0).values, [spread(s)]) for s in SHAPES[1:]]
    + [(lambda a: a.median(1, keepdim=True)[0], [spread((3, 2))])],
    "scatter": [(_scatter_into, [spread((3, 2)), spread((3, 1))]),
                (lambda a, v: torch.zeros(2, 3, dtype=torch.float64).scatter(1, torch.tensor([[2, 0]]), v),
                 [spread((1, 2)), spread((1, 2))])],
    "scatter_value": [(lambda a: a.scatter(0, torch.tensor([[0, 2]]), 1.5), [spread((3, 2))])],
    "scatter_add": [(lambda a, v: a.scatter_add(0, torch.tensor([[0, 2], [0, 0]]), v), [spread((3, 2)), spread((2, 2))]),
                    (lambda a, v: (a * 1).scatter_add_(1, IDX[:, :1], v), [spread((3, 3)), spread((3, 1))])],
    "flip": [(lambda a: a.flip(0) * a, [spread(s)]) for s in SHAPES[1:]] + [(lambda a: torch.flip(a, [0, 1]),
                                                                          [spread((3, 2))])],
    "tril": [(lambda a: a.tril(), [spread((3, 2))]), (lambda a: torch.tril(a, -1), [spread((3, 3))])],
    "triu": [(lambda a: a.triu(), [spread((3, 2))]), (lambda a: torch.triu(a, 1) * a, [spread((2, 2))])],
    "cumsum": [(lambda a: a.cumsum(0) * a, [spread(s)]) for s in SHAPES] + [(lambda a: a.cumsum(axis=1),
                                                                           [spread((3, 2))])],
    "cumprod": [(lambda a: a.cumprod(0), [spread(s)]) for s in SHAPES] + [(lambda a: a.cumprod(1),
                                                                         [np.array([[0.5, 0.0], [0.0, 1.5], [2.0, 3.0]])])],
    "logsumexp": [(lambda a: torch.logsumexp(a, 0), [spread(s)]) for s in SHAPES]
    + [(lambda a: a.logsumexp((0, 1), keepdim=True), [spread((3, 2))])],
    "nan_to_num": [(lambda a: torch.nan_to_num(a * a), [spread(s)]) for s in SHAPES],
    "std_mean_std": [(lambda a: torch.std_mean(a)[0], [spread(s)]) for s in SHAPES[1:]]
    + [(lambda a: torch.std_mean(a, 0, keepdim=True)[0], [spread((3, 2))])],
    "std_mean_mean": [(lambda a: torch.std_mean(a, 1)[1], [spread((3, 2))])],
    "var_mean_var": [(lambda a: torch.var_mean(a)[0], [spread(s)]) for s in SHAPES[1:]],
    "var_mean_mean": [(lambda a: torch.var_mean(a, 0)[1] * a, [spread(s)]) for s in SHAPES[1:]],
}
