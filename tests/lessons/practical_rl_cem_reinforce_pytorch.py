# Imitates yandexdataschool/Practical_RL: week01 "deep crossentropy method" rewritten in PyTorch as the course's
# forks do (np.percentile elite selection, an agent nn.Sequential trained on elite (state, action) pairs with
# F.cross_entropy) and week06 reinforce_pytorch.ipynb (predict_probs with torch.softmax, get_cumulative_rewards,
# to_one_hot with scatter_, train_on_session with log_softmax, entropy bonus, J_hat = mean(log_probs * returns)),
# on a tiny corridor environment written inline instead of gym; states kept as a list of numpy arrays, as the notebook does.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class Corridor:
    """Коридор длины 6: действие 0 — влево, 1 — вправо, награда 1 у правого края."""
    def __init__(self, n=6):
        self.n = n
        self.n_actions = 2
        self.state_dim = (n,)

    def reset(self):
        self.pos = 0
        return self._obs()

    def _obs(self):
        s = np.zeros(self.n, dtype=np.float32)
        s[self.pos] = 1.0
        return s

    def step(self, a):
        self.pos = min(self.n - 1, max(0, self.pos + (1 if a == 1 else -1)))
        done = self.pos == self.n - 1
        return self._obs(), float(done) - 0.01, done, {}

env = Corridor()
s = env.reset()
print(s, env.n_actions, env.state_dim)

# %%
# Кросс-энтропийный метод
torch.manual_seed(0)
np.random.seed(0)
agent = nn.Sequential(nn.Linear(6, 20), nn.Tanh(), nn.Linear(20, 2))
opt = torch.optim.Adam(agent.parameters(), lr=1e-2)

def generate_session(env, agent, t_max=20):
    states, actions = [], []
    total_reward = 0
    s = env.reset()
    for t in range(t_max):
        with torch.no_grad():
            logits = agent(torch.as_tensor(s)[None])
        probs = torch.softmax(logits, dim=-1)[0].numpy()
        a = np.random.choice(env.n_actions, p=probs / probs.sum())
        new_s, r, done, info = env.step(a)
        states.append(s)
        actions.append(a)
        total_reward += r
        s = new_s
        if done:
            break
    return states, actions, total_reward

def select_elites(states_batch, actions_batch, rewards_batch, percentile=50):
    reward_threshold = np.percentile(rewards_batch, percentile)
    elite_states, elite_actions = [], []
    for s, a, r in zip(states_batch, actions_batch, rewards_batch):
        if r >= reward_threshold:
            elite_states.extend(s)
            elite_actions.extend(a)
    return elite_states, elite_actions

for i in range(4):
    sessions = [generate_session(env, agent) for _ in range(16)]
    states_batch, actions_batch, rewards_batch = zip(*sessions)
    elite_states, elite_actions = select_elites(states_batch, actions_batch, rewards_batch)
    X = torch.tensor(np.array(elite_states))
    Y = torch.tensor(elite_actions)
    loss = F.cross_entropy(agent(X), Y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"итерация {i}: средняя награда = {np.mean(rewards_batch):.3f}, порог = "
          f"{np.percentile(rewards_batch, 50):.3f}, loss = {loss.item():.4f}")
print(X.dtype, Y.dtype, X.shape)

# %%
# Список numpy-массивов напрямую в torch.tensor
states = [env.reset(), env.step(1)[0], env.step(1)[0]]
st = torch.tensor(states, dtype=torch.float32)
print(st.shape)
print(torch.tensor(np.array(states)).argmax(1))
print(torch.FloatTensor(states).sum(0))

# %%
# REINFORCE
torch.manual_seed(1)
np.random.seed(1)
model = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, env.n_actions))

def predict_probs(states):
    states = torch.tensor(states, dtype=torch.float32)
    with torch.no_grad():
        logits = model(states)
    return torch.softmax(logits, -1).numpy()

test_states = np.array([env.reset() for _ in range(5)])
test_probas = predict_probs(test_states)
assert isinstance(test_probas, np.ndarray), "you must return np array and not %s" % type(test_probas)
assert tuple(test_probas.shape) == (test_states.shape[0], env.n_actions), "wrong output shape: %s" % np.shape(test_probas)
assert np.allclose(np.sum(test_probas, axis=1), 1), "probabilities do not sum to 1"
print(test_probas.dtype, test_probas.round(3)[0])

def get_cumulative_rewards(rewards, gamma=0.99):
    G = [rewards[-1]]
    for r in reversed(rewards[:-1]):
        G.insert(0, r + gamma * G[0])
    return G

print(get_cumulative_rewards([0, 0, 1, 0, 0, 1, 0], gamma=0.9))
assert len(get_cumulative_rewards(list(range(100)))) == 100
assert np.allclose(get_cumulative_rewards([0, 0, 1, -2, 3, -4, 0], gamma=0.5), [0.0625, 0.125, 0.25, -1.5, 1.0, -4.0, 0.0])

# %%
def to_one_hot(y_tensor, ndims):
    """ helper: take an integer vector and convert it to 1-hot matrix. """
    y_tensor = y_tensor.type(torch.LongTensor).view(-1, 1)
    y_one_hot = torch.zeros(y_tensor.size()[0], ndims).scatter_(1, y_tensor, 1)
    return y_one_hot

print(to_one_hot(torch.tensor([0, 1, 1, 0]), 2))
print(to_one_hot(torch.tensor([1., 0.]), 3))
try:
    to_one_hot(torch.tensor([0, 3]), 2)
except Exception as e:
    print(type(e).__name__, e)

optimizer = torch.optim.Adam(model.parameters(), 1e-3)

def train_on_session(states, actions, rewards, gamma=0.99, entropy_coef=1e-2):
    states = torch.tensor(states, dtype=torch.float32)
    actions = torch.tensor(actions, dtype=torch.int32)
    cumulative_returns = np.array(get_cumulative_rewards(rewards, gamma))
    cumulative_returns = torch.tensor(cumulative_returns, dtype=torch.float32)
    logits = model(states)
    probs = nn.functional.softmax(logits, -1)
    log_probs = nn.functional.log_softmax(logits, -1)
    assert all(isinstance(v, torch.Tensor) for v in [logits, probs, log_probs]), \
        "please use compute using torch tensors and don't use predict_probs function"
    log_probs_for_actions = torch.sum(log_probs * to_one_hot(actions, env.n_actions), dim=1)
    entropy = -(probs * log_probs).sum(-1).mean()
    J_hat = torch.mean(log_probs_for_actions * cumulative_returns)
    loss = -J_hat - entropy_coef * entropy
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return np.sum(rewards), entropy.item()

def generate_session_pg(env, t_max=15):
    states, actions, rewards = [], [], []
    s = env.reset()
    for t in range(t_max):
        action_probs = predict_probs(np.array([s]))[0]
        a = np.random.choice(env.n_actions, p=action_probs)
        new_s, r, done, info = env.step(a)
        states.append(s)
        actions.append(a)
        rewards.append(r)
        s = new_s
        if done:
            break
    return states, actions, rewards

for i in range(3):
    rewards = [train_on_session(*generate_session_pg(env)) for _ in range(5)]
    print("mean reward: %.3f, entropy: %.4f" % (np.mean([r for r, _ in rewards]), rewards[-1][1]))

# %%
# Частые ошибки: индексы действий не того типа
logp = torch.log_softmax(torch.randn(3, 2), -1)
acts = torch.tensor([0, 1, 1], dtype=torch.int32)
try:
    logp.gather(1, acts[:, None])
except Exception as e:
    print(type(e).__name__, e)
print(logp.gather(1, acts.long()[:, None]).shape)
print(logp[torch.arange(3), acts].shape)
try:
    logp[range(3), acts.float()]
except Exception as e:
    print(type(e).__name__, e)
try:
    F.nll_loss(logp, acts)
except Exception as e:
    print(type(e).__name__, e)
print(torch.distributions.Categorical(logits=logp).entropy().shape)
