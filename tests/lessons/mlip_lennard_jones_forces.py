# Lennard-Jones cluster: energies, distances and forces with autograd (plain PyTorch)
import torch
torch.manual_seed(0)
pos = torch.tensor([[0.0, 0.0, 0.0],
                    [1.1, 0.0, 0.0],
                    [0.0, 1.2, 0.0],
                    [0.0, 0.0, 1.05],
                    [1.0, 1.0, 1.0]], requires_grad=True)
print(pos.shape, pos.dtype, pos.requires_grad)

# %%
# pairwise distances with cdist: the diagonal is zero
d = torch.cdist(pos, pos)
print(d)
print(d.grad_fn)

# %%
# unique pairs with triu_indices
n = pos.shape[0]
i, j = torch.triu_indices(n, n, offset=1)
print(i)
print(j)
r = (pos[i] - pos[j]).norm(dim=-1)
r

# %%
# Mistakes with triu_indices: float sizes, float dtype
torch.triu_indices(float(n), n, 1)

# %%
torch.triu_indices(n, n, 1, dtype=torch.float32)

# %%
print(torch.triu_indices(n, n, 1, dtype=torch.int32).dtype, torch.tril_indices(3, 3, -1))
torch.tril_indices(n - 6, n)

# %%
def lj_energy(pos, eps=1.0, sigma=1.0):
    n = pos.shape[0]
    i, j = torch.triu_indices(n, n, offset=1)
    r = (pos[i] - pos[j]).norm(dim=-1)
    sr6 = (sigma / r) ** 6
    return (4 * eps * (sr6 ** 2 - sr6)).sum()

E = lj_energy(pos)
print(E)
forces = -torch.autograd.grad(E, pos)[0]
print(forces)
print(forces.sum(dim=0))

# %%
# Mistake: positions without requires_grad
p0 = pos.detach().clone()
E0 = lj_energy(p0)
torch.autograd.grad(E0, p0)

# %%
# Mistake: the per-pair energies are not a scalar
def lj_pairs(pos):
    n = pos.shape[0]
    i, j = torch.triu_indices(n, n, offset=1)
    r = (pos[i] - pos[j]).norm(dim=-1)
    return 4 * (r ** -12 - r ** -6)

e_pairs = lj_pairs(pos)
print(e_pairs.shape, e_pairs.grad_fn)
torch.autograd.grad(e_pairs, pos)

# %%
# fix: pass grad_outputs of ones, or sum first
g = torch.autograd.grad(e_pairs, pos, grad_outputs=torch.ones_like(e_pairs))[0]
torch.allclose(-g, forces)

# %%
# Mistake: full distance matrix with sqrt gives nan gradients at zero self-distances
diff = pos[:, None, :] - pos[None, :, :]
dist = torch.sqrt((diff ** 2).sum(-1))
mask = ~torch.eye(n, dtype=torch.bool)
E_bad = (4 * (dist[mask] ** -12 - dist[mask] ** -6)).sum() / 2
print(E_bad)
g_bad = torch.autograd.grad(E_bad, pos)[0]
print(g_bad)
print(torch.isnan(g_bad).any())

# %%
# fix: mask before the sqrt (or add the identity)
sq = (diff ** 2).sum(-1)
dist_ok = torch.sqrt(sq + torch.eye(n))
E_ok = (4 * (dist_ok[mask] ** -12 - dist_ok[mask] ** -6)).sum() / 2
g_ok = torch.autograd.grad(E_ok, pos)[0]
print(torch.allclose(-g_ok, forces, atol=1e-5), E_ok.item() - E.item() < 1e-4)

# %%
# cdist forces vs explicit distances
dc = torch.cdist(pos, pos)
iu = torch.triu_indices(n, n, 1)
rc = dc[iu[0], iu[1]]
Ec = (4 * (rc ** -12 - rc ** -6)).sum()
fc = -torch.autograd.grad(Ec, pos)[0]
print(Ec.grad_fn, torch.allclose(fc, forces, atol=1e-4))

# %%
# Mistake: move the atoms in place on the leaf
pos.sub_(0.01 * forces)

# %%
pos.data.add_(0.01 * forces)
with torch.no_grad():
    pos += 0.01 * forces
print(pos.is_leaf, pos.requires_grad, pos._version)
pos

# %%
# Mistake: forces from a graph that was freed
E2 = lj_energy(pos)
f2 = torch.autograd.grad(E2, pos)[0]
torch.autograd.grad(E2, pos)

# %%
# energies in float64: float64 positions and a float32 parameter
pos64 = pos.detach().double().requires_grad_()
eps = torch.tensor(1.0, requires_grad=True)
E64 = lj_energy(pos64, eps=eps)
print(E64.dtype, E64)
print(torch.autograd.grad(E64, eps))

# %%
w = torch.randn(3, 4)
pos64 @ w
