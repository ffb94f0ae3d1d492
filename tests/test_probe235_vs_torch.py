"""What the two-hundred-and-thirty-fifth probe (black-box and stochastic gradient estimators: evolution strategies
with antithetic noise and centred ranks, SPSA with Rademacher perturbations, score-function against pathwise
estimators, their variances with var / std and a correction, CMA-ES-lite with eigh / cholesky, natural gradients)
found, each checked against PyTorch. A variance (or std) whose correction leaves no degrees of freedom is inf (nan
for equal values), and its gradient is ATen's var_backward all the same: over every dim grad * where(self ==
mean, nan, inf), over given dims (2 / dof) * grad * (self - mean) with 2 / 0 = inf and a negative dof a finite
factor (a std's gradient then nan or a signed zero), not a constant nan. The deprecated number-first overloads
(x.add_(alpha, other), torch.addcmul(x, value, t1, t2)) warn once per process, but every time under
torch.set_warn_always(True), like PyTorch's other once-only warnings."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "var_gradient_with_no_degrees_of_freedom_over_every_dim": ['''torch.set_warn_always(False)
for x, c in (([1.0, 3.0], 2), ([1.0, 3.0], 3), ([1.0, 3.0, 2.0], 3), ([2.0, 2.0], 2), ([1.0, float("inf")], 2),
             ([[1.0, 3.0], [2.0, 5.0]], 4), ([4.0], 1), (5.0, 1)):
    t = torch.tensor(x, requires_grad=True)
    v = t.var(correction=c)
    v.backward(torch.tensor(2.0))
    print(x, c, v.detach(), t.grad)
t = torch.tensor([[1.0, 3.0], [2.0, 5.0]], requires_grad=True)
t.var(dim=None, correction=4).backward()
print(t.grad)
'''],
    "var_gradient_with_no_degrees_of_freedom_over_given_dims": ['''torch.set_warn_always(False)
for x, kw, c in (([1.0, 3.0], {"dim": 0}, 2), ([1.0, 3.0], {"dim": 0}, 3), ([[1.0, 3.0], [2.0, 5.0]], {"dim": 0}, 2),
                 ([[1.0, 3.0], [2.0, 2.0]], {"dim": 1, "keepdim": True}, 2.5),
                 ([[1.0, 3.0], [2.0, 5.0]], {"dim": (0, 1)}, 4), ([4.0], {"dim": 0}, 1)):
    t = torch.tensor(x, requires_grad=True)
    v = t.var(correction=c, **kw)
    v.backward(torch.full_like(v, 2.0))
    print(x, kw, c, v.detach(), t.grad)
'''],
    "std_gradient_with_no_degrees_of_freedom_is_nan_or_a_signed_zero": ['''torch.set_warn_always(False)
for x, kw, c in (([1.0, 3.0], {"dim": 0}, 3), ([[1.0, 3.0], [2.0, 2.0]], {"dim": 1, "keepdim": True}, 2.5),
                 ([1.0, 3.0], {}, 2), ([1.0, 3.0], {"dim": 0}, 2)):
    t = torch.tensor(x, requires_grad=True)
    s = t.std(correction=c, **kw)
    s.backward(torch.full_like(s, 2.0))
    print(x, kw, c, s.detach(), t.grad)
'''],
    "var_mean_std_mean_and_create_graph_with_no_degrees_of_freedom": ['''torch.set_warn_always(False)
for kw in ({}, {"dim": 0}, {"dim": 1, "keepdim": True}):
    for c in (2, 3):
        x = torch.tensor([[1.0, 3.0], [2.0, 2.0]], dtype=torch.float64, requires_grad=True)
        g, = torch.autograd.grad(x.var(correction=c, **kw).sum(), x, create_graph=True)
        print(kw, c, g)
        vm = torch.var_mean(x, correction=c, **kw)
        print(torch.autograd.grad(vm[0].sum() + vm[1].sum(), x)[0])
        print(torch.autograd.grad(torch.std_mean(x, correction=c, **kw)[0].sum(), x)[0])
'''],
    "spsa_variance_of_two_estimates_with_correction_two": ['''torch.manual_seed(0)
G = torch.randn(2, 3, requires_grad=True)
spread = G.var(0, correction=2)
spread.sum().backward()
print(spread, G.grad)
'''],
    "deprecated_overload_warns_every_time_under_warn_always": ['''torch.set_warn_always(True)
x = torch.ones(2)
x.add(2, x)
x.sub(2, x)
torch.addcmul(x, 2, x, x)
p = torch.ones(2, requires_grad=True)
with torch.no_grad():
    p.add_(0.1, torch.ones(2))
print(p)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe235(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
