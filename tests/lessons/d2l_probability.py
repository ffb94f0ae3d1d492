# Imitates d2l's "Probability and Statistics" (and the Dive into Deep Learning API lookup): coin tosses and dice
# with torch.distributions.multinomial, running estimates, then the distributions the later chapters use.
import torch
from torch.distributions.multinomial import Multinomial

torch.manual_seed(0)

# %%
fair_probs = torch.tensor([0.5, 0.5])
Multinomial(100, fair_probs).sample()

# %%
Multinomial(100, fair_probs).sample() / 100

# %%
counts = Multinomial(10000, fair_probs).sample()
counts / 10000

# %%
counts = Multinomial(1, fair_probs).sample((10000,))
cum_counts = counts.cumsum(dim=0)
estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
print(estimates[[0, 9, 99, 999, 9999]])
print(estimates.shape, counts.dtype)

# %%
dice = torch.ones(6) / 6
m = Multinomial(10, dice)
print(m, m.batch_shape, m.event_shape)
x = m.sample((3,))
print(x, m.log_prob(x))

# %%
from torch.distributions import Bernoulli, Categorical, Normal, Uniform

help_text = [name for name in dir(torch.distributions) if name in ("Normal", "Bernoulli", "Categorical")]
print(help_text)
coin = Bernoulli(torch.tensor(0.3))
print(coin.sample((10,)), coin.mean, coin.variance, coin.entropy())
die = Categorical(logits=torch.zeros(6))
print(die.sample((12,)), die.probs, die.entropy())

# %%
normal = Normal(torch.tensor(1.0), torch.tensor(2.0))
samples = normal.sample((1000,))
print(samples[:5], samples.mean(), samples.std())
print(normal.log_prob(torch.tensor([0.0, 1.0, 3.0])), normal.cdf(torch.tensor(1.0)), normal.entropy())
u = Uniform(-1.0, 1.0)
print(u.sample((4,)), u.mean, u.variance)

# %%
mu = torch.tensor(0.0, requires_grad=True)
sigma = torch.tensor(1.0, requires_grad=True)
loss = -Normal(mu, sigma).log_prob(torch.tensor([0.5, -0.2, 1.5])).mean()
loss.backward()
print(loss, mu.grad, sigma.grad)
z = Normal(mu, sigma).rsample((3,))
print(z.grad_fn, z.requires_grad)
