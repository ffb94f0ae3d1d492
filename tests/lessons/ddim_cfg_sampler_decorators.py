# Imitates the DDPM / DDIM sampling notebooks written against PyTorch 2 (the "DDPM from scratch" course notebooks,
# minDiffusion's DDPM class, the DDIM paper's generalized sampler, classifier-free guidance as in Ho & Salimans):
# a class-conditional MLP on toy 2-D data with a sinusoidal time embedding, a linear beta schedule registered as
# buffers, the sampler methods decorated with @torch.no_grad / @torch.inference_mode without parentheses, DDIM's
# timestep subsequence from torch.linspace(...).long().flip(0), eta-controlled sigmas, guidance by doubling the
# batch and chunk(2), randn_like with a seeded torch.Generator, dynamic thresholding with torch.quantile, and the
# printed sample statistics; plus set_grad_enabled given a non-bool by mistake.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)

# %%
def sinusoidal(t, dim=16):
    half = dim // 2
    freqs = torch.exp(-math.log(10000) * torch.arange(half) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([args.sin(), args.cos()], dim=-1)

class Denoiser(nn.Module):
    def __init__(self, n_classes=3, d=64):
        super().__init__()
        self.n_classes = n_classes
        self.cls = nn.Embedding(n_classes + 1, 16)   # the last index is the "null" label
        self.net = nn.Sequential(nn.Linear(2 + 16 + 16, d), nn.SiLU(), nn.Linear(d, d), nn.SiLU(), nn.Linear(d, 2))
    def forward(self, x, t, y):
        return self.net(torch.cat([x, sinusoidal(t), self.cls(y)], dim=1))

class DDPM(nn.Module):
    def __init__(self, model, T=100, beta1=1e-4, beta2=0.02):
        super().__init__()
        self.model, self.T = model, T
        betas = torch.linspace(beta1, beta2, T)
        self.register_buffer("betas", betas)
        self.register_buffer("alphas_bar", torch.cumprod(1 - betas, dim=0))
    def forward(self, x0, y, p_uncond=0.2):
        t = torch.randint(0, self.T, (x0.shape[0],))
        eps = torch.randn_like(x0)
        ab = self.alphas_bar[t][:, None]
        xt = ab.sqrt() * x0 + (1 - ab).sqrt() * eps
        y = torch.where(torch.rand(y.shape) < p_uncond, self.model.n_classes, y)
        return F.mse_loss(self.model(xt, t, y), eps)
    @torch.no_grad
    def eps(self, x, t, y, w):
        tt = torch.full((x.shape[0],), t, dtype=torch.long)
        null = torch.full_like(y, self.model.n_classes)
        e_c, e_u = self.model(torch.cat([x, x]), torch.cat([tt, tt]), torch.cat([y, null])).chunk(2)
        return e_u + w * (e_c - e_u)
    @torch.no_grad
    def ddpm_sample(self, y, w=2.0, generator=None):
        x = torch.randn(y.shape[0], 2, generator=generator)
        for t in reversed(range(self.T)):
            e = self.eps(x, t, y, w)
            a, ab = 1 - self.betas[t], self.alphas_bar[t]
            z = torch.randn(x.shape, generator=generator) if t > 0 else torch.zeros_like(x)
            x = (x - (1 - a) / (1 - ab).sqrt() * e) / a.sqrt() + self.betas[t].sqrt() * z
        return x
    @torch.inference_mode
    def ddim_sample(self, y, steps=10, eta=0.0, w=2.0, generator=None):
        ts = torch.linspace(0, self.T - 1, steps).long().flip(0)
        x = torch.randn(y.shape[0], 2, generator=generator)
        for i, t in enumerate(ts):
            ab = self.alphas_bar[t]
            ab_prev = self.alphas_bar[ts[i + 1]] if i + 1 < len(ts) else torch.tensor(1.0)
            e = self.eps(x, t.item(), y, w)
            x0 = (x - (1 - ab).sqrt() * e) / ab.sqrt()
            s = torch.quantile(x0.abs(), 0.95, dim=1).clamp(min=1.0)[:, None]
            x0 = x0.clamp(-s, s)
            sigma = eta * ((1 - ab_prev) / (1 - ab) * (1 - ab / ab_prev)).sqrt()
            x = ab_prev.sqrt() * x0 + (1 - ab_prev - sigma ** 2).sqrt() * e + sigma * torch.randn(x.shape, generator=generator)
        return x

print(torch.linspace(0, 99, 10).long().flip(0))
model = DDPM(Denoiser())
print([name for name, _ in model.named_buffers()], model.alphas_bar[[0, 50, 99]])

# %%
torch.manual_seed(1)
centers = torch.tensor([[-1.0, 0.0], [1.0, 1.0], [0.5, -1.0]])
y = torch.randint(0, 3, (256,))
x0 = centers[y] + 0.1 * torch.randn(256, 2)
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
for epoch in range(60):
    loss = model(x0, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 15 == 0:
        print(epoch, f"{loss.item():.4f}")

# %%
g = torch.Generator().manual_seed(7)
labels = torch.tensor([0, 1, 2] * 4)
xs = model.ddpm_sample(labels, w=2.0, generator=g)
print(xs.shape, xs.requires_grad, xs.grad_fn, torch.is_grad_enabled())
for c in range(3):
    print(c, xs[labels == c].mean(0), xs[labels == c].std(0).mean() < 1)

# %%
g = torch.Generator().manual_seed(7)
xd = model.ddim_sample(labels, steps=10, eta=0.0, generator=g)
print(xd.is_inference(), xd.requires_grad, xd.dtype)
print(xd.view(4, 3, 2).mean(0))
xe = model.ddim_sample(labels, steps=5, eta=1.0, generator=torch.Generator().manual_seed(0))
print(torch.cdist(xe.view(4, 3, 2).mean(0), centers).diagonal() < 1.0)
try:
    (xd * 2).requires_grad_()
except RuntimeError as e:
    print(type(e).__name__, e)
print(xd.clone().is_inference(), torch.is_inference_mode_enabled())

# %%
train = 0  # a flag read from a config
try:
    with torch.set_grad_enabled(train):
        out = model.model(x0[:2], torch.zeros(2, dtype=torch.long), y[:2])
except TypeError as e:
    print(type(e).__name__, e)
with torch.set_grad_enabled(bool(train)):
    out = model.model(x0[:2], torch.zeros(2, dtype=torch.long), y[:2])
print(out.requires_grad, torch.is_grad_enabled())
