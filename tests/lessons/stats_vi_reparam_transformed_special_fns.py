# Imitates a Bayesian-statistics course notebook "Variational inference from scratch" (after the Pyro/PyTorch
# distributions tutorials and probabilistic-ML lecture notes): the reparameterisation trick with Normal, Gamma and
# Beta rsample, analytic and Monte Carlo KL, TransformedDistribution (exp, affine, sigmoid), a mean-field ELBO for a
# beta-binomial and a lognormal model in float64, and the special functions on the way (xlogy, special.gammaln,
# special.logit, logsumexp, log1p, expm1, multigammaln, log_ndtr) with their edge values.
import torch
import torch.distributions as D
from torch.distributions import transforms as T

# %%
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
mu = torch.tensor(0.5, requires_grad=True)
log_sigma = torch.tensor(-1.0, requires_grad=True)
q = D.Normal(mu, log_sigma.exp())
z = q.rsample((4,))
print(q, z, z.grad_fn.name(), z.dtype)
lp = q.log_prob(z)
print(lp, lp.grad_fn.name())
lp.sum().backward()
print(mu.grad, log_sigma.grad)

# %%
prior = D.Normal(torch.tensor(0.0), torch.tensor(1.0))
kl = D.kl_divergence(q, prior)
print(kl, kl.grad_fn.name())
torch.manual_seed(1)
zs = q.rsample((20000,))
mc = (q.log_prob(zs) - prior.log_prob(zs)).mean()
print(mc.detach(), (kl - mc).abs().item() < 0.05)
g = torch.autograd.grad(kl, [mu, log_sigma])
print(g)

# %%
torch.manual_seed(2)
alpha = torch.tensor(2.0, requires_grad=True)
beta = torch.tensor(3.0, requires_grad=True)
qg = D.Gamma(alpha, beta)
s = qg.rsample((5,))
print(s, s.grad_fn.name())
s.sum().backward()
print(alpha.grad, beta.grad)
qb = D.Beta(alpha, beta)
torch.manual_seed(3)
b = qb.rsample((3,))
print(b, b.grad_fn.name())
print(D.kl_divergence(qb, D.Beta(torch.tensor(1.0), torch.tensor(1.0))), D.kl_divergence(qg, D.Gamma(torch.tensor(1.0), torch.tensor(1.0))))
print(qb.entropy(), qg.entropy(), qb.mean, qg.variance)

# %%
base = D.Normal(torch.zeros(3), torch.ones(3))
lognorm = D.TransformedDistribution(base, [T.AffineTransform(loc=0.2, scale=0.5), T.ExpTransform()])
torch.manual_seed(4)
y = lognorm.rsample()
print(lognorm, y, lognorm.log_prob(y))
print(D.LogNormal(torch.full((3,), 0.2), torch.full((3,), 0.5)).log_prob(y))
print(lognorm.batch_shape, lognorm.event_shape, lognorm.support)
logitnorm = D.TransformedDistribution(D.Normal(torch.tensor(0.0), torch.tensor(1.5)), T.SigmoidTransform())
torch.manual_seed(5)
u = logitnorm.sample((4,))
print(u, logitnorm.log_prob(u), T.SigmoidTransform().inv(u))
try:
    lognorm.log_prob(torch.tensor([-1.0, 1.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)

# %%
# beta-binomial ELBO: q(p) = Beta(exp(a), exp(b)), prior Beta(1, 1), 7 successes out of 20
k, n = torch.tensor(7.0), torch.tensor(20.0)
params = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([params], lr=0.05)
torch.manual_seed(6)
for step in range(150):
    opt.zero_grad()
    qp = D.Beta(params[0].exp(), params[1].exp())
    p = qp.rsample((16,))
    loglik = D.Binomial(total_count=n, probs=p).log_prob(k)
    elbo = loglik.mean() - D.kl_divergence(qp, D.Beta(torch.tensor(1.0), torch.tensor(1.0)))
    (-elbo).backward()
    opt.step()
    if step % 50 == 0:
        print(step, f"{elbo.item():.8f}")   # (lgamma's last bit in float64: see probe189.md)
print(params.exp(), "exact posterior Beta(8, 14)")

# %%
x = torch.tensor([0.0, 1e-8, 0.5, 1.0, 3.0])
print(torch.xlogy(x, x), torch.xlogy(torch.zeros(2), torch.tensor([0.0, float("nan")])))
print(torch.special.xlog1py(x, x - 1), torch.special.entr(torch.tensor([-1.0, 0.0, 0.5])))
print(torch.special.gammaln(x), torch.special.logit(torch.tensor([0.0, 0.25, 1.0])))
print(torch.special.logit(torch.tensor([0.0, 0.25, 1.0]), eps=1e-6), torch.logit(torch.tensor(0.9), 0.2))
print(torch.log1p(torch.tensor([-1.0, 1e-10, -2.0])), torch.expm1(torch.tensor([1e-10, 710.0, -50.0])))
print(torch.logsumexp(torch.tensor([-float("inf"), -float("inf")]), 0), torch.logsumexp(torch.tensor([[1.0, 1000.0], [2.0, -3.0]]), dim=1, keepdim=True))
print(torch.special.multigammaln(torch.tensor([2.5, 3.0]), 2), torch.special.log_ndtr(torch.tensor([-40.0, 0.0, 5.0])))
print(torch.special.ndtri(torch.tensor([0.0, 0.025, 0.5, 1.0])), torch.special.expit(torch.tensor(-800.0)))

# %%
w = torch.tensor([0.3, 0.0, 2.0], requires_grad=True)
out = torch.xlogy(w, w + 1).sum() + torch.special.gammaln(w + 1).sum() + torch.special.logit(w.sigmoid()).sum()
print(out, out.grad_fn.name())
out.backward()
print(w.grad)
v = torch.tensor([1.5, 2.0], requires_grad=True)
m = torch.special.multigammaln(v + 1, 2).sum()
g, = torch.autograd.grad(m, v, create_graph=True)
print(m, g, g.grad_fn)
h, = torch.autograd.grad(g.sum(), v)
print(h)
r = torch.logsumexp(v.unsqueeze(0).expand(3, 2), dim=0)
print(r, r.grad_fn.name(), torch.autograd.grad(r.sum(), v))

# %%
try:
    D.Normal(torch.tensor(0.0), torch.tensor(-1.0))
except Exception as e:
    print(type(e).__name__, e)
try:
    D.Poisson(torch.tensor(2.0)).rsample()
except Exception as e:
    print(type(e).__name__, e)
try:
    D.kl_divergence(D.Beta(torch.tensor(1.0), torch.tensor(1.0)), D.Poisson(torch.tensor(1.0)))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.special.multigammaln(torch.tensor([0.4]), 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    D.Beta(torch.tensor(2.0), torch.tensor(2.0)).log_prob(torch.tensor(1.5))
except Exception as e:
    print(type(e).__name__, e)
