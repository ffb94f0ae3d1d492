# Imitates the "what can go wrong" part of a torch.distributions tutorial: validate_args errors for bad
# parameters and for values outside the support, kl_divergence between the pairs PyTorch registers (and the
# NotImplementedError for the others), MixtureSameFamily, MultivariateNormal with scale_tril, discrete
# distributions (Poisson, Binomial, Categorical) and their reprs.
import torch
import torch.distributions as D
from torch.distributions import constraints, kl_divergence

# %%
D.Distribution.set_default_validate_args(True)
D.Normal(torch.tensor([0.0]), torch.tensor([-1.0]))

# %%
D.Laplace(0.0, 0.0)

# %%
D.Gumbel(torch.tensor(1.0), torch.tensor(-2.0))

# %%
D.Weibull(torch.tensor([1.0]), torch.tensor([0.0]))

# %%
D.HalfCauchy(torch.tensor([-1.0, 1.0]))

# %%
D.LogNormal(0.0, 1.0).log_prob(torch.tensor([-1.0, 2.0]))

# %%
D.Weibull(1.0, 2.0).log_prob(torch.tensor(-0.5))

# %%
D.HalfCauchy(1.0).log_prob(torch.tensor([-0.5]))

# %%
D.Exponential(2.0).log_prob(torch.tensor(-1.0))

# %%
D.Beta(2.0, 2.0).log_prob(torch.tensor(1.5))

# %%
D.Categorical(probs=torch.tensor([0.2, 0.5, 0.3])).log_prob(torch.tensor(3))

# %%
D.Bernoulli(probs=torch.tensor(1.2))

# %%
D.Categorical(probs=torch.tensor([0.5, 0.6]), logits=torch.tensor([0.0, 1.0]))

# %%
D.Normal(0.0, 1.0).log_prob(0.5)

# %%
D.Normal(torch.zeros(3), torch.ones(3)).log_prob(torch.zeros(2))

# %%
# the same bad scale without validation: nan, no error
n = D.Normal(torch.tensor([0.0]), torch.tensor([-1.0]), validate_args=False)
n.log_prob(torch.tensor([0.5])), D.Laplace(0.0, 1.0, validate_args=False).log_prob(torch.tensor(3.0))

# %%
# kl pairs
p, q = D.Laplace(0.0, 1.0), D.Laplace(1.0, 2.0)
print(kl_divergence(p, q), kl_divergence(D.Gumbel(0.0, 1.0), D.Gumbel(1.0, 2.0)))
print(kl_divergence(D.Exponential(torch.tensor(1.0)), D.Exponential(torch.tensor(2.0))))
print(kl_divergence(D.Gamma(2.0, 1.0), D.Gamma(3.0, 2.0)), kl_divergence(D.Beta(2.0, 3.0), D.Beta(1.0, 1.0)))
print(kl_divergence(D.HalfNormal(torch.tensor(1.0)), D.HalfNormal(torch.tensor(2.0))))
print(kl_divergence(D.LogNormal(0.0, 1.0), D.LogNormal(0.5, 2.0)))
print(kl_divergence(D.Poisson(torch.tensor(2.0)), D.Poisson(torch.tensor(3.0))))
print(kl_divergence(D.Categorical(logits=torch.zeros(3)), D.Categorical(probs=torch.tensor([0.1, 0.2, 0.7]))))
print(kl_divergence(D.Normal(0.0, 1.0), D.Gumbel(0.0, 1.0)), kl_divergence(D.Exponential(torch.tensor(1.0)), D.Gumbel(0.0, 1.0)))
print(kl_divergence(D.Laplace(0.0, 1.0), D.Normal(0.0, 2.0)), kl_divergence(D.Uniform(0.0, 1.0), D.Gumbel(0.0, 1.0)))

# %%
kl_divergence(D.Gumbel(0.0, 1.0), D.Normal(0.0, 1.0))

# %%
kl_divergence(D.Weibull(1.0, 2.0), D.Weibull(1.0, 3.0))

# %%
kl_divergence(D.Laplace(0.0, 1.0), D.Gumbel(0.0, 1.0))

# %%
kl_divergence(D.HalfCauchy(1.0), D.HalfCauchy(2.0))

# %%
# Independent(Normal): KL summed over the event dims
p = D.Independent(D.Normal(torch.zeros(2, 3), torch.ones(2, 3)), 1)
q = D.Independent(D.Normal(torch.ones(2, 3), 2 * torch.ones(2, 3)), 1)
print(p, kl_divergence(p, q), kl_divergence(p, q).shape)
kl_divergence(D.Independent(D.Normal(torch.zeros(2, 3), torch.ones(2, 3)), 2), D.Independent(q.base_dist, 2))

# %%
kl_divergence(p, D.Independent(D.Normal(torch.zeros(2, 3), torch.ones(2, 3)), 2))

# %%
# a Gaussian mixture
torch.manual_seed(0)
mix = D.Categorical(torch.tensor([0.3, 0.7]))
comp = D.Normal(torch.tensor([-2.0, 1.0]), torch.tensor([0.5, 1.0]))
gmm = D.MixtureSameFamily(mix, comp)
print(gmm)
print(gmm.batch_shape, gmm.event_shape, gmm.mean, gmm.variance)
s = gmm.sample((5,))
s, gmm.log_prob(s), gmm.cdf(torch.tensor([0.0, 1.0]))

# %%
loc = torch.randn(3, 2, requires_grad=True)
comp2 = D.Independent(D.Normal(loc, torch.ones(3, 2)), 1)
gmm2 = D.MixtureSameFamily(D.Categorical(logits=torch.zeros(3)), comp2)
lp = gmm2.log_prob(torch.tensor([[0.0, 0.0], [1.0, -1.0]]))
lp.sum().backward()
print(gmm2, gmm2.event_shape, lp, loc.grad)

# %%
D.MixtureSameFamily(D.Categorical(torch.ones(2)), D.Normal(torch.zeros(3), torch.ones(3)))

# %%
# MultivariateNormal with scale_tril, its parameters learned
torch.manual_seed(1)
raw = torch.zeros(2, 2, requires_grad=True)
mloc = torch.zeros(2, requires_grad=True)
data = torch.randn(20, 2) @ torch.tensor([[1.0, 0.0], [0.8, 0.5]]) + torch.tensor([1.0, -1.0])
opt = torch.optim.Adam([raw, mloc], lr=0.1)
for step in range(30):
    L = torch.tril(raw, -1) + torch.diag(torch.nn.functional.softplus(torch.diagonal(raw)) + 1e-3)
    mvn = D.MultivariateNormal(mloc, scale_tril=L)
    nll = -mvn.log_prob(data).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
print(nll, mloc, L @ L.T)
print(mvn, mvn.entropy(), mvn.stddev, mvn.rsample((2,)))

# %%
D.MultivariateNormal(torch.zeros(2), scale_tril=torch.tensor([[1.0, 0.0], [0.3, -1.0]]))

# %%
# discrete ones
torch.manual_seed(2)
po = D.Poisson(torch.tensor([1.0, 5.0]))
bi = D.Binomial(total_count=torch.tensor([5.0, 10.0]), probs=torch.tensor([0.3, 0.6]))
ca = D.Categorical(logits=torch.tensor([[0.0, 1.0, 2.0]]))
print(po, po.sample((3,)), po.log_prob(torch.tensor([0.0, 4.0])), po.support)
print(bi, bi.sample(), bi.log_prob(torch.tensor([2.0, 6.0])), bi.mean, bi.variance, bi.support)
print(ca, ca.sample((4,)), ca.probs, ca.entropy(), ca.support, ca.mode)

# %%
D.Poisson(torch.tensor([1.0])).log_prob(torch.tensor([-1.0]))

# %%
D.Binomial(5, torch.tensor([0.5])).log_prob(torch.tensor([2.5]))

# %%
D.Normal(0.0, 1.0).arg_constraints, D.Gumbel(0.0, 1.0).arg_constraints, D.Weibull(1.0, 1.0).arg_constraints

# %%
D.HalfCauchy(1.0).arg_constraints, D.LogNormal(0.0, 1.0).arg_constraints, D.Laplace(0.0, 1.0).support

# %%
constraints.positive.check(torch.tensor([0.0, 1.0])), constraints.interval(0, 1).check(torch.tensor(1.0)), \
    D.constraints.is_dependent(D.Uniform(0.0, 1.0).support)

# %%
# overdispersed counts: Poisson against NegativeBinomial regression
torch.manual_seed(5)
xc = torch.linspace(0, 1, 10)
counts = torch.tensor([0.0, 2.0, 1.0, 5.0, 3.0, 9.0, 4.0, 14.0, 8.0, 20.0])
a = torch.zeros(2, requires_grad=True)
log_r = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.Adam([a, log_r], lr=0.1)
for it in range(50):
    mean = (a[0] + a[1] * xc).exp()
    r = log_r.exp()
    nb = D.NegativeBinomial(total_count=r, logits=mean.log() - r.log())
    nll = -nb.log_prob(counts).sum()
    opt.zero_grad()
    nll.backward()
    opt.step()
print(nll, a, r, nb.mean[:3], nb.variance[:3])
print(-D.Poisson(mean.detach()).log_prob(counts).sum(), nb, nb.sample())

# %%
D.NegativeBinomial(torch.tensor(3.0), probs=torch.tensor(1.0))

# %%
from torch.distributions.gumbel import Gumbel
from torch.distributions.laplace import Laplace
print(Gumbel, Laplace, Gumbel(0.0, 1.0).icdf(torch.tensor([0.25, 0.5])))
kl_divergence(Gumbel(0.0, 2.0), D.Normal(0.0, 1.0)), kl_divergence(D.Pareto(1.0, 3.0), D.Exponential(2.0))

# %%
# priors over covariance matrices: LKJ on the correlation's Cholesky factor, Wishart on the precision
torch.manual_seed(6)
corr_prior = D.LKJCholesky(3, concentration=2.0)
Lc = corr_prior.sample()
sd = torch.tensor([1.0, 0.5, 2.0])
cov = (sd[:, None] * Lc) @ (sd[:, None] * Lc).T
print(corr_prior, Lc, corr_prior.log_prob(Lc))
wp = D.Wishart(df=torch.tensor(5.0), covariance_matrix=torch.eye(3))
P = wp.sample()
print(wp.log_prob(P), wp.mean.diagonal(), torch.linalg.eigvalsh(P) > 0)
D.MultivariateNormal(torch.zeros(3), scale_tril=sd[:, None] * Lc).log_prob(torch.ones(3)), cov.diagonal()
