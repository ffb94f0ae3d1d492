# Imitates a "priors and likelihoods beyond the Gaussian" lesson: the continuous Bernoulli likelihood of a VAE,
# generalized Pareto tails for extremes, LKJ priors on correlation matrices, Wishart priors on covariances and the
# Gamma cdf for waiting times; with the mistakes learners make.
import torch
from torch.distributions import (ContinuousBernoulli, Gamma, GeneralizedPareto, LKJCholesky, Wishart,
                                 kl_divergence)

# %%
torch.manual_seed(0)
cb = ContinuousBernoulli(probs=torch.tensor([0.1, 0.5, 0.499, 0.9]))
print(cb)
print(cb.mean, cb.variance, cb.entropy())
print(cb.support, cb.has_rsample, cb.arg_constraints)

# %%
x = cb.rsample((3,))
print(x)
print(cb.log_prob(x))
print(cb.cdf(x), cb.icdf(torch.tensor(0.3)))

# %%
# VAE reconstruction term with logits
logits = torch.tensor([[-2.0, 0.0, 3.0]], requires_grad=True)
pixels = torch.tensor([[0.1, 0.5, 0.95]])
rec = ContinuousBernoulli(logits=logits).log_prob(pixels).sum()
rec.backward()
print(rec, logits.grad)

# %%
print(kl_divergence(ContinuousBernoulli(torch.tensor(0.3)), ContinuousBernoulli(torch.tensor(0.8))))

# %%
# mistake: pixel outside [0, 1]
cb.log_prob(torch.tensor(1.5))

# %%
# generalized Pareto for exceedances over a threshold
gpd = GeneralizedPareto(torch.tensor(0.0), torch.tensor(2.0), torch.tensor([0.2, 0.0, -0.3]))
print(gpd)
print(gpd.mean, gpd.variance, gpd.entropy(), gpd.mode)
torch.manual_seed(1)
z = gpd.rsample((2,))
print(z, gpd.log_prob(z), gpd.cdf(z), gpd.icdf(torch.tensor(0.5)))
print(gpd.support)

# %%
# LKJ prior on a correlation Cholesky factor
torch.manual_seed(2)
lkj = LKJCholesky(3, concentration=torch.tensor(2.0))
L = lkj.sample()
print(lkj, L)
print(L @ L.T)
print(lkj.log_prob(L))
print(lkj.support, lkj.event_shape, lkj.batch_shape)

# %%
LKJCholesky(1, 1.0)

# %%
LKJCholesky(3, -1.0)

# %%
# Wishart prior on a covariance
torch.manual_seed(3)
wi = Wishart(df=torch.tensor(5.0), covariance_matrix=torch.eye(2))
S = wi.sample()
print(wi, S)
print(wi.log_prob(S), wi.mean, wi.mode, wi.variance, wi.entropy())
print(wi.rsample((2,)).shape)

# %%
Wishart(df=torch.tensor(0.5), covariance_matrix=torch.eye(2))

# %%
Wishart(df=torch.tensor(3.0))

# %%
# Gamma cdf: probability a waiting time is under t
g = Gamma(torch.tensor([2.0, 5.0]), torch.tensor([1.0, 0.5]))
print(g.cdf(torch.tensor([1.0, 10.0])))
g.cdf(torch.tensor(-1.0))
