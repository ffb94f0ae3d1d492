# Imitates pytorch/examples reinforcement_learning/actor_critic.py (Policy with action and value heads, SavedAction
# namedtuple, Categorical sampling, discounted returns normalised with np.finfo eps, smooth_l1_loss against
# torch.tensor([R]), torch.stack(...).sum()) on a random-state environment instead of gym, REINFORCE's
# torch.cat(policy_loss).sum(), Categorical's validation errors, and vae/main.py (VAE with reparameterize,
# binary_cross_entropy(reduction='sum') + KLD, the train loop's prints, samples under no_grad) on random "images".
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import numpy as np
from collections import namedtuple
from torch.distributions import Categorical

# %%
SavedAction = namedtuple('SavedAction', ['log_prob', 'value'])
class Policy(nn.Module):
    def __init__(self):
        super(Policy, self).__init__()
        self.affine1 = nn.Linear(4, 16)
        self.action_head = nn.Linear(16, 2)
        self.value_head = nn.Linear(16, 1)
        self.saved_actions = []
        self.rewards = []
    def forward(self, x):
        x = F.relu(self.affine1(x))
        action_prob = F.softmax(self.action_head(x), dim=-1)
        state_values = self.value_head(x)
        return action_prob, state_values
torch.manual_seed(543)
model = Policy()
optimizer = optim.Adam(model.parameters(), lr=3e-2)
eps = np.finfo(np.float32).eps.item()
def select_action(state):
    state = torch.from_numpy(state).float()
    probs, state_value = model(state)
    m = Categorical(probs)
    action = m.sample()
    model.saved_actions.append(SavedAction(m.log_prob(action), state_value))
    return action.item()
def finish_episode(gamma=0.99):
    R = 0
    saved_actions = model.saved_actions
    policy_losses = []
    value_losses = []
    returns = []
    for r in model.rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for (log_prob, value), R in zip(saved_actions, returns):
        advantage = R - value.item()
        policy_losses.append(-log_prob * advantage)
        value_losses.append(F.smooth_l1_loss(value, torch.tensor([R])))
    optimizer.zero_grad()
    loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum()
    loss.backward()
    optimizer.step()
    del model.rewards[:]
    del model.saved_actions[:]
    return loss, returns
rs = np.random.RandomState(0)
running_reward = 10
for i_episode in range(1, 4):
    state, ep_reward = rs.randn(4), 0
    for t in range(1, 6):
        action = select_action(state)
        state, reward, done = rs.randn(4), 1.0, t == 5
        model.rewards.append(reward)
        ep_reward += reward
        if done:
            break
    running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward
    loss, returns = finish_episode()
    print('Episode {}\tLast reward: {:.2f}\tAverage reward: {:.2f}'.format(i_episode, ep_reward, running_reward))
    print(loss, returns)
print(model.saved_actions)
try:
    finish_episode()
except Exception as e:
    print(type(e).__name__, e)
r = torch.tensor([1.0])
print((r - r.mean()) / (r.std() + eps))
v = torch.tensor([0.5], requires_grad=True)
try:
    print(F.smooth_l1_loss(v, torch.tensor(1.0)))
except Exception as e:
    print(type(e).__name__, e)
import warnings
print(F.smooth_l1_loss(torch.tensor([[0.5]]), torch.tensor([1.0])))
print(F.smooth_l1_loss(torch.tensor(0.5), torch.tensor([1.0])))
print(F.smooth_l1_loss(torch.ones(2, 1), torch.zeros(2)))
# reinforce variant
probs = torch.tensor([[0.3, 0.7]], requires_grad=True)
m = Categorical(probs)
a = m.sample()
print(a, m.log_prob(a), m.entropy(), m)
lp = [m.log_prob(a), m.log_prob(a)]
pl = [-x * R for x, R in zip(lp, torch.tensor([1.0, -1.0]))]
print(torch.cat(pl).sum(), torch.cat(pl))
try:
    torch.cat([torch.tensor(1.0), torch.tensor(2.0)])
except Exception as e:
    print(type(e).__name__, e)
try:
    Categorical(torch.tensor([0.3, -0.7]))
except Exception as e:
    print(type(e).__name__, e)
try:
    m.log_prob(torch.tensor([2]))
except Exception as e:
    print(type(e).__name__, e)
print(Categorical(logits=torch.tensor([1.0, 2.0])).probs, Categorical(probs=torch.tensor([2.0, 2.0])).logits)
# %%
class VAE(nn.Module):
    def __init__(self):
        super(VAE, self).__init__()
        self.fc1 = nn.Linear(784, 40)
        self.fc21 = nn.Linear(40, 20)
        self.fc22 = nn.Linear(40, 20)
        self.fc3 = nn.Linear(20, 40)
        self.fc4 = nn.Linear(40, 784)
    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)
    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5*logvar)
        eps = torch.randn_like(std)
        return mu + eps*std
    def decode(self, z):
        h3 = F.relu(self.fc3(z))
        return torch.sigmoid(self.fc4(h3))
    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 784))
        z = self.reparameterize(mu, logvar)
        return self.decode(z), mu, logvar
def loss_function(recon_x, x, mu, logvar):
    BCE = F.binary_cross_entropy(recon_x, x.view(-1, 784), reduction='sum')
    KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return BCE + KLD
torch.manual_seed(1)
model = VAE()
optimizer = optim.Adam(model.parameters(), lr=1e-3)
data_all = torch.rand(24, 1, 28, 28)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data_all, torch.zeros(24)), batch_size=8, shuffle=True)
for epoch in range(1, 3):
    model.train()
    train_loss = 0
    for batch_idx, (data, _) in enumerate(loader):
        optimizer.zero_grad()
        recon_batch, mu, logvar = model(data)
        loss = loss_function(recon_batch, data, mu, logvar)
        loss.backward()
        train_loss += loss.item()
        optimizer.step()
        if batch_idx % 2 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(loader.dataset),
                100. * batch_idx / len(loader),
                loss.item() / len(data)))
    print('====> Epoch: {} Average loss: {:.4f}'.format(epoch, train_loss / len(loader.dataset)))
    with torch.no_grad():
        sample = torch.randn(64, 20)
        sample = model.decode(sample).cpu()
        print(sample.view(64, 1, 28, 28).shape)
        n = min(data.size(0), 8)
        comparison = torch.cat([data[:n], recon_batch.view(8, 1, 28, 28)[:n]])
        print(comparison.shape, comparison.requires_grad)
try:
    F.binary_cross_entropy(recon_batch, data.view(-1, 784) * 2, reduction='sum')
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(recon_batch, data, reduction='sum')
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(recon_batch * 3, data.view(-1, 784))
except Exception as e:
    print(type(e).__name__, e)
