"""What the hundred-and-eighty-ninth probe (statistics courses using autograd as a calculator: maximum likelihood,
observed Fisher information, variational inference with torch.distributions, special functions in float64) found,
each checked against PyTorch. torch.log1p is ATen's vml log1p kernel: Vectorized's log1p, SLEEF's log1pf_u10 /
log1p_u10, over every element (the tail as a partial vector), not the correctly rounded value nor numpy's float64
log1p (about 1 value in 12 differs in the last bit); so Binomial / Bernoulli log_prob, log1p(-p) terms of beta
likelihoods and their gradients carry SLEEF's bits. torch.special.xlog1py is a scalar kernel: x * the C library's
log1p (log1pf for float32), special.entr -x * the C library's log. F.softplus and F.logsigmoid in float64 (a
logistic regression's likelihood) are ATen's vector kernels with Vectorized<double>: SLEEF's exp and log1p in the
vector body (softplus: the C library's in the tail; logsigmoid: vector ops to the last element), their backwards
too (softplus: exp; logsigmoid: the forward's buffer exp(-|x|))."""
import pytest

from helpers import assert_same_as_pytorch

BITS = '''import numpy as np
def bits(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]
'''

CELLS = {
    "log1p_keeps_the_shape_of_0d_and_empty_tensors": ['''F = torch.nn.functional
for dt in (torch.float32, torch.float64):
    for shape in ((), (1,), (2, 3), (0,), (0, 2)):
        x = torch.full(shape, 0.3, dtype=dt, requires_grad=True)
        outs = [torch.log1p(x), F.softplus(x), F.logsigmoid(x), torch.special.xlog1py(x, x), torch.special.entr(x)]
        print([(tuple(o.shape), o.dtype, o.sum().item()) for o in outs])
        sum(o.sum() for o in outs).backward()
        print(tuple(x.grad.shape), x.grad.sum().item())
b = torch.distributions.Bernoulli(0.3)
print(b.logits, b.entropy(), torch.distributions.kl_divergence(b, torch.distributions.Poisson(torch.tensor(2.0))))
'''],
    "log1p_float64_is_sleef_log1p_on_every_element": [BITS + '''torch.manual_seed(0)
for n in [1, 5, 8, 13, 64]:
    x = torch.rand(n, dtype=torch.float64) * 3.9 - 0.9
    print(n, bits(torch.log1p(x)))
x = torch.rand(7, 3, dtype=torch.float64) * 2 - 0.95
print(bits(torch.log1p(x.t())), bits(x.log1p_()))
print(torch.log1p(torch.tensor([0.0, -0.0, -1.0, -2.0, float("nan"), float("inf"), 1e-300, 1.7e308],
                               dtype=torch.float64)))
'''],
    "log1p_float32_is_sleef_log1pf": [BITS + '''torch.manual_seed(1)
x = torch.rand(300) * 5 - 0.99
y = torch.log1p(x)
print(bits(y)[:150])
print(bits(y)[150:])
print(bits(torch.log1p(torch.rand(5, 7)[:, ::2])))
'''],
    "beta_likelihood_log1p_terms_and_binomial_logits_in_float64": [BITS + '''f64 = dict(dtype=torch.float64)
torch.manual_seed(6)
p = torch.distributions.Beta(torch.tensor(2.0, **f64), torch.tensor(3.0, **f64)).sample((16,)).requires_grad_()
ll = (2 - 1) * torch.log(p) + (3 - 1) * torch.log1p(-p)
print(bits(ll))
g, = torch.autograd.grad(ll.sum(), p)
print(bits(g))
d = torch.distributions.Binomial(total_count=torch.tensor(20.0, **f64), probs=p)
print(bits(d.logits), bits((-d.logits.abs()).exp().log1p()))
'''],
    "xlog1py_is_x_times_the_c_librarys_log1p": [BITS + '''torch.manual_seed(2)
for dt in [torch.float32, torch.float64]:
    x = torch.rand(200, dtype=dt) * 4
    y = torch.rand(200, dtype=dt) * 3.9 - 0.9
    print(dt, bits(torch.special.xlog1py(x, y))[:100])
    print(bits(torch.special.xlog1py(x, y))[100:])
    print(bits(torch.special.xlog1py(x, 0.7))[:40], bits(torch.special.xlog1py(2.5, y))[:40])
print(torch.special.xlog1py(torch.tensor([0.0, 1.0, 1.0, 0.0, 2.0]),
                            torch.tensor([0.0, -1.0, -2.0, float("nan"), float("inf")])))
'''],
    "entr_is_minus_x_times_the_c_librarys_log": [BITS + '''torch.manual_seed(3)
for dt in [torch.float32, torch.float64]:
    p = torch.rand(300, dtype=dt)
    print(dt, bits(torch.special.entr(p))[:150])
    print(bits(torch.special.entr(p))[150:])
print(torch.special.entr(torch.tensor([-1.0, 0.0, 0.5, float("inf"), float("nan")])))
'''],
    "softplus_and_logsigmoid_float64_forward_and_backward": [BITS + '''torch.manual_seed(4)
F = torch.nn.functional
for n in [5, 16, 77]:
    x = (torch.randn(n, dtype=torch.float64) * 6).requires_grad_()
    for f in [F.softplus, lambda t: F.softplus(t, beta=2.5, threshold=7.0), F.logsigmoid]:
        y = f(x)
        g, = torch.autograd.grad(y.sum(), x)
        print(n, y.grad_fn.name(), bits(y), bits(g))
m = torch.randn(9, 3, dtype=torch.float64) * 4
print(bits(F.softplus(m.t())), bits(F.logsigmoid(m.t())))
X = torch.randn(40, 3, dtype=torch.float64)
w = torch.tensor([0.3, -1.2, 0.8], dtype=torch.float64, requires_grad=True)
yb = (torch.rand(40, dtype=torch.float64) < 0.4).double()
nll = (F.softplus(X @ w) - yb * (X @ w)).sum()
print(nll.item(), bits(torch.autograd.grad(nll, w)[0]))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe189_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], "probe189", name)
