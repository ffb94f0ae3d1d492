# Imitates Berkeley CS285 homework 2 (policy gradients) as students write it: pg_agent.py's _discounted_return and
# _discounted_reward_to_go in numpy (list comprehensions and a reversed loop), q-values turned into tensors with
# ptu.from_numpy, MLPPolicyPG.forward returning Categorical(logits=...) for discrete and Normal(mean, exp(logstd)) for
# continuous actions, log_prob summed over action dims, loss = -(log_prob * advantages).mean(), the ValueCritic
# baseline trained with F.mse_loss on normalised targets ((q - mean) / (std + 1e-8)), GAE computed backwards with
# (1 - terminal) masks, and the Ed-forum mistakes: (N, 1) critic output against (N,) targets, float actions for a
# Categorical, a float64 advantages array multiplied into a float32 loss, log_prob of a (N,) action for a 2-D policy.
import itertools

import numpy as np
import torch
from torch import nn
from torch import optim
from torch import distributions
import torch.nn.functional as F

# %%
device = torch.device("cpu")


def build_mlp(input_size, output_size, n_layers, size, activation=nn.Tanh(), output_activation=nn.Identity()):
    layers = []
    in_size = input_size
    for _ in range(n_layers):
        layers.append(nn.Linear(in_size, size))
        layers.append(activation)
        in_size = size
    layers.append(nn.Linear(in_size, output_size))
    layers.append(output_activation)
    return nn.Sequential(*layers).to(device)


def from_numpy(data):
    return torch.from_numpy(data).float().to(device)


def to_numpy(tensor):
    return tensor.to("cpu").detach().numpy()


def discounted_return(rewards, gamma):
    total = sum(gamma ** t * r for t, r in enumerate(rewards))
    return [total] * len(rewards)


def discounted_reward_to_go(rewards, gamma):
    out = np.zeros(len(rewards))
    running = 0.0
    for t in reversed(range(len(rewards))):
        running = rewards[t] + gamma * running
        out[t] = running
    return list(out)


rewards = [np.array([1.0, 0.0, 2.0]), np.array([0.5, 0.5])]
print([discounted_return(r, 0.9) for r in rewards])
print([np.round(discounted_reward_to_go(r, 0.9), 4) for r in rewards])
q_values = np.concatenate([discounted_reward_to_go(r, 0.9) for r in rewards])
print(q_values.dtype, q_values.shape)
print(torch.from_numpy(q_values).dtype, from_numpy(q_values).dtype, torch.tensor(q_values))

# %%
class MLPPolicyPG(nn.Module):
    def __init__(self, ac_dim, ob_dim, discrete, n_layers, layer_size, learning_rate):
        super().__init__()
        self.discrete = discrete
        if discrete:
            self.logits_net = build_mlp(ob_dim, ac_dim, n_layers, layer_size)
            parameters = self.logits_net.parameters()
        else:
            self.mean_net = build_mlp(ob_dim, ac_dim, n_layers, layer_size)
            self.logstd = nn.Parameter(torch.zeros(ac_dim, dtype=torch.float32, device=device))
            parameters = itertools.chain([self.logstd], self.mean_net.parameters())
        self.optimizer = optim.Adam(parameters, learning_rate)

    @torch.no_grad()
    def get_action(self, obs: np.ndarray) -> np.ndarray:
        action = self(from_numpy(obs)).sample()
        return to_numpy(action)

    def forward(self, obs):
        if self.discrete:
            return distributions.Categorical(logits=self.logits_net(obs))
        mean = self.mean_net(obs)
        return distributions.Normal(mean, torch.exp(self.logstd))

    def update(self, obs, actions, advantages):
        obs, actions, advantages = from_numpy(obs), from_numpy(actions), from_numpy(advantages)
        dist = self(obs)
        log_prob = dist.log_prob(actions)
        if not self.discrete:
            log_prob = log_prob.sum(-1)
        loss = -(log_prob * advantages).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return {"Actor Loss": to_numpy(loss)}


torch.manual_seed(0)
disc = MLPPolicyPG(ac_dim=3, ob_dim=4, discrete=True, n_layers=1, layer_size=8, learning_rate=1e-2)
cont = MLPPolicyPG(ac_dim=2, ob_dim=4, discrete=False, n_layers=1, layer_size=8, learning_rate=1e-2)
obs = np.random.RandomState(0).randn(5, 4).astype(np.float32)
torch.manual_seed(1)
a_disc = disc.get_action(obs)
a_cont = cont.get_action(obs)
print(a_disc, a_disc.dtype, a_cont.shape, a_cont.dtype)
print(disc(from_numpy(obs)))
print(cont(from_numpy(obs)))
d = disc(from_numpy(obs))
print(d.probs.sum(-1), d.logits.shape, d.param_shape, d.batch_shape, d.event_shape)
print(d.log_prob(from_numpy(a_disc.astype(np.float64))))
print(d.log_prob(torch.from_numpy(a_disc)))
print(d.entropy())
print(cont(from_numpy(obs)).log_prob(from_numpy(a_cont)).sum(-1))
print(cont(from_numpy(obs)).log_prob(from_numpy(a_cont)).sum(axis=-1).shape)

# %%
adv = q_values[:5]
print(disc.update(obs, a_disc, adv))
print(cont.update(obs, a_cont, adv))
print(cont.logstd, cont.logstd.grad)
print([g['lr'] for g in cont.optimizer.param_groups], len(cont.optimizer.param_groups[0]['params']))
try:
    d.log_prob(torch.tensor([0.5, 1.0, 2.0, 0.0, 1.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    d.log_prob(torch.tensor([0, 1, 3, 0, 1]))
except Exception as e:
    print(type(e).__name__, e)
try:
    cont(from_numpy(obs)).log_prob(from_numpy(a_cont[:, 0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    distributions.Categorical(probs=d.probs, logits=d.logits)
except Exception as e:
    print(type(e).__name__, e)

# %%
dist = cont(from_numpy(obs))
lp = dist.log_prob(from_numpy(a_cont)).sum(-1)
adv64 = torch.from_numpy(adv)
loss = -(lp * adv64).mean()
print(loss.dtype, loss)
try:
    torch.mm(lp[None], adv64[:, None])
except Exception as e:
    print(type(e).__name__, e)
print((lp[:, None] * from_numpy(adv)).shape)

# %%
class ValueCritic(nn.Module):
    def __init__(self, ob_dim, n_layers, layer_size, learning_rate):
        super().__init__()
        self.network = build_mlp(ob_dim, 1, n_layers, layer_size)
        self.optimizer = optim.Adam(self.network.parameters(), learning_rate)

    def forward(self, obs):
        return self.network(obs).squeeze(-1)

    def update(self, obs, q_values):
        obs, q_values = from_numpy(obs), from_numpy(q_values)
        loss = F.mse_loss(self(obs), q_values)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return {"Baseline Loss": to_numpy(loss)}


torch.manual_seed(2)
critic = ValueCritic(ob_dim=4, n_layers=2, layer_size=8, learning_rate=5e-3)
rng = np.random.RandomState(1)
obs_all = rng.randn(20, 4).astype(np.float32)
q_all = (obs_all[:, 0] * 2 + 1).astype(np.float64)
targets = (q_all - q_all.mean()) / (q_all.std() + 1e-8)
print(np.round(targets[:4], 4), targets.dtype)
for step in range(5):
    info = critic.update(obs_all, targets)
print(info)
values = to_numpy(critic(from_numpy(obs_all)))
print(values.shape, values.dtype)
values = values * q_all.std() + q_all.mean()
advantages = q_all - values
print(np.round(advantages[:4], 3), advantages.dtype)
advantages = (advantages - np.mean(advantages)) / (np.std(advantages) + 1e-8)
print(np.round([advantages.mean(), advantages.std()], 5))
t = from_numpy(q_all)
print(((t - t.mean()) / (t.std() + 1e-8))[:4], t.std(), t.std(unbiased=False), np.std(q_all).round(5))

# %%
pred = critic.network(from_numpy(obs_all))
print(pred.shape, from_numpy(targets).shape)
loss_wrong = F.mse_loss(pred, from_numpy(targets))
loss_right = F.mse_loss(pred.squeeze(), from_numpy(targets))
print(loss_wrong, loss_right)
loss_wrong2 = nn.MSELoss()(pred, from_numpy(targets).unsqueeze(1))
print(loss_wrong2)
print((pred - from_numpy(targets)).shape)

# %%
def estimate_gae(obs, rewards, terminals, values, gamma, lam):
    batch_size = obs.shape[0]
    values = np.append(values, [0])
    advantages = np.zeros(batch_size + 1)
    for i in reversed(range(batch_size)):
        delta = rewards[i] + gamma * values[i + 1] * (1 - terminals[i]) - values[i]
        advantages[i] = delta + gamma * lam * (1 - terminals[i]) * advantages[i + 1]
    return advantages[:-1]


rews = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 2.0], dtype=np.float32)
terms = np.array([0, 0, 1, 0, 0, 1])
vals = to_numpy(critic(from_numpy(obs_all[:6])))
gae = estimate_gae(obs_all[:6], rews, terms, vals, 0.99, 0.95)
print(np.round(gae, 4), gae.dtype)
print(np.round(estimate_gae(obs_all[:6], rews, terms, vals, 0.99, 1.0) + vals - np.concatenate(
    [discounted_reward_to_go(rews[:3], 0.99), discounted_reward_to_go(rews[3:], 0.99)]), 4))
gae_t = torch.tensor(gae)
print(gae_t.dtype, torch.as_tensor(gae, dtype=torch.float32))
print(disc.update(obs_all[:6, :4], np.array([0, 1, 2, 0, 1, 2]), gae))
