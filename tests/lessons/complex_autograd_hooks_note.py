# Imitates the complex-numbers part of PyTorch's note "Autograd mechanics" (and its tensor-hooks section): the
# conjugate Wirtinger convention, gradients of real-valued losses of complex inputs, view_as_real, grad of abs/angle,
# and register_hook / Node hooks / register_multi_grad_hook / post-accumulate hooks.
import torch

# %%
torch.manual_seed(0)
z = torch.randn(3, dtype=torch.cfloat, requires_grad=True)
loss = (z * z.conj()).real.sum()
loss.backward()
print(z.grad, torch.allclose(z.grad, 2 * z.detach()))
print(loss.grad_fn, loss.grad_fn.next_functions)

# %%
z = torch.tensor([1 + 2j, -3 + 0.5j], requires_grad=True)
for f in (torch.abs, torch.angle, lambda t: t.real, lambda t: t.imag, lambda t: (t * t).abs(), lambda t: torch.view_as_real(t).sum(-1)):
    z.grad = None
    f(z).sum().backward()
    print(z.grad)

# %%
z = torch.tensor(2 + 1j, requires_grad=True)
y = z.exp()
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
y.backward(torch.tensor(1 + 0j))
print(z.grad, y.grad_fn)
g, = torch.autograd.grad((z.conj() * z).real, z)
print(g)

# %%
x = torch.randn(3, dtype=torch.double, requires_grad=True)
c = torch.complex(x, x * 2)
p = torch.polar(x.abs(), x)
(c.abs().sum() + p.real.sum()).backward()
print(x.grad, c.grad_fn, p.grad_fn)
print(torch.view_as_complex(torch.stack([x, x], -1)).grad_fn)

# %%
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 3
h = b.register_hook(lambda g: g * 10)
b.grad_fn.register_hook(lambda gin, gout: print("post", gin, gout))
b.grad_fn.register_prehook(lambda gout: print("pre", gout))
b.sum().backward()
print(a.grad)
h.remove()
a.grad = None
b = a * 3
b.sum().backward()
print(a.grad)

# %%
x = torch.ones(2, requires_grad=True)
y = torch.ones(2, requires_grad=True)
def multi(grads):
    print("multi", [None if g is None else g.tolist() for g in grads])
h = torch.autograd.graph.register_multi_grad_hook((x, y), multi)
(x * 2 + y * 3).sum().backward()
x.sum().backward()
h.remove()
acc = []
x.register_post_accumulate_grad_hook(lambda p: acc.append(p.grad.clone()))
(x * 5).sum().backward()
print(acc, x.grad)
try:
    (x * 2).register_post_accumulate_grad_hook(lambda p: None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.ones(2).register_hook(lambda g: g)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
x = torch.ones(3, requires_grad=True)
y = x * 2
y.register_hook(lambda g: g.sum())
try:
    y.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
y = x * 2
y.register_hook(lambda g: g.double())
try:
    y.sum().backward()
    print(x.grad)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
x = torch.ones(3, requires_grad=True)
with torch.autograd.graph.save_on_cpu():
    y = (x * x).sum()
y.backward()
print(x.grad)
def pack(t):
    return t.numpy().copy()
def unpack(a):
    return torch.from_numpy(a)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = x.sin() * x.cos()
y.sum().backward()
print(x.grad)
y = x.pow(3)
try:
    y.grad_fn._raw_saved_self.register_hooks(lambda t: t)
except TypeError as e:
    print(type(e).__name__, e)
try:
    y.grad_fn._raw_saved_self.register_hooks(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
