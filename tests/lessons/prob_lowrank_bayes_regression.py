# Imitates a "Bayesian linear regression with low-rank covariances" lesson: a low-rank-plus-diagonal Gaussian
# posterior over weights, comparing it with the dense MultivariateNormal, variational fitting through rsample,
# and the shape mistakes learners make with cov_factor and cov_diag.
import torch
from torch.distributions import LowRankMultivariateNormal, MultivariateNormal, Normal, kl_divergence

# %%
torch.manual_seed(0)
W = torch.randn(4, 2)
D = torch.rand(4) + 0.5
q = LowRankMultivariateNormal(torch.zeros(4), cov_factor=W, cov_diag=D)
print(q)
print(q.batch_shape, q.event_shape, q.has_rsample, q.support)
q.arg_constraints

# %%
print(q.covariance_matrix)
print(q.precision_matrix)
print(q.scale_tril)

# %%
print(q.mean, q.mode, q.variance)
print(q.entropy())

# %%
torch.manual_seed(1)
w = q.rsample((3,))
print(w)
print(q.log_prob(w))

# %%
dense = MultivariateNormal(torch.zeros(4), covariance_matrix=W @ W.T + torch.diag(D))
print(dense.log_prob(w))
print(torch.allclose(dense.log_prob(w), q.log_prob(w), atol=1e-5))

# %%
print(kl_divergence(q, dense))
print(kl_divergence(dense, q))
print(kl_divergence(q, LowRankMultivariateNormal(torch.ones(4), W * 0.5, D * 2)))

# %%
# variational inference: fit a low-rank posterior for y = X w + noise
torch.manual_seed(2)
X = torch.randn(30, 4)
w_true = torch.tensor([1.0, -2.0, 0.5, 0.0])
y = X @ w_true + 0.3 * torch.randn(30)
mu = torch.zeros(4, requires_grad=True)
F = (0.1 * torch.randn(4, 2)).requires_grad_()
log_d = torch.full((4,), -2.0, requires_grad=True)
prior = MultivariateNormal(torch.zeros(4), torch.eye(4))
opt = torch.optim.Adam([mu, F, log_d], lr=0.05)
for step in range(80):
    opt.zero_grad()
    post = LowRankMultivariateNormal(mu, F, log_d.exp())
    ws = post.rsample((8,))
    ll = Normal(ws @ X.T, 0.3).log_prob(y).sum(-1).mean()
    elbo = ll - kl_divergence(post, prior)
    (-elbo).backward()
    opt.step()
    if step % 20 == 0:
        print(step, round(elbo.item(), 3))
print(mu.detach().round(decimals=1))

# %%
print(elbo.grad_fn, mu.grad.shape, F.grad.shape, log_d.grad.shape)

# %%
# a batch of posteriors
qb = LowRankMultivariateNormal(torch.zeros(3, 4), W.expand(3, 4, 2), D)
print(qb.batch_shape, qb.event_shape, qb.sample().shape, qb.entropy().shape)
e = q.expand((2,))
print(e, e.rsample().shape)

# %%
# mistake: cov_factor without the rank dimension
LowRankMultivariateNormal(torch.zeros(4), torch.randn(4), D)

# %%
# mistake: rank dimension first
LowRankMultivariateNormal(torch.zeros(4), torch.randn(2, 4), D)

# %%
# mistake: cov_diag with the wrong length
LowRankMultivariateNormal(torch.zeros(4), W, torch.ones(3))

# %%
# mistake: a scalar loc
LowRankMultivariateNormal(torch.tensor(0.0), W, D)

# %%
# mistake: negative diagonal
LowRankMultivariateNormal(torch.zeros(4), W, -D)

# %%
# mistake: scoring a vector of the wrong length
q.log_prob(torch.zeros(3))

# %%
torch.manual_seed(5)
q64 = LowRankMultivariateNormal(torch.zeros(3, dtype=torch.float64), torch.randn(3, 1, dtype=torch.float64),
                                torch.ones(3, dtype=torch.float64))
s = q64.sample((2,))
print(s, q64.log_prob(s), q64.entropy())
