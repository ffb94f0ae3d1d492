# Imitates a FedAvg tutorial written in plain PyTorch: a global model with BatchNorm, clients made with
# copy.deepcopy(model), local SGD on each client's shard, averaging the clients' state_dict() tensors with
# torch.stack(...).mean(0) (weighted by shard size), integer buffers (num_batches_tracked), load_state_dict with
# missing/unexpected keys and strict=False, and the mistakes: averaging a Long buffer with mean(), loading a
# state_dict of the wrong shape, a model whose keys differ (a prefix from a wrapper).
import copy
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)

class Net(nn.Module):
    def __init__(self, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(4, hidden)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))

global_model = Net()
for k, v in global_model.state_dict().items():
    print(k, tuple(v.shape), v.dtype)

# %%
X = torch.randn(60, 4)
Y = (X[:, 0] > 0).long() + (X[:, 1] > 0.5).long()
shards = [(X[:20], Y[:20]), (X[20:45], Y[20:45]), (X[45:], Y[45:])]
print([len(s[0]) for s in shards], torch.bincount(Y))

# %%
def local_update(model, data, target, epochs=2, lr=0.1):
    model.train()
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(epochs):
        for i in range(0, len(data), 10):
            opt.zero_grad()
            loss = F.cross_entropy(model(data[i:i+10]), target[i:i+10])
            loss.backward()
            opt.step()
    return model.state_dict(), loss.item()

clients = [copy.deepcopy(global_model) for _ in shards]
print(clients[0] is global_model, clients[0].fc1.weight is global_model.fc1.weight,
      torch.equal(clients[0].fc1.weight, global_model.fc1.weight))
states = []
for c, (xs, ys) in zip(clients, shards):
    sd, last = local_update(c, xs, ys)
    states.append(sd)
    print(f"client loss {last:.4f}", sd["bn.num_batches_tracked"])

# %%
# mistake: a Long buffer averaged with mean()
torch.stack([s["bn.num_batches_tracked"] for s in states]).mean(0)

# %%
def fedavg(states, weights):
    avg = OrderedDict()
    total = sum(weights)
    for k in states[0]:
        stacked = torch.stack([s[k] for s in states])
        if stacked.is_floating_point():
            w = torch.tensor(weights, dtype=stacked.dtype).view(-1, *([1] * (stacked.dim() - 1))) / total
            avg[k] = (stacked * w).sum(0)
        else:
            avg[k] = stacked.max(0).values
    return avg

new_state = fedavg(states, [len(s[0]) for s in shards])
print(new_state["bn.num_batches_tracked"], new_state["bn.running_mean"])
result = global_model.load_state_dict(new_state)
print(result)
print(global_model.bn.num_batches_tracked, global_model.fc2.bias)

# %%
plain = {k: torch.stack([s[k].float() for s in states]).mean(0) for k in states[0]}
print(plain["bn.num_batches_tracked"], plain["bn.num_batches_tracked"].dtype)
global_model.load_state_dict(plain)
print(global_model.bn.num_batches_tracked, global_model.bn.num_batches_tracked.dtype)

# %%
# mistake: a state_dict from a model of another width
global_model.load_state_dict(Net(hidden=6).state_dict())

# %%
# missing and unexpected keys
partial = {k: v for k, v in new_state.items() if not k.startswith("fc2")}
partial["head.weight"] = torch.zeros(3, 8)
global_model.load_state_dict(partial)

# %%
res = global_model.load_state_dict(partial, strict=False)
print(res.missing_keys, res.unexpected_keys)
res

# %%
wrapped = {"module." + k: v for k, v in new_state.items()}
global_model.load_state_dict(wrapped)

# %%
global_model.load_state_dict({k[len("module."):]: v for k, v in wrapped.items()})

# %%
# the state_dict holds references: edit it and the model changes
sd = global_model.state_dict()
sd["fc2.bias"].zero_()
print(global_model.fc2.bias)
sd2 = copy.deepcopy(global_model.state_dict())
sd2["fc2.bias"].fill_(1.0)
print(global_model.fc2.bias, sd2["fc2.bias"])

# %%
global_model.eval()
with torch.no_grad():
    acc = (global_model(X).argmax(1) == Y).float().mean()
print(f"global accuracy {acc.item():.3f}")
torch.stack([c.fc1.weight for c in clients]).mean(0).shape

# %%
torch.stack([torch.tensor(3), torch.tensor(4)]).mean()

# %%
torch.stack([torch.tensor(3), torch.tensor(4)]).float().mean(), torch.stack([torch.tensor(3), torch.tensor(4)]).sum() // 2

# %%
torch.mean(torch.tensor([1, 2, 3]), dtype=torch.float32), torch.tensor([1, 2]).mean(dtype=torch.float64)

# %%
global_model.bn.num_batches_tracked.add_(0.5)

# %%
global_model.bn.num_batches_tracked += 1
global_model.bn.num_batches_tracked, global_model.bn.num_batches_tracked.div(2), global_model.bn.num_batches_tracked.div(2, rounding_mode="floor")
