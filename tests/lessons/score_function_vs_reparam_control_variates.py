# Imitates a "gradient estimators" lecture notebook (Mohamed et al. 2020 "Monte Carlo gradient estimation in ML"):
# the score-function (REINFORCE) estimator with Normal.sample + log_prob against the pathwise estimator with rsample,
# estimator variance with torch.var/std, baselines and control variates, and learners' mistakes (sample() without
# grad, detaching the wrong term).
import torch
from torch.distributions import Normal, Bernoulli, Categorical

# %%
torch.manual_seed(0)
mu = torch.tensor(1.0, requires_grad=True)
log_sigma = torch.tensor(-0.5, requires_grad=True)
dist = Normal(mu, log_sigma.exp())
print(dist, dist.has_rsample, dist.batch_shape, dist.event_shape)
s = dist.sample((4,))
r = dist.rsample((4,))
print(s, s.requires_grad, s.grad_fn)
print(r, r.requires_grad, type(r.grad_fn).__name__)
lp = dist.log_prob(s)
print(lp, type(lp.grad_fn).__name__)

# %%
# objective E[x^2] with x ~ N(mu, sigma^2): true grad d/dmu = 2 mu, d/dlog_sigma = 2 sigma^2
def f(x):
    return x ** 2

N = 1000
torch.manual_seed(1)
x = dist.rsample((N,))
loss_rep = f(x).mean()
g_rep = torch.autograd.grad(loss_rep, [mu, log_sigma])
x = dist.sample((N,))
surrogate = (f(x) * dist.log_prob(x)).mean()
g_sf = torch.autograd.grad(surrogate, [mu, log_sigma])
print([t.item() for t in g_rep], [t.item() for t in g_sf])
print(2 * mu.item(), 2 * log_sigma.exp().item() ** 2)

# %%
# per-sample gradients to measure estimator variance (vmap-free: analytic score)
torch.manual_seed(2)
with torch.no_grad():
    sig = log_sigma.exp()
    eps = torch.randn(N)
    xs = mu + sig * eps
    per_rep = 2 * xs                                  # pathwise d/dmu
    per_sf = f(xs) * (xs - mu) / sig ** 2             # score d/dmu
    per_sf_b = (f(xs) - f(xs).mean()) * (xs - mu) / sig ** 2
print(per_rep.mean(), per_sf.mean(), per_sf_b.mean())
print(per_rep.var(), per_sf.var(), per_sf_b.var())
print(per_rep.std(unbiased=False), per_sf.std(correction=0), torch.std(per_sf_b, 0, True))
print(torch.var(torch.stack([per_rep, per_sf, per_sf_b]), dim=1, correction=1))

# %%
# control variate with the optimal coefficient c* = Cov(f s, s) / Var(s)
with torch.no_grad():
    score = (xs - mu) / sig ** 2
    fs = f(xs) * score
    C = torch.cov(torch.stack([fs, score]))
    c = C[0, 1] / C[1, 1]
    cv = fs - c * score
print(C, c)
print(cv.mean(), cv.var(), (1 - cv.var() / fs.var()).item() > 0.5)
print(torch.corrcoef(torch.stack([fs, score])))

# %%
# REINFORCE with a Bernoulli policy and a moving-average baseline
torch.manual_seed(3)
logit = torch.zeros(3, requires_grad=True)
opt = torch.optim.SGD([logit], lr=0.5)
target = torch.tensor([1.0, 0.0, 1.0])
baseline = 0.0
for step in range(30):
    pol = Bernoulli(logits=logit)
    a = pol.sample((16,))
    R = -(a - target).abs().sum(-1)
    baseline = 0.9 * baseline + 0.1 * R.mean().item()
    loss = -((R - baseline) * pol.log_prob(a).sum(-1)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(R.mean().item(), 3), logit.grad)
print(torch.sigmoid(logit), pol.entropy(), pol.probs)

# %%
# learners' mistakes
torch.manual_seed(4)
d = Normal(mu, log_sigma.exp())
x = d.sample()
try:
    f(x).backward()
except Exception as e:
    print(type(e).__name__, e)
# detaching the wrong term: the log-prob instead of the reward gives zero gradient
x = d.sample((64,))
bad = (f(x) * d.log_prob(x).detach()).mean()
print(bad.requires_grad, bad.grad_fn)
# rsample and then also multiply by log_prob (double counting)
xr = d.rsample((64,))
mixed = (f(xr) * d.log_prob(xr)).mean()
print(type(mixed.grad_fn).__name__, torch.autograd.grad(mixed, mu))
# log_prob of an integer action under Normal, Categorical sample dtype
cat = Categorical(logits=torch.tensor([0.2, -0.1, 0.4], requires_grad=True))
a = cat.sample((5,))
print(a, a.dtype, cat.log_prob(a))
try:
    cat.rsample()
except Exception as e:
    print(type(e).__name__, e)
try:
    Normal(mu, -1.0)
except Exception as e:
    print(type(e).__name__, str(e)[:200])
print(d.log_prob(torch.tensor(1)).dtype)
