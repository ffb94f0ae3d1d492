# Imitates the "a tour of torch.distributions" blog posts and the torch.distributions docs' examples that notebooks
# start with `from torch.distributions import *`: printing distribution objects with scalar and tensor parameters,
# batch_shape / event_shape with Independent, sample vs rsample shapes, log_prob / entropy / kl_divergence, the
# constraints module and its checks, and the transforms star-imported from torch.distributions.transforms.
import math
import torch
from math import gamma, erf          # the learner's own special functions, imported before the star import
from torch.distributions import *
from torch.distributions.constraints import *
from torch.distributions.transforms import *

# %%
print(gamma(5), erf(0.5), beta if "beta" in globals() else "no beta")
print(Normal(0.0, 1.0), Normal(torch.zeros(2), torch.ones(2)))
print(Gamma(2.0, 3.0), Beta(torch.tensor([0.5]), torch.tensor([2.0])))
print(positive, real_vector, lower_cholesky, unit_interval, simplex)
print(positive.check(torch.tensor([-1.0, 0.0, 2.0])), interval(0, 1).check(torch.tensor(0.5)))
[t.__name__ for t in (ExpTransform, SoftplusTransform, LowerCholeskyTransform, StickBreakingTransform)]

# %%
torch.manual_seed(0)
d = Independent(Normal(torch.zeros(2, 3), torch.ones(2, 3)), 1)
print(d, d.batch_shape, d.event_shape)
print(d.sample().shape, d.sample((4,)).shape, d.rsample((4, 5)).shape)
print(d.log_prob(torch.zeros(3)).shape, d.entropy())
print(kl_divergence(d, Independent(Normal(torch.ones(2, 3), 2 * torch.ones(2, 3)), 1)))
mvn = MultivariateNormal(torch.zeros(3), scale_tril=torch.eye(3) * 0.5)
print(mvn, mvn.sample((2,)).shape, mvn.log_prob(torch.zeros(2, 3)))
Independent(mvn.expand([4]), 1)

# %%
t = ComposeTransform([AffineTransform(1.0, 2.0), ExpTransform()])
print(t, identity_transform)
ln = TransformedDistribution(Normal(0.0, 0.5), [ExpTransform()])
x = torch.tensor([0.5, 1.0, 2.0])
print(ln.log_prob(x), LogNormal(0.0, 0.5).log_prob(x))
print(biject_to(positive), transform_to(simplex)(torch.zeros(3)))
print(LowerCholeskyTransform()(torch.ones(2, 2)), StickBreakingTransform()(torch.zeros(2)))
print(CorrCholeskyTransform()(torch.zeros(3)))
SoftplusTransform()(torch.tensor([-1.0, 0.0, 1.0]))

# %%
for bad in [lambda: Normal(0.0, -1.0), lambda: Gamma(-1.0, 1.0), lambda: Beta(1.0, 0.0),
            lambda: Bernoulli(probs=1.5), lambda: Categorical(probs=torch.tensor([0.5, -0.5])),
            lambda: MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]]))]:
    try:
        bad()
    except ValueError as e:
        print(str(e).splitlines()[0])
try:
    Normal(0.0, 1.0).log_prob(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
Normal(0.0, 1.0).log_prob(torch.tensor([1.0, 2.0]))
