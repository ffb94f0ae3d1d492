# Imitates a tiny-NeRF notebook: positional encoding, stratified samples along rays, alpha compositing with
# cumprod (exclusive, via torch.cat), and hierarchical sampling with searchsorted from the weights' CDF.
import torch
import torch.nn as nn

torch.manual_seed(0)
def posenc(x, L=4):
    out = [x]
    for i in range(L):
        out += [torch.sin(2.0 ** i * x), torch.cos(2.0 ** i * x)]
    return torch.cat(out, -1)

pts = torch.rand(3, 2)
print(posenc(pts).shape, posenc(pts)[0, :5])

# %%
n_rays, n_samples = 4, 8
near, far = 2.0, 6.0
t_vals = torch.linspace(near, far, n_samples).expand(n_rays, n_samples)
mids = 0.5 * (t_vals[:, 1:] + t_vals[:, :-1])
upper = torch.cat([mids, t_vals[:, -1:]], -1)
lower = torch.cat([t_vals[:, :1], mids], -1)
z = lower + (upper - lower) * torch.rand(n_rays, n_samples)
print(z[0])

# %%
def render(sigma, rgb, z):
    deltas = torch.cat([z[:, 1:] - z[:, :-1], torch.full_like(z[:, :1], 1e10)], -1)
    alpha = 1.0 - torch.exp(-sigma * deltas)
    trans = torch.cumprod(torch.cat([torch.ones_like(alpha[:, :1]), 1.0 - alpha + 1e-10], -1), -1)[:, :-1]
    weights = alpha * trans
    return (weights[..., None] * rgb).sum(1), weights

sigma = torch.relu(torch.randn(n_rays, n_samples)).requires_grad_()
rgb = torch.sigmoid(torch.randn(n_rays, n_samples, 3))
color, w = render(sigma, rgb, z)
print(color, w.sum(-1))
color.sum().backward()
print(sigma.grad)

# %%
a = torch.tensor([0.5, 0.0, 2.0, 0.0], requires_grad=True)
cp = torch.cumprod(a, 0)
print(cp)
cp.sum().backward()
print(a.grad)
b = torch.tensor([[1.0, 0.0, 3.0], [2.0, 2.0, 0.0]], requires_grad=True)
torch.cumprod(b, dim=1).sum().backward()
print(b.grad)

# %%
def sample_pdf(bins, weights, n, det=True):
    pdf = (weights + 1e-5) / (weights + 1e-5).sum(-1, keepdim=True)
    cdf = torch.cat([torch.zeros_like(pdf[:, :1]), torch.cumsum(pdf, -1)], -1)
    u = torch.linspace(0, 1, n).expand(cdf.shape[0], n).contiguous()
    idx = torch.searchsorted(cdf, u, right=True)
    below = (idx - 1).clamp(min=0)
    above = idx.clamp(max=cdf.shape[-1] - 1)
    cdf_g = torch.stack([cdf.gather(1, below), cdf.gather(1, above)], -1)
    bins_g = torch.stack([bins.gather(1, below), bins.gather(1, above)], -1)
    denom = cdf_g[..., 1] - cdf_g[..., 0]
    denom = torch.where(denom < 1e-5, torch.ones_like(denom), denom)
    t = (u - cdf_g[..., 0]) / denom
    return bins_g[..., 0] + t * (bins_g[..., 1] - bins_g[..., 0])

bins = torch.linspace(near, far, n_samples + 1).expand(n_rays, -1)
fine = sample_pdf(bins, w.detach(), 6)
print(fine[0], fine.shape)
print(torch.sort(torch.cat([z, fine], -1), -1).values[0, :6])

# %%
mlp = nn.Sequential(nn.Linear(posenc(pts).shape[-1], 32), nn.ReLU(), nn.Linear(32, 4))
opt = torch.optim.Adam(mlp.parameters(), lr=5e-3)
target = torch.tensor([[0.2, 0.5, 0.8]]).expand(n_rays, 3)
coords = torch.rand(n_rays, n_samples, 2)
for i in range(10):
    opt.zero_grad()
    raw = mlp(posenc(coords))
    c, _ = render(torch.relu(raw[..., 0]), torch.sigmoid(raw[..., 1:]), z)
    loss = ((c - target) ** 2).mean()
    loss.backward()
    opt.step()
print(round(loss.item(), 6))
