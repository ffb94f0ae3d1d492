"""What the twenty-first probe (classical machine learning and numerics written in PyTorch: PCA, k-means, kNN,
least squares and ridge, logistic regression by L-BFGS, SVM, naive Bayes, kernel regression, t-SNE, histograms)
found, each checked against PyTorch: eigenvectors and singular vectors with PyTorch's signs (its LAPACK, MKL's
syevd / gesdd, not numpy's) and linalg.solve / inv with its bits (getrf + getrs), so that a PCA's directions and
projections and an ill-conditioned least-squares fit print as in PyTorch; torch.pca_lowrank and svd_lowrank with
PyTorch's random draws; column sums and means of a sliced matrix (X[:, 1:].mean(0)) in PyTorch's order; the
linalg functions' dtype and NaN errors; products of bool matrices refused, matrix_power of integer matrices
allowed; randperm's dtype limits; index_add_ / index_copy_ / index_fill_ out-of-range messages; histc /
histogram / searchsorted messages."""
import platform
import sys

import pytest

from helpers import ATTEMPT, REQUIRE_ALL, assert_same_as_pytorch

from autograd_magic.engine import blas

TRY = ATTEMPT

CELLS = {
    "eigenvectors_and_singular_vectors_with_pytorchs_signs": [
        '''torch.manual_seed(0)
for n, dtype in ((3, torch.float32), (4, torch.float32), (5, torch.float64), (8, torch.float32)):
    X = torch.randn(n + 6, n, dtype=dtype)
    Xc = X - X.mean(0)
    C = Xc.T @ Xc / (n + 5)
    w, V = torch.linalg.eigh(C)
    print(w, V, torch.linalg.eigh(C, UPLO="U").eigenvectors, torch.linalg.eigvalsh(C))
    U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
    print(U[:3], S, Vh, torch.linalg.svd(Xc.T).U, torch.linalg.svdvals(Xc))
    print(Xc @ V[:, -2:], Xc @ Vh[:2].T)''',
        '''torch.manual_seed(1)
B = torch.randn(3, 4, 4)
B = B + B.mT
print(torch.linalg.eigh(B).eigenvectors, torch.linalg.svd(torch.randn(2, 5, 3)).Vh, torch.svd(torch.randn(4, 3)).V)
torch.linalg.pinv(torch.randn(5, 3)), torch.linalg.pinv(B[0], hermitian=True)'''],
    "solve_and_inv_of_an_ill_conditioned_matrix": [
        '''x = torch.linspace(-1, 1, 12)
V = torch.vander(x, N=9, increasing=True)
G = V.T @ V
b = V.T @ torch.cos(3 * x)
w = torch.linalg.solve(G, b)
print(w, torch.linalg.solve(G, torch.stack([b, 2 * b], 1)), torch.linalg.inv(G)[0])
print((G @ w - b).abs().max() < 1.0, torch.linalg.solve(G.double(), b.double()))''',
        '''torch.manual_seed(2)
A = torch.randn(2, 6, 6)
print(torch.linalg.solve(A, torch.randn(6, 2)), torch.linalg.inv(A), torch.inverse(A[0]))'''],
    "pca_lowrank_and_svd_lowrank": [
        TRY + '''torch.manual_seed(0)
A = torch.randn(20, 5) @ torch.randn(5, 6)
U, S, V = torch.pca_lowrank(A, q=3)
print(U.shape, S, V, type(torch.pca_lowrank(A)).__name__)
print(torch.svd_lowrank(A, q=2, niter=3)[1], torch.svd_lowrank(A.T, q=2)[2].shape)
print(torch.pca_lowrank(A, center=False)[1], torch.svd_lowrank(A, M=A.mean(0, keepdim=True))[1])
print(torch.svd_lowrank(torch.randn(2, 6, 4), q=3)[1], torch.pca_lowrank(torch.randn(6, 3, dtype=torch.float64))[1])
attempt(lambda: torch.pca_lowrank(A, q=7))
attempt(lambda: torch.pca_lowrank(A, q=-1))
attempt(lambda: torch.pca_lowrank(A, niter=-1))
attempt(lambda: torch.pca_lowrank(torch.randn(5)))
attempt(lambda: torch.pca_lowrank(torch.arange(12).view(4, 3), q=2)[1])
attempt(lambda: torch.pca_lowrank(torch.ones(4, 3, dtype=torch.bfloat16)))''',
        '''torch.manual_seed(0)
A = torch.randn(8, 3, requires_grad=True)
U, S, V = torch.pca_lowrank(A, q=2)
print(U.grad_fn, S.grad_fn, V.grad_fn)
(S.sum() + V[0].sum()).backward()
A.grad'''],
    "sums_and_means_of_a_sliced_matrix": [
        '''torch.manual_seed(0)
for rows, cols in ((45, 10), (8, 10), (100, 17), (45, 4), (300, 33)):
    X = torch.randn(rows, cols) * 10
    for v in (X[:, 1:], X[2:, 1:-1], X[:, :cols - 2]):
        print(v.mean(0), v.sum(0), v.sum(1)[:6], v.mean(1, keepdim=True)[:3].T, v.double().sum(0))
        # (one bit of a column mean is within the float budget: the order shows in an exact comparison)
        c = v.contiguous()
        print(torch.equal(v.mean(0), c.mean(0)), torch.equal(v.sum(0), c.sum(0)), torch.equal(v.sum(1), c.sum(1)),
              torch.equal(v.mean(0, keepdim=True), c.mean(0, keepdim=True)))
P = torch.vander(torch.rand(45) * 4 - 2, N=10, increasing=True)
m, s = P[:, 1:].mean(0), P[:, 1:].std(0)
Z = (P[:, 1:] - m) / s
m, Z.T @ Z'''],
    "linalg_dtype_and_nan_errors": [
        TRY + '''fns = {"eigh": lambda A: torch.linalg.eigh(A), "eigvalsh": lambda A: torch.linalg.eigvalsh(A),
       "svd": lambda A: torch.linalg.svd(A), "svdvals": lambda A: torch.linalg.svdvals(A),
       "torch.svd": lambda A: torch.svd(A), "pinv": lambda A: torch.linalg.pinv(A),
       "matrix_rank": lambda A: torch.linalg.matrix_rank(A), "inv": lambda A: torch.linalg.inv(A),
       "solve": lambda A: torch.linalg.solve(A, A), "qr": lambda A: torch.linalg.qr(A),
       "cholesky": lambda A: torch.linalg.cholesky(A), "det": lambda A: torch.linalg.det(A),
       "slogdet": lambda A: torch.linalg.slogdet(A), "logdet": lambda A: torch.logdet(A),
       "lstsq": lambda A: torch.linalg.lstsq(A, A), "cond": lambda A: torch.linalg.cond(A),
       "norm2": lambda A: torch.linalg.matrix_norm(A, 2), "nuc": lambda A: torch.linalg.matrix_norm(A, "nuc"),
       "cdist": lambda A: torch.cdist(A, A), "pinverse": lambda A: torch.pinverse(A)}
for dtype in (torch.long, torch.int32, torch.bool, torch.half, torch.bfloat16):
    A = (torch.eye(3) * 2 + 1).to(dtype)
    for name, f in fns.items():
        print(dtype, name, end=": ")
        attempt(lambda: type(f(A)).__name__)''',
        TRY + '''nan = float("nan")
M = torch.tensor([[nan, 1.0], [1.0, 2.0]])
for f in (torch.linalg.svd, torch.linalg.svdvals, torch.svd, torch.linalg.pinv, torch.linalg.matrix_rank,
          torch.linalg.cond, lambda A: torch.linalg.matrix_norm(A, 2), torch.pca_lowrank):
    attempt(lambda: f(M))
    attempt(lambda: f(torch.stack([torch.eye(2), M, M])))
attempt(lambda: torch.linalg.svd(torch.zeros(3, 0)))
attempt(lambda: torch.linalg.pinv(M, hermitian=True))
attempt(lambda: torch.linalg.matrix_rank(M, hermitian=True))'''],
    "products_of_bool_matrices_and_integer_matrix_powers": [
        TRY + '''B = torch.ones(2, 2, dtype=torch.bool)
for f in (lambda: B @ B, lambda: torch.mm(B, B), lambda: torch.matmul(B[0], B), lambda: B[0] @ B[0],
          lambda: torch.mv(B, B[0]), lambda: torch.bmm(B[None], B[None]), lambda: B[None].expand(2, 2, 2) @ B,
          lambda: torch.linalg.multi_dot([B, B, B]), lambda: torch.mm(B, torch.ones(3, 2, dtype=torch.bool))):
    attempt(f)
F = torch.tensor([[1, 1], [1, 0]])
print([torch.linalg.matrix_power(F, n)[0, 1].item() for n in range(12)])
attempt(lambda: torch.matrix_power(F.to(torch.uint8), 10))
attempt(lambda: torch.linalg.matrix_power(F, -1))
attempt(lambda: torch.linalg.matrix_power(F.half(), -1))
for n in (0, 1, 2):
    attempt(lambda: torch.linalg.matrix_power(B, n))'''],
    "randperm_dtype_limits": [
        TRY + '''for dtype, sizes in ((torch.uint8, (256, 257)), (torch.int8, (128, 129)), (torch.int16, (32768, 32769)),
                     (torch.bool, (1, 3)), (torch.float16, (2049,)), (torch.int32, (6,))):
    for n in sizes:
        torch.manual_seed(0)
        attempt(lambda: torch.randperm(n, dtype=dtype)[-3:])'''],
    "index_add_copy_fill_out_of_range": [
        TRY + '''for idx in ([0, 5], [0, -1], [-4, 0], [0, 3]):
    i = torch.tensor(idx)
    attempt(lambda: torch.zeros(3).index_add_(0, i, torch.ones(2)))
    attempt(lambda: torch.zeros(3, 2).index_add(0, i, torch.ones(2, 2)))
    attempt(lambda: torch.zeros(3, 2).index_add(1, i, torch.ones(3, 2)))
    attempt(lambda: torch.zeros(3).index_copy_(0, i, torch.ones(2)))
    attempt(lambda: torch.zeros(3, 2).index_copy(0, i, torch.ones(2, 2)))
    attempt(lambda: torch.zeros(3).index_fill_(0, i, 1.0))
    attempt(lambda: torch.zeros(3, 2).index_fill(1, i, 2.0))
    attempt(lambda: torch.zeros(3, requires_grad=True).index_add(0, i, torch.ones(2)))'''],
    "histogram_and_searchsorted_messages": [
        TRY + '''attempt(lambda: torch.histc(torch.tensor([1.0, 2.0]), bins=0))
attempt(lambda: torch.histc(torch.tensor([1.0, 2.0]), bins=-2))
attempt(lambda: torch.histc(torch.tensor([1.0, 2.0]), bins=3, min=3, max=1))
attempt(lambda: torch.histc(torch.tensor([1, 2]), bins=3))
attempt(lambda: torch.histogram(torch.tensor([1, 2]), bins=2))
attempt(lambda: torch.histogram(torch.tensor([1.0, 2.0]), bins=2, range=(3.0, 1.0)))
attempt(lambda: torch.histogram(torch.tensor([1.0, 2.0]), bins=2, range=(0.5, 2.5)))
attempt(lambda: torch.searchsorted(torch.tensor([1.0, 2.0]), torch.tensor([1.0]), sorter=torch.tensor([0])))
attempt(lambda: torch.searchsorted(torch.tensor([[1.0, 2.0]]), torch.tensor([[1.5]]), sorter=torch.tensor([0, 1])))
attempt(lambda: torch.searchsorted(torch.tensor([2.0, 1.0]), torch.tensor([1.5]), sorter=torch.tensor([1, 0])))'''],
}


# cells whose numbers are PyTorch's only through the LAPACK it runs (MKL's: engine/lapack.py); numpy's LAPACK gives
# other signs and last bits
LAPACK_BITS = {"eigenvectors_and_singular_vectors_with_pytorchs_signs", "solve_and_inv_of_an_ill_conditioned_matrix",
               "pca_lowrank_and_svd_lowrank"}
X86_LINUX = platform.machine() == "x86_64" and sys.platform.startswith("linux")


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe21_matches_pytorch(name):
    if name in LAPACK_BITS and not blas.available():
        if REQUIRE_ALL and X86_LINUX:
            pytest.fail("make test installs mkl (pyproject extra 'mkl'): engine/blas.py did not load it")
        pytest.skip("these numbers are PyTorch's through MKL's LAPACK, which is not installed here")
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
