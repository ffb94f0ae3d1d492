"""Finite-difference rows for engine/ops_linalg_more.py: matrix_exp, eig, the LU family (collected by
test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch

L = torch.linalg
_A = np.array([[0.9, -0.3, 0.4], [0.2, 1.1, -0.5], [-0.6, 0.35, 0.7]])
_W = np.array([[0.9, -0.3, 0.4, 0.25], [0.2, 1.1, -0.5, 0.6], [-0.6, 0.35, 0.7, -0.15]])
_E = np.array([[2.0, 0.4, -0.3], [0.1, -1.0, 0.5], [0.2, 0.3, 0.5]])   # three distinct real eigenvalues
_B = np.array([[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]])
_PIV = np.array([1, 2, 3], np.int32)

ROWS_EXTRA = {
    "linalg_matrix_exp": [(L.matrix_exp, [_A]), (lambda a: torch.matrix_exp(3 * a), [_A]),
                          (lambda a: L.matrix_exp(a.reshape(1, 3, 3) * 0.01), [_A])],
    "linalg_eig": [(lambda a: L.eigvals(a).real, [_E]),
                   (lambda a: L.eig(a).eigenvectors.abs() + L.eig(a).eigenvalues.real, [_E])],
    "linalg_lu": [(lambda a: L.lu(a).L + L.lu(a).U, [_A]), (lambda a: L.lu(a).U, [_W]), (lambda a: L.lu(a).L, [_W.T.copy()])],
    "linalg_lu_factor_ex": [(lambda a: L.lu_factor(a).LU, [_A]), (lambda a: L.lu_factor_ex(a).LU, [_W])],
    "lu_unpack_data": [(lambda lu: torch.lu_unpack(lu, torch.tensor(_PIV)).L * 2 + torch.lu_unpack(lu, torch.tensor(_PIV)).U,
                        [_A])],
    "linalg_lu_solve": [(lambda lu, b: L.lu_solve(lu, torch.tensor(_PIV), b), [_E, _B]),
                        (lambda lu, b: L.lu_solve(lu, torch.tensor(_PIV), b, adjoint=True), [_E, _B]),
                        (lambda lu, b: L.lu_solve(lu, torch.tensor(_PIV), b.T, left=False), [_E, _B]),
                        (lambda lu, b: L.lu_solve(lu, torch.tensor(_PIV), b.T, left=False, adjoint=True), [_E, _B])],
}
# their vjps are numpy's only (the double backward raises a NotImplementedError naming the function)
FIRST_ORDER_ONLY = ("linalg_eig", "linalg_lu", "linalg_lu_factor_ex", "lu_unpack_data", "linalg_lu_solve")
