# Imitates PyTorch's examples/reinforcement_learning/reinforce.py and the policy-gradient lessons on a toy bandit /
# corridor environment written inline (no gym): Categorical from torch.distributions, log_prob, discounted returns,
# normalisation with eps from np.finfo, policy_loss with torch.cat(...).sum(), and a tiny DQN-style update
# (gather, max(1)[0], smooth_l1_loss, target net load_state_dict, clip_grad_value_).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import numpy as np
from torch.distributions import Categorical
import random

# %%
torch.manual_seed(543)
eps = np.finfo(np.float32).eps.item()
print(eps)

class Policy(nn.Module):
    def __init__(self):
        super(Policy, self).__init__()
        self.affine1 = nn.Linear(4, 16)
        self.dropout = nn.Dropout(p=0.6)
        self.affine2 = nn.Linear(16, 2)
        self.saved_log_probs = []
        self.rewards = []

    def forward(self, x):
        x = self.affine1(x)
        x = self.dropout(x)
        x = F.relu(x)
        action_scores = self.affine2(x)
        return F.softmax(action_scores, dim=1)

policy = Policy()
optimizer = optim.Adam(policy.parameters(), lr=1e-2)

# %%
def select_action(state):
    state = torch.from_numpy(state).float().unsqueeze(0)
    probs = policy(state)
    m = Categorical(probs)
    action = m.sample()
    policy.saved_log_probs.append(m.log_prob(action))
    return action.item()

def finish_episode(gamma=0.99):
    R = 0
    policy_loss = []
    returns = []
    for r in policy.rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for log_prob, R in zip(policy.saved_log_probs, returns):
        policy_loss.append(-log_prob * R)
    optimizer.zero_grad()
    policy_loss = torch.cat(policy_loss).sum()
    policy_loss.backward()
    optimizer.step()
    del policy.rewards[:]
    del policy.saved_log_probs[:]
    return policy_loss.item()

rng = np.random.RandomState(0)
running_reward = 10
for i_episode in range(1, 4):
    state, ep_reward = rng.randn(4), 0
    for t in range(1, 8):
        action = select_action(state)
        state = state + (0.1 if action == 1 else -0.1)
        reward = float(state.sum() > 0)
        policy.rewards.append(reward)
        ep_reward += reward
    running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward
    l = finish_episode()
    print('Episode {}\tLast reward: {:.2f}\tAverage reward: {:.2f}\tloss {:.4f}'.format(i_episode, ep_reward,
                                                                                      running_reward, l))

# %%
probs = torch.tensor([[0.2, 0.8], [0.5, 0.5]])
m = Categorical(probs)
print(m)
torch.manual_seed(0)
a = m.sample()
print(a, m.log_prob(a), m.entropy(), m.probs, m.logits)
print(Categorical(logits=torch.tensor([0.0, 1.0, 2.0])).probs)

# %%
class DQN(nn.Module):
    def __init__(self, n_observations, n_actions):
        super(DQN, self).__init__()
        self.layer1 = nn.Linear(n_observations, 16)
        self.layer2 = nn.Linear(16, 16)
        self.layer3 = nn.Linear(16, n_actions)

    def forward(self, x):
        x = F.relu(self.layer1(x))
        x = F.relu(self.layer2(x))
        return self.layer3(x)

torch.manual_seed(1)
policy_net = DQN(4, 2)
target_net = DQN(4, 2)
target_net.load_state_dict(policy_net.state_dict())
optimizer = optim.AdamW(policy_net.parameters(), lr=1e-3, amsgrad=True)
BATCH_SIZE, GAMMA, TAU = 5, 0.99, 0.005
state_batch = torch.randn(BATCH_SIZE, 4)
action_batch = torch.randint(0, 2, (BATCH_SIZE, 1))
reward_batch = torch.randn(BATCH_SIZE)
next_states = torch.randn(BATCH_SIZE, 4)
non_final_mask = torch.tensor([True, False, True, True, False])
non_final_next_states = next_states[non_final_mask]

state_action_values = policy_net(state_batch).gather(1, action_batch)
next_state_values = torch.zeros(BATCH_SIZE)
with torch.no_grad():
    next_state_values[non_final_mask] = target_net(non_final_next_states).max(1).values
expected_state_action_values = (next_state_values * GAMMA) + reward_batch
criterion = nn.SmoothL1Loss()
loss = criterion(state_action_values, expected_state_action_values.unsqueeze(1))
optimizer.zero_grad()
loss.backward()
torch.nn.utils.clip_grad_value_(policy_net.parameters(), 100)
optimizer.step()
print(loss)
print(state_action_values.squeeze())

# %%
target_net_state_dict = target_net.state_dict()
policy_net_state_dict = policy_net.state_dict()
for key in policy_net_state_dict:
    target_net_state_dict[key] = policy_net_state_dict[key] * TAU + target_net_state_dict[key] * (1 - TAU)
target_net.load_state_dict(target_net_state_dict)
print(target_net.layer3.bias)

# %%
def select_action_eps(state, steps_done, EPS_START=0.9, EPS_END=0.05, EPS_DECAY=1000):
    sample = random.random()
    eps_threshold = EPS_END + (EPS_START - EPS_END) * np.exp(-1. * steps_done / EPS_DECAY)
    if sample > eps_threshold:
        with torch.no_grad():
            return policy_net(state).max(1).indices.view(1, 1)
    else:
        return torch.tensor([[random.randrange(2)]], dtype=torch.long)

random.seed(0)
print([select_action_eps(torch.randn(1, 4), s).item() for s in range(5)])
print(policy_net(torch.zeros(1, 4)).max(1))
