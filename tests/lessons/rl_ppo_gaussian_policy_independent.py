# Imitates the continuous-control PPO lessons written without gym (a 1-D point mass pushed toward a goal, the
# "PPO for continuous actions from scratch" posts, Spinning Up's MLPGaussianActor): a Gaussian policy with a state-
# independent log_std Parameter, torch.distributions.Normal(mu, std) with log_prob(...).sum(-1) and Independent(Normal,
# 1), rsample vs sample, entropy, the clipped surrogate with ratio = (logp - old_logp).exp(), torch.clamp and
# torch.min, advantages normalised and detached, KL between old and new policies, and the mistakes: a negative std,
# log_prob of a wrongly shaped action, forgetting to detach old_logp, clamp with min > max.
import numpy as np
import torch
import torch.nn as nn
from torch.distributions import Normal, Independent, Categorical, kl_divergence

# %%
class PointMass:
    """x in R^2, action a in R^2 moves x by 0.1 * clip(a, -1, 1); reward -|x - goal|^2."""
    def __init__(self, n_envs, seed=0):
        self.g = torch.Generator().manual_seed(seed)
        self.n = n_envs
        self.goal = torch.tensor([1.0, -0.5])

    def reset(self):
        self.x = torch.randn(self.n, 2, generator=self.g)
        return self.x.clone()

    def step(self, a):
        self.x = self.x + 0.1 * a.clamp(-1.0, 1.0)
        reward = -((self.x - self.goal) ** 2).sum(-1)
        return self.x.clone(), reward

env = PointMass(4)
obs = env.reset()
print(obs)
env.step(torch.ones(4, 2))

# %%
class GaussianActor(nn.Module):
    def __init__(self, obs_dim=2, act_dim=2, hidden=16):
        super().__init__()
        self.mu_net = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, act_dim))
        self.log_std = nn.Parameter(-0.5 * torch.ones(act_dim))

    def distribution(self, obs):
        mu = self.mu_net(obs)
        std = torch.exp(self.log_std)
        return Normal(mu, std)

    def forward(self, obs, act=None):
        pi = self.distribution(obs)
        logp = pi.log_prob(act).sum(axis=-1) if act is not None else None
        return pi, logp

torch.manual_seed(0)
actor = GaussianActor()
critic = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))
pi, _ = actor(obs)
print(pi)
print(pi.loc, pi.scale)
print(pi.batch_shape, pi.event_shape, pi.mean.shape, pi.stddev, pi.variance[0])
a = pi.sample()
print(a, a.requires_grad, pi.rsample().requires_grad)
print(pi.log_prob(a), pi.log_prob(a).sum(-1), pi.entropy().sum(-1))
actor.log_std

# %%
ind = Independent(Normal(pi.loc, pi.scale), 1)
print(ind)
print(ind.batch_shape, ind.event_shape, ind.base_dist.batch_shape, ind.reinterpreted_batch_ndims)
print(ind.log_prob(a), torch.allclose(ind.log_prob(a), pi.log_prob(a).sum(-1)))
print(ind.entropy(), ind.mean.shape, ind.sample((3,)).shape)
Independent(Normal(torch.zeros(3), torch.ones(3)), 1).log_prob(torch.zeros(3))

# %%
torch.manual_seed(1)
T, N = 8, 4
obs_buf, act_buf, logp_buf, rew_buf, val_buf = [], [], [], [], []
o = env.reset()
with torch.no_grad():
    for t in range(T):
        pi, _ = actor(o)
        a = pi.sample()
        logp = pi.log_prob(a).sum(-1)
        v = critic(o).squeeze(-1)
        o2, r = env.step(a)
        obs_buf.append(o); act_buf.append(a); logp_buf.append(logp); rew_buf.append(r); val_buf.append(v)
        o = o2
obs_b, act_b = torch.stack(obs_buf), torch.stack(act_buf)
logp_old, rew_b, val_b = torch.stack(logp_buf), torch.stack(rew_buf), torch.stack(val_buf)
print(obs_b.shape, act_b.shape, logp_old.shape, rew_b.shape)
gamma = 0.99
ret = torch.zeros_like(rew_b)
running = torch.zeros(N)
for t in reversed(range(T)):
    running = rew_b[t] + gamma * running
    ret[t] = running
adv = ret - val_b
adv = (adv - adv.mean()) / (adv.std() + 1e-8)
print(ret[0], adv.mean(), adv.std())
adv.requires_grad, logp_old.requires_grad

# %%
pi_opt = torch.optim.Adam(actor.parameters(), lr=3e-3)
vf_opt = torch.optim.Adam(critic.parameters(), lr=1e-2)
clip_ratio = 0.2
obs_f, act_f, adv_f, logp_f, ret_f = (x.reshape(T * N, *x.shape[2:]) for x in (obs_b, act_b, adv, logp_old, ret))
for i in range(5):
    pi, logp = actor(obs_f, act_f)
    ratio = torch.exp(logp - logp_f)
    clip_adv = torch.clamp(ratio, 1 - clip_ratio, 1 + clip_ratio) * adv_f
    loss_pi = -(torch.min(ratio * adv_f, clip_adv)).mean()
    approx_kl = (logp_f - logp).mean().item()
    ent = pi.entropy().mean().item()
    clipped = ratio.gt(1 + clip_ratio) | ratio.lt(1 - clip_ratio)
    clipfrac = torch.as_tensor(clipped, dtype=torch.float32).mean().item()
    pi_opt.zero_grad()
    loss_pi.backward()
    pi_opt.step()
    loss_v = ((critic(obs_f).squeeze(-1) - ret_f) ** 2).mean()
    vf_opt.zero_grad()
    loss_v.backward()
    vf_opt.step()
    print(i, f"{loss_pi.item():.5f} {loss_v.item():.4f} kl {approx_kl:.6f} ent {ent:.4f} cf {clipfrac:.3f}")
print(actor.log_std, actor.log_std.grad)
ratio.grad_fn, clip_adv.grad_fn, loss_pi.grad_fn

# %%
# torch.min / torch.max forms, clamp with tensors
r = torch.tensor([0.5, 0.9, 1.1, 1.5], requires_grad=True)
A = torch.tensor([1.0, -1.0, 1.0, -1.0])
surr = torch.min(r * A, torch.clamp(r, 0.8, 1.2) * A)
surr.sum().backward()
print(surr, r.grad)
print(torch.min(r), torch.min(r, 0), torch.max(r, dim=0, keepdim=True))
print(torch.clamp(r, min=torch.tensor(0.8), max=torch.tensor([1.0, 1.0, 1.2, 1.2])))
print(r.clamp(max=1.0), r.clip(0.9, 1.1), torch.minimum(r, torch.ones(4)), torch.fmin(r, torch.ones(1)))
torch.clamp(r, 1.2, 0.8)

# %%
torch.clamp(r)

# %%
torch.min(r, torch.ones(3))

# %%
torch.min(r, 1.0)

# %%
# KL between the old and the new policy, and kl_divergence of Independent
with torch.no_grad():
    old = Normal(torch.zeros(3, 2), torch.ones(3, 2))
    new = Normal(0.1 * torch.ones(3, 2), 0.9 * torch.ones(3, 2))
print(kl_divergence(old, new), kl_divergence(old, new).sum(-1))
print(kl_divergence(Independent(old, 1), Independent(new, 1)))
print(kl_divergence(Categorical(logits=torch.zeros(3)), Categorical(probs=torch.tensor([0.2, 0.3, 0.5]))))
kl_divergence(Independent(old, 1), new)

# %%
# a negative standard deviation (log_std forgotten, std from a linear layer)
Normal(torch.zeros(2), torch.tensor([0.5, -0.1]))

# %%
Normal(torch.zeros(2), torch.tensor([0.5, 0.0]))

# %%
# a scale that is a Python number, and loc given as a float
n = Normal(0.0, 1.0)
print(n, n.batch_shape, n.log_prob(torch.tensor([0.0, 1.0])), n.sample().shape, n.cdf(torch.tensor(0.0)))
print(Normal(torch.zeros(2), 1.0).scale, Normal(torch.zeros(2), torch.tensor(2.0)).batch_shape)
n.log_prob(0.5)

# %%
# log_prob of an action of the wrong shape broadcasts against the batch
pi = Normal(torch.zeros(4, 2), torch.ones(4, 2))
print(pi.log_prob(torch.zeros(2)).shape, pi.log_prob(torch.zeros(1, 2)).shape, pi.log_prob(torch.zeros(3, 4, 2)).shape)
pi.log_prob(torch.zeros(4))

# %%
Independent(pi, 1).log_prob(torch.zeros(4))

# %%
Independent(pi, 3)

# %%
# sample vs rsample: gradients through the action
mu = torch.zeros(2, requires_grad=True)
d = Normal(mu, torch.ones(2))
torch.manual_seed(0)
x = d.sample()
print(x.requires_grad, x.grad_fn)
torch.manual_seed(0)
y = d.rsample()
print(y, y.grad_fn)
(y ** 2).sum().backward()
print(mu.grad)
(x ** 2).sum().backward()

# %%
# old log-probabilities not detached: the ratio is always 1 but a graph is kept
mu = torch.zeros(3, requires_grad=True)
pi = Normal(mu, 1.0)
a = torch.tensor([0.1, -0.2, 0.3])
old_logp = pi.log_prob(a)
ratio = (pi.log_prob(a) - old_logp).exp()
print(ratio, ratio.grad_fn)
loss = -(ratio * torch.tensor([1.0, 2.0, -1.0])).mean()
loss.backward()
print(mu.grad)
ratio = (pi.log_prob(a) - old_logp.detach()).exp()
mu.grad = None
(-(ratio * torch.tensor([1.0, 2.0, -1.0])).mean()).backward()
mu.grad

# %%
# an in-place clamp of the log_std parameter
actor.log_std.clamp_(-2, 0.5)

# %%
with torch.no_grad():
    actor.log_std.clamp_(-2, 0.5)
print(actor.log_std)
ls = actor.log_std * 1
ls.clamp_(-0.2, 0.0)
ls.sum().backward()
actor.log_std.grad

# %%
# entropy and the stats of Normal and Independent
d = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
print(d.entropy(), d.mode, d.mean, d.stddev, d.icdf(torch.tensor([0.5, 0.975])))
print(d.expand((3, 2)).batch_shape, Independent(d, 1).expand((3,)).batch_shape)
print(d.support, d.arg_constraints, Independent(d, 1).support)
print(d.has_rsample, Independent(d, 1).has_rsample, Categorical(logits=torch.zeros(2)).has_rsample)
Categorical(logits=torch.zeros(2)).rsample()
