# Imitates the PPO lessons written without gym (CleanRL-style ppo.py on a toy environment coded inline, the
# "PPO from scratch" blog posts): layer_init with orthogonal_ and constant_, an Agent with actor and critic heads,
# Categorical(logits=...) sampling, log_prob and entropy, generalized advantage estimation backwards through time,
# minibatches from BatchSampler(SubsetRandomSampler), the clipped surrogate, clipped value loss, approx_kl, clipfracs,
# explained variance, and a squashed-Gaussian continuous policy with TanhTransform for comparison.
import numpy as np
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical
from torch.distributions import Normal, TransformedDistribution, Independent
from torch.distributions.transforms import TanhTransform
from torch.utils.data import BatchSampler, SubsetRandomSampler

# %%
def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer

class Agent(nn.Module):
    def __init__(self, obs_dim=4, n_actions=2):
        super().__init__()
        self.critic = nn.Sequential(layer_init(nn.Linear(obs_dim, 16)), nn.Tanh(), layer_init(nn.Linear(16, 16)),
                                    nn.Tanh(), layer_init(nn.Linear(16, 1), std=1.0))
        self.actor = nn.Sequential(layer_init(nn.Linear(obs_dim, 16)), nn.Tanh(), layer_init(nn.Linear(16, 16)),
                                   nn.Tanh(), layer_init(nn.Linear(16, n_actions), std=0.01))
    def get_value(self, x):
        return self.critic(x)
    def get_action_and_value(self, x, action=None):
        logits = self.actor(x)
        probs = Categorical(logits=logits)
        if action is None:
            action = probs.sample()
        return action, probs.log_prob(action), probs.entropy(), self.critic(x)

torch.manual_seed(1)
agent = Agent()
print(agent.actor[4].weight.norm(), agent.critic[0].bias)
obs = torch.randn(5, 4)
action, logprob, entropy, value = agent.get_action_and_value(obs)
print(action, logprob, entropy, value.squeeze(-1))
logprob.grad_fn, value.shape

# %%
class ToyEnv:
    """A corridor: the state drifts, reward 1 while |x| < 1, done after 20 steps or when it leaves."""
    def __init__(self, n, seed=0):
        self.g = torch.Generator().manual_seed(seed)
        self.n = n
        self.reset()
    def reset(self):
        self.state = torch.randn(self.n, 4, generator=self.g) * 0.1
        self.t = torch.zeros(self.n)
        return self.state.clone()
    def step(self, action):
        drift = (action.float() * 2 - 1) * 0.1
        self.state[:, 0] += drift + 0.05 * torch.randn(self.n, generator=self.g)
        self.state[:, 1:] = self.state[:, 1:] * 0.9 + 0.1 * self.state[:, :1]
        self.t += 1
        reward = (self.state[:, 0].abs() < 1).float()
        done = (self.t >= 20) | (self.state[:, 0].abs() >= 1)
        obs = self.state.clone()
        if done.any():
            self.state[done] = torch.randn(int(done.sum()), 4, generator=self.g) * 0.1
            self.t[done] = 0
        return obs, reward, done.float()

num_envs, num_steps = 4, 16
env = ToyEnv(num_envs)
obs_buf = torch.zeros((num_steps, num_envs, 4))
actions = torch.zeros((num_steps, num_envs))
logprobs = torch.zeros((num_steps, num_envs))
rewards = torch.zeros((num_steps, num_envs))
dones = torch.zeros((num_steps, num_envs))
values = torch.zeros((num_steps, num_envs))
next_obs = env.reset()
next_done = torch.zeros(num_envs)
torch.manual_seed(2)
for step in range(num_steps):
    obs_buf[step] = next_obs
    dones[step] = next_done
    with torch.no_grad():
        action, logprob, _, value = agent.get_action_and_value(next_obs)
        values[step] = value.flatten()
    actions[step] = action
    logprobs[step] = logprob
    next_obs, reward, next_done = env.step(action)
    rewards[step] = reward.view(-1)
print(rewards.sum(0), dones.sum(), actions[:3])
values[:2]

# %%
gamma, gae_lambda = 0.99, 0.95
with torch.no_grad():
    next_value = agent.get_value(next_obs).reshape(1, -1)
    advantages = torch.zeros_like(rewards)
    lastgaelam = 0
    for t in reversed(range(num_steps)):
        if t == num_steps - 1:
            nextnonterminal = 1.0 - next_done
            nextvalues = next_value
        else:
            nextnonterminal = 1.0 - dones[t + 1]
            nextvalues = values[t + 1]
        delta = rewards[t] + gamma * nextvalues * nextnonterminal - values[t]
        advantages[t] = lastgaelam = delta + gamma * gae_lambda * nextnonterminal * lastgaelam
    returns = advantages + values
print(advantages[:3], returns.mean())
b_obs = obs_buf.reshape((-1, 4))
b_logprobs = logprobs.reshape(-1)
b_actions = actions.reshape(-1)
b_advantages = advantages.reshape(-1)
b_returns = returns.reshape(-1)
b_values = values.reshape(-1)
b_obs.shape, b_actions.dtype, type(lastgaelam), lastgaelam.shape

# %%
optimizer = torch.optim.Adam(agent.parameters(), lr=2.5e-4, eps=1e-5)
clip_coef, ent_coef, vf_coef, max_grad_norm = 0.2, 0.01, 0.5, 0.5
clipfracs = []
g = torch.Generator().manual_seed(3)
for epoch in range(2):
    for mb_inds in BatchSampler(SubsetRandomSampler(range(len(b_obs)), generator=g), 16, drop_last=False):
        mb_inds = torch.tensor(mb_inds)
        _, newlogprob, entropy, newvalue = agent.get_action_and_value(b_obs[mb_inds], b_actions.long()[mb_inds])
        logratio = newlogprob - b_logprobs[mb_inds]
        ratio = logratio.exp()
        with torch.no_grad():
            old_approx_kl = (-logratio).mean()
            approx_kl = ((ratio - 1) - logratio).mean()
            clipfracs += [((ratio - 1.0).abs() > clip_coef).float().mean().item()]
        mb_advantages = b_advantages[mb_inds]
        mb_advantages = (mb_advantages - mb_advantages.mean()) / (mb_advantages.std() + 1e-8)
        pg_loss1 = -mb_advantages * ratio
        pg_loss2 = -mb_advantages * torch.clamp(ratio, 1 - clip_coef, 1 + clip_coef)
        pg_loss = torch.max(pg_loss1, pg_loss2).mean()
        newvalue = newvalue.view(-1)
        v_loss_unclipped = (newvalue - b_returns[mb_inds]) ** 2
        v_clipped = b_values[mb_inds] + torch.clamp(newvalue - b_values[mb_inds], -clip_coef, clip_coef)
        v_loss_clipped = (v_clipped - b_returns[mb_inds]) ** 2
        v_loss = 0.5 * torch.max(v_loss_unclipped, v_loss_clipped).mean()
        entropy_loss = entropy.mean()
        loss = pg_loss - ent_coef * entropy_loss + v_loss * vf_coef
        optimizer.zero_grad()
        loss.backward()
        gn = nn.utils.clip_grad_norm_(agent.parameters(), max_grad_norm)
        optimizer.step()
    print(f"epoch {epoch} pg {pg_loss.item():.5f} v {v_loss.item():.5f} ent {entropy_loss.item():.5f} "
          f"kl {approx_kl.item():.6f} {old_approx_kl.item():.6f} gn {gn:.4f}")
y_pred, y_true = b_values.cpu().numpy(), b_returns.cpu().numpy()
var_y = np.var(y_true)
explained_var = np.nan if var_y == 0 else 1 - np.var(y_true - y_pred) / var_y
print(round(float(explained_var), 4), np.mean(clipfracs))
list(BatchSampler(SubsetRandomSampler(range(6), generator=torch.Generator().manual_seed(0)), 4, drop_last=True))

# %%
class SquashedGaussianActor(nn.Module):
    def __init__(self, obs_dim=4, act_dim=2, act_limit=2.0):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU())
        self.mu_layer = nn.Linear(16, act_dim)
        self.log_std_layer = nn.Linear(16, act_dim)
        self.act_limit = act_limit
    def forward(self, obs, deterministic=False, with_logprob=True):
        net_out = self.net(obs)
        mu = self.mu_layer(net_out)
        log_std = torch.clamp(self.log_std_layer(net_out), -20, 2)
        std = torch.exp(log_std)
        pi_distribution = Normal(mu, std)
        pi_action = mu if deterministic else pi_distribution.rsample()
        if with_logprob:
            logp_pi = pi_distribution.log_prob(pi_action).sum(axis=-1)
            logp_pi -= (2 * (np.log(2) - pi_action - nn.functional.softplus(-2 * pi_action))).sum(axis=1)
        else:
            logp_pi = None
        pi_action = torch.tanh(pi_action)
        return self.act_limit * pi_action, logp_pi

torch.manual_seed(0)
actor = SquashedGaussianActor()
o = torch.randn(3, 4)
torch.manual_seed(5)
a, logp = actor(o)
print(a, logp)
torch.manual_seed(5)
net_out = actor.net(o)
dist = TransformedDistribution(Normal(actor.mu_layer(net_out), actor.log_std_layer(net_out).clamp(-20, 2).exp()),
                               [TanhTransform(cache_size=1)])
a2 = dist.rsample()
print(torch.allclose(2.0 * a2, a, atol=1e-6), dist.log_prob(a2).sum(-1), Independent(dist, 1).log_prob(a2))
actor(o, deterministic=True)[0]
