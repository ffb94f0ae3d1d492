# Imitates the "DQN from scratch" notebooks without gym: a replay buffer in a collections.deque sampled with
# random.sample, transitions stacked with torch.stack / torch.cat / torch.tensor(np.array(...)), Q(s, a) picked with
# gather, max(1)[0] and Double-DQN argmax targets, a target network made with copy.deepcopy and refreshed with
# load_state_dict or a Polyak average, Huber losses (F.smooth_l1_loss, nn.HuberLoss), clip_grad_norm_,
# epsilon-greedy with random.random(), and the usual mistakes (action indices of the wrong dtype or shape, a target
# that is not detached, deepcopy of a non-leaf tensor, state dicts that do not fit).
import copy
import random
from collections import deque, namedtuple

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class GridLine:
    """Positions 0..6, start at 3; actions: 0 left, 1 stay, 2 right. Reward +1 at 6, -1 at 0."""
    n_actions = 3

    def __init__(self, seed=0):
        self.rng = np.random.RandomState(seed)

    def reset(self):
        self.pos = 3
        return self.obs()

    def obs(self):
        return np.array([self.pos / 6.0, float(self.pos == 0), float(self.pos == 6)], dtype=np.float32)

    def step(self, action):
        if self.rng.rand() < 0.1:
            action = self.rng.randint(3)
        self.pos = int(np.clip(self.pos + action - 1, 0, 6))
        done = self.pos in (0, 6)
        reward = {0: -1.0, 6: 1.0}.get(self.pos, -0.05)
        return self.obs(), reward, done

env = GridLine()
o = env.reset()
print(o, o.dtype, env.step(2))

# %%
class ReplayBuffer:
    def __init__(self, capacity):
        self.buffer = deque(maxlen=capacity)

    def push(self, state, action, reward, next_state, done):
        self.buffer.append((state, action, reward, next_state, done))

    def sample(self, batch_size):
        batch = random.sample(self.buffer, batch_size)
        state, action, reward, next_state, done = zip(*batch)
        return (torch.tensor(np.array(state)), torch.tensor(action), torch.tensor(reward, dtype=torch.float32),
                torch.tensor(np.array(next_state)), torch.tensor(done, dtype=torch.float32))

    def __len__(self):
        return len(self.buffer)

random.seed(0)
buf = ReplayBuffer(100)
env = GridLine(seed=1)
s = env.reset()
for t in range(30):
    a = random.randrange(3)
    s2, r, d = env.step(a)
    buf.push(s, a, r, s2, d)
    s = env.reset() if d else s2
print(len(buf), buf.buffer.maxlen)
states, actions, rewards, next_states, dones = buf.sample(5)
print(states, actions, rewards, dones, sep="\n")
print(states.dtype, actions.dtype, rewards.dtype, dones.dtype, next_states.shape)

# %%
class QNet(nn.Module):
    def __init__(self, obs_dim=3, n_actions=3):
        super().__init__()
        self.fc1 = nn.Linear(obs_dim, 24)
        self.fc2 = nn.Linear(24, n_actions)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

torch.manual_seed(0)
q_net = QNet()
target_net = copy.deepcopy(q_net)
print(target_net is q_net, target_net.fc1.weight is q_net.fc1.weight,
      torch.equal(target_net.fc1.weight, q_net.fc1.weight), target_net.fc1.weight.requires_grad)
target_net.eval()
for p in target_net.parameters():
    p.requires_grad = False
print(target_net.training, [p.requires_grad for p in target_net.parameters()])
q = q_net(states)
print(q)
print(q.max(1)[0], q.max(1)[1], q.max(dim=1, keepdim=True).values.shape)
print(q.argmax(1), q.argmax(dim=1, keepdim=True))
q.gather(1, actions.unsqueeze(1))

# %%
optimizer = torch.optim.Adam(q_net.parameters(), lr=1e-3)
gamma = 0.95
huber = nn.HuberLoss()

def train_step(batch_size=8, double=False):
    states, actions, rewards, next_states, dones = buf.sample(batch_size)
    q_values = q_net(states).gather(1, actions.unsqueeze(1)).squeeze(1)
    with torch.no_grad():
        if double:
            best = q_net(next_states).argmax(1, keepdim=True)
            next_q = target_net(next_states).gather(1, best).squeeze(1)
        else:
            next_q = target_net(next_states).max(1)[0]
        target = rewards + gamma * next_q * (1 - dones)
    loss = huber(q_values, target)
    optimizer.zero_grad()
    loss.backward()
    gn = torch.nn.utils.clip_grad_norm_(q_net.parameters(), 10.0)
    optimizer.step()
    return loss.item(), gn.item()

random.seed(1)
for i in range(5):
    print(i, ["%.5f" % v for v in train_step()], ["%.5f" % v for v in train_step(double=True)])

# %%
def select_action(state, epsilon):
    if random.random() < epsilon:
        return random.randrange(3)
    with torch.no_grad():
        return q_net(torch.as_tensor(state).unsqueeze(0)).argmax().item()

random.seed(2)
env = GridLine(seed=2)
eps_start, eps_end, eps_decay = 1.0, 0.05, 0.9
epsilon = eps_start
for episode in range(3):
    s, done, total, steps = env.reset(), False, 0.0, 0
    while not done and steps < 15:
        a = select_action(s, epsilon)
        s2, r, done = env.step(a)
        buf.push(s, a, r, s2, done)
        s, total, steps = s2, total + r, steps + 1
        train_step()
    epsilon = max(eps_end, epsilon * eps_decay)
    print(episode, steps, round(total, 2), round(epsilon, 3))
target_net.load_state_dict(q_net.state_dict())

# %%
# Polyak averaging of the target network
tau = 0.01
with torch.no_grad():
    for p_targ, p in zip(target_net.parameters(), q_net.parameters()):
        p_targ.mul_(1 - tau)
        p_targ.add_(tau * p)
print(target_net.fc2.bias, q_net.fc2.bias)
for tp, p in zip(target_net.parameters(), q_net.parameters()):
    tp.data.copy_(tau * p.data + (1.0 - tau) * tp.data)
with torch.no_grad():
    for tp, p in zip(target_net.parameters(), q_net.parameters()):
        tp.lerp_(p, 0.5)
print(target_net.fc2.bias)
print(nn.utils.parameters_to_vector(target_net.parameters()).shape)
target_net.fc2.bias.grad_fn, target_net.fc2.bias.requires_grad

# %%
# state dicts that do not fit
bigger = QNet(n_actions=4)
q_net.load_state_dict(bigger.state_dict())

# %%
class QNet2(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(3, 24)
        self.head = nn.Linear(24, 3)

result = QNet2().load_state_dict(q_net.state_dict(), strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)
QNet2().load_state_dict(q_net.state_dict())

# %%
# deepcopy of a tensor that is not a leaf
q = q_net(states)
copy.deepcopy(q)

# %%
copied = copy.deepcopy(q.detach())
print(copied.requires_grad, copied.grad_fn)
leaf = torch.ones(2, requires_grad=True)
leaf.grad = torch.full((2,), 3.0)
c = copy.deepcopy(leaf)
print(c, c.grad, c.is_leaf, c is leaf)
m2 = copy.deepcopy(q_net)
print(type(m2).__name__, m2.fc1.weight.grad is None, torch.equal(m2.fc1.weight.grad, q_net.fc1.weight.grad))

# %%
# action indices as floats (from np.array of a mixed list)
acts = torch.tensor([0.0, 2.0, 1.0, 1.0, 0.0])
q_net(states).gather(1, acts.unsqueeze(1))

# %%
# action indices of shape (N,): gather needs the same number of dimensions
q_net(states).gather(1, actions)

# %%
# int32 indices
q_net(states).gather(1, actions.int().unsqueeze(1))

# %%
# an index past the number of actions
q_net(states).gather(1, torch.full((5, 1), 3))

# %%
# the bootstrapped target not detached: gradients flow into the target computation
q_values = q_net(states).gather(1, actions.unsqueeze(1)).squeeze(1)
target = rewards + gamma * q_net(next_states).max(1)[0] * (1 - dones)
print(target.requires_grad, target.grad_fn)
loss = F.smooth_l1_loss(q_values, target)
print(loss, loss.grad_fn.next_functions[0][0], loss.grad_fn.next_functions[1][0])
target = target.detach()
F.smooth_l1_loss(q_values, target, beta=0.5), F.smooth_l1_loss(q_values, target, reduction="none")

# %%
# q of shape (N, 1) against a target of shape (N,)
huber(q_net(states).gather(1, actions.unsqueeze(1)), target)

# %%
print(nn.HuberLoss(reduction="sum", delta=2.0)(q_values, target), nn.HuberLoss(delta=0.5))
print(F.huber_loss(q_values, target, reduction="none", delta=0.1))
nn.SmoothL1Loss(beta=0.0)(q_values, target), F.smooth_l1_loss(q_values, target, beta=-1.0)

# %%
# mixing a list of numpy arrays into torch.tensor
arrs = [np.array([1.0, 2.0], dtype=np.float32), np.array([3.0, 4.0], dtype=np.float32)]
t = torch.tensor(arrs)
print(t, t.dtype)
print(torch.tensor(np.array(arrs)), torch.from_numpy(np.stack(arrs)), torch.stack([torch.from_numpy(a) for a in arrs]))
torch.FloatTensor(arrs), torch.LongTensor([1, 0, 2]).unsqueeze(1)

# %%
# stacking transitions of different shapes
torch.stack([torch.zeros(3), torch.zeros(1, 3)])

# %%
torch.cat([torch.zeros(1, 3), torch.zeros(3)])

# %%
torch.stack([np.zeros(3), np.zeros(3)])

# %%
# dones as booleans: 1 - dones and ~dones
d = torch.tensor([True, False, True])
print(~d, d.logical_not(), d.float(), (~d).float())
1 - d
