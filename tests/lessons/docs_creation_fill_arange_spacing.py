# Imitates the "Example::" blocks of PyTorch 2.13's "Creation Ops" reference for zeros / ones / empty / full and
# their _like forms, arange, range, linspace, logspace, eye, empty_strided, complex, polar and heaviside, with the
# variations a learner tries next: full's dtype inferred from an int / bool / complex fill, float steps of arange
# (how many elements), torch.range's deprecation warning, steps=1 and base= of logspace, and the gradients of
# complex / polar.
import torch

# %%
print(torch.zeros(2, 3), torch.zeros(5))
print(torch.ones(2, 3), torch.ones(5))
print(torch.zeros((2, 2), dtype=torch.int32), torch.ones([3], dtype=torch.bool))
print(torch.zeros(size=(1, 2)), torch.ones(()), torch.zeros(0))
input = torch.empty(2, 3)
print(torch.zeros_like(input), torch.ones_like(input))
x = torch.tensor([[1, 2]], dtype=torch.int16)
print(torch.ones_like(x), torch.zeros_like(x, dtype=torch.float64))
print(torch.empty_like(x).shape, torch.empty_like(x).dtype)
print(torch.empty(2, 3).shape, torch.empty((2, 3), dtype=torch.int64).dtype)
y = torch.ones_like(input, requires_grad=True)
print(y)
torch.zeros_like(torch.tensor(3.5))

# %%
print(torch.full((2, 3), 3.141592))
print(torch.full((2, 2), 7), torch.full((2,), 7).dtype)
print(torch.full((2,), True), torch.full((1, 2), False).dtype)
print(torch.full((2,), 1 + 2j))
print(torch.full((2,), 2, dtype=torch.float16))
print(torch.full_like(input, 7), torch.full_like(x, 3.7))
print(torch.full_like(x, 2.5, dtype=torch.float32))
print(torch.full((3,), float('inf')), torch.full((2,), float('nan')))
print(torch.full([], 5))
torch.full(size=(2, 2), fill_value=-1.5)

# %%
print(torch.arange(5), torch.arange(1, 4), torch.arange(1, 2.5, 0.5))
print(torch.arange(0, 1, 0.1))
print(torch.arange(0, 1, 0.1).shape, torch.arange(1, 2, 0.3))
print(torch.arange(0, 10, 3), torch.arange(10, 0, -3), torch.arange(-1.0, 1.0, 0.25))
print(torch.arange(5.0), torch.arange(5, dtype=torch.float64), torch.arange(0, 5, 2.0).dtype)
print(torch.arange(0.5, 3), torch.arange(3, dtype=torch.int8))
print(torch.arange(0, 0.9, 0.3))
print(torch.arange(1, 1.0001, 0.5), torch.arange(2, 2))
torch.arange(start=0, end=6, step=2)

# %%
import warnings
warnings.simplefilter("always")
print(torch.range(1, 4))
print(torch.range(1, 4, 0.5))
print(torch.range(0, 1, 0.1))
print(torch.range(1, 4).dtype, torch.range(1, 4, dtype=torch.int64))
torch.range(5, 1, -1)

# %%
print(torch.linspace(3, 10, steps=5))
print(torch.linspace(-10, 10, steps=5), torch.linspace(0, 1, 1), torch.linspace(0, 1, 0))
print(torch.linspace(0, 1, steps=11))
print(torch.linspace(0, 10, 5, dtype=torch.int64))
print(torch.linspace(1, 0, 4))
print(torch.logspace(start=-10, end=10, steps=5))
print(torch.logspace(start=0.1, end=1.0, steps=5))
print(torch.logspace(start=0.1, end=1.0, steps=1))
print(torch.logspace(start=2, end=2, steps=1, base=2))
print(torch.logspace(0, 3, 4, base=2), torch.logspace(0, 2, 3, base=10, dtype=torch.int64))
print(torch.logspace(-1, 1, 3, base=0.5))
torch.logspace(0, 1, 5, dtype=torch.float64)

# %%
print(torch.eye(3), torch.eye(2, 3), torch.eye(3, 2, dtype=torch.bool), torch.eye(0), torch.eye(1, 0))
print(torch.eye(n=2, m=4, dtype=torch.float64, requires_grad=True))
for bad in [lambda: torch.eye(-1), lambda: torch.eye(2, -3), lambda: torch.eye(2.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
a = torch.empty_strided((2, 3), (1, 2))
print(a.stride(), a.is_contiguous(), torch.empty_strided((2, 2), (2, 1), dtype=torch.int64).dtype)
real = torch.tensor([1., 2.], requires_grad=True)
imag = torch.tensor([3., 4.], requires_grad=True)
z = torch.complex(real, imag)
print(z, z.grad_fn)
(z.abs() ** 2).sum().backward()
print(real.grad, imag.grad)
r = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
th = torch.tensor([0.5, 1.0], dtype=torch.float64, requires_grad=True)
p = torch.polar(r, th)
print(p, p.grad_fn)
p.real.sum().backward()
print(r.grad, th.grad)
x = torch.tensor([-1.5, 0, 2.0], requires_grad=True)
try:
    torch.heaviside(x, torch.tensor([0.5])).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
print(torch.heaviside(torch.tensor([-1, 0, 3]), torch.tensor([7])))
torch.heaviside(torch.tensor([0., 1.]), torch.tensor(0.5, dtype=torch.float64))
