# Imitates the "guard your training loop" and "coin flips" snippets of an intro-to-probability / debugging lesson:
# a scalar loss tested and patched with torch.isnan / torch.isfinite masks (loss[torch.isnan(loss)] = 0), 0-d
# Bernoulli coin flips updated in place, and the parameter checks of Geometric / Bernoulli on scalar probabilities.
import torch
from torch import distributions as D

torch.manual_seed(0)

# %%
loss = torch.tensor(float("nan"))
bad = torch.isnan(loss)
print(bad, bad.shape, bad.dtype, loss[bad], loss[~bad], loss[torch.isfinite(loss)])
loss[bad] = 0.0
print(loss, torch.isinf(loss), torch.signbit(-loss), torch.logical_not(loss > 0))

# %%
# the same guard inside a step, on a loss that has history
w = torch.tensor(2.0, requires_grad=True)
for x in (torch.tensor(1.0), torch.tensor(0.0), torch.tensor(float("inf"))):
    loss = (w * x - 1.0) ** 2 / x
    ok = torch.isfinite(loss)
    safe = torch.where(ok, loss, torch.zeros_like(loss))
    safe.backward()
    print(x, loss, ok, loss[ok], safe.grad_fn, w.grad)
    w.grad = None

# %%
# a coin flipped as a 0-d tensor, then counted in place
torch.manual_seed(1)
heads = torch.zeros(())
for _ in range(10):
    flip = torch.bernoulli(torch.tensor(0.3))
    heads.add_(flip)
    flip.mul_(2)
print(heads, flip, flip.shape)
z = torch.normal(torch.tensor(0.0), torch.tensor(1.0))
z.mul_(3).add_(1)
print(z, z.stride())
mant, expo = torch.frexp(torch.tensor(10.0))
expo += 1
print(mant, expo)
n = ~torch.tensor(5)
n.add_(1)
print(n, n.unsqueeze(0))

# %%
# scalar parameters that are out of range: PyTorch's own checks and messages
for make in (lambda: D.Geometric(torch.tensor(0.0)), lambda: D.Geometric(probs=torch.tensor(1.5)),
             lambda: D.Geometric(torch.tensor([0.5, 0.0])), lambda: D.Bernoulli(torch.tensor(1.2)),
             lambda: D.Binomial(3, torch.tensor(-0.1))):
    try:
        print(make())
    except ValueError as e:
        print(type(e).__name__, e)
g = D.Geometric(torch.tensor(0.25))
print(g.sample((5,)), g.log_prob(torch.tensor(3.0)), g.mean, g.entropy())
