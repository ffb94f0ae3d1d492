# Imitates a "write your own distribution" lesson (Pyro / PyTorch docs style): a Triangular distribution subclassing
# torch.distributions.Distribution with a support computed from its parameters (@constraints.dependent_property),
# a closed-form KL registered with @register_kl, and the library's own dependent supports read from the class.
import torch
from torch import distributions as D
from torch.distributions import constraints
from torch.distributions.kl import register_kl, kl_divergence

torch.manual_seed(0)

# %%
# the library's own supports that depend on the parameters: a constraint on the class, a value on the instance
print(D.Uniform.support, D.Binomial.support, D.Categorical.support, D.Independent.support)
print(D.Uniform.support.is_discrete, D.Uniform.support.event_dim, D.Binomial.support.is_discrete)
print(constraints.is_dependent(D.Uniform.support), constraints.is_dependent(D.Uniform(0.0, 2.0).support))
print(D.Uniform(0.0, 2.0).support, D.Binomial(5, torch.tensor(0.3)).support, D.Pareto(1.0, 2.0).support)
for attr in ("is_discrete", "event_dim"):
    try:
        print(getattr(D.Independent.support, attr))
    except NotImplementedError as e:
        print(type(e).__name__, e)
try:
    constraints.dependent.check(torch.zeros(2))
except ValueError as e:
    print(type(e).__name__, e)

# %%
class Triangular(D.Distribution):
    """Symmetric triangular distribution on [low, high]."""
    arg_constraints = {"low": constraints.real, "high": constraints.dependent(is_discrete=False, event_dim=0)}
    has_rsample = True

    def __init__(self, low, high, validate_args=None):
        self.low, self.high = D.utils.broadcast_all(low, high)
        super().__init__(self.low.shape, validate_args=validate_args)

    @constraints.dependent_property(is_discrete=False, event_dim=0)
    def support(self):
        return constraints.interval(self.low, self.high)

    @property
    def mean(self):
        return (self.low + self.high) / 2

    @property
    def variance(self):
        return (self.high - self.low) ** 2 / 24

    def rsample(self, sample_shape=torch.Size()):
        shape = self._extended_shape(sample_shape)
        u, v = torch.rand(shape), torch.rand(shape)
        return self.low + (self.high - self.low) * (u + v) / 2

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        half = (self.high - self.low) / 2
        return torch.log((half - (value - self.mean).abs()) / half ** 2)


print(Triangular.support, constraints.is_dependent(Triangular.support), Triangular.support.event_dim)
tri = Triangular(torch.tensor([0.0, 1.0]), torch.tensor([2.0, 5.0]))
x = tri.rsample((4,))
print(tri, tri.support, tri.batch_shape, tri.event_shape)
print(x, tri.log_prob(x), tri.mean, tri.stddev)
try:
    tri.log_prob(torch.tensor([3.0, 3.0]))
except ValueError as e:
    print(type(e).__name__, e)

# %%
# fitting its endpoints by maximum likelihood through rsample-free log_prob
data = Triangular(torch.tensor(-1.0), torch.tensor(3.0)).sample((200,))
low = torch.tensor(-2.0, requires_grad=True)
high = torch.tensor(4.0, requires_grad=True)
opt = torch.optim.Adam([low, high], lr=0.02)
for step in range(60):
    q = Triangular(low, high, validate_args=False)
    nll = -q.log_prob(data).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
    if step % 20 == 0:
        print(step, round(nll.item(), 4), low.grad, high.grad)
print(low, high)

# %%
@register_kl(Triangular, D.Uniform)
def _kl_triangular_uniform(p, q):
    # KL(p || q) = -H(p) - E_p[log q]; H(triangular) = 1/2 + log((high - low) / 2)
    entropy = 0.5 + torch.log((p.high - p.low) / 2)
    return -entropy + torch.log(q.high - q.low)


p = Triangular(torch.tensor([0.0, 0.5]), torch.tensor([1.0, 1.0]))
q = D.Uniform(torch.tensor(0.0), torch.tensor(1.0))
print(kl_divergence(p, q))
try:
    kl_divergence(q, p)
except NotImplementedError as e:
    print(type(e).__name__, e)

# %%
# the built-in closed form for a uniform proposal against a Beta prior, the uniform reaching the support's ends
a = torch.tensor([2.0, 0.5, 1.0], requires_grad=True)
b = torch.tensor([3.0, 0.5, 1.0], requires_grad=True)
u = D.Uniform(torch.tensor([0.0, 0.0, 0.2]), torch.tensor([1.0, 0.5, 1.0]))
kl = kl_divergence(u, D.Beta(a, b))
print(kl, kl.grad_fn)
kl.sum().backward()
print(a.grad, b.grad)
print(kl_divergence(D.Uniform(torch.tensor(1.0), torch.tensor(3.0)), D.Pareto(torch.tensor(1.0), torch.tensor(2.0))))
print(kl_divergence(D.Uniform(torch.tensor(0.0), torch.tensor(1.0)), D.Beta(torch.tensor(1.0), torch.tensor(1.0))))
print(kl_divergence(D.Uniform(torch.tensor(-0.5), torch.tensor(1.0)), D.Beta(torch.tensor(2.0), torch.tensor(2.0))))
