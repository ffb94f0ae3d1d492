# Imitates the official "Reinforcement Learning (DQN) Tutorial" on a tiny synthetic environment written inline
# (no gym): namedtuple Transition and a deque ReplayMemory with random.sample, a DQN nn.Module, epsilon-greedy
# select_action with policy_net(state).max(1).indices.view(1, 1), optimize_model with torch.cat(batch.state),
# a bool non_final_mask, gather, target_net(...).max(1).values under no_grad, SmoothL1Loss, clip_grad_value_,
# AdamW(amsgrad=True) and the soft update of the target net through state_dict arithmetic.
import math
import random
from collections import namedtuple, deque
from itertools import count

import torch
import torch.nn as nn
import torch.optim as optim
import torch.nn.functional as F

# %%
random.seed(0)
torch.manual_seed(0)
device = torch.device("cpu")

Transition = namedtuple('Transition',
                        ('state', 'action', 'next_state', 'reward'))


class ReplayMemory(object):

    def __init__(self, capacity):
        self.memory = deque([], maxlen=capacity)

    def push(self, *args):
        """Save a transition"""
        self.memory.append(Transition(*args))

    def sample(self, batch_size):
        return random.sample(self.memory, batch_size)

    def __len__(self):
        return len(self.memory)

memory = ReplayMemory(50)
print(len(memory), memory.memory.maxlen)

# %%
class LineWorld:
    """A corridor of 6 cells: action 1 moves right, 0 moves left; reaching the right end ends the episode."""
    n_observations = 4
    n_actions = 2

    def reset(self):
        self.pos = 2
        return self._obs(), {}

    def _obs(self):
        return [self.pos / 5.0, 1.0 - self.pos / 5.0, float(self.pos % 2), 1.0]

    def step(self, action):
        self.pos = max(0, self.pos + (1 if action == 1 else -1))
        terminated = self.pos >= 5
        reward = 1.0 if terminated else -0.1
        truncated = False
        return self._obs(), reward, terminated, truncated, {}

env = LineWorld()
state, info = env.reset()
n_observations = len(state)
n_actions = env.n_actions
print(n_observations, n_actions, state)

# %%
class DQN(nn.Module):

    def __init__(self, n_observations, n_actions):
        super(DQN, self).__init__()
        self.layer1 = nn.Linear(n_observations, 32)
        self.layer2 = nn.Linear(32, 32)
        self.layer3 = nn.Linear(32, n_actions)

    # Called with either one element to determine next action, or a batch
    # during optimization. Returns tensor([[left0exp,right0exp]...]).
    def forward(self, x):
        x = F.relu(self.layer1(x))
        x = F.relu(self.layer2(x))
        return self.layer3(x)

BATCH_SIZE = 8
GAMMA = 0.99
EPS_START = 0.9
EPS_END = 0.05
EPS_DECAY = 50
TAU = 0.005
LR = 1e-3

policy_net = DQN(n_observations, n_actions).to(device)
target_net = DQN(n_observations, n_actions).to(device)
target_net.load_state_dict(policy_net.state_dict())

optimizer = optim.AdamW(policy_net.parameters(), lr=LR, amsgrad=True)
print(policy_net)
print(optimizer)

# %%
target_net.load_state_dict(policy_net.state_dict())

# %%
steps_done = 0


def select_action(state):
    global steps_done
    sample = random.random()
    eps_threshold = EPS_END + (EPS_START - EPS_END) * \
        math.exp(-1. * steps_done / EPS_DECAY)
    steps_done += 1
    if sample > eps_threshold:
        with torch.no_grad():
            # t.max(1) will return the largest column value of each row.
            # second column on max result is index of where max element was
            # found, so we pick action with the larger expected reward.
            return policy_net(state).max(1).indices.view(1, 1)
    else:
        return torch.tensor([[random.randrange(n_actions)]], device=device, dtype=torch.long)

state = torch.tensor(state, dtype=torch.float32, device=device).unsqueeze(0)
print(state)
print(policy_net(state))
print(policy_net(state).max(1))
a = select_action(state)
print(a, a.shape, a.dtype, a.item())

# %%
def optimize_model():
    if len(memory) < BATCH_SIZE:
        return None
    transitions = memory.sample(BATCH_SIZE)
    # Transpose the batch (see https://stackoverflow.com/a/19343/3343043 for
    # detailed explanation). This converts batch-array of Transitions
    # to Transition of batch-arrays.
    batch = Transition(*zip(*transitions))

    # Compute a mask of non-final states and concatenate the batch elements
    # (a final state would've been the one after which simulation ended)
    non_final_mask = torch.tensor(tuple(map(lambda s: s is not None,
                                          batch.next_state)), device=device, dtype=torch.bool)
    non_final_next_states = torch.cat([s for s in batch.next_state
                                                if s is not None])
    state_batch = torch.cat(batch.state)
    action_batch = torch.cat(batch.action)
    reward_batch = torch.cat(batch.reward)

    # Compute Q(s_t, a) - the model computes Q(s_t), then we select the
    # columns of actions taken. These are the actions which would've been taken
    # for each batch state according to policy_net
    state_action_values = policy_net(state_batch).gather(1, action_batch)

    # Compute V(s_{t+1}) for all next states.
    next_state_values = torch.zeros(BATCH_SIZE, device=device)
    with torch.no_grad():
        next_state_values[non_final_mask] = target_net(non_final_next_states).max(1).values
    # Compute the expected Q values
    expected_state_action_values = (next_state_values * GAMMA) + reward_batch

    # Compute Huber loss
    criterion = nn.SmoothL1Loss()
    loss = criterion(state_action_values, expected_state_action_values.unsqueeze(1))

    # Optimize the model
    optimizer.zero_grad()
    loss.backward()
    # In-place gradient clipping
    torch.nn.utils.clip_grad_value_(policy_net.parameters(), 100)
    optimizer.step()
    return loss

print(optimize_model())

# %%
episode_durations = []
losses = []
num_episodes = 4

for i_episode in range(num_episodes):
    # Initialize the environment and get its state
    state, info = env.reset()
    state = torch.tensor(state, dtype=torch.float32, device=device).unsqueeze(0)
    for t in count():
        action = select_action(state)
        observation, reward, terminated, truncated, _ = env.step(action.item())
        reward = torch.tensor([reward], device=device)
        done = terminated or truncated or t >= 14

        if terminated:
            next_state = None
        else:
            next_state = torch.tensor(observation, dtype=torch.float32, device=device).unsqueeze(0)

        # Store the transition in memory
        memory.push(state, action, next_state, reward)

        # Move to the next state
        state = next_state

        # Perform one step of the optimization (on the policy network)
        loss = optimize_model()
        if loss is not None:
            losses.append(loss.item())

        # Soft update of the target network's weights
        # θ′ ← τ θ + (1 −τ )θ′
        target_net_state_dict = target_net.state_dict()
        policy_net_state_dict = policy_net.state_dict()
        for key in policy_net_state_dict:
            target_net_state_dict[key] = policy_net_state_dict[key]*TAU + target_net_state_dict[key]*(1-TAU)
        target_net.load_state_dict(target_net_state_dict)

        if done:
            episode_durations.append(t + 1)
            break

print('Complete')
print(episode_durations, len(memory), steps_done)
print([round(l, 4) for l in losses[:5]])

# %%
durations_t = torch.tensor(episode_durations, dtype=torch.float)
print(durations_t)
print(durations_t.unfold(0, 2, 1).mean(1).view(-1))
means = torch.cat((torch.zeros(1), durations_t.unfold(0, 2, 1).mean(1).view(-1)))
means

# %%
batch = Transition(*zip(*memory.sample(3)))
print(type(batch).__name__, len(batch.state))
print(batch.action)
print(torch.cat(batch.reward))
mask = torch.tensor(tuple(map(lambda s: s is not None, batch.next_state)), dtype=torch.bool)
mask

# %%
sd = target_net.state_dict()
print(list(sd.keys()))
print(sd['layer3.bias'])
print(policy_net.state_dict()['layer3.bias'])
print(sd['layer1.weight'].requires_grad, sd['layer1.weight'].grad_fn)
print(optimizer.state_dict()['param_groups'][0]['amsgrad'], len(optimizer.state_dict()['state']))
print(sorted(optimizer.state[policy_net.layer3.bias].keys()))
print(optimizer.state[policy_net.layer3.bias]['step'])

# %%
q = policy_net(torch.cat(batch.state))
print(q.max(1))
print(q.max(1)[0], q.max(1).values.grad_fn, q.max(1).indices)
print(q.gather(1, torch.cat(batch.action)))
print(nn.SmoothL1Loss()(q[:, 0], q[:, 1]), F.smooth_l1_loss(q[:, 0], q[:, 1], beta=0.5))
# forgetting the dtype: a float action index
bad_action = torch.tensor([[1.0], [0.0], [1.0]])
q.gather(1, bad_action)

# %%
# a mask of Python bools is a bool tensor; a mask made of ints indexes positions instead
mask = torch.tensor(tuple(map(lambda s: s is not None, [1, None, 2])))
print(mask, mask.dtype)
values = torch.zeros(3)
values[mask] = torch.tensor([5.0, 7.0])
idx = torch.tensor(tuple(map(lambda s: int(s is not None), [1, None, 2])))
print(idx, idx.dtype, values[idx])
values[idx.bool()], values[idx == 1].sum()

# %%
# a wrongly shaped target broadcasts with a warning
criterion = nn.SmoothL1Loss()
criterion(q.gather(1, torch.cat(batch.action)), torch.ones(3))
