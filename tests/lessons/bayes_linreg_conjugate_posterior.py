# Imitates Bishop's PRML chapter 3 "Bayesian linear regression" re-done in PyTorch notebooks (and the
# "Bayesian linear regression from scratch" blog posts): Gaussian basis features, the conjugate posterior through
# its precision (cholesky, cholesky_inverse, cholesky_solve), MultivariateNormal built from a precision matrix,
# the predictive mean and variance with diag, the evidence with slogdet, evidence maximisation on log alpha / log
# beta with Adam, and kl_divergence between the prior and the posterior.
import math
import torch
from torch.distributions import MultivariateNormal, Normal, kl_divergence

# %%
torch.manual_seed(1)
N, M = 15, 6
x = torch.rand(N, 1) * 2 - 1
t = torch.sin(math.pi * x).squeeze(1) + 0.2 * torch.randn(N)
centers = torch.linspace(-1, 1, M - 1)

def features(x, s=0.3):
    phi = torch.exp(-(x - centers) ** 2 / (2 * s ** 2))
    return torch.cat([torch.ones(x.shape[0], 1), phi], dim=1)

Phi = features(x)
print(Phi.shape, Phi.dtype, Phi[:2])

# %%
alpha, beta = 2.0, 25.0
S_inv = alpha * torch.eye(M) + beta * Phi.T @ Phi
L = torch.linalg.cholesky(S_inv)
S = torch.cholesky_inverse(L)
m = beta * torch.cholesky_solve((Phi.T @ t).unsqueeze(-1), L).squeeze(-1)
print(m)
print(torch.allclose(S @ S_inv, torch.eye(M), atol=1e-4), S.diagonal())
print(torch.linalg.solve(S_inv, beta * Phi.T @ t))

# %%
post = MultivariateNormal(m, precision_matrix=S_inv)
print(post)
print(post.batch_shape, post.event_shape, post.loc.shape)
print(post.scale_tril[:2, :2])
# (the difference itself is rounding noise, ~1e-7, which differs with the processor's kernels: compared, not shown)
print(torch.allclose(post.covariance_matrix.diagonal(), S.diagonal(), atol=1e-5))
post.variance

# %%
xs = torch.linspace(-1, 1, 5).unsqueeze(1)
Ps = features(xs)
mean = Ps @ m
var = 1 / beta + (Ps @ S * Ps).sum(-1)
var2 = 1 / beta + torch.diag(Ps @ S @ Ps.T)
print(mean)
print(var.sqrt(), torch.allclose(var, var2))
pred = Normal(mean, var.sqrt())
print(pred)
print(pred.log_prob(torch.sin(math.pi * xs.squeeze(1))))
pred.cdf(mean + var.sqrt())

# %%
prior = MultivariateNormal(torch.zeros(M), covariance_matrix=torch.eye(M) / alpha)
print(prior)
print(kl_divergence(post, prior), kl_divergence(prior, post))
print(post.entropy(), prior.entropy())
g = torch.Generator().manual_seed(0)
torch.manual_seed(0)
w = post.sample((3,))
print(w.shape, (Ps @ w.T).shape)
post.rsample().shape

# %%
def log_evidence(log_alpha, log_beta, Phi, t):
    a, b = log_alpha.exp(), log_beta.exp()
    A = a * torch.eye(Phi.shape[1]) + b * Phi.T @ Phi
    mN = b * torch.linalg.solve(A, Phi.T @ t)
    E = b / 2 * (t - Phi @ mN).pow(2).sum() + a / 2 * mN @ mN
    sign, logabsdet = torch.linalg.slogdet(A)
    n, k = Phi.shape
    return k / 2 * log_alpha + n / 2 * log_beta - E - 0.5 * logabsdet - n / 2 * math.log(2 * math.pi)

la = torch.tensor(0.0, requires_grad=True)
lb = torch.tensor(1.0, requires_grad=True)
opt = torch.optim.Adam([la, lb], lr=0.1)
for it in range(60):
    opt.zero_grad()
    loss = -log_evidence(la, lb, Phi, t)
    loss.backward()
    opt.step()
    if it % 20 == 0:
        print(it, round(loss.item(), 4), la.grad, lb.grad)
print(la.exp().item(), lb.exp().item())

# %%
A = la.exp().detach() * torch.eye(M) + lb.exp().detach() * Phi.T @ Phi
print(torch.linalg.slogdet(A))
print(torch.logdet(A), torch.det(A).log())
print(torch.slogdet(-A))
sign, lad = torch.linalg.slogdet(A)
sign, lad, torch.logdet(-A)

# %%
try:
    MultivariateNormal(torch.zeros(3), precision_matrix=torch.ones(3, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(3), covariance_matrix=torch.eye(3), precision_matrix=torch.eye(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(3), covariance_matrix=torch.eye(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cholesky_inverse(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cholesky_solve(torch.ones(3), torch.eye(3))
except Exception as e:
    print(type(e).__name__, e)
