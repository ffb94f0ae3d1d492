# Imitates the torch.nn.Module documentation (PyTorch 2.13) for to(dtype) / double() / half() / bfloat16() /
# float(), requires_grad_(False), zero_grad(set_to_none), train() / eval() and the training flags of children,
# get_submodule / get_parameter / get_buffer with their AttributeError texts, and copy.deepcopy of a model (the
# "Saving and loading models" and "Finetuning" tutorials' habits).
import copy
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
linear = nn.Linear(2, 2)
print(linear.weight)
linear.to(torch.double)
print(linear.weight)
print(linear.to(dtype=torch.float16).weight.dtype)
print(linear.bfloat16().bias)
print(linear.float().weight.dtype, linear.double().bias.dtype, linear.half().weight.dtype)
linear.float()
x = torch.randn(1, 2)
print(linear(x))
try:
    linear.double()(x)
except Exception as e:
    print(type(e).__name__, e)
try:
    linear.to(torch.int32)
except Exception as e:
    print(type(e).__name__, e)
print(linear.to(torch.complex64).weight.dtype)

# %%
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(3, 3), nn.BatchNorm1d(3), nn.Dropout(0.2))
        self.head = nn.Linear(3, 1)
        self.register_buffer('steps', torch.tensor(0))
        self.register_buffer('stats', torch.zeros(3))

torch.manual_seed(0)
net = Net()
net.double()
print(net.steps.dtype, net.stats.dtype, net.body[1].running_mean.dtype, net.body[1].num_batches_tracked.dtype)
net.float()
print(net.training, net.body.training, net.body[2].training)
net.eval()
print(net.training, [m.training for m in net.modules()])
net.train(False)
print(net.body[1].training)
net.body.train()
print(net.training, net.body[1].training, net.head.training)
try:
    net.train('yes')
except Exception as e:
    print(type(e).__name__, e)
print(net.train() is net, net.eval() is net)

# %%
torch.manual_seed(1)
out = net(torch.randn(4, 3)) if False else net.head(net.body(torch.randn(4, 3)))
out.sum().backward()
print(net.head.weight.grad)
net.zero_grad(set_to_none=False)
print(net.head.weight.grad)
net.zero_grad()
print(net.head.weight.grad)
net.body.requires_grad_(False)
print([(n, p.requires_grad) for n, p in net.named_parameters()])
print(net.requires_grad_() is net, all(p.requires_grad for p in net.parameters()))

# %%
print(net.get_submodule('body.1'))
print(net.get_parameter('head.bias').shape)
print(net.get_buffer('body.1.running_var'))
print(net.get_buffer('steps'))
for call, target in [(net.get_submodule, 'body.7'), (net.get_submodule, 'head.weight'),
                     (net.get_submodule, 'tail'), (net.get_parameter, 'head.w'),
                     (net.get_parameter, 'steps'), (net.get_parameter, 'body'),
                     (net.get_buffer, 'stats2'), (net.get_buffer, 'head.bias'),
                     (net.get_buffer, 'body.0.weight.x')]:
    try:
        call(target)
    except AttributeError as e:
        print('AttributeError', e)

# %%
torch.manual_seed(2)
net2 = copy.deepcopy(net)
print(net2.head.weight is net.head.weight, torch.equal(net2.head.weight, net.head.weight))
print(type(net2.head.weight).__name__, net2.head.weight.requires_grad, net2.training)
with torch.no_grad():
    net2.head.weight.add_(1.0)
print(torch.equal(net2.head.weight, net.head.weight))
net.head.weight.grad = torch.ones(1, 3)
net3 = copy.deepcopy(net)
print(net3.head.weight.grad)
print(net3.state_dict().keys())
shared = nn.Linear(2, 2)
tied = nn.Sequential(shared, nn.ReLU(), shared)
tied2 = copy.deepcopy(tied)
print(tied2[0] is tied2[2], tied2[0] is shared)
print(len(list(tied2.parameters())))

# %%
model = nn.Sequential(nn.Linear(2, 2))
for args, kwargs in [(('cpu', torch.float64), {}), ((torch.float64, 'cpu'), {}), ((torch.float32,), {'copy': True}),
                     (('cpu', torch.float32, False, False), {}), ((torch.float16,), {'device': 'cpu'}),
                     ((), {'dtype': 'float32'}), ((), {'dtyp': torch.float64}), (([1.0],), {}), ((True,), {})]:
    try:
        print(model.to(*args, **kwargs)[0].weight.dtype)
    except Exception as e:
        print(type(e).__name__, e)
