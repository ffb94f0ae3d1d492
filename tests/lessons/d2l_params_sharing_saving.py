# d2l "Parameter Management" and "File I/O" again, with the variations learners type: state_dict printing,
# named_parameters unpacking, nested blocks built with add_module, init functions, shared layers, and
# torch.save / torch.load of tensors, lists, dicts and state_dicts through io.BytesIO.
import io
import torch
from torch import nn

torch.manual_seed(1)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
X = torch.rand(size=(2, 4))
print(net(X))
print(net[2].state_dict())
print(type(net[2].bias))
print(net[2].bias)
print(net[2].bias.data)
print(net[2].weight.grad == None)

# %%
print(*[(name, param.shape) for name, param in net[0].named_parameters()])
print(*[(name, param.shape) for name, param in net.named_parameters()])
print(net.state_dict()['2.bias'].data)
print(list(net.state_dict().keys()))

# %%
def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(),
                         nn.Linear(8, 4), nn.ReLU())

def block2():
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f'block {i}', block1())
    return net

rgnet = nn.Sequential(block2(), nn.Linear(4, 1))
print(rgnet(X))
print(rgnet)
print(rgnet[0][1][0].bias.data)
print(rgnet[0]._modules['block 2'])

# %%
def init_normal(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, mean=0, std=0.01)
        nn.init.zeros_(m.bias)

net.apply(init_normal)
print(net[0].weight.data[0], net[0].bias.data[0])

def init_xavier(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)

def init_42(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 42)

net[0].apply(init_xavier)
net[2].apply(init_42)
print(net[0].weight.data[0])
print(net[2].weight.data)

def my_init(m):
    if type(m) == nn.Linear:
        print("Init", *[(name, param.shape) for name, param in m.named_parameters()][0])
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= m.weight.data.abs() >= 5

net.apply(my_init)
print(net[0].weight[:2])
net[0].weight.data[:] += 1
net[0].weight.data[0, 0] = 42
print(net[0].weight.data[0])

# %%
shared = nn.Linear(8, 8)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(),
                    shared, nn.ReLU(),
                    shared, nn.ReLU(),
                    nn.Linear(8, 1))
net(X)
print(net[2].weight.data[0] == net[4].weight.data[0])
net[2].weight.data[0, 0] = 100
print(net[2].weight.data[0] == net[4].weight.data[0])
print(len(list(net.parameters())), len(net.state_dict()))
net(X).sum().backward()
print(net[2].weight.grad.shape, net[2].weight.grad is net[4].weight.grad)

# %%
buf = io.BytesIO()
x = torch.arange(4)
y = torch.zeros(4)
torch.save([x, y, {'step': 3, 'lr': 0.1}], buf)
buf.seek(0)
x2, y2, meta = torch.load(buf)
print(x2, y2, meta)
print(x2.dtype, torch.equal(x, x2))

buf = io.BytesIO()
torch.save(net.state_dict(), buf)
buf.seek(0)
sd = torch.load(buf, weights_only=True)
print(type(sd).__name__, list(sd)[:4])
clone = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 1))
print(clone.load_state_dict(sd))
clone.eval()
print(clone(X) == net(X))

# %%
bad = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
try:
    bad.load_state_dict(sd)
except RuntimeError as e:
    print(str(e)[:400])
try:
    bad.load_state_dict(sd, strict=False)
except RuntimeError as e:
    print('strict=False does not skip shape mismatches:', str(e).splitlines()[1].strip()[:60])
print(bad.load_state_dict({k: v for k, v in sd.items() if k.startswith('0.')}, strict=False))
