# Imitates a blog post rebuilding Prophet in plain PyTorch: a piecewise-linear trend with changepoints made of
# torch.relu hinges, Fourier seasonality features from torch.arange, torch.sin and torch.cos, Laplace / softplus
# priors, fitted with Adam; then probabilistic forecasts scored with the pinball (quantile) loss and CRPS.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
n = 120
t = torch.arange(n, dtype=torch.float32) / n
y = 2 + 3 * t - 4 * F.relu(t - 0.6) + 0.5 * torch.sin(2 * math.pi * 10 * t) + 0.2 * torch.randn(n)

def fourier(t, period, order):
    k = torch.arange(1, order + 1, dtype=t.dtype)
    arg = 2 * math.pi * k * t[:, None] / period
    return torch.cat([torch.sin(arg), torch.cos(arg)], dim=1)

feats = fourier(t, 0.1, 3)
print(feats.shape, feats[:2], feats.dtype)
cps = torch.linspace(0, 1, 9)[1:-1]
hinge = F.relu(t[:, None] - cps)
print(cps, hinge.shape, (hinge > 0).sum(0))

# %%
class Prophetish(nn.Module):
    def __init__(self, n_cp, n_feat):
        super().__init__()
        self.k = nn.Parameter(torch.zeros(()))
        self.m = nn.Parameter(torch.zeros(()))
        self.delta = nn.Parameter(torch.zeros(n_cp))
        self.beta = nn.Parameter(torch.zeros(n_feat))
        self.raw_sigma = nn.Parameter(torch.zeros(()))
    def forward(self, t, hinge, feats):
        trend = self.m + self.k * t + hinge @ self.delta
        return trend + feats @ self.beta
    def sigma(self):
        return F.softplus(self.raw_sigma) + 1e-3

model = Prophetish(len(cps), feats.shape[1])
opt = torch.optim.Adam(model.parameters(), lr=0.05)
laplace = torch.distributions.Laplace(0.0, 0.5)
for step in range(200):
    opt.zero_grad()
    mu = model(t, hinge, feats)
    nll = -torch.distributions.Normal(mu, model.sigma()).log_prob(y).sum()
    prior = -laplace.log_prob(model.delta).sum() + 0.5 * (model.beta ** 2).sum() / 10
    loss = (nll + prior) / n
    loss.backward()
    opt.step()
print(round(loss.item(), 4), model.delta.data, model.sigma())
print(F.softplus(torch.tensor([-30.0, 0.0, 25.0]), beta=2, threshold=10), model.beta.grad.abs().max() < 1)

# %%
# Forecast the next 20 steps: the trend extrapolates with the last slope
t_f = torch.arange(n, n + 20, dtype=torch.float32) / n
with torch.no_grad():
    y_f = model(t_f, F.relu(t_f[:, None] - cps), fourier(t_f, 0.1, 3))
print(y_f.shape, y_f[:5], y_f.requires_grad)

# %%
def pinball(y, q_pred, quantiles):
    diff = y[:, None] - q_pred
    return torch.maximum(quantiles * diff, (quantiles - 1) * diff).mean()

quantiles = torch.tensor([0.1, 0.5, 0.9])
head = nn.Linear(feats.shape[1] + 1, 3)
opt = torch.optim.Adam(head.parameters(), lr=0.05)
inputs = torch.cat([t[:, None], feats], 1)
for step in range(150):
    opt.zero_grad()
    q_pred = head(inputs)
    loss = pinball(y, q_pred, quantiles)
    loss.backward()
    opt.step()
q_pred = head(inputs).detach()
coverage = ((y > q_pred[:, 0]) & (y < q_pred[:, 2])).float().mean()
print(round(loss.item(), 4), coverage, (q_pred[:, 1:] >= q_pred[:, :-1]).all(1).float().mean())
print(torch.quantile(y, quantiles), torch.quantile(y, 0.5, interpolation="nearest"), y.median())

# %%
# Pinball written with torch.where and the quantile crossing fix (sorted quantiles)
diff = y[:, None] - q_pred
alt = torch.where(diff >= 0, quantiles * diff, (quantiles - 1) * diff).mean()
print(alt, torch.sort(q_pred, dim=1).values[:2], torch.sort(q_pred, dim=1).indices[:2])

# %%
# CRPS of a Gaussian forecast in closed form, and of an ensemble (samples)
def crps_gaussian(y, mu, sigma):
    z = (y - mu) / sigma
    normal = torch.distributions.Normal(0.0, 1.0)
    return (sigma * (z * (2 * normal.cdf(z) - 1) + 2 * normal.log_prob(z).exp() - 1 / math.sqrt(math.pi))).mean()

mu = model(t, hinge, feats)
score = crps_gaussian(y, mu, model.sigma())
score.backward()
print(score, model.raw_sigma.grad, score.grad_fn)

# %%
def crps_ensemble(y, samples):
    term1 = (samples - y).abs().mean(0)
    term2 = (samples[:, None] - samples[None, :]).abs().mean((0, 1))
    return (term1 - 0.5 * term2).mean()

with torch.no_grad():
    samples = mu + model.sigma() * torch.randn(50, n)
print(crps_ensemble(y, samples), torch.cdist(samples.T[:3, :, None], samples.T[:3, :, None]).mean((1, 2)) / 2)

# %%
# Mistakes: quantiles as a list, a shape mismatch in the pinball broadcast, quantile outside [0, 1]
pinball(y, q_pred, [0.1, 0.5, 0.9])

# %%
torch.quantile(y, torch.tensor([0.1, 1.5]))

# %%
torch.quantile(y, 0.5, interpolation="mean")

# %%
pinball(y[:-1], q_pred, quantiles)

# %%
torch.distributions.Laplace(0.0, -1.0)

# %%
torch.distributions.Normal(mu, -model.sigma())
