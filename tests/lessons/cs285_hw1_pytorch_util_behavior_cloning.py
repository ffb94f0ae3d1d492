# Imitates Berkeley CS285 (Deep RL, Levine) homework 1 as students fill it in: infrastructure/pytorch_util.py
# (build_mlp from the _str_to_activation dict, init_gpu falling back to "Using CPU.", from_numpy(...).float().to(device),
# to_numpy(tensor.to('cpu').detach())), policies/MLP_policy.py's MLPPolicySL with an nn.Parameter logstd chained into
# Adam via itertools.chain, forward returning MultivariateNormal(mean, scale_tril=torch.diag(torch.exp(logstd))) or a
# Normal whose log_prob is summed over action dims, the behaviour-cloning update -log_prob(actions).mean(), a replay
# buffer of numpy arrays concatenated and sampled with np.random.permutation, and the mistakes students post on Ed:
# float64 observations into the MLP, to_numpy without detach, actions of shape (N,) for a (N, 1) policy.
import itertools
from typing import Union

import numpy as np
import torch
from torch import nn
from torch import optim
from torch import distributions

# %%
Activation = Union[str, nn.Module]

_str_to_activation = {
    'relu': nn.ReLU(),
    'tanh': nn.Tanh(),
    'leaky_relu': nn.LeakyReLU(),
    'sigmoid': nn.Sigmoid(),
    'selu': nn.SELU(),
    'softplus': nn.Softplus(),
    'identity': nn.Identity(),
}

device = None


def build_mlp(input_size: int, output_size: int, n_layers: int, size: int,
              activation: Activation = 'tanh', output_activation: Activation = 'identity') -> nn.Module:
    if isinstance(activation, str):
        activation = _str_to_activation[activation]
    if isinstance(output_activation, str):
        output_activation = _str_to_activation[output_activation]
    layers = []
    in_size = input_size
    for _ in range(n_layers):
        layers.append(nn.Linear(in_size, size))
        layers.append(activation)
        in_size = size
    layers.append(nn.Linear(in_size, output_size))
    layers.append(output_activation)
    mlp = nn.Sequential(*layers)
    mlp.to(device)
    return mlp


def init_gpu(use_gpu=True, gpu_id=0):
    global device
    if torch.cuda.is_available() and use_gpu:
        device = torch.device("cuda:" + str(gpu_id))
        print("Using GPU id {}".format(gpu_id))
    else:
        device = torch.device("cpu")
        print("Using CPU.")


def from_numpy(*args, **kwargs):
    return torch.from_numpy(*args, **kwargs).float().to(device)


def to_numpy(tensor):
    return tensor.to('cpu').detach().numpy()


init_gpu(use_gpu=True, gpu_id=0)
print(device, type(device), device.type, device.index)
torch.manual_seed(0)
mlp = build_mlp(3, 2, n_layers=2, size=8, activation='relu')
print(mlp)
print([tuple(p.shape) for p in mlp.parameters()])
print(mlp[1] is mlp[3], mlp[1] is _str_to_activation['relu'])

# %%
x_np = np.random.RandomState(0).randn(4, 3)
print(x_np.dtype, torch.from_numpy(x_np).dtype, from_numpy(x_np).dtype)
x = from_numpy(x_np)
y = mlp(x)
print(y)
out = to_numpy(y)
print(type(out), out.dtype, out.shape, np.round(out, 4))
try:
    mlp(torch.from_numpy(x_np))
except Exception as e:
    print(type(e).__name__, e)
try:
    y.numpy()
except Exception as e:
    print(type(e).__name__, e)
try:
    build_mlp(3, 2, 1, 8, activation='gelu')
except Exception as e:
    print(type(e).__name__, e)

# %%
class MLPPolicySL(nn.Module):
    def __init__(self, ac_dim, ob_dim, n_layers, size, learning_rate=1e-4, training=True, nn_baseline=False):
        super().__init__()
        self.ac_dim, self.ob_dim = ac_dim, ob_dim
        self.learning_rate = learning_rate
        self.mean_net = build_mlp(input_size=self.ob_dim, output_size=self.ac_dim, n_layers=n_layers, size=size)
        self.mean_net.to(device)
        self.logstd = nn.Parameter(torch.zeros(self.ac_dim, dtype=torch.float32, device=device))
        self.logstd.to(device)
        self.optimizer = optim.Adam(itertools.chain([self.logstd], self.mean_net.parameters()), self.learning_rate)

    def forward(self, observation: torch.FloatTensor):
        mean = self.mean_net(observation)
        scale_tril = torch.diag(torch.exp(self.logstd))
        return distributions.MultivariateNormal(mean, scale_tril=scale_tril)

    def get_action(self, obs: np.ndarray) -> np.ndarray:
        if len(obs.shape) > 1:
            observation = obs
        else:
            observation = obs[None]
        dist = self(from_numpy(observation))
        return to_numpy(dist.sample())

    def update(self, observations, actions):
        self.optimizer.zero_grad()
        dist = self(from_numpy(observations))
        loss = -dist.log_prob(from_numpy(actions)).mean()
        loss.backward()
        self.optimizer.step()
        return {'Training Loss': to_numpy(loss)}


torch.manual_seed(1)
policy = MLPPolicySL(ac_dim=2, ob_dim=3, n_layers=2, size=16, learning_rate=5e-3)
print(policy)
for name, p in policy.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print(len(policy.optimizer.param_groups), len(policy.optimizer.param_groups[0]['params']))
print(policy.optimizer.param_groups[0]['lr'], policy.optimizer.param_groups[0]['betas'])
dist = policy(from_numpy(x_np))
print(dist)
print(dist.batch_shape, dist.event_shape, dist.scale_tril, dist.covariance_matrix)
print(dist.mean.shape, dist.stddev, dist.variance)

# %%
rng = np.random.RandomState(2)
expert_obs = rng.randn(64, 3).astype(np.float32)
W = np.array([[0.5, -1.0], [1.0, 0.2], [-0.3, 0.7]], dtype=np.float32)
expert_acs = np.tanh(expert_obs @ W) + 0.05 * rng.randn(64, 2).astype(np.float32)
print(expert_acs.dtype, expert_acs.shape)
np.random.seed(3)
log = None
for itr in range(30):
    idx = np.random.permutation(len(expert_obs))[:16]
    log = policy.update(expert_obs[idx], expert_acs[idx])
    if itr % 10 == 0:
        print(itr, log)
print(log['Training Loss'].dtype, log['Training Loss'].shape, float(log['Training Loss']))
print(policy.logstd)
print(policy.logstd.grad)

# %%
a = policy.get_action(expert_obs[0])
print(a.shape, a.dtype)
a = policy.get_action(expert_obs[:5])
print(a.shape)
d = policy(from_numpy(expert_obs[:4]))
print(d.log_prob(from_numpy(expert_acs[:4])))
normal = distributions.Normal(d.mean, torch.exp(policy.logstd))
print(normal.log_prob(from_numpy(expert_acs[:4])).sum(-1))
print(normal.log_prob(from_numpy(expert_acs[:4])).shape)
print(torch.allclose(normal.log_prob(from_numpy(expert_acs[:4])).sum(-1), d.log_prob(from_numpy(expert_acs[:4]))))
try:
    d.log_prob(from_numpy(expert_acs[:4, 0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    distributions.MultivariateNormal(d.mean, scale_tril=torch.exp(policy.logstd))
except Exception as e:
    print(type(e).__name__, e)
try:
    distributions.MultivariateNormal(d.mean, covariance_matrix=-torch.eye(2))
except Exception as e:
    print(type(e).__name__, e)

# %%
class ReplayBuffer:
    def __init__(self, max_size=1000000):
        self.max_size = max_size
        self.paths = []
        self.obs = None
        self.acs = None
        self.rews = None

    def __len__(self):
        return 0 if self.obs is None else self.obs.shape[0]

    def add_rollouts(self, paths):
        for path in paths:
            self.paths.append(path)
        observations = np.concatenate([p["observation"] for p in paths])
        actions = np.concatenate([p["action"] for p in paths])
        rewards = np.concatenate([p["reward"] for p in paths])
        if self.obs is None:
            self.obs = observations[-self.max_size:]
            self.acs = actions[-self.max_size:]
            self.rews = rewards[-self.max_size:]
        else:
            self.obs = np.concatenate([self.obs, observations])[-self.max_size:]
            self.acs = np.concatenate([self.acs, actions])[-self.max_size:]
            self.rews = np.concatenate([self.rews, rewards])[-self.max_size:]


def sample_trajectory(policy, T, rng):
    obs, acs, rews = [], [], []
    ob = rng.randn(3)
    for t in range(T):
        obs.append(ob)
        ac = policy.get_action(ob)[0]
        acs.append(ac)
        rews.append(-np.sum(ac ** 2))
        ob = ob * 0.9 + 0.1 * np.concatenate([ac, [0.0]])
    return {"observation": np.array(obs, dtype=np.float32), "action": np.array(acs, dtype=np.float32),
            "reward": np.array(rews, dtype=np.float32)}


torch.manual_seed(4)
paths = [sample_trajectory(policy, 5, np.random.RandomState(s)) for s in range(3)]
buf = ReplayBuffer(max_size=12)
buf.add_rollouts(paths)
print(len(buf), buf.obs.dtype, buf.acs.shape, buf.rews.shape)
buf.add_rollouts(paths[:1])
print(len(buf), len(buf.paths))
obs_t = from_numpy(buf.obs)
print(obs_t.shape, obs_t.dtype, obs_t.device, obs_t.is_leaf, obs_t.requires_grad)
print(policy(obs_t).log_prob(from_numpy(buf.acs)).shape)
returns = [p["reward"].sum() for p in paths]
print(type(returns[0]), np.round(np.mean(returns), 3), np.round(np.std(returns), 3))
