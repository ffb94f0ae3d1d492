# Imitates the policy-gradient lessons that start from a two-armed bandit and a short corridor written in the
# notebook (no gym): a softmax policy with torch.distributions.Categorical built from probs and from logits, sample,
# log_prob, entropy, discounted returns computed backwards and turned into torch.tensor(list), return normalisation
# with (r - r.mean()) / (r.std() + eps), REINFORCE updates, and the mistakes learners make on the way (a list of
# tensors into torch.tensor, invalid probabilities, std of one return, log_prob of an action out of range).
import random
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

# %%
torch.manual_seed(0)
random.seed(0)
true_means = [0.3, 0.7]

def pull(arm):
    return 1.0 if random.random() < true_means[arm] else 0.0

logits = torch.zeros(2, requires_grad=True)
dist = Categorical(logits=logits)
print(dist)
print(dist.probs, dist.logits)
print(dist.batch_shape, dist.event_shape, dist.param_shape)
dist.entropy()

# %%
probs = torch.tensor([0.25, 0.75])
d1 = Categorical(probs=probs)
d2 = Categorical(logits=probs.log())
print(d1.logits, d2.probs)
print(Categorical(torch.tensor([1.0, 3.0])).probs)   # unnormalised probs are normalised
print(Categorical(logits=torch.tensor([1.0, 3.0])).probs)
torch.manual_seed(1)
s = d1.sample((8,))
print(s, s.dtype, d1.log_prob(s))
print(d1.sample().shape, d1.sample((2, 3)).shape)
print(torch.bincount(d1.sample((1000,)), minlength=2))

# %%
optimizer = torch.optim.SGD([logits], lr=0.1)
history = []
for step in range(60):
    dist = Categorical(logits=logits)
    action = dist.sample()
    reward = pull(action.item())
    loss = -dist.log_prob(action) * reward
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    history.append(reward)
print(logits, logits.grad)
print(torch.softmax(logits, 0), sum(history) / len(history))
loss

# %%
# baseline: subtract the running average reward
logits = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.Adam([logits], lr=0.05)
baseline = 0.0
for step in range(40):
    dist = Categorical(logits=logits)
    action = dist.sample()
    reward = pull(action.item())
    baseline = 0.9 * baseline + 0.1 * reward
    loss = -(dist.log_prob(action) * (reward - baseline)) - 0.01 * dist.entropy()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(F.softmax(logits, dim=-1), round(baseline, 4))
loss.grad_fn, loss.grad_fn.next_functions

# %%
class Corridor:
    """Cells 0..4, start in 2; action 1 moves right, 0 left; reward 1 at cell 4, -1 at cell 0."""
    def reset(self):
        self.pos = 2
        return self.obs()
    def obs(self):
        return torch.nn.functional.one_hot(torch.tensor(self.pos), 5).float()
    def step(self, a):
        self.pos += 1 if a == 1 else -1
        done = self.pos in (0, 4)
        r = 1.0 if self.pos == 4 else (-1.0 if self.pos == 0 else -0.01)
        return self.obs(), r, done

env = Corridor()
obs = env.reset()
print(obs, obs.dtype)
policy = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 2))
print(policy(obs), policy(obs).softmax(-1))
Categorical(logits=policy(obs))

# %%
def discount(rewards, gamma=0.99):
    R = 0.0
    returns = []
    for r in reversed(rewards):
        R = r + gamma * R
        returns.insert(0, R)
    return torch.tensor(returns)

print(discount([0.0, 0.0, 1.0]))
print(discount([-0.01, -0.01, -0.01, 1.0], gamma=0.9))
r = discount([1.0, 0.0, 1.0, 0.0, 1.0])
eps = 1e-8
print((r - r.mean()) / (r.std() + eps))
print(r.std(), r.std(unbiased=False), r.std(correction=0), r.var())
torch.finfo(torch.float32).eps

# %%
torch.manual_seed(3)
optimizer = torch.optim.Adam(policy.parameters(), lr=1e-2)
eps = torch.finfo(torch.float32).eps
for episode in range(6):
    obs, done = env.reset(), False
    log_probs, rewards, entropies = [], [], []
    t = 0
    while not done and t < 20:
        m = Categorical(logits=policy(obs))
        a = m.sample()
        obs, r, done = env.step(a.item())
        log_probs.append(m.log_prob(a))
        entropies.append(m.entropy())
        rewards.append(r)
        t += 1
    returns = discount(rewards)
    if len(returns) > 1:
        returns = (returns - returns.mean()) / (returns.std() + eps)
    loss = -(torch.stack(log_probs) * returns).sum() - 0.01 * torch.stack(entropies).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(episode, len(rewards), round(sum(rewards), 3), f"{loss.item():.4f}")
torch.stack(log_probs)[:3], torch.stack(log_probs).shape, torch.stack(log_probs).grad_fn

# %%
# returns as a list of 0-d tensors: torch.tensor copies them (and drops the graph)
vals = [torch.tensor(1.0, requires_grad=True) * 2, torch.tensor(0.5)]
t = torch.tensor(vals)
print(t, t.requires_grad)
torch.stack(vals)

# %%
# a list of 1-element tensors
parts = [torch.tensor([1.0]), torch.tensor([2.0])]
print(torch.cat(parts), torch.stack(parts).shape)
torch.tensor(parts)

# %%
# a list of tensors with more than one element
torch.tensor([torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])])

# %%
# one-step episode: std of a single return is nan
r = discount([1.0])
print(r.std())
(r - r.mean()) / (r.std() + eps)

# %%
# an action outside the support
m = Categorical(probs=torch.tensor([0.2, 0.8]))
m.log_prob(torch.tensor(2))

# %%
# negative "probabilities"
Categorical(probs=torch.tensor([-0.1, 1.1]))

# %%
# logits with a nan after a bad update
Categorical(logits=torch.tensor([0.0, float("nan")]))

# %%
# probs that do not sum to one are fine, but a float action index is not
m = Categorical(torch.tensor([2.0, 6.0]))
print(m.probs, m.log_prob(torch.tensor(1)))
m.log_prob(torch.tensor(1.0))

# %%
# batched distributions: one per state
batch_logits = torch.tensor([[0.0, 1.0], [2.0, 0.0], [1.0, 1.0]], requires_grad=True)
m = Categorical(logits=batch_logits)
torch.manual_seed(0)
a = m.sample()
lp = m.log_prob(a)
print(a, lp, m.entropy())
lp.sum().backward()
print(batch_logits.grad)
print(m.log_prob(torch.tensor([0, 1])))
