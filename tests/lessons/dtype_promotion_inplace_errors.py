# Imitates the dtype and in-place sections of beginner courses (PyTorch docs "Type promotion", common forum errors):
# result_type / promote_types / can_cast, int vs float arithmetic, integer division, in-place ops that change dtype,
# leaf in-place errors, requires_grad on integer tensors, and the version-counter error after an in-place op.
import torch

# %%
a = torch.tensor([1, 2, 3])
b = torch.tensor([0.5, 1.5, 2.5])
print(a.dtype, b.dtype, (a + b).dtype, (a * 2).dtype, (a * 2.0).dtype, (a / 2).dtype, (a // 2).dtype)
print(torch.result_type(a, b), torch.result_type(a, 1.0), torch.promote_types(torch.int32, torch.float16))
print(torch.can_cast(torch.double, torch.float), torch.can_cast(torch.float, torch.int))
print((torch.tensor([1], dtype=torch.uint8) + torch.tensor([1], dtype=torch.int8)).dtype)
print((torch.tensor(True) + torch.tensor(1)).dtype, (torch.tensor([True]) + 1.5).dtype)

# %%
d = torch.tensor([1.0], dtype=torch.float64)
f = torch.tensor([1.0])
print((d + f).dtype, (f + torch.tensor(1.0, dtype=torch.float64)).dtype, (torch.tensor([1]) + torch.tensor(2.5, dtype=torch.float64)).dtype)
print(torch.tensor([5, -5]) // 2, torch.tensor([5, -5]) % 3, torch.div(torch.tensor([5, -5]), 2, rounding_mode='trunc'))
print(torch.tensor([7]) / torch.tensor([2]), torch.true_divide(torch.tensor(7), 2))

# %%
a = torch.tensor([1, 2, 3])
a += 1
print(a)
a.add_(2.5)

# %%
a.mul_(torch.tensor([1.5, 1.5, 1.5]))

# %%
i = torch.tensor([1, 2, 3])
i = i.float()
i /= 2
print(i)
i2 = torch.tensor([4, 6])
i2 //= 4
print(i2)
i3 = torch.tensor([4, 6])
i3 /= 4

# %%
torch.tensor([1, 2, 3], requires_grad=True)

# %%
torch.arange(3).requires_grad_()

# %%
w = torch.ones(3, requires_grad=True)
w += 1

# %%
w = torch.ones(3, requires_grad=True)
w[0] = 5.0

# %%
w = torch.ones(3, requires_grad=True)
with torch.no_grad():
    w -= 0.1 * torch.ones(3)
    w[0] = 2.0
print(w, w.is_leaf, w.requires_grad)

# %%
x = torch.ones(3, requires_grad=True)
y = x.exp()
y.add_(1)
y.sum().backward()

# %%
x = torch.ones(3, requires_grad=True)
y = x * 2
z = y ** 2
y.add_(1)
z.sum().backward()

# %%
x = torch.ones(3, requires_grad=True)
y = torch.sigmoid(x)
y.mul_(2)
y.sum().backward()

# %%
x = torch.ones(2, 2, requires_grad=True)
y = x.view(-1)
y.add_(1)

# %%
x = torch.ones(2, 2, requires_grad=True)
y = x * 1
v = y.view(-1)
v.add_(1)
print(y.grad_fn, v.grad_fn)
y.sum().backward()
print(x.grad)
print(y._version, v._version)

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
x.data.add_(1)
print(x, x._version)
xd = x.detach()
xd.zero_()
print(x)
y = x.relu_() if False else torch.relu(x)
print(y)

# %%
t = torch.zeros(3, dtype=torch.int64)
t[0] = 2.7
t[1] = True
print(t)
t.fill_(1.9)
print(t)
print(torch.zeros(2, dtype=torch.bool) | torch.tensor([True, False]))
print(torch.tensor([1, 2]).to(torch.float16) / 3)

# %%
f16 = torch.tensor([65504.0], dtype=torch.float16)
print(f16 * 2, f16.float() * 2)
print(torch.tensor([0.1], dtype=torch.float16) + torch.tensor([0.2], dtype=torch.float16))
print(torch.finfo(torch.float16).eps, torch.finfo(torch.float32).max, torch.iinfo(torch.int8).min)
print(torch.tensor([300]).to(torch.uint8), torch.tensor([-1]).to(torch.uint8))

# %%
torch.ones(2, dtype=torch.long) @ torch.ones(2)

# %%
torch.nn.Linear(2, 1)(torch.tensor([[1, 2]]))

# %%
torch.nn.functional.mse_loss(torch.ones(2), torch.tensor([1, 2]))

# %%
torch.nn.functional.cross_entropy(torch.randn(2, 3), torch.tensor([0.0, 1.0]))
