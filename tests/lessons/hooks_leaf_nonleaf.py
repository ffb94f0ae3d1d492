# Imitates lessons on leaf vs non-leaf tensors and hooks: is_leaf, the non-leaf .grad warning, retain_grad,
# register_hook.
import torch

# %%
torch.manual_seed(0)
a = torch.rand(10, requires_grad=True)
print(a.is_leaf)
b = torch.rand(10, requires_grad=True) + 2
print(b.is_leaf)
c = torch.rand(10)
print(c.is_leaf)
d = torch.rand(10).requires_grad_()
print(d.is_leaf)
e = torch.rand(10, requires_grad=True).double()
print(e.is_leaf)
f = torch.rand(10, requires_grad=True).detach()
print(f.is_leaf)

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
loss = y.sum()
loss.backward()
print(x.grad)
print(y.grad)

# %%
y.grad

# %%
y = x * 3
y.retain_grad()
y.sum().backward()
print(y.grad)

# %%
print(loss.grad_fn, loss.is_leaf, loss.requires_grad)
print(x.grad_fn, x.is_leaf)

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True).float()
w.sum().backward()
print(w.grad)

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True) * 1
(w * w).sum().backward()
w.grad is None

# %%
# --- a lesson on tensor hooks: register_hook to inspect/modify gradients, retain_grad on intermediates,
# handle.remove() ---
import torch

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
z = y ** 2
out = z.mean()
out.backward()
print(x.grad)
print(y.grad)

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y.retain_grad()
z = y ** 2
z.retain_grad()
out = z.mean()
out.backward()
print(y.grad)
print(z.grad)
print(y.is_leaf, y.retains_grad, x.retains_grad)

# %%
def print_grad(grad):
    print("gradient arriving at y:", grad)

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
handle = y.register_hook(print_grad)
(y ** 2).sum().backward()
print(x.grad)

# %%
handle.remove()
x.grad = None
y = x * 2
(y ** 2).sum().backward()
print(x.grad)

# %%
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
h = x.register_hook(lambda grad: grad.clamp(min=0))
(x * torch.tensor([1.0, 1.0, -1.0])).sum().backward()
print(x.grad)
h.remove()

# %%
grads = {}
def save_grad(name):
    def hook(grad):
        grads[name] = grad
    return hook

a = torch.tensor([0.3, 0.7], requires_grad=True)
b = torch.sigmoid(a)
c = b * 10
b.register_hook(save_grad('b'))
c.register_hook(save_grad('c'))
c.sum().backward()
print(grads['b'])
print(grads['c'])

# %%
x = torch.tensor(2.0, requires_grad=True)
x.register_hook(lambda g: g * 100)
y = x ** 2
y.backward()
x.grad

# %%
plain = torch.tensor([1.0, 2.0])
plain.register_hook(lambda g: g)
