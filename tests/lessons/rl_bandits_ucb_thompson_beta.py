# Imitates the multi-armed bandit chapter (Sutton & Barto ch. 2, the 10-armed testbed; CS234 and Deep RL course
# exploration notebooks) written with tensors: sample-average and constant-step value estimates, epsilon-greedy
# over a batch of bandit problems, UCB with log and sqrt of the counts (the 0-count division), gradient bandits with
# softmax preferences, Thompson sampling with torch.distributions.Beta (and Bernoulli rewards), regret curves with
# cumsum, the printing of the estimates and the errors learners hit (Beta of bad parameters, int counts updates).
import math
import torch
from torch.distributions import Beta, Bernoulli, Normal

# %%
torch.manual_seed(0)
k = 10
q_star = torch.randn(k)
print(q_star, q_star.argmax())
Q = torch.zeros(k)
N = torch.zeros(k)
rewards = []
for t in range(200):
    if torch.rand(()) < 0.1:
        a = torch.randint(k, ()).item()
    else:
        a = Q.argmax().item()
    r = q_star[a] + torch.randn(())
    N[a] += 1
    Q[a] += (r - Q[a]) / N[a]
    rewards.append(r)
rewards = torch.stack(rewards)
print(N, N.sum(), N.dtype)
print(Q)
avg = rewards.cumsum(0) / torch.arange(1, 201)
print(avg[[0, 9, 99, 199]])

# %%
torch.manual_seed(1)
runs = 5
q_b = torch.randn(runs, k)
Qb = torch.zeros(runs, k)
Nb = torch.zeros(runs, k, dtype=torch.long)
opt = q_b.argmax(1)
hits = torch.zeros(50)
for t in range(50):
    explore = torch.rand(runs) < 0.1
    a = torch.where(explore, torch.randint(0, k, (runs,)), Qb.argmax(1))
    r = q_b[torch.arange(runs), a] + torch.randn(runs)
    Nb[torch.arange(runs), a] += 1
    Qb[torch.arange(runs), a] += (r - Qb[torch.arange(runs), a]) / Nb[torch.arange(runs), a]
    hits[t] = (a == opt).float().mean()
print(Nb, Nb.dtype)
print(hits[-10:], hits.mean())
print(Qb.gather(1, opt[:, None]).squeeze(1))

# %%
torch.manual_seed(2)
c = 2.0
Q = torch.zeros(k)
N = torch.zeros(k)
for t in range(1, 101):
    ucb = Q + c * torch.sqrt(math.log(t) / N)
    if t < 4:
        print(t, ucb[:3])
    a = ucb.argmax()
    r = q_star[a] + torch.randn(())
    N[a] += 1
    Q[a] += (r - Q[a]) / N[a]
print(N)
t = torch.tensor(100.0)
bonus = c * torch.sqrt(torch.log(t) / N)
print(bonus, (Q + bonus).argmax())
print(torch.sqrt(torch.log(torch.tensor(1.0)) / torch.zeros(3)))
print(torch.where(N > 0, Q + c * (torch.log(t) / N.clamp(min=1)).sqrt(), torch.tensor(float("inf"))))
print(torch.log(torch.tensor([0.0, 1.0, 0.5])), torch.tensor([0, 1, 4]).sqrt())
print(math.log(100) / N[:3], torch.log(N[:3]).dtype)

# %%
torch.manual_seed(3)
H = torch.zeros(k, requires_grad=False)
baseline, alpha = 0.0, 0.1
for t in range(1, 51):
    pi = torch.softmax(H, 0)
    a = torch.multinomial(pi, 1).item()
    r = (q_star[a] + torch.randn(())).item()
    baseline += (r - baseline) / t
    onehot = torch.zeros(k)
    onehot[a] = 1
    H += alpha * (r - baseline) * (onehot - pi)
print(H)
print(pi.round(decimals=3), baseline)
Hg = torch.zeros(k, requires_grad=True)
logp = torch.log_softmax(Hg, 0)[3]
logp.backward()
print(Hg.grad, logp.grad_fn)

# %%
torch.manual_seed(4)
true_p = torch.tensor([0.2, 0.5, 0.75])
alpha_ = torch.ones(3)
beta_ = torch.ones(3)
prior = Beta(alpha_, beta_)
print(prior, prior.batch_shape, prior.event_shape)
print(prior.mean, prior.variance, prior.stddev)
for t in range(100):
    theta = Beta(alpha_, beta_).sample()
    a = theta.argmax()
    r = torch.bernoulli(true_p[a])
    alpha_[a] += r
    beta_[a] += 1 - r
print(alpha_, beta_)
post = Beta(alpha_, beta_)
print(post.mean, post.variance)
print(post.sample((3,)), post.sample((2,)).shape)
print(post.log_prob(torch.tensor([0.2, 0.5, 0.7])))
print(post.entropy())
print(post.concentration1, post.concentration0)

# %%
torch.manual_seed(5)
b = Beta(torch.tensor(2.0), torch.tensor(5.0))
x = b.sample((5,))
print(x, x.dtype)
print(b.log_prob(x), b.mean, b.mode if hasattr(b, "mode") else None)
print(Beta(2.0, 3.0).sample(), Beta(0.5, 0.5).mean)
a_p = torch.tensor([2.0, 3.0], requires_grad=True)
b_p = torch.tensor([1.5, 4.0], requires_grad=True)
d = Beta(a_p, b_p)
y = d.rsample()
print(y, y.grad_fn is not None, d.has_rsample)
lp = d.log_prob(torch.tensor([0.3, 0.6])).sum()
lp.backward()
print(lp, a_p.grad, b_p.grad)
bern = Bernoulli(probs=torch.tensor([0.3, 0.9]))
print(bern.sample((4,)), bern.log_prob(torch.tensor([1.0, 0.0])), bern.entropy())

# %%
for args in ((torch.tensor(0.0), torch.tensor(1.0)), (torch.tensor(-1.0), torch.tensor(2.0)), (1, 2)):
    try:
        print(Beta(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    Beta(torch.tensor(2.0), torch.tensor(2.0)).log_prob(torch.tensor(1.5))
except Exception as e:
    print(type(e).__name__, e)
try:
    Bernoulli(probs=torch.tensor(1.2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bernoulli(torch.tensor([0.5, 1.5]))
except Exception as e:
    print(type(e).__name__, e)
counts = torch.zeros(3, dtype=torch.int64)
try:
    counts[1] += 0.5
except Exception as e:
    print(type(e).__name__, e)
counts[1] += 1
print(counts, counts.float() / counts.sum(), counts / counts.sum())

# %%
torch.manual_seed(6)
best = q_star.max()
chosen = torch.randint(0, k, (100,))
regret = (best - q_star[chosen]).cumsum(0)
print(regret[::20], regret.shape)
print(torch.stack([regret[::25], torch.arange(0, 100, 25).float()], 1))
torch.set_printoptions(precision=2)
print(torch.stack([Q, N, q_star], 1)[:4])
print(post.mean)
torch.set_printoptions(sci_mode=True)
print(post.variance)
torch.set_printoptions(profile="default")
print(Normal(Q[:3], 1.0).sample(), Normal(0.0, 1.0).cdf(torch.tensor(1.0)))
