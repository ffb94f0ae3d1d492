# Imitates the "Example::" blocks of PyTorch's API reference for torch.det / torch.logdet / torch.slogdet (singular
# and negative-determinant matrices), torch.lu_unpack, torch.triangular_solve and torch.linalg.lstsq's shapes, typed
# into a notebook as a learner does (seeded randn), with the named tuples printed, gradients and the errors.
import torch

# %%
torch.manual_seed(0)
A = torch.randn(3, 3)
print(torch.det(A))
print(torch.logdet(A))
A = torch.randn(3, 2, 2)
print(A)
print(A.det())
print(A.det().log())
print(torch.logdet(A))
print(torch.slogdet(A))
sign, logabsdet = torch.linalg.slogdet(A)
print(sign * torch.exp(logabsdet))
S = torch.tensor([[1., 2.], [2., 4.]])
print(torch.det(S), torch.logdet(S), torch.slogdet(S))
N = torch.tensor([[0., 1.], [1., 0.]])
print(torch.det(N), torch.logdet(N), torch.slogdet(N))
print(torch.logdet(torch.tensor([[0., 1.], [1., 0.]], dtype=torch.float64)), torch.det(torch.zeros(0, 0)))
for bad in [lambda: torch.det(torch.ones(2, 3)), lambda: torch.logdet(torch.eye(2, dtype=torch.int64)),
            lambda: torch.slogdet(torch.ones(3)), lambda: torch.det(torch.eye(2, dtype=torch.int32))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(1)
x = torch.randn(3, 3, requires_grad=True)
torch.det(x).backward()
print(x.grad)
x.grad = None
torch.logdet(x @ x.T).backward()
print(x.grad)
x.grad = None
s, l = torch.slogdet(x)
l.backward()
print(x.grad, s.requires_grad, l.grad_fn)
y = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)
torch.det(y).backward()
print(y.grad)

# %%
torch.manual_seed(2)
A = torch.randn(2, 3, 3)
LU, pivots = torch.linalg.lu_factor(A)
P, L, U = torch.lu_unpack(LU, pivots)
print(torch.allclose(P @ L @ U, A, atol=1e-6))
print(pivots, pivots.dtype)
A = torch.randn(2, 3, 2)
LU, pivots = torch.linalg.lu_factor(A)
P, L, U = torch.lu_unpack(LU, pivots)
print(P.shape, L.shape, U.shape)
print(torch.allclose(P @ L @ U, A, atol=1e-6))
out = torch.lu_unpack(LU, pivots, unpack_data=False)
print(out.P.shape, out.L, out.U)
out = torch.lu_unpack(LU, pivots, unpack_pivots=False)
print(out.P, out.L.shape)
print(torch.lu_unpack(*torch.linalg.lu_factor(torch.tensor([[0., 1.], [2., 3.]]))))
for bad in [lambda: torch.lu_unpack(LU, pivots.float()), lambda: torch.lu_unpack(torch.ones(3), torch.ones(3, dtype=torch.int32))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(3)
A = torch.randn(2, 2).triu()
print(A)
b = torch.randn(2, 3)
print(b)
print(torch.triangular_solve(b, A))
x, cloned = torch.triangular_solve(b, A, upper=True, transpose=True)
print(torch.allclose(A.T @ x, b, atol=1e-5), cloned.shape)
print(torch.triangular_solve(b, A.T, upper=False, unitriangular=True).solution)
Ab = torch.randn(3, 2, 2).tril().requires_grad_()
bb = torch.randn(2, 1, requires_grad=True)
sol = torch.triangular_solve(bb, Ab, upper=False)
print(sol.solution.shape)
sol.solution.sum().backward()
print(Ab.grad, bb.grad)
for bad in [lambda: torch.triangular_solve(torch.randn(3, 1), A), lambda: torch.triangular_solve(torch.randn(2), A),
            lambda: torch.triangular_solve(b, torch.randn(2)),
            lambda: torch.triangular_solve(b.double(), A)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(4)
A = torch.randn(1, 3, 3)
B = torch.randn(2, 3, 3)
X = torch.linalg.lstsq(A, B).solution
print(X.shape)
print(torch.dist(X, torch.linalg.pinv(A) @ B) < 1e-4)
A = torch.randn(5, 3)
B = torch.randn(5, 2)
res = torch.linalg.lstsq(A, B)
print(res.solution.shape, res.residuals, res.rank, res.singular_values)
res = torch.linalg.lstsq(A, B, driver="gelsd")
print(res.solution.shape, res.residuals.shape, res.rank, res.singular_values.shape)
print(torch.linalg.lstsq(A, B, driver="gelsy").rank)
for bad in [lambda: torch.linalg.lstsq(A, torch.randn(4, 2)), lambda: torch.linalg.lstsq(A, B, driver="foo"),
            lambda: torch.linalg.lstsq(A.long(), B.long()), lambda: torch.linalg.lstsq(torch.randn(3), B)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
