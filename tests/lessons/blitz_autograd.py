# Imitates the autograd section of PyTorch's 60 minute blitz, current version then the older Variable-era notebook.
import torch

# %%
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
print(Q)

# %%
external_grad = torch.tensor([1., 1.])
Q.backward(gradient=external_grad)

# %%
# check if collected gradients are correct
print(9*a**2 == a.grad)
print(-2*b == b.grad)

# %%
a.grad, b.grad

# %%
torch.manual_seed(0)
x = torch.rand(5, 5)
y = torch.rand(5, 5)
z = torch.rand((5, 5), requires_grad=True)

a = x + y
print(f"Does `a` require gradients?: {a.requires_grad}")
b = x + z
print(f"Does `b` require gradients?: {b.requires_grad}")

# %%
print(Q.grad_fn)
print(Q.grad_fn.next_functions)

# %%
Q.sum().backward()

# %%
# --- the older 60 minute blitz "Autograd: automatic differentiation" notebook (x = ones(2, 2), y = x + 2 ...) ---
import torch

# %%
x = torch.ones(2, 2, requires_grad=True)
print(x)

# %%
y = x + 2
print(y)

# %%
print(y.grad_fn)

# %%
z = y * y * 3
out = z.mean()
print(z, out)

# %%
a = torch.randn(2, 2) if False else torch.tensor([[0.5, -1.2], [2.0, 0.3]])
a = ((a * 3) / (a - 1))
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)

# %%
out.backward()
print(x.grad)

# %%
x = torch.tensor([0.4, -1.1, 0.9], requires_grad=True)
y = x * 2
while y.data.norm() < 1000:
    y = y * 2
print(y)

# %%
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(v)
print(x.grad)

# %%
print(x.requires_grad)
print((x ** 2).requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)

# %%
print(x.requires_grad)
y = x.detach()
print(y.requires_grad)
print(x.eq(y).all())
