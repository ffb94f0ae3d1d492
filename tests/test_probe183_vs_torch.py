"""What the probe of torch.distributions beyond the common five (probe 183) found, each checked against PyTorch:
kl_divergence of a Uniform that reaches 0 or 1 against a Beta or a Gamma (t log t is 0 at t = 0: xlogy, not NaN);
a 0-d tensor made by a numpy ufunc (isnan, isfinite, logical_not, ~, signbit, bernoulli, normal, frexp's exponent)
that could not be used as a mask, written in place or reshaped; Geometric's own probs check on a 0-d probs; the
target's gradient of binary_cross_entropy(_with_logits) (soft targets that carry history) and both gradients
computed in ATen's order (bits, and DivBackward1 under create_graph); constraints.dependent / dependent_property
as PyTorch has them (a decorator with is_discrete / event_dim, the library's dependent supports on the class)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "kl_uniform_beta_gamma_at_the_support_ends": [
        '''from torch.distributions import Uniform, Beta, Gamma, kl_divergence
a = torch.tensor([2.0, 0.5, 1.0, 3.0], requires_grad=True)
b = torch.tensor([3.0, 0.5, 1.0, 1.5], requires_grad=True)
u = Uniform(torch.tensor([0.0, 0.0, 0.2, 0.5]), torch.tensor([1.0, 0.5, 1.0, 1.0]))
kl = kl_divergence(u, Beta(a, b))
kl.sum().backward()
print(kl, kl.grad_fn, a.grad, b.grad)
print(kl_divergence(Uniform(torch.tensor(0.0), torch.tensor(1.0)), Beta(torch.tensor(1.0), torch.tensor(1.0))))''',
        '''from torch.distributions import Uniform, Gamma, kl_divergence
c = torch.tensor([2.0, 0.5], requires_grad=True)
kl = kl_divergence(Uniform(torch.tensor([0.0, 0.0]), torch.tensor([1.0, 2.0])), Gamma(c, torch.tensor([1.0, 3.0])))
kl.sum().backward()
print(kl, c.grad)'''],
    "zero_dim_results_of_ufuncs_as_masks": [
        '''v = torch.tensor(float("nan"))
for m in [torch.isnan(v), ~torch.isnan(v), torch.isfinite(v), torch.isinf(v), torch.logical_not(v > 0),
          torch.signbit(v), torch.isposinf(v), torch.isneginf(v), torch.bitwise_not(v > 0), v.isnan().logical_not()]:
    w = v.clone()
    w[m] = 1.0
    print(v[m], w, m.unsqueeze(0), m.view(1), torch.where(m, v, 0.0))''',
        '''loss = torch.tensor(float("inf"))
loss[~torch.isfinite(loss)] = 0.0
print(loss)'''],
    "zero_dim_draws_and_parts_written_in_place": [
        '''torch.manual_seed(0)
y = torch.bernoulli(torch.tensor(0.5))
y.add_(1)
z = torch.normal(torch.tensor(0.0), torch.tensor(1.0))
z.mul_(2)
m, e = torch.frexp(torch.tensor(10.0))
e.add_(1)
n = ~torch.tensor(5)
n.add_(1)
print(y, z, m, e, n, y.stride(), n.unsqueeze(0))'''],
    "geometric_zero_dim_probs_check": [
        '''for p in (torch.tensor(0.0), torch.tensor([0.5, 0.0]), 0.0):
    try:
        print(torch.distributions.Geometric(p))
    except ValueError as e:
        print(type(e).__name__, e)'''],
    "bce_gradient_for_the_target": [
        '''import torch.nn.functional as F
torch.manual_seed(0)
z = torch.randn(50) * 3
t = torch.rand(50, requires_grad=True)
w = torch.rand(50) + 0.5
pw = torch.rand(50) + 0.5
g = torch.randn(50)
p = torch.sigmoid(torch.randn(50) * 3)
for red in ["none", "mean", "sum"]:
    for W in [None, w]:
        for PW in [None, pw]:
            l = F.binary_cross_entropy_with_logits(z, t, weight=W, pos_weight=PW, reduction=red)
            gt, = torch.autograd.grad(l, t, g if red == "none" else g[0])
            print(gt.view(torch.int32).sum().item(), gt[:3])
        l = F.binary_cross_entropy(p, t, weight=W, reduction=red)
        gt, = torch.autograd.grad(l, t, g if red == "none" else g[0])
        print(gt.view(torch.int32).sum().item(), gt[:3])''',
        '''import torch.nn.functional as F
x = torch.tensor([0.3, -1.2, 2.0], requires_grad=True)
teacher = torch.tensor([0.5, 1.0, -2.0], requires_grad=True)
loss = torch.nn.BCEWithLogitsLoss()(x, torch.sigmoid(teacher))
loss.backward()
print(loss, x.grad, teacher.grad)
soft = torch.tensor([0.5, 0.5, 0.5], requires_grad=True)
l = F.binary_cross_entropy(torch.tensor([0.0, 1.0, 0.5]), soft, reduction="sum")
print(l, torch.autograd.grad(l, soft))''',
        '''import torch.nn.functional as F
x = torch.tensor([0.3, -1.2, 2.0], requires_grad=True)
t = torch.tensor([0.2, 0.7, 0.9], requires_grad=True)
l = F.binary_cross_entropy_with_logits(x, t, pos_weight=torch.tensor([2.0, 1.0, 0.5]))
gx, gt = torch.autograd.grad(l, [x, t], create_graph=True)
print(gx, gt, torch.autograd.grad(gt.sum(), [x, t], allow_unused=True))
q = torch.sigmoid(x)
l = F.binary_cross_entropy(q, t, reduction="sum")
gq, gt = torch.autograd.grad(l, [q, t], create_graph=True)
print(gt, torch.autograd.grad(gt.sum(), x))'''],
    "bce_input_gradient_in_atens_order": [
        '''import torch.nn.functional as F
torch.manual_seed(0)
z = (torch.randn(300) * 3).requires_grad_()
p = torch.sigmoid(torch.randn(300) * 3).requires_grad_()
t = torch.rand(300)
w = torch.rand(300) + 0.5
pw = torch.rand(300) + 0.5
g = torch.randn(300)
for red in ["none", "mean", "sum"]:
    for W in [None, w]:
        for PW in [None, pw]:
            l = F.binary_cross_entropy_with_logits(z, t, weight=W, pos_weight=PW, reduction=red)
            gz, = torch.autograd.grad(l, z, g if red == "none" else g[0])
            print(gz.view(torch.int32).sum().item())
        l = F.binary_cross_entropy(p, t, weight=W, reduction=red)
        gp, = torch.autograd.grad(l, p, g if red == "none" else g[0])
        print(gp.view(torch.int32).sum().item())''',
        '''import torch.nn.functional as F
x = torch.tensor([0.3, -1.2, 2.0], requires_grad=True)
t = torch.tensor([0.2, 0.7, 0.9])
gx, = torch.autograd.grad(F.binary_cross_entropy_with_logits(x, t), x, create_graph=True)
gq, = torch.autograd.grad(F.binary_cross_entropy(torch.sigmoid(x), t, weight=torch.tensor([1.0, 2.0, 3.0])), x, create_graph=True)
print(gx, gq, torch.autograd.grad(gx.sum() + gq.sum(), x))'''],
    "dependent_constraints_and_dependent_property": [
        '''from torch.distributions import constraints
import torch.distributions as D
print(D.Uniform.support, D.Binomial.support, D.Categorical.support, D.Pareto.support, D.Independent.support,
      D.MixtureSameFamily.support, D.TransformedDistribution.support, D.Multinomial.support)
print(D.Uniform.support.event_dim, D.Binomial.support.is_discrete, constraints.is_dependent(D.Categorical.support))
for c in (constraints.dependent, D.Independent.support, D.TransformedDistribution.support):
    for attr in ("is_discrete", "event_dim"):
        try:
            print(getattr(c, attr))
        except NotImplementedError as e:
            print(type(e).__name__, e)
try:
    constraints.dependent.check(torch.zeros(2))
except ValueError as e:
    print(type(e).__name__, e)
dd = constraints.dependent(is_discrete=True, event_dim=1)
print(dd, dd.is_discrete, dd.event_dim, dd(event_dim=2).event_dim, constraints.dependent_property)''',
        '''from torch.distributions import constraints
import torch.distributions as D
class Box(D.Distribution):
    arg_constraints = {"low": constraints.real, "high": constraints.dependent(is_discrete=False, event_dim=0)}
    def __init__(self, low, high, validate_args=None):
        self.low, self.high = D.utils.broadcast_all(low, high)
        super().__init__(self.low.shape, validate_args=validate_args)
    @constraints.dependent_property(is_discrete=False, event_dim=0)
    def support(self):
        return constraints.interval(self.low, self.high)
    @constraints.dependent_property
    def other(self):
        return constraints.real
    def log_prob(self, value):
        self._validate_sample(value)
        return -(self.high - self.low).log().expand(value.shape)
b = Box(torch.tensor([0.0, 1.0]), torch.tensor([2.0, 5.0]))
print(Box.support, Box.support.event_dim, Box.other, b.support, b.other, b.log_prob(torch.tensor([1.0, 2.0])))
try:
    b.log_prob(torch.tensor([3.0, 3.0]))
except ValueError as e:
    print(type(e).__name__, e)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe183_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
