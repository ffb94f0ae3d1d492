# Imitates fast.ai course part 2 (2022-23) lessons 19-20 notebooks "17_DDPM_v2.ipynb" / "18_fid.ipynb" /
# "19_DDPM_v3.ipynb" / "20_DDIM.ipynb": the linear beta schedule (torch.linspace, cumprod), noisify with random
# timesteps, the DDPM sampling loop under @torch.no_grad() with alphabar[t-1] or torch.tensor(1) at t = 0, the
# cosine abar schedule, a DDIM step with eta, and a continuous-time noisify with t clamped below 1.
import math
from types import SimpleNamespace
import torch
from torch import nn
import torch.nn.functional as F

# %%
torch.set_printoptions(precision=4, linewidth=140, sci_mode=False)
betamin, betamax, n_steps = 0.0001, 0.02, 1000
beta = torch.linspace(betamin, betamax, n_steps)
alpha = 1. - beta
alphabar = alpha.cumprod(dim=0)
sigma = beta.sqrt()
print(beta[:3], beta[-2:], beta.dtype, beta.shape)
print(alphabar[[0, 100, 500, 999]], sigma[::250])
print(alphabar.log().diff()[:3], torch.cumprod(alpha, 0).allclose(alphabar))

# %%
def noisify(x0, ᾱ):
    device = x0.device
    n = len(x0)
    t = torch.randint(0, n_steps, (n,), dtype=torch.long)
    ε = torch.randn(x0.shape, device=device)
    ᾱ_t = ᾱ[t].reshape(-1, 1, 1, 1).to(device)
    xt = ᾱ_t.sqrt() * x0 + (1 - ᾱ_t).sqrt() * ε
    return (xt, t.to(device)), ε
torch.manual_seed(42)
x0 = torch.rand(4, 1, 4, 4) * 2 - 1
(xt, t), ε = noisify(x0, alphabar)
print(t, t.dtype, xt.shape, xt[0, 0, 0], ε.std() > 0.5)
titles = [f'{o:.1f}' for o in alphabar[t]]
print(titles)

# %%
class TinyUnet(nn.Module):
    def __init__(self, c=1, nf=8):
        super().__init__()
        self.emb = nn.Embedding(n_steps, nf)
        self.inp = nn.Conv2d(c, nf, 3, padding=1)
        self.out = nn.Conv2d(nf, c, 3, padding=1)
    def forward(self, inp):
        x, t = inp
        h = self.inp(x) + self.emb(t)[:, :, None, None]
        return self.out(F.silu(h))
torch.manual_seed(1)
model = TinyUnet()
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
for i in range(4):
    (xt, t), ε = noisify(x0, alphabar)
    loss = F.mse_loss(model((xt, t)), ε)
    loss.backward(); opt.step(); opt.zero_grad()
    print(f"{loss.item():.4f}")

# %%
@torch.no_grad()
def sample(model, sz, alpha, alphabar, sigma, n_steps):
    device = next(model.parameters()).device
    x_t = torch.randn(sz, device=device)
    preds = []
    for t in reversed(range(n_steps)):
        t_batch = torch.full((x_t.shape[0],), t, device=device, dtype=torch.long)
        z = (torch.randn(x_t.shape) if t > 0 else torch.zeros(x_t.shape)).to(device)
        ᾱ_t1 = alphabar[t - 1] if t > 0 else torch.tensor(1)
        b̄_t = 1 - alphabar[t]
        b̄_t1 = 1 - ᾱ_t1
        x_0_hat = ((x_t - b̄_t.sqrt() * model((x_t, t_batch))) / alphabar[t].sqrt()).clamp(-1, 1)
        x_t = x_0_hat * ᾱ_t1.sqrt() * (1 - alpha[t]) / b̄_t + x_t * alpha[t].sqrt() * b̄_t1 / b̄_t + sigma[t] * z
        if t % 250 == 0 or t < 2: preds.append(x_t.cpu())
    return preds
torch.manual_seed(2)
samples = sample(model, (2, 1, 4, 4), alpha, alphabar, sigma, n_steps)
print(len(samples), samples[-1].shape, samples[-1].requires_grad, samples[-1][0, 0, 0])
one = torch.tensor(1)
print(one.dtype, one.sqrt(), (1 - one).dtype, (1 - one), alphabar[0] * one.sqrt(), torch.full((3,), 7).dtype)
print(torch.full((2,), 5, dtype=torch.long), torch.full((2,), 0.5), torch.full((2,), True))

# %%
def abar(t, T): return (t / T * math.pi / 2).cos()**2
def cos_sched(n_steps):
    ts = torch.linspace(0, n_steps - 1, n_steps)
    ab = abar(ts, n_steps)
    alp = ab / abar(ts - 1, n_steps)
    return SimpleNamespace(a=alp, abar=ab, sig=(1 - alp).sqrt())
sc = cos_sched(1000)
print(sc.abar[[0, 1, 500, 998, 999]], sc.a[:3], sc.sig[-3:])
print(torch.linspace(0, 999, 1000)[:3], torch.linspace(0, 1, 5), torch.linspace(-1, 1, steps=4, dtype=torch.float64))
try: torch.linspace(0, 1)
except Exception as e: print(type(e).__name__, e)

# %%
def ddim_step(x_t, noise, abar_t, abar_t1, bbar_t, bbar_t1, eta, t):
    vari = ((bbar_t1 / bbar_t) * (1 - abar_t / abar_t1))
    sig = vari.sqrt() * eta
    x_0_hat = ((x_t - bbar_t.sqrt() * noise) / abar_t.sqrt())
    x_t = abar_t1.sqrt() * x_0_hat + (bbar_t1 - sig**2).sqrt() * noise
    if t > 0: x_t += sig * torch.randn(x_t.shape).to(x_t)
    return x_t
@torch.no_grad()
def sample_ddim(f, model, sz, steps=10, eta=1.):
    tsteps = list(reversed(range(0, n_steps, n_steps // steps)))
    x_t = torch.randn(sz)
    for i, t in enumerate(tsteps):
        abar_t1 = alphabar[tsteps[i + 1]] if t > 0 else torch.tensor(1)
        noise = model((x_t, torch.full((sz[0],), t)))
        x_t = f(x_t, noise, alphabar[t], abar_t1, 1 - alphabar[t], 1 - abar_t1, eta, t)
    return x_t, tsteps
torch.manual_seed(3)
res, ts = sample_ddim(ddim_step, model, (2, 1, 4, 4), steps=5)
print(ts, res.shape, res.dtype, res[1, 0, 1])

# %%
def noisify_c(x0):
    device = x0.device
    n = len(x0)
    t = torch.rand(n,).to(x0).clamp(0, 0.999)
    ε = torch.randn(x0.shape, device=device)
    abar_t = abar(t, 1).reshape(-1, 1, 1, 1).to(device)
    xt = abar_t.sqrt() * x0 + (1 - abar_t).sqrt() * ε
    return (xt, t.to(device)), ε
torch.manual_seed(4)
(xt, t), ε = noisify_c(x0)
print(t, xt.mean(), xt.std(), ε.dtype)
def denoise(x_t, noise, t): return ((x_t - (1 - abar(t, 1)).sqrt().reshape(-1, 1, 1, 1) * noise) /
                                    abar(t, 1).sqrt().reshape(-1, 1, 1, 1))
print((denoise(xt, ε, t) - x0).abs().max() < 1e-3)
