# Imitates a numerical linear algebra chapter: solving Ax = b and XA = B, reusing an LU factorization
# (lu_factor / lu_solve, the P, L, U of linalg.lu, the older torch.lu / lu_unpack), singular systems, and
# differentiating through a linear solve.
import torch

torch.manual_seed(0)
A = torch.tensor([[4.0, 3.0, 2.0], [2.0, 1.0, 3.0], [3.0, 2.0, 1.0]])
b = torch.tensor([1.0, 2.0, 3.0])
x = torch.linalg.solve(A, b)
print(x, A @ x)
B = torch.randn(2, 3)
X = torch.linalg.solve(A, B, left=False)
print(X)
print(torch.allclose(X @ A, B, atol=1e-6))
print(torch.linalg.solve(A.T, B.T).T - X)

# %%
torch.linalg.solve(A, torch.randn(3, 2), left=False)

# %%
torch.linalg.solve(A, b, left=False)

# %%
LU, pivots = torch.linalg.lu_factor(A)
print(LU)
print(pivots)
P, L, U = torch.linalg.lu(A)
print(P)
print(L)
print(U)
print(torch.allclose(P @ L @ U, A))
print(torch.linalg.lu_solve(LU, pivots, B.T))
print(torch.linalg.lu_solve(LU, pivots, B, left=False))
print(torch.linalg.lu_solve(LU, pivots, B.T, adjoint=True))

# %%
rhs = torch.randn(3, 4)
sols = torch.linalg.lu_solve(LU, pivots, rhs)
print(torch.allclose(A @ sols, rhs, atol=1e-5))
P2, L2, U2 = torch.lu_unpack(LU, pivots)
print(torch.equal(P2, P), torch.equal(L2, L), torch.equal(U2, U))
res = torch.linalg.lu_factor_ex(A)
print(res)
print(type(res).__name__, res.info)

# %%
torch.linalg.lu_solve(LU, pivots, b)

# %%
torch.linalg.lu_solve(LU, pivots.long(), B.T)

# %%
S = torch.tensor([[1.0, 2.0], [2.0, 4.0]])
torch.linalg.lu_factor(S)

# %%
print(torch.linalg.lu_factor_ex(S))
print(torch.linalg.lu(S))

# %%
torch.linalg.solve(S, torch.ones(2), left=False)

# %%
torch.linalg.lu_factor(torch.tensor([[1, 2], [3, 4]]))

# %%
Aw = torch.randn(4, 6)
P, L, U = torch.linalg.lu(Aw)
print(L.shape, U.shape, torch.allclose(P @ L @ U, Aw, atol=1e-6))
LUw, pw = torch.linalg.lu_factor(Aw.T)
print(LUw.shape, pw)

# %%
Ag = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
Bg = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
Xg = torch.linalg.solve(Ag, Bg, left=False)
print(Xg.grad_fn)
Xg.sum().backward()
print(Ag.grad)
print(Bg.grad)
LUg, pg = torch.linalg.lu_factor(Ag)
print(LUg.grad_fn, pg.requires_grad)
y = torch.linalg.lu_solve(LUg, pg, Bg.T)
print(y.grad_fn)
Ag.grad = None
(y ** 2).sum().backward()
print(Ag.grad)
print(torch.autograd.gradcheck(lambda a: torch.linalg.lu(a)[1:], (torch.randn(3, 3, dtype=torch.float64, requires_grad=True),)))
