# Imitates a probabilistic deep learning lab: a tiny VAE (mu/logvar encoder, the reparameterisation trick by hand
# and through Normal.rsample, the KL term by formula and by kl_divergence), mean-field variational inference for a
# Bayesian linear regression, a planar flow and an affine coupling layer with their log-det-Jacobians, Gumbel-softmax
# and REINFORCE with a Categorical policy.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.distributions as D

# %%
torch.manual_seed(0)
x = (torch.rand(8, 5) > 0.5).float()


class TinyVAE(nn.Module):
    def __init__(self, d=5, h=6, z=2):
        super().__init__()
        self.enc = nn.Linear(d, h)
        self.mu = nn.Linear(h, z)
        self.logvar = nn.Linear(h, z)
        self.dec = nn.Sequential(nn.Linear(z, h), nn.Tanh(), nn.Linear(h, d))

    def forward(self, x):
        h = torch.relu(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        std = torch.exp(0.5 * logvar)
        z = mu + std * torch.randn_like(std)
        return self.dec(z), mu, logvar


vae = TinyVAE()
logits, mu, logvar = vae(x)
print(vae)
logits.shape, mu[:2], logvar[:2]

# %%
bce = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
bce2 = F.binary_cross_entropy(torch.sigmoid(logits), x, reduction="sum")
mse = F.mse_loss(torch.sigmoid(logits), x, reduction="sum")
kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
print(bce, bce2, mse, kld)
q = D.Normal(mu, torch.exp(0.5 * logvar))
kl2 = D.kl_divergence(q, D.Normal(torch.zeros_like(mu), torch.ones_like(mu))).sum()
kl3 = D.kl_divergence(D.Independent(q, 1), D.Independent(D.Normal(0.0, 1.0).expand(mu.shape), 1))
print(kl2, kl3, kl3.shape, torch.allclose(kld, kl2))

# %%
loss = (bce + kld) / x.shape[0]
loss.backward()
print(loss, vae.mu.weight.grad, vae.logvar.bias.grad)

# %%
torch.manual_seed(1)
opt = torch.optim.Adam(vae.parameters(), lr=1e-2)
for epoch in range(10):
    h = torch.relu(vae.enc(x))
    q = D.Normal(vae.mu(h), (0.5 * vae.logvar(h)).exp())
    z = q.rsample()
    rec = D.Bernoulli(logits=vae.dec(z)).log_prob(x).sum()
    kl = D.kl_divergence(q, D.Normal(0.0, 1.0)).sum()
    elbo = rec - kl
    opt.zero_grad()
    (-elbo).backward()
    opt.step()
    if epoch % 5 == 0:
        print(epoch, f"elbo={elbo.item():.4f} rec={rec.item():.4f} kl={kl.item():.4f}")

# %%
# sampling new data from the prior
torch.manual_seed(2)
with torch.no_grad():
    z = D.Normal(torch.zeros(2), torch.ones(2)).sample((3,))
    probs = torch.sigmoid(vae.dec(z))
print(z, probs.round(decimals=3))
D.Bernoulli(probs).sample()

# %%
# Bayesian linear regression with mean-field VI: q(w) = Normal(m, softplus(rho))
torch.manual_seed(3)
X = torch.linspace(-1, 1, 12).unsqueeze(1)
y = 2.0 * X.squeeze() - 0.5 + 0.1 * torch.randn(12)
m = torch.zeros(2, requires_grad=True)
rho = torch.full((2,), -3.0, requires_grad=True)
prior = D.Normal(torch.zeros(2), torch.ones(2))
opt = torch.optim.Adam([m, rho], lr=0.05)
for it in range(30):
    qw = D.Normal(m, F.softplus(rho))
    w = qw.rsample()
    pred = w[0] * X.squeeze() + w[1]
    nll = -D.Normal(pred, 0.1).log_prob(y).sum()
    kl = D.kl_divergence(qw, prior).sum()
    loss = nll + kl
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, round(loss.item(), 3))
print(m.detach(), F.softplus(rho).detach())

# %%
# a prior that is not Gaussian: log_prob of weights under Laplace and StudentT, their KL by Monte Carlo
torch.manual_seed(4)
qw = D.Normal(m.detach(), F.softplus(rho).detach())
ws = qw.sample((100,))
for p in (D.Laplace(0.0, 1.0), D.StudentT(3.0), D.Normal(0.0, 1.0)):
    mc = (qw.log_prob(ws) - p.log_prob(ws)).mean(0)
    print(type(p).__name__, mc)
print(D.kl_divergence(qw, D.Laplace(torch.zeros(2), torch.ones(2))) if False else "closed form only for Normal")

# %%
# LogNormal variational family for a positive parameter (a noise scale)
torch.manual_seed(5)
loc = torch.tensor(0.0, requires_grad=True)
log_s = torch.tensor(-1.0, requires_grad=True)
qs = D.LogNormal(loc, log_s.exp())
s = qs.rsample((4,))
obj = (D.HalfCauchy(1.0).log_prob(s) - qs.log_prob(s)).mean()
obj.backward()
print(s, obj, loc.grad, log_s.grad)
D.kl_divergence(qs, D.LogNormal(0.0, 1.0))

# %%
# a planar flow: f(z) = z + u * tanh(w.z + b), log|det J| = log|1 + u.psi|
torch.manual_seed(6)
u = torch.randn(2, requires_grad=True)
w = torch.randn(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
base = D.MultivariateNormal(torch.zeros(2), scale_tril=torch.eye(2))
z0 = base.sample((5,))
lin = z0 @ w + b
z1 = z0 + u * torch.tanh(lin).unsqueeze(1)
psi = (1 - torch.tanh(lin) ** 2).unsqueeze(1) * w
logdet = torch.log(torch.abs(1 + psi @ u))
logq = base.log_prob(z0) - logdet
logq.mean().backward()
print(z1, logdet, u.grad, w.grad)

# %%
# an affine coupling layer (RealNVP style)
torch.manual_seed(7)
net = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 2))
zz = torch.randn(6, 2)
x1, x2 = zz[:, :1], zz[:, 1:]
st = net(x1)
log_scale, shift = torch.tanh(st[:, :1]), st[:, 1:]
y2 = x2 * log_scale.exp() + shift
out = torch.cat([x1, y2], dim=1)
ld = log_scale.sum(1)
nll = -(D.Normal(0.0, 1.0).log_prob(out).sum(1) + ld).mean()
nll.backward()
print(out, ld, nll, net[0].weight.grad.norm())

# %%
# the same flow through TransformedDistribution
flow = D.TransformedDistribution(D.Normal(torch.zeros(2), torch.ones(2)),
                                 [D.transforms.AffineTransform(torch.tensor([1.0, -1.0]), torch.tensor([2.0, 0.5])),
                                  D.transforms.SigmoidTransform()])
torch.manual_seed(8)
sm = flow.sample((3,))
print(flow, flow.batch_shape, flow.event_shape, flow.support)
sm, flow.log_prob(sm), flow.cdf(sm)

# %%
td = D.TransformedDistribution(D.Normal(0.0, 1.0), [D.transforms.ExpTransform()])
t = D.transforms.AffineTransform(loc=2.0, scale=3.0)
xx = torch.tensor([0.5, 1.5])
print(td.log_prob(xx), D.LogNormal(0.0, 1.0).log_prob(xx))
print(t, t(xx), t.inv(t(xx)), t.log_abs_det_jacobian(xx, t(xx)), t.sign, t.bijective)
print(D.transforms.ExpTransform().log_abs_det_jacobian(xx, xx.exp()), D.transforms.SigmoidTransform().inv(torch.tensor(0.25)))

# %%
# Gumbel-softmax
torch.manual_seed(9)
lg = torch.tensor([[1.0, 2.0, 0.5], [0.0, 0.0, 3.0]], requires_grad=True)
soft = F.gumbel_softmax(lg, tau=0.5)
hard = F.gumbel_softmax(lg, tau=1.0, hard=True)
print(soft, hard, hard.grad_fn)
(hard * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
lg.grad

# %%
torch.manual_seed(10)
g = D.Gumbel(0.0, 1.0).sample((2, 3))
y = torch.softmax((lg.detach() + g) / 0.5, dim=-1)
print(g, y, y.argmax(-1))
rc = D.RelaxedOneHotCategorical(torch.tensor(0.5), logits=lg.detach())
rc.rsample(), rc.batch_shape, rc.event_shape

# %%
# REINFORCE with a Categorical policy on a 3-armed bandit
torch.manual_seed(11)
policy = nn.Linear(2, 3)
state = torch.tensor([[1.0, 0.0]])
rewards_of_arm = torch.tensor([0.1, 1.0, -0.5])
opt = torch.optim.SGD(policy.parameters(), lr=0.5)
for ep in range(20):
    pi = D.Categorical(logits=policy(state))
    a = pi.sample()
    r = rewards_of_arm[a]
    loss = -(pi.log_prob(a) * r).sum() - 0.01 * pi.entropy().sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if ep % 5 == 0:
        print(ep, a.item(), pi.probs.detach(), round(loss.item(), 4))
print(pi, pi.logits, pi.param_shape, pi.enumerate_support())

# %%
oh = D.OneHotCategorical(logits=torch.tensor([0.2, 1.0, -1.0]))
torch.manual_seed(12)
smp = oh.sample((4,))
print(oh, smp, oh.log_prob(smp), oh.entropy(), oh.mean)

# %%
# the continuous Bernoulli likelihood for [0, 1]-valued pixels (Loaiza-Ganem & Cunningham) instead of BCE
torch.manual_seed(13)
pix = torch.rand(4, 5)
h = torch.relu(vae.enc(pix))
qz = D.Normal(vae.mu(h), (0.5 * vae.logvar(h)).exp())
zz = qz.rsample()
px = D.ContinuousBernoulli(logits=vae.dec(zz))
rec_cb = px.log_prob(pix).sum()
rec_bce = -F.binary_cross_entropy_with_logits(vae.dec(zz), pix, reduction="sum")
kl = D.kl_divergence(qz, D.Normal(0.0, 1.0)).sum()
(-(rec_cb - kl)).backward()
print(px, px.mean[0], rec_cb, rec_bce, kl)
print(vae.dec[2].bias.grad)

# %%
torch.manual_seed(14)
cb = D.ContinuousBernoulli(probs=torch.tensor([0.1, 0.5, 0.8]))
print(cb.sample((2,)), cb.entropy(), cb.variance)
D.kl_divergence(cb, D.ContinuousBernoulli(probs=torch.tensor([0.5, 0.5, 0.5]))), D.kl_divergence(D.Uniform(0.1, 0.9), cb)

# %%
# a low-rank-plus-diagonal Gaussian posterior for the regression weights
torch.manual_seed(15)
X3 = torch.randn(20, 3)
y3 = X3 @ torch.tensor([1.0, -2.0, 0.5]) + 0.3 * torch.randn(20)
mloc = torch.zeros(3, requires_grad=True)
factor = torch.full((3, 1), 0.1, requires_grad=True)
raw_diag = torch.full((3,), -2.0, requires_grad=True)
prior3 = D.MultivariateNormal(torch.zeros(3), torch.eye(3))
opt = torch.optim.Adam([mloc, factor, raw_diag], lr=0.05)
for it in range(20):
    qw = D.LowRankMultivariateNormal(mloc, factor, D.transform_to(D.constraints.positive)(raw_diag))
    w = qw.rsample((4,))
    ll = D.Normal(w @ X3.T, 0.3).log_prob(y3).sum(-1).mean()
    loss = -ll + D.kl_divergence(qw, prior3)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 5 == 0:
        print(it, round(loss.item(), 3))
print(qw, qw.mean.detach(), qw.variance, qw.entropy())

# %%
# a constrained parameter through biject_to: an unconstrained raw value, its Jacobian in the log-density
raw = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
t = D.biject_to(D.Gamma(1.0, 1.0).support)
sigma = t(raw)
lp = D.HalfCauchy(1.0).log_prob(sigma) + t.log_abs_det_jacobian(raw, sigma)
lp.sum().backward()
print(t, sigma, lp, raw.grad)
D.transform_to(D.constraints.simplex)(raw), D.biject_to(D.constraints.interval(0.0, 5.0))
