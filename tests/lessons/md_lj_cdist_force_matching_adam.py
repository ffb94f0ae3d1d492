# Imitates a differentiable molecular-modelling lesson: Lennard-Jones energy with torch.cdist, forces as -dE/dx
# with create_graph=True, the NaN gradient of a norm at zero distance and its fixes, force matching with Adam.
import torch
torch.manual_seed(0)
torch.set_printoptions(precision=5)
pos = torch.randn(6, 3, dtype=torch.float64) * 1.3
pos.requires_grad_(True)
D = torch.cdist(pos, pos)
print(D.shape, D.dtype, D.grad_fn)
print(D.diagonal())

# %%
# Lennard-Jones with a diagonal mask
def lj_energy(x, eps=1.0, sigma=1.0):
    d = torch.cdist(x, x)
    n = x.shape[0]
    mask = ~torch.eye(n, dtype=torch.bool)
    r = d[mask]
    sr6 = (sigma / r) ** 6
    return 0.5 * (4 * eps * (sr6 ** 2 - sr6)).sum()

E = lj_energy(pos)
print(E, E.grad_fn)
F = -torch.autograd.grad(E, pos, create_graph=True)[0]
print(F)
print(F.grad_fn, F.requires_grad)
print(F.sum(0))

# %%
# cdist backward through the zero diagonal is finite
g = torch.autograd.grad(torch.cdist(pos, pos).sum(), pos)[0]
print(g)
g1 = torch.autograd.grad(torch.cdist(pos, pos, p=1).sum(), pos)[0]
print(g1)
ginf = torch.autograd.grad(torch.cdist(pos, pos, p=float('inf')).sum(), pos)[0]
print(ginf)
g3 = torch.autograd.grad(torch.cdist(pos, pos, p=3).sum(), pos)[0]
print(g3)

# %%
# pairwise distance by broadcasting: the norm at zero gives NaN gradients
diff = pos[:, None, :] - pos[None, :, :]
r = diff.norm(dim=-1)
print(r.grad_fn)
gr = torch.autograd.grad(r.sum(), pos)[0]
print(gr)
print(torch.isnan(gr).any())
r2 = torch.linalg.vector_norm(diff, dim=-1)
print(r2.grad_fn, torch.autograd.grad(r2.sum(), pos)[0].isnan().sum())
r3 = (diff ** 2).sum(-1).sqrt()
print(r3.grad_fn, torch.autograd.grad(r3.sum(), pos)[0])

# %%
# fixes: eps inside the sqrt, and the double-where trick
r_eps = torch.sqrt((diff ** 2).sum(-1) + 1e-12)
print(torch.autograd.grad(r_eps.sum(), pos)[0])
eye = torch.eye(6, dtype=torch.bool)
sq = (diff ** 2).sum(-1)
safe = torch.where(eye, torch.ones_like(sq), sq)
r_safe = torch.where(eye, torch.zeros_like(sq), safe.sqrt())
gs = torch.autograd.grad(r_safe.sum(), pos)[0]
print(gs, r_safe.grad_fn)
# the single where still leaks NaN
r_bad = torch.where(eye, torch.zeros_like(sq), sq.sqrt())
print(torch.autograd.grad(r_bad.sum(), pos)[0])

# %%
# triu_indices pairs and the harmonic bond energy
n = pos.shape[0]
i, j = torch.triu_indices(n, n, offset=1)
print(i.dtype, i.shape, i, j)
rij = (pos[i] - pos[j]).norm(dim=1)
print(rij.grad_fn)
bonds = torch.tensor([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]])
k, r0 = 100.0, 1.5
rb = torch.linalg.norm(pos[bonds[:, 0]] - pos[bonds[:, 1]], dim=-1)
Eb = 0.5 * k * ((rb - r0) ** 2).sum()
print(Eb)
Fb, = torch.autograd.grad(-Eb, pos)
print(Fb)
print(torch.triu_indices(3, 4), torch.triu_indices(4, 3, -1), torch.tril_indices(3, 3, -1))

# %%
# force matching: fit eps, sigma of an LJ model to reference forces with Adam (double backward)
torch.manual_seed(1)
confs = [torch.randn(5, 3, dtype=torch.float64) * 1.2 + torch.arange(5.0, dtype=torch.float64)[:, None] * 0.9 for _ in range(4)]
def forces(x, eps, sigma):
    x = x.clone().requires_grad_(True)
    e = lj_energy(x, eps, sigma)
    return -torch.autograd.grad(e, x, create_graph=True)[0]
with torch.no_grad():
    ref = [forces(c, torch.tensor(0.8, dtype=torch.float64), torch.tensor(1.1, dtype=torch.float64)) for c in confs]
print(ref[0].requires_grad)
params = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([params], lr=0.01)
for step in range(12):
    opt.zero_grad()
    loss = sum(((forces(c, params[0], params[1]) - f) ** 2).mean() for c, f in zip(confs, ref)) / len(confs)
    loss.backward()
    opt.step()
    if step % 4 == 0:
        print(step, loss.item(), params.grad)
print(params)

# %%
# errors learners hit
x = torch.randn(4, 3, requires_grad=True)
e = (x ** 2).sum(1)
try:
    torch.autograd.grad(e, x)
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    e.backward()
except Exception as ex:
    print(type(ex).__name__, ex)
y = torch.randn(2, requires_grad=True)
try:
    torch.autograd.grad(e.sum(), [x, y])
except Exception as ex:
    print(type(ex).__name__, ex)
print(torch.autograd.grad(e.sum(), [x, y], allow_unused=True))
print(torch.autograd.grad(e.sum(), [x, y], allow_unused=True, materialize_grads=True)[1])
s = e.sum()
s.backward()
try:
    s.backward()
except Exception as ex:
    print(type(ex).__name__, ex)
