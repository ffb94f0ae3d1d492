# Imitates the "Example::" blocks of PyTorch's API reference for the legacy LAPACK wrappers torch.cholesky (upper=),
# torch.cholesky_inverse, torch.cholesky_solve, torch.qr (some=) and torch.svd (some=, compute_uv=False), pasted cell
# by cell into a notebook as a learner does (seeded randn), with the named tuples printed, gradients and the errors.
import torch

# %%
torch.manual_seed(0)
a = torch.randn(3, 3)
a = a @ a.mT + 1e-3  # make symmetric positive-definite
l = torch.cholesky(a)
print(a)
print(l)
print(l @ l.mT)
u = torch.cholesky(a, upper=True)
print(u)
print(torch.allclose(u.mT @ u, a, atol=1e-5))
a = torch.randn(3, 2, 2)
a = a @ a.mT + 1e-03
l = torch.cholesky(a)
z = l @ l.mT
print(torch.dist(z, a) < 1e-5)

# %%
torch.manual_seed(1)
A = torch.randn(3, 3)
A = A @ A.T + torch.eye(3) * 1e-3
L = torch.linalg.cholesky(A)
print(torch.cholesky_inverse(L))
print(torch.linalg.inv(A))
U = torch.linalg.cholesky(A, upper=True)
print(torch.cholesky_inverse(U, upper=True))
A = torch.randn(3, 2, 2, dtype=torch.complex64)
A = A @ A.mH + torch.eye(2) * 1e-3
L = torch.linalg.cholesky(A)
print(torch.dist(torch.inverse(A), torch.cholesky_inverse(L)) < 1e-3)
print(torch.cholesky_inverse(L).shape, torch.cholesky_inverse(L).dtype)

# %%
torch.manual_seed(2)
A = torch.randn(3, 3)
A = A @ A.T + torch.eye(3) * 1e-3
L = torch.linalg.cholesky(A)
B = torch.randn(3, 2)
print(torch.cholesky_solve(B, L))
print(A.inverse() @ B)
print(torch.cholesky_solve(B, L.mT, upper=True))
A = torch.randn(3, 2, 2, dtype=torch.complex64)
A = A @ A.mH + torch.eye(2) * 1e-3
L = torch.linalg.cholesky(A)
B = torch.randn(2, 1, dtype=torch.complex64)
X = torch.cholesky_solve(B, L)
print(X.shape, X.dtype)
print(torch.dist(X, A.inverse() @ B) < 1e-3)
for bad in [lambda: torch.cholesky_solve(torch.randn(2, 2), torch.eye(3)),
            lambda: torch.cholesky_solve(torch.randn(3), torch.eye(3)),
            lambda: torch.cholesky_inverse(torch.randn(2, 3)),
            lambda: torch.cholesky_inverse(torch.eye(2, dtype=torch.int64)),
            lambda: torch.cholesky(torch.tensor([[1., 2.], [2., 1.]])),
            lambda: torch.cholesky_solve(torch.ones(2, 1, dtype=torch.float64), torch.eye(2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
a = torch.tensor([[12., -51, 4], [6, 167, -68], [-4, 24, -41]])
q, r = torch.qr(a)
print(q)
print(r)
print(torch.mm(q, r).round())
print(torch.mm(q.t(), q).round())
print(torch.qr(a[:, :2]))
torch.manual_seed(3)
a = torch.randn(3, 4, 5)
q, r = torch.qr(a, some=False)
print(q.shape, r.shape)
print(torch.allclose(torch.matmul(q, r), a, atol=1e-5))
print(torch.allclose(torch.matmul(q.mT, q), torch.eye(4), atol=1e-5))
q, r = torch.qr(torch.randn(5, 3), some=True)
print(q.shape, r.shape)
q, r = torch.qr(torch.randn(5, 3), some=False)
print(q.shape, r.shape)

# %%
torch.manual_seed(4)
a = torch.randn(5, 3)
print(a)
u, s, v = torch.svd(a)
print(u.shape, s.shape, v.shape)
print(s)
print(torch.dist(a, torch.mm(torch.mm(u, torch.diag(s)), v.t())) < 1e-5)
a_big = torch.randn(7, 5, 3)
u, s, v = torch.svd(a_big)
print(torch.dist(a_big, torch.matmul(torch.matmul(u, torch.diag_embed(s)), v.mT)) < 1e-4)
u, s, v = torch.svd(a, some=False)
print(u.shape, s.shape, v.shape)
out = torch.svd(a, compute_uv=False)
print(out.U, out.S, out.V)
print(type(out).__name__, len(out))
print(torch.svd(torch.tensor([[3., 0.], [0., 4.]])))
try:
    torch.svd(torch.ones(3, 3, dtype=torch.int64))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(5)
x = torch.randn(4, 3, requires_grad=True)
u, s, v = torch.svd(x)
s.sum().backward()
print(x.grad)
print(s.grad_fn, u.grad_fn.name())
x.grad = None
q, r = torch.qr(x)
r.diagonal().abs().sum().backward()
print(x.grad)
y = torch.randn(3, 3)
A = (y @ y.T + torch.eye(3)).requires_grad_()
L = torch.cholesky(A)
L.sum().backward()
print(A.grad)
print(L.grad_fn)
A.grad = None
torch.cholesky_inverse(torch.linalg.cholesky(A)).trace().backward()
print(A.grad)
