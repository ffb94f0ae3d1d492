# Imitates exotic-option and greeks notebooks in PyTorch: Black-Scholes greeks with torch.func (grad of grad under
# vmap over spots, hessian over spot and vol, jacrev), torch.autograd.functional.jacobian / hessian, Asian and
# up-and-out barrier calls by Monte Carlo from a torch.Generator with pathwise delta and vega, a softplus-smoothed
# payoff for a nonzero gamma where relu / torch.where give none, and the errors and validation messages learners
# meet (a negative volatility in Normal, NaN values under validate_args, a batched covariance that is not positive
# definite, randn with an integer dtype, topk past the length).
import torch
from torch.distributions import Normal
from torch.func import grad, vmap, hessian, jacrev
from torch.autograd.functional import jacobian

N = Normal(0.0, 1.0)

# %%
def bs(S, sigma, K=100.0, T=1.0, r=0.05):
    d1 = (torch.log(S / K) + (r + 0.5 * sigma ** 2) * T) / (sigma * T ** 0.5)
    return S * N.cdf(d1) - K * torch.exp(torch.tensor(-r * T)) * N.cdf(d1 - sigma * T ** 0.5)

S = torch.tensor([90.0, 100.0, 110.0])
sig = torch.tensor(0.2)
print(vmap(grad(bs), in_dims=(0, None))(S, sig))
print(vmap(grad(grad(bs)), in_dims=(0, None))(S, sig))
print(hessian(bs, argnums=(0, 1))(torch.tensor(100.0), sig))
print(jacrev(bs, argnums=1)(S, sig))
f = lambda x: bs(x[0], x[1])
x = torch.tensor([100.0, 0.2])
print(jacobian(f, x), torch.autograd.functional.hessian(f, x))

# %%
torch.set_printoptions(precision=6)
g = torch.Generator().manual_seed(123)
S0 = torch.tensor(100.0, requires_grad=True)
vol = torch.tensor(0.3, requires_grad=True)
Z = torch.randn(20000, 24, generator=g)
lr = (0.02 - 0.5 * vol ** 2) / 24 + vol * (1 / 24) ** 0.5 * Z
paths = S0 * torch.exp(torch.cumsum(lr, 1))
asian = torch.relu(paths.mean(1) - 100).mean()
barrier = (torch.relu(paths[:, -1] - 100) * (paths.max(1).values < 140)).mean()
print(asian, barrier, paths.std(), paths.var(1).mean())
print(torch.autograd.grad(asian, [S0, vol], retain_graph=True), torch.autograd.grad(barrier, [S0, vol]))
torch.set_printoptions(profile="default")

# %%
S = torch.tensor(100.0, requires_grad=True)
p = torch.where(S > 100, S - 100, torch.zeros(()))
d, = torch.autograd.grad(p, S, create_graph=True)
print(p, p.grad_fn.name(), d, d.grad_fn, d.requires_grad)
r = torch.relu(S - 100)
d_relu, = torch.autograd.grad(r, S, create_graph=True)
print(d_relu, d_relu.grad_fn.name(), torch.autograd.grad(d_relu, S))
sp = torch.nn.functional.softplus(S - 100, beta=10)
d1, = torch.autograd.grad(sp, S, create_graph=True)
d2, = torch.autograd.grad(d1, S)
print(sp, d1, d1.grad_fn.name(), d2)

# %%
sigma = torch.tensor([0.2, -0.1], requires_grad=True)
try:
    Normal(torch.zeros(2), sigma)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Normal(torch.zeros(2), torch.ones(2)).log_prob(torch.tensor([float("nan"), 0.0]))
except ValueError as e:
    print(type(e).__name__, e)
print(Normal(torch.zeros(2), torch.ones(2)).cdf(torch.tensor([float("inf"), -float("inf")])))
bad = torch.tensor([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [2.0, 1.0]]])
try:
    torch.linalg.cholesky(bad)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.linalg.cholesky_ex(bad))
try:
    torch.randn(2, 3, generator=g, dtype=torch.int64)
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    torch.topk(torch.tensor([0.01, -0.03]), 3)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.sort(torch.tensor([0.01, -0.03]), descending="yes")
except TypeError as e:
    print(type(e).__name__, e)
