# Imitates a "count models and overdispersion" lesson from a Bayesian statistics course: Poisson versus
# Negative-Binomial, fitting the dispersion by maximum likelihood through log_prob, and the mistakes learners
# make with total_count, probs and logits.
import torch
from torch.distributions import NegativeBinomial, Poisson, Gamma

# %%
torch.manual_seed(0)
nb = NegativeBinomial(total_count=torch.tensor(5.0), probs=torch.tensor(0.3))
print(nb)
print(nb.mean, nb.variance, nb.mode)
print(nb.batch_shape, nb.event_shape, nb.support, nb.has_rsample)
nb.arg_constraints

# %%
counts = nb.sample((12,))
counts

# %%
nb.log_prob(counts)

# %%
nb.logits, nb.probs, nb.param_shape

# %%
# a batch of sites, logits parametrisation
nb2 = NegativeBinomial(torch.tensor([2.0, 10.0, 0.5]), logits=torch.tensor([-1.0, 0.0, 2.0]))
print(nb2.mean, nb2.variance, nb2.mode)
x = nb2.sample((4,))
print(x)
print(nb2.log_prob(x))
print(nb2.sample().dtype, nb2.batch_shape)

# %%
# overdispersion: variance / mean for Poisson and NB with the same mean
lam = nb2.mean
pois = Poisson(lam)
print(pois.variance / pois.mean, nb2.variance / nb2.mean)

# %%
# the gamma-Poisson mixture gives the same draws' moments
torch.manual_seed(1)
r, p = torch.tensor(3.0), torch.tensor(0.4)
rates = Gamma(r, (1 - p) / p).sample((2000,))
y = torch.poisson(rates)
print(y.mean().round(decimals=1), y.var().round(decimals=0))
print(NegativeBinomial(r, p).mean, NegativeBinomial(r, p).variance)

# %%
# fit r and p by maximum likelihood
torch.manual_seed(2)
data = NegativeBinomial(torch.tensor(4.0), torch.tensor(0.6)).sample((200,))
log_r = torch.zeros((), requires_grad=True)
logit_p = torch.zeros((), requires_grad=True)
opt = torch.optim.Adam([log_r, logit_p], lr=0.1)
for step in range(60):
    opt.zero_grad()
    loss = -NegativeBinomial(log_r.exp(), logits=logit_p).log_prob(data).mean()
    loss.backward()
    opt.step()
    if step % 20 == 0:
        print(step, round(loss.item(), 4))
print(log_r.exp().item() > 0, torch.sigmoid(logit_p).item() < 1)

# %%
d = NegativeBinomial(log_r.exp(), logits=logit_p)
out = d.log_prob(torch.tensor([0.0, 3.0, 7.0]))
print(out.grad_fn)
out.sum().backward()
print(log_r.grad is not None)

# %%
# mistake: logits that ran off to a huge value: the Gamma rate overflows int64 in the Poisson sampler
torch.manual_seed(4)
bad = NegativeBinomial(torch.tensor([2.0, 3.0]), logits=torch.tensor([50.0, 0.5]))
print(bad.sample((3,)))
print(bad.mean, torch.poisson(torch.tensor([1e20, float('inf'), 12.0])))

# %%
# mistake: both probs and logits
NegativeBinomial(torch.tensor(3.0), probs=torch.tensor(0.5), logits=torch.tensor(0.0))

# %%
# mistake: probs equal to one
NegativeBinomial(torch.tensor(3.0), probs=torch.tensor(1.0))

# %%
# mistake: negative total_count
NegativeBinomial(torch.tensor(-1.0), probs=torch.tensor(0.5))

# %%
# mistake: scoring a non-integer count
nb.log_prob(torch.tensor(2.5))

# %%
# mistake: negative count
nb.log_prob(torch.tensor([-1.0, 2.0]))

# %%
# mistake: no probability at all
NegativeBinomial(torch.tensor(3.0))

# %%
e = nb2.expand((2, 3))
print(e, e.batch_shape, e.sample().shape)
e.log_prob(torch.ones(2, 3))

# %%
nb.entropy()

# %%
nb.cdf(torch.tensor(2.0))

# %%
torch.distributions.kl_divergence(nb, nb)

# %%
NegativeBinomial(torch.tensor([1.0, 2.0]), torch.tensor([0.1, 0.2, 0.3]))
