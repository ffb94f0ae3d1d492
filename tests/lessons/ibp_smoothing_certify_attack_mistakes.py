# Imitates certified-robustness lecture code: interval bound propagation through nn.Linear / ReLU with
# W.clamp(min=0) splits, Cohen et al.'s randomized smoothing certificate (Normal(0, 1).icdf, a Clopper-Pearson
# lower bound by bisection on the binomial tail), and the mistakes learners make when attacking a model
# (no_grad, no zero_() on the input grad, clamping a leaf in place).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal, Binomial

# %%
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 3))
x = torch.rand(2, 4)
eps = 0.05
l, u = x - eps, x + eps
for layer in net:
    if isinstance(layer, nn.Linear):
        W, b = layer.weight, layer.bias
        Wp, Wn = W.clamp(min=0), W.clamp(max=0)
        l, u = l @ Wp.t() + u @ Wn.t() + b, u @ Wp.t() + l @ Wn.t() + b
    elif isinstance(layer, nn.ReLU):
        l, u = l.clamp(min=0), u.clamp(min=0)
    print(type(layer).__name__, l.shape, (u >= l).all().item())
print(l, u)
print(u.grad_fn.name(), Wp.grad_fn.name())

# %%
# midpoint/radius form, and the worst-case margin for the true class
mu, r = (x + x) / 2, torch.full_like(x, eps)
for layer in net:
    if isinstance(layer, nn.Linear):
        mu, r = layer(mu), r @ layer.weight.abs().t()
    else:
        lo, hi = F.relu(mu - r), F.relu(mu + r)
        mu, r = (hi + lo) / 2, (hi - lo) / 2
y = torch.tensor([0, 2])
lo, hi = mu - r, mu + r
worst = hi.clone()
worst[torch.arange(2), y] = lo[torch.arange(2), y]
print(worst, worst.grad_fn.name())
loss = F.cross_entropy(-worst * -1, y)
loss.backward()
print(loss, net[0].weight.grad.abs().sum())

# %%
# randomized smoothing: sample noise, count the top class, certify a radius
torch.manual_seed(1)
clf = nn.Linear(4, 3)
sigma, n = 0.25, 200
x0 = torch.rand(4)
with torch.no_grad():
    batch = x0.repeat(n, 1)
    noisy = batch + torch.randn_like(batch) * sigma
    counts = torch.bincount(clf(noisy).argmax(1), minlength=3)
print(counts, counts.dtype)
top = counts.argmax().item()
nA = counts[top].item()
normal = Normal(torch.tensor(0.0), torch.tensor(1.0))
print(normal.icdf(torch.tensor([0.5, 0.9, 0.975, 0.999])))
print(normal.cdf(torch.tensor(1.96)), normal.log_prob(torch.tensor([0.0, 1.0])))

def binom_tail(k, n, p):
    # P(X >= k) for X ~ Binomial(n, p), from log_prob
    ks = torch.arange(k, n + 1, dtype=torch.float64)
    return Binomial(n, torch.tensor(p, dtype=torch.float64)).log_prob(ks).exp().sum()

def lower_conf_bound(k, n, alpha):
    lo, hi = 0.0, 1.0
    for _ in range(30):
        mid = (lo + hi) / 2
        if binom_tail(k, n, mid) > alpha:
            hi = mid
        else:
            lo = mid
    return lo

pA = lower_conf_bound(nA, n, 0.001)
print(round(pA, 6))
radius = sigma * normal.icdf(torch.tensor(pA))
print(top, radius, radius.dtype)
print(Binomial(10, torch.tensor(0.3)).log_prob(torch.tensor([0.0, 3.0, 10.0])))
print(torch.special.ndtri(torch.tensor([0.1, 0.5, 0.99])), torch.special.ndtr(torch.tensor([-1.0, 0.0, 2.0])))
print(torch.erfinv(torch.tensor([0.0, 0.5, -0.9])) * math.sqrt(2))
try:
    normal.icdf(torch.tensor(1.5))
except Exception as e:
    print(type(e).__name__, e)

# %%
# learners' mistakes: attacking under no_grad
model = nn.Sequential(nn.Linear(4, 3))
xb = torch.rand(3, 4)
yb = torch.tensor([0, 1, 2])
xb.requires_grad_()
with torch.no_grad():
    loss = F.cross_entropy(model(xb), yb)
try:
    loss.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
print(loss.requires_grad, loss.grad_fn)

# %%
# forgetting zero_(): the input grad accumulates across steps
xa = xb.detach().clone().requires_grad_(True)
for step in range(3):
    F.cross_entropy(model(xa), yb).backward()
    print(step, xa.grad.abs().sum().item())
xa.grad.zero_()
F.cross_entropy(model(xa), yb).backward()
print(xa.grad.abs().sum().item(), xa.grad.sign())

# %%
# clamping a leaf in place without no_grad, then the fixes
try:
    xa.clamp_(0, 1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    xa.add_(0.1 * xa.grad.sign())
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    xa.add_(0.1 * xa.grad.sign()).clamp_(0, 1)
print(xa.requires_grad, xa.is_leaf, xa.grad_fn, xa.min().item() >= 0)
xa.data.clamp_(0.2, 0.8)
print(xa.max())
xc = xa.clamp(0.3, 0.7)
try:
    xc.clamp_(0, 1)
    print(xc.grad_fn.name())
except RuntimeError as e:
    print(type(e).__name__, e)
print(xa.grad is None, xa.grad.shape)
xa.grad = None
print(xa.grad)
