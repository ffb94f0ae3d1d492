# Imitates OpenAI Spinning Up's PyTorch SAC (spinup/algos/pytorch/sac/core.py and sac.py) as students re-implement it
# on a tiny numpy environment: SquashedGaussianMLPActor with LOG_STD_MIN / LOG_STD_MAX clamping, rsample, the tanh
# log-prob correction 2*(log(2) - a - softplus(-2a)) checked against log(1 - tanh(a)^2), deterministic actions, twin
# MLPQFunction critics over torch.cat([obs, act], dim=-1), a deepcopy target network with requires_grad=False,
# q_params from itertools.chain, the clipped double-Q backup under no_grad, freezing Q-network params during the
# policy step, polyak averaging with mul_/add_ under no_grad, a learned temperature, and the logger's statistics.
import itertools
from copy import deepcopy
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions.normal import Normal

# %%
def mlp(sizes, activation, output_activation=nn.Identity):
    layers = []
    for j in range(len(sizes) - 1):
        act = activation if j < len(sizes) - 2 else output_activation
        layers += [nn.Linear(sizes[j], sizes[j + 1]), act()]
    return nn.Sequential(*layers)

def count_vars(module):
    return sum([np.prod(p.shape) for p in module.parameters()])

LOG_STD_MAX = 2
LOG_STD_MIN = -20

class SquashedGaussianMLPActor(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden_sizes, activation, act_limit):
        super().__init__()
        self.net = mlp([obs_dim] + list(hidden_sizes), activation, activation)
        self.mu_layer = nn.Linear(hidden_sizes[-1], act_dim)
        self.log_std_layer = nn.Linear(hidden_sizes[-1], act_dim)
        self.act_limit = act_limit

    def forward(self, obs, deterministic=False, with_logprob=True):
        net_out = self.net(obs)
        mu = self.mu_layer(net_out)
        log_std = self.log_std_layer(net_out)
        log_std = torch.clamp(log_std, LOG_STD_MIN, LOG_STD_MAX)
        std = torch.exp(log_std)
        pi_distribution = Normal(mu, std)
        if deterministic:
            pi_action = mu
        else:
            pi_action = pi_distribution.rsample()
        if with_logprob:
            logp_pi = pi_distribution.log_prob(pi_action).sum(axis=-1)
            logp_pi -= (2 * (np.log(2) - pi_action - F.softplus(-2 * pi_action))).sum(axis=1)
        else:
            logp_pi = None
        pi_action = torch.tanh(pi_action)
        pi_action = self.act_limit * pi_action
        return pi_action, logp_pi

class MLPQFunction(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden_sizes, activation):
        super().__init__()
        self.q = mlp([obs_dim + act_dim] + list(hidden_sizes) + [1], activation)
    def forward(self, obs, act):
        q = self.q(torch.cat([obs, act], dim=-1))
        return torch.squeeze(q, -1)

class MLPActorCritic(nn.Module):
    def __init__(self, obs_dim, act_dim, act_limit, hidden_sizes=(16, 16), activation=nn.ReLU):
        super().__init__()
        self.pi = SquashedGaussianMLPActor(obs_dim, act_dim, hidden_sizes, activation, act_limit)
        self.q1 = MLPQFunction(obs_dim, act_dim, hidden_sizes, activation)
        self.q2 = MLPQFunction(obs_dim, act_dim, hidden_sizes, activation)
    def act(self, obs, deterministic=False):
        with torch.no_grad():
            a, _ = self.pi(obs, deterministic, False)
            return a.numpy()

torch.manual_seed(0)
ac = MLPActorCritic(3, 2, act_limit=2.0)
ac_targ = deepcopy(ac)
for p in ac_targ.parameters():
    p.requires_grad = False
var_counts = tuple(count_vars(module) for module in [ac.pi, ac.q1, ac.q2])
print('\nNumber of parameters: \t pi: %d, \t q1: %d, \t q2: %d\n' % var_counts)
o = torch.as_tensor(np.array([0.1, -0.2, 0.3]), dtype=torch.float32)
print(ac.act(o), ac.act(o, deterministic=True), ac.act(o).dtype)
a, logp = ac.pi(o.unsqueeze(0))
print(a, logp, logp.grad_fn)
try:
    ac.pi(o)
except Exception as e:
    print(type(e).__name__, e)

# %%
# the correction equals log(1 - tanh(u)^2) but stays finite where tanh saturates
u = torch.tensor([[-30.0, -5.0, 0.0, 0.5, 5.0, 30.0]], requires_grad=True)
stable = 2 * (np.log(2) - u - F.softplus(-2 * u))
naive = torch.log(1 - torch.tanh(u) ** 2)
print(stable, naive)
print(torch.log(1 - torch.tanh(u) ** 2 + 1e-6))
stable.sum().backward()
print(u.grad)
print(type(np.log(2)).__name__, (np.log(2) - u).dtype, (np.float32(2.0) * u).dtype, (u * np.float64(0.5)).dtype)

# %%
class ReplayBuffer:
    def __init__(self, obs_dim, act_dim, size):
        self.obs_buf = np.zeros((size, obs_dim), dtype=np.float32)
        self.obs2_buf = np.zeros((size, obs_dim), dtype=np.float32)
        self.act_buf = np.zeros((size, act_dim), dtype=np.float32)
        self.rew_buf = np.zeros(size, dtype=np.float32)
        self.done_buf = np.zeros(size, dtype=np.float32)
        self.ptr, self.size, self.max_size = 0, 0, size
    def store(self, obs, act, rew, next_obs, done):
        self.obs_buf[self.ptr] = obs
        self.obs2_buf[self.ptr] = next_obs
        self.act_buf[self.ptr] = act
        self.rew_buf[self.ptr] = rew
        self.done_buf[self.ptr] = done
        self.ptr = (self.ptr + 1) % self.max_size
        self.size = min(self.size + 1, self.max_size)
    def sample_batch(self, batch_size=32):
        idxs = np.random.randint(0, self.size, size=batch_size)
        batch = dict(obs=self.obs_buf[idxs], obs2=self.obs2_buf[idxs], act=self.act_buf[idxs],
                     rew=self.rew_buf[idxs], done=self.done_buf[idxs])
        return {k: torch.as_tensor(v, dtype=torch.float32) for k, v in batch.items()}

class PointEnv:
    def __init__(self, seed=0):
        self.rng = np.random.RandomState(seed)
    def reset(self):
        self.s, self.t = self.rng.uniform(-1, 1, size=3), 0
        return self.s.copy()
    def step(self, a):
        self.s = np.clip(self.s + 0.1 * np.append(a, a[0] - a[1]), -2, 2)
        self.t += 1
        r = -np.sum(self.s ** 2)
        return self.s.copy(), r, self.t >= 10, {}

np.random.seed(0)
env = PointEnv()
replay_buffer = ReplayBuffer(3, 2, size=100)
o = env.reset()
for t in range(40):
    a = np.random.uniform(-2, 2, size=2) if t < 20 else ac.act(torch.as_tensor(o, dtype=torch.float32))
    o2, r, d, _ = env.step(a)
    replay_buffer.store(o, a, r, o2, d)
    o = env.reset() if d else o2
batch = replay_buffer.sample_batch(8)
print({k: tuple(v.shape) for k, v in batch.items()}, batch['done'], batch['rew'].dtype)

# %%
gamma, polyak, alpha, lr = 0.99, 0.995, 0.2, 1e-3
q_params = itertools.chain(ac.q1.parameters(), ac.q2.parameters())
pi_optimizer = torch.optim.Adam(ac.pi.parameters(), lr=lr)
q_optimizer = torch.optim.Adam(q_params, lr=lr)
print(len(q_optimizer.param_groups[0]['params']), list(q_params))
q_params = itertools.chain(ac.q1.parameters(), ac.q2.parameters())

def compute_loss_q(data):
    o, a, r, o2, d = data['obs'], data['act'], data['rew'], data['obs2'], data['done']
    q1 = ac.q1(o, a)
    q2 = ac.q2(o, a)
    with torch.no_grad():
        a2, logp_a2 = ac.pi(o2)
        q1_pi_targ = ac_targ.q1(o2, a2)
        q2_pi_targ = ac_targ.q2(o2, a2)
        q_pi_targ = torch.min(q1_pi_targ, q2_pi_targ)
        backup = r + gamma * (1 - d) * (q_pi_targ - alpha * logp_a2)
    loss_q1 = ((q1 - backup) ** 2).mean()
    loss_q2 = ((q2 - backup) ** 2).mean()
    loss_q = loss_q1 + loss_q2
    q_info = dict(Q1Vals=q1.detach().numpy(), Q2Vals=q2.detach().numpy())
    return loss_q, q_info

def compute_loss_pi(data):
    o = data['obs']
    pi, logp_pi = ac.pi(o)
    q1_pi = ac.q1(o, pi)
    q2_pi = ac.q2(o, pi)
    q_pi = torch.min(q1_pi, q2_pi)
    loss_pi = (alpha * logp_pi - q_pi).mean()
    pi_info = dict(LogPi=logp_pi.detach().numpy())
    return loss_pi, pi_info

epoch_log = dict(LossQ=[], LossPi=[], Q1Vals=[], LogPi=[])
torch.manual_seed(3)
for j in range(4):
    data = replay_buffer.sample_batch(16)
    q_optimizer.zero_grad()
    loss_q, q_info = compute_loss_q(data)
    loss_q.backward()
    q_optimizer.step()
    q_params = list(itertools.chain(ac.q1.parameters(), ac.q2.parameters()))
    for p in q_params:
        p.requires_grad = False
    pi_optimizer.zero_grad()
    loss_pi, pi_info = compute_loss_pi(data)
    loss_pi.backward()
    if j == 0:
        print(ac.q1.q[0].weight.grad is None, ac.q1.q[0].weight.requires_grad, ac.pi.mu_layer.bias.grad)
    pi_optimizer.step()
    for p in q_params:
        p.requires_grad = True
    with torch.no_grad():
        for p, p_targ in zip(ac.parameters(), ac_targ.parameters()):
            p_targ.data.mul_(polyak)
            p_targ.data.add_((1 - polyak) * p.data)
    epoch_log['LossQ'].append(loss_q.item())
    epoch_log['LossPi'].append(loss_pi.item())
    epoch_log['Q1Vals'].append(q_info['Q1Vals'])
    epoch_log['LogPi'].append(pi_info['LogPi'])
for k, v in epoch_log.items():
    vals = np.concatenate(v) if isinstance(v[0], np.ndarray) else np.array(v)
    print('%-10s %8.3g %8.3g %8.3g %8.3g' % (k, np.mean(vals), np.std(vals), np.min(vals), np.max(vals)))
diff = sum((p - pt).abs().sum() for p, pt in zip(ac.parameters(), ac_targ.parameters()))
print(diff, diff.requires_grad, ac_targ.q1.q[0].weight.requires_grad, ac_targ.q1.q[0].weight.grad)

# %%
# automatic entropy tuning, as many re-implementations add it
target_entropy = -2.0
log_alpha = torch.zeros(1, requires_grad=True)
alpha_optimizer = torch.optim.Adam([log_alpha], lr=1e-2)
torch.manual_seed(4)
for j in range(3):
    _, logp_pi = ac.pi(batch['obs'])
    alpha_loss = -(log_alpha * (logp_pi + target_entropy).detach()).mean()
    alpha_optimizer.zero_grad()
    alpha_loss.backward()
    alpha_optimizer.step()
    alpha = log_alpha.exp().item()
    print(j, round(alpha_loss.item(), 5), log_alpha.grad, round(alpha, 5))
print(log_alpha, log_alpha.exp(), torch.exp(log_alpha.detach()))

# %%
# mistakes students make along the way
p_targ = ac_targ.q1.q[0].bias
p = ac.q1.q[0].bias
for make in [
        lambda: p.mul_(polyak),
        lambda: p_targ.mul_(polyak).add_((1 - polyak) * p) is p_targ,
        lambda: p.data.mul_(1.0).add_(0.0 * p_targ).requires_grad,
        lambda: ac.pi(batch['obs'])[1].requires_grad_(False),
        lambda: np.mean([ac.q1(batch['obs'], batch['act']).mean()]),
        lambda: np.mean([loss_q.detach(), loss_pi.detach()]),
        lambda: ac.q1(batch['obs'], batch['act']).numpy(),
        lambda: ac.q1(batch['obs'], batch['act'][:, :1]),
        lambda: ac.q1(batch['obs'], batch['act']).item(),
        lambda: torch.min(torch.ones(3), torch.ones(4)),
]:
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)
