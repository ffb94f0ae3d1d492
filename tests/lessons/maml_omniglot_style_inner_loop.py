# Imitates the "MAML from scratch" blog posts and the learn2learn / higher READMEs: a functional MLP over a weight
# list, second-order inner steps with torch.autograd.grad(create_graph=True), first-order MAML, ANIL (only the
# head adapts), torch.func.functional_call with buffers (BatchNorm running stats) and tied weights, a learned
# per-parameter inner learning rate (Meta-SGD), and the errors learners hit on the way.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call

torch.manual_seed(0)
def task(n=8):
    a, p = torch.rand(()) * 4 + 1, torch.rand(()) * math.pi
    x = torch.linspace(-5, 5, n).unsqueeze(1)
    return x, a * torch.sin(x + p)

def mlp(x, w):
    h = F.relu(F.linear(x, w[0], w[1]))
    return F.linear(h, w[2], w[3])

w = [torch.randn(16, 1) * 0.5, torch.zeros(16), torch.randn(1, 16) * 0.25, torch.zeros(1)]
for t in w:
    t.requires_grad_()
x, y = task()
loss = F.mse_loss(mlp(x, w), y)
g = torch.autograd.grad(loss, w, create_graph=True)
print([gi.grad_fn.name() for gi in g])
fast = [wi - 0.01 * gi for wi, gi in zip(w, g)]
meta = F.mse_loss(mlp(x, fast), y)
meta.backward()
print(round(meta.item(), 4), w[0].grad.shape, w[1].grad.abs().sum() > 0)

# %%
# second-order term: a Hessian-vector product through the inner step
for t in w:
    t.grad = None
loss = F.mse_loss(mlp(x, w), y)
g = torch.autograd.grad(loss, w, create_graph=True)
v = [torch.ones_like(t) for t in w]
hv = torch.autograd.grad(g, w, grad_outputs=v, allow_unused=True)
print([None if h is None else tuple(h.shape) for h in hv])
try:
    torch.autograd.grad(g[3], w)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(g[3].sum(), w)
except Exception as e:
    print(type(e).__name__, e)

# %%
# first-order MAML: no create_graph; the inner grads are leaves
loss = F.mse_loss(mlp(x, w), y)
g = torch.autograd.grad(loss, w)
print([gi.requires_grad for gi in g], g[0].is_leaf)
fast = [wi - 0.01 * gi for wi, gi in zip(w, g)]
F.mse_loss(mlp(x, fast), y).backward()
print(w[0].grad.norm() > 0)
try:
    torch.autograd.grad(loss, w)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Meta-SGD: a learnable learning rate per parameter
alphas = [torch.full_like(t, 0.01, requires_grad=True) for t in w]
opt = torch.optim.SGD(w + alphas, lr=1e-3)
for step in range(3):
    opt.zero_grad()
    x, y = task()
    g = torch.autograd.grad(F.mse_loss(mlp(x, w), y), w, create_graph=True)
    fast = [wi - a * gi for wi, a, gi in zip(w, alphas, g)]
    q = F.mse_loss(mlp(x, fast), y)
    q.backward()
    opt.step()
    print(step, round(q.item(), 4), alphas[3].grad.shape, float(alphas[3].item()) != 0.01)

# %%
# functional_call with a BatchNorm: buffers are read from the module unless given
net = nn.Sequential(nn.Linear(1, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))
params = {k: v for k, v in net.named_parameters()}
buffers = {k: v for k, v in net.named_buffers()}
print(sorted(buffers))
out = functional_call(net, (params, buffers), (x,))
print(out.shape, net[1].num_batches_tracked, buffers["1.num_batches_tracked"])
nb = {k: v.clone() for k, v in buffers.items()}
functional_call(net, (params, nb), x)
print(net[1].num_batches_tracked, nb["1.num_batches_tracked"], torch.equal(nb["1.running_mean"], net[1].running_mean))
try:
    functional_call(net, (params, {"0.weight": params["0.weight"]}), x)
except Exception as e:
    print(type(e).__name__, e)
try:
    functional_call(net, {"nope": torch.ones(1)}, (x,), strict=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
# ANIL: the body is frozen features, only the head adapts
body = nn.Sequential(nn.Linear(1, 8), nn.Tanh())
head = nn.Linear(8, 1)
feats = body(x)
hp = dict(head.named_parameters())
for _ in range(2):
    l = F.mse_loss(functional_call(head, hp, (feats,)), y)
    gs = torch.autograd.grad(l, list(hp.values()), create_graph=True)
    hp = {k: v - 0.1 * gg for (k, v), gg in zip(hp.items(), gs)}
q = F.mse_loss(functional_call(head, hp, (feats,)), y)
q.backward()
print(body[0].weight.grad.shape, head.weight.grad.shape, hp["weight"].grad_fn)
try:
    torch.autograd.grad(q, list(body.parameters()))
except Exception as e:
    print(type(e).__name__, e)

# %%
# tied weights: functional_call replaces every name that shares the tensor
class Tied(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(3, 3, bias=False)
        self.dec = nn.Linear(3, 3, bias=False)
        self.dec.weight = self.enc.weight
    def forward(self, z):
        return self.dec(self.enc(z))

m = Tied()
print([n for n, _ in m.named_parameters()], len(dict(m.named_parameters(remove_duplicate=False))))
z = torch.ones(1, 3)
print(functional_call(m, {"enc.weight": torch.eye(3)}, z))
print(functional_call(m, {"enc.weight": torch.eye(3)}, z, tie_weights=False).shape)
try:
    functional_call(m, {"enc.weight": torch.eye(3), "dec.weight": 2 * torch.eye(3)}, z)
except Exception as e:
    print(type(e).__name__, e)
