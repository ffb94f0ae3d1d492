# Imitates the score-based toy 2-D diffusion notebooks (Yang Song's "score-based generative modeling" Colab on a
# 2-D mixture, the denoising / sliced score matching tutorials) with the EMA of the weights as diffusers' EMAModel
# and timm's ModelEmaV3 keep it: a GaussianFourierProjection with a frozen nn.Parameter, marginal_prob_std of the
# VE SDE, the denoising score-matching loss, a sliced score-matching loss with torch.autograd.grad(create_graph),
# an EMA copy made with copy.deepcopy(...).requires_grad_(False) and updated with torch._foreach_mul_ /
# _foreach_add_ / _foreach_lerp_ under @torch.no_grad, the decay warm-up min(decay, (1 + step) / (10 + step)),
# store / copy_to / restore of the weights, and an Euler-Maruyama sampler whose sample statistics are printed.
import copy
import math
import torch
import torch.nn as nn

torch.manual_seed(0)

# %%
class GaussianFourierProjection(nn.Module):
    def __init__(self, embed_dim, scale=4.0):
        super().__init__()
        self.W = nn.Parameter(torch.randn(embed_dim // 2) * scale, requires_grad=False)
    def forward(self, t):
        x_proj = t[:, None] * self.W[None, :] * 2 * math.pi
        return torch.cat([torch.sin(x_proj), torch.cos(x_proj)], dim=-1)

SIGMA = 5.0
def marginal_prob_std(t):
    t = torch.as_tensor(t)
    return torch.sqrt((SIGMA ** (2 * t) - 1.0) / 2.0 / math.log(SIGMA))

class ScoreNet(nn.Module):
    def __init__(self, h=64):
        super().__init__()
        self.embed = GaussianFourierProjection(16)
        self.net = nn.Sequential(nn.Linear(2 + 16, h), nn.SiLU(), nn.Linear(h, h), nn.SiLU(), nn.Linear(h, 2))
    def forward(self, x, t):
        return self.net(torch.cat([x, self.embed(t)], dim=1)) / marginal_prob_std(t)[:, None]

score = ScoreNet()
print(score.embed.W.requires_grad, sum(p.numel() for p in score.parameters() if p.requires_grad))
print(marginal_prob_std(torch.tensor([1e-3, 0.5, 1.0])), marginal_prob_std(0.5).dtype)

# %%
class EMA:
    def __init__(self, model, decay=0.99):
        self.decay = decay
        self.step = 0
        self.shadow = copy.deepcopy(model).eval().requires_grad_(False)
        self.backup = None
    @torch.no_grad
    def update(self, model):
        d = min(self.decay, (1 + self.step) / (10 + self.step))
        self.step += 1
        ema_p = [p for p in self.shadow.parameters() if p.dtype.is_floating_point]
        cur_p = [p for p in model.parameters() if p.dtype.is_floating_point]
        if self.step % 2:
            torch._foreach_mul_(ema_p, d)
            torch._foreach_add_(ema_p, cur_p, alpha=1 - d)
        else:
            torch._foreach_lerp_(ema_p, cur_p, 1 - d)
        return d
    def store(self, model):
        self.backup = [p.detach().clone() for p in model.parameters()]
    def copy_to(self, model):
        for s, p in zip(self.shadow.parameters(), model.parameters()):
            p.data.copy_(s.data)
    def restore(self, model):
        for b, p in zip(self.backup, model.parameters()):
            p.data.copy_(b)

ema = EMA(score)
print(ema.shadow.training, [p.requires_grad for p in ema.shadow.parameters()][:3], ema.shadow.embed.W is score.embed.W)

# %%
torch.manual_seed(1)
means = torch.tensor([[-2.0, -2.0], [2.0, 2.0]])
data = means[torch.randint(0, 2, (512,))] + 0.3 * torch.randn(512, 2)
opt = torch.optim.Adam(score.parameters(), lr=3e-3)
eps = 1e-3
for step in range(40):
    x = data[torch.randint(0, 512, (128,))]
    t = torch.rand(128) * (1 - eps) + eps
    z = torch.randn_like(x)
    std = marginal_prob_std(t)[:, None]
    s = score(x + z * std, t)
    loss = torch.mean(torch.sum((s * std + z) ** 2, dim=1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    d = ema.update(score)
    if step % 10 == 0:
        print(step, f"{loss.item():.4f}", round(d, 4))
print(ema.step, ema.shadow.net[0].bias.requires_grad, ema.shadow.net[0].bias.grad)

# %%
torch.manual_seed(2)
x = (data[:16] + 0.1 * torch.randn(16, 2)).requires_grad_(True)
t = torch.full((16,), 0.05)
s = score(x, t)
v = torch.randn_like(x).sign()
gv = torch.autograd.grad((s * v).sum(), x, create_graph=True)[0]
ssm = ((gv * v).sum(dim=1) + 0.5 * (s * v).sum(dim=1) ** 2).mean()
ssm.backward()
print(gv.shape, gv.requires_grad, f"{ssm.item():.3f}", score.net[0].weight.grad.abs().sum() > 0)
try:
    torch.autograd.grad(s.sum(), x)
except RuntimeError as e:
    print(type(e).__name__, e)
score.zero_grad(set_to_none=True)

# %%
@torch.no_grad
def euler_maruyama(model, n=256, steps=100, generator=None):
    t = torch.ones(n)
    x = torch.randn(n, 2, generator=generator) * marginal_prob_std(t)[:, None]
    ts = torch.linspace(1.0, eps, steps)
    dt = ts[0] - ts[1]
    for tt in ts:
        bt = torch.full((n,), tt.item())
        g = SIGMA ** tt
        mean_x = x + (g ** 2) * model(x, bt) * dt
        x = mean_x + torch.sqrt(dt) * g * torch.randn(x.shape, generator=generator)
    return mean_x

ema.store(score)
ema.copy_to(score)
samples = euler_maruyama(score, generator=torch.Generator().manual_seed(3))
ema.restore(score)
print(samples.shape, samples.requires_grad, torch.isfinite(samples).all())
print(f"mean {samples.mean():.2f} |x| {samples.abs().mean():.2f} frac x>0 {(samples[:, 0] > 0).float().mean():.2f}")
print(torch.equal(score.net[0].weight, ema.backup[1]), torch.equal(score.net[0].weight, ema.shadow.net[0].weight))
