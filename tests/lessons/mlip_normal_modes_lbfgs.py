# Geometry optimisation with LBFGS and normal modes from the Hessian (plain PyTorch)
import torch
from torch.autograd.functional import hessian, jacobian
torch.manual_seed(0)

def lj(x, eps=1.0, sigma=1.0):
    pos = x.view(-1, 3)
    n = pos.shape[0]
    i, j = torch.triu_indices(n, n, 1)
    r = (pos[i] - pos[j]).norm(dim=-1)
    sr6 = (sigma / r) ** 6
    return (4 * eps * (sr6 * sr6 - sr6)).sum()

pos0 = torch.tensor([[0.0, 0.0, 0.0], [1.2, 0.0, 0.0], [0.5, 1.0, 0.0], [0.5, 0.4, 0.9]], dtype=torch.float64)
print(lj(pos0))

# %%
# geometry optimisation with LBFGS and a closure
x = pos0.clone().reshape(-1).requires_grad_(True)
opt = torch.optim.LBFGS([x], lr=1.0, max_iter=50, tolerance_grad=1e-10, tolerance_change=1e-14,
                        history_size=10, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    E = lj(x)
    E.backward()
    return E
for it in range(3):
    E = opt.step(closure)
    print(it, E.item(), x.grad.norm().item() < 1e-6)
print(round(lj(x).item(), 6))
state = opt.state[opt._params[0]]
print(sorted(state.keys()))
print(state["func_evals"], state["n_iter"])

# %%
# distances at the minimum: all equal to 2**(1/6) for a tetrahedron
p = x.detach().view(-1, 3)
d = torch.cdist(p, p)
iu = torch.triu_indices(4, 4, 1)
print(d[iu[0], iu[1]])
print(2 ** (1 / 6))

# %%
# Hessian and normal modes
xmin = x.detach().clone()
H = hessian(lj, xmin)
print(H.shape, H.dtype, torch.allclose(H, H.T))
w, V = torch.linalg.eigh(H)
print(w.round(decimals=4))
print((w.abs() < 1e-6).sum().item(), "zero modes (3 translations + 3 rotations)")
freqs = w.clamp(min=0).sqrt()
freqs[6:]

# %%
# eigenvectors are orthonormal; eigvalsh agrees
print(torch.allclose(V.T @ V, torch.eye(12, dtype=torch.float64)))
print(torch.allclose(torch.linalg.eigvalsh(H), w))
evals, evecs = torch.linalg.eigh(H, UPLO="U")
torch.allclose(evals, w)

# %%
# the Hessian by hand: jacobian of the force, create_graph=True
def force(x):
    x = x.requires_grad_(True) if not x.requires_grad else x
    E = lj(x)
    return -torch.autograd.grad(E, x, create_graph=True)[0]
J = jacobian(force, xmin)
print(torch.allclose(-J, H))
xg = xmin.clone().requires_grad_(True)
g = torch.autograd.grad(lj(xg), xg, create_graph=True)[0]
rows = [torch.autograd.grad(g[k], xg, retain_graph=True)[0] for k in range(g.numel())]
H2 = torch.stack(rows)
print(torch.allclose(H2, H), g.grad_fn)

# %%
# Mistake: the Hessian of an energy written with torch.cdist (its backward has no derivative)
def lj_cdist(x):
    pos = x.view(-1, 3)
    d = torch.cdist(pos, pos)
    iu = torch.triu_indices(pos.shape[0], pos.shape[0], 1)
    r = d[iu[0], iu[1]]
    return (4 * (r ** -12 - r ** -6)).sum()
print(lj_cdist(xmin))
hessian(lj_cdist, xmin)

# %%
# the same with pdist
def lj_pdist(x):
    r = torch.pdist(x.view(-1, 3))
    return (4 * (r ** -12 - r ** -6)).sum()
print(torch.allclose(lj_pdist(xmin), lj(xmin)))
xg = xmin.clone().requires_grad_(True)
g = torch.autograd.grad(lj_pdist(xg), xg, create_graph=True)[0]
print(g.grad_fn)
torch.autograd.grad(g[0], xg)

# %%
# Mistake: hessian of a function with a non-scalar output
def pair_energies(x):
    pos = x.view(-1, 3)
    i, j = torch.triu_indices(4, 4, 1)
    return (pos[i] - pos[j]).norm(dim=-1)
hessian(pair_energies, xmin)

# %%
# Mistake: forgetting create_graph and differentiating the gradient again
xg = xmin.clone().requires_grad_(True)
g = torch.autograd.grad(lj(xg), xg)[0]
print(g.requires_grad)
torch.autograd.grad(g[0], xg)

# %%
# Mistake: eigh of a float32 Hessian against float64 eigenvectors
H32 = H.float()
w32, V32 = torch.linalg.eigh(H32)
print(w32.dtype)
V32 @ V

# %%
torch.linalg.eigh(H[:, :5])

# %%
torch.linalg.eigh(H, UPLO="X")

# %%
# LBFGS with several parameter tensors and a strong-Wolfe search in float32
torch.manual_seed(1)
pa = torch.nn.Parameter(torch.randn(2, 3))
pb = torch.nn.Parameter(torch.randn(2, 3))
def e2(pa, pb):
    return lj(torch.cat([pa, pb]).reshape(-1))
opt = torch.optim.LBFGS([pa, pb], max_iter=20, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    loss = e2(pa, pb)
    loss.backward()
    return loss
losses = [opt.step(closure).item() for _ in range(2)]
print([round(l, 3) for l in losses])
print(round(e2(pa, pb).item(), 3))

# %%
# Mistake: LBFGS.step without a closure
opt.step()

# %%
torch.optim.LBFGS([pa], line_search_fn="armijo")
