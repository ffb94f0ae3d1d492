# Imitates the "Example::" blocks of PyTorch's pointwise-math reference pages (torch.float_power, torch.deg2rad,
# torch.rad2deg, torch.nan_to_num, torch.special.erfcx / log_ndtr / ndtri / zeta, torch.sgn, torch.angle,
# torch.conj_physical) as a learner retypes them with other dtypes: int, half, double and complex inputs, printing
# each result's dtype, and the NotImplementedError PyTorch gives where a kernel has no Half loop.
import math
import torch

# %%
a = torch.randint(10, (4,), generator=torch.Generator().manual_seed(0))
print(a, a.dtype)
print(torch.float_power(a, 2), torch.float_power(a, 2).dtype)
print(torch.float_power(a.half(), 0.5).dtype, torch.float_power(torch.tensor([1 + 1j]), 2).dtype)
print(torch.float_power(2, torch.arange(3)), torch.pow(a, 2).dtype)

# %%
deg = torch.tensor([[180.0, -180.0], [360.0, -360.0], [90.0, -90.0]])
for dt in (torch.float32, torch.float64, torch.float16):
    r = torch.deg2rad(deg.to(dt))
    print(dt, r, torch.rad2deg(r))
print(torch.rad2deg(torch.tensor([math.pi, 0.5, -1.0]).half()))
print(torch.deg2rad(torch.tensor([180, 45], dtype=torch.int16)))
h = torch.tensor([33.3, 1.0, -57.0], dtype=torch.float16, requires_grad=True)
torch.deg2rad(h).sum().backward()
print(h.grad)
r = torch.tensor([math.pi, 0.1234], dtype=torch.float16, requires_grad=True)
torch.rad2deg(r).sum().backward()
print(r.grad)

# %%
x = torch.tensor([float('nan'), float('inf'), -float('inf'), 3.14])
print(torch.nan_to_num(x.half()), torch.nan_to_num(x.double(), posinf=1.0))
z = torch.tensor([complex(float('nan'), float('inf')), complex(-float('inf'), 2.0), 1 + 1j])
print(torch.nan_to_num(z))
print(torch.nan_to_num(z, nan=0.5, posinf=9.0, neginf=-9.0))
print(torch.nan_to_num(torch.tensor([1, 2]), nan=1.5))

# %%
h = torch.tensor([1.5, -2.25, 0.0], dtype=torch.half)
for name in ("erfcx", "log_ndtr", "ndtri"):
    try:
        print(name, getattr(torch.special, name)(h))
    except Exception as e:
        print(type(e).__name__, e)
    print(name, getattr(torch.special, name)(h.float()))
try:
    torch.special.zeta(h, 2.0)
except Exception as e:
    print(type(e).__name__, e)
print(torch.special.zeta(h.double() + 3, torch.tensor([1.0, 2.0, 3.0])))

# %%
t = torch.tensor([3 + 4j, 7 - 24j, 0, 1 + 2j])
print(t.sgn(), torch.angle(t), torch.conj_physical(t))
print(torch.angle(torch.tensor([-1.0, 0.0, 2.0])), torch.angle(torch.tensor([-1, 0, 1])))
try:
    torch.signbit(t)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.heaviside(t, t)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.copysign(t, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.copysign(torch.tensor([1.0, -2.0]), 1j)
except Exception as e:
    print(type(e).__name__, e)
