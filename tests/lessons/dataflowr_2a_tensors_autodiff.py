# Imitates dataflowr (Marc Lelarge) module 2a "pytorch tensors" and 2b "automatic differentiation" notebooks:
# torch.Tensor vs torch.tensor, in-place ops with a trailing underscore, the numpy bridge and its shared memory,
# a linear regression fitted by hand with w.grad.data.zero_(), and the "dual numbers" comparison with
# torch.autograd.functional.jvp / vjp. Tiny sizes, synthetic data.
import numpy as np
import torch

# %%
x = torch.Tensor(2, 3)
print(x.shape, x.dtype, type(x))
y = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(y, y.dtype)
z = torch.Tensor([[1, 2, 3], [4, 5, 6]])
print(z, z.dtype)
print(torch.Tensor(3).shape, torch.tensor(3), torch.tensor(3).shape)
print(torch.tensor([1.5, 2]), torch.FloatTensor([1, 2]), torch.LongTensor([1.7, 2]))

# %%
# torch.Tensor is the class (a float32 constructor), torch.tensor the factory: the keywords of one do not fit the other
for make in [lambda: torch.Tensor([1, 2], dtype=torch.int64),
             lambda: torch.Tensor([[1., 2.]], requires_grad=True),
             lambda: torch.Tensor(2, 3, dtype=torch.float64),
             lambda: torch.Tensor(2.5, 3),
             lambda: torch.Tensor([1, 2], device="cpu"),
             lambda: torch.tensor([1, 2], dtype=torch.float64, requires_grad=True),
             lambda: torch.Tensor(torch.tensor([1, 2]), device="cpu"),
             lambda: torch.FloatTensor([1, 2], requires_grad=True)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
a = torch.ones(2, 3)
b = torch.rand(2, 3)
print(a.add(b))
print(a)
a.add_(b)
print(a)
a.mul_(2).sub_(1)
print(a)
c = torch.zeros(2, 2, dtype=torch.long)
try:
    c.add_(0.5)
except Exception as e:
    print(type(e).__name__, e)
print(c.float().add_(0.5))
a.zero_()
a.fill_(3.5)
print(a, a.t_() if False else a.t())

# %%
n = np.ones((2, 3))
t = torch.from_numpy(n)
print(t, t.dtype)
np.add(n, 1, out=n)
print(t)
t.mul_(2)
print(n)
m = t.numpy()
m[0, 0] = -1
print(t)
t2 = torch.tensor(n)
t2[0, 0] = 100
print(n[0, 0], t2[0, 0].item())
print(torch.as_tensor(n).data_ptr() == t.data_ptr())
print(torch.from_numpy(np.arange(4, dtype=np.int32)), torch.from_numpy(np.array([True, False])))

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    w.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(w.detach().numpy(), w.data.numpy())
try:
    w.add_(1)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
X = torch.randn(30, 2)
w_true = torch.tensor([[2.0], [-3.4]])
b_true = 4.2
Y = X @ w_true + b_true + 0.01 * torch.randn(30, 1)
w = torch.randn(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.1
for epoch in range(30):
    y_pred = X.mm(w) + b
    loss = (y_pred - Y).pow(2).mean()
    loss.backward()
    w.data = w.data - lr * w.grad.data
    b.data -= lr * b.grad.data
    w.grad.data.zero_()
    b.grad.data.zero_()
    if epoch % 10 == 0:
        print(epoch, loss.item())
print(w.data.t(), b.data, w.grad, b.grad)
print(loss, loss.grad_fn, loss.grad_fn.next_functions)

# %%
y_pred = X.mm(w) + b
loss = (y_pred - Y).pow(2).mean()
print(y_pred.is_leaf, y_pred.grad_fn.name())
loss.backward()
print(y_pred.grad)
try:
    loss.backward()
except Exception as e:
    print(type(e).__name__, str(e)[:90])

# %%
def f(x):
    return x ** 2 + 3 * x.sin()

x0 = torch.tensor([1.0, 2.0])
v = torch.ones(2)
out, jv = torch.autograd.functional.jvp(f, x0, v)
print(out, jv)
print(2 * x0 + 3 * x0.cos())
out, vj = torch.autograd.functional.vjp(f, x0, v)
print(out, vj)
print(torch.autograd.functional.jacobian(f, x0))
try:
    torch.autograd.functional.jvp(f, x0, torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
print(torch.autograd.functional.jvp(lambda a, b: a * b, (x0, x0), (v, v)))
print(torch.autograd.functional.jvp(f, x0))

# %%
# the 'dual numbers' comparison: strict mode refuses a function whose output does not depend on its input
for make in [lambda: torch.autograd.functional.jvp(lambda x: torch.ones(2), x0, v, strict=True),
             lambda: torch.autograd.functional.jvp(lambda x: torch.ones(2), x0, v),
             lambda: torch.autograd.functional.jvp(lambda x, y: x * 2, (x0, x0), (v, v), strict=True),
             lambda: torch.autograd.functional.jvp(f, [x0], [v]),
             lambda: torch.autograd.functional.jvp(lambda x: x.sum().item(), x0, v),
             lambda: torch.autograd.functional.hvp(lambda x: (x * 3).sum(), x0, v, strict=True),
             lambda: torch.autograd.functional.hvp(lambda x: (x ** 3).sum(), x0, v)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
import torch.autograd.forward_ad as fwAD
with fwAD.dual_level():
    dual = fwAD.make_dual(x0, v)
    y = f(dual)
    p, t = fwAD.unpack_dual(y)
    print(p, t)
    print(fwAD.unpack_dual(dual).tangent)
