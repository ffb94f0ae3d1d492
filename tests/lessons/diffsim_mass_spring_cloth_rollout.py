# Imitates differentiable-physics course notebooks and blog posts (DiffTaichi-style demos redone in PyTorch):
# a mass-spring chain and a small cloth stepped with explicit and semi-implicit Euler, the loss put on the final
# state and the gradient taken through the rollout w.r.t. initial velocity and spring stiffness, plus printing of
# grad_fn names, dtypes, shapes and a few common mistakes.
import torch

torch.manual_seed(0)
n = 5
x0 = torch.stack([torch.arange(n, dtype=torch.float32), torch.zeros(n)], dim=1)
springs = torch.tensor([[i, i + 1] for i in range(n - 1)])
rest = (x0[springs[:, 0]] - x0[springs[:, 1]]).norm(dim=1)
print(x0.shape, springs.shape, rest, rest.dtype)

# %%
def forces(x, v, k, damping=0.1, g=torch.tensor([0.0, -9.8])):
    d = x[springs[:, 1]] - x[springs[:, 0]]
    length = d.norm(dim=1, keepdim=True)
    dirn = d / length
    f_s = k.unsqueeze(-1) * (length - rest.unsqueeze(-1)) * dirn
    f = torch.zeros_like(x).index_add(0, springs[:, 0], f_s).index_add(0, springs[:, 1], -f_s)
    return f + g - damping * v

def rollout(v_init, k, steps=30, dt=0.01, semi_implicit=True):
    x, v = x0.clone(), v_init
    for _ in range(steps):
        a = forces(x, v, k)
        if semi_implicit:
            v = v + dt * a
            v = torch.cat([torch.zeros(1, 2), v[1:]])  # pinned first node
            x = x + dt * v
        else:
            x_new = x + dt * v
            v = v + dt * a
            v = torch.cat([torch.zeros(1, 2), v[1:]])
            x = x_new
    return x, v

k = torch.full((n - 1,), 50.0, requires_grad=True)
v_init = torch.zeros(n, 2, requires_grad=True)
xT, vT = rollout(v_init, k)
print(xT)
print(xT.grad_fn.name(), vT.grad_fn.name(), xT.requires_grad, xT.is_leaf)

# %%
target = torch.tensor([3.5, -0.5])
loss = ((xT[-1] - target) ** 2).sum()
loss.backward()
print(loss, loss.grad_fn)
print(v_init.grad)
print(k.grad)

# %%
# explicit vs semi-implicit Euler
for si in (True, False):
    xe, ve = rollout(torch.zeros(n, 2), k.detach(), semi_implicit=si)
    print(si, xe[-1], (0.5 * (ve ** 2).sum()).item())

# %%
# gradient descent on the initial velocity
v = torch.zeros(n, 2, requires_grad=True)
opt = torch.optim.SGD([v], lr=0.5)
for it in range(15):
    opt.zero_grad()
    xT, _ = rollout(v, k.detach())
    loss = ((xT[-1] - target) ** 2).sum()
    loss.backward()
    opt.step()
    if it % 5 == 0:
        print(it, f"{loss.item():.5f}", v.grad[-1])
print(v)

# %%
# learn a stiffness via log-parametrisation, gradient by torch.autograd.grad
log_k = torch.log(torch.tensor([30.0, 40.0, 50.0, 60.0])).requires_grad_()
xT, vT = rollout(torch.zeros(n, 2), log_k.exp(), steps=20)
loss = xT[:, 1].pow(2).mean()
g, = torch.autograd.grad(loss, log_k)
print(g, g.dtype, g.requires_grad)

# %%
# cloth: 3x3 grid, structural springs, float64
m = 3
ii, jj = torch.meshgrid(torch.arange(m), torch.arange(m), indexing="ij")
pos = torch.stack([jj, -ii], dim=-1).reshape(-1, 2).to(torch.float64)
idx = torch.arange(m * m).reshape(m, m)
edges = torch.cat([torch.stack([idx[:, :-1].flatten(), idx[:, 1:].flatten()], 1),
                   torch.stack([idx[:-1].flatten(), idx[1:].flatten()], 1)])
print(edges.shape, pos.dtype, edges.dtype)
L0 = (pos[edges[:, 0]] - pos[edges[:, 1]]).norm(dim=-1)
stiff = torch.tensor(80.0, dtype=torch.float64, requires_grad=True)
wind = torch.tensor([0.3, 0.0], dtype=torch.float64, requires_grad=True)
p, vel = pos.clone(), torch.zeros_like(pos)
pinned = torch.zeros(m * m, 1, dtype=torch.bool)
pinned[:m] = True
for step in range(25):
    d = p[edges[:, 1]] - p[edges[:, 0]]
    ln = torch.linalg.vector_norm(d, dim=-1, keepdim=True)
    f_e = stiff * (ln - L0[:, None]) * d / ln
    f = torch.zeros_like(p)
    f.index_add_(0, edges[:, 0], f_e)
    f.index_add_(0, edges[:, 1], -f_e)
    f = f + wind + torch.tensor([0.0, -9.8], dtype=torch.float64)
    vel = torch.where(pinned, torch.zeros_like(vel), vel + 0.01 * f)
    p = p + 0.01 * vel
print(p[-1], p.grad_fn.name(), vel.grad_fn.name())
loss = p[-3:, 0].mean()
loss.backward()
print(stiff.grad, wind.grad)

# %%
# mistakes: mixing float64 cloth with float32 parameters; in-place on a leaf
k32 = torch.tensor(80.0, requires_grad=True)
try:
    torch.zeros(3, 2, dtype=torch.float64).index_add_(0, torch.tensor([0, 1]), k32 * torch.ones(2, 2))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    v_init += 1.0
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    xT, _ = rollout(v_init, k, steps=2)
    loss = xT.sum()
    loss.backward()
    loss.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
