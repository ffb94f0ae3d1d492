# Imitates the "variational inference from scratch" notebooks (e.g. the Bayesian logistic regression exercises of
# probabilistic-ML courses and Pyro-free ADVI tutorials): a mean-field Gaussian q(w) = Normal(mu, softplus(rho)),
# the reparameterised ELBO with rsample, the analytic KL to the prior with kl_divergence (and its Monte Carlo
# estimate), Independent to turn a batch of Normals into one event, Bernoulli(logits=...) likelihood, Adam, and the
# posterior predictive; printing of distribution objects and their shapes along the way.
import math
import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, Independent, Normal, kl_divergence

# %%
torch.manual_seed(0)
N, D = 40, 2
X = torch.randn(N, D)
w_true = torch.tensor([2.0, -1.0])
y = Bernoulli(logits=X @ w_true + 0.5).sample()
X1 = torch.cat([X, torch.ones(N, 1)], dim=1)
print(X1.shape, y[:10], y.dtype, y.mean())

# %%
prior = Normal(torch.zeros(3), torch.ones(3))
print(prior)
print(prior.batch_shape, prior.event_shape)
prior_ind = Independent(prior, 1)
print(prior_ind)
print(prior_ind.batch_shape, prior_ind.event_shape, prior_ind.log_prob(torch.zeros(3)))
prior.log_prob(torch.zeros(3))

# %%
mu = torch.zeros(3, requires_grad=True)
rho = torch.full((3,), -3.0, requires_grad=True)
q = Normal(mu, F.softplus(rho))
print(q)
print(q.scale, q.scale.grad_fn)
w = q.rsample((4,))
print(w.shape, w.grad_fn)
lik = Bernoulli(logits=w @ X1.T)
print(lik, lik.batch_shape)
print(lik.log_prob(y).shape)
kl = kl_divergence(q, prior)
print(kl, kl.sum(), kl_divergence(Independent(q, 1), prior_ind))

# %%
beta = 1.0       # the KL weight (the beta of beta-VAEs and KL annealing)
n_samples = 8

def elbo(mu, rho, S=n_samples):
    q = Independent(Normal(mu, F.softplus(rho)), 1)
    w = q.rsample((S,))
    ll = Bernoulli(logits=w @ X1.T).log_prob(y).sum(-1).mean()
    return ll - beta * kl_divergence(q, prior_ind)

opt = torch.optim.Adam([mu, rho], lr=0.05)
for step in range(150):
    opt.zero_grad()
    loss = -elbo(mu, rho)
    loss.backward()
    opt.step()
    if step % 50 == 0:
        print(step, round(loss.item(), 3), mu.grad.norm().item() > 0)
print(mu.detach(), F.softplus(rho).detach())

# %%
q = Normal(mu.detach(), F.softplus(rho.detach()))
print(q.mean, q.stddev, q.entropy().sum())
ws = q.sample((1000,))
mc_kl = (q.log_prob(ws) - prior.log_prob(ws)).sum(-1).mean()
print(mc_kl.item() > 0, kl_divergence(q, prior).sum())
x_new = torch.tensor([[1.0, 1.0, 1.0], [-1.0, 2.0, 1.0]])
p = torch.sigmoid(ws @ x_new.T).mean(0)
print(p, p.shape)
print(((torch.sigmoid(X1 @ q.mean) > 0.5).float() == y).float().mean())

# %%
# mistakes: a negative scale, a sample of the wrong shape, rsample on a discrete distribution, sampling without
# reparameterisation then backward
try:
    Normal(mu, rho)
except ValueError as e:
    print("ValueError", e)
try:
    prior_ind.log_prob(torch.zeros(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    Bernoulli(logits=torch.zeros(3)).rsample()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
try:
    Bernoulli(logits=torch.zeros(3)).log_prob(torch.tensor([0.0, 0.5, 1.0]))
except ValueError as e:
    print("ValueError", e)
qq = Normal(mu, F.softplus(rho))
s = qq.sample()
print(s.requires_grad, s.grad_fn)
try:
    (s ** 2).sum().backward()
except RuntimeError as e:
    print("RuntimeError", e)

# %%
from torch.distributions import *   # the star import of many notebooks: classes and kl_divergence, not submodules
print(beta, elbo(mu, rho).item() < 0, [n for n in ("beta", "normal", "constraints", "kl") if n in globals()])
print(kl_divergence(Normal(0., 1.), Normal(1., 2.)))
print(Normal(0., 1.).entropy(), 0.5 * math.log(2 * math.pi * math.e))
print(Bernoulli(probs=torch.tensor([0.2, 0.9])).entropy())
print(Bernoulli(logits=torch.tensor([0.0, 3.0])))
print(Bernoulli(logits=torch.tensor([0.0, 3.0])).probs)
try:
    kl_divergence(Normal(0., 1.), Bernoulli(0.5))
except NotImplementedError as e:
    print("NotImplementedError", e)
Bernoulli(probs=0.3), Normal(torch.tensor(0.), 1.)
