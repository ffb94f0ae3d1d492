# Imitates the "Example::" blocks of PyTorch's torch.distributions documentation (HalfCauchy ... Poisson), copied
# into a notebook with torch.manual_seed(0) before each: sample() and rsample(), reprs, shapes, moments, log_prob,
# entropy, cdf / icdf, plus the MixtureSameFamily and Independent docstring examples with their batch shapes.
import torch
import torch.distributions as D
from torch.distributions import (HalfCauchy, HalfNormal, Independent, InverseGamma, Kumaraswamy, Laplace, LogNormal,
                                 LogisticNormal, LowRankMultivariateNormal, MixtureSameFamily, Multinomial,
                                 MultivariateNormal, NegativeBinomial, Normal, OneHotCategorical, Pareto, Poisson)

# %%
torch.manual_seed(0)
m = HalfCauchy(torch.tensor([1.0]))
print(m, m.sample())  # half-cauchy distributed with scale=1
print(m.mean, m.variance, m.mode, m.entropy(), m.cdf(torch.tensor([1.0])), m.icdf(torch.tensor([0.5])))
m = HalfNormal(torch.tensor([1.0]))
print(m, m.sample())  # half-normal distributed with scale=1
print(m.mean, m.variance, m.mode, m.entropy(), m.cdf(torch.tensor([1.0])), m.log_prob(torch.tensor([-1.0])))

# %%
loc = torch.zeros(3)
scale = torch.ones(3)
mvn = MultivariateNormal(loc, scale_tril=torch.diag(scale))
print([mvn.batch_shape, mvn.event_shape])
normal = Normal(loc, scale)
print([normal.batch_shape, normal.event_shape])
diagn = Independent(normal, 1)
print([diagn.batch_shape, diagn.event_shape], diagn)
print(diagn.log_prob(torch.ones(3)), mvn.log_prob(torch.ones(3)), diagn.entropy(), mvn.entropy())
[diagn.mean, diagn.variance, diagn.support]

# %%
torch.manual_seed(0)
m = InverseGamma(torch.tensor([2.0]), torch.tensor([3.0]))
print(m, m.sample())
print(m.mean, m.variance, m.mode, m.entropy(), m.log_prob(torch.tensor([1.0])))
m = Kumaraswamy(torch.tensor([1.0]), torch.tensor([1.0]))
print(m, m.sample())  # sample from a Kumaraswamy distribution with concentration alpha=1 and beta=1
print(m.mean, m.variance, m.mode, m.entropy())

# %%
torch.manual_seed(0)
m = Laplace(torch.tensor([0.0]), torch.tensor([1.0]))
print(m, m.sample())  # Laplace distributed with loc=0, scale=1
print(m.mean, m.variance, m.stddev, m.mode, m.entropy(), m.cdf(torch.tensor([0.5])), m.icdf(torch.tensor([0.9])))
m = LogNormal(torch.tensor([0.0]), torch.tensor([1.0]))
print(m, m.sample())  # log-normal distributed with mean=0 and stddev=1
print(m.mean, m.variance, m.mode, m.entropy(), m.log_prob(torch.tensor([2.0])), m.cdf(torch.tensor([2.0])))

# %%
torch.manual_seed(0)
m = LogisticNormal(torch.tensor([0.0] * 3), torch.tensor([1.0] * 3))
print(m, m.sample())
print(m.batch_shape, m.event_shape, m.support, m.log_prob(torch.tensor([0.1, 0.2, 0.3, 0.4])))
m = LowRankMultivariateNormal(torch.zeros(2), torch.tensor([[1.], [0.]]), torch.ones(2))
print(m, m.sample())  # normally distributed with mean=`[0,0]`, cov_factor=`[[1],[0]]`, cov_diag=`[1,1]`
print(m.covariance_matrix, m.precision_matrix, m.entropy(), m.log_prob(torch.ones(2)), m.variance)

# %%
torch.manual_seed(0)
# Construct Gaussian Mixture Model in 1D consisting of 5 equally
# weighted normal distributions
mix = D.Categorical(torch.ones(5,))
comp = D.Normal(torch.randn(5,), torch.rand(5,))
gmm = MixtureSameFamily(mix, comp)
print(gmm, gmm.sample((2,)), gmm.log_prob(torch.tensor([0.5])), gmm.mean, gmm.variance)
# Construct Gaussian Mixture Model in 2D consisting of 5 equally
# weighted bivariate normal distributions
mix = D.Categorical(torch.ones(5,))
comp = D.Independent(D.Normal(
             torch.randn(5,2), torch.rand(5,2)), 1)
gmm = MixtureSameFamily(mix, comp)
print(gmm.batch_shape, gmm.event_shape, gmm.sample())
# Construct a batch of 3 Gaussian Mixture Models in 2D each
# consisting of 5 random weighted bivariate normal distributions
mix = D.Categorical(torch.rand(3,5))
comp = D.Independent(D.Normal(
            torch.randn(3,5,2), torch.rand(3,5,2)), 1)
gmm = MixtureSameFamily(mix, comp)
print(gmm.batch_shape, gmm.event_shape, gmm.sample((2,)).shape, gmm.log_prob(torch.zeros(3, 2)))
gmm

# %%
torch.manual_seed(0)
m = Multinomial(100, torch.tensor([ 1., 1., 1., 1.]))
x = m.sample()  # equal probability of 0, 1, 2, 3
print(m, x)
print(Multinomial(probs=torch.tensor([1., 1., 1., 1.])).log_prob(x))
print(m.mean, m.variance, m.entropy(), m.support, m.total_count)

# %%
torch.manual_seed(0)
m = MultivariateNormal(torch.zeros(2), torch.eye(2))
print(m, m.sample())  # normally distributed with mean=`[0,0]` and covariance_matrix=`I`
print(m.scale_tril, m.precision_matrix, m.mode, m.entropy(), m.log_prob(torch.tensor([1.0, -1.0])))
m = NegativeBinomial(torch.tensor([5.0]), torch.tensor([0.4]))
print(m, m.sample(), m.mean, m.variance, m.mode, m.log_prob(torch.tensor([3.0])))

# %%
torch.manual_seed(0)
m = Normal(torch.tensor([0.0]), torch.tensor([1.0]))
print(m, m.sample())  # normally distributed with loc=0 and scale=1
print(m.cdf(torch.tensor([1.0])), m.icdf(torch.tensor([0.975])), m.entropy(), m.mode, m.stddev)
m = OneHotCategorical(torch.tensor([ 0.25, 0.25, 0.25, 0.25 ]))
print(m, m.sample())  # equal probability of 0, 1, 2, 3
print(m.mean, m.variance, m.mode, m.entropy(), m.enumerate_support(), m.log_prob(torch.tensor([0., 1., 0., 0.])))

# %%
torch.manual_seed(0)
m = Pareto(torch.tensor([1.0]), torch.tensor([1.0]))
print(m, m.sample())  # sample from a Pareto distribution with scale=1 and alpha=1
print(m.mean, m.variance, m.mode, m.entropy(), m.support, m.log_prob(torch.tensor([2.0])))
m = Poisson(torch.tensor([4]))
print(m, m.sample())
print(m.rate, m.mean, m.variance, m.mode, m.log_prob(torch.tensor([3.0])), m.support)
