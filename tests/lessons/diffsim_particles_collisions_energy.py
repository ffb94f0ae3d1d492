# Imitates differentiable particle-simulation notebooks: bouncing balls in a box with collisions handled by
# torch.where / clamp, pairwise repulsion with torch.cdist, the shot optimized through the rollout, and energy
# checks where forces come from torch.autograd.grad(create_graph=True) of a potential.
import torch

torch.manual_seed(0)
n = 4
pos0 = torch.rand(n, 2) * 0.8 + 0.1
print(pos0, pos0.dtype)

# %%
def step(x, v, dt=0.02, restitution=0.8):
    v = v + dt * torch.tensor([0.0, -9.8])
    x = x + dt * v
    hit_low = x < 0
    hit_high = x > 1
    v = torch.where(hit_low | hit_high, -restitution * v, v)
    x = x.clamp(0.0, 1.0)
    return x, v

v_init = torch.tensor([[1.0, 2.0]] * n, requires_grad=True)
x, v = pos0, v_init
for _ in range(40):
    x, v = step(x, v)
print(x)
print(x.grad_fn.name(), v.grad_fn.name())
loss = x[:, 0].sum() + x[:, 1].pow(2).sum()
loss.backward()
print(v_init.grad)

# %%
# clamp variants and their gradients
z = torch.tensor([-0.5, 0.0, 0.3, 1.0, 1.7], requires_grad=True)
for f in (lambda t: t.clamp(0, 1), lambda t: t.clamp(min=0.0), lambda t: torch.clamp(t, max=1.0),
          lambda t: t.clip(0.0, 1.0), lambda t: torch.clamp(t, torch.zeros(5), torch.ones(5))):
    y = f(z)
    g, = torch.autograd.grad(y.sum(), z)
    print(y.grad_fn.name(), y, g)
print(torch.where(z > 0.5, z, 0.0).grad_fn.name())
zz = torch.where(z > 0.5, z, torch.zeros(()))
zz.sum().backward()
print(z.grad)

# %%
# potential energy and forces with create_graph=True
def pair_dist(x, use_cdist=False):
    if use_cdist:
        return torch.cdist(x, x)
    diff = x[:, None, :] - x[None, :, :]
    return (diff.pow(2).sum(-1) + 1e-12).sqrt()

def potential(x, k=10.0, eps=1e-3, use_cdist=False):
    d = pair_dist(x, use_cdist) + torch.eye(x.shape[0], dtype=x.dtype)
    rep = (1.0 / (d + eps)).triu(diagonal=1).sum()
    grav = 9.8 * x[:, 1].sum()
    walls = k * (torch.relu(-x) ** 2 + torch.relu(x - 1) ** 2).sum()
    return rep * 0.01 + grav + walls

x = pos0.clone().to(torch.float64).requires_grad_()
U = potential(x)
F_, = torch.autograd.grad(U, x, create_graph=True)
F_ = -F_
print(U, F_, F_.grad_fn.name(), F_.requires_grad)
div_F = torch.autograd.grad(F_.pow(2).sum(), x)[0]
print(div_F)
Fc, = torch.autograd.grad(potential(x, use_cdist=True), x, create_graph=True)
print(Fc.grad_fn.name(), torch.allclose(Fc, -F_))
try:
    torch.autograd.grad(Fc.sum(), x)
except NotImplementedError as e:
    print(type(e).__name__, e)

# %%
# symplectic Euler with force from autograd; energy check
def simulate(x, v, steps=20, dt=0.005):
    energies = []
    for _ in range(steps):
        if not x.requires_grad:
            x = x.requires_grad_()
        U = potential(x)
        f, = torch.autograd.grad(U, x, create_graph=True)
        v = v - dt * f
        x = x + dt * v
        energies.append((U + 0.5 * (v ** 2).sum()).detach())
    return x, v, torch.stack(energies)

v0 = torch.zeros(n, 2, dtype=torch.float64, requires_grad=True)
xT, vT, E = simulate(pos0.double(), v0)
print(E[:5], E.dtype, E.shape)
print((E.max() - E.min()).item() < 1.0)
xT[:, 1].mean().backward()
print(v0.grad)

# %%
# a mistake: grad of a non-scalar; double backward without create_graph
x = pos0.clone().requires_grad_()
try:
    torch.autograd.grad(x ** 2, x)
except RuntimeError as e:
    print(type(e).__name__, e)
g, = torch.autograd.grad((x ** 3).sum(), x)
try:
    torch.autograd.grad(g.sum(), x)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.clamp(x, min=torch.tensor([0.0, 1.0, 2.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.where(x > 0.5, x, torch.zeros(3))
except RuntimeError as e:
    print(type(e).__name__, e)
