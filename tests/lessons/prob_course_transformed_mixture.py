# Imitates a probability course's notebook on building distributions from others: TransformedDistribution with
# ComposeTransform, AffineTransform, ExpTransform, SigmoidTransform, TanhTransform and PowerTransform
# (log_abs_det_jacobian, .inv, cache_size), and MixtureSameFamily of Independent Normals mixed by a Categorical.
import torch
from torch.distributions import (Normal, Uniform, Independent, Categorical, MixtureSameFamily,
                                 TransformedDistribution)
from torch.distributions.transforms import (ComposeTransform, AffineTransform, ExpTransform, SigmoidTransform,
                                            TanhTransform, PowerTransform)

torch.set_printoptions(precision=10)

# %%
t = ComposeTransform([AffineTransform(loc=1.0, scale=2.0), ExpTransform()])
print(t)
print(t.inv)
print(t.inv.inv is t)
x = torch.tensor([-1.0, 0.0, 0.5])
y = t(x)
print(y)
print(t.inv(y))
print(t.log_abs_det_jacobian(x, y))
print(t.domain, t.codomain, t.bijective, t.sign)
print(t.event_dim)

# %%
for tr in [ExpTransform(), SigmoidTransform(), TanhTransform(), PowerTransform(torch.tensor(3.0)),
           AffineTransform(0.5, -3.0)]:
    x = torch.tensor([0.1, 0.4, 0.9])
    y = tr(x)
    print(tr, y, tr.inv(y), tr.log_abs_det_jacobian(x, y))
    print(' ', tr.domain, tr.codomain, tr.sign if tr.bijective else None)

# %%
base = Normal(torch.tensor(0.0), torch.tensor(1.0))
lognormal = TransformedDistribution(base, [ExpTransform()])
print(lognormal)
print(lognormal.batch_shape, lognormal.event_shape)
v = torch.tensor([0.5, 1.0, 3.0])
print(lognormal.log_prob(v))
print(lognormal.support)
torch.manual_seed(0)
print(lognormal.sample((3,)))
print(lognormal.cdf(v))
print(lognormal.icdf(torch.tensor([0.1, 0.5, 0.9])))

# %%
logit_normal = TransformedDistribution(Normal(0.0, 1.5), [SigmoidTransform()])
print(logit_normal.log_prob(torch.tensor([0.1, 0.5, 0.99])))
print(logit_normal.cdf(torch.tensor([0.1, 0.5, 0.99])))
squashed = TransformedDistribution(Normal(torch.zeros(2), torch.ones(2)), [TanhTransform(cache_size=1)])
torch.manual_seed(1)
a = squashed.rsample()
print(a, squashed.log_prob(a))
print(squashed.transforms[0]._cache_size)
try:
    TanhTransform(cache_size=2)
except Exception as e:
    print(type(e).__name__, e)

# %%
mu = torch.tensor(0.3, requires_grad=True)
sig = torch.tensor(0.8, requires_grad=True)
d = TransformedDistribution(Normal(mu, sig), [AffineTransform(2.0, 3.0), ExpTransform()])
torch.manual_seed(2)
s = d.rsample((4,))
print(s, s.grad_fn)
s.sum().backward()
print(mu.grad, sig.grad)
mu.grad = None; sig.grad = None
lp = d.log_prob(torch.tensor([1.0, 20.0]))
print(lp, lp.grad_fn)
lp.sum().backward()
print(mu.grad, sig.grad)

# %%
et = ExpTransform(cache_size=1)
xx = torch.tensor([0.2, 0.7])
yy = et(xx)
print(et.inv(yy) is xx)
et0 = ExpTransform()
print(et0.inv(et0(xx)) is xx)
print(et == ExpTransform(), AffineTransform(1.0, 2.0) == AffineTransform(1.0, 2.0))
print(PowerTransform(2.0).forward_shape((3, 2)), ComposeTransform([]).inv)
pw = PowerTransform(torch.tensor(0.5))
print(pw.inv, pw.inv.log_abs_det_jacobian(torch.tensor([4.0]), torch.tensor([16.0])))

# %%
torch.manual_seed(3)
mix = Categorical(torch.tensor([0.3, 0.5, 0.2]))
comp = Independent(Normal(torch.randn(3, 2), torch.rand(3, 2) + 0.5), 1)
gmm = MixtureSameFamily(mix, comp)
print(gmm)
print(gmm.batch_shape, gmm.event_shape)
print(gmm.mean)
print(gmm.variance)
xs = gmm.sample((5,))
print(xs)
print(gmm.log_prob(xs))
print(gmm.sample().shape, gmm.sample((2, 3)).shape)
print(gmm.mixture_distribution.probs, gmm.component_distribution.batch_shape)
print(gmm.support)

# %%
torch.manual_seed(4)
w = torch.zeros(4, requires_grad=True)
means = torch.linspace(-3, 3, 4).requires_grad_()
g1 = MixtureSameFamily(Categorical(logits=w), Normal(means, torch.ones(4)))
data = torch.tensor([-2.5, 0.1, 2.8, 3.3])
nll = -g1.log_prob(data).mean()
print(nll, nll.grad_fn)
nll.backward()
print(w.grad)
print(means.grad)
print(g1.cdf(torch.tensor([0.0, 1.0])))
print(g1.mean, g1.variance)

# %%
try:
    MixtureSameFamily(Categorical(torch.ones(3)), Normal(torch.zeros(2), torch.ones(2)))
except Exception as e:
    print(type(e).__name__, e)
try:
    MixtureSameFamily(torch.ones(3), Normal(torch.zeros(3), torch.ones(3)))
except Exception as e:
    print(type(e).__name__, e)
bg = MixtureSameFamily(Categorical(torch.ones(2, 3)), Normal(torch.zeros(2, 3), torch.ones(2, 3)))
print(bg.batch_shape, bg.sample((4,)).shape, bg.log_prob(torch.zeros(2)).shape)
print(bg.expand((5, 2)).batch_shape)
