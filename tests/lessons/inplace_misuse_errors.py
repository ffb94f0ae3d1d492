# Imitates a lesson on in-place operations and autograd: the errors a learner meets and how to fix them.
import torch

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
w += 1

# %%
w.add_(1)

# %%
w[0] = 5.0

# %%
with torch.no_grad():
    w -= 0.1 * torch.tensor([1.0, 1.0])
print(w)

# %%
a = torch.tensor([0.5, 1.5], requires_grad=True)
b = a.exp()
b.add_(1)
b.sum().backward()

# %%
a = torch.tensor([0.5, 1.5], requires_grad=True)
b = torch.sigmoid(a)
b.mul_(2)
b.sum().backward()

# %%
a = torch.tensor([0.5, 1.5], requires_grad=True)
b = a * 2
c = b * b
b += 1
c.sum().backward()

# %%
a = torch.tensor([0.5, 1.5], requires_grad=True)
b = a * 2
c = b + 1
b += 1
c.sum().backward()
print(a.grad)

# %%
a = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
b = a * 1
b[1] = 0.0
b.sum().backward()
print(a.grad)

# %%
a = torch.tensor([0.5, -1.5], requires_grad=True)
b = torch.tanh(a)
b.zero_()
b.sum().backward()
print(a.grad)

# %%
x = torch.tensor([1, 2, 3], dtype=torch.float32)
x.requires_grad = True
print(x)
y = torch.tensor([1, 2, 3])
y.requires_grad = True

# %%
torch.tensor([1, 2, 3], requires_grad=True)
