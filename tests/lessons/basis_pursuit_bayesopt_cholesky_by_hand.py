# Imitates optimisation-course notebooks in plain PyTorch: basis pursuit (min ||x||_1 s.t. Ax=b) by projected
# (sub)gradient with the projection through a pseudo-inverse / lstsq, an l1-ball projection by sorting, and
# Bayesian optimisation by hand: a GP posterior through the old torch.cholesky / cholesky_solve / cholesky_inverse,
# expected improvement from torch.distributions.Normal's cdf and log_prob, maximised by gradient ascent on the
# candidate point with a clamp back into the box, and the mistakes such notebooks make.
import math
import torch
from torch.distributions import Normal
torch.set_default_dtype(torch.float64)

torch.manual_seed(0)
m, n = 10, 30
A = torch.randn(m, n)
x0 = torch.zeros(n); x0[[3, 11, 25]] = torch.tensor([1.5, -2.0, 0.7])
b = A @ x0

# %%
P = torch.eye(n) - torch.linalg.pinv(A) @ A
x_ls = torch.linalg.lstsq(A, b.unsqueeze(-1)).solution.squeeze(-1)
x_pinv = torch.linalg.pinv(A) @ b
print(torch.allclose(x_ls, x_pinv), (A @ x_ls - b).abs().max() < 1e-10, x_ls.norm(p=1), x0.norm(p=1))
x = x_ls.clone()
for k in range(300):
    g = torch.sign(x)
    x = x - (0.05 / math.sqrt(k + 1)) * (P @ g)
print(x.norm(p=1), (A @ x - b).norm() < 1e-8, x.abs().topk(3).indices.sort().values)
print(torch.linalg.matrix_rank(A), torch.linalg.svdvals(P)[:3], torch.linalg.matrix_norm(P, ord=2))

# %%
def project_l1(v, radius=1.0):
    if v.abs().sum() <= radius:
        return v
    u = v.abs().sort(descending=True).values
    css = u.cumsum(0)
    ks = torch.arange(1, len(u) + 1, dtype=v.dtype)
    rho = torch.nonzero(u * ks > (css - radius)).max()
    theta = (css[rho] - radius) / (rho + 1)
    return torch.sign(v) * (v.abs() - theta).clamp(min=0)

v = torch.tensor([0.8, -0.6, 0.3, 0.05])
print(project_l1(v), project_l1(v).abs().sum(), project_l1(v * 0.1))
# l1-constrained least squares by projected gradient
x = torch.zeros(n, requires_grad=True)
for k in range(100):
    loss = 0.5 * (A @ x - b).pow(2).sum()
    g, = torch.autograd.grad(loss, x)
    with torch.no_grad():
        x.copy_(project_l1(x - 0.01 * g, radius=x0.abs().sum().item()))
print(loss, x.abs().sum(), x.abs().topk(3).indices)

# %%
def f(x):
    return torch.sin(3 * x) + x ** 2 - 0.7 * x

def rbf(a, b, ls=0.4):
    return torch.exp(-0.5 * (a[:, None] - b[None, :]) ** 2 / ls ** 2)

torch.manual_seed(3)
Xtr = torch.rand(4) * 3 - 1
ytr = f(Xtr)
K = rbf(Xtr, Xtr) + 1e-6 * torch.eye(4)
torch.set_warn_always(True)
Lc = torch.cholesky(K)
print(Lc.shape, torch.allclose(Lc @ Lc.T, K), torch.cholesky(K, upper=True).T.sub(Lc).abs().max())
alpha = torch.cholesky_solve(ytr.unsqueeze(1), Lc)
print(alpha.squeeze(), torch.cholesky_inverse(Lc).sub(torch.linalg.inv(K)).abs().max() < 1e-6)
print(torch.linalg.cholesky_ex(K).info, torch.logdet(K), 2 * Lc.diagonal().log().sum())
torch.set_warn_always(False)

# %%
std = Normal(torch.tensor(0.0), torch.tensor(1.0))
def posterior(xq):
    ks = rbf(Xtr, xq)
    mu = ks.T @ alpha.squeeze(1)
    v = torch.linalg.solve_triangular(Lc, ks, upper=False)
    var = (1.0 - (v ** 2).sum(0)).clamp(min=1e-10)
    return mu, var.sqrt()

def ei(xq, best):
    mu, sd = posterior(xq)
    z = (best - mu) / sd
    return (best - mu) * std.cdf(z) + sd * torch.exp(std.log_prob(z))

best = ytr.min()
grid = torch.linspace(-1, 2, 61)
vals = ei(grid, best)
print(vals.argmax(), grid[vals.argmax()], vals.max(), std.cdf(torch.tensor(0.0)), std.log_prob(torch.tensor(0.0)))

# %%
xc = grid[vals.argmax()].clone().reshape(1).requires_grad_(True)
opt = torch.optim.Adam([xc], lr=0.02)
for step in range(25):
    opt.zero_grad()
    (-ei(xc, best)).sum().backward()
    opt.step()
    with torch.no_grad():
        xc.clamp_(-1, 2)
print(xc, xc.grad, ei(xc, best))
xc2 = torch.tensor([0.5], requires_grad=True)
e = ei(xc2, best)
e.backward()
print(e, e.grad_fn, xc2.grad)
print(std.cdf(xc2).grad_fn, std.log_prob(xc2).grad_fn, Normal(0.0, 1.0).cdf(xc2))

# %%
# mistakes
try:
    torch.cholesky(-K)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cholesky_solve(ytr, Lc)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(torch.randn(3, 4))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    std.log_prob(1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    Normal(0.0, -1.0)
except ValueError as e:
    print(type(e).__name__, str(e)[:120])
try:
    xc.clamp_(-1, 2)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(A, b)
except RuntimeError as e:
    print(type(e).__name__, e)
print(Normal(torch.zeros(2), torch.ones(2)).cdf(torch.tensor([[0.0], [1.0]])))
