# Imitates the "Example::" blocks of PyTorch's torch.distributions documentation (Bernoulli ... Gumbel), typed in
# the way a learner copies them into a notebook, with torch.manual_seed(0) in front so the samples repeat: sample(),
# the distribution's repr, batch_shape / event_shape, mean / variance / stddev / mode, log_prob and entropy.
import torch
from torch.distributions import (Bernoulli, Beta, Binomial, Categorical, Cauchy, Chi2, ContinuousBernoulli,
                                 Dirichlet, Exponential, FisherSnedecor, Gamma, Geometric, Gumbel)

# %%
torch.manual_seed(0)
m = Bernoulli(torch.tensor([0.3]))
print(m, m.sample(), m.sample((3,)))
print(m.mean, m.variance, m.stddev, m.mode, m.entropy())
print(m.log_prob(torch.tensor([1.0])), m.logits, m.param_shape)
m

# %%
torch.manual_seed(0)
m = Beta(torch.tensor([0.5]), torch.tensor([0.5]))
print(m)
print(m.sample())  # Beta distributed with concentration concentration1 and concentration0
print(m.mean, m.variance, m.mode, m.entropy())
print(m.log_prob(torch.tensor([0.25])), m.concentration1, m.concentration0)

# %%
torch.manual_seed(0)
m = Binomial(100, torch.tensor([0 , .2, .8, 1]))
x = m.sample()
print(m, x)
print(m.mean, m.variance, m.mode)
print(m.log_prob(torch.tensor([0., 20., 80., 100.])), m.support)
m.total_count

# %%
torch.manual_seed(0)
m = Categorical(torch.tensor([ 0.25, 0.25, 0.25, 0.25 ]))
print(m, m.sample(), m.sample((2, 3)))  # equal probability of 0, 1, 2, 3
print(m.probs, m.logits, m.entropy(), m.mode, m.enumerate_support())
print(m.log_prob(torch.tensor([0, 3])), m.support, m.param_shape)

# %%
torch.manual_seed(0)
m = Cauchy(torch.tensor([0.0]), torch.tensor([1.0]))
print(m, m.sample())  # sample from a Cauchy distribution with loc=0 and scale=1
print(m.mean, m.variance, m.mode, m.entropy())
print(m.cdf(torch.tensor([1.0])), m.icdf(torch.tensor([0.75])), m.log_prob(torch.tensor([2.0])))

# %%
torch.manual_seed(0)
m = Chi2(torch.tensor([1.0]))
print(m, m.sample())  # Chi2 distributed with shape df=1
print(m.df, m.mean, m.variance, m.mode, m.entropy(), m.log_prob(torch.tensor([0.5])))

# %%
torch.manual_seed(0)
m = ContinuousBernoulli(torch.tensor([0.3]))
print(m, m.sample(), m.rsample((2,)))
print(m.mean, m.variance, m.stddev, m.entropy())
print(m.cdf(torch.tensor([0.4])), m.icdf(torch.tensor([0.4])), m.log_prob(torch.tensor([0.4])))

# %%
torch.manual_seed(0)
m = Dirichlet(torch.tensor([0.5, 0.5]))
print(m, m.sample())  # Dirichlet distributed with concentration [0.5, 0.5]
print(m.mean, m.variance, m.mode, m.entropy(), m.log_prob(torch.tensor([0.3, 0.7])))
print(m.batch_shape, m.event_shape, m.support)

# %%
torch.manual_seed(0)
m = Exponential(torch.tensor([1.0]))
print(m, m.sample())  # Exponential distributed with rate=1
print(m.mean, m.variance, m.mode, m.entropy(), m.cdf(torch.tensor([1.0])), m.icdf(torch.tensor([0.5])))

# %%
torch.manual_seed(0)
m = FisherSnedecor(torch.tensor([1.0]), torch.tensor([2.0]))
print(m, m.sample())  # Fisher-Snedecor-distributed with df1=1 and df2=2
print(m.mean, m.variance, m.mode, m.log_prob(torch.tensor([0.5])))

# %%
torch.manual_seed(0)
m = Gamma(torch.tensor([1.0]), torch.tensor([1.0]))
print(m, m.sample())  # Gamma distributed with concentration=1 and rate=1
print(m.mean, m.variance, m.mode, m.entropy(), m.cdf(torch.tensor([1.0])), m.log_prob(torch.tensor([2.0])))

# %%
torch.manual_seed(0)
m = Geometric(torch.tensor([0.3]))
print(m, m.sample())  # underlying Bernoulli has 30% chance 1; 70% chance 0
print(m.mean, m.variance, m.mode, m.entropy(), m.log_prob(torch.tensor([2.0])))

# %%
torch.manual_seed(0)
m = Gumbel(torch.tensor([1.0]), torch.tensor([2.0]))
print(m, m.sample())  # sample from Gumbel distribution with loc=1, scale=2
print(m.mean, m.variance, m.stddev, m.mode, m.entropy(), m.log_prob(torch.tensor([0.0])))
