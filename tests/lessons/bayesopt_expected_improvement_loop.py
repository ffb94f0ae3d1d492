# Imitates "Bayesian optimisation from scratch" notebooks in plain PyTorch: a GP surrogate with a Matern-5/2
# kernel, expected improvement and its log, probability of improvement and UCB through
# torch.distributions.Normal's cdf / log_prob / icdf and torch.special, a small BO loop over a grid of candidates,
# EI maximised by gradient ascent with Adam, and the mistakes of such notebooks.
import math
import torch
from torch.distributions import Normal
torch.set_default_dtype(torch.float64)

def objective(x):
    return torch.sin(3 * x) + 0.5 * x ** 2 - 0.3 * x

def matern52(a, b, ls=0.3, var=1.0):
    r = torch.cdist(a, b) / ls
    s = math.sqrt(5.0) * r
    return var * (1 + s + s ** 2 / 3) * torch.exp(-s)

def posterior(Xtr, ytr, Xq, noise=1e-6):
    K = matern52(Xtr, Xtr) + noise * torch.eye(len(Xtr))
    L = torch.linalg.cholesky(K)
    Ks = matern52(Xtr, Xq)
    mu = Ks.T @ torch.cholesky_solve(ytr.unsqueeze(-1), L)
    v = torch.linalg.solve_triangular(L, Ks, upper=False)
    var = (matern52(Xq, Xq).diagonal() - v.pow(2).sum(0)).clamp_min(1e-12)
    return mu.squeeze(-1), var.sqrt()

# %%
std = Normal(0.0, 1.0)
z = torch.tensor([-3.0, -1.0, 0.0, 0.5, 2.0])
print(std, std.loc.dtype, std.mean, std.stddev)
print(std.cdf(z), std.log_prob(z).exp())
print(std.icdf(torch.tensor([0.025, 0.5, 0.975])), torch.special.ndtr(z), torch.special.ndtri(torch.tensor(0.9)))
print(torch.special.log_ndtr(torch.tensor([-40.0, -5.0, 0.0])), 0.5 * torch.erfc(-z / math.sqrt(2)))
std.cdf(torch.tensor(0.3)), std.cdf(0.3) if False else None

# %%
def expected_improvement(mu, sigma, best, xi=0.01):
    imp = best - mu - xi          # minimisation
    z = imp / sigma
    return imp * std.cdf(z) + sigma * std.log_prob(z).exp()

def probability_of_improvement(mu, sigma, best, xi=0.01):
    return std.cdf((best - mu - xi) / sigma)

def lcb(mu, sigma, beta=2.0):
    return mu - beta * sigma

torch.manual_seed(1)
Xtr = torch.rand(3, 1) * 4 - 2
ytr = objective(Xtr).squeeze(-1)
grid = torch.linspace(-2, 2, 201).unsqueeze(-1)
mu, sigma = posterior(Xtr, ytr, grid)
ei = expected_improvement(mu, sigma, ytr.min())
pi = probability_of_improvement(mu, sigma, ytr.min())
print(Xtr.squeeze(), ytr)
print(ei.argmax(), grid[ei.argmax()], ei.max(), pi.max(), lcb(mu, sigma).argmin())
print(torch.topk(ei, 3), mu[::50], sigma[::50])

# %%
for it in range(6):
    mu, sigma = posterior(Xtr, ytr, grid)
    ei = expected_improvement(mu, sigma, ytr.min())
    x_next = grid[ei.argmax()].unsqueeze(0)
    y_next = objective(x_next).squeeze(-1)
    Xtr = torch.cat([Xtr, x_next])
    ytr = torch.cat([ytr, y_next])
    print(f"iter {it}: x={x_next.item():+.3f} y={y_next.item():+.4f} best={ytr.min().item():+.4f} maxEI={ei.max().item():.3e}")
print(Xtr.shape, ytr.argmin(), Xtr[ytr.argmin()])

# %%
# EI is almost zero far from the data: its log keeps a gradient
mu, sigma = posterior(Xtr, ytr, grid)
z = (ytr.min() - mu) / sigma
log_ei = torch.log(sigma) + torch.logaddexp(std.log_prob(z), torch.special.log_ndtr(z) + torch.log(z.abs()))
print(log_ei[:3], (ei == 0).sum(), torch.isfinite(log_ei).all())
print(std.log_prob(torch.tensor([0.0, 40.0])), std.cdf(torch.tensor([-40.0, 40.0])), std.icdf(torch.tensor([0.0, 1.0])))

# %%
x = torch.tensor([[0.3]], requires_grad=True)
opt = torch.optim.Adam([x], lr=0.05)
for step in range(30):
    opt.zero_grad()
    m, s = posterior(Xtr, ytr, x)
    loss = -expected_improvement(m, s, ytr.min()).sum()
    loss.backward()
    opt.step()
    with torch.no_grad():
        x.clamp_(-2, 2)
    if step % 10 == 0:
        print(step, x.item(), loss.item(), x.grad)
x, loss.grad_fn

# %%
try:
    Normal(0.0, -1.0)
except ValueError as e:
    print("ValueError:", e)
try:
    std.log_prob(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    std.icdf(torch.tensor(1.5))
except Exception as e:
    print(type(e).__name__, e)
try:
    posterior(Xtr, ytr, torch.linspace(-2, 2, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat([Xtr, torch.tensor(0.5)])
except Exception as e:
    print(type(e).__name__, e)
torch.cat([Xtr, torch.tensor([[0.5]])]).shape

# %%
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.0]).dtype)
