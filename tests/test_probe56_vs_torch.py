"""What the fifty-sixth probe (data-driven dynamics lessons: dynamic mode decomposition with a reduced SVD and the
eigen-decomposition of the reduced operator, Koopman autoencoders, SINDy with lstsq and masks, echo state networks
with a ridge readout, finite differences with torch.gradient) found, each checked against PyTorch: torch.linalg's
LU, SVD and least-squares functions take complex matrices as PyTorch does (inv, inv_ex, solve, solve_ex, det,
slogdet, svd, svdvals, lstsq, pinv, matrix_rank, cond, matrix_norm, lu_factor; the engine refused them with
'Expected a floating point or complex tensor as input. Got ComplexFloat' or "This function doesn't handle types
other than float and double"), with real singular values, residuals and log-determinants; eig, eigvals, inv,
solve and svd of complex matrices through MKL's c/z LAPACK routines, as PyTorch's CPU wheel computes them; and
their gradients in PyTorch's complex convention (the conjugate transposes of FunctionsManual's formulas:
inv, solve, det, slogdet, lstsq, pinv, svd with its phase check)."""
import platform
import sys

import pytest

from autograd_magic.engine import blas
from helpers import ATTEMPT, REQUIRE_ALL, assert_same_as_pytorch

SETUP = ATTEMPT + '''A = torch.tensor([[2.0+1j, 1.0-0.5j, 0.3j], [0.5j, 3.0+0.0j, -1.0], [1.0, 0.2-0.1j, 1.5+0.5j]])
B = torch.tensor([[1.0+0j, 0.5], [2.0-1j, 1j], [0.0, 1.0+1j]])
M = torch.tensor([[1.0+1j, 2.0], [3.0-1j, 4.0], [0.5, 1j], [1.0, -1.0-2j]])
y = torch.tensor([1.0+0j, 2.0, 3.0-1j, 0.5j])
def rnd(t):
    return torch.view_as_real(t.resolve_conj()).round(decimals=4)
'''

CELLS = {
    "complex_lu_functions": [
        SETUP + '''print(torch.linalg.inv(A))
print(torch.linalg.inv_ex(A))
print(torch.linalg.solve(A, B), torch.linalg.solve(A, B[:, 0]))
print(torch.linalg.solve(A.to(torch.complex128), B.T.to(torch.complex128), left=False))
print(torch.linalg.solve_ex(torch.stack([A, 2 * A]), B))
print(torch.linalg.det(A), torch.det(A.to(torch.complex128)).abs())
print(torch.linalg.slogdet(A), torch.inverse(A).dtype)
print(torch.linalg.lu_factor(A))''',
        '''attempt(lambda: torch.linalg.solve(A, B.real))
attempt(lambda: torch.linalg.solve(A.real, B))
attempt(lambda: torch.linalg.inv(torch.zeros(2, 2, dtype=torch.complex64)))
attempt(lambda: torch.linalg.inv(M))
attempt(lambda: torch.linalg.det(torch.ones(2, 3, dtype=torch.complex128)))
print(torch.linalg.inv_ex(torch.zeros(2, 2, dtype=torch.complex64)).info)'''],
    "complex_svd_lstsq_pinv": [
        SETUP + '''U, S, Vh = torch.linalg.svd(M, full_matrices=False)
print(U, S, Vh, U.dtype, S.dtype)
print(torch.linalg.svd(M).U.shape, torch.linalg.svd(M.mT).Vh.shape, torch.svd(M).V.dtype)
print(torch.linalg.svdvals(M), torch.linalg.svdvals(M.to(torch.complex128)).dtype)
print(torch.linalg.matrix_rank(M), torch.linalg.cond(A).dtype, torch.linalg.matrix_norm(A, "nuc"))
print(rnd(torch.linalg.pinv(M)), torch.pinverse(M).dtype)''',
        '''for driver in (None, "gels", "gelsy", "gelsd", "gelss"):
    r = torch.linalg.lstsq(M, y, driver=driver)
    print(driver, r.solution, r.residuals, r.rank, r.singular_values)
r = torch.linalg.lstsq(M.to(torch.complex128), y[:, None].to(torch.complex128).repeat(1, 2), driver="gelsd")
print(r.residuals.dtype, r.singular_values.dtype)
attempt(lambda: torch.linalg.lstsq(M, y.real))
attempt(lambda: torch.linalg.lstsq(M, y[:3]))
attempt(lambda: torch.linalg.matrix_rank(torch.ones(2, 2, dtype=torch.int64)))'''],
    "complex_eig_through_lapack": [
        SETUP + '''L, V = torch.linalg.eig(A)
print(L)
print(V)
print(torch.linalg.eigvals(A.to(torch.complex128)))
print(torch.linalg.eigvals(torch.stack([A, A.mH])))
R = torch.tensor([[0.0, -1.0], [1.0, 0.0]], dtype=torch.complex64)
print(torch.linalg.eig(R))'''],
    "complex_linalg_gradients": [
        SETUP + '''A2, B2, M2 = (t.to(torch.complex128) for t in (A, B, M))
cases = {
    "inv": lambda a, b, m: torch.linalg.inv(a).abs().sum(),
    "solve": lambda a, b, m: torch.linalg.solve(a, b).abs().sum(),
    "solve_vec": lambda a, b, m: torch.linalg.solve(a, b[:, 0]).real.sum(),
    "solve_left": lambda a, b, m: torch.linalg.solve(a, b.mT, left=False).imag.sum(),
    "det": lambda a, b, m: torch.linalg.det(a).abs(),
    "logabsdet": lambda a, b, m: torch.linalg.slogdet(a).logabsdet,
    "lstsq": lambda a, b, m: torch.linalg.lstsq(m, b[:2].repeat(2, 1)).solution.abs().sum(),
    "pinv": lambda a, b, m: torch.linalg.pinv(m).abs().sum(),
    "svdvals": lambda a, b, m: torch.linalg.svdvals(m).sum(),
    "svd_uv": lambda a, b, m: (lambda u, s, vh: (u @ torch.diag(s).to(u.dtype) @ vh).abs().sum())(
        *torch.linalg.svd(m, full_matrices=False)),
    "svd_wide": lambda a, b, m: (torch.linalg.svd(m.mT, full_matrices=False).Vh.abs() ** 2 * torch.arange(8.0,
        dtype=torch.float64).view(2, 4)).sum(),
}
for name, f in cases.items():
    a, b, m = (t.clone().requires_grad_() for t in (A2, B2, M2))
    f(a, b, m).backward()
    print(name, *[None if t.grad is None else rnd(t.grad) for t in (a, b, m)])''',
        '''m = M.to(torch.complex128).requires_grad_()
U, S, Vh = torch.linalg.svd(m, full_matrices=False)
attempt(lambda: U[0].imag.sum().backward())'''],
}


# cells whose numbers are PyTorch's only through the LAPACK it runs (MKL's: engine/lapack_complex.py); numpy's
# LAPACK gives other last bits (an eigenvalue's real part 2.8e-17 where MKL's is 1.5e-08)
LAPACK_BITS = {"complex_eig_through_lapack"}
X86_LINUX = platform.machine() == "x86_64" and sys.platform.startswith("linux")


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe56_matches_pytorch(name):
    if name in LAPACK_BITS and not blas.available():
        if REQUIRE_ALL and X86_LINUX:
            pytest.fail("make test installs mkl (pyproject extra 'mkl'): engine/blas.py did not load it")
        pytest.skip("these numbers are PyTorch's through MKL's LAPACK, which is not installed here")
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
