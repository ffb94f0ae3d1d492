"""Finite-difference rows for the sparse COO ops of the twenty-fifth probe (engine/sparse.py): the constructor's
values, coalesce, values(), to_dense, to_sparse, torch.sparse.mm (SparseAddmmBackward0) and torch.sparse.sum over
a dim, torch.sparse.softmax / log_softmax (probe 139); collected by test_gradcheck.ROWS. Duplicated indices make
the coalesced sums part of each row."""
import numpy as np

from autograd_magic import torch

_RNG = np.random.default_rng(25)
_IDX = torch.tensor([[0, 1, 1, 2, 0], [1, 0, 2, 1, 1]])


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


def _coo(v, size=(3, 3)):
    return torch.sparse_coo_tensor(_IDX, v, size, check_invariants=False)


_W33, _W332 = torch.tensor(_spread(3, 3)), torch.tensor(_spread(3, 3, 2))   # (weights of the softmaxes' outputs)

ROWS_EXTRA = {
    "sparse_coo_tensor": [(lambda v: _coo(v).to_dense(), [_spread(5)]),
                          (lambda v: _coo(v, (3, 3, 2)).to_dense(), [_spread(5, 2)])],
    "sparse_coalesce": [(lambda v: _coo(v).coalesce().to_dense(), [_spread(5)])],
    "sparse_values": [(lambda v: _coo(v).coalesce().values() * 2, [_spread(5)])],
    "sparse_to_dense": [(lambda v: _coo(v).to_dense() * _coo(v).to_dense(), [_spread(5)])],
    "to_sparse": [(lambda a: a.to_sparse().to_dense(), [_spread(2, 3)]),
                  (lambda a: torch.sparse.mm(a.to_sparse(), a.t()), [_spread(2, 3)])],
    "sparse_addmm": [(lambda v, d: torch.sparse.mm(_coo(v), d), [_spread(5), _spread(3, 2)]),
                     (lambda v, d: torch.sparse.mm(_coo(v).coalesce(), d * d), [_spread(5), _spread(3, 4)])],
    "sparse_sum": [(lambda v: torch.sparse.sum(_coo(v), 1).to_dense(), [_spread(5)]),
                   (lambda v: torch.sparse.sum(_coo(v, (3, 3, 2)), (0, 2)).to_dense(), [_spread(5, 2)])],
    # (probe 139: the softmax over each row's / column's specified entries, and over a dense dim)
    "sparse_softmax": [(lambda v: torch.sparse.softmax(_coo(v), 1).to_dense() * _W33, [_spread(5)]),
                       (lambda v: torch.sparse.softmax(_coo(v, (3, 3, 2)), 0).to_dense() * _W332, [_spread(5, 2)]),
                       (lambda v: torch.sparse.softmax(_coo(v, (3, 3, 2)), 2).to_dense() * _W332, [_spread(5, 2)])],
    "sparse_log_softmax": [(lambda v: torch.sparse.log_softmax(_coo(v), 0).to_dense() * _W33, [_spread(5)]),
                           (lambda v: torch.sparse.log_softmax(_coo(v).t(), 1).to_dense() * _W33, [_spread(5)])],
}
