# Imitates a lesson on non-smooth functions: what gradient autograd picks at kinks of relu, abs, clamp, max and where.
import torch
import torch.nn.functional as F

# %%
x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
F.relu(x).sum().backward()
print(x.grad)

# %%
x.grad = None
torch.abs(x).sum().backward()
print(x.grad)

# %%
x.grad = None
torch.clamp(x, min=0.0, max=2.0).sum().backward()
print(x.grad)

# %%
x.grad = None
x.clamp(min=-1.0).sum().backward()
print(x.grad)

# %%
x.grad = None
y = torch.where(x > 0, x ** 2, -x)
print(y)
y.sum().backward()
print(x.grad)

# %%
x.grad = None
torch.max(x).backward()
print(x.grad)

# %%
t = torch.tensor([3.0, 3.0, 1.0], requires_grad=True)
t.max().backward()
print(t.grad)

# %%
t.grad = None
t.amax().backward()
print(t.grad)

# %%
t.grad = None
vals, idx = t.max(dim=0)
print(vals, idx)
vals.backward()
print(t.grad)

# %%
z = torch.tensor([0.0, 4.0], requires_grad=True)
torch.maximum(z, torch.tensor([0.0, 5.0])).sum().backward()
print(z.grad)

# %%
u = torch.tensor([-2.0, 0.0, 0.5], requires_grad=True)
(torch.relu(u) * torch.sign(u)).sum().backward()
print(u.grad)
