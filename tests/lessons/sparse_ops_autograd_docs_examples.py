# Imitates the Examples of torch.sparse's operations as a learner tries them on a small adjacency matrix:
# torch.sparse.sum (all and per dim), torch.sparse.mm / addmm, torch.sparse.softmax / log_softmax,
# sparse + dense, sparse * scalar, sparse @ dense, and gradients into a sparse leaf through torch.sparse.mm.
import torch
torch.manual_seed(0)
idx = torch.tensor([[0, 0, 1, 2, 2], [1, 2, 0, 0, 1]])
val = torch.randn(5)
A = torch.sparse_coo_tensor(idx, val, (3, 3))
print(torch.sparse.sum(A))
print(torch.sparse.sum(A, dim=1))
print(torch.sparse.sum(A, dim=0).to_dense())
print(torch.sparse.sum(A, dim=(0, 1)))

# %%
X = torch.randn(3, 2)
Y = torch.sparse.mm(A, X)
print(Y)
print(torch.sparse.mm(A, X).shape, (A @ X).allclose(Y))
M = torch.randn(3, 2)
print(torch.sparse.addmm(M, A, X))
print(torch.sparse.addmm(M, A, X, beta=0.5, alpha=2.0))

# %%
S = torch.sparse.softmax(A, dim=1)
print(S)
print(S.to_dense())
L = torch.sparse.log_softmax(A, dim=0)
print(L.to_dense())

# %%
D = torch.ones(3, 3)
print(A + D)
print(A * 2.0)
print(2 * A)
print((A * 3).to_dense())
print(A - A)
print(A + A)
print(-A)
print(A.t())

# %%
# gradient into a sparse leaf through torch.sparse.mm
a = torch.sparse_coo_tensor(idx, val, (3, 3)).requires_grad_(True)
b = torch.randn(3, 2, requires_grad=True)
y = torch.sparse.mm(a, b)
print(y.grad_fn)
y.sum().backward()
print(a.grad)
print(b.grad)
print(a.grad.is_sparse, a.grad.layout)

# %%
# addmm: a bias plus the sparse product, gradients into all three
bias = torch.zeros(3, 2, requires_grad=True)
b2 = torch.randn(3, 2, requires_grad=True)
a2 = torch.sparse_coo_tensor(idx, val, (3, 3)).requires_grad_(True)
z = torch.sparse.addmm(bias, a2, b2, beta=0.5, alpha=-2.0)
print(z, z.grad_fn)
z.pow(2).mean().backward()
print(a2.grad)
print(bias.grad, b2.grad)

# %%
# dense weights multiplied by a sparse matrix, gradient into the values
v = torch.randn(5, requires_grad=True)
A2 = torch.sparse_coo_tensor(idx, v, (3, 3))
print(A2.grad_fn)
out = torch.sparse.mm(A2, X).pow(2).sum()
out.backward()
print(v.grad)
Z = torch.sparse.sum(A2)
print(Z, Z.grad_fn)

# %%
# mistakes
try:
    torch.sparse.mm(A, torch.randn(4, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.sparse.sum(A, dim=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.sparse.sum(A, dim=(1, -1))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.sparse.addmm(torch.ones(2, 2), A, X)
except Exception as e:
    print(type(e).__name__, e)
try:
    A + torch.ones(2, 3)
except Exception as e:
    print(type(e).__name__, e)
