# Imitates the pyprobml PyTorch ports' tour of torch.distributions beyond the basics: TransformedDistribution with
# ExpTransform / AffineTransform(event_dim=1) / SigmoidTransform composed, transform_to and biject_to, Independent
# reinterpreting a batch, MultivariateNormal with scale_tril, LowRankMultivariateNormal and the kl_divergence pairs
# (and the unregistered ones), rsample vs sample gradients, has_rsample; the notebooks print reprs, shapes and errors.
import torch
import torch.distributions as D
from torch.distributions import transforms as T
torch.manual_seed(0)
# %%
base = D.Normal(torch.zeros(3), torch.ones(3))
ln = D.TransformedDistribution(base, [T.ExpTransform()])
print(ln)
print(ln.batch_shape, ln.event_shape, ln.support, ln.has_rsample)
x = ln.sample((2,))
print(x.shape, ln.log_prob(x))
ln.transforms
# %%
t = T.ComposeTransform([T.AffineTransform(1.0, 2.0), T.SigmoidTransform()])
print(t, t.domain, t.codomain, t.bijective, t.sign)
print(t.inv, t.inv.inv is t)
y = t(torch.tensor([0.0, 1.0]))
print(y, t.inv(y), t.log_abs_det_jacobian(torch.tensor([0.0, 1.0]), y))
# %%
a = T.AffineTransform(torch.zeros(3), torch.tensor([1., 2., 3.]), event_dim=1)
print(a, a.event_dim, a.domain, a.codomain)
d = D.TransformedDistribution(D.Independent(base, 1), a)
print(d, d.batch_shape, d.event_shape)
print(d.log_prob(torch.ones(3)), d.log_prob(torch.ones(4, 3)).shape)
try:
    D.TransformedDistribution(base, a)
except Exception as e:
    print(type(e).__name__, e)
# %%
for tr in [T.ExpTransform(), T.SigmoidTransform(), T.TanhTransform(), T.SoftmaxTransform(), T.StickBreakingTransform(), T.PowerTransform(2.0), T.AbsTransform(), T.LowerCholeskyTransform(), T.SoftplusTransform()]:
    print(repr(tr), tr.domain, tr.codomain, tr.event_dim if hasattr(tr, "event_dim") else None, tr.bijective)
# %%
print(T.ExpTransform() == T.ExpTransform(), T.identity_transform, T.ComposeTransform([]))
print(T.ExpTransform().inv.log_abs_det_jacobian(torch.tensor(2.0), torch.tensor(2.0).log()))
print(D.transform_to(D.constraints.positive), D.biject_to(D.constraints.unit_interval))
print(D.transform_to(D.constraints.simplex), D.biject_to(D.constraints.simplex))
print(D.biject_to(D.constraints.interval(0., 5.)), D.transform_to(D.constraints.lower_cholesky))
# %%
ind = D.Independent(D.Normal(torch.zeros(4, 3), torch.ones(4, 3)), 1)
print(ind, ind.batch_shape, ind.event_shape, ind.reinterpreted_batch_ndims)
print(ind.entropy(), ind.log_prob(torch.zeros(4, 3)).shape, ind.mean.shape)
ind2 = D.Independent(D.Normal(torch.ones(4, 3), 2 * torch.ones(4, 3)), 1)
print(D.kl_divergence(ind, ind2))
try:
    D.Independent(D.Normal(torch.zeros(3), 1.), 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    D.kl_divergence(ind, D.Independent(D.Normal(torch.zeros(4, 3), 1.), 2))
except Exception as e:
    print(type(e).__name__, e)
# %%
mvn = D.MultivariateNormal(torch.zeros(3), scale_tril=torch.tensor([[1., 0, 0], [0.5, 1, 0], [0.1, 0.2, 2]]))
print(mvn, mvn.covariance_matrix, mvn.precision_matrix.shape)
print(mvn.entropy(), mvn.log_prob(torch.ones(5, 3)).shape, mvn.stddev, mvn.variance)
lr = D.LowRankMultivariateNormal(torch.zeros(3), torch.ones(3, 1), torch.ones(3))
print(D.kl_divergence(lr, mvn), D.kl_divergence(mvn, mvn), D.kl_divergence(lr, lr))
try:
    print(D.kl_divergence(mvn, lr))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(D.kl_divergence(mvn, D.Normal(0., 1.)))
except Exception as e:
    print(type(e).__name__, e)
# %%
try:
    D.MultivariateNormal(torch.zeros(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    D.MultivariateNormal(torch.zeros(3), torch.eye(3), scale_tril=torch.eye(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    D.MultivariateNormal(torch.zeros(3), torch.tensor([[1., 2, 0], [2, 1, 0], [0, 0, 1]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    D.MultivariateNormal(torch.zeros(3), scale_tril=torch.tensor([[1., 0, 0], [0.5, -1, 0], [0.1, 0.2, 2]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    mvn.log_prob(torch.zeros(2))
except Exception as e:
    print(type(e).__name__, e)
# %%
mu = torch.zeros(2, requires_grad=True)
n = D.Normal(mu, 1.0)
s = n.sample((3,)); r = n.rsample((3,))
print(s.requires_grad, r.requires_grad, r.grad_fn)
r.sum().backward(); print(mu.grad)
try:
    D.Bernoulli(0.3).rsample()
except Exception as e:
    print(type(e).__name__, e)
g = D.Gamma(torch.tensor(2.0, requires_grad=True), 1.0)
print(g.rsample().grad_fn, g.has_rsample, D.Beta(2., 3.).has_rsample, D.Poisson(2.).has_rsample)
