"""Finite-difference rows for engine/ops_linalg_legacy.py and ops_special.py (collected by test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

_L = np.array([[2.0, 0.0, 0.0], [0.7, 1.5, 0.0], [-0.4, 0.3, 1.2]])
_B = np.array([[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]])

# the factor passes through tril/triu first: the forward reads one triangle only, and PyTorch's gradient formulas
# (as the engine's) fill the other one too, where finite differences see nothing
ROWS_EXTRA = {
    "cholesky_solve": [
        (lambda b, l: torch.cholesky_solve(b, l.tril()), [_B, _L]),
        (lambda b, u: torch.cholesky_solve(b, u.triu(), upper=True), [_B, _L.T.copy()]),
    ],
    "triangular_solve": [
        (lambda b, a: torch.triangular_solve(b, a, upper=False).solution, [_B, _L]),
        (lambda b, a: torch.triangular_solve(b, a, transpose=True, unitriangular=True).solution, [_B, _L.T.copy()]),
    ],
}


def _pos(*shape):
    n = int(np.prod(shape))
    return np.linspace(0.2, 1.7, n).reshape(shape)


ROWS_EXTRA.update({   # engine/ops_special.py
    "special_entr": [(lambda a: torch.special.entr(a), [_pos(2, 3)])],
    "special_xlog1py": [(lambda a, b: torch.special.xlog1py(a, b), [_B, _pos(3, 2)])],
    "add_scalar": [(lambda a: torch.special.ndtr(a), [_B])],
    # (acosh's gradient under create_graph=True: ATen's rsqrt(self * self - 1), the - 1 a sub.Scalar)
    # (the finite differences pass leaves that do not require grad: they are made to)
    "sub_scalar": [(lambda a: torch.autograd.grad(torch.acosh(a if a.requires_grad else a.requires_grad_()).sum(), a,
                                                  create_graph=True)[0], [_pos(2, 3) + 1.0])],
})
