# Imitates "how autograd works" notebooks: recursive graph printers over next_functions, node hooks, multi-grad hooks.
import torch

# %%
x = torch.tensor(2.0, requires_grad=True)
w = torch.tensor(3.0, requires_grad=True)
b = torch.tensor(1.0)
y = w * x + b
z = torch.relu(y) ** 2
print(z.grad_fn.next_functions)
print(y.grad_fn.next_functions)
print(y.grad_fn.next_functions[0][0].next_functions)

# %%
def show(fn, depth=0):
    if fn is None:
        print("  " * depth + "None")
        return
    extra = ""
    if hasattr(fn, "variable"):
        extra = f" variable={fn.variable.item()}"
    print("  " * depth + fn.name() + extra)
    for nxt, idx in fn.next_functions:
        show(nxt, depth + 1)
show(z.grad_fn)

# %%
seen = set()
def count_nodes(fn):
    if fn is None or fn in seen:
        return
    seen.add(fn)
    for nxt, _ in fn.next_functions:
        count_nodes(nxt)
h = x * x
k = h + h * x
count_nodes(k.grad_fn)
print(len(seen), sorted(type(n).__name__ for n in seen))
print(k.grad_fn.next_functions[0][0] is k.grad_fn.next_functions[1][0].next_functions[0][0])
print(x.grad_fn, x.is_leaf, h.grad_fn.next_functions[0][0] == h.grad_fn.next_functions[1][0])

# %%
def pre(grad_outputs):
    print("pre", grad_outputs)
def post(grad_inputs, grad_outputs):
    print("post", grad_inputs, grad_outputs)
x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)
y = x * w
h1 = y.grad_fn.register_prehook(pre)
h2 = y.grad_fn.register_hook(post)
print(type(h1).__name__)
y.sum().backward()

# %%
h1.remove()
y = x * w
y.grad_fn.register_hook(lambda gi, go: (gi[0] * 0, gi[1]))
y.sum().backward()
print(x.grad, w.grad)

# %%
y = x * w
y.grad_fn.register_prehook(lambda go: (go[0] * 10,))
y.sum().backward()
print(x.grad, w.grad)

# %%
y = x * w
y.grad_fn.register_hook(lambda gi, go: gi[0])

# %%
try:
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
acc = (x * 2).grad_fn.next_functions[0][0]
acc.register_prehook(lambda go: print("acc pre", go))
acc.register_hook(lambda gi, go: print("acc post", gi, go))
x.grad = None
(x * 2).sum().backward()
print(x.grad)

# %%
a = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(3.0, requires_grad=True)
def multi(grads):
    print("multi", grads)
handle = torch.autograd.graph.register_multi_grad_hook((a, b, c), multi)
(a * b).backward()
(a * 2 + c).backward()
handle.remove()
(a * b).backward()

# %%
handle = torch.autograd.graph.register_multi_grad_hook((a, b), lambda g: print("any", g), mode="any")
(a * b * 3).backward()
handle.remove()
print(a.grad, b.grad, c.grad)

# %%
torch.autograd.graph.register_multi_grad_hook((a, b), lambda g: None, mode="some")

# %%
# a hook must hand back a tensor of the same type and size, or None
x = torch.tensor([1.0, 2.0], requires_grad=True)
for bad in (lambda g: g.double(), lambda g: g.sum(), lambda g: 0.0, lambda g: [g]):
    y = x * 3
    y.register_hook(bad)
    try:
        y.sum().backward()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)

# %%
def scale_inputs(grad_inputs, grad_outputs):
    return [g * 2 for g in grad_inputs]
y = x * w
y.grad_fn.register_hook(scale_inputs)
try:
    y.sum().backward()
except TypeError as e:
    print(e)

# %%
y = x * w
y.grad_fn.register_prehook(lambda go: (None,))
x.grad = w.grad = None
y.sum().backward()
print(x.grad, w.grad)
