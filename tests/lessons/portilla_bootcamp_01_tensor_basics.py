# Imitates Jose Portilla's "PyTorch for Deep Learning with Python Bootcamp" (Udemy), notebook
# "00-Tensor-Basics": converting numpy arrays (from_numpy / as_tensor share memory, tensor copies), the legacy
# torch.FloatTensor / LongTensor constructors, empty / zeros / ones / arange().reshape / linspace, tensor from a list,
# dtype changes with .type(torch.int32), rand / randn / randint with manual_seed, the *_like family, .shape / .size().
import numpy as np
import torch

print(torch.__version__[:1])
arr = np.array([1, 2, 3, 4, 5])
print(arr, arr.dtype, type(arr))
x = torch.from_numpy(arr)
print(x, x.dtype, type(x))
x2 = torch.as_tensor(arr)
print(x2, x2.type())
arr2d = np.arange(0.0, 12.0).reshape(4, 3)
print(arr2d)
x2d = torch.from_numpy(arr2d)
print(x2d)

# %%
arr = np.arange(0, 5)
t = torch.from_numpy(arr)
print(t)
arr[2] = 77
print(t)
arr = np.arange(0, 5)
t = torch.tensor(arr)
print(t)
arr[2] = 77
print(t)
a = np.array([1.5, 2.5])
print(torch.as_tensor(a).dtype, torch.tensor(a).dtype, torch.Tensor(a).dtype, torch.FloatTensor(a).dtype)

# %%
my_arr = np.arange(0, 10)
print(torch.tensor(my_arr))
print(torch.FloatTensor(my_arr))
print(torch.LongTensor([3.7, 2.2]))
print(torch.Tensor(2, 3).shape)
print(torch.FloatTensor(2, 3).shape, torch.FloatTensor(2, 3).dtype)
data = np.array([1, 2, 3])
print(torch.Tensor(data), torch.tensor(data))
print(torch.Tensor(data).type(), torch.tensor(data).type())

# %%
x = torch.empty(4, 3)
print(x.shape, x.dtype)
x = torch.zeros(4, 3, dtype=torch.int64)
print(x)
x = torch.ones(4, 3)
print(x)
x = torch.arange(0, 18, 2).reshape(3, 3)
print(x)
x = torch.linspace(0, 18, 12).reshape(3, 4)
print(x)
x = torch.tensor([1, 2, 3, 4])
print(x)
print(x.dtype)
x = x.type(torch.int32)
print(x)
print(x.dtype)
print(x.type(torch.float64))
print(x.type("torch.DoubleTensor"))
print(x.type())

# %%
x = torch.rand(4, 3)
print(x.shape)
x = torch.randn(4, 3)
print(x.shape, x.dtype)
x = torch.randint(0, 5, (4, 3))
print(x.dtype, x.shape, bool((x >= 0).all()), bool((x < 5).all()))
x = torch.zeros(2, 5)
print(torch.rand_like(x).shape)
print(torch.randn_like(x).dtype)
print(torch.randint_like(x, 0, 10).dtype)
try:
    torch.randint_like(torch.zeros(2, dtype=torch.int64), 0, 10, dtype=torch.float32).dtype
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
x = torch.rand(2, 3)
print(x)
torch.manual_seed(42)
y = torch.rand(2, 3)
print(y)
print(torch.equal(x, y))
torch.manual_seed(42)
print(torch.randn(2, 3))
print(torch.randint(0, 10, (2, 3)))
print(torch.randint(10, (3,)))
print(x.shape, x.size(), x.size(1), x.device, x.layout)

# %%
try:
    torch.randint(0, 5, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.rand(2, 3, dtype=torch.int64)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.from_numpy([1, 2, 3])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.FloatTensor([1, 2], dtype=torch.float64)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.LongTensor([[1, 2], [3]])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1, 2]).type(torch.float16).mean()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.arange(10).reshape(3, 4)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linspace(0, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1, 2, 3]).mean()
except Exception as e:
    print(type(e).__name__, e)
