# Imitates OpenAI Spinning Up's PyTorch DDPG and TD3 (spinup/algos/pytorch/ddpg/core.py, td3/td3.py) as students
# re-implement them on a small numpy environment: MLPActor with a Tanh output scaled by act_limit (a numpy float32
# from the action space), get_action adding Gaussian noise and np.clip, target policy smoothing with
# torch.randn_like noise clamped to noise_clip, twin Q-networks with the min backup, delayed policy updates, freezing
# the Q-networks' params with requires_grad=False during the policy step, polyak averaging with mul_/add_ under
# no_grad, the logger's Q-value statistics, and the errors students meet when a gymnasium-style reset() tuple or a
# tensor that requires grad reaches numpy.
from copy import deepcopy
import itertools
import numpy as np
import torch
import torch.nn as nn

# %%
def mlp(sizes, activation, output_activation=nn.Identity):
    layers = []
    for j in range(len(sizes) - 1):
        act = activation if j < len(sizes) - 2 else output_activation
        layers += [nn.Linear(sizes[j], sizes[j + 1]), act()]
    return nn.Sequential(*layers)

class MLPActor(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden_sizes, activation, act_limit):
        super().__init__()
        self.pi = mlp([obs_dim] + list(hidden_sizes) + [act_dim], activation, nn.Tanh)
        self.act_limit = act_limit
    def forward(self, obs):
        return self.act_limit * self.pi(obs)

class MLPQFunction(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden_sizes, activation):
        super().__init__()
        self.q = mlp([obs_dim + act_dim] + list(hidden_sizes) + [1], activation)
    def forward(self, obs, act):
        return torch.squeeze(self.q(torch.cat([obs, act], dim=-1)), -1)

class MLPActorCritic(nn.Module):
    def __init__(self, obs_dim, act_dim, act_limit, hidden_sizes=(16, 16), activation=nn.ReLU):
        super().__init__()
        self.pi = MLPActor(obs_dim, act_dim, hidden_sizes, activation, act_limit)
        self.q1 = MLPQFunction(obs_dim, act_dim, hidden_sizes, activation)
        self.q2 = MLPQFunction(obs_dim, act_dim, hidden_sizes, activation)
    def act(self, obs):
        with torch.no_grad():
            return self.pi(obs).numpy()

act_high = np.array([1.5, 1.5], dtype=np.float32)
act_limit = act_high[0]
torch.manual_seed(0)
ac = MLPActorCritic(3, 2, act_limit)
ac_targ = deepcopy(ac)
for p in ac_targ.parameters():
    p.requires_grad = False
print(type(act_limit).__name__, ac.pi(torch.zeros(2, 3)), ac.pi(torch.zeros(2, 3)).dtype)
print(tuple(sum(np.prod(p.shape) for p in m.parameters()) for m in [ac.pi, ac.q1]))

def get_action(o, noise_scale):
    a = ac.act(torch.as_tensor(o, dtype=torch.float32))
    a += noise_scale * np.random.randn(2)
    return np.clip(a, -act_limit, act_limit)

np.random.seed(0)
a = get_action(np.array([0.5, -0.5, 0.1]), 0.1)
print(a, a.dtype, a.shape)

# %%
class PointEnv:
    def __init__(self, seed=0):
        self.rng = np.random.RandomState(seed)
    def reset(self):
        self.s, self.t = self.rng.uniform(-1, 1, size=3), 0
        return self.s.copy()
    def step(self, a):
        self.s = np.clip(self.s + 0.1 * np.append(a, a.sum()), -2, 2)
        self.t += 1
        return self.s.copy(), -float(np.sum(self.s ** 2)), self.t >= 10, {}

size = 64
obs_buf = np.zeros((size, 3), dtype=np.float32)
obs2_buf = np.zeros((size, 3), dtype=np.float32)
act_buf = np.zeros((size, 2), dtype=np.float32)
rew_buf = np.zeros(size, dtype=np.float32)
done_buf = np.zeros(size, dtype=np.float32)
env = PointEnv()
o = env.reset()
for t in range(size):
    a = np.random.uniform(-act_limit, act_limit, size=2) if t < 30 else get_action(o, 0.1)
    o2, r, d, _ = env.step(a)
    obs_buf[t], act_buf[t], rew_buf[t], obs2_buf[t], done_buf[t] = o, a, r, o2, d
    o = env.reset() if d else o2
print(rew_buf[:5], done_buf.sum(), act_buf.min() >= -act_limit)

def sample_batch(batch_size):
    idxs = np.random.randint(0, size, size=batch_size)
    batch = dict(obs=obs_buf[idxs], obs2=obs2_buf[idxs], act=act_buf[idxs], rew=rew_buf[idxs], done=done_buf[idxs])
    return {k: torch.as_tensor(v, dtype=torch.float32) for k, v in batch.items()}

# %%
gamma, polyak, target_noise, noise_clip, policy_delay = 0.99, 0.995, 0.2, 0.5, 2
pi_optimizer = torch.optim.Adam(ac.pi.parameters(), lr=1e-3)
q_params = itertools.chain(ac.q1.parameters(), ac.q2.parameters())
q_optimizer = torch.optim.Adam(q_params, lr=1e-3)
q_params = list(itertools.chain(ac.q1.parameters(), ac.q2.parameters()))

def compute_loss_q(data):
    o, a, r, o2, d = data['obs'], data['act'], data['rew'], data['obs2'], data['done']
    q1 = ac.q1(o, a)
    q2 = ac.q2(o, a)
    with torch.no_grad():
        pi_targ = ac_targ.pi(o2)
        epsilon = torch.randn_like(pi_targ) * target_noise
        epsilon = torch.clamp(epsilon, -noise_clip, noise_clip)
        a2 = pi_targ + epsilon
        a2 = torch.clamp(a2, -act_limit, act_limit)
        q1_pi_targ = ac_targ.q1(o2, a2)
        q2_pi_targ = ac_targ.q2(o2, a2)
        q_pi_targ = torch.min(q1_pi_targ, q2_pi_targ)
        backup = r + gamma * (1 - d) * q_pi_targ
    loss_q = ((q1 - backup) ** 2).mean() + ((q2 - backup) ** 2).mean()
    return loss_q, dict(Q1Vals=q1.detach().numpy(), Q2Vals=q2.detach().numpy())

def compute_loss_pi(data):
    o = data['obs']
    return -ac.q1(o, ac.pi(o)).mean()

logs = dict(LossQ=[], LossPi=[], Q1Vals=[])
torch.manual_seed(1)
np.random.seed(1)
for timer in range(6):
    data = sample_batch(16)
    q_optimizer.zero_grad()
    loss_q, loss_info = compute_loss_q(data)
    loss_q.backward()
    q_optimizer.step()
    logs['LossQ'].append(loss_q.item())
    logs['Q1Vals'].append(loss_info['Q1Vals'])
    if timer % policy_delay == 0:
        for p in q_params:
            p.requires_grad = False
        pi_optimizer.zero_grad()
        loss_pi = compute_loss_pi(data)
        loss_pi.backward()
        pi_optimizer.step()
        print(timer, ac.q1.q[0].weight.grad.abs().sum() > 0, ac.q1.q[0].weight.requires_grad, loss_pi.grad_fn)
        for p in q_params:
            p.requires_grad = True
        with torch.no_grad():
            for p, p_targ in zip(ac.parameters(), ac_targ.parameters()):
                p_targ.data.mul_(polyak)
                p_targ.data.add_((1 - polyak) * p.data)
        logs['LossPi'].append(loss_pi.item())
for k, v in logs.items():
    vals = np.concatenate(v) if isinstance(v[0], np.ndarray) else np.array(v)
    print('%-8s Average %.4f Std %.4f Min %.4f Max %.4f' % (k, vals.mean(), vals.std(), vals.min(), vals.max()))
with torch.no_grad():
    pi_targ = ac_targ.pi(data['obs2'])
    eps = torch.clamp(torch.randn_like(pi_targ) * 5.0, -noise_clip, noise_clip)
print(eps.abs().max().item() <= noise_clip, eps.dtype, eps.requires_grad, (pi_targ + eps).clamp(-act_limit, act_limit).max())

# %%
# the errors on the way: a gymnasium reset() tuple, a tensor that requires grad into numpy, an action of one dim
o_tuple = (np.zeros(3), {})
for make in [
        lambda: torch.as_tensor(o_tuple, dtype=torch.float32),
        lambda: torch.as_tensor(o_tuple),
        lambda: torch.as_tensor(o_tuple[0], dtype=torch.float32),
        lambda: torch.as_tensor(np.array([np.zeros(3), np.zeros(2)], dtype=object), dtype=torch.float32),
        lambda: torch.as_tensor(obs_buf[:2], torch.float32),
        lambda: ac.pi(torch.zeros(3)).numpy(),
        lambda: np.clip(ac.pi(torch.zeros(3)), -1, 1),
        lambda: ac.q1(torch.zeros(4, 3), torch.zeros(4)),
        lambda: torch.clamp(torch.zeros(2), -act_limit, act_limit).dtype,
]:
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)
