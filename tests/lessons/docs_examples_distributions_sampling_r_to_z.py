# Imitates the "Example::" blocks of PyTorch's torch.distributions documentation (RelaxedBernoulli ... Wishart and
# LKJCholesky), copied into a notebook with a seed in front: sample() / rsample() values, reprs, shapes, moments,
# log_prob, cdf / icdf, and the gradients a learner takes through rsample() right after the example.
import torch
from torch.distributions import (RelaxedBernoulli, RelaxedOneHotCategorical, StudentT, Uniform, VonMises, Weibull,
                                 Wishart, LKJCholesky, Normal, Gamma, Beta, Dirichlet)

# %%
torch.manual_seed(0)
m = RelaxedBernoulli(torch.tensor([2.2]),
                     torch.tensor([0.1, 0.2, 0.3, 0.99]))
print(m, m.sample(), m.rsample())
print(m.temperature, m.probs, m.logits, m.batch_shape, m.support, m.log_prob(torch.tensor([0.5, 0.5, 0.5, 0.5])))
m = RelaxedOneHotCategorical(torch.tensor([2.2]),
                             torch.tensor([0.1, 0.2, 0.3, 0.4]))
print(m, m.sample(), m.rsample((2,)))
print(m.temperature, m.probs, m.event_shape, m.support, m.log_prob(torch.tensor([0.1, 0.2, 0.3, 0.4])))

# %%
torch.manual_seed(0)
m = StudentT(torch.tensor([2.0]))
print(m, m.sample())  # Student's t-distributed with degrees of freedom=2
print(m.mean, m.variance, m.mode, m.entropy(), m.log_prob(torch.tensor([1.0])))
print(StudentT(torch.tensor([0.5, 1.5, 3.0])).variance, StudentT(torch.tensor([1.0])).mean)
m = Uniform(torch.tensor([0.0]), torch.tensor([5.0]))
print(m, m.sample())  # uniformly distributed in the range [0.0, 5.0)
print(m.mean, m.variance, m.stddev, m.mode, m.entropy(), m.cdf(torch.tensor([2.0])), m.icdf(torch.tensor([0.3])))
print(m.support, m.arg_constraints)

# %%
torch.manual_seed(0)
m = VonMises(torch.tensor([1.0]), torch.tensor([1.0]))
print(m, m.sample())  # von Mises distributed with loc=1 and concentration=1
print(m.mean, m.variance, m.mode, m.log_prob(torch.tensor([0.5])), m.sample((3,)))
m = Weibull(torch.tensor([1.0]), torch.tensor([1.0]))
print(m, m.sample())  # sample from a Weibull distribution with scale=1, concentration=1
print(m.mean, m.variance, m.mode, m.entropy(), m.cdf(torch.tensor([1.0])), m.log_prob(torch.tensor([0.5])))

# %%
torch.manual_seed(0)
m = Wishart(torch.Tensor([2]), covariance_matrix=torch.eye(2))
print(m, m.sample())  # Wishart distributed with mean=`df * I` and
                      # variance(x_ij)=`df` for i != j and variance(x_ij)=`2 * df` for i == j
print(m.df, m.batch_shape, m.event_shape, m.mean, m.variance, m.mode, m.entropy())
print(m.log_prob(torch.eye(2) * 2), m.scale_tril, m.support)

# %%
torch.manual_seed(0)
l = LKJCholesky(3, 0.5)
print(l, l.sample())  # l @ l.T is a sample of a correlation 3x3 matrix
L = l.sample()
print(L @ L.T, l.log_prob(L), l.batch_shape, l.event_shape, l.support)

# %%
torch.manual_seed(0)
loc = torch.tensor([0.5, -1.0], requires_grad=True)
scale = torch.tensor([1.0, 2.0], requires_grad=True)
x = Normal(loc, scale).rsample((3,))
(x ** 2).mean().backward()
print(x, loc.grad, scale.grad)
conc = torch.tensor([2.0, 0.5], requires_grad=True)
g = Gamma(conc, torch.tensor([1.0, 3.0])).rsample()
g.sum().backward()
print(g, conc.grad)
a = torch.tensor([1.5], requires_grad=True)
b = Beta(a, torch.tensor([2.0])).rsample((2,))
b.sum().backward()
print(b, a.grad)
alpha = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = Dirichlet(alpha).rsample()
(d * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(d, alpha.grad)

# %%
torch.manual_seed(0)
low = torch.tensor([0.0], requires_grad=True)
high = torch.tensor([2.0], requires_grad=True)
u = Uniform(low, high).rsample((4,))
u.sum().backward()
print(u, low.grad, high.grad)
t = torch.tensor([0.5], requires_grad=True)
r = RelaxedBernoulli(t, logits=torch.tensor([0.0, 1.0])).rsample()
r.sum().backward()
print(r, t.grad)
df = torch.tensor([3.0], requires_grad=True)
s = StudentT(df).rsample((2,))
s.sum().backward()
print(s, df.grad)
