"""torch.linalg (engine/ops_linalg.py, engine/linalg_fns.py) against real PyTorch: printed results, grad_fn names,
gradients, result types, warnings and error messages. Eigenvectors and singular vectors are compared through
quantities that do not depend on their signs (MKL's LAPACK and numpy's may pick either sign: README Limits)."""

import numpy as np
import pytest

import parity
from helpers import assert_same_as_pytorch, in_fresh_processes, require

SETUP = "import torch\nL = torch.linalg\ntorch.manual_seed(0)\n"

CELLS = {
    "inverse_det_solve": [
        SETUP + "A = torch.tensor([[4., 1., 2.], [1., 3., 0.], [2., 0., 5.]], requires_grad=True)\n"
        "Ai = L.inv(A)\nAi",
        "d = L.det(A)\nd, torch.det(A), A.det(), torch.inverse(A).grad_fn, A.inverse()[0]",
        "s = L.slogdet(A)\ns, type(s).__name__, torch.slogdet(A), A.logdet(), torch.logdet(-A)",
        "(Ai.sum() + d).backward()\nA.grad",
        "b = torch.tensor([1., 2., 3.], requires_grad=True)\nx = L.solve(A, b)\nx, A @ x",
        "A.grad = None\nx.pow(2).sum().backward()\nA.grad, b.grad",
        "B = torch.randn(2, 3, 2)\nL.solve(A, B).shape, L.solve(A.detach(), B)[1], L.solve_ex(A, B[0])",
        "L.inv_ex(A)[1], L.inv(torch.randn(2, 3, 3)).shape, L.det(torch.randn(4, 2, 2))",
        "L.det(torch.tensor([[1., 2.], [2., 4.]])), L.slogdet(torch.tensor([[1., 2.], [2., 4.]]))",
        "S = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)\nL.det(S).backward()\nS.grad.abs()",
    ],
    "decompositions": [
        SETUP + "X = torch.randn(5, 3)\nS = (X.T @ X + torch.eye(3)).requires_grad_()\nC = L.cholesky(S)\nC",
        "C @ C.T, L.cholesky(S, upper=True), L.cholesky_ex(S).info",
        "C.sum().backward()\nS.grad",
        "w = L.eigvalsh(S)\nw, L.eigh(S).eigenvalues, type(L.eigh(S)).__name__",
        "ev, V = L.eigh(S)\n(V * ev) @ V.T, (V @ V.T - torch.eye(3)).abs().max() < 1e-5",
        "S.grad = None\nw.sum().backward()\n(S.grad - torch.eye(3)).abs().max() < 1e-5",
        "S.grad = None\n((V * ev) @ V.T).pow(2).sum().backward()\nS.grad",
        "M = torch.randn(4, 3, requires_grad=True)\nQ, R = L.qr(M)\nQ, R, (Q @ R - M).abs().max() < 1e-5",
        "(Q.sum() + R.pow(2).sum()).backward()\nM.grad",
        "L.qr(M, mode='complete').Q.shape, L.qr(M, mode='r').Q, L.qr(M.T).R.shape",
        "sv = L.svdvals(M)\nsv, L.svd(M).S, torch.svd(M).S",
        "U, s, Vh = L.svd(M, full_matrices=False)\nU.shape, s, Vh.shape, (U * s) @ Vh - M < 1e-5",
        "M.grad = None\n((U * s) @ Vh * torch.arange(12.).view(4, 3)).sum().backward()\n"
        "(M.grad - torch.arange(12.).view(4, 3)).abs().max() < 1e-5",
        "U, s, Vh = L.svd(M, full_matrices=False)\nM.grad = None\n(U[:, :2] * s[:2] @ Vh[:2]).pow(2).sum().backward()\n"
        "M.grad",
        "(U * s).sum().backward()",
        "M.grad = None\nsv.sum().backward()\nM.grad",
        "L.svd(M).U.shape, torch.svd(M).V.shape, torch.svd(M, some=False).U.shape, torch.svd(M).V.grad_fn",
        "torch.svd(M, compute_uv=False).U",
    ],
    "pinv_lstsq_rank": [
        SETUP + "A = torch.randn(5, 3, requires_grad=True)\nP = L.pinv(A)\nP, (P @ A - torch.eye(3)).abs().max() < 1e-5",
        "P.sum().backward()\nA.grad",
        "torch.pinverse(A).grad_fn, L.pinv(A.T).shape, L.pinv(A.T @ A, hermitian=True).grad_fn",
        "y = torch.randn(5, 2, requires_grad=True)\nsol = L.lstsq(A, y)\nsol.solution, sol.rank, sol.residuals",
        "sol.solution.sum().backward()\ny.grad",
        "r = L.lstsq(A.detach(), y.detach(), driver='gelsd')\nr",
        "r2 = L.lstsq(A, y[:, 0], driver='gelss')\nr2.solution, r2.residuals.shape",
        "L.matrix_rank(A), L.matrix_rank(torch.tensor([[1., 2.], [2., 4.]])), L.matrix_rank(torch.randn(2, 3, 4))",
        "L.matrix_rank(torch.eye(3) * 1e-3, atol=0.01), L.matrix_rank(torch.eye(2), hermitian=True), "
        "L.matrix_rank(torch.eye(2), tol=2.)",
    ],
    "norms_cross_power": [
        SETUP + "A = torch.tensor([[1., -2., 3.], [0., 4., -1.]], requires_grad=True)\n"
        "L.norm(A), L.norm(A, 'fro'), L.norm(A, 'nuc'), L.norm(A, 2), L.norm(A, -2)",
        "L.norm(A, 1), L.norm(A, float('inf')), L.norm(A, -1), L.norm(A, float('-inf'))",
        "L.norm(A, dim=1), L.norm(A, 3, dim=0), L.norm(A[0], 1), L.norm(A, ord=2, dim=(0, 1))",
        "L.vector_norm(A), L.vector_norm(A, 0), L.vector_norm(A, float('inf')), L.vector_norm(A, 0.5, dim=1)",
        "L.matrix_norm(A), L.matrix_norm(A, 'nuc', keepdim=True), L.matrix_norm(A, 1, keepdim=True)",
        "L.norm(A, 'nuc').backward()\nA.grad",
        "A.grad = None\nL.matrix_norm(A, float('inf')).backward()\nA.grad",
        "A.grad = None\nL.vector_norm(A, 3).backward()\nA.grad",
        "a = torch.tensor([1., 0., 0.], requires_grad=True)\nb = torch.tensor([0., 1., 0.])\n"
        "c = L.cross(a, b)\nc, c.grad_fn, torch.cross(A.detach(), torch.ones(2, 3), dim=1)",
        "c.sum().backward()\na.grad",
        "M = torch.tensor([[1., 1.], [0., 1.]], requires_grad=True)\n"
        "L.matrix_power(M, 5), L.matrix_power(M, -2), L.matrix_power(M, 0).grad_fn, L.matrix_power(M, 1).grad_fn",
        "L.matrix_power(M, 6).grad_fn, torch.matrix_power(M, 3), M.matrix_power(2)",
        "L.matrix_power(M, 7).sum().backward()\nM.grad",
        "torch.cross(torch.eye(3), torch.ones(3, 3))",
        "L.diagonal(A), L.matmul(A, A.T)",
    ],
    "errors": [
        SETUP + "L.inv(torch.tensor([[1., 2.], [2., 4.]]))",
        "L.inv(torch.randn(2, 3))", "L.inv(torch.zeros(3))", "L.inv(torch.tensor([[1, 2], [3, 4]]))",
        "L.inv(torch.stack([torch.eye(2), torch.tensor([[1., 2.], [2., 4.]])]))",
        "L.det(torch.randn(2, 3))", "L.slogdet(torch.zeros(2))",
        "L.solve(torch.tensor([[1., 2.], [2., 4.]]), torch.ones(2))",
        "L.solve(torch.eye(2), torch.ones(3))", "L.solve(torch.eye(2), torch.ones(3, 2))",
        "L.solve(torch.eye(2), torch.ones(2, dtype=torch.float64))",
        "L.cholesky(torch.tensor([[1., 2.], [2., 1.]]))",
        "L.cholesky(torch.stack([torch.eye(2), -torch.eye(2)]))",
        "L.eigh(torch.randn(2, 3))", "L.eigh(torch.eye(2), UPLO='X')", "L.svd(torch.zeros(3))",
        "L.qr(torch.randn(2, 3), mode='x')", "L.pinv(torch.zeros(3))", "L.lstsq(torch.zeros(3), torch.zeros(3))",
        "L.lstsq(torch.randn(3, 2), torch.randn(4, 1))",
        "L.lstsq(torch.randn(4, 3), torch.randn(4, 2), driver='xx')",
        "L.cross(torch.randn(4), torch.randn(4))", "L.cross(torch.randn(2, 3), torch.randn(3))",
        "L.matrix_power(torch.randn(2, 3), 2)", "L.matrix_power(torch.tensor([[1., 2.], [2., 4.]]), -1)",
        "L.matrix_rank(torch.zeros(3))", "L.norm(torch.zeros(3), 'fro')", "L.norm(torch.eye(2), 3)",
        "L.vector_norm(torch.tensor([[1, 2], [3, 4]]))", "L.norm(torch.randn(2, 2, 2), dim=(0, 1, 2))",
        "L.vector_norm(torch.zeros(0), -1)", "L.norm(torch.randn(2, 2, 2), 2)",
        "L.qr(torch.randn(3, 2, requires_grad=True), mode='complete').Q.sum().backward()",
        "L.qr(torch.randn(3, 2, requires_grad=True), mode='r').R.sum().backward()",
        "isinstance(torch.linalg.LinAlgError('x'), RuntimeError), torch.linalg.LinAlgError.__name__",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="linalg", name=name, warns="per_cell")


def _run(L, fn, arrays):
    ts = [L.tensor(a, requires_grad=True) for a in arrays]
    out = fn(L, *ts)
    outs = [o for o in (out if isinstance(out, tuple) else (out,)) if o.grad_fn is not None]
    rng = np.random.default_rng(7)
    sum(((o * L.tensor(rng.normal(size=tuple(o.shape)))).sum() for o in outs)).backward()
    return [o.detach().numpy() for o in outs], [t.grad.numpy() for t in ts], [o.grad_fn.name() for o in outs]


_R = np.random.default_rng(3)
_A, _B, _T, _W = _R.normal(size=(3, 3)), _R.normal(size=(2, 3, 3)), _R.normal(size=(4, 3)), _R.normal(size=(2, 5))
_S = _A @ _A.T + 3 * np.eye(3)


def _svd_invariant(full):
    def f(L, a):
        u, s, vh = L.linalg.svd(a, full_matrices=full)
        k = s.shape[-1]
        return s, (u[..., :, :k] * s.unsqueeze(-2)) @ vh[..., :k, :], u[..., :, :1] @ vh[..., :1, :]
    return f


def _eigh_invariant(L, a):
    w, v = L.linalg.eigh(a)
    return w, v[:, :1] @ v[:, :1].T, v[:, 1:] @ v[:, 1:].T


# float64: values and gradients of every op (and several outputs at once) against PyTorch's
CASES = {
    "inv": (lambda L, a: L.linalg.inv(a), [_B]), "det": (lambda L, a: L.linalg.det(a), [_B]),
    "slogdet": (lambda L, a: L.linalg.slogdet(a), [_A]), "solve": (lambda L, a, b: L.linalg.solve(a, b), [_B, _A]),
    "cholesky": (lambda L, a: L.linalg.cholesky(a, upper=True), [_S]),
    "qr_tall": (lambda L, a: L.linalg.qr(a), [_T]), "qr_wide": (lambda L, a: L.linalg.qr(a), [_W]),
    "svd_tall": (_svd_invariant(False), [_T]), "svd_full": (_svd_invariant(True), [_W]),
    "svd_batch": (_svd_invariant(False), [_B]), "eigh": (_eigh_invariant, [_S]),
    "pinv": (lambda L, a: L.linalg.pinv(a), [_T]), "pinv_herm": (lambda L, a: L.linalg.pinv(a, hermitian=True), [_S]),
    "lstsq": (lambda L, a, b: L.linalg.lstsq(a, b, driver="gelsd")[:2], [_T, _T[:, :2] * 2]),
    "cross": (lambda L, a, b: L.linalg.cross(a, b), [_T, _T[::-1].copy()]),
    "matrix_power": (lambda L, a: L.linalg.matrix_power(a, -3), [_A]),
    "nuc": (lambda L, a: L.linalg.matrix_norm(a, "nuc", dim=(2, 0), keepdim=True), [_B]),
    "vector_norm": (lambda L, a: L.linalg.vector_norm(a, 0.7, dim=(0, 2)), [_B]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_values_and_grads_float64(name):
    real = require("torch")
    from autograd_magic import torch as ours
    fn, arrays = CASES[name]
    want, got = _run(real, fn, arrays), _run(ours, fn, arrays)
    assert want[2] == got[2]
    for w, g in zip(want[0] + want[1], got[0] + got[1]):
        np.testing.assert_allclose(g, w, rtol=1e-9, atol=1e-10)


def test_missing_linalg_functions_name_themselves():
    from autograd_magic import torch as ours
    with pytest.raises(AttributeError, match="autograd_magic implements a subset of PyTorch, and "
                                             "torch.linalg.common_notes is not part of it"):
        ours.linalg.common_notes
    with pytest.raises(NotImplementedError, match="double backward through torch.linalg.lu is not part of it"):
        a = ours.randn(3, 3, dtype=ours.float64, requires_grad=True)
        g, = ours.autograd.grad(ours.linalg.lu(a).U.sum(), a, create_graph=True)


# PyTorch gives these deprecation warnings once per process (TORCH_WARN_ONCE), and so does the engine: compared in
# fresh processes, so that no earlier test of the pytest process has used them up.
DEPRECATED = """
import warnings
warnings.simplefilter("always")
warnings.showwarning = lambda message, category, *args, **kwargs: print(f"{category.__name__}: {message}")
S = torch.tensor([[4., 2.], [2., 3.]], requires_grad=True)
c = torch.cholesky(S)
print(c, c.grad_fn.name())
c = torch.cholesky(S, upper=True)
q = torch.qr(torch.randn(3, 2))
print(type(q).__name__, q.R.shape)
print(torch.cross(torch.eye(3), torch.ones(3, 3)))
print(torch.cross(torch.eye(3), torch.ones(3, 3)))
"""


def test_deprecation_warnings_once_per_process_as_pytorch():
    require("torch")
    outputs = in_fresh_processes(DEPRECATED, timeout=120)
    want, got = outputs
    assert want.count("deprecated") == 3
    v = parity.check("linalg", "deprecated warnings", want, got)
    assert v.kind != parity.DIFFERENT, v.detail
