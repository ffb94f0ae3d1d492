# Imitates a black-box optimisation course's "CMA-ES from scratch" and "natural gradient of a Gaussian" notebooks:
# sampling from MultivariateNormal (scale_tril from torch.linalg.cholesky), rank-mu covariance updates, the
# eigendecomposition with torch.linalg.eigh for C^{-1/2}, log_prob / entropy with gradients, the Fisher information
# of a Gaussian and the natural-gradient step; plus learners' mistakes (non-PD covariance, wrong shapes).
import math
import torch
from torch.distributions import MultivariateNormal, Normal, kl_divergence

# %%
torch.manual_seed(0)
n = 3
mean = torch.zeros(n)
C = torch.eye(n)
L = torch.linalg.cholesky(C)
mvn = MultivariateNormal(mean, scale_tril=L)
print(mvn, mvn.batch_shape, mvn.event_shape, mvn.covariance_matrix)
z = mvn.sample((5,))
print(z.shape, z)
print(mvn.log_prob(z), mvn.entropy())

# %%
def sphere_shift(x):
    return ((x - torch.tensor([1.0, -2.0, 0.5])) ** 2 * torch.tensor([1.0, 10.0, 100.0])).sum(-1)

lam, mu_ = 8, 4
w = torch.log(torch.tensor(mu_ + 0.5)) - torch.log(torch.arange(1, mu_ + 1, dtype=torch.float32))
w = w / w.sum()
mueff = 1.0 / (w ** 2).sum()
print(w, mueff)
sigma = 0.5
g = torch.Generator().manual_seed(1)
for gen_i in range(25):
    evals, B = torch.linalg.eigh(C)
    D = evals.clamp(min=1e-12).sqrt()
    zs = torch.randn(lam, n, generator=g)
    ys = zs @ torch.diag(D) @ B.T
    xs = mean + sigma * ys
    fit = sphere_shift(xs)
    idx = fit.argsort()[:mu_]
    y_sel = ys[idx]
    mean = mean + sigma * (w @ y_sel)
    rank_mu = (w[:, None, None] * y_sel[:, :, None] * y_sel[:, None, :]).sum(0)
    C = 0.7 * C + 0.3 * rank_mu
    C = (C + C.T) / 2
    sigma *= math.exp(0.1 * (fit[idx].mean() < fit.mean()).float().item() - 0.05)
    if gen_i % 8 == 0:
        print(gen_i, round(fit.min().item(), 4), evals)
print(mean, sigma, C)
invsqrtC = B @ torch.diag(1 / D) @ B.T
print(torch.allclose(invsqrtC @ C @ invsqrtC, torch.eye(n), atol=1e-3))

# %%
# eigh / cholesky properties and the uplo argument
M = torch.tensor([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
ev, V = torch.linalg.eigh(M)
print(ev, V.abs())
ev_u, _ = torch.linalg.eigh(M, UPLO="U")
print(ev_u, torch.linalg.eigvalsh(M))
Lm = torch.linalg.cholesky(M)
print(Lm, torch.linalg.cholesky(M, upper=True))
print(torch.cholesky_inverse(Lm), torch.cholesky_solve(torch.ones(3, 1), Lm).T)
res = torch.linalg.cholesky_ex(M)
print(res.info, type(res).__name__)

# %%
# MultivariateNormal with gradients: rsample through cholesky, log_prob grads w.r.t. mean and a raw tril
torch.manual_seed(2)
m = torch.zeros(2, requires_grad=True)
raw = torch.tensor([[0.3, 0.0], [0.4, -0.2]], requires_grad=True)
tril = torch.tril(raw, diagonal=-1) + torch.diag_embed(raw.diagonal().exp())
d = MultivariateNormal(m, scale_tril=tril)
xr = d.rsample((3,))
print(xr, type(xr.grad_fn).__name__)
lp = d.log_prob(torch.tensor([[0.5, -0.5], [1.0, 1.0]]))
lp.sum().backward()
print(lp, m.grad, raw.grad)
d2 = MultivariateNormal(torch.ones(2), covariance_matrix=torch.tensor([[2.0, 0.3], [0.3, 1.0]]))
kl = kl_divergence(d, d2)
print(kl, type(kl.grad_fn).__name__)
print(d2.scale_tril, d2.precision_matrix, d2.variance, d2.stddev)

# %%
# natural gradient of a 1-d Gaussian N(mu, s^2) in (mu, log s): Fisher = diag(1/s^2, 2)
mu = torch.tensor(0.5, requires_grad=True)
log_s = torch.tensor(0.2, requires_grad=True)
def expected_loss(mu, log_s):
    s = log_s.exp()
    return (mu - 2.0) ** 2 + s ** 2        # E[(x - 2)^2]
Lval = expected_loss(mu, log_s)
gmu, gls = torch.autograd.grad(Lval, (mu, log_s))
s = log_s.exp().detach()
F = torch.diag(torch.stack([1 / s ** 2, torch.tensor(2.0)]))
grad = torch.stack([gmu, gls])
nat = torch.linalg.solve(F, grad)
print(grad, F, nat)
# Fisher from the score: E[score score^T] estimated by sampling
torch.manual_seed(3)
x = Normal(mu.detach(), s).sample((4000,))
mu_r = mu.detach().clone().requires_grad_()
ls_r = log_s.detach().clone().requires_grad_()
lpx = Normal(mu_r, ls_r.exp()).log_prob(x)
scores = torch.stack([torch.autograd.grad(l, (mu_r, ls_r), retain_graph=True) for l in lpx[:200]][0])
print(scores)
jac = torch.autograd.functional.jacobian(lambda a, b: Normal(a, b.exp()).log_prob(x[:200]), (mu.detach(), log_s.detach()))
S = torch.stack(jac, dim=1)
F_hat = S.T @ S / S.shape[0]
print(S.shape, F_hat)
with torch.no_grad():
    mu.sub_(0.1 * nat[0])
    log_s.add_(nat[1], alpha=-0.1)
print(mu, log_s, mu.grad)

# %%
# learners' mistakes
bad = torch.tensor([[1.0, 2.0], [2.0, 1.0]])
try:
    torch.linalg.cholesky(bad)
except Exception as e:
    print(type(e).__name__, e)
print(torch.linalg.cholesky_ex(bad).info)
try:
    MultivariateNormal(torch.zeros(2), covariance_matrix=bad)
except Exception as e:
    print(type(e).__name__, str(e)[:300])
try:
    MultivariateNormal(torch.zeros(3), covariance_matrix=torch.eye(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(2), torch.eye(2), scale_tril=torch.eye(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.eigh(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.eigh(torch.eye(2, dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(2), torch.eye(2)).log_prob(torch.zeros(3))
except Exception as e:
    print(type(e).__name__, e)
