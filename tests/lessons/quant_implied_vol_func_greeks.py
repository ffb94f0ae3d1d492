# Imitates implied-volatility and batched-Greeks notebooks: Newton's method with vega from autograd, bisection on a
# whole tensor of quotes with torch.where, torch.distributions.Normal / LogNormal details (batched parameters,
# rsample, validate_args, support errors), torch.special's normal functions at their edges, and torch.func.grad /
# vmap / jacrev / hessian and torch.autograd.functional.jacobian / hessian for a book of options, in float64.
import math
import torch
from torch.distributions import Normal, LogNormal
from torch.func import grad, vmap, jacrev, hessian
import torch.autograd.functional as AF

torch.set_default_dtype(torch.float64)

# %%
def bs_call(S, K, T, r, sigma):
    sq = torch.sqrt(T)
    d1 = (torch.log(S / K) + (r + sigma ** 2 / 2) * T) / (sigma * sq)
    d2 = d1 - sigma * sq
    return S * torch.special.ndtr(d1) - K * torch.exp(-r * T) * torch.special.ndtr(d2)

S, K, T, r = torch.tensor(100.0), torch.tensor([90.0, 100.0, 110.0]), torch.tensor(0.75), torch.tensor(0.02)
true_vol = torch.tensor([0.28, 0.22, 0.19])
quotes = bs_call(S, K, T, r, true_vol)
print(quotes)

# %%
# Newton: vega from autograd, the update without grad
vol = torch.full((3,), 0.5, requires_grad=True)
for it in range(8):
    diff = bs_call(S, K, T, r, vol) - quotes
    vega, = torch.autograd.grad(diff.sum(), vol)
    with torch.no_grad():
        vol -= diff / vega
    print(it, vol.detach().numpy().round(8), diff.abs().max().item() < 1e-10)
print(vol, vol.grad)

# %%
# bisection: no gradients at all, a whole vector at once
lo, hi = torch.full((3,), 1e-4), torch.full((3,), 3.0)
for _ in range(60):
    mid = (lo + hi) / 2
    above = bs_call(S, K, T, r, mid) > quotes
    hi = torch.where(above, mid, hi)
    lo = torch.where(above, lo, mid)
print(mid, torch.allclose(mid, true_vol), above.dtype)
print(torch.where(above, mid, 0), torch.where(above))

# %%
# Newton from a bad start overshoots into negative volatility
vol = torch.tensor([0.01], requires_grad=True)
p = bs_call(S, torch.tensor([150.0]), T, r, vol)
v, = torch.autograd.grad(p.sum(), vol)
print(p, v, (p - quotes[2]) / v)
print(bs_call(S, K, T, r, torch.tensor([-0.1, 0.0, 0.1])))

# %%
# the normal distribution's corners
print(torch.special.ndtr(torch.tensor([-40.0, -10.0, 0.0, 10.0, float("inf"), float("nan")])))
print(torch.special.ndtri(torch.tensor([0.0, 1e-300, 0.5, 1.0, 1.5, -0.1])))
print(torch.special.log_ndtr(torch.tensor([-40.0, -5.0, 0.0, 5.0])))
print(torch.special.erfinv(torch.tensor([-1.0, 0.0, 0.5, 1.0])), torch.special.erfcx(torch.tensor([0.0, 1.0, 30.0])))
print(torch.erf(torch.tensor([1.0])), torch.erfc(torch.tensor([1.0])), torch.erfinv(torch.tensor(0.3)))

# %%
x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
y = torch.special.ndtr(x).sum() + torch.special.log_ndtr(x).sum() + torch.special.erfcx(x).sum()
y.backward()
print(y, x.grad)
q = torch.tensor([0.1, 0.5, 0.9], requires_grad=True)
torch.special.ndtri(q).sum().backward()
print(q.grad, 1 / Normal(0.0, 1.0).log_prob(torch.special.ndtri(q.detach())).exp())

# %%
# a batch of normals
nb = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
print(nb, nb.batch_shape, nb.event_shape)
print(nb.cdf(torch.tensor([0.0, 1.0])), nb.icdf(torch.tensor(0.975)), nb.entropy(), nb.variance)
torch.manual_seed(0)
print(nb.sample(), nb.sample((2,)), nb.rsample((2,)).shape)
lnd = LogNormal(math.log(100.0), 0.2)
print(lnd, lnd.mean, lnd.variance, lnd.log_prob(torch.tensor(100.0)), lnd.cdf(torch.tensor(110.0)))

# %%
Normal(0.0, -1.0)

# %%
Normal(0.0, 1.0).icdf(torch.tensor(1.5))

# %%
LogNormal(0.0, 1.0).log_prob(torch.tensor(-1.0))

# %%
print(Normal(0.0, 1.0, validate_args=False).icdf(torch.tensor(1.5)), Normal(0.0, 1.0).cdf(torch.tensor(50.0)))
Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0, 1.0]))

# %%
# torch.func: delta and gamma of one option, then vmap over a book
call_of_spot = lambda s, k: bs_call(s, k, T, r, torch.tensor(0.2))
print(grad(call_of_spot)(torch.tensor(100.0), torch.tensor(100.0)))
print(grad(grad(call_of_spot))(torch.tensor(100.0), torch.tensor(100.0)))
spots = torch.linspace(80, 120, 5)
print(vmap(grad(call_of_spot), in_dims=(0, None))(spots, torch.tensor(100.0)))
print(vmap(grad(call_of_spot, argnums=(0, 1)))(spots, torch.full((5,), 100.0)))

# %%
def price_all(params):
    s, sig, rate = params
    return bs_call(s, K, T, rate, sig)

params = torch.tensor([100.0, 0.2, 0.02])
print(jacrev(price_all)(params))
print(AF.jacobian(price_all, params))
print(hessian(lambda p: price_all(p).sum())(params))
print(AF.hessian(lambda p: price_all(p).sum(), params))

# %%
# functional API with several inputs, and its mistakes
J = AF.jacobian(lambda s, sig: bs_call(s, K, T, r, sig), (torch.tensor(100.0), torch.tensor(0.2)))
print(type(J), len(J), J[0], J[1])
AF.hessian(lambda p: price_all(p), params)

# %%
grad(lambda s: bs_call(s, K, T, r, torch.tensor(0.2)))(torch.tensor(100.0))

# %%
grad(call_of_spot)(100.0, torch.tensor(100.0))

# %%
vmap(grad(call_of_spot), in_dims=(0, 0))(spots, torch.ones(4))

# %%
# Monte Carlo prices for several volatilities at once: vmap draws fresh normals per volatility only if asked
def mc_call(sig, n=1000):
    z = torch.randn(n)
    ST = 100 * torch.exp((0.02 - sig ** 2 / 2) * 0.75 + sig * math.sqrt(0.75) * z)
    return torch.relu(ST - 100).mean() * math.exp(-0.02 * 0.75)

vols = torch.tensor([0.1, 0.2, 0.3])
torch.manual_seed(0)
print(vmap(mc_call, randomness="different")(vols), vmap(mc_call, randomness="same")(vols))
torch.manual_seed(0)
print(vmap(grad(mc_call), randomness="different")(vols), bs_call(S, torch.tensor(100.0), T, r, vols))
vmap(mc_call)(vols)

# %%
# mistake: .item() inside the function torch.func differentiates
grad(lambda s: torch.tensor(s.item()) ** 2)(torch.tensor(3.0))

# %%
torch.set_default_dtype(torch.float32)
print(torch.tensor(0.5).dtype, Normal(0.0, 1.0).loc.dtype)
