# Imitates the PyTorch 2.13 documentation of the module containers (Sequential, ModuleList, ModuleDict,
# ParameterList, ParameterDict) and their Examples blocks: nested reprs with repeated children folded
# ('(0-2): 3 x Linear'), Sequential slicing / append / insert / extend / pop / del, ModuleDict update / keys /
# items / pop, ParameterList / ParameterDict reprs with mixed contents, and extra_repr in a custom module.
from collections import OrderedDict
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 20, 5),
    nn.ReLU(),
    nn.Conv2d(20, 64, 5),
    nn.ReLU()
)
print(model)
model = nn.Sequential(OrderedDict([
    ('conv1', nn.Conv2d(1, 20, 5)),
    ('relu1', nn.ReLU()),
    ('conv2', nn.Conv2d(20, 64, 5)),
    ('relu2', nn.ReLU())
]))
print(model)
print(model.conv1, model[1], len(model))

# %%
class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.linears = nn.ModuleList([nn.Linear(10, 10) for i in range(10)])
        self.acts = nn.ModuleList([nn.ReLU(), nn.ReLU(), nn.Tanh(), nn.ReLU()])
        self.blocks = nn.Sequential(*[nn.Sequential(nn.Linear(4, 4), nn.GELU()) for _ in range(3)])

    def forward(self, x):
        for i, l in enumerate(self.linears):
            x = self.linears[i // 2](x) + l(x)
        return x

m = MyModule()
print(m)
print(m(torch.randn(2, 10)).shape)

# %%
seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.Sigmoid())
print(seq[1:3])
print(seq[-1], type(seq[::2]).__name__, len(seq[::2]))
seq.append(nn.Identity())
print(seq)
seq.insert(1, nn.Dropout(0.5))
print(seq)
seq.extend([nn.Tanh(), nn.Tanh()])
print(seq)
print(seq.pop(0))
del seq[0]
print(seq)
del seq[1:3]
print(seq)
seq[0] = nn.Linear(3, 3)
print(seq)
for bad in [lambda: seq[10], lambda: seq.insert(20, nn.ReLU()), lambda: seq.append(5), lambda: seq['a']]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
ml = nn.ModuleList([nn.Linear(2, 2)])
ml.append(nn.ReLU())
ml.extend([nn.Linear(2, 2), nn.Linear(2, 2)])
ml.insert(0, nn.Tanh())
print(ml)
print(ml[1:3])
print(ml.pop(1))
del ml[0]
print(ml, len(ml))
ml2 = ml + nn.ModuleList([nn.ReLU()])
print(ml2)
for bad in [lambda: ml[7], lambda: ml.extend(nn.ReLU()), lambda: ml.append(3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
class MyModule2(nn.Module):
    def __init__(self):
        super().__init__()
        self.choices = nn.ModuleDict({
                'conv': nn.Conv2d(10, 10, 3),
                'pool': nn.MaxPool2d(3)
        })
        self.activations = nn.ModuleDict([
                ['lrelu', nn.LeakyReLU()],
                ['prelu', nn.PReLU()]
        ])

    def forward(self, x, choice, act):
        x = self.choices[choice](x)
        x = self.activations[act](x)
        return x

m2 = MyModule2()
print(m2)
print(m2(torch.randn(1, 10, 8, 8), 'conv', 'prelu').shape)
md = m2.choices
md.update({'fc': nn.Linear(2, 2)})
md.update([('bn', nn.BatchNorm1d(2))])
print(list(md.keys()))
print([(k, type(v).__name__) for k, v in md.items()])
print([type(v).__name__ for v in md.values()])
print(md.pop('pool'))
print('pool' in md, len(md))
for bad in [lambda: md['nope'], lambda: md.update(5), lambda: md.update([('a',)]), lambda: nn.ModuleDict({'a': 1})]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
md.clear()
print(md)

# %%
torch.manual_seed(0)
pl = nn.ParameterList([nn.Parameter(torch.randn(10, 10)) for i in range(3)])
pl.append(torch.zeros(2))
pl.extend([nn.Parameter(torch.ones(1, dtype=torch.float64)), 'a string', None])
print(pl)
print(type(pl[3]).__name__, pl[3].requires_grad)
pd = nn.ParameterDict({
        'left': nn.Parameter(torch.randn(5, 10)),
        'right': nn.Parameter(torch.randn(5, 10))
})
try:
    pd['buf'] = torch.zeros(3, dtype=torch.int64)
except Exception as e:
    print(type(e).__name__, e)
pd['buf'] = torch.zeros(3, dtype=torch.float16)
pd.update({'misc': 7})
print(pd)
print(list(pd.keys()), type(pd['buf']).__name__)
print([n for n, _ in nn.Module.named_parameters(pd)])

# %%
class Scaler(nn.Module):
    def __init__(self, features, scale=2.0):
        super().__init__()
        self.features = features
        self.scale = scale
        self.inner = nn.Linear(features, features)

    def extra_repr(self):
        return f'features={self.features}, scale={self.scale}'

class Multi(nn.Module):
    def extra_repr(self):
        return 'line one\nline two'

net = nn.Sequential(Scaler(3), Scaler(3), Scaler(3), Multi(), nn.ModuleList([Multi(), Multi()]), nn.ModuleDict())
print(net)
print(repr(Scaler(2)))
print(nn.Sequential(), nn.ModuleList(), nn.ParameterList())
