# Imitates d2l.ai "Builders' Guide": custom layers (CenteredLayer, MyLinear with nn.Parameter), lazy
# initialisation, file I/O (torch.save/load of tensors, lists, dicts, model parameters), the GPU chapter run on a
# CPU-only machine (try_gpu, try_all_gpus, num_gpus, device printing), and the d2l utility patterns
# (HyperParameters.save_hyperparameters by inspect, add_to_class, meshgrid with indexing).
import os, tempfile, inspect
import torch
from torch import nn
from torch.nn import functional as F

class CenteredLayer(nn.Module):
    def __init__(self):
        super().__init__()
    def forward(self, X):
        return X - X.mean()

layer = CenteredLayer()
print(layer(torch.tensor([1.0, 2, 3, 4, 5])))
net = nn.Sequential(nn.LazyLinear(128), CenteredLayer())
Y = net(torch.rand(4, 8))
print(Y.mean().abs() < 1e-6)
print(net)

# %%
class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.randn(units,))
    def forward(self, X):
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)

torch.manual_seed(0)
linear = MyLinear(5, 3)
print(linear.weight)
print(linear(torch.rand(2, 5)))
net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))
print(net(torch.rand(2, 64)))
print(net)

# %%
net = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
print(net[0].weight)
X = torch.rand(2, 20)
net(X)
print(net[0].weight.shape)
print(net)
print([p.shape for p in net.parameters()])

# %%
d = tempfile.mkdtemp()
x = torch.arange(4)
torch.save(x, os.path.join(d, 'x-file'))
x2 = torch.load(os.path.join(d, 'x-file'))
print(x2)
y = torch.zeros(4)
torch.save([x, y], os.path.join(d, 'x-files'))
x2, y2 = torch.load(os.path.join(d, 'x-files'))
print((x2, y2))
mydict = {'x': x, 'y': y}
torch.save(mydict, os.path.join(d, 'mydict'))
mydict2 = torch.load(os.path.join(d, 'mydict'))
print(mydict2)

# %%
class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.LazyLinear(256)
        self.output = nn.LazyLinear(10)
    def forward(self, x):
        return self.output(F.relu(self.hidden(x)))

torch.manual_seed(0)
net = MLP()
X = torch.randn(size=(2, 20))
Y = net(X)
torch.save(net.state_dict(), os.path.join(d, 'mlp.params'))
clone = MLP()
print(clone.load_state_dict(torch.load(os.path.join(d, 'mlp.params'))))
clone.eval()
Y_clone = clone(X)
print(Y_clone == Y)
print(clone)

# %%
def cpu():
    return torch.device('cpu')
def gpu(i=0):
    return torch.device(f'cuda:{i}')
print(cpu(), gpu(), gpu(1))
def num_gpus():
    return torch.cuda.device_count()
print(num_gpus())
def try_gpu(i=0):
    if num_gpus() >= i + 1:
        return gpu(i)
    return cpu()
def try_all_gpus():
    return [gpu(i) for i in range(num_gpus())]
print(try_gpu(), try_gpu(10), try_all_gpus())
x = torch.tensor([1, 2, 3])
print(x.device)
X = torch.ones(2, 3, device=try_gpu())
print(X)
print(torch.cuda.is_available())
net = nn.Sequential(nn.LazyLinear(1))
net = net.to(device=try_gpu())
print(net(X))
print(net[0].weight.data.device)
print(repr(gpu()), repr(cpu()), gpu().type, gpu(1).index, cpu().index)

# %%
class HyperParameters:
    def save_hyperparameters(self, ignore=[]):
        frame = inspect.currentframe().f_back
        _, _, _, local_vars = inspect.getargvalues(frame)
        self.hparams = {k: v for k, v in local_vars.items() if k not in set(ignore + ['self']) and not k.startswith('_')}
        for k, v in self.hparams.items():
            setattr(self, k, v)

class Module(nn.Module, HyperParameters):
    def __init__(self, plot_train_per_epoch=2, plot_valid_per_epoch=1):
        super().__init__()
        self.save_hyperparameters()

def add_to_class(Class):
    def wrapper(obj):
        setattr(Class, obj.__name__, obj)
    return wrapper

class LinearRegressionScratch(Module):
    def __init__(self, num_inputs, lr, sigma=0.01):
        super().__init__()
        self.save_hyperparameters()
        self.w = torch.normal(0, sigma, (num_inputs, 1), requires_grad=True)
        self.b = torch.zeros(1, requires_grad=True)

@add_to_class(LinearRegressionScratch)
def forward(self, X):
    return torch.matmul(X, self.w) + self.b

torch.manual_seed(0)
m = LinearRegressionScratch(2, lr=0.03)
print(m.hparams, m.lr, m.num_inputs)
print(m(torch.ones(3, 2)))
print(m)
print(list(m.parameters()))

# %%
x = torch.tensor([1, 2, 3])
y = torch.tensor([4, 5])
grid_x, grid_y = torch.meshgrid(x, y, indexing='ij')
print(grid_x)
print(grid_y)
gx, gy = torch.meshgrid(x, y, indexing='xy')
print(gx, gy)
print(torch.cat([grid_x.reshape(-1, 1), grid_y.reshape(-1, 1)], dim=1))
print(torch.stack(torch.meshgrid(torch.arange(2), torch.arange(3), indexing='ij'), dim=-1).shape)
