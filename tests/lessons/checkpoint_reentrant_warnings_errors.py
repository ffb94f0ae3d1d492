# Imitates the torch.utils.checkpoint docs and a "save memory with activation checkpointing" lesson: checkpoint with
# use_reentrant=True / False, the warnings when use_reentrant is not given or no input requires grad, gradients equal
# to the plain ones, checkpoint_sequential with segments, dropout with preserve_rng_state, kwargs and common mistakes.
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint, checkpoint_sequential

torch.set_warn_always(True)
torch.manual_seed(0)
lin = nn.Linear(4, 3)
def f(x, y):
    return torch.sigmoid(lin(x)) * y

x = torch.randn(2, 4, requires_grad=True)
y = torch.randn(2, 3, requires_grad=True)
for reent in (True, False):
    out = checkpoint(f, x, y, use_reentrant=reent)
    print(reent, out.grad_fn.name(), out.requires_grad, out.shape)
    out.pow(2).sum().backward()
    print(x.grad, y.grad, lin.bias.grad)
    x.grad = None; y.grad = None; lin.zero_grad()
ref = f(x, y); ref.pow(2).sum().backward()
print(x.grad, lin.weight.grad)

# %%
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    out = checkpoint(f, x, y)
for m in w:
    print(m.category.__name__, str(m.message)[:200])
print(out.grad_fn.name())

# %%
a = torch.randn(2, 4); b = torch.randn(2, 3)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    o1 = checkpoint(f, a, b, use_reentrant=True)
    o2 = checkpoint(f, a, b, use_reentrant=False)
for m in w:
    print(m.category.__name__, str(m.message))
print(o1.requires_grad, o1.grad_fn, o2.requires_grad, o2.grad_fn)

# %%
torch.manual_seed(1)
drop_net = nn.Sequential(nn.Linear(4, 6), nn.Dropout(0.5), nn.Linear(6, 2))
inp = torch.randn(3, 4, requires_grad=True)
torch.manual_seed(5)
o = checkpoint(drop_net, inp, use_reentrant=False)
o.sum().backward()
g_ckpt = inp.grad.clone(); inp.grad = None
torch.manual_seed(5)
drop_net(inp).sum().backward()
print(torch.equal(g_ckpt, inp.grad), o)

# %%
seq = nn.Sequential(*[nn.Sequential(nn.Linear(5, 5), nn.Tanh()) for _ in range(4)])
z = torch.randn(2, 5, requires_grad=True)
for segs in (1, 2, 4):
    o = checkpoint_sequential(seq, segs, z, use_reentrant=True)
    o.sum().backward()
    print(segs, o.grad_fn.name(), z.grad.sum().item())
    z.grad = None
o = checkpoint_sequential(seq, 3, z, use_reentrant=False)
print(o.grad_fn.name(), o.sum())

# %%
def g(x, scale=1.0):
    return x * scale
try:
    checkpoint(g, x, scale=2.0, use_reentrant=True)
except Exception as e:
    print(type(e).__name__, e)
o = checkpoint(g, x, scale=2.0, use_reentrant=False)
print(o.grad_fn.name(), o[0])
try:
    torch.autograd.grad(checkpoint(f, x, y, use_reentrant=True).sum(), x)
except Exception as e:
    print(type(e).__name__, e)
print(torch.autograd.grad(checkpoint(f, x, y, use_reentrant=False).sum(), x))
try:
    checkpoint(f, x, y, use_reentrant=False, foo=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    checkpoint_sequential(seq, 2, z, z, use_reentrant=False)
except Exception as e:
    print(type(e).__name__, e)
