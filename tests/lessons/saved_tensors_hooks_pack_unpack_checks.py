# PyTorch's tutorial "Hooks for autograd saved tensors" (intermediate_source/autograd_saved_tensors_hooks_tutorial.py)
# and the autograd mechanics notes: pack/unpack hooks that print what is saved for a small MLP-like graph, hooks
# that return the wrong thing (and the errors PyTorch gives), per-tensor hooks on grad_fn._raw_saved_*, save_on_cpu,
# disable_saved_tensors_hooks and nested hook contexts.
import torch
import torch.nn as nn
# %%
def pack_hook(x):
    print("Packing", x)
    return x
def unpack_hook(x):
    print("Unpacking", x)
    return x
a = torch.ones(5, requires_grad=True)
b = torch.ones(5, requires_grad=True) * 2
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = a * b
y.sum().backward()
# %%
def pack(x):
    print("pack", tuple(x.shape), x.requires_grad, x.grad_fn)
    return x.shape, x.detach()
def unpack(t):
    print("unpack", t[0])
    return t[1]
x = torch.randn(2, 3, requires_grad=True)
w = torch.randn(3, 4, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    h = x @ w
    r = h.relu()
    s = r.sigmoid().sum()
    p = torch.tanh(h).pow(2).mean()
    q = torch.nn.functional.softmax(h, dim=1)
    l = torch.log(q).sum()
s.backward(retain_graph=True)
p.backward()
l.backward()
print(x.grad.shape, w.grad.shape)
# %%
try:
    with torch.autograd.graph.saved_tensors_hooks(lambda x: 1, lambda x: x):
        y = a.pow(2)
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    with torch.autograd.graph.saved_tensors_hooks(lambda x: x, lambda x: 1):
        y = a.pow(2)
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
with torch.autograd.graph.saved_tensors_hooks(lambda x: x, lambda x: None):
    y = a.pow(2)
try:
    y.grad_fn._saved_self
except Exception as e:
    print(type(e).__name__, e)
# %%
with torch.autograd.graph.saved_tensors_hooks(lambda x: x * 0, lambda x: x):
    y = a.pow(2)
print(y.grad_fn._saved_self)
print(y.grad_fn._raw_saved_self)
with torch.autograd.graph.saved_tensors_hooks(lambda x: "packed", lambda x: torch.zeros(5)):
    y = a.pow(2)
print(y.grad_fn._saved_self)
y.grad_fn._raw_saved_self.register_hooks(lambda x: x, lambda x: x)
# %%
y = a.pow(2)
def p2(x): print("p2"); return x
def u2(x): print("u2"); return x
y.grad_fn._raw_saved_self.register_hooks(p2, u2)
print(y.grad_fn._saved_self)
try:
    y.grad_fn._raw_saved_self.register_hooks(p2, u2)
except Exception as e:
    print(type(e).__name__, e)
try:
    y.grad_fn._raw_saved_exponent
except Exception as e:
    print(type(e).__name__, e)
print(y.grad_fn._saved_exponent)
try:
    a.pow(2).grad_fn._raw_saved_self.register_hooks(p2)
except Exception as e:
    print(type(e).__name__, e)
for args, kwargs in [((1, 2), {}), ((p2, u2, p2), {}), ((), dict(pack_hook=p2, unpack_hook=u2))]:
    try:
        a.pow(2).grad_fn._raw_saved_self.register_hooks(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
# %%
with torch.autograd.graph.save_on_cpu(pin_memory=False):
    y = (a * b).exp()
print(y.grad_fn._saved_result)
y.sum().backward()
print(a.grad)
print(torch.autograd.graph.save_on_cpu.__mro__[1].__name__)
with torch.autograd.graph.disable_saved_tensors_hooks("no hooks here"):
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
            pass
    except Exception as e:
        print(type(e).__name__, e)
# %%
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    with torch.autograd.graph.saved_tensors_hooks(lambda x: print("inner") or x, lambda x: x):
        y = a.sin()
    z = a.cos()
y.sum().backward(); z.sum().backward()
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    with torch.no_grad():
        y = a.sin()
    lin = nn.Linear(2, 1)
    out = lin(torch.ones(1, 2))
