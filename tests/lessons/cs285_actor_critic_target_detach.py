# Imitates Berkeley CS285 homework 3 (Fall 2019-2022 editions: actor-critic, bootstrapped_continuous_critic.py and
# ac_agent.py) as students write it: the critic's target r + gamma * V(s') * (1 - terminal) recomputed every
# num_target_updates and regressed num_grad_steps_per_target_update times, the advantage estimate with the critic's
# values detached (and the bug of leaving them attached), a Polyak-averaged target value network, a continuous actor
# whose MultivariateNormal(mean, scale_tril=torch.diag(torch.exp(logstd))) is inspected (covariance, precision,
# entropy), optimizer.param_groups printed and their lr decayed by hand, and the errors from the forum: float64
# rewards into a float32 graph, terminals as (N, 1), values.squeeze() of a single transition, the second backward
# through a shared trunk, an in-place (1 - terminals) on a tensor autograd saved.
import numpy as np
import torch
from torch import nn
import torch.nn.functional as F
from torch import distributions

# %%
device = torch.device("cpu")


def from_numpy(*args, **kwargs):
    return torch.from_numpy(*args, **kwargs).float().to(device)


def to_numpy(tensor):
    return tensor.to("cpu").detach().numpy()


def build_mlp(i, o, n_layers=2, size=16, activation=nn.Tanh()):
    layers = []
    for _ in range(n_layers):
        layers += [nn.Linear(i, size), activation]
        i = size
    layers += [nn.Linear(i, o), nn.Identity()]
    return nn.Sequential(*layers)


class BootstrappedContinuousCritic(nn.Module):
    def __init__(self, ob_dim, gamma=0.9, num_target_updates=3, num_grad_steps_per_target_update=4, lr=1e-2):
        super().__init__()
        self.critic_network = build_mlp(ob_dim, 1)
        self.gamma = gamma
        self.num_target_updates = num_target_updates
        self.num_grad_steps_per_target_update = num_grad_steps_per_target_update
        self.loss = nn.MSELoss()
        self.optimizer = torch.optim.Adam(self.critic_network.parameters(), lr)

    def forward(self, obs):
        return self.critic_network(obs).squeeze(1)

    def forward_np(self, obs):
        return to_numpy(self(from_numpy(obs)))

    def update(self, ob_no, ac_na, next_ob_no, reward_n, terminal_n):
        ob_no, next_ob_no = from_numpy(ob_no), from_numpy(next_ob_no)
        reward_n, terminal_n = from_numpy(reward_n), from_numpy(terminal_n)
        for i in range(self.num_target_updates):
            next_v = self(next_ob_no)
            target = (reward_n + self.gamma * next_v * (1 - terminal_n)).detach()
            for j in range(self.num_grad_steps_per_target_update):
                pred = self(ob_no)
                assert pred.shape == target.shape
                loss = self.loss(pred, target)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
        return loss.item()


rng = np.random.RandomState(0)
N = 12
ob = rng.randn(N, 3).astype(np.float32)
next_ob = (ob + 0.1 * rng.randn(N, 3)).astype(np.float32)
rew = -np.abs(ob[:, 0])
term = (rng.rand(N) < 0.2).astype(np.float64)
print(rew.dtype, term.dtype, term)
torch.manual_seed(0)
critic = BootstrappedContinuousCritic(3)
print(critic.update(ob, None, next_ob, rew, term))
print(critic.forward_np(ob).shape, critic.forward_np(ob).dtype)
print(critic.forward_np(ob[:1]))

# %%
class MLPPolicyAC(nn.Module):
    def __init__(self, ob_dim, ac_dim, lr=1e-2):
        super().__init__()
        self.mean_net = build_mlp(ob_dim, ac_dim)
        self.logstd = nn.Parameter(torch.zeros(ac_dim, dtype=torch.float32, device=device))
        self.optimizer = torch.optim.Adam([{"params": self.mean_net.parameters()}, {"params": [self.logstd]}], lr=lr)

    def forward(self, obs):
        mean = self.mean_net(obs)
        scale_tril = torch.diag(torch.exp(self.logstd))
        batch_dim = mean.shape[0]
        batch_scale_tril = scale_tril.repeat(batch_dim, 1, 1)
        return distributions.MultivariateNormal(mean, scale_tril=batch_scale_tril)

    def update(self, observations, actions, adv_n):
        observations, actions, adv_n = from_numpy(observations), from_numpy(actions), from_numpy(adv_n)
        log_pi = self(observations).log_prob(actions)
        loss = -(log_pi * adv_n).sum()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()


torch.manual_seed(1)
actor = MLPPolicyAC(3, 2)
dist = actor(from_numpy(ob[:2]))
print(dist)
print(dist.scale_tril.shape, dist.covariance_matrix[0])
print(dist.precision_matrix)
print(dist.entropy(), dist.mean.shape, dist.variance)
print(actor.optimizer.param_groups[1]["lr"], [len(g["params"]) for g in actor.optimizer.param_groups])
act = to_numpy(actor(from_numpy(ob)).sample())
print(act.shape, act.dtype)

# %%
def estimate_advantage(critic, ob_no, next_ob_no, re_n, terminal_n, gamma=0.9, standardize=True):
    v_s = critic.forward_np(ob_no)
    v_sp = critic.forward_np(next_ob_no)
    q = re_n + gamma * v_sp * (1 - terminal_n)
    adv_n = q - v_s
    if standardize:
        adv_n = (adv_n - np.mean(adv_n)) / (np.std(adv_n) + 1e-8)
    return adv_n


for it in range(3):
    c_loss = critic.update(ob, act, next_ob, rew, term)
    adv = estimate_advantage(critic, ob, next_ob, rew, term)
    a_loss = actor.update(ob, act, adv)
    print(it, round(c_loss, 4), round(a_loss, 4), adv.dtype, np.round(adv[:3], 3))
for g in actor.optimizer.param_groups:
    g["lr"] *= 0.5
print([g["lr"] for g in actor.optimizer.param_groups])
print(actor.logstd)

# %%
obs_t, next_t = from_numpy(ob), from_numpy(next_ob)
rew_t64, term_t = torch.from_numpy(rew), torch.from_numpy(term)
v = critic(obs_t)
target = rew_t64 + 0.9 * critic(next_t) * (1 - term_t)
print(target.dtype, v.dtype)
try:
    F.mse_loss(v, target).backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    critic.critic_network(torch.from_numpy(ob.astype(np.float64)))
except Exception as e:
    print(type(e).__name__, e)
print(critic(obs_t[:1]).shape, critic.critic_network(obs_t[:1]).squeeze().shape)
term_col = from_numpy(term).unsqueeze(1)
print((from_numpy(rew) + 0.9 * critic(next_t) * (1 - term_col)).shape)

# %%
torch.manual_seed(2)
trunk = nn.Linear(3, 8)
pi_head, v_head = nn.Linear(8, 2), nn.Linear(8, 1)
h = torch.relu(trunk(obs_t))
value = v_head(h).squeeze(-1)
logits = pi_head(h)
adv_attached = from_numpy(rew) - value
pg_loss = -(F.log_softmax(logits, -1)[:, 0] * adv_attached).mean()
v_loss = adv_attached.pow(2).mean()
pg_loss.backward()
print(v_head.weight.grad is not None, trunk.weight.grad.norm() > 0)
try:
    v_loss.backward()
except Exception as e:
    print(type(e).__name__, e)
trunk.zero_grad(); v_head.zero_grad(); pi_head.zero_grad()
h = torch.relu(trunk(obs_t))
value = v_head(h).squeeze(-1)
adv_detached = (from_numpy(rew) - value).detach()
total = -(F.log_softmax(pi_head(h), -1)[:, 0] * adv_detached).mean() + 0.5 * (from_numpy(rew) - value).pow(2).mean()
total.backward()
print(v_head.weight.grad.shape, adv_detached.requires_grad, adv_detached.grad_fn)

# %%
mask = 1 - from_numpy(term)
mask.requires_grad_()
out = torch.exp(mask) * 2
mask2 = torch.exp(from_numpy(term))
y = mask2 * critic(next_t)
mask2.mul_(0.9)
try:
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
target_net = build_mlp(3, 1)
target_net.load_state_dict(critic.critic_network.state_dict())
with torch.no_grad():
    for tp, p in zip(target_net.parameters(), critic.critic_network.parameters()):
        tp.mul_(0.99).add_(p, alpha=0.01)
print(target_net[-2].bias, target_net[-2].bias.requires_grad, target_net[-2].bias.grad)
