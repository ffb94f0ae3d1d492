# Imitates Berkeley CS285 homework 3 (Q-learning, Fall 2023 edition) as students complete it: the ReplayBuffer that
# allocates numpy arrays on the first insert and samples with np.random.randint, ptu.from_numpy on a dict of batches
# (float64 cast to float32, int64 actions and bool dones kept), DQNAgent.get_action with epsilon-greedy,
# update_critic with gather(1, action.unsqueeze(1)).squeeze(1), double-Q argmax from the online critic, targets
# reward + gamma * (1 - done.float()) * next_q under torch.no_grad(), nn.MSELoss / nn.SmoothL1Loss, clip_grad_norm_
# with float("inf") returning the total norm, a LambdaLR/ConstantLR schedule, the target critic refreshed with
# load_state_dict, the returned stats dict of .item()s, and the mistakes: 1 - done on a bool tensor, gather with the
# wrong index dtype or rank, targets built with grad, (N,) vs (N, 1) in the loss.
import copy

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

# %%
device = torch.device("cpu")


def from_numpy(data, **kwargs):
    if isinstance(data, dict):
        return {k: from_numpy(v) for k, v in data.items()}
    data = torch.from_numpy(data, **kwargs)
    if data.dtype == torch.float64:
        data = data.float()
    return data.to(device)


def to_numpy(tensor):
    if isinstance(tensor, dict):
        return {k: to_numpy(v) for k, v in tensor.items()}
    return tensor.to("cpu").detach().numpy()


class ReplayBuffer:
    def __init__(self, capacity=1000000):
        self.max_size = capacity
        self.size = 0
        self.observations = None
        self.actions = None
        self.rewards = None
        self.next_observations = None
        self.dones = None

    def sample(self, batch_size):
        rand_indices = np.random.randint(0, self.size, size=(batch_size,)) % self.max_size
        return {
            "observations": self.observations[rand_indices],
            "actions": self.actions[rand_indices],
            "rewards": self.rewards[rand_indices],
            "next_observations": self.next_observations[rand_indices],
            "dones": self.dones[rand_indices],
        }

    def __len__(self):
        return self.size

    def insert(self, observation, action, reward, next_observation, done):
        if isinstance(reward, (float, int)):
            reward = np.array(reward)
        if isinstance(done, bool):
            done = np.array(done)
        if isinstance(action, int):
            action = np.array(action, dtype=np.int64)
        if self.observations is None:
            self.observations = np.empty((self.max_size, *observation.shape), dtype=observation.dtype)
            self.actions = np.empty((self.max_size, *action.shape), dtype=action.dtype)
            self.rewards = np.empty((self.max_size, *reward.shape), dtype=reward.dtype)
            self.next_observations = np.empty((self.max_size, *next_observation.shape), dtype=next_observation.dtype)
            self.dones = np.empty((self.max_size, *done.shape), dtype=done.dtype)
        self.observations[self.size % self.max_size] = observation
        self.actions[self.size % self.max_size] = action
        self.rewards[self.size % self.max_size] = reward
        self.next_observations[self.size % self.max_size] = next_observation
        self.dones[self.size % self.max_size] = done
        self.size += 1


rng = np.random.RandomState(0)
buf = ReplayBuffer(capacity=50)
ob = rng.randn(4)
for t in range(80):
    ac = int(rng.randint(2))
    next_ob = ob + (0.1 if ac else -0.1) + 0.01 * rng.randn(4)
    done = bool(abs(next_ob[0]) > 1.0)
    buf.insert(ob, ac, float(-abs(next_ob[0])), next_ob, done)
    ob = rng.randn(4) if done else next_ob
print(len(buf), buf.observations.dtype, buf.actions.dtype, buf.rewards.dtype, buf.dones.dtype, buf.dones.shape)
np.random.seed(1)
batch = from_numpy(buf.sample(8))
for k, v in batch.items():
    print(k, v.dtype, tuple(v.shape))

# %%
class DQNAgent(nn.Module):
    def __init__(self, ob_dim, num_actions, discount=0.99, target_update_period=5, use_double_q=False,
                 clip_grad_norm=None, lr=1e-3):
        super().__init__()
        self.critic = nn.Sequential(nn.Linear(ob_dim, 16), nn.ReLU(), nn.Linear(16, num_actions))
        self.target_critic = nn.Sequential(nn.Linear(ob_dim, 16), nn.ReLU(), nn.Linear(16, num_actions))
        self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=lr)
        self.lr_scheduler = torch.optim.lr_scheduler.LambdaLR(
            self.critic_optimizer, lambda t: max(0.1, 1.0 - t / 10))
        self.num_actions = num_actions
        self.discount = discount
        self.target_update_period = target_update_period
        self.clip_grad_norm = clip_grad_norm
        self.use_double_q = use_double_q
        self.critic_loss = nn.MSELoss()
        self.update_target_critic()

    def get_action(self, observation: np.ndarray, epsilon: float = 0.02) -> int:
        observation = from_numpy(np.asarray(observation))[None]
        if np.random.random() < epsilon:
            action = torch.randint(self.num_actions, ())
        else:
            action = self.critic(observation).argmax(dim=1)
        return to_numpy(action).squeeze(0).item()

    def update_critic(self, obs, action, reward, next_obs, done):
        (batch_size,) = reward.shape
        with torch.no_grad():
            next_qa_values = self.target_critic(next_obs)
            if self.use_double_q:
                next_action = self.critic(next_obs).argmax(dim=1)
            else:
                next_action = next_qa_values.argmax(dim=1)
            next_q_values = torch.gather(next_qa_values, 1, next_action.unsqueeze(1)).squeeze(1)
            target_values = reward + self.discount * (1 - done.float()) * next_q_values
        qa_values = self.critic(obs)
        q_values = torch.gather(qa_values, 1, action.unsqueeze(1)).squeeze(1)
        loss = self.critic_loss(q_values, target_values)
        self.critic_optimizer.zero_grad()
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad.clip_grad_norm_(
            self.critic.parameters(), self.clip_grad_norm or float("inf"))
        self.critic_optimizer.step()
        self.lr_scheduler.step()
        return {
            "critic_loss": loss.item(),
            "q_values": q_values.mean().item(),
            "target_values": target_values.mean().item(),
            "grad_norm": grad_norm.item(),
        }

    def update_target_critic(self):
        self.target_critic.load_state_dict(self.critic.state_dict())

    def update(self, obs, action, reward, next_obs, done, step):
        stats = self.update_critic(obs, action, reward, next_obs, done)
        if step % self.target_update_period == 0:
            self.update_target_critic()
        return stats


torch.manual_seed(0)
agent = DQNAgent(4, 2, use_double_q=True, clip_grad_norm=10.0)
print(agent)
np.random.seed(2)
print([agent.get_action(buf.observations[i], epsilon=0.3) for i in range(6)])
for step in range(12):
    batch = from_numpy(buf.sample(16))
    stats = agent.update(batch["observations"], batch["actions"], batch["rewards"], batch["next_observations"],
                         batch["dones"], step)
    if step % 4 == 0:
        print(step, {k: round(v, 4) for k, v in stats.items()}, agent.critic_optimizer.param_groups[0]["lr"])
print(agent.lr_scheduler.get_last_lr(), agent.lr_scheduler.last_epoch)
print(type(stats["grad_norm"]))

# %%
obs, act, rew, nobs, done = (batch[k] for k in ["observations", "actions", "rewards", "next_observations", "dones"])
try:
    rew + 0.99 * (1 - done) * agent.target_critic(nobs).max(1)[0]
except Exception as e:
    print(type(e).__name__, e)
print((~done).float()[:5], torch.logical_not(done)[:5])
try:
    agent.critic(obs).gather(1, act)
except Exception as e:
    print(type(e).__name__, e)
try:
    agent.critic(obs).gather(1, act.float().unsqueeze(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    agent.critic(obs).gather(1, act.int().unsqueeze(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    agent.critic(obs)[act]
except Exception as e:
    print(type(e).__name__, e)
print(agent.critic(obs)[torch.arange(16), act].shape)
print(agent.critic(obs).gather(1, act.view(-1, 1)).shape, agent.critic(obs).max(dim=1))

# %%
q = agent.critic(obs).gather(1, act.unsqueeze(1))
target = rew + 0.99 * (1 - done.float()) * agent.target_critic(nobs).max(1)[0]
print(q.shape, target.shape, target.requires_grad, target.grad_fn)
loss = F.mse_loss(q, target)
print(loss)
agent.critic_optimizer.zero_grad()
loss.backward()
print(agent.target_critic[0].weight.grad is None, agent.critic[0].weight.grad.shape)
loss = F.smooth_l1_loss(q.squeeze(1), target.detach())
print(loss, nn.SmoothL1Loss()(q.squeeze(1), target.detach()), nn.HuberLoss(delta=1.0)(q.squeeze(1), target.detach()))

# %%
params = list(agent.critic.parameters())
agent.critic_optimizer.zero_grad()
F.mse_loss(agent.critic(obs).gather(1, act.unsqueeze(1)).squeeze(1), target.detach()).backward()
total = torch.norm(torch.stack([p.grad.norm(2) for p in params]), 2)
norm = torch.nn.utils.clip_grad_norm_(params, float("inf"))
print(norm, total, torch.allclose(norm, total))
norm2 = torch.nn.utils.clip_grad_norm_(params, 0.01)
print(norm2, torch.nn.utils.clip_grad_norm_(params, 0.01))
print(torch.nn.utils.clip_grad_norm_([], 1.0), norm.dtype, norm.requires_grad)
sched = torch.optim.lr_scheduler.ConstantLR(agent.critic_optimizer, factor=1.0)
print(sched.get_last_lr(), [g["lr"] for g in agent.critic_optimizer.param_groups])
print(agent.critic_optimizer.state_dict()["param_groups"][0]["initial_lr"])

# %%
agent.update_target_critic()
print(all(torch.equal(a, b) for a, b in zip(agent.critic.parameters(), agent.target_critic.parameters())))
print(agent.critic[0].weight is agent.target_critic[0].weight)
hard = copy.deepcopy(agent.critic)
for p in hard.parameters():
    p.requires_grad_(False)
print(sum(p.numel() for p in hard.parameters()), any(p.requires_grad for p in hard.parameters()))
try:
    agent.target_critic.load_state_dict(nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).state_dict())
except Exception as e:
    print(type(e).__name__, e)
