# Imitates quant-finance blog posts that price a European option with Black-Scholes in PyTorch and read the Greeks
# off autograd: delta, vega, rho, theta by torch.autograd.grad, gamma and vanna with create_graph=True, the normal
# CDF through torch.distributions.Normal and torch.special.ndtr, put-call parity, a grid of strikes (grad of a
# non-scalar with grad_outputs), and the learner's mistakes: no requires_grad, .item() in the graph, grad twice
# without retain_graph, float32/float64 mixing, an in-place update of a leaf.
import math
import torch
from torch.distributions import Normal

# %%
torch.set_default_dtype(torch.float64)
N = Normal(0.0, 1.0)
print(N, N.loc.dtype, N.mean, N.stddev)
print(N.cdf(torch.tensor([-1.96, 0.0, 1.96])), torch.special.ndtr(torch.tensor([-1.96, 0.0, 1.96])))
print(N.icdf(torch.tensor([0.025, 0.5, 0.975])), torch.special.ndtri(torch.tensor([0.025, 0.5, 0.975])))
print(N.log_prob(torch.tensor(0.0)), -0.5 * math.log(2 * math.pi))

# %%
def bs_call(S, K, T, r, sigma):
    d1 = (torch.log(S / K) + (r + 0.5 * sigma ** 2) * T) / (sigma * torch.sqrt(T))
    d2 = d1 - sigma * torch.sqrt(T)
    return S * N.cdf(d1) - K * torch.exp(-r * T) * N.cdf(d2)

def bs_put(S, K, T, r, sigma):
    return bs_call(S, K, T, r, sigma) - S + K * torch.exp(-r * T)

S = torch.tensor(100.0, requires_grad=True)
K = torch.tensor(105.0)
T = torch.tensor(0.5, requires_grad=True)
r = torch.tensor(0.03, requires_grad=True)
sigma = torch.tensor(0.2, requires_grad=True)
price = bs_call(S, K, T, r, sigma)
print(price, price.grad_fn)

# %%
delta, theta, rho, vega = torch.autograd.grad(price, (S, T, r, sigma), retain_graph=True)
print(f"delta={delta:.6f} theta={-theta:.6f} rho={rho:.6f} vega={vega:.6f}")
print(delta, vega.dtype, delta.requires_grad)

# %%
# gamma: differentiate delta again, so delta needs a graph of its own
delta, = torch.autograd.grad(price, S, create_graph=True)
print(delta, delta.grad_fn is not None)
gamma, = torch.autograd.grad(delta, S, retain_graph=True)
vanna, = torch.autograd.grad(delta, sigma)
print(gamma, vanna)

# %%
# closed forms to check against
d1 = (math.log(100 / 105) + (0.03 + 0.02) * 0.5) / (0.2 * math.sqrt(0.5))
pdf = math.exp(-d1 ** 2 / 2) / math.sqrt(2 * math.pi)
print(0.5 * (1 + math.erf(d1 / math.sqrt(2))), pdf / (100 * 0.2 * math.sqrt(0.5)), 100 * pdf * math.sqrt(0.5))
print(torch.special.erf(torch.tensor(d1 / math.sqrt(2))), torch.special.erfc(torch.tensor(-d1 / math.sqrt(2))) / 2)
print(torch.allclose(delta.detach(), 0.5 * torch.special.erfc(torch.tensor(-d1 / math.sqrt(2)))))

# %%
# put-call parity and the put's delta
put = bs_put(S, K, T, r, sigma)
put.backward()
print(put, S.grad, T.grad, sigma.grad)
print(bs_call(S, K, T, r, sigma) - put, S - K * torch.exp(-r * T))

# %%
# gradients accumulate on the leaves across backward calls
bs_call(S, K, T, r, sigma).backward()
print(S.grad, sigma.grad)
S.grad.zero_(); sigma.grad = None; T.grad = None; r.grad = None
print(S.grad, sigma.grad)

# %%
# a grid of strikes: the price is a vector
strikes = torch.linspace(80, 120, 5)
spot = torch.tensor(100.0, requires_grad=True)
prices = bs_call(spot, strikes, torch.tensor(1.0), torch.tensor(0.01), torch.tensor(0.25))
print(prices)
torch.autograd.grad(prices, spot)

# %%
deltas, = torch.autograd.grad(prices, spot, grad_outputs=torch.ones_like(prices), retain_graph=True)
print(deltas)
spots = torch.linspace(90, 110, 5, requires_grad=True)
p = bs_call(spots, torch.tensor(100.0), torch.tensor(1.0), torch.tensor(0.01), torch.tensor(0.25))
d, = torch.autograd.grad(p.sum(), spots, create_graph=True)
g, = torch.autograd.grad(d.sum(), spots)
print(d, g)
print(torch.stack([spots.detach(), p.detach(), d.detach(), g]).T)

# %%
# mistake: grad twice on the same graph
price = bs_call(S, K, T, r, sigma)
torch.autograd.grad(price, S)
torch.autograd.grad(price, sigma)

# %%
# mistake: forgot requires_grad on the volatility
vol = torch.tensor(0.2)
torch.autograd.grad(bs_call(S, K, T, r, vol), vol)

# %%
# mistake: .item() leaves the graph
s2 = torch.tensor(100.0, requires_grad=True)
pv = bs_call(torch.tensor(s2.item()), K, T, r, sigma)
print(pv.requires_grad)
pv.backward()
print(s2.grad)
torch.autograd.grad(bs_call(torch.tensor(s2.item()), K, T, r, sigma), s2)

# %%
# mistake: gamma without create_graph
delta, = torch.autograd.grad(bs_call(S, K, T, r, sigma), S)
print(delta.requires_grad, delta.grad_fn)
torch.autograd.grad(delta, S)

# %%
# mistake: float32 spot with float64 strikes in a matrix product
w32 = torch.ones(5, dtype=torch.float32)
print(w32 @ torch.ones(5, dtype=torch.float32), (w32 * strikes).dtype)
w32 @ strikes

# %%
torch.dot(strikes, w32)

# %%
# mistake: bumping the spot of a leaf in place
S += 1.0

# %%
with torch.no_grad():
    S += 1.0
print(S, S.requires_grad, S.is_leaf)
S.data -= 1.0
print(S)

# %%
# finite differences agree with autograd
h = 1e-4
up, dn = bs_call(S.detach() + h, K, T.detach(), r.detach(), sigma.detach()), bs_call(S.detach() - h, K, T.detach(), r.detach(), sigma.detach())
fd_delta = (up - dn) / (2 * h)
ad_delta, = torch.autograd.grad(bs_call(S, K, T, r, sigma), S)
print(f"{fd_delta.item():.8f} {ad_delta.item():.8f}", torch.isclose(fd_delta, ad_delta, atol=1e-7))
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor(1.0).dtype)
