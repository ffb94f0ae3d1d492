# Imitates a probability course's notebook on multivariate Gaussians with torch.distributions: MultivariateNormal
# from covariance_matrix / scale_tril / precision_matrix with batch shapes, reparameterised samples and their
# gradients to loc and scale_tril, log_prob and entropy, LowRankMultivariateNormal, and Independent(Normal, 1)
# batch versus event shapes.
import torch
from torch.distributions import MultivariateNormal, LowRankMultivariateNormal, Independent, Normal, kl_divergence

torch.set_printoptions(precision=10)

# %%
torch.manual_seed(0)
loc = torch.tensor([1.0, -0.5])
cov = torch.tensor([[2.0, 0.6], [0.6, 1.0]])
mvn = MultivariateNormal(loc, covariance_matrix=cov)
print(mvn)
print(mvn.batch_shape, mvn.event_shape)
print(mvn.scale_tril)
print(mvn.precision_matrix)
print(mvn.mean, mvn.variance, mvn.stddev, mvn.mode)
x = mvn.sample((4,))
print(x)
print(mvn.log_prob(x))
print(mvn.entropy())

# %%
L = torch.linalg.cholesky(cov)
m2 = MultivariateNormal(loc, scale_tril=L)
P = torch.linalg.inv(cov)
m3 = MultivariateNormal(loc, precision_matrix=P)
v = torch.tensor([[0.3, 0.1], [2.0, -1.0]])
print(m2.log_prob(v), m3.log_prob(v))
print(m3.covariance_matrix)
print(m3.scale_tril)
print(m2.entropy().item(), m3.entropy().item())

# %%
torch.manual_seed(1)
locs = torch.randn(3, 2)
A = torch.randn(3, 2, 2)
covs = A @ A.transpose(-1, -2) + 0.5 * torch.eye(2)
bm = MultivariateNormal(locs, covs)
print(bm.batch_shape, bm.event_shape)
s = bm.sample((5,))
print(s.shape)
print(bm.log_prob(s))
print(bm.log_prob(torch.zeros(2)))
print(bm.entropy())
print(MultivariateNormal(torch.zeros(2), covs).batch_shape)

# %%
torch.manual_seed(2)
mu = torch.tensor([0.5, -1.0], requires_grad=True)
Lp = torch.tensor([[1.0, 0.0], [0.3, 0.7]], requires_grad=True)
q = MultivariateNormal(mu, scale_tril=Lp)
z = q.rsample((3,))
print(z)
print(z.grad_fn)
loss = (z ** 2).sum()
loss.backward()
print(mu.grad)
print(Lp.grad)

# %%
mu.grad = None; Lp.grad = None
q = MultivariateNormal(mu, scale_tril=Lp)
lp = q.log_prob(torch.tensor([0.2, 0.2]))
print(lp, lp.grad_fn)
ent = q.entropy()
print(ent, ent.grad_fn)
(lp + ent).backward()
print(mu.grad)
print(Lp.grad)

# %%
p = MultivariateNormal(torch.zeros(2), torch.eye(2))
print(kl_divergence(q, p))
print(kl_divergence(p, MultivariateNormal(loc, cov)))

# %%
try:
    MultivariateNormal(torch.zeros(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(2), cov, scale_tril=L)
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(3), torch.eye(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    MultivariateNormal(torch.zeros(2), torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)

# %%
print(mvn.support)
print(mvn.arg_constraints)
print(MultivariateNormal.arg_constraints)
print(mvn.has_rsample, mvn.has_enumerate_support)
e = mvn.expand((3,))
print(e.batch_shape, e.event_shape, e.loc.shape, e.covariance_matrix.shape)
print(e.log_prob(torch.zeros(3, 2)))

# %%
torch.manual_seed(3)
W = torch.randn(3, 1)
D = torch.tensor([0.5, 1.0, 2.0])
lr = LowRankMultivariateNormal(torch.zeros(3), W, D)
print(lr)
print(lr.batch_shape, lr.event_shape)
print(lr.covariance_matrix)
print(lr.precision_matrix)
print(lr.scale_tril)
print(lr.variance)
y = lr.sample((2,))
print(y)
print(lr.log_prob(y))
print(lr.entropy())
full = MultivariateNormal(torch.zeros(3), lr.covariance_matrix)
print(full.log_prob(y))
print(kl_divergence(lr, full))
print(lr.arg_constraints)

# %%
torch.manual_seed(4)
Wg = torch.randn(3, 2, requires_grad=True)
Dg = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
lr2 = LowRankMultivariateNormal(torch.zeros(3), Wg, Dg)
r = lr2.rsample((4,))
r.pow(2).mean().backward()
print(Wg.grad)
print(Dg.grad)

# %%
torch.manual_seed(5)
base = Normal(torch.zeros(3, 2), torch.ones(3, 2))
ind = Independent(base, 1)
print(base.batch_shape, base.event_shape)
print(ind)
print(ind.batch_shape, ind.event_shape)
v = torch.randn(3, 2)
print(base.log_prob(v).shape, ind.log_prob(v).shape)
print(ind.log_prob(v))
print(ind.entropy())
print(ind.mean, ind.variance)
print(ind.sample((4,)).shape)
ind2 = Independent(base, 2)
print(ind2.batch_shape, ind2.event_shape, ind2.log_prob(v))
print(ind.support)
print(kl_divergence(ind, Independent(Normal(torch.ones(3, 2), 2 * torch.ones(3, 2)), 1)))
try:
    Independent(base, 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
A = torch.randn(3, 3)
cov_p = (A @ A.T + torch.eye(3)).requires_grad_()
mus = torch.randn(2, 3, requires_grad=True)
data = torch.randn(5, 2, 3)
fit = MultivariateNormal(mus, covariance_matrix=cov_p)
nll = -fit.log_prob(data).mean()
nll.backward()
print(nll)
print(cov_p.grad)
print(mus.grad)
noise = torch.randn_like(data.transpose(0, 2))
print(noise.stride(), noise[:, 0, 0])
