# Imitates the "Example::" blocks of PyTorch's API reference for the pointwise math ops (abs, acos, asin, atan2,
# addcdiv/addcmul with value=, clamp with tensor bounds, copysign, deg2rad, digamma/lgamma/polygamma/mvlgamma,
# erf/erfc/erfinv, exp2/expm1, float_power, floor_divide, fmod/remainder, frac, frexp/ldexp, gcd/lcm, hypot, i0,
# igamma/igammac, lerp, logaddexp/logaddexp2, logit, nan_to_num, nextafter, round(decimals=), rsqrt, sgn, sinc,
# signbit, true_divide, trunc, xlogy) pasted cell by cell into a notebook, printed as the docs show them.
import math
import torch

# %%
print(torch.abs(torch.tensor([-1, -2, 3])))
torch.manual_seed(0)
a = torch.randn(4)
print(a)
print(torch.acos(a))
print(torch.asin(a))
print(torch.atan2(a, torch.randn(4)))
torch.acos(torch.tensor([0.3348, -0.5889, 0.2005, -0.1584]))

# %%
torch.manual_seed(1)
t = torch.randn(1, 3)
t1 = torch.randn(3, 1)
t2 = torch.randn(1, 3)
print(torch.addcdiv(t, t1, t2, value=0.1))
print(torch.addcmul(t, t1, t2, value=0.1))
print(torch.addcmul(torch.ones(3, dtype=torch.int64), torch.arange(3), torch.arange(3), value=2))
try:
    torch.addcmul(torch.ones(3, dtype=torch.int64), torch.arange(3), torch.arange(3), value=0.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.addcdiv(torch.ones(3, dtype=torch.int64), torch.arange(3), torch.arange(1, 4))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(2)
a = torch.randn(4)
print(a)
print(torch.clamp(a, min=-0.5, max=0.5))
print(torch.clamp(a, min=0.5))
min = torch.linspace(-1, 1, steps=4)
print(torch.clamp(a, min=min))
print(torch.clamp(torch.arange(6), min=torch.tensor(2), max=torch.tensor([4.5])))
print(torch.clamp(torch.arange(5), max=2.5))
try:
    torch.clamp(a)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
a = torch.randn(5)
print(a)
print(torch.copysign(a, 1))
a = torch.randn(4, 4)
b = torch.randn(4)
print(torch.copysign(a, b))
a = torch.tensor([1.])
b = torch.tensor([-0.])
print(torch.copysign(a, b))
print(torch.copysign(torch.tensor([1, -2]), -0.0))
a = torch.tensor([[180.0, -180.0], [360.0, -360.0], [90.0, -90.0]])
torch.deg2rad(a)

# %%
a = torch.tensor([1, 0.5])
print(torch.special.digamma(a), torch.digamma(torch.tensor([0., -1., -2.5])))
a = torch.arange(-0.5, 2, 0.5)
print(torch.lgamma(a))
a = torch.tensor([1, 0.5])
print(torch.special.polygamma(1, a))
print(torch.special.polygamma(2, a))
print(torch.special.polygamma(3, a))
print(torch.special.polygamma(4, a))
print(torch.polygamma(0, a), a.polygamma(2))
torch.manual_seed(0)
a = torch.empty(2, 3).uniform_(1, 2)
print(a)
print(torch.special.multigammaln(a, 2), torch.mvlgamma(a, p=2))
try:
    torch.mvlgamma(a, 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
print(torch.special.erf(torch.tensor([0, -1., 10.])))
print(torch.special.erfc(torch.tensor([0, -1., 10.])))
print(torch.special.erfinv(torch.tensor([0, 0.5, -1.])))
print(torch.erfinv(torch.tensor([1., 2., -0.999])), torch.erfc(torch.tensor([3, 4])))
print(torch.special.exp2(torch.tensor([0, math.log2(2.), 3, 4])))
print(torch.special.expm1(torch.tensor([0, math.log(2.)])))
print(torch.exp2(torch.tensor([1, 2, 10])), torch.expm1(torch.tensor([1e-10, 1.], dtype=torch.float64)))

# %%
a = torch.randint(10, (4,), generator=torch.Generator().manual_seed(0))
print(a)
print(torch.float_power(a, 2))
a = torch.arange(1, 5)
print(a)
exp = torch.tensor([2, -3, 4, -5])
print(exp)
print(torch.float_power(a, exp))
print(torch.float_power(torch.tensor([-8.]), 1 / 3), torch.float_power(2, torch.tensor([1, 2])))
try:
    torch.float_power(a, 2, out=torch.empty(4))
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([4.0, 3.0])
b = torch.tensor([2.0, 2.0])
print(torch.floor_divide(a, b))
print(torch.floor_divide(a, 1.4))
print(torch.floor_divide(torch.tensor([-7, 7]), 2), torch.floor_divide(torch.tensor([-7., 7.]), -2))
print(torch.fmod(torch.tensor([-3., -2, -1, 1, 2, 3]), 2))
print(torch.fmod(torch.tensor([1, 2, 3, 4, 5]), -1.5))
print(torch.remainder(torch.tensor([-3., -2, -1, 1, 2, 3]), 2))
print(torch.remainder(torch.tensor([1, 2, 3, 4, 5]), -1.5))
print(torch.remainder(-1.5, torch.tensor([1, 2, 3, 4, 5])))
print(torch.fmod(torch.tensor([-3, 3]), -2), torch.remainder(torch.tensor([-3, 3]), -2))
try:
    torch.fmod(torch.tensor([1, 2]), 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.remainder(torch.tensor([1, 2]), torch.tensor([0, 1]))
except Exception as e:
    print(type(e).__name__, e)

# %%
print(torch.frac(torch.tensor([1, 2.5, -3.2])))
x = torch.arange(9.)
mantissa, exponent = torch.frexp(x)
print(mantissa)
print(exponent)
print(torch.ldexp(mantissa, exponent))
print(torch.frexp(torch.tensor([-0.75, 0., float('inf')], dtype=torch.float64)))
print(torch.ldexp(torch.tensor([1.]), torch.tensor([1])))
print(torch.ldexp(torch.tensor([1.0]), torch.tensor([1, 2, 3, 4])))
try:
    torch.frexp(torch.arange(3))
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([5, 10, 15])
b = torch.tensor([3, 4, 5])
print(torch.gcd(a, b))
c = torch.tensor([3])
print(torch.gcd(a, c))
print(torch.lcm(a, b), torch.lcm(a, c), torch.gcd(torch.tensor([-4, 0]), torch.tensor([6, 0])))
try:
    torch.gcd(torch.tensor([1.]), torch.tensor([2.]))
except Exception as e:
    print(type(e).__name__, e)
print(torch.hypot(torch.tensor([4.0]), torch.tensor([3.0, 4.0, 5.0])))
print(torch.i0(torch.arange(5, dtype=torch.float32)), torch.special.i0(torch.arange(3)))

# %%
a1 = torch.tensor([4.0])
a2 = torch.tensor([3.0, 4.0, 5.0])
a = torch.special.gammaincc(a1, a2)
print(a)
b = torch.special.gammainc(a1, a2) + torch.special.gammaincc(a1, a2)
print(b)
print(torch.igamma(a1, a2), torch.igammac(a1, a2), a1.igamma(a2))
start = torch.arange(1., 5.)
end = torch.empty(4).fill_(10)
print(start)
print(end)
print(torch.lerp(start, end, 0.5))
print(torch.lerp(start, end, torch.full_like(start, 0.5)))
print(torch.lerp(start, end, torch.tensor([0., 0.25, 0.75, 1.5])))

# %%
print(torch.logaddexp(torch.tensor([-1.0]), torch.tensor([-1.0, -2, -3])))
print(torch.logaddexp(torch.tensor([-100.0, -200, -300]), torch.tensor([-1.0, -2, -3])))
print(torch.logaddexp(torch.tensor([1.0, 2000, 30000]), torch.tensor([-1.0, -2, -3])))
print(torch.logaddexp2(torch.tensor([-1.0]), torch.tensor([-1.0, -2, -3])))
print(torch.logaddexp2(torch.tensor([1.0, 2000, 30000]), torch.tensor([-1.0, -2, -3])))
torch.manual_seed(4)
a = torch.rand(5)
print(a)
print(torch.logit(a, eps=1e-6), torch.logit(torch.tensor([0., 1.]), eps=1e-6), torch.logit(torch.tensor([0., 1.])))
print(torch.special.logit(torch.tensor([0.25, 0.5]), 0.3))

# %%
x = torch.tensor([float('nan'), float('inf'), -float('inf'), 3.14])
print(torch.nan_to_num(x))
print(torch.nan_to_num(x, nan=2.0))
print(torch.nan_to_num(x, nan=2.0, posinf=1.0))
print(torch.nan_to_num(x.double(), neginf=-7), torch.nan_to_num(torch.tensor([1, 2])))
eps = torch.finfo(torch.float32).eps
print(torch.nextafter(torch.tensor([1.0, 2.0]), torch.tensor([2.0, 1.0])) == torch.tensor([eps + 1, 2 - eps]))
print(torch.nextafter(torch.tensor([0.], dtype=torch.float64), torch.tensor([1.], dtype=torch.float64)))
print(torch.round(torch.tensor((4.7, -2.3, 9.1, -7.7))))
print(torch.round(torch.tensor([-0.5, 0.5, 1.5, 2.5])))
print(torch.round(torch.tensor([0.1234567])), torch.round(torch.tensor([0.1234567]), decimals=3))
print(torch.round(torch.tensor([1200.1234567]), decimals=-3), torch.round(torch.tensor([15, 25]), decimals=-1))

# %%
print(torch.rsqrt(torch.tensor([-0.0370, 0.2970, 1.5420, -0.9105])))
t = torch.tensor([3+4j, 7-24j, 0, 1+2j])
print(t.sgn())
print(torch.sgn(torch.tensor([-2., 0., 3.])))
print(torch.sinc(torch.tensor([0.2252, -0.2948, 1.0267, -1.1566, 0.])))
a = torch.tensor([0.7, -1.2, 0., 2.3])
print(torch.signbit(a))
a = torch.tensor([0.7, -1.2, -0., -2.3])
print(torch.signbit(a), torch.signbit(torch.tensor([-1, 0])))
print(torch.true_divide(torch.tensor([4, 5]), 2), torch.true_divide(torch.tensor([4, 5]), torch.tensor([2, 2])))
print(torch.trunc(torch.tensor([3.4742, 0.5466, -0.8008, -0.9079])))

# %%
x = torch.zeros(5,)
y = torch.tensor([-1, 0, 1, float('inf'), float('nan')])
print(torch.xlogy(x, y))
x = torch.tensor([1, 2, 3])
y = torch.tensor([3, 2, 1])
print(torch.xlogy(x, y))
print(torch.xlogy(x, 4))
print(torch.xlogy(2, y), torch.special.xlog1py(x, y), torch.special.xlog1py(torch.zeros(2), torch.tensor([-1., float('nan')])))
x = torch.tensor([0.5, 2.0], requires_grad=True)
y = torch.xlogy(x, torch.tensor([3.0, 0.0]))
print(y)
y.sum().backward()
print(x.grad)
