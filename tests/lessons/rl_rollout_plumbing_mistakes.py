# Imitates the questions learners post while wiring an RL loop by hand (forum threads on REINFORCE / DQN without gym):
# rewards kept as ints or numpy floats, returns of dtype float64 multiplying float32 log-probs, transitions kept in a
# deque passed straight to torch.stack / torch.tensor, sampling actions with np.random.choice from probs that require
# grad, torch.multinomial, Bernoulli and OneHotCategorical policies, MultivariateNormal with a diagonal covariance,
# a checkpoint of the networks through torch.save / torch.load, and losses that broadcast (N,) against (N, 1).
import copy
import io
import random
from collections import deque

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Bernoulli, Categorical, MultivariateNormal, OneHotCategorical

# %%
# rewards as ints: mean and std need floats
rewards = [1, 0, 0, 1, 1]
r = torch.tensor(rewards)
print(r, r.dtype, r.sum(), r.float().mean())
r.mean()

# %%
r.std()

# %%
r = torch.tensor(rewards, dtype=torch.float32)
(r - r.mean()) / (r.std() + 1e-9)

# %%
# returns accumulated in numpy float64: torch.tensor keeps float64 and the loss becomes float64
gamma = np.float64(0.9)
R, returns = 0, []
for rew in reversed([1.0, 0.0, 1.0]):
    R = rew + gamma * R
    returns.insert(0, R)
print(type(returns[0]).__name__, returns)
ret = torch.tensor(returns)
print(ret, ret.dtype)
logp = torch.log_softmax(torch.tensor([[0.1, 0.2], [0.3, -0.1], [0.0, 0.0]], requires_grad=True), -1)[:, 0]
loss = -(logp * ret).sum()
print(loss, loss.dtype, (logp * ret.float()).dtype, torch.from_numpy(np.array(returns)).dtype)
print(torch.tensor([np.float32(1.5), 2.0]).dtype, torch.tensor([np.float64(1.5), 2.0]).dtype,
      torch.tensor(np.float64(1.5)).dtype, torch.tensor([np.int64(1), 2]).dtype, torch.as_tensor(returns).dtype)
loss.backward()
loss.grad_fn

# %%
# float64 returns into a float32 buffer, and a float64 loss from a float32 network
buf = torch.zeros(3)
buf[:] = ret
buf[0] = np.float64(2.5)
print(buf, buf.dtype)
torch.manual_seed(0)
net = nn.Linear(2, 1)
out = net(torch.ones(3, 2))
print(F.mse_loss(out.squeeze(1), ret.float()).dtype)
F.mse_loss(out.squeeze(1), ret)

# %%
# a deque of transitions
memory = deque(maxlen=4)
for i in range(6):
    memory.append(torch.full((2,), float(i)))
print(len(memory), memory[0], list(memory)[-1])
print(torch.stack(list(memory)).shape, torch.cat(tuple(memory)).shape)
torch.stack(memory)

# %%
torch.cat(memory)

# %%
# torch.tensor reads a deque as it reads a list
print(torch.tensor(deque([1.0, 2.0, 3.0])), torch.tensor(list(deque([[1, 2], [3, 4]]))))
rewards_q = deque([1, 0, 1], maxlen=3)
print(torch.tensor(rewards_q, dtype=torch.float32), torch.as_tensor(rewards_q), torch.FloatTensor(rewards_q))
print(torch.tensor(deque([torch.tensor(0.5), torch.tensor(1.5)])), torch.tensor([deque([1.0]), deque([2.0])]))
torch.tensor(deque([[1, 2], [3, 4]]))

# %%
torch.tensor(deque([[1, 2], [3]]))

# %%
# tiling a state for a batch of actions, and tile's forms
s = torch.tensor([0.5, -0.5])
print(s.tile(3).shape, s.tile(3, 1), s.tile((2, 1)).shape, torch.tile(s, (2,)), s.repeat(2, 1).shape)
torch.tile(s, 3)

# %%
s.view(s.numel() / 2)

# %%
random.seed(0)
batch = random.sample(memory, 2)
print(batch)
random.sample(memory, 5)

# %%
# sampling with numpy from probabilities that require grad
torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(3, 2), nn.Softmax(dim=-1))
probs = policy(torch.randn(3))
print(probs, probs.sum())
np.random.choice(2, p=probs.numpy())

# %%
np.random.seed(0)
a = np.random.choice(2, p=probs.detach().numpy())
print(a, type(a).__name__, torch.log(probs[a]), probs.detach().numpy().dtype)
torch.manual_seed(0)
print(torch.multinomial(probs, 1), probs.multinomial(num_samples=3, replacement=True), torch.multinomial(probs, 2))
torch.multinomial(probs, 3)

# %%
torch.multinomial(torch.tensor([0.0, 0.0]), 1)

# %%
torch.multinomial(torch.tensor([0.5, -0.5]), 1)

# %%
# Bernoulli and OneHotCategorical policies
torch.manual_seed(0)
b = Bernoulli(logits=torch.tensor([0.0, 2.0, -1.0]))
s = b.sample()
print(b, s, b.log_prob(s), b.entropy(), b.probs, b.mean, b.variance)
o = OneHotCategorical(logits=torch.tensor([0.0, 1.0, 2.0]))
oh = o.sample((2,))
print(o, oh, o.log_prob(oh), o.entropy(), o.event_shape, o.enumerate_support().shape)
c = Categorical(logits=torch.tensor([0.0, 1.0, 2.0]))
print(c.enumerate_support(), c.mode, c.mean, c.variance, c.support, c.param_shape)
print(Categorical(probs=torch.tensor([0.0, 1.0])).entropy(), Categorical(probs=torch.tensor([0.0, 1.0])).log_prob(torch.tensor(0)))
Bernoulli(probs=torch.tensor([1.5]))

# %%
Bernoulli(logits=torch.tensor([0.0])).log_prob(torch.tensor([0.5]))

# %%
Categorical(logits=torch.tensor([1, 2]))

# %%
# a Gaussian policy with a diagonal covariance matrix
mu = torch.tensor([0.0, 1.0], requires_grad=True)
var = torch.tensor([0.5, 0.25])
cov = torch.diag(var)
mvn = MultivariateNormal(mu, cov)
torch.manual_seed(0)
a = mvn.sample()
lp = mvn.log_prob(a)
print(mvn, a, lp, mvn.entropy(), mvn.covariance_matrix, mvn.scale_tril)
lp.backward()
print(mu.grad)
batch_mvn = MultivariateNormal(torch.zeros(4, 2), torch.diag_embed(var.expand(4, 2)))
print(batch_mvn.batch_shape, batch_mvn.event_shape, batch_mvn.log_prob(torch.zeros(4, 2)))
MultivariateNormal(mu, var)

# %%
MultivariateNormal(mu, torch.tensor([[1.0, 2.0], [2.0, 1.0]]))

# %%
# a checkpoint through torch.save / torch.load
torch.manual_seed(0)
policy_net = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))
target_net = copy.deepcopy(policy_net)
opt = torch.optim.Adam(policy_net.parameters(), lr=1e-3)
policy_net(torch.randn(5, 3)).pow(2).mean().backward()
opt.step()
f = io.BytesIO()
torch.save({"policy": policy_net.state_dict(), "target": target_net.state_dict(), "opt": opt.state_dict(),
            "episode": 7, "eps": 0.05}, f)
f.seek(0)
ckpt = torch.load(f)
print(sorted(ckpt), ckpt["episode"], ckpt["opt"]["param_groups"][0]["lr"], list(ckpt["opt"]["state"][0]))
fresh = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))
print(fresh.load_state_dict(ckpt["policy"]), torch.equal(fresh[2].bias, policy_net[2].bias))
opt2 = torch.optim.Adam(fresh.parameters(), lr=1e-2)
opt2.load_state_dict(ckpt["opt"])
print(opt2.param_groups[0]["lr"], opt2.state[fresh[0].weight]["step"])
fresh.load_state_dict(ckpt["target"], strict=False), torch.equal(fresh[2].bias, policy_net[2].bias)

# %%
# loading a checkpoint into a network with one more layer: what fits is copied before the error
bigger = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 4))
torch.manual_seed(1)
before = bigger[2].bias.clone()
try:
    bigger.load_state_dict(ckpt["policy"])
except RuntimeError as e:
    print(str(e).splitlines()[1][:60])
print(torch.equal(bigger[0].weight, policy_net[0].weight), torch.equal(bigger[2].bias, before))
print(bigger.load_state_dict({k: v for k, v in ckpt["policy"].items() if not k.startswith("2.")}, strict=False))
bigger[0].weight._version, bigger[0].weight.requires_grad

# %%
# assign=True puts the checkpoint's tensors in place of the parameters
net = nn.Linear(3, 8)
w = net.weight
sd = {"weight": torch.ones(8, 3, dtype=torch.float64), "bias": torch.zeros(8, dtype=torch.float64)}
print(net.load_state_dict(sd, assign=True))
print(net.weight is w, net.weight.dtype, type(net.weight).__name__, net.weight.requires_grad, net.weight.is_leaf)
net(torch.ones(1, 3, dtype=torch.float64))

# %%
# losses between (N,) and (N, 1): the values broadcast to (N, N)
q = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
target = torch.tensor([1.0, 2.0, 3.0])
print(nn.MSELoss()(q, target.unsqueeze(1)), F.mse_loss(q.squeeze(1), target))
print((q - target).shape, ((q - target) ** 2).mean())
nn.MSELoss()(q, target)

# %%
adv = torch.tensor([[0.5], [-0.5], [1.0]])
logp = torch.tensor([-0.1, -0.2, -0.3], requires_grad=True)
print((logp * adv).shape, -(logp * adv).mean(), -(logp * adv.squeeze()).mean())
loss = -(logp * adv)
loss.backward()
