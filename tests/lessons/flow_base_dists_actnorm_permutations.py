# Imitates the "building blocks" cells of flow tutorials written by hand (Lilian Weng's flow post as code, the UvA
# flows notebook, nflows-style hand-rolled modules): ActNorm with data-dependent init under torch.no_grad and a
# uint8 / bool flag buffer, permutation layers from torch.randperm with the argsort inverse and index_select /
# gather, Independent / MultivariateNormal (scale_tril, covariance) / Normal base distributions with their shapes,
# reprs, rsample gradients and validation errors, batched slogdet with gradients, sampling with a temperature, and
# a short Adam loop with gradient clipping on hand-made two moons in float64.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.distributions as D
torch.manual_seed(0)
# %%
class ActNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.loc = nn.Parameter(torch.zeros(1, dim))
        self.log_scale = nn.Parameter(torch.zeros(1, dim))
        self.register_buffer("initialized", torch.tensor(0, dtype=torch.uint8))
    def forward(self, x):
        if not self.initialized:
            with torch.no_grad():
                self.loc.data.copy_(-x.mean(0, keepdim=True))
                self.log_scale.data.copy_(-torch.log(x.std(0, keepdim=True) + 1e-6))
                self.initialized.fill_(1)
        y = (x + self.loc) * torch.exp(self.log_scale)
        return y, self.log_scale.sum().repeat(x.size(0))
    def inverse(self, y):
        return y * torch.exp(-self.log_scale) - self.loc

x = torch.randn(16, 3) * torch.tensor([1.0, 3.0, 0.5]) + torch.tensor([2.0, -1.0, 0.0])
an = ActNorm(3)
y, ld = an(x)
print(an.initialized, bool(an.initialized), an.initialized.dtype)
print(y.mean(0), y.std(0), ld[:3], ld.grad_fn)
print(an.loc, an.log_scale)
y2, _ = an(x * 2)
print(y2.mean(0), an.state_dict()["initialized"])
print(torch.allclose(an.inverse(y), x, atol=1e-5))
# %%
class Permute(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.register_buffer("perm", torch.randperm(dim))
        self.register_buffer("inv_perm", torch.argsort(self.perm))
    def forward(self, x):
        return x[:, self.perm], x.new_zeros(x.size(0))
    def inverse(self, z):
        return z[:, self.inv_perm]

pm = Permute(5)
v = torch.arange(10.0).view(2, 5).requires_grad_()
z, _ = pm(v)
print(pm.perm, pm.inv_perm, z, z.grad_fn)
print(pm.inverse(z), torch.equal(pm.inverse(z), v))
print(v.index_select(1, pm.perm), v.gather(1, pm.perm.expand(2, 5)).grad_fn)
(z * torch.arange(5.0)).sum().backward()
print(v.grad)
P = torch.eye(5)[pm.perm]
print(P, torch.slogdet(P), torch.det(P))
# %%
base = D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 1)
print(base, base.batch_shape, base.event_shape)
z = torch.randn(4, 3)
print(base.log_prob(z), D.Normal(0.0, 1.0).log_prob(z).sum(-1))
print(base.sample((2,)).shape, base.entropy(), base.mean, base.variance)
L = torch.tensor([[1.0, 0.0], [0.5, 2.0]])
mvn = D.MultivariateNormal(torch.zeros(2), scale_tril=L)
print(mvn, mvn.covariance_matrix, mvn.precision_matrix)
pts = torch.tensor([[0.0, 0.0], [1.0, -1.0], [2.0, 3.0]])
print(mvn.log_prob(pts), mvn.entropy())
mvn2 = D.MultivariateNormal(torch.tensor([1.0, -1.0]), covariance_matrix=L @ L.T)
print(mvn2.scale_tril, mvn2.log_prob(pts), mvn2.batch_shape, mvn2.event_shape)
# %%
loc = torch.zeros(2, requires_grad=True)
log_std = torch.zeros(2, requires_grad=True)
q = D.Independent(D.Normal(loc, log_std.exp()), 1)
torch.manual_seed(3)
s = q.rsample((5,))
print(s.grad_fn, q.has_rsample)
lp = q.log_prob(s)
(lp.mean() + s.pow(2).sum(-1).mean()).backward()
print(loc.grad, log_std.grad)
T = 0.7
torch.manual_seed(3)
print(D.Normal(torch.zeros(2), T * torch.ones(2)).sample((3,)))
torch.manual_seed(3)
print(torch.randn(3, 2) * T)
# %%
A = torch.randn(3, 4, 4, dtype=torch.float64, requires_grad=True)
sign, logabs = torch.linalg.slogdet(A)
print(sign, logabs, logabs.grad_fn)
logabs.sum().backward()
print(torch.allclose(A.grad, torch.linalg.inv(A).transpose(-1, -2)))
q_, r_ = torch.linalg.qr(torch.randn(3, 3))
print(torch.linalg.slogdet(q_).logabsdet.abs() < 1e-5, torch.diag(r_).sign())
res = torch.linalg.slogdet(q_)
print(type(res).__name__, res.sign)
# %%
torch.manual_seed(4)
n = 128
t = torch.rand(n, dtype=torch.float64) * math.pi
lab = torch.randint(0, 2, (n,), dtype=torch.float64)
xm = torch.stack([torch.cos(t) + lab * (1 - 2 * torch.cos(t)), torch.sin(t) * (1 - 2 * lab) + lab * 0.5], 1)
xm = xm + 0.1 * torch.randn_like(xm)
print(xm.dtype, xm[:2])
mask = torch.tensor([1.0, 0.0], dtype=torch.float64)
nets = nn.ModuleList([nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 4)) for _ in range(4)]).double()
scales = nn.Parameter(torch.zeros(4, dtype=torch.float64))
prior = D.MultivariateNormal(torch.zeros(2, dtype=torch.float64), torch.eye(2, dtype=torch.float64))
opt = torch.optim.Adam(list(nets.parameters()) + [scales], lr=3e-3)
def flow(x):
    ld = torch.zeros(x.size(0), dtype=x.dtype)
    for k, net in enumerate(nets):
        m = mask if k % 2 == 0 else 1 - mask
        st = net(m * x)
        s, t = st.chunk(2, dim=1)
        s = scales[k].exp() * torch.tanh(s) * (1 - m)
        t = t * (1 - m)
        x = m * x + (1 - m) * (x * torch.exp(s) + t)
        ld = ld + s.sum(1)
    return x, ld
for step in range(6):
    z, ld = flow(xm)
    loss = -(prior.log_prob(z) + ld).mean()
    opt.zero_grad()
    loss.backward()
    gn = nn.utils.clip_grad_norm_(nets.parameters(), 1.0)
    opt.step()
    print(step, loss.item(), gn.item())
print(scales, scales.grad)
# %%
try:
    D.Normal(torch.zeros(2), torch.tensor([1.0, -1.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    D.MultivariateNormal(torch.zeros(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    prior.log_prob(torch.zeros(3, 2))
except Exception as e:
    print(type(e).__name__, e)
