# Imitates "equivariant networks / point cloud" lessons: pairwise distances with torch.cdist and by hand, radial
# basis features, triu_indices / tril_indices edge lists, kNN with topk(largest=False), and equivariance checks under
# random rotations built from torch.linalg.qr of a seeded random matrix (det fixed to +1).
import torch

torch.manual_seed(42)
pos = torch.randn(6, 3, requires_grad=True)
D = torch.cdist(pos, pos)
print(D, D.grad_fn)
diff = pos.unsqueeze(1) - pos.unsqueeze(0)
D2 = diff.norm(dim=-1)
print(torch.allclose(D, D2, atol=1e-6), D2.grad_fn)
D3 = torch.sqrt((diff ** 2).sum(-1) + 1e-12)
print(D3[0])

# %%
g1, = torch.autograd.grad(D.sum(), pos, retain_graph=True)
g2, = torch.autograd.grad(D2.sum(), pos, retain_graph=True)
print(g1, g2)
print(torch.cdist(pos, pos, p=1)[0], torch.cdist(pos, pos, p=float("inf"))[1], torch.cdist(pos, pos, p=3.0)[2])
g3, = torch.autograd.grad(torch.cdist(pos, pos, p=1).sum(), pos)
print(g3)
g4, = torch.autograd.grad(torch.cdist(pos, pos, p=float("inf")).sum(), pos)
print(g4)
g5, = torch.autograd.grad(torch.cdist(pos[:3], pos[3:], p=3.0).sum(), pos)
print(g5)
print(torch.cdist(pos.detach()[None], pos.detach()[None, :4]).shape)

# %%
iu = torch.triu_indices(6, 6, offset=1)
il = torch.tril_indices(6, 6, -1)
print(iu, iu.shape, iu.dtype, il)
print(torch.triu_indices(3, 5), torch.tril_indices(4, 3, 1), torch.triu_indices(0, 3).shape)
print(torch.triu_indices(3, 3, dtype=torch.int32).dtype)
d_pairs = D[iu[0], iu[1]]
print(d_pairs, d_pairs.grad_fn)
print(torch.pdist(pos), torch.pdist(pos).grad_fn)

# %%
mu = torch.linspace(0, 4, 8)
gamma = 10.0
rbf = torch.exp(-gamma * (d_pairs.unsqueeze(-1) - mu) ** 2)
print(rbf.shape, rbf[0], rbf.grad_fn)
cutoff = 3.0
fc = 0.5 * (torch.cos(d_pairs * torch.pi / cutoff) + 1.0) * (d_pairs < cutoff)
print(fc, fc.dtype)
energy = (rbf * fc.unsqueeze(-1)).sum()
forces = -torch.autograd.grad(energy, pos, create_graph=True)[0]
print(energy, forces, forces.grad_fn)

# %%
k = 3
Dd = D.detach().clone()
Dd.fill_diagonal_(float("inf"))
vals, nbr = Dd.topk(k, dim=-1, largest=False)
print(vals, nbr)
v2, n2 = torch.topk(D.detach(), k + 1, largest=False, sorted=True)
print(v2[:, 1:], n2[:, 0])
knn_src = nbr.reshape(-1)
knn_dst = torch.arange(6).repeat_interleave(k)
print(torch.stack([knn_src, knn_dst]))
vv, ii = D.topk(2, dim=1, largest=False)
vv.sum().backward()
print(vv.grad_fn, pos.grad)

# %%
def random_rotation(seed):
    g = torch.Generator().manual_seed(seed)
    A = torch.randn(3, 3, generator=g)
    Q, R = torch.linalg.qr(A)
    Q = Q * torch.sign(torch.diagonal(R)).unsqueeze(0)
    if torch.det(Q) < 0:
        Q[:, 0] = -Q[:, 0]
    return Q
Q = random_rotation(7)
print(Q, torch.det(Q), torch.linalg.det(Q), Q @ Q.T)
p = pos.detach()
print(torch.allclose(torch.cdist(p @ Q.T, p @ Q.T), torch.cdist(p, p), atol=1e-5))
Qr, Rr = torch.linalg.qr(torch.randn(4, 3), mode="reduced")
print(Qr.shape, Rr.shape, torch.linalg.qr(torch.randn(4, 3), mode="complete")[0].shape)
print(torch.linalg.qr(torch.randn(4, 3), mode="r"))

# %%
# equivariance of a force field: f(RX) = R f(X)
def forces_of(x):
    x = x.clone().requires_grad_(True)
    d = torch.pdist(x)
    e = torch.exp(-d).sum()
    return -torch.autograd.grad(e, x)[0]
f1 = forces_of(p @ Q.T)
f2 = forces_of(p) @ Q.T
print((f1 - f2).abs().max() < 1e-5, f1.shape)
A = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
q, r = torch.linalg.qr(A)
(q.sum() + r.diagonal().sum()).backward()
print(q.grad_fn, A.grad)
dA = torch.randn(3, 3, requires_grad=True)
torch.det(dA).backward()
print(dA.grad, torch.linalg.det(dA).grad_fn, torch.det(dA).grad_fn)

# %%
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: torch.cdist(torch.randn(3, 2), torch.randn(4, 3)))
attempt(lambda: torch.cdist(torch.randn(3), torch.randn(4, 3)))
attempt(lambda: torch.cdist(torch.randn(3, 2), torch.randn(4, 2), p=-1))
attempt(lambda: torch.cdist(torch.randn(3, 2).long(), torch.randn(4, 2).long()))
attempt(lambda: torch.randn(5).topk(6, largest=False))
attempt(lambda: torch.triu_indices(3, 3, dtype=torch.float32))
attempt(lambda: torch.linalg.qr(torch.randn(3, 3), mode="full"))
attempt(lambda: torch.det(torch.randn(2, 3)))
attempt(lambda: torch.pdist(torch.randn(2, 3, 4)))
