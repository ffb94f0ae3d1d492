# Imitates fast.ai Computational Linear Algebra lesson 2 "Topic modeling with NMF and SVD": NMF with PyTorch by
# gradient descent with penalty terms on negative entries (torch.clamp, torch.mm, .sum()), printing the loss every k
# steps; and torch.linalg.svd / torch.svd on the same (synthetic) matrix with reconstruction errors.
import torch

# %%
torch.manual_seed(0)
m, n, d = 6, 8, 2
A = torch.rand(m, d).mm(torch.rand(d, n))
print(A.shape, A.dtype)
lam = 1e3
lr = 0.05

def penalty(M, mu):
    return (M[M < mu] ** 2).sum()

def pen(M):
    return torch.clamp(-M, min=0).pow(2).sum()

def report(P, W, H):
    print(round((P - W.mm(H)).norm(p=2).item(), 4), round(pen(W).item(), 4), round(pen(H).item(), 4),
          W.min().item() >= 0, H.min().item() >= 0)

W = torch.abs(torch.normal(0.0, 0.01, size=(m, d))).requires_grad_()
H = torch.abs(torch.normal(0.0, 0.01, size=(d, n))).requires_grad_()
print(W.is_leaf, W.requires_grad)
for i in range(300):
    l = (A - W.mm(H)).pow(2).sum() + lam * (pen(W) + pen(H))
    l.backward()
    with torch.no_grad():
        W.sub_(lr * W.grad)
        H.sub_(lr * H.grad)
        W.grad.zero_()
        H.grad.zero_()
    if i % 100 == 99:
        report(A, W, H)
print(penalty(W, 0.0), penalty(H, 1e-3))

# %%
W2 = torch.rand(m, d, requires_grad=True)
H2 = torch.rand(d, n, requires_grad=True)
opt = torch.optim.Adam([W2, H2], lr=1e-2)
for i in range(150):
    opt.zero_grad()
    l = (A - W2 @ H2).pow(2).sum() + lam * (pen(W2) + pen(H2))
    l.backward()
    opt.step()
    if i % 50 == 0:
        print(i, round(l.item(), 4))
print(torch.clamp(W2, min=0).detach().sum(), W2.detach().clamp(0, 0.5).max(), W2.data.clamp_(min=0).min())
try:
    torch.clamp(W2)
except Exception as e:
    print(type(e).__name__, e)
print(torch.clamp(torch.tensor([-1, 0, 5]), min=0.5))
print(torch.clamp(torch.tensor([-1., 0., 5.]), min=torch.tensor([0., 1., 2.]), max=3))

# %%
U, S, Vh = torch.linalg.svd(A, full_matrices=False)
print(U.shape, S.shape, Vh.shape)
print(S)
print(torch.dist(A, U @ torch.diag(S) @ Vh) < 1e-5)
U2, S2, V2 = torch.svd(A)
print(U2.shape, S2.shape, V2.shape)
print(torch.allclose(S, S2), torch.dist(A, U2 @ torch.diag(S2) @ V2.t()) < 1e-5)
Uf, Sf, Vhf = torch.linalg.svd(A)
print(Uf.shape, Sf.shape, Vhf.shape)
for k in [1, 2, 3]:
    Ak = U[:, :k] @ torch.diag(S[:k]) @ Vh[:k]
    print(k, round(torch.linalg.norm(A - Ak).item(), 4), round((A - Ak).norm().item(), 4))
print(torch.linalg.svdvals(A)[:3], torch.linalg.matrix_rank(A))
out = torch.linalg.svd(A, full_matrices=False)
print(type(out).__name__, out._fields if hasattr(out, "_fields") else None)
print(torch.svd(A, some=False).V.shape)

# %%
for bad in [lambda: torch.linalg.svd(torch.arange(6).view(2, 3)),
            lambda: torch.linalg.svd(torch.ones(3)),
            lambda: torch.svd(torch.ones(2, 2, dtype=torch.int32)),
            lambda: torch.mm(A, A),
            lambda: torch.mm(A, torch.ones(8)),
            lambda: torch.mm(A.double(), torch.ones(8, 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
