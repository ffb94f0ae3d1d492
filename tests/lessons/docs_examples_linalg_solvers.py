# Imitates the "Examples::" blocks of PyTorch's torch.linalg reference for the solvers and inverses: solve
# (left=False, batched, broadcast), solve_ex / inv_ex with their info tensors, solve_triangular (upper, left,
# unitriangular), lu_factor / lu / lu_solve (left, adjoint), pinv (hermitian, rtol),
# tensorinv / tensorsolve, matrix_power with negative exponents, pasted into a notebook (seeded).
import torch

# %%
torch.manual_seed(0)
A = torch.randn(3, 3)
b = torch.randn(3)
x = torch.linalg.solve(A, b)
print(torch.allclose(A @ x, b, atol=1e-5))
A = torch.randn(2, 3, 3)
B = torch.randn(2, 3, 4)
X = torch.linalg.solve(A, B)
print(X.shape)
print(torch.allclose(A @ X, B, atol=1e-5))
b = torch.randn(3, 1)
x = torch.linalg.solve(A, b)
print(x.shape)
b = torch.randn(3)
x = torch.linalg.solve(A, b)
print(x.shape)
Ac = torch.linalg.solve(A, A[0])
print(Ac.shape)
B = torch.randn(4, 3)
X = torch.linalg.solve(A[0], B, left=False)
print(X.shape, torch.allclose(X @ A[0], B, atol=1e-5))
A = torch.randn(3, 3)
Ainv, info = torch.linalg.inv_ex(A)
print(torch.dist(torch.linalg.inv(A), Ainv))
print(info)
print(torch.linalg.inv_ex(torch.zeros(2, 3, 3)))
print(torch.linalg.solve_ex(torch.tensor([[1., 2.], [2., 4.]]), torch.ones(2)))
res = torch.linalg.solve_ex(A, torch.ones(3))
print(type(res).__name__, res.info, torch.allclose(A @ res.result, torch.ones(3), atol=1e-5))

# %%
for bad in [lambda: torch.linalg.solve(torch.zeros(3, 3), torch.ones(3)),
            lambda: torch.linalg.solve(torch.tensor([[[1., 2.], [2., 4.]], [[1., 0.], [0., 1.]]]), torch.ones(2, 2)),
            lambda: torch.linalg.solve(torch.ones(2, 3), torch.ones(2)),
            lambda: torch.linalg.solve(torch.eye(3), torch.ones(4)),
            lambda: torch.linalg.solve(torch.eye(3, dtype=torch.int64), torch.ones(3, dtype=torch.int64)),
            lambda: torch.linalg.solve(torch.eye(3), torch.ones(3, dtype=torch.float64)),
            lambda: torch.linalg.inv(torch.zeros(2, 2)),
            lambda: torch.linalg.inv(torch.ones(2, 3)),
            lambda: torch.linalg.inv(torch.eye(2, dtype=torch.int64)),
            lambda: torch.inverse(torch.stack([torch.eye(2), torch.zeros(2, 2)])),
            lambda: torch.linalg.inv_ex(torch.zeros(2, 2), check_errors=True),
            lambda: torch.linalg.solve_ex(torch.zeros(2, 2), torch.ones(2), check_errors=True)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(1)
A = torch.randn(3, 3).triu_()
B = torch.randn(3, 4)
X = torch.linalg.solve_triangular(A, B, upper=True)
print(torch.allclose(A @ X, B, atol=1e-4))
A = torch.randn(2, 3, 3).tril_()
B = torch.randn(2, 3, 4)
X = torch.linalg.solve_triangular(A, B, upper=False)
print(torch.allclose(A @ X, B, atol=1e-4))
A = torch.randn(2, 4, 4).tril_()
B = torch.randn(2, 3, 4)
X = torch.linalg.solve_triangular(A, B, upper=False, left=False)
print(torch.allclose(X @ A, B, atol=1e-4))
U = torch.tensor([[2., 3.], [0., 4.]])
print(torch.linalg.solve_triangular(U, torch.tensor([[1.], [2.]]), upper=True, unitriangular=True))
print(torch.linalg.solve_triangular(U, torch.tensor([[1.], [2.]]), upper=True))
print(torch.linalg.solve_triangular(torch.zeros(2, 2), torch.ones(2, 1), upper=True))
for bad in [lambda: torch.linalg.solve_triangular(U, torch.ones(2, 1)),
            lambda: torch.linalg.solve_triangular(U, torch.ones(2), upper=True),
            lambda: torch.linalg.solve_triangular(U, torch.ones(3, 1), upper=True),
            lambda: torch.linalg.solve_triangular(U.long(), torch.ones(2, 1).long(), upper=True)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(2)
A = torch.randn(2, 3, 3)
LU, pivots = torch.linalg.lu_factor(A)
P, L, U = torch.lu_unpack(LU, pivots)
print(torch.allclose(P @ L @ U, A, atol=1e-5))
print(pivots.dtype, pivots)
P, L, U = torch.linalg.lu(A)
print(torch.allclose(A, P @ L @ U, atol=1e-5))
print(torch.linalg.lu(torch.tensor([[1., 2.], [3., 4.]])))
print(torch.linalg.lu(torch.randn(3, 2)).L.shape, torch.linalg.lu(torch.randn(2, 3)).U.shape)
print(torch.linalg.lu(torch.randn(2, 2), pivot=True).P)
print(torch.linalg.lu_factor_ex(torch.zeros(2, 2)))
A = torch.randn(3, 3)
LU, pivots = torch.linalg.lu_factor(A)
B = torch.randn(3, 2)
X = torch.linalg.lu_solve(LU, pivots, B)
print(torch.allclose(A @ X, B, atol=1e-5))
B = torch.randn(3, 3, 2)
X = torch.linalg.lu_solve(LU, pivots, B)
print(torch.allclose(A @ X, B, atol=1e-5))
B = torch.randn(3, 3, 3)
X = torch.linalg.lu_solve(LU, pivots, B, left=False)
print(torch.allclose(X @ A, B, atol=1e-5))
X = torch.linalg.lu_solve(LU, pivots, B, adjoint=True)
print(torch.allclose(A.mT @ X, B, atol=1e-5))
for bad in [lambda: torch.linalg.lu_factor(torch.ones(2, 3)),
            lambda: torch.linalg.lu_factor(torch.zeros(2, 2)),
            lambda: torch.linalg.lu_factor(torch.eye(2, dtype=torch.int64)),
            lambda: torch.linalg.lu_solve(LU, pivots, torch.ones(2, 2)),
            lambda: torch.linalg.lu_solve(LU, pivots.int().long(), torch.ones(3, 2)),
            lambda: torch.linalg.lu(torch.randn(2, 2), pivot=False)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(4)
A = torch.randn(3, 5)
print(A.shape)
Apinv = torch.linalg.pinv(A)
print(Apinv.shape)
print(torch.dist(A @ Apinv @ A, A) < 1e-5)
A = torch.randn(2, 6, 3)
Apinv = torch.linalg.pinv(A)
print(torch.dist(Apinv @ A, torch.eye(3)) < 1e-5)
A = torch.randn(3, 3, dtype=torch.complex64)
A = A + A.mH
Apinv = torch.linalg.pinv(A, hermitian=True)
print(torch.dist(Apinv @ A, torch.eye(3)) < 1e-4)
D = torch.diag(torch.tensor([2., 1e-3, 0.]))
print(torch.linalg.pinv(D))
print(torch.linalg.pinv(D, rtol=1e-2))
print(torch.linalg.pinv(D, atol=0.5))
print(torch.linalg.pinv(D, hermitian=True, atol=torch.tensor(0.5)))
print(torch.linalg.pinv(torch.tensor([[1, 2], [3, 4]]).float()))
for bad in [lambda: torch.linalg.pinv(torch.ones(3)), lambda: torch.linalg.pinv(torch.eye(2, dtype=torch.int64)),
            lambda: torch.linalg.pinv(D, rcond=1e-2, rtol=1e-2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = torch.eye(4 * 6).reshape((4, 6, 8, 3))
Ainv = torch.linalg.tensorinv(A, ind=2)
print(Ainv.shape)
B = torch.randn(4, 6)
print(torch.allclose(torch.tensordot(Ainv, B), torch.linalg.tensorsolve(A, B)))
torch.manual_seed(5)
A = torch.randn(4, 4)
Atensorinv = torch.linalg.tensorinv(A, ind=1)
Ainv = torch.linalg.inv(A)
print(torch.allclose(Atensorinv, Ainv))
A = torch.eye(2 * 3 * 4).reshape((2 * 3, 4, 2, 3, 4))
B = torch.randn(2 * 3, 4)
X = torch.linalg.tensorsolve(A, B)
print(X.shape)
print(torch.allclose(torch.tensordot(A, X, dims=X.ndim), B))
A = torch.randn(6, 4, 4, 3, 2)
B = torch.randn(4, 3, 2)
X = torch.linalg.tensorsolve(A, B, dims=(0, 2))
print(X.shape)
A = A.permute(1, 3, 4, 0, 2)
print(A.shape[B.ndim:])
print(torch.allclose(torch.tensordot(A, X, dims=X.ndim), B, atol=1e-5))
for bad in [lambda: torch.linalg.tensorinv(torch.ones(4, 6, 8, 3), ind=1),
            lambda: torch.linalg.tensorinv(torch.ones(2, 3), ind=0),
            lambda: torch.linalg.tensorinv(torch.zeros(2, 2), ind=1),
            lambda: torch.linalg.tensorsolve(torch.ones(6, 4, 2, 3), torch.ones(6, 5))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
a = torch.tensor([[0., 1.], [-1., 0.]])
print(torch.linalg.matrix_power(a, 0))
print(torch.linalg.matrix_power(a, 3))
print(torch.linalg.matrix_power(torch.tensor([[2., 0.], [0., 4.]]), -2))
print(torch.matrix_power(torch.tensor([[1, 1], [0, 1]]), 5))
print(torch.linalg.matrix_power(torch.zeros(0, 0), -1))
for bad in [lambda: torch.linalg.matrix_power(torch.tensor([[1, 1], [0, 1]]), -1),
            lambda: torch.linalg.matrix_power(torch.zeros(2, 2), -1),
            lambda: torch.linalg.matrix_power(torch.ones(2, 3), 2),
            lambda: torch.linalg.matrix_power(a, 1.5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
