# Imitates a learner copying the Examples blocks of PyTorch's torch.special reference page into a notebook
# (airy_ai, bessel_j0/j1, digamma, entr, erf/erfc/erfcx/erfinv, expit, exp2, expm1, gammaln, polygamma,
# multigammaln, i0/i0e/i1/i1e, log1p, log_ndtr, logit, xlogy/xlog1py, zeta, ndtr/ndtri, sinc, round,
# softmax/log_softmax, logsumexp), then taking gradients and comparing float32 with float64.
import torch

a = torch.linspace(-5, 5, steps=11)
print(torch.special.entr(a))
print(torch.special.erf(torch.tensor([0, -1., 10.])))
print(torch.special.erfc(torch.tensor([0, -1., 10.])))
print(torch.special.erfcx(torch.tensor([0, -1., 10.])))
print(torch.special.erfinv(torch.tensor([0, 0.5, -1.])))

# %%
print(torch.special.digamma(torch.tensor([1, 0.5])))
a = torch.tensor([1, 0.5])
print(torch.special.polygamma(1, a))
print(torch.special.polygamma(2, a))
print(torch.special.polygamma(3, a))
print(torch.special.polygamma(4, a))
print(torch.special.gammaln(torch.arange(0.5, 2, 0.5)))

# %%
torch.manual_seed(0)
a = torch.empty(2, 3).uniform_(1, 2)
print(a)
print(torch.special.multigammaln(a, 2))
print(torch.special.exp2(torch.tensor([0, 1., 3, 4])))
print(torch.special.expm1(torch.tensor([0, 0.6931471805599453])))
print(torch.special.log1p(torch.tensor([0.1, -0.5, 3.0])))

# %%
torch.manual_seed(1)
t = torch.randn(4)
print(t)
print(torch.special.expit(t))
print(torch.special.logit(torch.rand(5)))
print(torch.special.logit(torch.tensor([0.0, 0.3, 1.0]), eps=1e-6))
print(torch.special.i0(torch.arange(5, dtype=torch.float32)))
print(torch.special.i0e(torch.arange(5, dtype=torch.float32)))
print(torch.special.i1(torch.arange(5, dtype=torch.float32)))
print(torch.special.i1e(torch.arange(5, dtype=torch.float32)))

# %%
print(torch.special.ndtr(torch.tensor([-3., -2, -1, 0, 1, 2, 3])))
print(torch.special.ndtri(torch.tensor([0, 0.25, 0.5, 0.75, 1])))
print(torch.special.log_ndtr(torch.tensor([-3., -2, -1, 0, 1, 2, 3])))
t = torch.randn(4, 4)
print(torch.special.sinc(t))
print(torch.special.round(torch.tensor([4.7, -2.3, 9.1, -7.7])))
print(torch.special.round(torch.tensor([-0.5, 0.5, 1.5, 2.5])))
print(torch.special.round(torch.tensor([1234.5678, 0.1234]), decimals=2))

# %%
x = torch.zeros(5)
y = torch.tensor([-1, 0, 1, float('inf'), float('nan')])
print(torch.special.xlogy(x, y))
x = torch.tensor([1, 2, 3])
y = torch.tensor([3, 2, 1])
print(torch.special.xlogy(x, y))
print(torch.special.xlogy(x, 4))
print(torch.special.xlogy(2, y))
x = torch.zeros(5,)
y = torch.tensor([-1, 0, 1, float('inf'), float('nan')])
print(torch.special.xlog1py(x, y))
x = torch.tensor([1, 2, 3])
y = torch.tensor([3, 2, 1])
print(torch.special.xlog1py(x, y), torch.special.xlog1py(x, 4), torch.special.xlog1py(2, y))

# %%
x = torch.tensor([2., 4.])
print(torch.special.zeta(x, 1))
print(torch.special.zeta(x, torch.tensor([1., 2.])))
print(torch.special.zeta(2, torch.tensor([1., 2.])))
t = torch.ones(2, 2)
print(torch.special.softmax(t, 0))
print(torch.special.log_softmax(t, 0))
a = torch.randn(3, 3)
print(torch.special.logsumexp(a, 1))
print(torch.special.bessel_j0(torch.tensor([0.0, 1.0, 2.5, 10.0])))
print(torch.special.bessel_j1(torch.tensor([0.0, 1.0, 2.5, 10.0])))
print(torch.special.spherical_bessel_j0(torch.tensor([0.0, 1.0, 2.5, 10.0])))

# %%
x = torch.tensor([0.3, 0.9, 1.7, 2.5], requires_grad=True)
for name in ["erf", "erfc", "erfcx", "erfinv", "expit", "logit", "digamma", "gammaln", "i0", "i0e", "i1", "i1e",
             "ndtr", "ndtri", "log_ndtr", "sinc", "entr", "expm1", "exp2", "log1p"]:
    fn = getattr(torch.special, name)
    inp = x / 3 if name in ("erfinv", "logit", "ndtri") else x
    out = fn(inp)
    print(name, out.grad_fn.name() if out.grad_fn else None)
    (g,) = torch.autograd.grad(out.sum(), x)
    print(g)

# %%
x = torch.tensor([0.3, 0.9, 1.7], requires_grad=True)
out = torch.special.polygamma(2, x)
print(out.grad_fn)
out.sum().backward()
print(x.grad)
x.grad = None
out = torch.special.multigammaln(x + 1, 3)
print(out.grad_fn)
out.sum().backward()
print(x.grad)
y = torch.tensor([1.0, 2.0, 0.5], requires_grad=True)
out = torch.special.xlogy(x, y) + torch.special.xlog1py(x, y)
print(out.grad_fn, out.grad_fn.next_functions)
out.sum().backward()
print(x.grad, y.grad)

# %%
x = torch.tensor([0.3, 0.9, 1.7], requires_grad=True)
try:
    torch.special.zeta(x, torch.tensor([1.0, 2.0, 3.0])).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
for name in ["bessel_j0", "bessel_j1", "spherical_bessel_j0", "round"]:
    out = getattr(torch.special, name)(x)
    print(name, out.requires_grad, out.grad_fn)
    try:
        out.sum().backward()
        print(x.grad)
    except Exception as e:
        print(type(e).__name__, e)
    x.grad = None

# %%
xd = torch.tensor([0.3, 0.9, 1.7], dtype=torch.float64)
for name in ["erf", "erfinv", "digamma", "i0", "i1e", "ndtri", "log_ndtr", "bessel_j0", "bessel_j1",
             "spherical_bessel_j0"]:
    fn = getattr(torch.special, name)
    inp = xd / 3 if name in ("erfinv", "ndtri") else xd
    print(name, fn(inp), fn(inp.float()).dtype)
i = torch.tensor([0, 1, 2, 3])
print(torch.special.erf(i), torch.special.expit(i), torch.special.i0(i), torch.special.sinc(i))
print(torch.special.digamma(i), torch.special.gammaln(i), torch.special.ndtr(i), torch.special.entr(i))
print(torch.special.bessel_j0(i), torch.special.xlogy(i, i), torch.special.round(i))
print(torch.special.polygamma(1, i), torch.special.multigammaln(torch.tensor([3, 4]).float(), 2))

# %%
for bad in [lambda: torch.special.polygamma(-1, torch.tensor([1.0])),
            lambda: torch.special.multigammaln(torch.tensor([0.5, 1.0]), 2),
            lambda: torch.special.multigammaln(torch.tensor([3.0]), 0),
            lambda: torch.special.softmax(torch.ones(2, 2), 2),
            lambda: torch.special.log_softmax(torch.ones(2, 2), dim=-3),
            lambda: torch.special.zeta(2, 3),
            lambda: torch.special.xlogy(2, 3),
            lambda: torch.special.logit(torch.tensor([1, 2])),
            lambda: torch.special.softmax(torch.tensor([1, 2]), 0),
            lambda: torch.special.erfinv(torch.tensor([1 + 1j])),
            lambda: torch.special.i0(torch.tensor([1 + 1j])),
            lambda: torch.special.round(torch.tensor([1.5]), decimals=1.5),
            lambda: torch.special.gammaln(torch.tensor([True, False])),
            lambda: torch.special.softmax(torch.ones(2), 0, dtype=torch.int64)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
