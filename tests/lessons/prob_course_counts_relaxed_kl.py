# Imitates a probability course's notebook on count distributions and continuous relaxations: Poisson, Binomial,
# NegativeBinomial and Geometric (log_prob, mean, variance, seeded samples), cdf / icdf where defined,
# RelaxedOneHotCategorical and RelaxedBernoulli with a temperature (rsample gradients), kl_divergence between
# registered pairs and the NotImplementedError of an unregistered pair, expand, printing of distributions,
# support and arg_constraints, and validate_args errors.
import torch
from torch.distributions import (Poisson, Binomial, NegativeBinomial, Geometric, Normal, Laplace, Exponential,
                                 Gamma, Beta, Uniform, Bernoulli, Categorical, OneHotCategorical,
                                 RelaxedOneHotCategorical, RelaxedBernoulli, kl_divergence)

torch.set_printoptions(precision=10)

# %%
torch.manual_seed(0)
po = Poisson(torch.tensor([0.5, 3.0, 10.0]))
print(po, po.mean, po.variance, po.mode)
k = po.sample((4,))
print(k, k.dtype)
print(po.log_prob(k))
print(po.log_prob(torch.tensor([0.0, 2.0, 11.0])))
print(po.support, po.arg_constraints)

# %%
torch.manual_seed(1)
bi = Binomial(total_count=10, probs=torch.tensor([0.1, 0.5, 0.9]))
print(bi)
print(bi.mean, bi.variance, bi.mode)
print(bi.sample((3,)))
print(bi.log_prob(torch.tensor([1.0, 5.0, 9.0])))
print(bi.logits)
print(bi.support)
print(bi.entropy())
print(bi.enumerate_support().shape)
b2 = Binomial(torch.tensor([5.0, 20.0]), logits=torch.tensor([0.3, -1.2]))
print(b2.probs, b2.mean, b2.variance, b2.log_prob(torch.tensor([2.0, 4.0])))

# %%
torch.manual_seed(2)
nb = NegativeBinomial(total_count=torch.tensor(4.0), probs=torch.tensor([0.2, 0.6]))
print(nb)
print(nb.mean, nb.variance, nb.mode)
s = nb.sample((5,))
print(s)
print(nb.log_prob(s))
print(nb.logits, nb.support)
nb2 = NegativeBinomial(2.5, logits=torch.tensor(0.4))
print(nb2.mean, nb2.variance, nb2.log_prob(torch.tensor([0.0, 3.0, 7.0])))

# %%
torch.manual_seed(3)
ge = Geometric(probs=torch.tensor([0.25, 0.7]))
print(ge)
print(ge.mean, ge.variance, ge.mode, ge.entropy())
g = ge.sample((5,))
print(g)
print(ge.log_prob(g))
print(Geometric(logits=torch.tensor(-0.5)).probs)
print(ge.support)

# %%
for d in [Normal(1.0, 2.0), Laplace(0.0, 1.5), Exponential(2.0), Uniform(-1.0, 3.0)]:
    xv = torch.tensor([0.2, 0.9])
    print(type(d).__name__, d.cdf(xv), d.icdf(torch.tensor([0.05, 0.5])))
for d in [Poisson(2.0), Gamma(2.0, 1.0), Binomial(5, 0.3), Geometric(0.5), Beta(2.0, 3.0)]:
    try:
        print(type(d).__name__, d.cdf(torch.tensor([1.0])))
    except NotImplementedError as e:
        print(type(d).__name__, 'cdf', type(e).__name__, e)
    try:
        print(type(d).__name__, d.icdf(torch.tensor([0.5])))
    except NotImplementedError as e:
        print(type(d).__name__, 'icdf', type(e).__name__, e)

# %%
torch.manual_seed(4)
logits = torch.tensor([1.0, 0.0, -1.0], requires_grad=True)
for temp in [0.1, 1.0, 5.0]:
    r = RelaxedOneHotCategorical(torch.tensor(temp), logits=logits)
    y = r.rsample()
    print(temp, y, y.sum(), r.log_prob(y))
r = RelaxedOneHotCategorical(torch.tensor(0.5), logits=logits)
print(r)
print(r.batch_shape, r.event_shape, r.temperature, r.probs)
y = r.rsample((2,))
(y * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(logits.grad)
print(r.support, r.arg_constraints)

# %%
torch.manual_seed(5)
p = torch.tensor([0.2, 0.8], requires_grad=True)
rb = RelaxedBernoulli(torch.tensor(0.3), probs=p)
print(rb)
z = rb.rsample((3,))
print(z, z.grad_fn)
z.sum().backward()
print(p.grad)
print(rb.log_prob(torch.tensor([0.1, 0.9])))
print(rb.temperature, rb.logits, rb.support)
hard = (z > 0.5).float()
print(hard)

# %%
pairs = [(Normal(0.0, 1.0), Normal(1.0, 2.0)), (Bernoulli(0.3), Bernoulli(0.6)), (Poisson(2.0), Poisson(3.5)),
         (Categorical(torch.tensor([0.2, 0.3, 0.5])), Categorical(torch.tensor([0.5, 0.25, 0.25]))),
         (Geometric(0.3), Geometric(0.6)), (Exponential(1.0), Gamma(2.0, 1.0)), (Uniform(0.0, 1.0), Normal(0.0, 1.0)),
         (Beta(2.0, 2.0), Beta(1.0, 3.0)), (Binomial(10, 0.3), Binomial(10, 0.5)), (Laplace(0.0, 1.0), Normal(0.0, 1.0)),
         (Gamma(2.0, 3.0), Exponential(1.5)), (Normal(0.0, 1.0), Uniform(-1.0, 1.0))]
for a, b in pairs:
    try:
        print(type(a).__name__, type(b).__name__, kl_divergence(a, b))
    except NotImplementedError as e:
        print(type(a).__name__, type(b).__name__, type(e).__name__, e)

# %%
for a, b in [(Poisson(2.0), Normal(0.0, 1.0)), (NegativeBinomial(3.0, 0.5), Poisson(1.0)),
             (Binomial(10, 0.3), Binomial(12, 0.3))]:
    try:
        print(kl_divergence(a, b))
    except NotImplementedError as e:
        print(type(e).__name__, e)

# %%
po = Poisson(torch.tensor(3.0))
pe = po.expand((2, 3))
print(pe, pe.batch_shape, pe.rate)
print(Binomial(10, torch.tensor([0.2, 0.4])).expand((3, 2)).total_count)
print(Geometric(torch.tensor(0.3)).expand([4]).sample().shape)
try:
    Poisson(torch.tensor([1.0, 2.0])).expand((3,))
except Exception as e:
    print(type(e).__name__, e)

# %%
for ctor in [lambda: Poisson(torch.tensor(-1.0), validate_args=True),
             lambda: Binomial(10, torch.tensor(1.5), validate_args=True),
             lambda: Binomial(torch.tensor(-2.0), torch.tensor(0.5), validate_args=True),
             lambda: NegativeBinomial(torch.tensor(2.0), torch.tensor(1.0), validate_args=True),
             lambda: Geometric(torch.tensor(0.0), validate_args=True),
             lambda: Geometric(),
             lambda: Binomial(10, probs=0.3, logits=0.1),
             lambda: RelaxedBernoulli(torch.tensor(0.5)),
             lambda: Poisson(torch.tensor(2.0), validate_args=True).log_prob(torch.tensor(1.5)),
             lambda: Binomial(5, 0.5, validate_args=True).log_prob(torch.tensor(6.0)),
             lambda: Geometric(0.5, validate_args=True).log_prob(torch.tensor(-1.0)),
             lambda: RelaxedOneHotCategorical(torch.tensor(0.5), probs=torch.tensor([0.5, 0.5]), validate_args=True).log_prob(torch.tensor([0.7, 0.7]))]:
    try:
        print(ctor())
    except Exception as e:
        print(type(e).__name__, e)
