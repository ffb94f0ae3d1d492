# Imitates the energy-based model tutorials (the UvA deep learning course's EBM notebook, "Implicit Generation" and
# short-run MCMC papers' reference code) scaled down: a small energy MLP, short-run Langevin sampling with
# torch.randn_like noise, clamp_ into the data box, .detach().requires_grad_() at each step, a replay buffer built
# with torch.cat and random indexing, a contrastive-divergence loss with an energy regulariser, and the mistakes:
# forgetting the detach so the graph grows across the steps, an in-place step on a sample that requires grad, and
# gradients of a batch of energies without .sum().
import torch
import torch.nn as nn

torch.manual_seed(0)
energy = nn.Sequential(nn.Linear(2, 16), nn.SiLU(), nn.Linear(16, 16), nn.SiLU(), nn.Linear(16, 1))
print(energy)
data = torch.cat([torch.randn(32, 2) * 0.3 + torch.tensor([1.0, 1.0]),
                  torch.randn(32, 2) * 0.3 - torch.tensor([1.0, 1.0])])
print(data.shape, data.mean(0))
print(energy(data[:4]).squeeze(-1))

# %%
def langevin(x, steps=10, step_size=0.05, noise=0.01):
    x = x.clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        e = energy(x).sum()
        g, = torch.autograd.grad(e, x)
        x = x - step_size * g + noise * torch.randn_like(x)
        x = x.clamp(-2.0, 2.0)
    return x.detach()


x0 = torch.rand(5, 2) * 4 - 2
xs = langevin(x0)
print(xs, xs.requires_grad)
print(energy(x0).mean(), energy(xs).mean())

# %%
# the graph grows when the detach is forgotten
x = torch.rand(3, 2, requires_grad=True)
for k in range(3):
    e = energy(x).sum()
    g, = torch.autograd.grad(e, x, create_graph=True)
    x = x - 0.05 * g
    print(k, x.grad_fn, x.is_leaf)
depth, fn = 0, x.grad_fn
while fn is not None and fn.next_functions:
    fn = fn.next_functions[0][0]
    depth += 1
print("chain depth", depth)

# %%
x = torch.rand(3, 2, requires_grad=True)
e = energy(x)
try:
    torch.autograd.grad(e, x)
except RuntimeError as e2:
    print(e2)
g, = torch.autograd.grad(e.sum(), x)
try:
    x.sub_(0.05 * g)
except RuntimeError as e2:
    print(e2)
try:
    x.data.clamp_(-1, 1)
    print("data clamp ok", x.requires_grad)
    x.clamp_(-1, 1)
except RuntimeError as e2:
    print(e2)
xd = x.detach()
xd.clamp_(0.2, 0.4)
print(x, x._version)

# %%
buffer = torch.rand(20, 2) * 4 - 2
def sample_buffer(n, reinit=0.05):
    n_new = int((torch.rand(n) < reinit).sum())
    idx = torch.randint(0, buffer.shape[0], (n - n_new,))
    return torch.cat([torch.rand(n_new, 2) * 4 - 2, buffer[idx]]), idx


torch.manual_seed(2)
init, idx = sample_buffer(8)
print(init.shape, idx)
print(buffer[idx[:3]], buffer[[0, 1]].shape, buffer[torch.tensor([True] * 2 + [False] * 18)])

# %%
opt = torch.optim.Adam(energy.parameters(), lr=1e-3, betas=(0.0, 0.999))
alpha = 0.1
torch.manual_seed(3)
for it in range(8):
    pos = data[torch.randperm(data.shape[0])[:16]]
    init, idx = sample_buffer(16)
    neg = langevin(init, steps=5)
    buffer = torch.cat([neg, buffer])[:40]
    e_pos, e_neg = energy(pos), energy(neg)
    cd = e_pos.mean() - e_neg.mean()
    reg = alpha * (e_pos ** 2 + e_neg ** 2).mean()
    loss = cd + reg
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(energy.parameters(), 0.1)
    opt.step()
    if it % 2 == 0:
        print(f"{it} loss {loss.item():.5f} cd {cd.item():+.5f} reg {reg.item():.5f}", buffer.shape)
print(loss.grad_fn, cd.grad_fn, reg.grad_fn)

# %%
# sampling with torch.no_grad blocks autograd.grad
with torch.no_grad():
    x = torch.rand(2, 2).requires_grad_()
    e = energy(x).sum()
    print(e.requires_grad, e.grad_fn)
    try:
        torch.autograd.grad(e, x)
    except RuntimeError as err:
        print(err)
with torch.enable_grad():
    x = torch.rand(2, 2).requires_grad_()
    print(torch.autograd.grad(energy(x).sum(), x)[0].shape)
