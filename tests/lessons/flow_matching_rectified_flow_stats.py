# Imitates the flow-matching / rectified-flow tutorials that follow the diffusion ones (the "Flow Matching for
# Generative Modeling" minimal notebooks, torchcfm's ConditionalFlowMatcher, "Rectified Flow" 2-D colab): time drawn
# with torch.rand(B, 1), the interpolant x_t = t * x1 + (1 - t) * x0 with sigma_min, the velocity MSE, Euler and
# midpoint ODE integration over torch.linspace, trajectories kept with torch.stack, the Hutchinson divergence with
# randn_like / rademacher noise and torch.autograd.grad(create_graph=True), an EMA kept with torch._foreach_lerp_,
# and the way such notebooks print tensor statistics (quantile, aminmax, var_mean, histc, f-strings of 0-d tensors).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(5)

# %%
def sample_8gaussians(n):
    centers = torch.tensor([(math.cos(a), math.sin(a)) for a in torch.arange(8).float() * math.pi / 4]) * 2
    idx = torch.randint(0, 8, (n,))
    return centers[idx] + 0.1 * torch.randn(n, 2)


x1 = sample_8gaussians(256)
print(x1.shape, x1.dtype)
print(torch.quantile(x1[:, 0], torch.tensor([0.05, 0.5, 0.95])))
print(x1.aminmax(), torch.var_mean(x1, dim=0))
print(torch.histc(x1[:, 0], bins=6, min=-3, max=3))
r = x1.norm(dim=1)
print(f"radius mean={r.mean():.3f} std={r.std():.3f} min={r.min():.3f} max={r.max():.3f}")
print("{:.2f} {:>8.4f} {:e}".format(r.mean(), r.median(), r.var()))
print(f"{r.mean().item():.3g}", f"{r[:3]}")

# %%
class VelocityField(nn.Module):
    def __init__(self, dim=2, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim + 1, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, dim))

    def forward(self, t, x):
        if t.dim() == 0:
            t = t.expand(x.shape[0], 1)
        return self.net(torch.cat([x, t], dim=-1))


sigma_min = 1e-4
model = VelocityField()
ema = [p.detach().clone() for p in model.parameters()]
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
for it in range(10):
    x1b = sample_8gaussians(64)
    x0b = torch.randn_like(x1b)
    t = torch.rand(x1b.shape[0], 1)
    xt = t * x1b + (1 - (1 - sigma_min) * t) * x0b
    ut = x1b - (1 - sigma_min) * x0b
    vt = model(t, xt)
    loss = F.mse_loss(vt, ut)
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        torch._foreach_lerp_(ema, [p.detach() for p in model.parameters()], 0.1)
    if it % 3 == 0:
        print(it, f"{loss.item():.4f}", vt.grad_fn.name())
print(ema[0].requires_grad, (ema[0] - model.net[0].weight).abs().max().item() > 0)

# %%
@torch.no_grad()
def euler(model, x, steps=8):
    ts = torch.linspace(0, 1, steps + 1)
    traj = [x]
    for t0, t1 in zip(ts[:-1], ts[1:]):
        x = x + (t1 - t0) * model(t0, x)
        traj.append(x)
    return torch.stack(traj)


@torch.no_grad()
def midpoint(model, x, steps=4):
    ts = torch.linspace(0, 1, steps + 1)
    for t0, t1 in zip(ts[:-1], ts[1:]):
        dt = t1 - t0
        x_mid = x + dt / 2 * model(t0, x)
        x = x + dt * model(t0 + dt / 2, x_mid)
    return x


z = torch.randn(6, 2)
traj = euler(model, z)
print(traj.shape, traj[-1].norm(dim=1))
print(midpoint(model, z).norm(dim=1), traj.requires_grad)
print(torch.linspace(0, 1, 5)[1:] - torch.linspace(0, 1, 5)[:-1])
print(traj[:, 0].T, traj.flatten(0, 1).std(0))

# %%
def divergence_exact(model, t, x):
    x = x.requires_grad_(True)
    v = model(t, x)
    div = 0.0
    for i in range(x.shape[1]):
        div = div + torch.autograd.grad(v[:, i].sum(), x, create_graph=True)[0][:, i]
    return div


def divergence_hutchinson(model, t, x, n=4, rademacher=False):
    x = x.requires_grad_(True)
    v = model(t, x)
    est = 0
    for _ in range(n):
        eps = torch.randint_like(x, 0, 2) * 2 - 1 if rademacher else torch.randn_like(x)
        vjp, = torch.autograd.grad(v, x, eps, create_graph=True)
        est = est + (vjp * eps).sum(1)
    return est / n


x = torch.randn(5, 2)
exact = divergence_exact(model, torch.tensor(0.3), x.clone())
print(exact, exact.grad_fn.name())
print(divergence_hutchinson(model, torch.tensor(0.3), x.clone(), n=3).shape)
print(divergence_hutchinson(model, torch.tensor(0.3), x.clone(), n=2, rademacher=True).detach())
print(torch.randint_like(x, 0, 2).dtype, torch.randint_like(x.long(), 3).dtype)
exact.sum().backward()
print(model.net[0].weight.grad.abs().sum() > 0)

# %%
@torch.no_grad()
def log_likelihood(model, x1, steps=8):
    ts = torch.linspace(1, 0, steps + 1)
    x = x1.clone()
    logdet = torch.zeros(x.shape[0])
    for t0, t1 in zip(ts[:-1], ts[1:]):
        with torch.enable_grad():
            div = divergence_exact(model, t0, x.clone())
        x = x + (t1 - t0) * model(t0, x)
        logdet = logdet - (t1 - t0) * div.detach()
    logp0 = -0.5 * (x ** 2).sum(1) - math.log(2 * math.pi)
    return logp0 - logdet


ll = log_likelihood(model, x1[:4])
print(ll.shape, ll.requires_grad, torch.isfinite(ll).all())
print(torch.quantile(ll, 0.5), torch.quantile(ll, torch.tensor([0.25, 0.75]), interpolation='nearest'))
for f in [lambda: torch.quantile(ll.double(), torch.tensor([0.5])),
          lambda: torch.quantile(ll, 1.5),
          lambda: torch.quantile(ll.long(), 0.5),
          lambda: torch.histc(ll, bins=3),
          lambda: torch.histc(ll.long(), bins=3),
          lambda: ll.aminmax(dim=0),
          lambda: f"{ll}",
          lambda: f"{ll:.2f}",
          lambda: f"{ll.mean():.2f}",
          lambda: "%.3f" % ll.mean(),
          lambda: "%.3f" % ll]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
