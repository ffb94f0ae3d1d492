# Imitates the "Example::" blocks of PyTorch's API reference for the creation ops (torch.tensor, as_tensor,
# asarray, from_numpy, frombuffer, zeros_like, full, arange, range, linspace, logspace, eye, empty_strided,
# complex, polar, heaviside) pasted cell by cell into a notebook, printed as the docs show them.
import array
import numpy as np
import torch

# %%
print(torch.tensor([[0.1, 1.2], [2.2, 3.1], [4.9, 5.2]]))
print(torch.tensor([0, 1]))
print(torch.tensor([[0.11111, 0.222222, 0.3333333]], dtype=torch.float64))
print(torch.tensor(3.14159))
print(torch.tensor([]))
torch.tensor([[1., -1.], [1., -1.]]), torch.tensor(np.array([[1, 2, 3], [4, 5, 6]]))

# %%
a = np.array([1, 2, 3])
t = torch.as_tensor(a)
print(t)
t[0] = -1
print(a)
a = np.array([1, 2, 3])
t = torch.as_tensor(a, device=torch.device('cpu'))
t[0] = -1
a

# %%
a = torch.tensor([1, 2, 3], requires_grad=True).float()
b = torch.asarray(a)
print(a.data_ptr() == b.data_ptr())
c = torch.asarray(a, copy=True)
print(a.data_ptr() == c.data_ptr())
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a + 2
print(b)
c = torch.asarray(b)
print(c)
d = torch.asarray(b, requires_grad=True)
print(d)
arr = np.array([1, 2, 3])
t1 = torch.asarray(arr)
print(arr.__array_interface__['data'][0] == t1.data_ptr())
t2 = torch.asarray(arr, dtype=torch.float32)
print(arr.__array_interface__['data'][0] == t2.data_ptr())
scalar = np.float64(0.5)
torch.asarray(scalar)

# %%
a = np.array([1, 2, 3])
t = torch.from_numpy(a)
print(t)
t[0] = -1
print(a)
a = array.array('i', [1, 2, 3])
t = torch.frombuffer(a, dtype=torch.int32)
print(t)
t[0] = -1
print(a)
a = array.array('b', [-1, 0, 0, 0])
print(torch.frombuffer(a, dtype=torch.int32))
torch.frombuffer(array.array('d', [1.5, 2.5, 3.5]), dtype=torch.float64, count=2, offset=8)

# %%
input = torch.empty(2, 3)
print(torch.zeros_like(input), torch.ones_like(input), torch.full_like(input, 7))
print(torch.full((2, 3), 3.141592))
print(torch.arange(5), torch.arange(1, 4), torch.arange(1, 2.5, 0.5))
print(torch.range(1, 4))
torch.range(1, 4, 0.5)

# %%
print(torch.linspace(3, 10, steps=5))
print(torch.linspace(-10, 10, steps=5))
print(torch.linspace(start=-10, end=10, steps=5))
print(torch.linspace(start=-10, end=10, steps=1))
print(torch.logspace(start=-10, end=10, steps=5))
print(torch.logspace(start=0.1, end=1.0, steps=5))
print(torch.logspace(start=0.1, end=1.0, steps=1))
print(torch.logspace(start=2, end=2, steps=1, base=2))
torch.eye(3), torch.eye(2, 4, dtype=torch.int64)

# %%
a = torch.empty_strided((2, 3), (1, 2))
print(a.stride())
print(a.size())
real = torch.tensor([1, 2], dtype=torch.float32)
imag = torch.tensor([3, 4], dtype=torch.float32)
z = torch.complex(real, imag)
print(z)
print(z.dtype)
abs = torch.tensor([1, 2], dtype=torch.float64)
angle = torch.tensor([np.pi / 2, 5 * np.pi / 4], dtype=torch.float64)
z = torch.polar(abs, angle)
print(z)
input = torch.tensor([-1.5, 0, 2.0])
values = torch.tensor([0.5])
print(torch.heaviside(input, values))
values = torch.tensor([1.2, -2.0, 3.5])
torch.heaviside(input, values)

# %%
for bad in [lambda: torch.complex(torch.tensor([1, 2]), torch.tensor([3, 4])),
            lambda: torch.complex(real, imag.double()),
            lambda: torch.polar(torch.tensor([1, 2]), torch.tensor([0, 1])),
            lambda: torch.heaviside(torch.tensor([1, 0]), torch.tensor([0.5])),
            lambda: torch.frombuffer(array.array('b', [1, 2, 3]), dtype=torch.int32),
            lambda: torch.full((2,), 1.5, dtype=torch.int64),
            lambda: torch.empty_strided((2, 3), (1,)),
            lambda: torch.linspace(0, 1, steps=-1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
