# Imitates a hand-written Integrated Gradients notebook (XAI course notes): a straight-line path of
# torch.linspace alphas, batched interpolation, torch.autograd.grad with grad_outputs, the trapezoid rule with
# torch.trapezoid / cumulative_trapezoid, and the completeness check against f(x) - f(baseline).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
net = nn.Sequential(nn.Linear(6, 10), nn.Tanh(), nn.Linear(10, 4), nn.Softplus(), nn.Linear(4, 3))
x = torch.randn(1, 6)
baseline = torch.zeros_like(x)
with torch.no_grad():
    logits = net(x)
cls = logits.argmax(-1).item()
print(cls, logits)

# %%
steps = 16
alphas = torch.linspace(0, 1, steps + 1)
print(alphas.dtype, alphas.shape, alphas[:4])
path = baseline + alphas.view(-1, 1) * (x - baseline)
path.requires_grad_()
print(path.shape, path.is_leaf, path.requires_grad)
out = net(path)
scores = out[:, cls]
print(scores.grad_fn, scores.shape)
grads, = torch.autograd.grad(scores, path, grad_outputs=torch.ones_like(scores))
print(grads.shape, grads[0], grads[-1])

# %%
# trapezoid rule along the path dimension
avg_trap = torch.trapezoid(grads, alphas, dim=0)
avg_dx = torch.trapezoid(grads, dx=1.0 / steps, dim=0)
avg_riemann = grads[:-1].mean(0)
print(avg_trap)
print(avg_dx)
print(avg_riemann)
ig = (x - baseline).squeeze(0) * avg_trap
print(ig, ig.sum())
with torch.no_grad():
    delta = net(x)[0, cls] - net(baseline)[0, cls]
print(delta, (ig.sum() - delta).abs())

# %%
# how IG converges: cumulative trapezoid of the score along the path
cum = torch.cumulative_trapezoid(grads * (x - baseline), alphas, dim=0)
print(cum.shape)
print(cum[-1].sum(), cum[::4].sum(1))
print(torch.cumulative_trapezoid(scores.detach()), torch.trapezoid(scores.detach()))
print(torch.trapezoid(torch.tensor([1, 4, 9, 16])), torch.cumulative_trapezoid(torch.tensor([1, 4, 9, 16]), dx=2))

# %%
# trapezoid is differentiable: the gradient of the area w.r.t. the samples
y = torch.linspace(0, 2, 5).pow(2).requires_grad_()
t = torch.linspace(0, 2, 5)
area = torch.trapezoid(y, t)
print(area, area.grad_fn)
area.backward()
print(y.grad)
y2 = torch.rand(3, 5, dtype=torch.float64, requires_grad=True)
c = torch.cumulative_trapezoid(y2, dx=0.5)
print(c, c.grad_fn)
c.sum().backward()
print(y2.grad)
xs = torch.tensor([0.0, 0.1, 0.5, 1.0], requires_grad=True)
a2 = torch.trapezoid(torch.tensor([1.0, 2.0, 2.0, 3.0]), xs)
a2.backward()
print(a2, xs.grad)

# %%
# errors learners hit
for f in (lambda: torch.trapezoid(grads, alphas[:5], dim=0),
          lambda: torch.trapezoid(grads, torch.linspace(0, 1, steps + 1).view(1, -1), dim=0),
          lambda: torch.cumulative_trapezoid(grads, alphas[:3], dim=0),
          lambda: torch.trapezoid(grads, alphas, dim=3),
          lambda: torch.trapezoid(torch.tensor(3.0)),
          lambda: torch.cumulative_trapezoid(torch.tensor(3.0)),
          lambda: torch.trapezoid(grads, alphas, dx=0.1)):
    try:
        print(f().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# batched IG over two inputs with a per-sample baseline; grad_outputs chooses the class per sample
X = torch.randn(2, 6)
B = X.mean(1, keepdim=True).expand_as(X)
targets = torch.tensor([0, 2])
a = alphas.view(-1, 1, 1)
P = (B + a * (X - B)).reshape(-1, 6).requires_grad_(True)
o = net(P)
sel = F.one_hot(targets.repeat(steps + 1), 3).to(o.dtype)
g, = torch.autograd.grad(o, P, grad_outputs=sel)
g = g.view(steps + 1, 2, 6)
attr = (X - B) * torch.trapezoid(g, alphas, dim=0)
print(attr)
with torch.no_grad():
    full = net(X).gather(1, targets[:, None]) - net(B).gather(1, targets[:, None])
print(attr.sum(1), full.squeeze(1))
try:
    torch.autograd.grad(o, P, grad_outputs=sel[:5])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(o, P)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(o.sum(), P, grad_outputs=torch.ones(1))
except Exception as e:
    print(type(e).__name__, e)
