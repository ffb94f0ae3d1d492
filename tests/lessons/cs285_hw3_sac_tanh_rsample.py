# Imitates Berkeley CS285 homework 3's soft actor-critic (sac_agent.py, infrastructure/distributions.py) as students
# complete it: an MLPPolicy with state-dependent std from torch.chunk(..., 2, dim=-1) and softplus(std) + 1e-2,
# make_tanh_transformed = Independent(TransformedDistribution(Normal, [TanhTransform(cache_size=1)]), 1) and
# make_multi_normal = Independent(Normal, 1), entropy estimated as -log_prob(rsample()), the REPARAMETRIZE actor
# loss -Q(s, rsample).mean() vs the REINFORCE one with log_prob * Q.detach(), the hand-written tanh log-prob
# correction log N(u) - sum log(1 - tanh(u)^2 + 1e-6) (and the softplus form), multiple critics stacked with
# torch.stack, clipped double-Q with min over the ensemble, a learned temperature log_alpha, the Polyak target update
# with .data.copy_ / mul_/add_ under no_grad, and the errors students hit: entropy() and mean of the transformed
# distribution, a (B,) action into a 2-D critic, an in-place change of a tensor backward still needs.
import numpy as np
import torch
from torch import nn
import torch.nn.functional as F
from torch import distributions as D

# %%
class MLPPolicy(nn.Module):
    def __init__(self, ac_dim, ob_dim, use_tanh=True, state_dependent_std=True, fixed_std=None, size=16):
        super().__init__()
        self.use_tanh = use_tanh
        self.state_dependent_std = state_dependent_std
        self.fixed_std = fixed_std
        out = 2 * ac_dim if state_dependent_std else ac_dim
        self.net = nn.Sequential(nn.Linear(ob_dim, size), nn.ReLU(), nn.Linear(size, out))
        if not state_dependent_std and fixed_std is None:
            self.std = nn.Parameter(torch.full((ac_dim,), 0.0))

    def forward(self, obs):
        if self.state_dependent_std:
            mean, std = torch.chunk(self.net(obs), 2, dim=-1)
            std = F.softplus(std) + 1e-2
        else:
            mean = self.net(obs)
            std = self.fixed_std if self.fixed_std is not None else F.softplus(self.std) + 1e-2
        if self.use_tanh:
            return make_tanh_transformed(mean, std)
        return make_multi_normal(mean, std)


def make_multi_normal(mean, std):
    if isinstance(std, float):
        std = torch.tensor(std, device=mean.device)
    if std.shape == ():
        std = std.expand(mean.shape)
    return D.Independent(D.Normal(mean, std), reinterpreted_batch_ndims=1)


def make_tanh_transformed(mean, std):
    if isinstance(std, float):
        std = torch.tensor(std, device=mean.device)
    if std.shape == ():
        std = std.expand(mean.shape)
    return D.Independent(D.TransformedDistribution(base_distribution=D.Normal(mean, std),
                                                   transforms=[D.TanhTransform(cache_size=1)]),
                         reinterpreted_batch_ndims=1)


torch.manual_seed(0)
actor = MLPPolicy(ac_dim=2, ob_dim=3)
obs = torch.randn(5, 3)
dist = actor(obs)
print(dist)
print(dist.base_dist)
print(dist.base_dist.transforms, dist.base_dist.base_dist)
print(dist.batch_shape, dist.event_shape, dist.has_rsample)
action = dist.rsample()
print(action.shape, action.requires_grad, action.grad_fn, bool((action.abs() < 1).all()))
lp = dist.log_prob(action)
print(lp.shape, lp.grad_fn)
print(dist.sample().requires_grad)

# %%
u = dist.base_dist.base_dist.rsample()
a = torch.tanh(u)
manual = D.Normal(dist.base_dist.base_dist.loc, dist.base_dist.base_dist.scale).log_prob(u) \
    - torch.log(1 - a.pow(2) + 1e-6)
manual = manual.sum(-1)
stable = (D.Normal(dist.base_dist.base_dist.loc, dist.base_dist.base_dist.scale).log_prob(u)
          - 2 * (np.log(2) - u - F.softplus(-2 * u))).sum(axis=-1)
print(manual)
print(stable)
print(dist.log_prob(a))
print(torch.allclose(stable, dist.log_prob(a), atol=1e-4))
t = D.TanhTransform(cache_size=1)
print(t, t.domain, t.codomain, t.bijective, t.sign)
print(t.log_abs_det_jacobian(u, t(u)).shape, t.inv(t(u)).shape)
print(D.TanhTransform().inv(torch.tensor([0.0, 0.5, 0.999])))
try:
    dist.entropy()
except Exception as e:
    print(type(e).__name__, e)
try:
    dist.mean
except Exception as e:
    print(type(e).__name__, e)
mn = make_multi_normal(torch.zeros(5, 2), 0.3)
print(mn, mn.entropy(), mn.mean.shape, mn.stddev[0])
print(make_tanh_transformed(torch.zeros(2), 0.5).sample((4,)).shape)

# %%
class Critic(nn.Module):
    def __init__(self, ob_dim, ac_dim, size=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(ob_dim + ac_dim, size), nn.ReLU(), nn.Linear(size, 1))

    def forward(self, obs, action):
        return self.net(torch.cat([obs, action], dim=-1)).squeeze(-1)


torch.manual_seed(1)
critics = nn.ModuleList([Critic(3, 2) for _ in range(2)])
target_critics = nn.ModuleList([Critic(3, 2) for _ in range(2)])
target_critics.load_state_dict(critics.state_dict())
q = torch.stack([c(obs, action) for c in critics], dim=0)
print(q.shape, q.grad_fn)
print(q.min(dim=0), torch.min(q, dim=0).values.shape)
try:
    critics[0](obs, action[:, 0])
except Exception as e:
    print(type(e).__name__, e)
try:
    critics[0](obs, action.double())
except Exception as e:
    print(type(e).__name__, e)

# %%
log_alpha = torch.tensor(np.log(0.1), requires_grad=True)
print(log_alpha, log_alpha.dtype)
log_alpha = torch.tensor(np.log(0.1), dtype=torch.float32, requires_grad=True)
alpha_opt = torch.optim.Adam([log_alpha], lr=3e-3)
actor_opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
critic_opt = torch.optim.Adam(critics.parameters(), lr=3e-4)
print([len(g["params"]) for g in critic_opt.param_groups], critic_opt.param_groups[0]["lr"])
target_entropy = -2.0

def entropy(action_distribution, num_samples=1):
    return -action_distribution.log_prob(action_distribution.rsample((num_samples,))).mean(dim=0)

torch.manual_seed(2)
rew = torch.randn(5)
done = torch.tensor([0.0, 0.0, 1.0, 0.0, 0.0])
next_obs = torch.randn(5, 3)
for step in range(3):
    with torch.no_grad():
        next_dist = actor(next_obs)
        next_action = next_dist.sample()
        next_q = torch.stack([c(next_obs, next_action) for c in target_critics]).min(dim=0).values
        next_q = next_q - log_alpha.exp() * next_dist.log_prob(next_action)
        target = rew + 0.99 * (1 - done) * next_q
    q = torch.stack([c(obs, action.detach()) for c in critics])
    critic_loss = 0.5 * ((q - target[None]) ** 2).mean()
    critic_opt.zero_grad()
    critic_loss.backward()
    cgn = nn.utils.clip_grad_norm_(critics.parameters(), 1.0)
    critic_opt.step()

    dist = actor(obs)
    new_action = dist.rsample()
    q_pi = torch.stack([c(obs, new_action) for c in critics]).mean(dim=0)
    ent = entropy(dist, num_samples=4)
    actor_loss = (-q_pi - log_alpha.exp().detach() * ent).mean()
    actor_opt.zero_grad()
    actor_loss.backward()
    agn = nn.utils.clip_grad_norm_(actor.parameters(), 10.0)
    actor_opt.step()

    alpha_loss = -(log_alpha * (target_entropy - ent.detach())).mean()
    alpha_opt.zero_grad()
    alpha_loss.backward()
    alpha_opt.step()
    print(step, round(critic_loss.item(), 4), round(actor_loss.item(), 4), round(log_alpha.exp().item(), 5),
          ent.shape, cgn.shape, critics[0].net[0].weight.grad is not None)

# %%
dist = actor(obs)
action = dist.sample()
q_val = critics[0](obs, action)
loss_reinforce = -(dist.log_prob(action) * q_val.detach()).mean()
actor_opt.zero_grad()
loss_reinforce.backward()
print(loss_reinforce, actor.net[0].bias.grad)
try:
    (dist.log_prob(action) * q_val).mean().backward()
    print(critics[0].net[0].bias.grad is not None)
except Exception as e:
    print(type(e).__name__, e)

# %%
tau = 0.005
with torch.no_grad():
    for target_param, param in zip(target_critics.parameters(), critics.parameters()):
        target_param.data.copy_(target_param.data * (1.0 - tau) + param.data * tau)
print(target_critics[0].net[2].bias)
for tp, p in zip(target_critics.parameters(), critics.parameters()):
    tp.data.mul_(1 - tau)
    tp.data.add_(tau * p.data)
print(target_critics[0].net[2].bias, target_critics[0].net[2].bias.requires_grad)
try:
    for tp, p in zip(target_critics.parameters(), critics.parameters()):
        tp.mul_(1 - tau).add_(tau * p)
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.randn(4, 2, requires_grad=True)
a = torch.tanh(x)
lp = -torch.log(1 - a.pow(2) + 1e-6).sum()
a.clamp_(-0.5, 0.5)
try:
    lp.backward()
except Exception as e:
    print(type(e).__name__, e)
y = torch.sigmoid(x)
z = (y * 2).sum()
y += 1
try:
    z.backward()
    print(x.grad)
except Exception as e:
    print(type(e).__name__, e)
w = torch.exp(x)
s = w.sum()
w[0, 0] = 0.0
try:
    s.backward()
except Exception as e:
    print(type(e).__name__, e)
