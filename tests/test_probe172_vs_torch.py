"""What the hundred-and-seventy-second probe (the Examples blocks of PyTorch's reference for its BLAS and LAPACK
functions) found, each checked against PyTorch: torch.cholesky / linalg.cholesky (upper too), cholesky_inverse and
cholesky_solve take complex (Hermitian positive-definite) matrices, as the docs' complex64 examples do, with
their gradients and cholesky_inverse's exactly Hermitian result; addr refuses a float beta / alpha for an integral
result and a bool one for a non-bool result (ATen's check_addr_scalar); triangular_solve's and lu_unpack's own errors
for 1-d arguments; ormqr's checks of other's and tau's shapes, ranks and dtypes in ATen's order."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "complex_cholesky_family": [
        '''torch.manual_seed(0)
A = torch.randn(3, 2, 2, dtype=torch.complex64)
A = A @ A.mH + torch.eye(2) * 1e-1
L = torch.linalg.cholesky(A)
print(L)
print(torch.linalg.cholesky(A, upper=True))
torch.set_warn_always(True)   # (torch.cholesky's deprecation warns once per process on both sides: an earlier
# test of the pytest worker may have used up one side's once)
print(torch.cholesky(A[0].to(torch.complex128), upper=True))
torch.set_warn_always(False)
print(torch.cholesky_inverse(L.to(torch.complex128)))
B = torch.randn(2, 1, dtype=torch.complex64)
print(torch.cholesky_solve(B, L).round(decimals=3), torch.cholesky_solve(B, L.mH, upper=True).round(decimals=3))
''',
        '''torch.manual_seed(1)
A = torch.randn(2, 2, dtype=torch.complex128)
A = (A @ A.mH + torch.eye(2)).requires_grad_()
w = torch.randn(2, 2, dtype=torch.complex128)
for up in (False, True):
    (torch.linalg.cholesky(A, upper=up) * w).real.sum().backward()
    print(A.grad.round(decimals=6)); A.grad = None
    (torch.cholesky_inverse(torch.linalg.cholesky(A, upper=up), upper=up) * w).abs().sum().backward()
    print(A.grad.round(decimals=6)); A.grad = None
    B = torch.ones(2, 1, dtype=torch.complex128, requires_grad=True)
    (torch.cholesky_solve(B, torch.linalg.cholesky(A, upper=up), upper=up) * w[:, :1]).abs().sum().backward()
    print(A.grad.round(decimals=6), B.grad.round(decimals=6)); A.grad = None
''',
    ],
    "addr_scalar_checks": [
        ATTEMPT + '''i = torch.ones(2, 2, dtype=torch.int64); v = torch.arange(2)
b = torch.tensor([[True, False], [False, True]]); bv = torch.tensor([True, False])
attempt(lambda: torch.addr(i, v, v, alpha=0.5))
attempt(lambda: torch.addr(i, v, v, beta=0.5))
attempt(lambda: torch.addr(i, v, v, beta=0.5, alpha=0.5))
attempt(lambda: torch.addr(i, v, v, beta=True))
attempt(lambda: torch.addr(i, v, v, alpha=2.0))
attempt(lambda: torch.addr(b, bv, bv, alpha=0.5))
attempt(lambda: torch.addr(b, bv, bv, beta=1.0))
attempt(lambda: torch.addr(b, bv, bv, alpha=True, beta=False))
attempt(lambda: torch.addr(i, v.float(), v.float(), alpha=0.5))
attempt(lambda: torch.addr(i, v, v, beta=0, alpha=3))
''',
    ],
    "one_dim_arguments_and_ormqr_checks": [
        ATTEMPT + '''attempt(lambda: torch.triangular_solve(torch.ones(2), torch.eye(2)))
attempt(lambda: torch.triangular_solve(torch.ones(2, 1), torch.ones(2)))
attempt(lambda: torch.triangular_solve(torch.ones(2), torch.ones(2)))
attempt(lambda: torch.lu_unpack(torch.ones(3), torch.ones(3, dtype=torch.int32)))
torch.manual_seed(2)
a, tau = torch.geqrf(torch.randn(4, 3))
attempt(lambda: torch.ormqr(a, tau, torch.randn(3, 2)))
attempt(lambda: torch.ormqr(a, tau, torch.randn(2, 3), left=False))
attempt(lambda: torch.ormqr(a, tau, torch.randn(2)))
attempt(lambda: torch.ormqr(a, torch.ones(4), torch.randn(4, 2)))
attempt(lambda: torch.ormqr(a, tau[:2], torch.randn(4, 2)))
attempt(lambda: torch.ormqr(a, tau[None], torch.randn(4, 2)))
attempt(lambda: torch.ormqr(a, tau, torch.randn(1, 4, 2)))
attempt(lambda: torch.ormqr(a, tau.double(), torch.randn(4, 2)))
attempt(lambda: torch.ormqr(a, tau, torch.randn(4, 2).double()))
attempt(lambda: torch.ormqr(a[:2], tau, torch.randn(2, 2)))
attempt(lambda: torch.ormqr(a, tau, torch.randn(2, 4), left=False).shape)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe172_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
