"""Finite-difference rows for the forty-fifth probe's ops (/work/notes/probe_report45.md): unsafe_split_with_sizes
and detach_copy (engine/copy_views.py), native_dropout (engine/native_forms.py), geqrf, householder_product (orgqr)
and ormqr (engine/householder.py); collected by test_gradcheck.ROWS."""
import numpy as np

from autograd_magic import torch

_RNG = np.random.default_rng(45)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


_TAU = np.array([1.2, 0.4, 1.7])

ROWS_EXTRA = {
    "unsafe_split_with_sizes": [(lambda a: torch.unsafe_split_with_sizes(a, [1, 2], 1)[1] * a[:, :2],
                                 [_spread(2, 3)])],
    "native_dropout": [(lambda a: torch.native_dropout(a, 0.5, False)[0] * a, [_spread(3, 2)]),
                       (lambda a: torch.native_dropout(a, 0.0, True)[0].exp(), [_spread(4)])],
    "householder_product": [(lambda a, t: torch.orgqr(a, t), [_spread(4, 3), _TAU]),
                            (lambda a, t: torch.linalg.householder_product(a, t), [_spread(3, 2), _TAU[:2]])],
    "ormqr": [(lambda a, t, c: torch.ormqr(a, t, c), [_spread(4, 3), _TAU, _spread(4, 2)]),
              (lambda a, t, c: torch.ormqr(a, t, c, left=False, transpose=True), [_spread(3, 3), _TAU,
                                                                                     _spread(2, 3)])],
}

# numpy-only vjps: no create_graph row
FIRST_ORDER_ONLY = ("householder_product", "ormqr")

# ops whose derivative PyTorch does not implement: (a function whose graph holds the op, PyTorch's message)
NO_DERIVATIVE_EXTRA = {
    "detach_copy": (lambda a: torch.detach_copy(a) * 2, "derivative for aten::detach_copy is not implemented"),
    "geqrf": (lambda a: torch.geqrf(a.view(3, 1))[0], "the derivative for 'geqrf' is not implemented."),
    # (Tensor.set_ of a tensor that requires grad, engine/more_methods.py: PyTorch's NotImplemented node too)
    "set_": (lambda a: torch.zeros(a.shape, dtype=a.dtype).set_(a * 1) * 2, "derivative for set_ is not implemented"),
}
