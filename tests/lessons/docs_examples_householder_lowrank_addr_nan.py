# Imitates the PyTorch API reference's blocks for torch.geqrf / torch.orgqr (linalg.householder_product) /
# torch.ormqr, torch.svd_lowrank and torch.pca_lowrank (seeded), and the beta=0 note of addmm / addmv / addr /
# baddbmm / addbmm ("nan and inf in input are ignored"), typed into a notebook with int inputs and shape errors.
import torch

# %%
torch.manual_seed(0)
A = torch.randn(4, 3)
a, tau = torch.geqrf(A)
print(a)
print(tau)
Q = torch.orgqr(a, tau)
print(Q)
R = a.triu()[:3]
print(torch.allclose(Q @ R, A, atol=1e-5))
print(torch.allclose(torch.linalg.householder_product(a, tau), Q))
C = torch.randn(4, 2)
print(torch.allclose(torch.ormqr(a, tau, C), torch.linalg.qr(A, mode="complete").Q @ C, atol=1e-5))
print(torch.ormqr(a, tau, C, transpose=True))
print(torch.ormqr(a, tau, torch.randn(2, 4), left=False).shape)
print(torch.geqrf(torch.randn(2, 5)))
for bad in [lambda: torch.geqrf(torch.ones(3)), lambda: torch.geqrf(torch.ones(2, 2, dtype=torch.int64)),
            lambda: torch.orgqr(a, tau[:2].repeat(3)), lambda: torch.ormqr(a, tau, torch.randn(3, 2)),
            lambda: torch.ormqr(a, tau, torch.randn(2, 3), left=False), lambda: torch.ormqr(a, tau[:2], torch.randn(4, 2)),
            lambda: torch.ormqr(a, tau.double(), C), lambda: torch.ormqr(a, tau, C[0]),
            lambda: torch.orgqr(a.T, tau)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(1)
A = torch.randn(20, 6) @ torch.randn(6, 10)
U, S, V = torch.svd_lowrank(A, q=6)
print(U.shape, S.shape, V.shape)
print(torch.dist(U @ torch.diag(S) @ V.T, A) < 1e-3)
print(torch.allclose(S, torch.linalg.svdvals(A)[:6], atol=1e-3))
U, S, V = torch.pca_lowrank(A, q=3)
print(U.shape, S.shape, V.shape)
print(torch.allclose(S, torch.linalg.svdvals(A - A.mean(dim=0))[:3], rtol=1e-3))
U, S, V = torch.pca_lowrank(A, center=False)
print(S.shape)
try:
    torch.pca_lowrank(A, q=20)
except Exception as e:
    print(type(e).__name__, e)

# %%
M = torch.tensor([[float("nan"), 1.], [float("inf"), 2.]])
m1 = torch.tensor([[1., 2.], [3., 4.]])
print(torch.addmm(M, m1, m1, beta=0))
print(torch.addmm(M, m1, m1, beta=0, alpha=0.5))
print(torch.addmm(M, m1, m1))
v = torch.tensor([float("nan"), 1.])
print(torch.addmv(v, m1, torch.ones(2), beta=0), torch.addmv(v, m1, torch.ones(2)))
print(torch.addr(M, torch.ones(2), torch.arange(2.), beta=0), torch.addr(M, torch.ones(2), torch.arange(2.), alpha=0))
bM = torch.full((2, 2, 2), float("nan"))
b1 = torch.ones(2, 2, 3)
b2 = torch.ones(2, 3, 2)
print(torch.baddbmm(bM, b1, b2, beta=0), torch.addbmm(bM[0], b1, b2, beta=0.0))
print(torch.addmm(torch.ones(2, 2, dtype=torch.int64), torch.ones(2, 2, dtype=torch.int64), torch.eye(2, dtype=torch.int64), beta=0, alpha=3))
print(torch.addr(torch.ones(2, 2, dtype=torch.int64), torch.arange(2), torch.arange(2), alpha=2))
x = torch.ones(2, 2, requires_grad=True)
w = torch.ones(2, 2, requires_grad=True)
out = torch.addmm(x, w, m1, beta=0)
out.sum().backward()
print(out.grad_fn, x.grad, w.grad)
for bad in [lambda: torch.addmm(M, m1, torch.ones(3, 2)), lambda: torch.addmv(v, m1, torch.ones(3)),
            lambda: torch.addr(M, torch.ones(3), torch.ones(2)), lambda: torch.baddbmm(bM, b1, b1),
            lambda: torch.addmm(torch.ones(3, 3), m1, m1), lambda: torch.addr(M, torch.ones(2), torch.ones(2), beta=0.5, alpha=torch.tensor(1.)),
            lambda: torch.addr(torch.ones(2, 2, dtype=torch.int64), torch.arange(2), torch.arange(2), alpha=0.5),
            lambda: torch.addr(torch.ones(2, 2, dtype=torch.int64), torch.arange(2), torch.arange(2), beta=0.5),
            lambda: torch.addr(torch.ones(2, 2, dtype=torch.int64), torch.arange(2), torch.arange(2), beta=True),
            lambda: torch.addbmm(bM[0], b1, b2[0])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
