# Imitates PyTorch's note "Autograd mechanics": saved tensors, grad modes (requires_grad, no_grad, inference_mode,
# eval), in-place correctness checks and version counters.
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
x = torch.randn(5, requires_grad=True)
y = x.pow(2)
print(x.equal(y.grad_fn._saved_self))  # True
print(x is y.grad_fn._saved_self)  # True

# %%
x = torch.randn(5, requires_grad=True)
y = x.exp()
print(y.equal(y.grad_fn._saved_result))  # True
print(y is y.grad_fn._saved_result)  # False

# %%
print(y.grad_fn._saved_result if hasattr(y.grad_fn, "_saved_result") else "no _saved_result")
z = x * 3
print(z.grad_fn._saved_other, z.grad_fn._saved_self)

# %%
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
for p in model[0].parameters():
    p.requires_grad_(False)
out = model(torch.randn(2, 4)).sum()
out.backward()
print(model[0].weight.grad, model[2].weight.grad is not None)
print([n for n, p in model.named_parameters() if p.requires_grad])

# %%
a = torch.ones(2, requires_grad=True)
with torch.no_grad():
    b = a * 2
print(b.requires_grad, b.grad_fn)
with torch.inference_mode():
    c = a * 2
print(c.requires_grad, c.grad_fn)

# %%
torch.set_grad_enabled(False)
e = a * 2
print(e.requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(True)
print((a * 2).requires_grad, torch.is_grad_enabled())

# %%
m = nn.Dropout(0.5)
m.eval()
print(m.training, m(torch.ones(4)).requires_grad)
m.train()
print(m.training)

# %%
a = torch.randn(3, requires_grad=True)
b = a.sigmoid()
print(b._version)
b.mul_(2)
print(b._version)
try:
    b.sum().backward()
except RuntimeError as e:
    print(e)

# %%
a = torch.randn(3, requires_grad=True)
b = a * 2
c = b.exp()
b.add_(1)
try:
    c.sum().backward()
except RuntimeError as e:
    print(e)

# %%
a = torch.randn(3, requires_grad=True)
b = a * 2
c = b ** 2
b[0] = 0.0
print(b._version, b.grad_fn)
try:
    c.sum().backward()
except RuntimeError as e:
    print(e)

# %%
a = torch.randn(3, requires_grad=True)
b = a + 1
c = b * b
b.add_(1)
try:
    c.backward(torch.ones(3))
except RuntimeError as e:
    print(e)

# %%
# in-place on a leaf that requires grad
w = torch.ones(2, requires_grad=True)
try:
    w.add_(1)
except RuntimeError as e:
    print(e)
with torch.no_grad():
    w.add_(1)
print(w, w._version)

# %%
# in-place is fine when nothing saved the old value
a = torch.randn(3, requires_grad=True)
b = a * 2
b.add_(1)
b.sum().backward()
print(a.grad, b.grad_fn)

# %%
x = torch.ones(2, 2, requires_grad=True)
y = x.clone()
yv = y[0]
yv.mul_(3)
print(y.grad_fn, yv.grad_fn)
y.sum().backward()
print(x.grad)
