# Imitates PyTorch's "Autograd mechanics: locally disabling gradient computation" and the inference_mode docs:
# no_grad vs inference_mode vs set_grad_enabled, decorators, inference tensors and their errors, eval mode.
import torch
import torch.nn as nn

# %%
x = torch.ones(2, 2, requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad, y.grad_fn, y.is_leaf)
with torch.inference_mode():
    z = x * 2
print(z.requires_grad, z.is_inference(), x.is_inference())

# %%
@torch.no_grad()
def doubler(x):
    return x * 2
@torch.inference_mode()
def tripler(x):
    return x * 3
print(doubler(x).requires_grad, tripler(x).requires_grad, tripler(x).is_inference())
print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())
with torch.inference_mode():
    print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())
with torch.inference_mode(mode=False):
    print(torch.is_inference_mode_enabled())

# %%
with torch.inference_mode():
    t = torch.ones(3)
try:
    t.add_(1)
except RuntimeError as e:
    print(e)
try:
    t.requires_grad_()
except RuntimeError as e:
    print(e)
w = torch.ones(3, requires_grad=True)
try:
    (w * t).sum().backward()
    print(w.grad)
except RuntimeError as e:
    print(e)

# %%
u = t.clone()
print(u.is_inference(), u.add_(1))
with torch.inference_mode():
    v = torch.ones(2)
    v.mul_(5)
print(v)
try:
    t.view(3, 1)
    print("view ok", t.view(3, 1).is_inference())
except RuntimeError as e:
    print(e)

# %%
is_train = False
with torch.set_grad_enabled(is_train):
    y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(False)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)
with torch.no_grad():
    with torch.enable_grad():
        y = x * 2
print(y.requires_grad)

# %%
@torch.enable_grad()
def f(x):
    return x * 2
with torch.no_grad():
    print(f(x).requires_grad)

class Gen:
    @torch.no_grad()
    def gen(self, n):
        for i in range(n):
            yield x * i
print([t.requires_grad for t in Gen().gen(3)])

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.5), nn.BatchNorm1d(8), nn.Linear(8, 2))
inp = torch.randn(5, 4)
model.eval()
with torch.no_grad():
    a = model(inp)
with torch.inference_mode():
    b = model(inp)
print(torch.equal(a, b), a.requires_grad, b.is_inference())
print(model[2].running_mean)
model.train()
with torch.no_grad():
    c = model(inp)
print(model[2].running_mean, model[2].num_batches_tracked)

# %%
p = nn.Parameter(torch.ones(2))
with torch.no_grad():
    p.mul_(3)
    q = p[0]
print(p, p.is_leaf, q.requires_grad)
with torch.no_grad():
    p2 = p.detach()
p2.zero_()
print(p)

# %%
with torch.no_grad():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    print(w.requires_grad, (w * 2).requires_grad)
print(torch.no_grad, type(torch.no_grad()).__name__, type(torch.inference_mode()).__name__)
print(torch.autograd.grad_mode.no_grad is torch.no_grad)
