# Imitates PyTorch's note "Autograd mechanics" typed cell by cell: requires_grad on leaves and non-leaves, saved
# tensors and their hooks (_raw_saved_*, saved_tensors_hooks, disable_saved_tensors_hooks), in-place correctness
# checks and their errors, grad modes (no_grad, enable_grad, set_grad_enabled, inference_mode) and tensor hooks
# when a tensor is modified in place.
import torch

# %%
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
y = x * 2
print(x.is_leaf, y.is_leaf, y.requires_grad, y.grad_fn, type(y.grad_fn).__name__)
try:
    y.requires_grad_(False)
except RuntimeError as e:
    print(type(e).__name__, e)
print(y.detach().requires_grad, y.detach().is_leaf)

# %%
x = torch.randn(5, requires_grad=True)
y = x.pow(2)
print(y.grad_fn._saved_exponent, y.grad_fn._saved_self is x)
print(type(y.grad_fn._raw_saved_self).__name__)
y.sum().backward()
try:
    y.grad_fn._saved_self
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    y.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
x = torch.randn(5, requires_grad=True)
y = x.pow(2)
y.grad_fn._raw_saved_self.register_hooks(lambda t: t * 4, lambda t: t / 2)
y.sum().backward()
print(x.grad)
try:
    y2 = x.exp()
    y2.grad_fn._raw_saved_result.register_hooks(lambda t: t, lambda t: t)
    y2.grad_fn._raw_saved_result.register_hooks(lambda t: t, lambda t: t)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
def pack_hook(t):
    print("packing", tuple(t.shape))
    return t
def unpack_hook(t):
    print("unpacking", tuple(t.shape))
    return t
a = torch.ones(5, requires_grad=True)
b = torch.ones(5, requires_grad=True) * 2
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = a * b
y.sum().backward()
print(a.grad, b.grad)

# %%
with torch.autograd.graph.disable_saved_tensors_hooks("saving is off here"):
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
print(torch.autograd.graph.saved_tensors_hooks)

# %%
a = torch.randn(3, requires_grad=True)
b = a.sigmoid()
b.mul_(2)
print(b._version, b.grad_fn)
try:
    b.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
a = torch.randn(3, requires_grad=True)
try:
    a.add_(1)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    a.add_(1)
print(a._version, a.requires_grad, a.grad_fn)

# %%
x = torch.ones(2, 2, requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad)
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.no_grad():
    with torch.enable_grad():
        z = x * 2
print(z.requires_grad, z.grad_fn)

@torch.no_grad()
def f(t):
    return t * 2
print(f(x).requires_grad)

# %%
with torch.inference_mode():
    t = torch.ones(2, 2)
    u = x * 3
print(t.is_inference(), u.is_inference(), u.requires_grad, torch.is_inference_mode_enabled())
try:
    t.add_(1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    (x * t).sum().backward()
    print(x.grad)
except RuntimeError as e:
    print(type(e).__name__, e)
w = torch.ones(2, 2, requires_grad=True)
try:
    torch.mul(w, t.clone()).sum().backward(); print(w.grad)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
with torch.inference_mode():
    v = torch.ones(3)
try:
    torch.ones(3, requires_grad=True).mul(v).sum().backward()
    print("ok")
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    v.requires_grad_()
    print(v.requires_grad)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.inference_mode(mode=False):
    print(torch.is_inference_mode_enabled())

# %%
t = torch.tensor(1., requires_grad=True).sin()
t.cos_()
t.exp_()
print(t.grad_fn, t.grad_fn.next_functions)
t = torch.tensor(1., requires_grad=True).clone()
t.register_hook(lambda g: print("hook 1", g))
t.mul_(2)
t.register_hook(lambda g: print("hook 2", g))
t.backward()

# %%
x = torch.randn(4, requires_grad=True)
y = x * 2
y.retain_grad()
z = y.clone()
y.add_(1)
(z * y).sum().backward()
print(y.grad, x.grad)

# %%
torch.manual_seed(1)
x = torch.randn(4, requires_grad=True)
b = x.clone()
v = b[1:3]
v.retain_grad()
v.mul_(5)
v.exp_()
(v.sum() + b.sum()).backward()
print(v.grad, x.grad, b.grad_fn)
y = x * 1
y.retain_grad()
y.relu_()
y.sum().backward()
print(y.grad, y.retains_grad, y.grad_fn)
