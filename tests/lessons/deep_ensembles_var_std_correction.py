# Imitates "Simple and Scalable Predictive Uncertainty Estimation using Deep Ensembles" (Lakshminarayanan et al.)
# re-implementations in course notebooks (e.g. the UvA DL "uncertainty" tutorial and Kaggle ensembles notebooks):
# M small regressors with a Gaussian NLL head, predictions stacked with torch.stack, the mixture's mean and
# variance, var(unbiased=...) / std(correction=...) / var_mean / std_mean and the learner's mistakes with them.
import torch
import torch.nn as nn
import torch.nn.functional as F

class GaussMLP(nn.Module):
    def __init__(self, h=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(1, h), nn.Tanh(), nn.Linear(h, 2))
    def forward(self, x):
        out = self.body(x)
        mu, raw = out.chunk(2, dim=-1)
        var = F.softplus(raw) + 1e-6
        return mu, var

torch.manual_seed(0)
x = torch.linspace(-2, 2, 24).unsqueeze(1)
y = torch.sin(2 * x) + 0.1 * torch.randn_like(x)
members = [GaussMLP() for _ in range(4)]
for m in members:
    opt = torch.optim.Adam(m.parameters(), lr=0.02)
    for step in range(30):
        mu, var = m(x)
        loss = F.gaussian_nll_loss(mu, y, var)
        opt.zero_grad(); loss.backward(); opt.step()
    print(round(loss.item(), 3))

# %%
xt = torch.linspace(-3, 3, 7).unsqueeze(1)
with torch.no_grad():
    mus, vars_ = zip(*[m(xt) for m in members])
    mus, vars_ = torch.stack(mus), torch.stack(vars_)
print(mus.shape, vars_.shape)
mean = mus.mean(0)
var_mix = (vars_ + mus ** 2).mean(0) - mean ** 2
print(mean.squeeze(-1), var_mix.squeeze(-1))
print(mus.var(0).squeeze(), mus.var(0, unbiased=False).squeeze())
print(mus.std(dim=0, correction=0).squeeze(), mus.std(dim=0, correction=2).squeeze())
print(torch.var(mus, 0, keepdim=True).shape, torch.std(mus, dim=(0, 2)).shape)
print(torch.var_mean(mus, dim=0, correction=0))
print(torch.std_mean(mus.squeeze(-1), 0, unbiased=True))
print(mus.var(), mus.std(unbiased=False), mus.var(correction=1.5))

# %%
# edge cases: a single member, correction larger than the sample
one = mus[:1]
print(one.var(0).squeeze(), one.std(0, correction=0).squeeze())
print(mus.var(0, correction=4).squeeze(), mus.var(0, correction=5).squeeze())
print(torch.tensor(3.).std(), torch.tensor([1., 2.]).var(correction=3))
print(torch.var(torch.ones(0)), torch.std_mean(torch.ones(0)))

# %%
for f in [lambda: mus.var(0, unbiased=False, correction=0),
          lambda: mus.std(dim=0, unbiased=True, correction=1),
          lambda: mus.var(0, True, True),
          lambda: torch.var(mus.long(), 0),
          lambda: mus.var(dim=3),
          lambda: mus.std(0, correction="1"),
          lambda: torch.stack([mus[0], mus[1, :3]]),
          lambda: torch.stack([]),
          lambda: torch.stack(mus[0]),
          lambda: torch.var(mus, dim=(0, 0)),
          lambda: torch.var_mean(mus, 0, unbiased=False, keepdim=True)[0].shape]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# gradient of an ensemble-disagreement penalty
w = torch.randn(3, 5, requires_grad=True)
pen = w.var(0, correction=0).sum() + w.std(0).mean() + torch.var_mean(w, 1)[0].sum()
pen.backward()
print(pen, w.grad)
z = torch.zeros(4, requires_grad=True)
z.std().backward()
print(z.grad)
v, m = torch.std_mean(w, dim=1, correction=2)
print(v.grad_fn, m.grad_fn)
