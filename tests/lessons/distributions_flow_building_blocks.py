# Imitates the torch.distributions side of flow tutorials (the UvA flows notebook's prior, Pyro / nflows-style
# "flows from torch.distributions" blog posts, the PyTorch forum's logistic-distribution recipe): a logistic base as
# TransformedDistribution(Uniform, [SigmoidTransform().inv, AffineTransform]), Cat / Stack / Reshape / Independent /
# CumulativeDistribution transforms, transform signs, validate_args errors, Independent and a MultivariateNormal pushed
# through event_dim=1 transforms, reparameterised rsample gradients, MixtureSameFamily, and uniform dequantisation of
# 8-bit data scored in bits per dim.
import math
import numpy as np
import torch
import torch.distributions as D
from torch.distributions import transforms as T
torch.manual_seed(0)
# %%
logistic = D.TransformedDistribution(D.Uniform(torch.zeros(2), torch.ones(2)), [T.SigmoidTransform().inv, T.AffineTransform(loc=torch.zeros(2), scale=torch.ones(2))])
print(logistic, logistic.batch_shape, logistic.event_shape, logistic.support)
x = logistic.sample((3,))
print(x, logistic.log_prob(x), logistic.cdf(x), logistic.icdf(torch.tensor([0.1, 0.9])))
print(logistic.transforms, logistic.base_dist)
# %%
t = T.CatTransform([T.ExpTransform(), T.identity_transform], dim=0, lengths=[2, 3])
x = torch.randn(5)
print(t, t(x), t.log_abs_det_jacobian(x, t(x)), t.event_dim, t.domain, t.codomain)
s = T.StackTransform([T.ExpTransform(), T.SigmoidTransform()], dim=1)
x = torch.randn(3, 2)
print(s, s(x), s.inv(s(x)), s.log_abs_det_jacobian(x, s(x)))
# %%
r = T.ReshapeTransform((4,), (2, 2))
print(r, r(torch.arange(8.).view(2, 4)).shape, r.forward_shape((3, 4)), r.inverse_shape((3, 2, 2)), r.log_abs_det_jacobian(torch.zeros(3, 4), torch.zeros(3, 2, 2)))
try:
    r.forward_shape((3, 5))
except Exception as e:
    print(type(e).__name__, e)
it = T.IndependentTransform(T.ExpTransform(), 1)
print(it, it.event_dim, it.log_abs_det_jacobian(torch.ones(2, 3), torch.ones(2, 3).exp()), it.domain, it.codomain)
# %%
c = T.CumulativeDistributionTransform(D.Normal(0., 1.))
x = torch.tensor([-1., 0., 2.])
print(c, c(x), c.inv(c(x)), c.log_abs_det_jacobian(x, c(x)), c.domain, c.codomain)
p = T.PowerTransform(torch.tensor(3.))
print(p, p(torch.tensor([2.])), p.sign, p.log_abs_det_jacobian(torch.tensor([2.]), torch.tensor([8.])))
a = T.AffineTransform(0., -2.)
print(a.sign, T.ExpTransform().sign, T.ComposeTransform([a, T.ExpTransform()]).sign)
try:
    T.SigmoidTransform().inv.sign
except Exception as e:
    print(type(e).__name__, e)
try:
    T.AbsTransform().sign
except Exception as e:
    print(type(e).__name__, e)
# %%
base = D.Normal(torch.zeros(2), torch.ones(2), validate_args=True)
try:
    base.log_prob(torch.tensor([[float('nan'), 0.]]))
except Exception as e:
    print(type(e).__name__, e)
ln = D.LogNormal(0., 1., validate_args=True)
try:
    ln.log_prob(torch.tensor(-1.))
except Exception as e:
    print(type(e).__name__, e)
td = D.TransformedDistribution(D.Normal(0., 1.), T.ExpTransform(), validate_args=True)
try:
    td.log_prob(torch.tensor([-1., 1.]))
except Exception as e:
    print(type(e).__name__, e)
try:
    td.mean
except Exception as e:
    print(type(e).__name__, e)
try:
    td.entropy()
except Exception as e:
    print(type(e).__name__, e)
# %%
ind = D.Independent(D.Normal(torch.zeros(3, 2), torch.ones(3, 2)), 1)
print(ind, ind.batch_shape, ind.event_shape, ind.rsample((4,)).shape, ind.log_prob(torch.zeros(3, 2)), ind.entropy(), ind.mean.shape)
print(ind.expand((5, 3)).batch_shape, ind.has_rsample, ind.support, ind.base_dist)
try:
    D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 2)
except Exception as e:
    print(type(e).__name__, e)
ind2 = D.Independent(ind, 1)
print(ind2, ind2.event_shape)
# %%
mvn = D.MultivariateNormal(torch.zeros(2), torch.tensor([[2., 0.5], [0.5, 1.]]))
tdm = D.TransformedDistribution(mvn, [T.AffineTransform(torch.ones(2), torch.tensor([2., 3.]), event_dim=1), T.IndependentTransform(T.SigmoidTransform(), 1)])
y = tdm.rsample((3,))
print(y.shape, tdm.log_prob(y), tdm.event_shape, tdm.support)
try:
    D.TransformedDistribution(mvn, [T.SigmoidTransform()]).log_prob(y)
except Exception as e:
    print(type(e).__name__, e)
print(D.TransformedDistribution(mvn, [T.SigmoidTransform()]).event_shape)
# %%
loc = torch.zeros(2, requires_grad=True)
log_scale = torch.zeros(2, requires_grad=True)
q = D.TransformedDistribution(D.Normal(torch.zeros(2), torch.ones(2)), [T.AffineTransform(loc, log_scale.exp())])
z = q.rsample((5,))
lp = q.log_prob(z)
(lp.sum() + z.pow(2).sum()).backward()
print(loc.grad, log_scale.grad, z.grad_fn, lp.grad_fn)
try:
    print(q.sample((2,)).requires_grad, D.Normal(loc, 1.).sample().requires_grad)
except Exception as e:
    print(type(e).__name__, e)
# %%
mix = D.MixtureSameFamily(D.Categorical(logits=torch.zeros(3)), D.Independent(D.Normal(torch.randn(3, 2), torch.ones(3, 2) * 0.5), 1))
print(mix, mix.batch_shape, mix.event_shape)
s = mix.sample((4,))
print(s.shape, mix.log_prob(s), mix.mean, mix.variance)
try:
    mix.rsample()
except Exception as e:
    print(type(e).__name__, e)
print(mix.has_rsample)
# %%
quants = 256
x_int = torch.randint(0, quants, (4, 3))
u = torch.rand(x_int.shape)
y = (x_int.float() + u) / quants
prior = D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 1)
logit = torch.logit(y, eps=1e-6)
ldj = (-torch.log(y) - torch.log1p(-y)).sum(-1) - 3 * math.log(quants)
nll = -(prior.log_prob(logit) + ldj)
bpd = nll / (3 * math.log(2))
print(bpd, f"{bpd.mean().item():.4f}", torch.logit(torch.tensor([0., 1., 0.5])), torch.logit(torch.tensor([0., 1.]), eps=0.1))
print(D.Beta(torch.tensor(2.), torch.tensor(3.)).rsample((3,)), D.Uniform(0., 1.).log_prob(torch.tensor([0.5, 1.0])))
