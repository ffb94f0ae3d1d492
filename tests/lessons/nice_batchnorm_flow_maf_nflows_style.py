# Imitates hand-written nflows-style code from flow tutorials (Eric Jang's "Normalizing Flows Tutorial" ported to
# PyTorch, Lilian Weng's flow post turned into code, the MAF paper's BatchNormFlow): NICE additive coupling with a
# diagonal exp-scaling layer and a logistic prior written with softplus, a BatchNorm flow with running statistics
# (train / eval, its log-determinant), MAF with a MADE conditioner built from degrees, the Jacobian of the flow from
# torch.autograd.functional.jacobian checked with torch.linalg.slogdet, a few Adam steps on hand-made two moons.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

def two_moons(n, noise=0.05):
    n1 = n // 2
    t1 = torch.rand(n1) * math.pi
    t2 = torch.rand(n - n1) * math.pi
    up = torch.stack([torch.cos(t1), torch.sin(t1)], dim=1)
    down = torch.stack([1 - torch.cos(t2), 0.5 - torch.sin(t2)], dim=1)
    x = torch.cat([up, down], dim=0)
    return x + noise * torch.randn_like(x)

x = two_moons(64)
print(x.shape, x.dtype, x.mean(0), x.std(0))
# %%
class AdditiveCoupling(nn.Module):
    def __init__(self, dim, hidden, parity):
        super().__init__()
        self.parity = parity
        self.net = nn.Sequential(nn.Linear(dim // 2, hidden), nn.ReLU(), nn.Linear(hidden, dim // 2))
    def forward(self, x):
        x0, x1 = x[:, ::2], x[:, 1::2]
        if self.parity:
            x0, x1 = x1, x0
        z0 = x0
        z1 = x1 + self.net(x0)
        if self.parity:
            z0, z1 = z1, z0
        z = torch.zeros_like(x)
        z[:, ::2] = z0
        z[:, 1::2] = z1
        return z, torch.zeros(x.size(0))
    def inverse(self, z):
        z0, z1 = z[:, ::2], z[:, 1::2]
        if self.parity:
            z0, z1 = z1, z0
        x0 = z0
        x1 = z1 - self.net(z0)
        if self.parity:
            x0, x1 = x1, x0
        x = torch.zeros_like(z)
        x[:, ::2] = x0
        x[:, 1::2] = x1
        return x

class Scaling(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.scale = nn.Parameter(torch.zeros(1, dim))
    def forward(self, x):
        return x * torch.exp(self.scale), self.scale.sum().expand(x.size(0))
    def inverse(self, z):
        return z * torch.exp(-self.scale)

def logistic_log_prob(z):
    return -(F.softplus(z) + F.softplus(-z)).sum(dim=1)

layers = nn.ModuleList([AdditiveCoupling(2, 16, i % 2) for i in range(4)] + [Scaling(2)])
z, ld = x, torch.zeros(x.size(0))
for layer in layers:
    z, l = layer(z)
    ld = ld + l
print(z[:3], z.grad_fn, ld[:3], ld.grad_fn)
loss = -(logistic_log_prob(z) + ld).mean()
loss.backward()
print(loss, layers[4].scale.grad, layers[0].net[0].weight.grad[:2])
back = z
for layer in reversed(layers):
    back = layer.inverse(back)
print(torch.allclose(back, x, atol=1e-5), (back - x).abs().max() < 1e-5)
# %%
class BatchNormFlow(nn.Module):
    def __init__(self, dim, momentum=0.1, eps=1e-5):
        super().__init__()
        self.log_gamma = nn.Parameter(torch.zeros(dim))
        self.beta = nn.Parameter(torch.zeros(dim))
        self.momentum, self.eps = momentum, eps
        self.register_buffer("running_mean", torch.zeros(dim))
        self.register_buffer("running_var", torch.ones(dim))
    def forward(self, x):
        if self.training:
            mean = x.mean(0)
            var = (x - mean).pow(2).mean(0) + self.eps
            with torch.no_grad():
                self.running_mean.mul_(1 - self.momentum).add_(mean.data * self.momentum)
                self.running_var.mul_(1 - self.momentum).add_(var.data * self.momentum)
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean) / var.sqrt()
        y = torch.exp(self.log_gamma) * x_hat + self.beta
        ld = (self.log_gamma - 0.5 * torch.log(var)).sum(-1)
        return y, ld.expand(x.size(0))

bn = BatchNormFlow(2)
y, ld = bn(x)
print(y.mean(0), y.var(0, unbiased=False), ld[:2], ld.grad_fn)
print(bn.running_mean, bn.running_var, dict(bn.named_buffers()).keys())
bn.eval()
y2, ld2 = bn(x)
print(y2[:2], ld2[0], ld2.requires_grad)
print(bn.state_dict().keys())
# %%
def made_masks(d, h, seed_order=None):
    m_in = torch.arange(1, d + 1)
    m_h = torch.arange(h) % max(1, d - 1) + 1
    mask1 = (m_h[:, None] >= m_in[None, :]).float()
    mask2 = (m_in[:, None] > m_h[None, :]).float()
    return mask1, mask2

class MADE(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.l1 = nn.Linear(d, h)
        self.l2 = nn.Linear(h, 2 * d)
        m1, m2 = made_masks(d, h)
        self.register_buffer("m1", m1)
        self.register_buffer("m2", m2.repeat(2, 1))
    def forward(self, x):
        h = F.relu(F.linear(x, self.l1.weight * self.m1, self.l1.bias))
        out = F.linear(h, self.l2.weight * self.m2, self.l2.bias)
        mu, alpha = out.chunk(2, dim=-1)
        return mu, torch.tanh(alpha)

made = MADE(2, 8)
print(made.m1.t(), made.m2)
mu, alpha = made(x)
u = (x - mu) * torch.exp(-alpha)
print(u[:2], alpha.grad_fn, (-alpha.sum(-1))[:3])
# %%
torch.manual_seed(1)
x3 = torch.randn(3, dtype=torch.float64)
made64 = MADE(3, 9).double()
def maf_forward(v):
    mu, alpha = made64(v.unsqueeze(0))
    return ((v - mu[0]) * torch.exp(-alpha[0]))
J = torch.autograd.functional.jacobian(maf_forward, x3)
print(J.shape, J.dtype, torch.triu(J, 1).abs().max())
sign, logabs = torch.linalg.slogdet(J)
_, alpha = made64(x3.unsqueeze(0))
print(sign, logabs, -alpha.sum(), torch.allclose(logabs, -alpha.sum()))
print(torch.slogdet(J), torch.logdet(J), torch.det(J))
# %%
torch.manual_seed(2)
base = torch.distributions.MultivariateNormal(torch.zeros(2), torch.eye(2))
flows = nn.ModuleList([MADE(2, 16) for _ in range(3)])
opt = torch.optim.Adam(flows.parameters(), lr=1e-2)
for step in range(5):
    z, ld = x, torch.zeros(x.size(0))
    for f in flows:
        mu, alpha = f(z)
        z = (z - mu) * torch.exp(-alpha)
        ld = ld - alpha.sum(-1)
        z = z.flip(-1)
    loss = -(base.log_prob(z) + ld).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(z.grad_fn, base.log_prob(z).grad_fn, base)
# %%
with torch.no_grad():
    zs = base.sample((4,))
    xs = zs
    for f in reversed(flows):
        xs = xs.flip(-1)
        out = torch.zeros_like(xs)
        for i in range(2):
            mu, alpha = f(out)
            out[:, i] = mu[:, i] + xs[:, i] * torch.exp(alpha[:, i])
        xs = out
print(xs, xs.requires_grad)
try:
    torch.linalg.slogdet(torch.randn(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.distributions.MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    base.log_prob(torch.zeros(4, 3))
except Exception as e:
    print(type(e).__name__, e)
