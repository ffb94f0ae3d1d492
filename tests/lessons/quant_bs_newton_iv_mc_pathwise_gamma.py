# Imitates option-pricing notebooks in PyTorch: Black-Scholes prices from torch.distributions.Normal(0, 1).cdf on
# tensors of strikes, delta / vega / gamma / vanna with torch.autograd.grad (create_graph=True for second order),
# implied volatility by Newton steps under torch.no_grad and with a vectorised batch, a Monte Carlo call from a
# seeded torch.Generator with pathwise delta and vega, a digital option smoothed with a sigmoid, and the errors
# learners meet (grad of a non-scalar without grad_outputs, a second grad without retain_graph, Normal with a
# negative scale under validate_args).
import math
import torch
from torch.distributions import Normal

N = Normal(0.0, 1.0)

# %%
def bs_call(S, K, T, r, sigma):
    d1 = (torch.log(S / K) + (r + 0.5 * sigma ** 2) * T) / (sigma * torch.sqrt(T))
    d2 = d1 - sigma * torch.sqrt(T)
    return S * N.cdf(d1) - K * torch.exp(-r * T) * N.cdf(d2)

S = torch.tensor(100.0, requires_grad=True)
sigma = torch.tensor(0.2, requires_grad=True)
T = torch.tensor(1.0)
r = torch.tensor(0.05)
K = torch.tensor([90.0, 100.0, 110.0])
price = bs_call(S, K, T, r, sigma)
print(price, price.grad_fn.name())
delta, vega = torch.autograd.grad(price.sum(), (S, sigma), create_graph=True)
print(delta, vega, delta.grad_fn.name())
gamma, = torch.autograd.grad(delta, S, retain_graph=True)
vanna, = torch.autograd.grad(vega, S)
print(gamma, vanna)

# %%
d1 = (math.log(100 / 100) + (0.05 + 0.02) * 1.0) / 0.2
print(N.cdf(torch.tensor(d1)), torch.special.ndtr(torch.tensor(d1)), 0.5 * (1 + math.erf(d1 / math.sqrt(2))))
print(N.icdf(torch.tensor([0.01, 0.5, 0.975])), torch.special.ndtri(torch.tensor([0.01, 0.5, 0.975])))
print(N.log_prob(torch.tensor([0.0, 1.0, -2.0])), N.mean, N.stddev, N.variance)
print(N.batch_shape, N.event_shape, N)

# %%
Kd = torch.tensor([80.0, 95.0, 100.0, 105.0, 120.0], dtype=torch.float64)
Sd = torch.tensor(100.0, dtype=torch.float64)
Td = torch.tensor(0.5, dtype=torch.float64)
rd = torch.tensor(0.01, dtype=torch.float64)
true_vol = torch.tensor([0.30, 0.25, 0.22, 0.21, 0.24], dtype=torch.float64)
Nd = Normal(torch.tensor(0.0, dtype=torch.float64), torch.tensor(1.0, dtype=torch.float64))
def bs64(S, K, T, r, v):
    d1 = (torch.log(S / K) + (r + 0.5 * v ** 2) * T) / (v * T.sqrt())
    return S * Nd.cdf(d1) - K * torch.exp(-r * T) * Nd.cdf(d1 - v * T.sqrt())
market = bs64(Sd, Kd, Td, rd, true_vol)
iv = torch.full_like(Kd, 0.5)
for step in range(6):
    iv.requires_grad_(True)
    p = bs64(Sd, Kd, Td, rd, iv)
    v, = torch.autograd.grad(p.sum(), iv)
    with torch.no_grad():
        iv = iv - (p - market) / v
    print(step, iv.requires_grad, (iv - true_vol).abs().max().item() < 1e-6, iv)

# %%
g = torch.Generator().manual_seed(7)
S0 = torch.tensor(100.0, requires_grad=True)
vol = torch.tensor(0.25, requires_grad=True)
n, steps, dt = 4096, 12, 1.0 / 12
Z = torch.randn(n, steps, generator=g)
logret = (0.03 - 0.5 * vol ** 2) * dt + vol * math.sqrt(dt) * Z
ST = S0 * torch.exp(logret.cumsum(dim=1))[:, -1]
payoff = torch.relu(ST - 100.0)
mc = math.exp(-0.03) * payoff.mean()
d, vg = torch.autograd.grad(mc, [S0, vol], retain_graph=True)
print(mc, d, vg, ST.grad_fn.name(), payoff.grad_fn.name())
digital = torch.sigmoid((ST - 100.0) / 0.5).mean()
dd, = torch.autograd.grad(digital, S0)
print(digital, dd)

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x ** 2
try:
    torch.autograd.grad(y, x)
except RuntimeError as e:
    print(type(e).__name__, e)
z = (x ** 3).sum()
torch.autograd.grad(z, x)
try:
    torch.autograd.grad(z, x)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    Normal(0.0, -1.0, validate_args=True)
except ValueError as e:
    print(type(e).__name__, e)
try:
    N.icdf(torch.tensor(1.5))
except ValueError as e:
    print(type(e).__name__, e)
print(torch.autograd.grad(z.detach().requires_grad_() * 2, x, allow_unused=True) if False else "skip")
