# Imitates a robustness homework (CS 6.S898-style): PGD written with an optimizer (Adam / SGD with maximize=True on
# the perturbation), in-place projections with tensor bounds (clamp_, torch.maximum / minimum), the L2 step with
# per-example norms and renorm_, Monte Carlo certification with Binomial sampling and icdf gradients, and the
# attacker's eval()/train() switching around BatchNorm.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal, Binomial, Uniform

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(5, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
x = torch.rand(6, 5)
y = torch.tensor([0, 1, 2, 0, 1, 2])
model.train()
_ = model(x)
print(model[1].running_mean, model[1].num_batches_tracked)
model.eval()
delta = torch.zeros_like(x).uniform_(-0.1, 0.1).requires_grad_(True)
opt = torch.optim.SGD([delta], lr=0.05, maximize=True)
lo, hi = -x, 1 - x
for it in range(4):
    loss = F.cross_entropy(model(x + delta), y)
    opt.zero_grad()
    loss.backward()
    delta.grad.sign_()
    opt.step()
    with torch.no_grad():
        delta.clamp_(-0.1, 0.1)
        delta.copy_(torch.maximum(torch.minimum(delta, hi), lo))
    print(it, loss.item(), delta.abs().max().item())
print(model[1].running_mean, model[1].num_batches_tracked)
print(delta.grad.unique())

# %%
d2 = torch.randn(6, 5).requires_grad_()
adam = torch.optim.Adam([d2], lr=0.1, maximize=True, betas=(0.5, 0.9))
for it in range(3):
    l = F.cross_entropy(model(x + d2), y, reduction='none')
    adam.zero_grad()
    l.mean().backward()
    adam.step()
    with torch.no_grad():
        d2.renorm_(p=2, dim=0, maxnorm=0.5)
    print(it, l.detach(), d2.norm(dim=1))
with torch.no_grad():
    d2.clamp_(min=-x, max=1 - x)
print(d2.min(), (x + d2).max())
try:
    d2.detach().clamp_(min=torch.zeros(5, 6))
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.clamp(torch.tensor([1, 5, 9]), torch.tensor([2, 2, 2]), torch.tensor([4, 4, 4])))
print(torch.clamp(torch.tensor([1, 5, 9]), min=torch.tensor([2.5, 2.5, 2.5])))
print(torch.clamp(torch.tensor([0.5, 1.5]), min=torch.tensor([1.0, 0.0]), max=torch.tensor([0.0, 1.0])))

# %%
# per-example L2 step with view(-1) norms and keepdim broadcasting
g = torch.randn(4, 1, 3, 3)
gn = g.view(g.shape[0], -1).norm(dim=1).view(-1, 1, 1, 1)
step = g / (gn + 1e-12)
print(step.flatten(1).norm(dim=1), gn.squeeze())
print(torch.linalg.vector_norm(g, dim=(1, 2, 3), keepdim=True).shape)
print(g.renorm(2, 0, 1.0).flatten(1).norm(dim=1))
print(F.normalize(g.flatten(1), dim=1, eps=1e-6).norm(dim=1))

# %%
# certification with sampling
torch.manual_seed(3)
b = Binomial(100, torch.tensor([0.9, 0.6]))
s = b.sample()
print(s, s.dtype, b.mean, b.variance)
print(b.sample((3,)))
print(b.log_prob(s))
p = torch.tensor([0.9, 0.99, 0.75], requires_grad=True)
r = Normal(0.0, 1.0).icdf(p)
r.sum().backward()
print(r, r.grad_fn.name(), p.grad)
u = Uniform(torch.tensor(-0.1), torch.tensor(0.1)).sample((2, 3))
print(u)
print(Normal(0.0, 0.25).sample((4,)))
try:
    Binomial(10, torch.tensor(1.5))
except ValueError as e:
    print(type(e).__name__, e)
