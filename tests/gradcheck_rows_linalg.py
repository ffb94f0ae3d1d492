"""Finite-difference rows for engine/ops_linalg.py (torch.linalg; collected by test_gradcheck.ROWS). Losses on
eigenvectors and singular vectors are invariant to their signs (products like U diag(S) Vh, or V V^T), as any
well-posed use of them is."""
import numpy as np

from autograd_magic import torch

L = torch.linalg
_RNG = np.random.default_rng(11)


def _m(*shape):
    return _RNG.normal(size=shape)


def _spd(n, batch=()):
    a = _RNG.normal(size=batch + (n, n))
    return a @ np.swapaxes(a, -1, -2) + n * np.eye(n)


def _sym(n):
    a = _RNG.normal(size=(n, n))
    return a + a.T


def _svd_loss(full):
    def f(a):
        u, s, vh = L.svd(a, full_matrices=full)
        k = s.shape[-1]
        return (u[..., :, :k] * s.unsqueeze(-2)) @ vh[..., :k, :] + u[..., :, :1] @ vh[..., :1, :] * 0.3
    return f


def _sym_in(fn):
    """fn of (a + a^T) / 2: cholesky and eigh read one triangle, so only symmetric perturbations are meaningful
    (PyTorch's gradient is the symmetric one)."""
    return lambda a: fn((a + a.mT) / 2)


def _eigh_loss(a):
    w, v = L.eigh(a)
    return (v * w.unsqueeze(-2)) @ v.mT + v[:, :1] @ v[:, :1].mT


ROWS_EXTRA = {
    "linalg_inv_ex": [(L.inv, [_m(3, 3)]), (L.inv, [_m(2, 2, 2)])],
    "linalg_det": [(L.det, [_m(3, 3)]), (L.det, [_m(2, 2, 2)])],
    "linalg_slogdet": [(lambda a: L.slogdet(a).logabsdet, [_m(3, 3)]), (lambda a: torch.logdet(a), [_spd(2)])],
    "linalg_solve_ex": [(L.solve, [_m(3, 3), _m(3)]), (L.solve, [_m(3, 3), _m(3, 2)]),
                        (L.solve, [_m(2, 2, 2), _m(2, 2)]),
                        (lambda a, b: L.solve(a, b, left=False), [_m(3, 3), _m(2, 3)]),
                        (lambda a, b: L.solve(a, b, left=False), [_m(2, 3, 3), _m(4, 3)])],
    "linalg_cholesky_ex": [(_sym_in(L.cholesky), [_spd(3)]),
                           (_sym_in(lambda a: L.cholesky(a, upper=True)), [_spd(2, (2,))])],
    "cholesky": [(_sym_in(torch.cholesky), [_spd(3)])],
    "linalg_qr": [(lambda a: L.qr(a).Q + 0.5 * L.qr(a).R.sum(), [_m(3, 2)]),
                  (lambda a: L.qr(a).R, [_m(3, 3)]),
                  (lambda a: L.qr(a).Q.sum() + L.qr(a).R, [_m(2, 3)])],
    "linalg_svd": [(_svd_loss(False), [_m(3, 2)]), (_svd_loss(False), [_m(2, 3)]), (_svd_loss(True), [_m(3, 3)]),
                   (L.svdvals, [_m(3, 2)]), (lambda a: L.matrix_norm(a, "nuc"), [_m(2, 3)])],
    "linalg_eigh": [(_sym_in(_eigh_loss), [_sym(3)]), (_sym_in(L.eigvalsh), [_sym(3)])],
    "linalg_pinv": [(L.pinv, [_m(3, 2)]), (L.pinv, [_m(2, 3)]), (_sym_in(lambda a: L.pinv(a, hermitian=True)), [_spd(2)])],
    "linalg_lstsq": [(lambda a, b: L.lstsq(a, b).solution, [_m(4, 2), _m(4, 2)]),
                     (lambda a, b: L.lstsq(a, b, driver="gelsd").residuals, [_m(4, 2), _m(4)])],
    "linalg_solve_triangular": [
        (lambda a, b: L.solve_triangular(a + 3 * torch.eye(3, dtype=a.dtype), b, upper=False), [_m(3, 3), _m(3, 2)]),
        (lambda a, b: L.solve_triangular(a + 3 * torch.eye(3, dtype=a.dtype), b, upper=True, left=False),
         [_m(3, 3), _m(2, 3)]),
        (lambda a, b: L.solve_triangular(a, b, upper=True, unitriangular=True), [_m(2, 2), _m(2, 2)])],
    "cholesky_inverse": [(lambda a: torch.cholesky_inverse(a.tril() + 3 * torch.eye(3, dtype=a.dtype)), [_m(3, 3)]),
                         (lambda a: torch.cholesky_inverse(a.triu() + 3 * torch.eye(2, dtype=a.dtype), upper=True),
                          [_m(2, 2)])],
    "native_group_norm": [(lambda x, w, b: torch.nn.functional.group_norm(x, 2, w, b), [_m(2, 4, 3), _m(4), _m(4)]),
                          (lambda x: torch.nn.functional.group_norm(x, 1), [_m(3, 2, 2, 2)])],
    "norm_legacy": [(lambda a, b: torch.nn.functional.pairwise_distance(a, b), [_m(3, 2), _m(3, 2)]),
                    (lambda a, b: torch.nn.functional.pairwise_distance(a, b, p=3.0), [_m(2, 3), _m(2, 3)])],
    "dist": [(torch.dist, [_m(3, 2), _m(3, 2)]), (lambda a, b: torch.dist(a, b, 3), [_m(2, 3), _m(3)]),
             (lambda a, b: a.dist(b, 1.5), [_m(4), _m(4)])],
    "trilinear": [(lambda a, w, b: torch.nn.functional.bilinear(a, b, w), [_m(4, 3), _m(2, 3, 2), _m(4, 2)])],
    "linalg_cross": [(L.cross, [_m(2, 3), _m(2, 3)]), (lambda a, b: torch.cross(a, b, dim=0), [_m(3, 2), _m(3, 1)])],
}
