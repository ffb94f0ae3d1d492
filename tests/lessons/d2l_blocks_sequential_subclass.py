# d2l "Layers and Modules" written from scratch: MySequential via add_module and _modules, FixedHiddenMLP with a
# constant weight and a python while loop, nested blocks, an nn.Sequential subclass, module printing and apply.
import torch
from torch import nn
from torch.nn import functional as F
from collections import OrderedDict

torch.manual_seed(42)
X = torch.rand(2, 20)
net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
print(net(X).shape)
print(net)
print(net[0], net[-1], len(net))
print(net[0:2])

# %%
class MySequential(nn.Module):
    def __init__(self, *args):
        super().__init__()
        for idx, module in enumerate(args):
            self._modules[str(idx)] = module

    def forward(self, X):
        for block in self._modules.values():
            X = block(X)
        return X

net = MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
print(net(X))
print(net)
print(list(net._modules.keys()), type(net._modules).__name__)

# %%
class FixedHiddenMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.rand_weight = torch.rand((20, 20), requires_grad=False)
        self.linear = nn.Linear(20, 20)

    def forward(self, X):
        X = self.linear(X)
        X = F.relu(torch.mm(X, self.rand_weight) + 1)
        X = self.linear(X)
        while X.abs().sum() > 1:
            X /= 2
        return X.sum()

net = FixedHiddenMLP()
out = net(X)
print(out, out.grad_fn)
print(net)
print([n for n, _ in net.named_parameters()])
print(hasattr(net, 'rand_weight'), 'rand_weight' in net.state_dict())

# %%
class NestMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(),
                                 nn.Linear(64, 32), nn.ReLU())
        self.linear = nn.Linear(32, 16)

    def forward(self, X):
        return self.linear(self.net(X))

chimera = nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())
print(chimera(X))
print(chimera)
for name, m in chimera.named_modules():
    print(repr(name), type(m).__name__)

# %%
class Stack(nn.Sequential):
    def __init__(self, sizes):
        layers = OrderedDict()
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers[f'fc{i}'] = nn.Linear(a, b)
            layers[f'act{i}'] = nn.Tanh()
        super().__init__(layers)

    def extra_repr(self):
        return f'depth={len(self) // 2}'

s = Stack([20, 8, 4])
print(s)
print(s.fc1, s[1])
print(s(X).shape)
del s[-1]
print(s)
s.append(nn.Softmax(dim=1))
print(s(X).sum(dim=1))
try:
    s[10]
except IndexError as e:
    print('IndexError:', e)

# %%
def init_constant(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 1)
        nn.init.zeros_(m.bias)

net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
out = net.apply(init_constant)
print(out is net)
print(net[0].weight.data[0], net[0].bias.data[0])
print(net(torch.ones(1, 4)))
try:
    net(torch.ones(1, 5))
except RuntimeError as e:
    print(e)
