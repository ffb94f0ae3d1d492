# Imitates a computational-statistics course notebook "Autograd for Bayesian computation" (after the Stan/PyMC-free
# lecture notes that write samplers by hand): logistic regression in float64 fitted by Newton's method with
# torch.autograd.grad(create_graph=True) and torch.linalg.solve, the Laplace approximation from the Hessian at the
# mode, a hand-written Hamiltonian Monte Carlo sampler (leapfrog with torch.autograd.grad, Metropolis accept with a
# seeded torch.rand), unadjusted Langevin, logsumexp importance weights and the effective sample size.
import math
import torch
import torch.nn.functional as F
from torch.autograd.functional import hessian

# %%
torch.manual_seed(11)
n = 80
X = torch.cat([torch.ones(n, 1, dtype=torch.float64), torch.randn(n, 2, dtype=torch.float64)], 1)
w_true = torch.tensor([-0.5, 1.2, -0.7], dtype=torch.float64)
y = torch.bernoulli(torch.sigmoid(X @ w_true))
print(X.dtype, y.dtype, y.sum(), y[:10])

def log_post(w, prior_sd=2.0):
    eta = X @ w
    loglik = (y * eta - F.softplus(eta)).sum()
    logprior = -0.5 * (w ** 2).sum() / prior_sd ** 2
    return loglik + logprior

# %%
w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
for it in range(8):
    lp = log_post(w)
    g, = torch.autograd.grad(lp, w, create_graph=True)
    H = torch.stack([torch.autograd.grad(g[i], w, retain_graph=True)[0] for i in range(3)])
    step = torch.linalg.solve(H, g)
    with torch.no_grad():
        w -= step
    print(it, f"{lp.item():.10f}", g.norm().item() < 1e-8, step.grad_fn.name())
w_map = w.detach().clone()
print(w_map, g.grad_fn.name())

# %%
H = hessian(log_post, w_map)
cov = torch.linalg.inv(-H)
print(H, torch.allclose(H, H.T))
print(cov.diagonal().sqrt(), torch.linalg.cholesky(cov))
L = torch.linalg.cholesky(cov)
logdet = 2 * L.diagonal().log().sum()
log_evidence = log_post(w_map) + 0.5 * 3 * math.log(2 * math.pi) + 0.5 * logdet
print(logdet, log_evidence, torch.logdet(cov))
laplace = torch.distributions.MultivariateNormal(w_map, scale_tril=L)
print(laplace, laplace.entropy(), laplace.log_prob(w_map))

# %%
def U(q):
    return -log_post(q)

def grad_U(q):
    q = q.detach().requires_grad_(True)
    g, = torch.autograd.grad(U(q), q)
    return g

def hmc_step(q, eps=0.08, L=15):
    p0 = torch.randn_like(q)
    qn, p = q.clone(), p0 - 0.5 * eps * grad_U(q)
    for i in range(L):
        qn = qn + eps * p
        if i < L - 1:
            p = p - eps * grad_U(qn)
    p = p - 0.5 * eps * grad_U(qn)
    H0 = U(q) + 0.5 * (p0 ** 2).sum()
    H1 = U(qn) + 0.5 * (p ** 2).sum()
    accept = torch.rand(()) < torch.exp(H0 - H1)
    return (qn if accept else q), accept.item(), (H0 - H1).item()

torch.manual_seed(12)
q = w_map.clone()
samples, acc = [], 0
for s in range(60):
    q, a, dH = hmc_step(q)
    acc += a
    samples.append(q)
    if s < 3:
        print(s, a, f"{dH:.6f}", q)
S = torch.stack(samples)
print(acc / 60, S.mean(0), S.std(0), S.shape)

# %%
torch.manual_seed(13)
eps = 1e-3
q = w_map.clone()
trace = []
for t in range(200):
    q = q - eps * grad_U(q) + math.sqrt(2 * eps) * torch.randn_like(q)
    trace.append(q)
T = torch.stack(trace)
print(T[-1], T.mean(0), torch.cov(T.T).diagonal())

# %%
torch.manual_seed(14)
prop = torch.distributions.MultivariateNormal(w_map, covariance_matrix=1.5 * cov)
draws = prop.sample((500,))
logw = torch.stack([log_post(d) for d in draws]) - prop.log_prob(draws)
print(logw.dtype, logw.shape, logw.max())
W = torch.softmax(logw, 0)
ess = 1.0 / (W ** 2).sum()
print(f"{ess.item():.4f}", (W[:, None] * draws).sum(0))
print(torch.logsumexp(logw, 0) - math.log(500), torch.special.logsumexp(logw[:5], dim=0))

# %%
try:
    torch.linalg.solve(torch.zeros(3, 3, dtype=torch.float64), g.detach())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(-cov)
except Exception as e:
    print(type(e).__name__, e)
try:
    grad_U(w_map.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.distributions.MultivariateNormal(w_map, covariance_matrix=-cov)
except Exception as e:
    print(type(e).__name__, e)
