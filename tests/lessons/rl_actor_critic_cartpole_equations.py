# Imitates the actor-critic lessons that write CartPole's equations of motion in the notebook instead of using gym
# (the pole-balancing physics from Barto, Sutton & Anderson as in gym's cartpole.py), with a shared body and two heads
# (policy logits and state value), one-step and n-step advantage, smooth_l1 / mse critic losses, entropy bonus,
# clip_grad_norm_, and the mistakes learners make: forgetting .detach() on the advantage or the bootstrapped target,
# value of shape (N, 1) against returns of shape (N,), in-place updates of tensors needed for backward.
import math
import random
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

# %%
class CartPole:
    gravity, masscart, masspole, length, force_mag, tau = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
    theta_threshold = 12 * 2 * math.pi / 360
    x_threshold = 2.4

    def __init__(self, seed=0):
        self.rng = random.Random(seed)

    def reset(self):
        self.state = [self.rng.uniform(-0.05, 0.05) for _ in range(4)]
        return torch.tensor(self.state, dtype=torch.float32)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = self.force_mag if action == 1 else -self.force_mag
        total_mass = self.masspole + self.masscart
        polemass_length = self.masspole * self.length
        costheta, sintheta = math.cos(theta), math.sin(theta)
        temp = (force + polemass_length * theta_dot ** 2 * sintheta) / total_mass
        thetaacc = (self.gravity * sintheta - costheta * temp) / (
            self.length * (4.0 / 3.0 - self.masspole * costheta ** 2 / total_mass))
        xacc = temp - polemass_length * thetaacc * costheta / total_mass
        x, x_dot = x + self.tau * x_dot, x_dot + self.tau * xacc
        theta, theta_dot = theta + self.tau * theta_dot, theta_dot + self.tau * thetaacc
        self.state = [x, x_dot, theta, theta_dot]
        done = abs(x) > self.x_threshold or abs(theta) > self.theta_threshold
        return torch.tensor(self.state, dtype=torch.float32), 1.0, done

env = CartPole()
s = env.reset()
print(s)
for a in (1, 1, 0):
    s, r, d = env.step(a)
    print(s, r, d)

# %%
class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_actions=2, hidden=32):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU())
        self.policy_head = nn.Linear(hidden, n_actions)
        self.value_head = nn.Linear(hidden, 1)

    def forward(self, x):
        h = self.body(x)
        return self.policy_head(h), self.value_head(h)

torch.manual_seed(0)
model = ActorCritic()
print(model)
logits, value = model(s)
print(logits, value)
print(sum(p.numel() for p in model.parameters()), [n for n, _ in model.named_parameters()])

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
gamma = 0.99
torch.manual_seed(1)
env = CartPole(seed=1)
for episode in range(4):
    state, done = env.reset(), False
    log_probs, values, rewards, entropies = [], [], [], []
    while not done and len(rewards) < 40:
        logits, value = model(state)
        dist = Categorical(logits=logits)
        action = dist.sample()
        state, reward, done = env.step(action.item())
        log_probs.append(dist.log_prob(action))
        values.append(value)
        rewards.append(reward)
        entropies.append(dist.entropy())
    R = 0
    returns = []
    for r in rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    values = torch.cat(values)
    advantage = returns - values
    actor_loss = -(torch.stack(log_probs) * advantage.detach()).mean()
    critic_loss = F.smooth_l1_loss(values, returns)
    loss = actor_loss + 0.5 * critic_loss - 0.01 * torch.stack(entropies).mean()
    optimizer.zero_grad()
    loss.backward()
    norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
    optimizer.step()
    print(episode, len(rewards), f"{actor_loss.item():.4f} {critic_loss.item():.4f} {norm:.4f}")
print(values.shape, returns.shape, advantage.grad_fn)
norm

# %%
# the value head returns (N, 1): stacking instead of cat gives a shape that broadcasts against (N,)
logits, value = model(torch.randn(5, 4))
returns = torch.linspace(1.0, 0.2, 5)
print(value.shape, returns.shape)
loss = F.mse_loss(value, returns)
print(loss, (value - returns).shape)
F.smooth_l1_loss(value, returns)

# %%
nn.HuberLoss()(value, returns)

# %%
print(F.mse_loss(value.squeeze(-1), returns), F.mse_loss(value.view(-1), returns))
F.smooth_l1_loss(value.squeeze(1), returns), F.huber_loss(value.squeeze(), returns, delta=0.5)

# %%
# l1_loss and a target with the right numel but wrong shape
print(F.l1_loss(value, returns.unsqueeze(1)))
F.l1_loss(value, returns)

# %%
# forgetting .detach() on the advantage: the actor loss also trains the critic
model.zero_grad()
logits, value = model(torch.randn(3, 4))
dist = Categorical(logits=logits)
a = dist.sample()
adv = torch.tensor([1.0, 0.0, -1.0]) - value.squeeze(-1)
(-(dist.log_prob(a) * adv).mean()).backward()
print(model.value_head.weight.grad.abs().sum() > 0)
model.zero_grad()
logits, value = model(torch.randn(3, 4))
adv = torch.tensor([1.0, 0.0, -1.0]) - value.squeeze(-1)
(-(Categorical(logits=logits).log_prob(a) * adv.detach()).mean()).backward()
model.value_head.weight.grad

# %%
# one-step TD target bootstrapped from the same network without detach
state, next_state = torch.randn(4), torch.randn(4)
_, v = model(state)
_, v_next = model(next_state)
td_target = 1.0 + gamma * v_next
td_error = td_target - v
print(td_target.requires_grad, td_error.grad_fn)
td_target_ok = 1.0 + gamma * v_next.detach()
print(td_target_ok.requires_grad, td_target_ok.grad_fn)
with torch.no_grad():
    _, v_next2 = model(next_state)
print(v_next2.requires_grad, torch.equal(v_next2, v_next.detach()))
(td_target_ok - v).pow(2).mean()

# %%
# in-place on a tensor needed for backward: the returns are normalised in place after exp saved its output
logits, value = model(torch.randn(4, 4))
probs = F.softmax(logits, dim=-1)
picked = probs[:, 0]
picked /= picked.sum()
loss = -picked.log().sum()
loss.backward()

# %%
logits, value = model(torch.randn(4, 4))
v = value.squeeze(-1)
e = v.exp()
e += 1
e.sum().backward()

# %%
logits, value = model(torch.randn(4, 4))
v = value.squeeze(-1).sigmoid()
v[0] = 0.0
v.sum().backward()

# %%
# modifying a leaf parameter in place
model.value_head.bias += 1

# %%
with torch.no_grad():
    model.value_head.bias += 1
print(model.value_head.bias, model.value_head.bias.requires_grad)
model.value_head.bias.data.fill_(0.0)
model.value_head.bias

# %%
# backward twice through the shared body
logits, value = model(torch.randn(2, 4))
actor = -F.log_softmax(logits, -1)[:, 0].mean()
critic = value.pow(2).mean()
actor.backward()
critic.backward()
print(model.body[0].bias.grad[:4])
logits, value = model(torch.randn(2, 4))
actor = -F.log_softmax(logits, -1)[:, 0].mean()
actor.backward()
actor.backward()

# %%
# clip_grad_norm_ forms and what it returns
model.zero_grad()
logits, value = model(torch.randn(6, 4))
(logits.pow(2).sum() + value.sum()).backward()
print(nn.utils.clip_grad_norm_(model.parameters(), 1.0, norm_type=2.0))
print(nn.utils.clip_grad_norm_(model.parameters(), 1.0))
print(nn.utils.clip_grad_norm_(model.parameters(), 0.1, norm_type=float("inf")))
print(nn.utils.clip_grad_norm_(model.parameters(), 10.0, norm_type=1))
print(nn.utils.clip_grad_norm_(list(model.parameters())[:1], 1.0, foreach=False))
print(nn.utils.clip_grad_norm_([], 1.0), nn.utils.clip_grad_norm_(model.value_head.weight, 1.0))
model.value_head.weight.grad[0, 0] = float("nan")
print(nn.utils.clip_grad_norm_(model.parameters(), 1.0))
nn.utils.clip_grad_norm_(model.parameters(), 1.0, error_if_nonfinite=True)
