# Imitates "sparse variational GPs from scratch" notebooks (Hensman et al.'s SVGP as GPflow/GPyTorch tutorials
# explain it, re-written in plain PyTorch): inducing inputs Z, a whitened q(u) = MultivariateNormal(m, scale_tril=S)
# with S made lower-triangular with a positive diagonal by tril + softplus (and by transform_to(lower_cholesky)),
# the KL to N(0, I) with kl_divergence (checked against the closed form with logdet), the expected log likelihood in
# closed form, minibatch ELBO training with Adam on log-parameters, and the predictive mean and variance.
import math
import torch
import torch.nn.functional as F
from torch.distributions import MultivariateNormal, Normal, Independent, kl_divergence, constraints, transform_to

def rbf(a, b, log_ell, log_sf2):
    return log_sf2.exp() * torch.exp(-0.5 * torch.cdist(a, b) ** 2 / log_ell.exp() ** 2)

# %%
torch.manual_seed(2)
N, M = 50, 6
X = torch.rand(N, 1) * 6
y = torch.sin(X[:, 0]) + 0.2 * torch.randn(N)
Z = torch.linspace(0.5, 5.5, M).unsqueeze(1).clone().requires_grad_(True)
log_ell, log_sf2, log_noise = (torch.tensor(v, requires_grad=True) for v in (0.0, 0.0, -2.0))
q_m = torch.zeros(M, requires_grad=True)
q_S_raw = torch.zeros(M, M, requires_grad=True)
print(Z.T, Z.is_leaf, log_ell, q_S_raw.shape)

# %%
def q_scale(raw):
    return torch.tril(raw, -1) + torch.diag_embed(F.softplus(torch.diagonal(raw)) + 1e-5)

S = q_scale(q_S_raw)
print(S[:3, :3])
q_u = MultivariateNormal(q_m, scale_tril=S)
p_u = MultivariateNormal(torch.zeros(M), scale_tril=torch.eye(M))
print(q_u, p_u)
print(q_u.batch_shape, q_u.event_shape)
kl = kl_divergence(q_u, p_u)
kl_closed = 0.5 * ((S ** 2).sum() + q_m @ q_m - M - 2 * torch.log(torch.diagonal(S)).sum())
print(kl, kl_closed, kl.grad_fn is not None)
L_t = transform_to(constraints.lower_cholesky)(q_S_raw)
print(transform_to(constraints.lower_cholesky))
print(L_t[:2, :2], constraints.lower_cholesky.check(L_t))

# %%
def predict(Xb, full=False):
    Kmm = rbf(Z, Z, log_ell, log_sf2) + 1e-5 * torch.eye(M)
    Kmn = rbf(Z, Xb, log_ell, log_sf2)
    Lm = torch.linalg.cholesky(Kmm)
    A = torch.linalg.solve_triangular(Lm, Kmn, upper=False)
    S = q_scale(q_S_raw)
    mean = A.T @ q_m
    SA = S.T @ A
    var = log_sf2.exp() - (A ** 2).sum(0) + (SA ** 2).sum(0)
    return mean, var

def elbo(Xb, yb):
    mean, var = predict(Xb)
    noise = log_noise.exp()
    ell = Normal(mean, noise.sqrt()).log_prob(yb) - 0.5 * var / noise
    S = q_scale(q_S_raw)
    kl = kl_divergence(MultivariateNormal(q_m, scale_tril=S), p_u)
    return N / len(yb) * ell.sum() - kl

mean, var = predict(X[:4])
print(mean, var, var.grad_fn)
print(elbo(X, y))

# %%
params = [Z, log_ell, log_sf2, log_noise, q_m, q_S_raw]
opt = torch.optim.Adam(params, lr=0.03)
g = torch.Generator().manual_seed(0)
for epoch in range(40):
    perm = torch.randperm(N, generator=g)
    for idx in perm.split(25):
        opt.zero_grad()
        loss = -elbo(X[idx], y[idx])
        loss.backward()
        opt.step()
    if epoch % 10 == 0:
        print(epoch, round(loss.item(), 3), Z.grad.shape, q_S_raw.grad.triu(1).abs().sum().item())
print(log_ell.exp().item(), log_noise.exp().item(), Z.detach().squeeze())

# %%
with torch.no_grad():
    Xs = torch.linspace(0, 6, 5).unsqueeze(1)
    m, v = predict(Xs)
    sd = (v + log_noise.exp()).sqrt()
print(m, sd)
pred = Normal(m, sd)
print(pred, pred.batch_shape)
print(Independent(pred, 1).log_prob(torch.sin(Xs[:, 0])), pred.log_prob(torch.sin(Xs[:, 0])).sum())
print(torch.stack([m - 2 * sd, m + 2 * sd]).T)
lo, hi = pred.icdf(torch.tensor(0.025)), pred.icdf(torch.tensor(0.975))
lo, hi

# %%
bad = torch.randn(M, M)
try:
    MultivariateNormal(q_m, scale_tril=bad)
except ValueError as e:
    print(str(e).splitlines()[0])
try:
    MultivariateNormal(q_m, scale_tril=torch.tril(bad))
except ValueError as e:
    print(str(e).splitlines()[0])
try:
    kl_divergence(q_u, MultivariateNormal(torch.zeros(3), torch.eye(3)))
except ValueError as e:
    print("ValueError", e)
try:
    MultivariateNormal(torch.zeros(M), scale_tril=torch.eye(M - 1))
except Exception as e:
    print(type(e).__name__, e)
MultivariateNormal(torch.zeros(2, M), scale_tril=torch.eye(M)).batch_shape
