# Imitates the cells where a learner prints models and optimizers: optimizer repr, state_dict, Adam state, ModuleList.
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print(opt)

# %%
adam = torch.optim.Adam(model.parameters(), lr=1e-3)
adam

# %%
opt.state_dict()

# %%
for _ in range(3):
    adam.zero_grad()
    model(torch.ones(4, 2)).sum().backward()
    adam.step()
state = adam.state[model.bias]
print(sorted(state.keys()))
print(state['step'])

# %%
class TwoLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x):
        for layer in self.layers:
            x = torch.tanh(layer(x))
        return x * self.scale

m = TwoLayer()
print(m)
print([n for n, _ in m.named_parameters()])
m(torch.ones(1, 2))

# %%
nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 4), nn.ReLU(inplace=True), nn.Linear(4, 1))
