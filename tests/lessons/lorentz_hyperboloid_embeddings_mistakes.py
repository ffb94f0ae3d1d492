# Imitates the Lorentz (hyperboloid) model lessons and the mistakes learners hit in hyperbolic embedding
# posts: the Minkowski inner product, arcosh distance with clamping, the projection x0 = sqrt(1 + |x|^2),
# exp map on the hyperboloid, nn.Embedding(max_norm=...) renorming rows in place, SparseAdam / SGD with
# sparse=True, and in-place updates of a leaf outside no_grad.
import torch
import torch.nn as nn

torch.manual_seed(0)

# %%
def minkowski_dot(x, y, keepdim=False):
    res = (x * y).sum(dim=-1, keepdim=keepdim) - 2 * x[..., 0:1].squeeze(-1) * y[..., 0:1].squeeze(-1)
    return res

def lift(v):
    x0 = torch.sqrt(1 + v.pow(2).sum(-1, keepdim=True))
    return torch.cat([x0, v], dim=-1)

v = torch.randn(3, 2, dtype=torch.float64)
x = lift(v)
print(x)
print(minkowski_dot(x, x))
print(torch.narrow(x, -1, 1, 2).shape, x[..., 1:].shape)

# %%
def lorentz_dist(x, y, eps=1e-7):
    prod = -minkowski_dot(x, y)
    return torch.arccosh(prod.clamp(min=1 + eps))

a = lift(torch.randn(4, 2, dtype=torch.float64)).requires_grad_()
b = lift(torch.randn(4, 2, dtype=torch.float64))
d = lorentz_dist(a, b)
print(d, d.grad_fn)
d.sum().backward()
print(a.grad)
same = lorentz_dist(a, a.detach())
print(same)
a.grad = None
same.sum().backward()
print(a.grad)
# without the clamp: rounding makes -<x,x> slightly below 1
raw = torch.acosh(-minkowski_dot(a, a.detach()))
print(raw)
raw.sum().backward()
print(a.grad)

# %%
def expmap_lorentz(x, u):
    un = torch.sqrt(minkowski_dot(u, u, keepdim=True).clamp_min(1e-12))
    return torch.cosh(un) * x + torch.sinh(un) * u / un

x = lift(torch.zeros(1, 2, dtype=torch.float64))
u = torch.tensor([[0.0, 0.3, 0.4]], dtype=torch.float64)
y = expmap_lorentz(x, u)
print(y, minkowski_dot(y, y))
print(lorentz_dist(x, y))

# %%
torch.manual_seed(0)
emb = nn.Embedding(6, 3, max_norm=1.0)
print(emb)
print(emb.weight.norm(dim=-1))
idx = torch.tensor([0, 2, 2, 5])
out = emb(idx)
print(out.norm(dim=-1))
print(emb.weight.norm(dim=-1))
print(emb.weight._version)
out.sum().backward()
print(emb.weight.grad)
emb2 = nn.Embedding(4, 2, max_norm=0.5, norm_type=1.0)
print(emb2(torch.tensor([[1, 3]])).abs().sum(-1))
print(emb2.extra_repr())

# %%
torch.manual_seed(0)
emb = nn.Embedding(5, 2, sparse=True)
opt = torch.optim.SparseAdam(emb.parameters(), lr=0.1)
print(opt)
loss = emb(torch.tensor([0, 3, 3])).pow(2).sum()
loss.backward()
print(emb.weight.grad)
opt.step()
print(emb.weight)
print(opt.state[emb.weight]['exp_avg'])
opt.zero_grad()
print(emb.weight.grad)
sgd = torch.optim.SGD(emb.parameters(), lr=0.1)
emb(torch.tensor([1, 1])).sum().backward()
sgd.step()
print(emb.weight)
try:
    torch.optim.SGD(emb.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4).step()
    emb(torch.tensor([1])).sum().backward()
    torch.optim.SGD(emb.parameters(), lr=0.1, weight_decay=1e-4).step()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
w = torch.tensor([[0.5, 0.5], [0.9, 0.3]], requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
try:
    w -= 0.1 * w.grad
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    w.renorm_(2, 0, 0.99)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    w.data.renorm_(2, 0, 0.5)
    print(w)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    w -= 0.1 * w.grad
    w.copy_(w.renorm(2, 0, 1 - 1e-5))
print(w, w.requires_grad, w.grad_fn)

# %%
# learner forgets no_grad inside a custom step: the update becomes part of the graph
p = torch.tensor([0.3, 0.4], requires_grad=True)
(p ** 2).sum().backward()
q = p - 0.1 * ((1 - (p ** 2).sum()) ** 2 / 4) * p.grad
print(q, q.grad_fn, q.is_leaf)
try:
    p.data = q
    print(p, p.is_leaf)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    p.add_(p.grad, alpha=-0.1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.atanh(p.detach()).backward()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# in-place arcosh / artanh inside the graph, and a per-row norm of a sparse embedding gradient
x = torch.tensor([[1.2, 0.3], [2.0, 0.1]], dtype=torch.float64, requires_grad=True)
d = (x[:, 0] * 1).acosh_()
print(d, d.grad_fn)
try:
    d.sum().backward()
except NotImplementedError as e:
    print(type(e).__name__, e)
d = torch.acosh(x[:, 0])
d.sum().backward()
print(x.grad)
emb = nn.Embedding(5, 2, sparse=True)
emb(torch.tensor([0, 4, 4])).pow(2).sum().backward()
g = emb.weight.grad
print(g.norm(), g.coalesce().values().norm(dim=-1))
try:
    g.norm(dim=-1, keepdim=True)
except RuntimeError as e:
    print(type(e).__name__, e)
