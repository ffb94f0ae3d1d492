# Imitates normalizing-flow tutorials (RealNVP on 2-d "moons"-like data): affine coupling layers with masks,
# log-determinants, a standard-normal base via torch.distributions, training by maximum likelihood, sampling by
# inverting, and torch.distributions' TransformedDistribution with AffineTransform / ComposeTransform.
import math
import torch
import torch.nn as nn
from torch import distributions as D

torch.manual_seed(0)
def make_data(n):
    t = torch.rand(n) * math.pi
    x = torch.stack([torch.cos(t), torch.sin(t)], 1) + 0.05 * torch.randn(n, 2)
    return x

class Coupling(nn.Module):
    def __init__(self, mask):
        super().__init__()
        self.register_buffer("mask", mask)
        self.s = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 2), nn.Tanh())
        self.t = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
    def forward(self, x):
        xm = x * self.mask
        s = self.s(xm) * (1 - self.mask)
        t = self.t(xm) * (1 - self.mask)
        y = xm + (1 - self.mask) * (x * torch.exp(s) + t)
        return y, s.sum(dim=1)
    def inverse(self, y):
        ym = y * self.mask
        s = self.s(ym) * (1 - self.mask)
        t = self.t(ym) * (1 - self.mask)
        return ym + (1 - self.mask) * (y - t) * torch.exp(-s)

class RealNVP(nn.Module):
    def __init__(self, n=4):
        super().__init__()
        masks = [torch.tensor([1.0, 0.0]) if i % 2 == 0 else torch.tensor([0.0, 1.0]) for i in range(n)]
        self.layers = nn.ModuleList([Coupling(m) for m in masks])
        self.prior = D.MultivariateNormal(torch.zeros(2), torch.eye(2))
    def log_prob(self, x):
        logdet = torch.zeros(x.shape[0])
        for l in self.layers:
            x, ld = l(x)
            logdet = logdet + ld
        return self.prior.log_prob(x) + logdet
    def sample(self, n):
        z = self.prior.sample((n,))
        for l in reversed(self.layers):
            z = l.inverse(z)
        return z

flow = RealNVP()
print(flow.layers[0].mask, sum(p.numel() for p in flow.parameters()))
x = make_data(64)
print(flow.log_prob(x[:3]))

# %%
opt = torch.optim.Adam(flow.parameters(), lr=5e-3)
for it in range(30):
    loss = -flow.log_prob(x).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    if it % 10 == 0:
        print(it, round(loss.item(), 4))
with torch.no_grad():
    s = flow.sample(4)
    y, ld = flow.layers[0](s)
    print(s, torch.allclose(flow.layers[0].inverse(y), s, atol=1e-6))

# %%
base = D.Normal(torch.zeros(2), torch.ones(2))
tf = D.TransformedDistribution(base, [D.AffineTransform(loc=torch.tensor([1.0, -1.0]), scale=2.0),
                                      D.ExpTransform()])
v = tf.sample((3,))
print(v.shape, tf.log_prob(v))
comp = D.ComposeTransform([D.AffineTransform(0.0, 3.0), D.SigmoidTransform()])
u = torch.tensor([-1.0, 0.0, 2.0])
print(comp(u), comp.inv(comp(u)), comp.log_abs_det_jacobian(u, comp(u)))
print(D.Independent(base, 1).event_shape, D.Independent(base, 1).batch_shape, tf.batch_shape)
print(D.LogNormal(0.0, 1.0).log_prob(torch.tensor(2.0)), D.transforms.identity_transform)
print(comp, comp.domain, comp.codomain)
