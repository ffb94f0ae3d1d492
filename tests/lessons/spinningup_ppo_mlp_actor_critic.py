# Imitates OpenAI Spinning Up's PyTorch PPO (spinup/algos/pytorch/ppo/core.py and ppo.py) as students re-implement it
# without gym: combined_shape, mlp() built from a list of sizes, count_vars via sum of np.prod(p.shape), the Actor base
# class with MLPCategoricalActor (Categorical(logits=...)) and MLPGaussianActor (log_std = nn.Parameter from a numpy
# array of -0.5), MLPCritic with torch.squeeze(..., -1), MLPActorCritic.step under no_grad returning numpy, a PPOBuffer
# of float32 numpy arrays with GAE-lambda via a hand-written discount_cumsum, get() normalising advantages and turning
# everything into tensors with torch.as_tensor(dtype=torch.float32), compute_loss_pi with approx_kl, entropy and
# clipfrac, early stopping on KL, and the logger's mean / std / min / max lines.
import numpy as np
import torch
import torch.nn as nn
from torch.distributions.normal import Normal
from torch.distributions.categorical import Categorical

# %%
def combined_shape(length, shape=None):
    if shape is None:
        return (length,)
    return (length, shape) if np.isscalar(shape) else (length, *shape)

def mlp(sizes, activation, output_activation=nn.Identity):
    layers = []
    for j in range(len(sizes) - 1):
        act = activation if j < len(sizes) - 2 else output_activation
        layers += [nn.Linear(sizes[j], sizes[j + 1]), act()]
    return nn.Sequential(*layers)

def count_vars(module):
    return sum([np.prod(p.shape) for p in module.parameters()])

def discount_cumsum(x, discount):
    out = np.zeros_like(x)
    running = 0.0
    for t in reversed(range(len(x))):
        running = x[t] + discount * running
        out[t] = running
    return out

print(combined_shape(5), combined_shape(5, 3), combined_shape(5, (2, 3)))
print(discount_cumsum(np.array([1.0, 1.0, 1.0]), 0.5))
net = mlp([4, 8, 8, 2], nn.Tanh)
print(net)
n = count_vars(net)
print(n, type(n).__name__, 'Number of parameters: \t pi: %d' % n)

# %%
class Actor(nn.Module):
    def _distribution(self, obs):
        raise NotImplementedError
    def _log_prob_from_distribution(self, pi, act):
        raise NotImplementedError
    def forward(self, obs, act=None):
        pi = self._distribution(obs)
        logp_a = None
        if act is not None:
            logp_a = self._log_prob_from_distribution(pi, act)
        return pi, logp_a

class MLPCategoricalActor(Actor):
    def __init__(self, obs_dim, act_dim, hidden_sizes, activation):
        super().__init__()
        self.logits_net = mlp([obs_dim] + list(hidden_sizes) + [act_dim], activation)
    def _distribution(self, obs):
        return Categorical(logits=self.logits_net(obs))
    def _log_prob_from_distribution(self, pi, act):
        return pi.log_prob(act)

class MLPGaussianActor(Actor):
    def __init__(self, obs_dim, act_dim, hidden_sizes, activation):
        super().__init__()
        log_std = -0.5 * np.ones(act_dim, dtype=np.float32)
        self.log_std = torch.nn.Parameter(torch.as_tensor(log_std))
        self.mu_net = mlp([obs_dim] + list(hidden_sizes) + [act_dim], activation)
    def _distribution(self, obs):
        mu = self.mu_net(obs)
        std = torch.exp(self.log_std)
        return Normal(mu, std)
    def _log_prob_from_distribution(self, pi, act):
        return pi.log_prob(act).sum(axis=-1)

class MLPCritic(nn.Module):
    def __init__(self, obs_dim, hidden_sizes, activation):
        super().__init__()
        self.v_net = mlp([obs_dim] + list(hidden_sizes) + [1], activation)
    def forward(self, obs):
        return torch.squeeze(self.v_net(obs), -1)

class MLPActorCritic(nn.Module):
    def __init__(self, obs_dim, act_dim, discrete, hidden_sizes=(16, 16), activation=nn.Tanh):
        super().__init__()
        if discrete:
            self.pi = MLPCategoricalActor(obs_dim, act_dim, hidden_sizes, activation)
        else:
            self.pi = MLPGaussianActor(obs_dim, act_dim, hidden_sizes, activation)
        self.v = MLPCritic(obs_dim, hidden_sizes, activation)
    def step(self, obs):
        with torch.no_grad():
            pi = self.pi._distribution(obs)
            a = pi.sample()
            logp_a = self.pi._log_prob_from_distribution(pi, a)
            v = self.v(obs)
        return a.numpy(), v.numpy(), logp_a.numpy()
    def act(self, obs):
        return self.step(obs)[0]

torch.manual_seed(0)
ac = MLPActorCritic(4, 3, discrete=True)
acg = MLPActorCritic(4, 2, discrete=False)
var_counts = tuple(count_vars(module) for module in [ac.pi, ac.v])
print('\nNumber of parameters: \t pi: %d, \t v: %d\n' % var_counts)
print(acg.pi.log_std, acg.pi.log_std.dtype, acg.pi.log_std.requires_grad)
o = np.random.RandomState(0).randn(4)
a, v, logp = ac.step(torch.as_tensor(o, dtype=torch.float32))
print(a, a.dtype, a.shape, v.dtype, v.shape, logp.dtype, round(float(logp), 4))
a, v, logp = acg.step(torch.as_tensor(o, dtype=torch.float32))
print(a.shape, a.dtype, v.shape, logp.shape, np.round(a, 4), round(float(v), 4))
pi, logp_a = acg.pi(torch.zeros(3, 4), torch.zeros(3, 2))
print(pi, logp_a)

# %%
class RandomWalkEnv:
    """No gym: a 4-d state nudged by discrete actions, reward for staying near the origin."""
    def __init__(self, seed=0):
        self.rng = np.random.RandomState(seed)
    def reset(self):
        self.s = self.rng.randn(4) * 0.1
        self.t = 0
        return self.s.copy()
    def step(self, a):
        self.s = 0.9 * self.s + 0.1 * self.rng.randn(4)
        self.s[0] += (int(a) - 1) * 0.2
        self.t += 1
        r = 1.0 - abs(self.s[0])
        d = self.t >= 8 or abs(self.s[0]) > 1.5
        return self.s.copy(), r, d, {}

class PPOBuffer:
    def __init__(self, obs_dim, act_dim, size, gamma=0.99, lam=0.95):
        self.obs_buf = np.zeros(combined_shape(size, obs_dim), dtype=np.float32)
        self.act_buf = np.zeros(combined_shape(size, act_dim), dtype=np.float32)
        self.adv_buf = np.zeros(size, dtype=np.float32)
        self.rew_buf = np.zeros(size, dtype=np.float32)
        self.ret_buf = np.zeros(size, dtype=np.float32)
        self.val_buf = np.zeros(size, dtype=np.float32)
        self.logp_buf = np.zeros(size, dtype=np.float32)
        self.gamma, self.lam = gamma, lam
        self.ptr, self.path_start_idx, self.max_size = 0, 0, size

    def store(self, obs, act, rew, val, logp):
        assert self.ptr < self.max_size
        self.obs_buf[self.ptr] = obs
        self.act_buf[self.ptr] = act
        self.rew_buf[self.ptr] = rew
        self.val_buf[self.ptr] = val
        self.logp_buf[self.ptr] = logp
        self.ptr += 1

    def finish_path(self, last_val=0):
        path_slice = slice(self.path_start_idx, self.ptr)
        rews = np.append(self.rew_buf[path_slice], last_val)
        vals = np.append(self.val_buf[path_slice], last_val)
        deltas = rews[:-1] + self.gamma * vals[1:] - vals[:-1]
        self.adv_buf[path_slice] = discount_cumsum(deltas, self.gamma * self.lam)
        self.ret_buf[path_slice] = discount_cumsum(rews, self.gamma)[:-1]
        self.path_start_idx = self.ptr

    def get(self):
        assert self.ptr == self.max_size
        self.ptr, self.path_start_idx = 0, 0
        adv_mean, adv_std = np.mean(self.adv_buf), np.std(self.adv_buf)
        self.adv_buf = (self.adv_buf - adv_mean) / adv_std
        data = dict(obs=self.obs_buf, act=self.act_buf, ret=self.ret_buf, adv=self.adv_buf, logp=self.logp_buf)
        return {k: torch.as_tensor(v, dtype=torch.float32) for k, v in data.items()}

env = RandomWalkEnv()
steps_per_epoch = 24
buf = PPOBuffer(4, None, steps_per_epoch)
torch.manual_seed(1)
o, ep_ret, ep_len = env.reset(), 0, 0
ep_rets = []
for t in range(steps_per_epoch):
    a, v, logp = ac.step(torch.as_tensor(o, dtype=torch.float32))
    next_o, r, d, _ = env.step(a)
    ep_ret += r
    ep_len += 1
    buf.store(o, a, r, v, logp)
    o = next_o
    epoch_ended = t == steps_per_epoch - 1
    if d or epoch_ended:
        if epoch_ended and not d:
            _, v, _ = ac.step(torch.as_tensor(o, dtype=torch.float32))
        else:
            v = 0
        buf.finish_path(v)
        if d:
            ep_rets.append(ep_ret)
        o, ep_ret, ep_len = env.reset(), 0, 0
data = buf.get()
print({k: (v.shape, v.dtype) for k, v in data.items()})
print(data['act'][:8], data['adv'].mean().item(), data['adv'].std().item())
print('EpRet %.3f %.3f' % (np.mean(ep_rets), np.std(ep_rets)))

# %%
clip_ratio, target_kl, train_pi_iters = 0.2, 0.01, 20
pi_optimizer = torch.optim.Adam(ac.pi.parameters(), lr=3e-2)
vf_optimizer = torch.optim.Adam(ac.v.parameters(), lr=1e-2)

def compute_loss_pi(data):
    obs, act, adv, logp_old = data['obs'], data['act'], data['adv'], data['logp']
    pi, logp = ac.pi(obs, act)
    ratio = torch.exp(logp - logp_old)
    clip_adv = torch.clamp(ratio, 1 - clip_ratio, 1 + clip_ratio) * adv
    loss_pi = -(torch.min(ratio * adv, clip_adv)).mean()
    approx_kl = (logp_old - logp).mean().item()
    ent = pi.entropy().mean().item()
    clipped = ratio.gt(1 + clip_ratio) | ratio.lt(1 - clip_ratio)
    clipfrac = torch.as_tensor(clipped, dtype=torch.float32).mean().item()
    return loss_pi, dict(kl=approx_kl, ent=ent, cf=clipfrac)

def compute_loss_v(data):
    obs, ret = data['obs'], data['ret']
    return ((ac.v(obs) - ret) ** 2).mean()

pi_l_old, pi_info_old = compute_loss_pi(data)
pi_l_old = pi_l_old.item()
v_l_old = compute_loss_v(data).item()
print(round(pi_l_old, 5), {k: round(v, 5) for k, v in pi_info_old.items()}, round(v_l_old, 4))
for i in range(train_pi_iters):
    pi_optimizer.zero_grad()
    loss_pi, pi_info = compute_loss_pi(data)
    kl = pi_info['kl']
    if kl > 1.5 * target_kl:
        print('Early stopping at step %d due to reaching max kl.' % i)
        break
    loss_pi.backward()
    pi_optimizer.step()
for i in range(5):
    vf_optimizer.zero_grad()
    loss_v = compute_loss_v(data)
    loss_v.backward()
    vf_optimizer.step()
kl, ent, cf = pi_info['kl'], pi_info_old['ent'], pi_info['cf']
print('LossPi %.4f DeltaLossPi %.4f' % (pi_l_old, loss_pi.item() - pi_l_old))
print('LossV %.4f KL %.4f Entropy %.4f ClipFrac %.4f StopIter %d' % (v_l_old, kl, ent, cf, i))
print(type(pi_info['cf']).__name__, type(kl).__name__)

# %%
# Gaussian policy: actions stored as float32, log_std learned and shared over states
torch.manual_seed(2)
obs = torch.randn(6, 4)
with torch.no_grad():
    pi = acg.pi._distribution(obs)
    act = pi.sample()
    logp_old = acg.pi._log_prob_from_distribution(pi, act)
adv = torch.as_tensor(np.linspace(-1, 1, 6), dtype=torch.float32)
opt = torch.optim.Adam(acg.pi.parameters(), lr=1e-2)
for it in range(3):
    opt.zero_grad()
    pi, logp = acg.pi(obs, act)
    ratio = torch.exp(logp - logp_old)
    loss = -(torch.min(ratio * adv, torch.clamp(ratio, 0.8, 1.2) * adv)).mean()
    loss.backward()
    print(it, round(loss.item(), 5), acg.pi.log_std.grad, ratio.max().item() > 1)
    opt.step()
print(acg.pi.log_std.data, torch.exp(acg.pi.log_std).detach().numpy().round(4))
print(pi.entropy().shape, pi.entropy().mean().item(), pi.stddev[0])
