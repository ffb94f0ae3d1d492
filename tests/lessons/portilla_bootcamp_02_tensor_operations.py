# Imitates Jose Portilla's "PyTorch for Deep Learning with Python Bootcamp" (Udemy), notebook
# "01-Tensor-Operations": indexing and slicing (x[:, 1], x[:, 1:]), view vs reshape (view(-1, 1), the view reflecting
# later changes, view on a transposed tensor), a + b, torch.add(a, b, out=...), a.mul_(b), dot / mm / matmul / @ and
# their shape errors, norm(), numel(), len(), and the exercises at the end of the section.
import numpy as np
import torch

x = torch.arange(6).reshape(3, 2)
print(x)
print(x[:, 1])
print(x[:, 1:])
x = torch.arange(10)
print(x.view(2, 5))
print(x.reshape(5, 2))
z = x.view(2, 5)
x[0] = 234
print(z)
print(x.view(2, -1))
print(x.view(-1, 5))
print(x.view(-1, 1).shape)

# %%
a = torch.tensor([1, 2, 3], dtype=torch.float)
b = torch.tensor([4, 5, 6], dtype=torch.float)
print(a + b)
print(torch.add(a, b))
result = torch.empty(3)
torch.add(a, b, out=result)
print(result)
a.add_(b)
print(a)
print(a.mul(b))
print(a.mul_(b))
print(a)
print(a * b, a / b, a - b, torch.sub(a, b), torch.div(a, b))
print(torch.mul(a, b), a ** 2, a % 3, torch.remainder(a, 3), a.pow(2))

# %%
a = torch.tensor([1, 2, 3], dtype=torch.float)
b = torch.tensor([4, 5, 6], dtype=torch.float)
print(a.dot(b), torch.dot(a, b))
a = torch.tensor([[0, 2, 4], [1, 3, 5]], dtype=torch.float)
b = torch.tensor([[6, 7], [8, 9], [10, 11]], dtype=torch.float)
print('a: ', a.size())
print('b: ', b.size())
print('a x b: ', torch.mm(a, b).size())
print(torch.mm(a, b))
print(a.mm(b))
print(a @ b)
print(torch.matmul(a, b))
t1 = torch.randn(2, 3, 4)
t2 = torch.randn(4, 5)
print(torch.matmul(t1, t2).shape)
print((t1 @ t2).shape)

# %%
a = torch.tensor([[0, 2, 4], [1, 3, 5]], dtype=torch.float)
for make in [
    lambda: torch.mm(a, a),
    lambda: a @ a,
    lambda: torch.matmul(a, a),
    lambda: a.mm(torch.ones(3)),
    lambda: torch.dot(a, a),
    lambda: torch.dot(torch.ones(3), torch.ones(4)),
    lambda: torch.dot(torch.ones(3), torch.ones(3, dtype=torch.int64)),
    lambda: torch.mm(a, torch.ones(3, 2, dtype=torch.int64)),
    lambda: a @ torch.ones(3, 2, dtype=torch.float64),
    lambda: torch.ones(2, 3, 4) @ torch.ones(2, 3, 4),
    lambda: torch.ones(3) @ torch.ones(4),
    lambda: torch.add(a, torch.ones(3), out=torch.empty(3)),
    lambda: torch.add(a, a, out=torch.empty(2, 3, dtype=torch.int64)),
    lambda: torch.arange(3).mul_(torch.tensor([1.5, 2.0, 3.0])),
    lambda: a.t().view(-1, 1),
    lambda: a.view(4, 2),
    lambda: a.view(-1, -1),
]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.tensor([2., 3., 4., 5.])
print(x.norm())
print(x.norm(1), x.norm(p=float('inf')), torch.norm(x))
print(x.numel(), len(x))
x = torch.ones(3, 7)
print(x.numel(), len(x), x.nelement())
print(x.norm(dim=1), torch.linalg.norm(x))
try:
    torch.arange(4).norm()
except Exception as e:
    print(type(e).__name__, e)
out = torch.empty(2)
res = torch.add(torch.ones(2), 1, out=out)
print(res is out, out)
out = torch.empty(5)
torch.add(torch.ones(2), 1, out=out)
print(out)

# %%
# Tensor Basics Exercises
np.random.seed(42)
arr = np.random.randint(0, 5, 6)
print(arr)
x = torch.from_numpy(arr)
print(x)
print(x.type())
x = x.type(torch.int64)
print(x.type())
x = x.view(3, 2)
print(x)
print(x[:, 1])
print(x[:, 1:])
print(x * x)
torch.manual_seed(42)
y = torch.randint(0, 5, (2, 3))
print(y)
print(x.mm(y))
try:
    print(x.mm(y.float()))
except Exception as e:
    print(type(e).__name__, e)
