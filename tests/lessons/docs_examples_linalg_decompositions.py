# Imitates the "Examples::" blocks of PyTorch's torch.linalg reference for the decompositions: cholesky /
# cholesky_ex, qr in its three modes, eig / eigvals with complex results, eigh / eigvalsh with UPLO, svd with
# full_matrices / svdvals, lstsq with each driver and its named-tuple fields, printed as the docs print them
# (seeded instead of the docs' unseeded randn).
import torch

# %%
torch.manual_seed(0)
A = torch.randn(2, 2, dtype=torch.float64)
A = A @ A.T + torch.eye(2)
print(A)
L = torch.linalg.cholesky(A)
print(L)
print(torch.dist(L @ L.T, A) < 1e-12)
A = torch.randn(3, 2, 2, dtype=torch.float64)
A = A @ A.mT + torch.eye(2)
L = torch.linalg.cholesky(A)
print(torch.dist(L @ L.mT, A) < 1e-12)
print(torch.linalg.cholesky(A, upper=True)[0])
A = torch.randn(2, 2, dtype=torch.float64)
A = A @ A.t()
L, info = torch.linalg.cholesky_ex(A)
print(A)
print(L)
print(info)
print(torch.linalg.cholesky_ex(-torch.eye(3)))
print(torch.linalg.cholesky_ex(torch.stack([torch.eye(2), -torch.eye(2)])).info)
for bad in [lambda: torch.linalg.cholesky(-torch.eye(3)),
            lambda: torch.linalg.cholesky(torch.stack([torch.eye(2), torch.diag(torch.tensor([1., -1.]))])),
            lambda: torch.linalg.cholesky(torch.ones(2, 3)),
            lambda: torch.linalg.cholesky(torch.eye(2, dtype=torch.int64)),
            lambda: torch.linalg.cholesky_ex(-torch.eye(3), check_errors=True)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = torch.tensor([[12., -51, 4], [6, 167, -68], [-4, 24, -41]])
Q, R = torch.linalg.qr(A)
print(Q)
print(R)
print(torch.dist(Q @ R, A) < 1e-4)
print(torch.dist(Q.T @ Q, torch.eye(3)) < 1e-5)
Q2, R2 = torch.linalg.qr(A, mode='r')
print(Q2)
print(torch.equal(R, R2))
torch.manual_seed(1)
A = torch.randn(3, 4, 5)
Q, R = torch.linalg.qr(A, mode='complete')
print(Q.shape, R.shape)
print(torch.dist(Q @ R, A) < 1e-5)
print(torch.dist(Q.mT @ Q, torch.eye(4)) < 1e-5)
out = torch.linalg.qr(torch.randn(5, 3))
print(type(out).__name__, out.Q.shape, out.R.shape)
print(torch.linalg.qr(torch.randn(5, 3), mode='complete').Q.shape)
for bad in [lambda: torch.linalg.qr(A, mode='full'), lambda: torch.linalg.qr(torch.ones(3)),
            lambda: torch.linalg.qr(torch.ones(2, 2, dtype=torch.int64))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = torch.tensor([[0.9828 + 0.3889j, -0.4617 + 0.3010j],
                  [0.1662 - 0.7435j, -0.6139 + 0.0562j]], dtype=torch.complex128)
L, V = torch.linalg.eig(A)
print(L)
print(torch.dist(V @ torch.diag(L) @ torch.linalg.inv(V), A) < 1e-12)
B = torch.tensor([[0., -1.], [1., 0.]])
print(torch.linalg.eig(B))
print(torch.linalg.eigvals(B))
print(torch.linalg.eigvals(torch.diag(torch.tensor([3., 1., 2.]))))
print(torch.linalg.eigvals(torch.tensor([[2., 0.], [0., 2.]], dtype=torch.float64)).dtype)
print(torch.linalg.eigvals(A))
for bad in [lambda: torch.linalg.eig(torch.ones(2, 3)), lambda: torch.linalg.eigvals(torch.eye(2, dtype=torch.int64)),
            lambda: torch.linalg.eig(torch.ones(3)),
            lambda: torch.dist(torch.ones(2, dtype=torch.int64), torch.zeros(2, dtype=torch.int64))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.dist(torch.ones(2), torch.zeros(2, dtype=torch.int64)))
print(torch.dist(L, torch.zeros(2, dtype=torch.int64), 1))

# %%
A = torch.tensor([[2.0, 1.0], [1.0, 3.0]], dtype=torch.float64)
L, Q = torch.linalg.eigh(A)
print(L)
print(torch.dist(Q @ torch.diag(L).to(Q.dtype) @ Q.mH, A) < 1e-12)
torch.manual_seed(2)
A = torch.randn(3, 2, 2, dtype=torch.float64)
A = A + A.mT
L, Q = torch.linalg.eigh(A)
print(torch.dist(Q @ torch.diag_embed(L) @ Q.mH, A) < 1e-12)
print(torch.linalg.eigvalsh(A))
print(torch.linalg.eigvalsh(torch.tensor([[1., 5.], [-3., 2.]]), UPLO='U'))
print(torch.linalg.eigvalsh(torch.tensor([[1., 5.], [-3., 2.]]), UPLO='L'))
print(torch.linalg.eigh(torch.tensor([[1., 5.], [-3., 2.]]), UPLO='U'))
for bad in [lambda: torch.linalg.eigh(torch.eye(2), UPLO='X'), lambda: torch.linalg.eigvalsh(torch.ones(2, 3)),
            lambda: torch.linalg.eigh(torch.eye(2, dtype=torch.int32)),
            lambda: torch.linalg.eigh(torch.tensor([[float('nan'), 0.], [0., 1.]]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(3)
A = torch.randn(5, 3)
U, S, Vh = torch.linalg.svd(A, full_matrices=False)
print(U.shape, S.shape, Vh.shape)
print(torch.dist(A, U @ torch.diag(S) @ Vh) < 1e-5)
U, S, Vh = torch.linalg.svd(A)
print(U.shape, S.shape, Vh.shape)
print(torch.dist(A, U[:, :3] @ torch.diag(S) @ Vh) < 1e-5)
A = torch.randn(7, 5, 3)
U, S, Vh = torch.linalg.svd(A, full_matrices=False)
print(torch.dist(A, U @ torch.diag_embed(S) @ Vh) < 1e-5)
print(torch.linalg.svdvals(torch.tensor([[3., 0.], [4., 5.]])))
S = torch.linalg.svdvals(A)
print(S.shape)
print(torch.dist(S, torch.linalg.svd(A, full_matrices=False).S) < 1e-6)
print(torch.linalg.svd(torch.tensor([[3., 0.], [0., -4.]])))
print(torch.linalg.svd(torch.tensor([[1., 1j], [0., 2.]])).S)
for bad in [lambda: torch.linalg.svd(torch.ones(3)), lambda: torch.linalg.svdvals(torch.ones(2, 2, dtype=torch.int64)),
            lambda: torch.linalg.svd(torch.tensor([[float('nan'), 1.], [0., 1.]]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = torch.tensor([[[10, 2, 3], [3, 10, 5], [5, 6, 12]]], dtype=torch.float)
B = torch.stack([2 * A[0], -A[0]])
X = torch.linalg.lstsq(A, B).solution
print(X.round(decimals=4) + 0.0)
print(torch.dist(X, torch.linalg.pinv(A) @ B) < 1e-5)
A = torch.tensor([[1., 1.], [1., 2.], [1., 3.], [1., 4.]], dtype=torch.float64)
b = torch.tensor([[6.], [5.], [7.], [10.]], dtype=torch.float64)
for driver in ['gelsy', 'gelsd', 'gelss', None]:
    res = torch.linalg.lstsq(A, b, driver=driver)
    print(driver, res.solution.flatten(), res.residuals, res.rank, res.singular_values)
res = torch.linalg.lstsq(A.float(), b.float(), driver='gels')
print(res)
res = torch.linalg.lstsq(torch.eye(2, dtype=torch.float64), torch.tensor([1., 0.], dtype=torch.float64).unsqueeze(-1))
print(res.solution.round(decimals=4) + 0.0, res.rank)
print(torch.linalg.lstsq(torch.tensor([[1., 2.], [2., 4.], [3., 6.]]), torch.ones(3, 1), driver='gelsd'))
print(torch.linalg.lstsq(torch.ones(2, 3), torch.ones(2, 1)).solution.shape)
for bad in [lambda: torch.linalg.lstsq(A, b, driver='gesv'), lambda: torch.linalg.lstsq(A, torch.ones(3, 1, dtype=torch.float64)),
            lambda: torch.linalg.lstsq(A.long(), b.long()), lambda: torch.linalg.lstsq(A, b.float()),
            lambda: torch.linalg.lstsq(A, torch.ones(4, dtype=torch.float64)).solution.shape]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
