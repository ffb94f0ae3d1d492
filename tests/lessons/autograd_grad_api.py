# Imitates a lesson on torch.autograd.grad: several inputs, grad_outputs, allow_unused, and the usual error messages.
import torch

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([0.5, -1.0], requires_grad=True)
loss = (w * x ** 2).sum()
gx, gw = torch.autograd.grad(loss, [x, w])
print(gx, gw)
print(x.grad, w.grad)

# %%
y = x * w
torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y))

# %%
torch.autograd.grad(y, x)

# %%
z = torch.tensor(3.0, requires_grad=True)
torch.autograd.grad((x * 2).sum(), [x, z])

# %%
torch.autograd.grad((x * 2).sum(), [x, z], allow_unused=True)

# %%
out = (x ** 2).sum()
torch.autograd.grad(out, x)
torch.autograd.grad(out, x)

# %%
out = (x ** 2).sum()
print(torch.autograd.grad(out, x, retain_graph=True))
print(torch.autograd.grad(out, x))

# %%
plain = torch.tensor([1.0, 2.0])
torch.autograd.grad(plain.sum(), plain)

# %%
torch.autograd.grad(outputs=[(x * 2).sum(), (x * 3).sum()], inputs=x)

# %%
x.grad is None, w.grad is None
