# Imitates the "Example::" blocks of PyTorch's API reference for torch.trapezoid / torch.trapz,
# torch.cumulative_trapezoid (x and dx), torch.matrix_exp and torch.pinverse, typed into a notebook as a learner
# does (seeded randn), with the dtypes of integer inputs, gradients and the errors PyTorch raises.
import torch

# %%
y = torch.tensor([1, 5, 10])
print(torch.trapezoid(y))
print((1 + 10 + 10) / 2)
print(torch.trapezoid(y, dx=2))
x = torch.tensor([1, 3, 6])
print(torch.trapezoid(y, x))
print(((3 - 1) * (1 + 5) + (6 - 3) * (5 + 10)) / 2)
y = torch.arange(9).reshape(3, 3)
print(y)
print(torch.trapezoid(y))
print(torch.trapezoid(y, dim=0))
y = torch.ones(3, 3)
x = torch.tensor([1, 3, 6])
print(torch.trapezoid(y, x))
y = torch.ones(3, 3)
x = torch.tensor([[1, 2, 3], [1, 3, 5], [1, 4, 7]])
print(torch.trapezoid(y, x))
print(torch.trapz(torch.tensor([1., 2., 4.]), dx=0.5), torch.trapz(torch.tensor([1., 2., 4.]), torch.tensor([0., 1., 3.])))
print(torch.trapezoid(torch.tensor([1, 5, 10]), dx=2.5), torch.trapezoid(torch.tensor([1., 5.], dtype=torch.float64)).dtype)
print(torch.trapezoid(torch.tensor([True, False, True])), torch.trapezoid(torch.tensor([2])), torch.trapezoid(torch.tensor([])))

# %%
y = torch.tensor([1, 5, 10])
print(torch.cumulative_trapezoid(y))
print(torch.cumulative_trapezoid(y, dx=2))
x = torch.tensor([1, 3, 6])
print(torch.cumulative_trapezoid(y, x))
y = torch.arange(9).reshape(3, 3)
print(torch.cumulative_trapezoid(y))
print(torch.cumulative_trapezoid(y, dim=0))
y = torch.ones(3, 3)
x = torch.tensor([1, 3, 6])
print(torch.cumulative_trapezoid(y, x))
x = torch.tensor([[1, 2, 3], [1, 3, 5], [1, 4, 7]])
print(torch.cumulative_trapezoid(y, x))
print(torch.cumulative_trapezoid(torch.tensor([2.])), torch.cumulative_trapezoid(torch.ones(2, 0)))
for bad in [lambda: torch.trapezoid(torch.ones(3), torch.ones(4)),
            lambda: torch.trapezoid(torch.ones(3), torch.ones(3), dx=1.),
            lambda: torch.cumulative_trapezoid(torch.ones(3), torch.ones(2)),
            lambda: torch.trapezoid(torch.ones(3), dim=2),
            lambda: torch.trapezoid(torch.ones(2, 3), torch.ones(2, 2)),
            lambda: torch.trapezoid(torch.ones(3), dx=torch.tensor(2.)),
            lambda: torch.cumulative_trapezoid(torch.ones(3, 3), torch.ones(2, 3))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
t = torch.linspace(0, 3.14159, 7, requires_grad=True)
area = torch.trapezoid(torch.sin(t), t)
print(area)
area.backward()
print(t.grad)
y = torch.randn(4, requires_grad=True)
c = torch.cumulative_trapezoid(y, dx=0.5)
c.sum().backward()
print(c, y.grad)

# %%
torch.manual_seed(1)
a = torch.randn(2, 2, 2)
a[0, :, :] = torch.eye(2, 2)
a[1, :, :] = 2 * torch.eye(2, 2)
print(a)
print(torch.matrix_exp(a))
import math
x = torch.tensor([[0, math.pi/3], [-math.pi/3, 0]])
print(x.matrix_exp())
print(torch.matrix_exp(torch.zeros(0, 0)), torch.matrix_exp(torch.tensor([[1.]], dtype=torch.float64)))
w = torch.randn(3, 3, requires_grad=True)
e = torch.matrix_exp(w)
e.sum().backward()
print(e.grad_fn)
print(w.grad)
for bad in [lambda: torch.matrix_exp(torch.ones(2, 3)), lambda: torch.matrix_exp(torch.eye(2, dtype=torch.int64)),
            lambda: torch.matrix_exp(torch.ones(3))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(2)
input = torch.randn(3, 5)
print(input)
print(torch.pinverse(input))
a = torch.randn(2, 6, 3)
b = torch.pinverse(a)
print(torch.matmul(b, a).round(decimals=4))
print(torch.pinverse(torch.zeros(2, 3)), torch.pinverse(torch.tensor([[1., 2.], [2., 4.]], dtype=torch.float64), rcond=1e-8))
print(torch.pinverse(torch.tensor([[1., 0.], [0., 1e-8]]), rcond=1e-5))
p = torch.randn(3, 2, requires_grad=True)
torch.pinverse(p).sum().backward()
print(p.grad)
for bad in [lambda: torch.pinverse(torch.ones(3)), lambda: torch.pinverse(torch.ones(2, 2, dtype=torch.int64))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
