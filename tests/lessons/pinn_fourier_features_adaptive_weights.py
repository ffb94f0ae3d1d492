# Imitates the "improving PINN training" tutorials and blog posts (Wang, Teng & Perdikaris on gradient pathologies and
# Fourier features, McClenny's self-adaptive PINNs, Wu et al.'s residual-based adaptive refinement, Wang et al.'s
# causal training): random Fourier feature embeddings registered as buffers, a hard-constrained output
# x (1 - x) N(x), per-point self-adaptive weights trained by gradient ascent (Adam(maximize=True)), residual-based
# resampling with torch.topk and torch.multinomial, causal weights exp(-eps * cumsum) over time slices under no_grad,
# learning-rate annealing from the ratio of gradient norms, ExponentialLR, and the relative L2 error printed at the end.
import math
import torch
import torch.nn as nn

# %%
class FourierFeatures(nn.Module):
    def __init__(self, in_dim, m, sigma):
        super().__init__()
        self.register_buffer("B", torch.randn(in_dim, m) * sigma)
    def forward(self, x):
        proj = 2 * math.pi * x @ self.B
        return torch.cat([torch.cos(proj), torch.sin(proj)], dim=-1)

class FFNet(nn.Module):
    def __init__(self, m=8, sigma=2.0, width=32):
        super().__init__()
        self.ff = FourierFeatures(1, m, sigma)
        self.mlp = nn.Sequential(nn.Linear(2 * m, width), nn.Tanh(), nn.Linear(width, width), nn.Tanh(),
                                 nn.Linear(width, 1))
        for mod in self.mlp:
            if isinstance(mod, nn.Linear):
                nn.init.xavier_normal_(mod.weight)
                nn.init.zeros_(mod.bias)
    def forward(self, x):
        return x * (1 - x) * self.mlp(self.ff(x))     # u(0) = u(1) = 0 by construction

torch.manual_seed(0)
net = FFNet()
print(net)
print([n for n, _ in net.named_buffers()], net.ff.B.shape, net.ff.B.requires_grad)
print(net.state_dict().keys())

# %%
# -u'' = f on (0, 1) with a multiscale solution u = sin(2 pi x) + 0.1 sin(20 pi x)
def u_exact(x):
    return torch.sin(2 * math.pi * x) + 0.1 * torch.sin(20 * math.pi * x)
def f_rhs(x):
    return (2 * math.pi) ** 2 * torch.sin(2 * math.pi * x) + 0.1 * (20 * math.pi) ** 2 * torch.sin(20 * math.pi * x)

def residual(model, x):
    x = x.clone().requires_grad_(True)
    u = model(x)
    u_x = torch.autograd.grad(u, x, grad_outputs=torch.ones_like(u), create_graph=True, retain_graph=True)[0]
    u_xx = torch.autograd.grad(u_x, x, grad_outputs=torch.ones_like(u_x), create_graph=True, retain_graph=True)[0]
    return -u_xx - f_rhs(x)

x_col = torch.linspace(0, 1, 64).unsqueeze(1)
r = residual(net, x_col)
print(r.shape, r.requires_grad, r.grad_fn)
print(f"{r.pow(2).mean().item():.4e}")
print(net(torch.tensor([[0.0], [1.0]])))

# %%
lam = torch.ones(64, 1, requires_grad=True)               # self-adaptive weights, one per collocation point
opt_net = torch.optim.Adam(net.parameters(), lr=5e-3)
opt_lam = torch.optim.Adam([lam], lr=5e-3, maximize=True)
print(opt_lam.param_groups[0]["maximize"], opt_lam.defaults["maximize"])
sched = torch.optim.lr_scheduler.ExponentialLR(opt_net, gamma=0.99)
for it in range(60):
    opt_net.zero_grad()
    opt_lam.zero_grad()
    r = residual(net, x_col)
    loss = (lam.pow(2) * r.pow(2)).mean()
    loss.backward()
    opt_net.step()
    opt_lam.step()
    sched.step()
    if it % 15 == 0:
        print(f"it {it:3d} weighted {loss.item():.4e} plain {r.pow(2).mean().item():.4e} "
              f"lam [{lam.min().item():.4f}, {lam.max().item():.4f}] lr {sched.get_last_lr()[0]:.5f}")

# %%
# residual-based adaptive refinement: add the worst candidates, or sample them in proportion to the residual
torch.manual_seed(1)
cand = torch.rand(200, 1)
res = residual(net, cand).abs().detach().squeeze(1)
top = torch.topk(res, k=5)
print(top.values.shape, top.indices[:5], type(top).__name__)
x_col = torch.cat([x_col, cand[top.indices]], dim=0)
p = res ** 2 / (res ** 2).mean()
idx = torch.multinomial(p / p.sum(), num_samples=8, replacement=False)
print(x_col.shape, idx.shape, idx.dtype, torch.sort(idx).values)
x_col, order = torch.sort(torch.cat([x_col, cand[idx]]), dim=0)
print(x_col.shape, order.shape, x_col[:3].T)

# %%
# causal weights for a time-dependent residual split into time slices (computed without gradient)
torch.manual_seed(2)
L_t = torch.rand(8) * torch.linspace(1, 0.1, 8)
eps = 1.0
with torch.no_grad():
    W = torch.exp(-eps * (torch.tril(torch.ones(8, 8), diagonal=-1) @ L_t))
print(W)
W2 = torch.exp(-eps * torch.cat([torch.zeros(1), torch.cumsum(L_t, 0)[:-1]]))
print(torch.allclose(W, W2), (W * L_t).mean())

# %%
# learning-rate annealing: balance the boundary term by the ratio of gradient magnitudes
torch.manual_seed(3)
plain = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))
xb = torch.tensor([[0.0], [1.0]])
r = residual(plain, torch.linspace(0, 1, 32).unsqueeze(1))
loss_r = r.pow(2).mean()
loss_b = plain(xb).pow(2).mean()
try:
    g_r = torch.autograd.grad(loss_r, plain.parameters(), retain_graph=True)
except Exception as e:
    print(type(e).__name__, e)
g_r = torch.autograd.grad(loss_r, list(plain.parameters()), retain_graph=True, allow_unused=True,
                          materialize_grads=True)
g_b = torch.autograd.grad(loss_b, plain.parameters(), retain_graph=True, allow_unused=True)
max_r = max(g.abs().max() for g in g_r)
mean_b = torch.mean(torch.stack([g.abs().mean() for g in g_b if g is not None]))
lam_b = max_r / mean_b
print(len(g_r), [tuple(g.shape) for g in g_b])
print(f"{lam_b.item():.3f}", lam_b.requires_grad)
total = loss_r + lam_b.detach() * loss_b
total.backward()
print(plain[0].weight.grad.norm() > 0, torch.nn.utils.clip_grad_norm_(plain.parameters(), 1.0) > 1.0)

# %%
x_test = torch.linspace(0, 1, 101).unsqueeze(1)
with torch.no_grad():
    u_pred = net(x_test)
u_true = u_exact(x_test)
rel_l2 = torch.linalg.norm(u_pred - u_true) / torch.linalg.norm(u_true)
print(f"relative L2 error: {rel_l2.item():.4e}")
print(torch.linalg.vector_norm(u_pred - u_true, ord=float("inf")).item() < 2.0, rel_l2.dtype, rel_l2.shape)
print(torch.linalg.norm(torch.cat([u_pred, u_true], 1), dim=0))

# %%
for bad in [lambda: torch.optim.Adam([lam], lr=-1.0, maximize=True),
            lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1),
            lambda: torch.multinomial(torch.tensor([1.0, 2.0]), 3),
            lambda: torch.topk(res, k=500),
            lambda: net.register_buffer("B", torch.zeros(1), persistent="no") or net.ff.B.shape,
            lambda: net.ff.register_buffer("mlp.B", torch.zeros(1))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
