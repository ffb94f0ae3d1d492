# Imitates a "tour of torch.distributions" notebook from a probabilistic deep learning course: build each
# distribution a Bayesian model uses, look at its repr, shapes, support and moments, draw seeded samples, score
# them with log_prob, check cdf/icdf round trips and the gradients that flow through rsample.
import math

import torch
import torch.distributions as dist
from torch.distributions import (Beta, Categorical, Exponential, Gamma, Gumbel, HalfCauchy, HalfNormal, Laplace,
                                 LogNormal, Normal, Poisson, StudentT, Weibull, constraints)

# %%
torch.manual_seed(0)
family = {
    "Normal": Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5])),
    "LogNormal": LogNormal(torch.tensor([0.0, 0.3]), torch.tensor([0.5, 1.0])),
    "Laplace": Laplace(torch.tensor([0.0, -1.0]), torch.tensor([1.0, 2.0])),
    "Gumbel": Gumbel(torch.tensor([0.0, 2.0]), torch.tensor([1.0, 0.5])),
    "HalfCauchy": HalfCauchy(torch.tensor([1.0, 3.0])),
    "HalfNormal": HalfNormal(torch.tensor([1.0, 2.0])),
    "Weibull": Weibull(torch.tensor([1.0, 2.0]), torch.tensor([1.5, 0.8])),
    "Exponential": Exponential(torch.tensor([1.0, 4.0])),
    "Gamma": Gamma(torch.tensor([2.0, 0.5]), torch.tensor([1.0, 3.0])),
    "Beta": Beta(torch.tensor([2.0, 0.7]), torch.tensor([3.0, 0.7])),
    "StudentT": StudentT(torch.tensor([3.0, 10.0])),
}
for name, d in family.items():
    print(f"{name:12s}", d, d.batch_shape, d.event_shape, d.has_rsample)

# %%
for name, d in family.items():
    print(f"{name:12s} support={d.support}")

# %%
for name, d in family.items():
    try:
        print(f"{name:12s} mean={d.mean} var={d.variance}")
    except NotImplementedError as e:
        print(name, "NotImplementedError", e)

# %%
for name, d in family.items():
    print(f"{name:12s} std={d.stddev}")

# %%
torch.manual_seed(42)
for name, d in family.items():
    s = d.sample((3,))
    print(f"{name:12s}", s.shape, s[:, 0])

# %%
torch.manual_seed(7)
for name, d in family.items():
    x = d.sample()
    print(f"{name:12s} x={x}  log_prob={d.log_prob(x)}")

# %%
for name, d in family.items():
    try:
        print(f"{name:12s} entropy={d.entropy()}")
    except NotImplementedError:
        print(f"{name:12s} entropy not implemented")

# %%
# cdf and icdf where they exist
for name, d in family.items():
    try:
        q = torch.tensor([0.1, 0.9])
        x = d.icdf(q)
        print(f"{name:12s} icdf={x} cdf(icdf)={d.cdf(x)}")
    except NotImplementedError:
        print(f"{name:12s} no icdf")

# %%
for name, d in family.items():
    try:
        print(f"{name:12s} mode={d.mode}")
    except NotImplementedError as e:
        print(f"{name:12s}", type(e).__name__, e)

# %%
# gradients through rsample: a pathwise estimator of d E[f(X)] / d params
torch.manual_seed(3)
grads = {}
for name, make in [("Normal", lambda a, b: Normal(a, b)), ("LogNormal", lambda a, b: LogNormal(a, b)),
                   ("Laplace", lambda a, b: Laplace(a, b)), ("Gumbel", lambda a, b: Gumbel(a, b)),
                   ("Weibull", lambda a, b: Weibull(b, a + 1.0)), ("Gamma", lambda a, b: Gamma(a + 1.0, b))]:
    a = torch.tensor(0.5, requires_grad=True)
    b = torch.tensor(1.5, requires_grad=True)
    x = make(a, b).rsample((4,))
    (x ** 2).mean().backward()
    print(f"{name:10s} x={x} da={a.grad:.4f} db={b.grad:.4f}")
    print(x.grad_fn)

# %%
hc = HalfCauchy(torch.tensor(2.0, requires_grad=True))
v = hc.rsample((5,))
v.sum().backward()
print(v, hc.scale.grad, hc.log_prob(torch.tensor([0.5, 1.0])), hc.cdf(torch.tensor(2.0)))

# %%
# a Monte Carlo check of a mean: average many samples
torch.manual_seed(11)
w = Weibull(torch.tensor(2.0), torch.tensor(1.5))
s = w.sample((2000,))
print(round(s.mean().item(), 3), round(w.mean.item(), 4), round(w.variance.item(), 4), round(w.entropy().item(), 4))
g = Gumbel(1.0, 2.0)
print(g, g.sample((3,)), g.mean, g.stddev, g.log_prob(torch.tensor(0.0)), g.cdf(torch.tensor(0.0)))

# %%
ln = LogNormal(0.0, 1.0)
print(ln, ln.sample(), ln.log_prob(torch.tensor(1.0)), ln.cdf(torch.tensor(1.0)), ln.icdf(torch.tensor(0.5)))
print(ln.base_dist, ln.transforms, type(ln).__mro__[1].__name__)

# %%
# distributions with a batch: expand and Independent
l2 = Laplace(0.0, 1.0).expand([3, 2])
print(l2, l2.batch_shape, l2.sample().shape)
ind = dist.Independent(Gumbel(torch.zeros(3), torch.ones(3)), 1)
print(ind, ind.batch_shape, ind.event_shape, ind.log_prob(torch.zeros(3)))

# %%
# the constraint objects themselves
print(constraints.positive, constraints.real, constraints.unit_interval, constraints.simplex)
print(constraints.positive.check(torch.tensor([-1.0, 0.0, 2.0])), constraints.greater_than(2.0))
print(constraints.interval(0.0, 1.0), constraints.nonnegative_integer, constraints.boolean)
