# Imitates the "Visualizing the Loss Landscape of Neural Nets" (Li et al.) notebooks as learners retype them:
# flattening weights with parameters_to_vector, random filter-normalised directions (per-filter norms,
# randn_like), perturbed copies via copy.deepcopy / state_dict round trips, a 2-d loss grid under torch.no_grad
# with linspace/meshgrid, and load_state_dict(strict=...) mistakes.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import parameters_to_vector, vector_to_parameters

torch.manual_seed(0)
X = torch.randn(64, 2)
y = (X[:, 0] * X[:, 1] > 0).long()
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for step in range(30):
    opt.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    opt.step()
print(loss, loss.grad_fn.name())
theta = parameters_to_vector(model.parameters())
print(theta.shape, theta.dtype, theta.requires_grad, theta.grad_fn)
print(theta[:5])

# %%
def random_direction(model):
    return [torch.randn_like(p) for p in model.parameters()]

def filter_normalize(direction, model):
    for d, p in zip(direction, model.parameters()):
        if d.dim() <= 1:
            d.fill_(0)  # ignore biases as in the paper
        else:
            for df, pf in zip(d, p):
                df.mul_(pf.norm() / (df.norm() + 1e-10))
    return direction

torch.manual_seed(1)
try:
    filter_normalize(random_direction(model), model)
except RuntimeError as e:
    print(type(e).__name__, e)
torch.manual_seed(1)
with torch.no_grad():
    d1 = filter_normalize(random_direction(model), model)
    d2 = filter_normalize(random_direction(model), model)
for d, (n, p) in zip(d1, model.named_parameters()):
    print(n, d.shape, d.norm(dim=-1) if d.dim() > 1 else d.abs().sum())
    if d.dim() > 1:
        print(p.norm(dim=1, keepdim=True).squeeze(1) - d.norm(dim=1))
# vectorised filter normalisation: norm over all dims except the first
w = model[0].weight
dn = torch.randn_like(w)
dn = dn * (w.norm(dim=tuple(range(1, w.dim())), keepdim=True) / dn.norm(dim=tuple(range(1, w.dim())), keepdim=True))
print(dn.norm(dim=1), w.norm(p=2, dim=1))
print(torch.linalg.vector_norm(dn, dim=1), torch.linalg.norm(w, dim=1, ord=2))

# %%
steps = 5
alphas = torch.linspace(-1, 1, steps)
betas = torch.linspace(-1, 1, steps)
A, B = torch.meshgrid(alphas, betas, indexing="ij")
print(A.shape, A.dtype, A[:, 0], B[0])
base = copy.deepcopy(model.state_dict())
probe = copy.deepcopy(model)
print(probe[0].weight is model[0].weight, torch.equal(probe[0].weight, model[0].weight))
losses = torch.zeros(steps, steps)
with torch.no_grad():
    for i in range(steps):
        for j in range(steps):
            new_state = {}
            for (k, v), a, b in zip(base.items(), d1, d2):
                new_state[k] = v + A[i, j] * a + B[i, j] * b
            probe.load_state_dict(new_state)
            losses[i, j] = F.cross_entropy(probe(X), y)
print(losses)
print(losses.requires_grad, losses.argmin(), divmod(losses.argmin().item(), steps))
print(losses.min(), losses.max(), losses[steps // 2, steps // 2])

# %%
# the same grid with vector_to_parameters on the flat vector
dv1 = parameters_to_vector(d1)
dv2 = parameters_to_vector(d2)
print(dv1.shape, dv1.norm(), dv2.norm())
grid = []
with torch.no_grad():
    for a in alphas:
        row = []
        for b in betas:
            vector_to_parameters(theta + a * dv1 + b * dv2, probe.parameters())
            row.append(F.cross_entropy(probe(X), y).item())
        grid.append(row)
grid = torch.tensor(grid)
print(grid.dtype, torch.allclose(grid, losses), (grid - losses).abs().max())
vector_to_parameters(theta, probe.parameters())
print(probe[2].bias, probe[2].bias.requires_grad, probe[2].bias.grad_fn)

# %%
# mistakes with the state dicts
sd = model.state_dict()
print(list(sd.keys()), sd["0.weight"].requires_grad)
bad = {k.replace("0.", "first."): v for k, v in sd.items()}
try:
    probe.load_state_dict(bad)
except RuntimeError as e:
    print(type(e).__name__, e)
res = probe.load_state_dict(bad, strict=False)
print(res)
print(res.missing_keys, res.unexpected_keys)
wrong = dict(sd)
wrong["2.weight"] = torch.zeros(3, 8)
try:
    probe.load_state_dict(wrong)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(theta[:-1], probe.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(list(model.parameters()), probe.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    parameters_to_vector(model[0].weight)
except Exception as e:
    print(type(e).__name__, e)
