# Imitates fastbook chapter 17 "A Neural Net from the Foundations" (matrix multiplication from scratch: three python
# loops, then elementwise, then broadcasting, then torch.einsum('ik,kj->ij')) together with the mistakes learners
# post on the fast.ai forums for that chapter and ch4's init_params: a float64 weight matrix meeting float32
# activations, einsum equations with typos, torch.randn(size, std) instead of torch.randn(size)*std.
import math
import torch
from torch import tensor

# %%
torch.manual_seed(0)
m1 = torch.randn(5, 28 * 28)
m2 = torch.randn(784, 10)
def matmul(a, b):
    ar, ac = a.shape
    br, bc = b.shape
    assert ac == br
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            for k in range(ac): c[i, j] += a[i, k] * b[k, j]
    return c
t1 = matmul(m1[:2, :30], m2[:30, :3])
print(t1.shape, torch.allclose(t1, m1[:2, :30] @ m2[:30, :3], atol=1e-5))
try:
    matmul(m1[:2], m2[:30])
except AssertionError as e:
    print("AssertionError", e)

# %%
def matmul_el(a, b):
    ar, ac = a.shape
    br, bc = b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc): c[i, j] = (a[i] * b[:, j]).sum()
    return c
def matmul_bc(a, b):
    ar, ac = a.shape
    br, bc = b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar): c[i] = (a[i].unsqueeze(-1) * b).sum(dim=0)
    return c
def matmul_es(a, b): return torch.einsum('ik,kj->ij', a, b)
ref = m1 @ m2
print([torch.allclose(f(m1, m2), ref, atol=1e-3) for f in (matmul_el, matmul_bc, matmul_es)])
print(matmul_es(m1[:2, :3], m2[:3, :2]))

# %%
w64 = torch.randn(784, 10, dtype=torch.float64)
for f in [lambda: m1 @ w64, lambda: torch.mm(m1, w64), lambda: matmul_es(m1, w64),
          lambda: matmul_es(m1[:, :3], w64[:3]), lambda: torch.bmm(m1[None], w64[None]),
          lambda: torch.bmm(m1[None, :2, :3], w64[None, :3, :2]), lambda: m1[None] @ w64[None],
          lambda: torch.baddbmm(torch.zeros(1, 5, 10), m1[None], w64[None]),
          lambda: matmul_es(m1.double(), m2[:, :2])]:
    try:
        print(f().dtype)
    except Exception as e:
        print(type(e).__name__, e)
print(matmul_es(m1, w64.float()).dtype, (m1.double() @ w64).dtype)

# %%
for eq in ['ik,kj->ij', 'ik,kj', 'ik, kj -> ij', 'ik,jk->ij', 'ik,kj->ik->j', 'ik,kj=>ij', 'i.k,kj->ij',
           'ik,kj->i..', 'ik,kj,jl->il', 'ikl,kj->ij', 'ik,kj->iJ', 'ij,kj->i1', '...k,kj->...j', 'ik,kj->ii']:
    try:
        print(eq, torch.einsum(eq, m1, m2).shape)
    except Exception as e:
        print(eq, type(e).__name__, e)

# %%
def init_params(size, std=1.0): return (torch.randn(size) * std).requires_grad_()
torch.manual_seed(1)
weights = init_params((28 * 28, 1))
bias = init_params(1)
print(weights.shape, bias.shape, weights.requires_grad)
def init_params_wrong(size, std=1.0): return torch.randn(size, std).requires_grad_()
for args in [((784, 1),), ((784, 1), 0.1), (784, 2), (784, 0.5)]:
    try:
        print(init_params_wrong(*args).shape)
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: torch.randn(3, size=(2, 2)), lambda: torch.zeros(3, size=(2, 2)),
          lambda: torch.rand((2, 2), (3,)), lambda: torch.randn(size=(2, 3)).shape]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(2)
x = torch.randn(200, 100)
for i in range(50): x = (x @ (torch.randn(100, 100) * math.sqrt(2 / 100))).clamp_min(0.)
print(x.shape, x.std() > 0.05, torch.isfinite(x).all())
w = torch.empty(100, 100)
torch.nn.init.kaiming_normal_(w, nonlinearity='relu')
print(w.std() > 0.1, torch.nn.init.calculate_gain('relu'), math.sqrt(2 / 100))
