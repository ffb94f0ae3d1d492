# Imitates a robustness course notebook (advertorch / robustness-library style): PGD with random starts under
# L-inf and L2 threat models, projections with torch.clamp on tensor bounds, renorm, F.normalize and
# norm(p=2, dim=...), input gradients on a batch with requires_grad_() and .grad.sign(), eval()/train().
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 4))
x = torch.rand(5, 8)
y = torch.tensor([0, 1, 2, 3, 0])
model.eval()
print(model.training, model[2].training)
logits = model(x)
print(logits.argmax(1), F.cross_entropy(logits, y))

# %%
x_adv = x.clone().detach().requires_grad_()
loss = F.cross_entropy(model(x_adv), y)
loss.backward()
print(x_adv.grad.shape, x_adv.grad.dtype, x_adv.is_leaf)
print(x_adv.grad.sign())
print(x_adv.grad.abs().sum(dim=1))

# %%
eps, alpha = 0.1, 0.03
lower = (x - eps).clamp(min=0)
upper = (x + eps).clamp(max=1)
x_adv = x + torch.empty_like(x).uniform_(-eps, eps)
x_adv = torch.clamp(x_adv, lower, upper).detach()
for i in range(4):
    x_adv.requires_grad_(True)
    loss = F.cross_entropy(model(x_adv), y)
    grad, = torch.autograd.grad(loss, [x_adv])
    x_adv = x_adv.detach() + alpha * grad.sign()
    x_adv = torch.max(torch.min(x_adv, x + eps), x - eps).clamp(0, 1)
    print(i, round(loss.item(), 6), (x_adv - x).abs().max().item() <= eps + 1e-6)
print(x_adv.grad_fn, x_adv.requires_grad)
print(torch.clamp(x_adv, lower, upper).equal(x_adv))

# %%
# clamp with tensor bounds: gradient and grad_fn, broadcasting bounds, mixed scalar/tensor
t = torch.randn(3, 4, requires_grad=True)
lo = torch.full((4,), -0.5)
hi = torch.tensor([0.2, 0.5, 1.0, 0.1])
c = torch.clamp(t, lo, hi)
print(c.grad_fn.name())
c.sum().backward()
print(t.grad)
print(torch.clamp(t, min=lo).grad_fn.name(), t.clamp(max=hi).shape)
try:
    torch.clamp(t, 0.0, hi)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.clamp(t)
except Exception as e:
    print(type(e).__name__, e)

# %%
# L2 PGD: normalise the gradient per example, project delta back to the eps-ball with renorm
eps2, alpha2 = 0.5, 0.2
delta = torch.randn_like(x)
n = delta.view(delta.size(0), -1).norm(p=2, dim=1).view(-1, 1)
r = torch.rand(x.size(0), 1)
delta = (delta / n * r * eps2).requires_grad_(True)
print(delta.norm(p=2, dim=1))
for i in range(3):
    loss = F.cross_entropy(model(x + delta), y)
    loss.backward()
    g = delta.grad
    gnorm = g.norm(p=2, dim=1, keepdim=True) + 1e-10
    delta.data = delta.data + alpha2 * g / gnorm
    delta.data = delta.data.renorm(p=2, dim=0, maxnorm=eps2)
    delta.data = (x + delta.data).clamp(0, 1) - x
    delta.grad.zero_()
    print(i, loss.item(), delta.norm(dim=1).max().item() <= eps2 + 1e-6)
print(delta.grad)

# %%
g = torch.randn(4, 3, requires_grad=True)
u = F.normalize(g, p=2, dim=1)
print(u, u.grad_fn.name())
u.pow(3).sum().backward()
print(g.grad)
z = torch.zeros(2, 3, requires_grad=True)
F.normalize(z, dim=1).sum().backward()
print(z.grad)
print(F.normalize(torch.tensor([[3.0, 4.0]]), p=1, dim=1), F.normalize(torch.tensor([3.0, 4.0]), dim=0))
w = torch.randn(5, 3, requires_grad=True)
rn = torch.renorm(w, p=2, dim=0, maxnorm=1.0)
print(rn.grad_fn.name(), rn.norm(dim=1))
rn.sum().backward()
print(w.grad)
print(torch.renorm(w.detach(), 1, 1, 2.0))
try:
    w.detach().renorm(p=2, dim=0, maxnorm=-1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    w.detach().renorm(p=2, dim=3, maxnorm=1.0)
except Exception as e:
    print(type(e).__name__, e)

# %%
# norm variants used in L2 attacks
v = torch.randn(3, 2, 2, requires_grad=True)
nv = v.norm(p=2, dim=(1, 2))
print(nv, nv.grad_fn.name())
nv.sum().backward()
print(v.grad[0])
print(torch.norm(v, dim=1, keepdim=True).shape, v.flatten(1).norm(p=float('inf'), dim=1))
print(torch.linalg.vector_norm(v, ord=2, dim=(1, 2)), torch.linalg.norm(v.flatten(1), dim=1))
zz = torch.zeros(2, 3, requires_grad=True)
zz.norm(dim=1).sum().backward()
print(zz.grad)

# %%
model.train()
print(model.training, model[2].training)
torch.manual_seed(1)
a = model(x)
b = model(x)
print(torch.equal(a, b))
model.eval()
print(torch.equal(model(x), model(x)))
