# Imitates a lesson on nn.Sequential and saving weights: printing the model, indexing layers, state_dict keys and
# values.
import torch
import torch.nn as nn
from collections import OrderedDict

# %%
torch.manual_seed(1)
model = nn.Sequential(
    nn.Linear(3, 4),
    nn.ReLU(),
    nn.Linear(4, 2),
    nn.Softmax(dim=1),
)
model

# %%
print(model[0])
print(model[0].weight.shape, model[2].bias)
print(len(model))

# %%
sd = model.state_dict()
print(list(sd.keys()))
for k, v in sd.items():
    print(k, "\t", v.size())

# %%
print(sd['2.bias'])
print(sd['2.bias'].requires_grad)

# %%
named = nn.Sequential(OrderedDict([
    ('fc1', nn.Linear(2, 3)),
    ('act', nn.Tanh()),
    ('fc2', nn.Linear(3, 1)),
]))
print(named)
print(named.fc1)
print([k for k in named.state_dict()])

# %%
copy = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2), nn.Softmax(dim=1))
copy.load_state_dict(model.state_dict())

# %%
x = torch.tensor([[1.0, 0.0, -1.0]])
print(torch.equal(model(x), copy(x)))
print(model(x))

# %%
for name, module in model.named_children():
    print(name, module)

# %%
model.state_dict()
