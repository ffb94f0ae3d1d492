# Imitates curvature labs (PyHessian-style notebooks, "sharpness" course labs): Hessian-vector products with
# torch.autograd.grad(create_graph=True), the top Hessian eigenvalue by power iteration and by Lanczos, the
# Hessian trace by Hutchinson's estimator with Rademacher vectors from torch.randint, checked against the exact
# Hessian from torch.autograd.functional.hessian on a tiny model.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
X = torch.randn(40, 3, dtype=torch.float64)
y = torch.randint(0, 2, (40,))
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2)).double()
params = [p for p in model.parameters() if p.requires_grad]
loss = F.cross_entropy(model(X), y)
grads = torch.autograd.grad(loss, params, create_graph=True)
print([g.grad_fn.name() for g in grads])
print([g.shape for g in grads], grads[0].requires_grad)

def hvp(vs):
    gv = sum((g * v).sum() for g, v in zip(grads, vs))
    return torch.autograd.grad(gv, params, retain_graph=True)

def normalize(vs):
    n = torch.sqrt(sum((v * v).sum() for v in vs))
    return [v / n for v in vs]

torch.manual_seed(1)
v = normalize([torch.randn_like(p) for p in params])
Hv = hvp(v)
print([h.shape for h in Hv], Hv[0].requires_grad, Hv[-1])

# %%
# power iteration for the top eigenvalue
eig = None
for it in range(30):
    Hv = hvp(v)
    new_eig = sum((h * vv).sum() for h, vv in zip(Hv, v)).item()
    v = normalize([h.detach() for h in Hv])
    if eig is not None and abs(new_eig - eig) / (abs(eig) + 1e-6) < 1e-8:
        break
    eig = new_eig
print(it, round(new_eig, 8))

# %%
# exact Hessian via the functional API on the flat parameter vector
from torch.nn.utils import parameters_to_vector
from torch.func import functional_call
names = [n for n, _ in model.named_parameters()]
shapes = [p.shape for p in params]
sizes = [p.numel() for p in params]
flat0 = parameters_to_vector(params).detach()

def loss_of_flat(flat):
    chunks = torch.split(flat, sizes)
    pd = {n: c.view(s) for n, c, s in zip(names, chunks, shapes)}
    return F.cross_entropy(functional_call(model, pd, (X,)), y)

H = torch.autograd.functional.hessian(loss_of_flat, flat0)
print(H.shape, H.dtype, torch.allclose(H, H.T))
evals = torch.linalg.eigvalsh(H)
print(evals[-3:], evals[:2])
print(abs(evals[-1].item() - new_eig) < 1e-6, H.trace())

# %%
# Lanczos with full reorthogonalisation on the flat HVP
def flat_hvp(vec):
    vs = [c.view(s) for c, s in zip(torch.split(vec, sizes), shapes)]
    return torch.cat([h.reshape(-1) for h in hvp(vs)])

def lanczos(m, n):
    torch.manual_seed(2)
    Q = torch.zeros(n, m, dtype=torch.float64)
    alpha = torch.zeros(m, dtype=torch.float64)
    beta = torch.zeros(m - 1, dtype=torch.float64)
    q = torch.randn(n, dtype=torch.float64)
    q = q / q.norm()
    for j in range(m):
        Q[:, j] = q
        w = flat_hvp(q)
        alpha[j] = torch.dot(w, q)
        w = w - Q[:, : j + 1] @ (Q[:, : j + 1].T @ w)
        if j < m - 1:
            beta[j] = w.norm()
            q = w / beta[j]
    T = torch.diag(alpha) + torch.diag(beta, 1) + torch.diag(beta, -1)
    return T

T = lanczos(12, flat0.numel())
print(T.shape, T[:3, :3])
ritz = torch.linalg.eigvalsh(T)
print(ritz[-1], (ritz[-1] - evals[-1]).abs() < 1e-6)
vals, vecs = torch.linalg.eigh(T)
print(vals.dtype, vecs.shape, (vecs[0] ** 2)[-3:])

# %%
# Hutchinson's trace estimator with Rademacher probes
torch.manual_seed(3)
n = flat0.numel()
ests = []
for k in range(50):
    z = torch.randint(0, 2, (n,), dtype=torch.float64) * 2 - 1
    ests.append(torch.dot(z, flat_hvp(z)).item())
ests = torch.tensor(ests)
print(z[:8], z.dtype, z.unique())
print(ests.mean(), ests.std(), H.trace())
r = torch.randint_like(flat0, high=2) * 2 - 1
print(r.dtype, r[:6])
rz = torch.randint(0, 2, (4,)).float().mul_(2).sub_(1)
print(rz, rz.dtype)
z32 = torch.randint(0, 2, (3,), dtype=torch.float32)
print(z32, torch.bernoulli(torch.full((5,), 0.5)).mul(2).sub(1))
# per-layer trace
torch.manual_seed(4)
zs = [torch.randint_like(p, high=2) * 2 - 1 for p in params]
Hz = hvp(zs)
print([round((h * z).sum().item(), 6) for h, z in zip(Hz, zs)])

# %%
try:
    torch.autograd.grad(loss, params)
    torch.autograd.grad(loss, params)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(grads[0].sum(), params)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.randint(0, 2, (3,), dtype=torch.float64, requires_grad=True)
except Exception as e:
    print(type(e).__name__, e)
