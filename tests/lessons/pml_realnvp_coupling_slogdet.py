# Imitates a RealNVP tutorial (the UvA DL / pyprobml flows notebooks, on two moons): affine coupling layers with
# alternating masks as buffers, the log-det-Jacobian as a sum of the scales, checked against torch.linalg.slogdet of
# torch.autograd.functional.jacobian, maximum-likelihood training with Adam, sampling through the inverse and the
# shape errors of a wrong input.
import torch
import torch.nn as nn
from torch.autograd.functional import jacobian
torch.manual_seed(0)

class Coupling(nn.Module):
    def __init__(self, dim, mask, hidden=8):
        super().__init__()
        self.register_buffer("mask", mask)
        self.s = nn.Sequential(nn.Linear(dim, hidden), nn.Tanh(), nn.Linear(hidden, dim), nn.Tanh())
        self.t = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim))
    def forward(self, x):
        xm = x * self.mask
        s = self.s(xm) * (1 - self.mask)
        t = self.t(xm) * (1 - self.mask)
        y = xm + (1 - self.mask) * (x * torch.exp(s) + t)
        return y, s.sum(-1)
    def inverse(self, y):
        ym = y * self.mask
        s = self.s(ym) * (1 - self.mask)
        t = self.t(ym) * (1 - self.mask)
        return ym + (1 - self.mask) * (y - t) * torch.exp(-s)

class RealNVP(nn.Module):
    def __init__(self, dim=2, n=4):
        super().__init__()
        masks = [torch.arange(dim) % 2 == i % 2 for i in range(n)]
        self.layers = nn.ModuleList([Coupling(dim, m.float()) for m in masks])
        self.base = torch.distributions.MultivariateNormal(torch.zeros(dim), torch.eye(dim))
    def forward(self, x):
        ldj = torch.zeros(x.shape[:-1])
        for layer in self.layers:
            x, l = layer(x)
            ldj = ldj + l
        return x, ldj
    def inverse(self, z):
        for layer in reversed(self.layers):
            z = layer.inverse(z)
        return z
    def log_prob(self, x):
        z, ldj = self(x)
        return self.base.log_prob(z) + ldj
# %%
flow = RealNVP()
print(flow.layers[0])
print([b for b, _ in flow.named_buffers()], sum(p.numel() for p in flow.parameters()))
x = torch.randn(5, 2)
z, ldj = flow(x)
print(z.shape, ldj.shape, ldj)
print(torch.allclose(flow.inverse(z), x, atol=1e-5))
# %%
x0 = torch.tensor([0.3, -1.2])
J = jacobian(lambda v: flow(v)[0], x0)
sign, logabs = torch.linalg.slogdet(J)
print(J.shape, sign, logabs, flow(x0)[1])
print(torch.isclose(logabs, flow(x0)[1], atol=1e-5), torch.det(J).log())
Jb = jacobian(lambda v: flow(v)[0].sum(0), torch.randn(3, 2))
print(Jb.shape, torch.linalg.slogdet(Jb.permute(1, 0, 2)))
# %%
def moons(n):
    t = torch.rand(n) * 3.1416
    a = torch.stack([t.cos(), t.sin()], 1)
    b = torch.stack([1 - t.cos(), 0.5 - t.sin()], 1)
    return torch.cat([a[: n // 2], b[n // 2:]]) + 0.05 * torch.randn(n, 2)
data = moons(64)
opt = torch.optim.Adam(flow.parameters(), lr=1e-2)
for step in range(40):
    loss = -flow.log_prob(data).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 4))
print(flow.layers[0].s[0].weight.grad.norm() > 0)
# %%
with torch.no_grad():
    zs = flow.base.sample((4,))
    xs = flow.inverse(zs)
print(xs.shape, xs.requires_grad, flow.base.sample().shape, flow.base.sample((2, 3)).shape)
try:
    flow(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    flow.log_prob(torch.randn(4, 3))
except Exception as e:
    print(type(e).__name__, e)
