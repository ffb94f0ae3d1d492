# Imitates a numerical linear algebra notebook: eigh, svd, qr, cholesky, det/slogdet, pinv, norms and solve,
# with gradients flowing through the decompositions (low-rank approximation, log-det of a covariance).
import torch

torch.manual_seed(0)
A = torch.randn(4, 4, dtype=torch.float64)
S = A @ A.T + 4 * torch.eye(4, dtype=torch.float64)
L, Q = torch.linalg.eigh(S)
print(L)
print(torch.allclose(Q @ torch.diag(L) @ Q.T, S))
print(torch.linalg.eigvalsh(S))
res = torch.linalg.eigh(S, UPLO="U")
print(type(res).__name__, res.eigenvalues.shape, res.eigenvectors.shape)

# %%
S.requires_grad_(True)
L = torch.linalg.eigvalsh(S)
L.max().backward()
print(S.grad)
S.grad = None
Lc = torch.linalg.cholesky(S)
print(Lc)
logdet = 2 * Lc.diagonal().log().sum()
print(logdet, torch.logdet(S))
logdet.backward()
print(torch.allclose(S.grad, torch.linalg.inv(S).detach()))

# %%
sign, ld = torch.linalg.slogdet(S)
print(sign, ld)
print(torch.linalg.slogdet(S))
print(torch.det(S.detach()), torch.linalg.det(-S.detach()))
Q, R = torch.linalg.qr(A)
print(R)
print(torch.linalg.qr(torch.randn(5, 3, dtype=torch.float64), mode="r").R.shape)
print(torch.linalg.qr(torch.randn(5, 3), mode="complete").Q.shape)

# %%
X = torch.randn(6, 4, requires_grad=True)
U, s, Vh = torch.linalg.svd(X, full_matrices=False)
print(U.shape, s, Vh.shape)
k = 2
Xk = U[:, :k] @ torch.diag(s[:k]) @ Vh[:k]
err = torch.linalg.matrix_norm(X - Xk)
print(err, torch.sqrt((s[k:] ** 2).sum()))
err.backward()
print(X.grad)
print(torch.linalg.svdvals(X.detach()))

# %%
B = torch.randn(3, 5)
P = torch.linalg.pinv(B)
print(P.shape, torch.allclose(B @ P @ B, B, atol=1e-5))
print(torch.linalg.matrix_rank(B), torch.linalg.matrix_rank(torch.ones(3, 3)))
print(torch.linalg.norm(B), torch.linalg.norm(B, ord="nuc"), torch.linalg.norm(B, ord=2))
print(torch.linalg.vector_norm(B, ord=float('inf')), torch.linalg.cond(torch.tensor([[1.0, 2.0], [3.0, 4.0]])))

# %%
try:
    torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve(torch.zeros(2, 2), torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.inv(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
