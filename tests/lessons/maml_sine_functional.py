# Imitates a MAML tutorial on sine regression: an inner loop adapts weights with create_graph=True, written both
# with explicit weight lists and with torch.func.functional_call, then the meta-gradient flows through the inner step.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call

torch.manual_seed(1)

def sample_task(n=10):
    amp = torch.rand(1) * 4.9 + 0.1
    phase = torch.rand(1) * math.pi
    x = torch.rand(n, 1) * 10 - 5
    return x, amp * torch.sin(x + phase)

net = nn.Sequential(nn.Linear(1, 40), nn.ReLU(), nn.Linear(40, 40), nn.ReLU(), nn.Linear(40, 1))
params = dict(net.named_parameters())
print(list(params.keys()))
x, y = sample_task()
print(x.shape, y[:3].squeeze())

# %%
inner_lr = 0.01
loss = F.mse_loss(functional_call(net, params, (x,)), y)
grads = torch.autograd.grad(loss, params.values(), create_graph=True)
print(loss, [g.grad_fn is not None for g in grads][:2])
fast = {n: p - inner_lr * g for (n, p), g in zip(params.items(), grads)}
print(fast["0.weight"].grad_fn)
xq, yq = sample_task()
meta_loss = F.mse_loss(functional_call(net, fast, xq), yq)
meta_loss.backward()
print(meta_loss, net[0].weight.grad.norm())

# %%
meta_opt = torch.optim.Adam(net.parameters(), lr=1e-3)
for it in range(3):
    meta_opt.zero_grad()
    total = 0.0
    for _ in range(4):
        x, y = sample_task()
        xq, yq = sample_task()
        p = dict(net.named_parameters())
        l = F.mse_loss(functional_call(net, p, x), y)
        g = torch.autograd.grad(l, list(p.values()), create_graph=True)
        p = {k: v - inner_lr * gi for (k, v), gi in zip(p.items(), g)}
        ql = F.mse_loss(functional_call(net, p, xq), yq)
        ql.backward()
        total += ql.item()
    meta_opt.step()
    print(it, round(total / 4, 4))

# %%
# first-order MAML: detach the inner gradients
x, y = sample_task()
p = dict(net.named_parameters())
g = torch.autograd.grad(F.mse_loss(functional_call(net, p, x), y), list(p.values()))
print(g[0].requires_grad, g[0].grad_fn)
p2 = {k: v - inner_lr * gi for (k, v), gi in zip(p.items(), g)}
out = functional_call(net, p2, (x,), strict=True)
print(out.shape, out.grad_fn)
try:
    functional_call(net, {"0.weight": p["0.weight"]}, (x,), strict=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
from torch.func import grad, vmap
def loss_fn(params, x, y):
    return F.mse_loss(functional_call(net, params, (x,)), y)
detached = {k: v.detach() for k, v in net.named_parameters()}
gd = grad(loss_fn)(detached, x, y)
print(type(gd).__name__, sorted(gd.keys())[:2], gd["4.bias"])
(gl, aux) = grad(lambda p: (loss_fn(p, x, y), functional_call(net, p, (x,))), has_aux=True)(detached)
print(aux.shape, gl["4.bias"])
