# Imitates d2l.ai chapter 13.5 "Training on Multiple GPUs" (from-scratch implementation) and 13.6 (concise, with
# nn.DataParallel) run on a laptop without CUDA: try_gpu / try_all_gpus falling back to the CPU, get_params copying
# parameters to every device, allreduce by hand over a list of tensors, split_batch by manual chunking (and what
# nn.parallel.scatter says on the CPU), a train_batch over the "devices", and nn.DataParallel wrapping a model.
import torch
from torch import nn
from torch.nn import functional as F

def try_gpu(i=0):
    if torch.cuda.device_count() >= i + 1:
        return torch.device(f'cuda:{i}')
    return torch.device('cpu')

def try_all_gpus():
    devices = [torch.device(f'cuda:{i}') for i in range(torch.cuda.device_count())]
    return devices if devices else [torch.device('cpu')]

print(try_gpu(), try_gpu(10), try_all_gpus())
print(torch.cuda.device_count(), torch.cuda.is_available())
print(repr(try_gpu()), try_gpu().type, try_gpu().index)
print(torch.device('cpu') == torch.device('cpu:0'), torch.device('cpu', 0))

# %%
torch.manual_seed(0)
scale = 0.01
W1 = torch.randn(size=(4, 1, 3, 3)) * scale
b1 = torch.zeros(4)
W2 = torch.randn(size=(4 * 3 * 3, 5)) * scale
b2 = torch.zeros(5)
params = [W1, b1, W2, b2]

def lenet(X, params):
    h1 = F.relu(F.conv2d(input=X, weight=params[0], bias=params[1]))
    h1 = F.avg_pool2d(input=h1, kernel_size=(2, 2), stride=(2, 2))
    h1 = h1.reshape(h1.shape[0], -1)
    return torch.matmul(h1, params[2]) + params[3]

loss = nn.CrossEntropyLoss(reduction='none')

def get_params(params, device):
    new_params = [p.to(device) for p in params]
    for p in new_params:
        p.requires_grad_()
    return new_params

new_params = get_params(params, try_gpu(0))
print('b1 weight:', new_params[1])
print('b1 grad:', new_params[1].grad)
print(new_params[0].is_cuda, new_params[0].device, new_params[0].is_leaf, params[0].requires_grad)
print(new_params[1] is params[1], new_params[1].data_ptr() == params[1].data_ptr())

# %%
def allreduce(data):
    for i in range(1, len(data)):
        data[0][:] += data[i].to(data[0].device)
    for i in range(1, len(data)):
        data[i][:] = data[0].to(data[i].device)

data = [torch.ones((1, 2), device=try_gpu(i)) * (i + 1) for i in range(2)]
print('before allreduce:\n', data[0], '\n', data[1])
allreduce(data)
print('after allreduce:\n', data[0], '\n', data[1])

# %%
data = torch.arange(20).reshape(4, 5)
devices = [torch.device('cpu'), torch.device('cpu')]
try:
    split = nn.parallel.scatter(data, devices)
    print('scatter:', split)
except Exception as e:
    print(type(e).__name__, e)

def split_batch(X, y, devices):
    assert X.shape[0] == y.shape[0]
    n = len(devices)
    return ([x.to(d) for x, d in zip(X.chunk(n), devices)],
            [t.to(d) for t, d in zip(y.chunk(n), devices)])

for call in [lambda: nn.parallel.scatter(data, [0, 1]), lambda: nn.parallel.gather([data, data], 'cpu'),
             lambda: nn.parallel.replicate(nn.Linear(5, 2), devices),
             lambda: nn.parallel.replicate(nn.Linear(5, 2), [0]),
             lambda: nn.parallel.parallel_apply([nn.Linear(5, 2)], [data.float()]),
             lambda: nn.parallel.data_parallel(nn.Linear(5, 2), data.float())]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(nn.parallel.scatter((1, 'a'), [0, 1]), nn.parallel.gather([None, None], 0))

Xs, ys = split_batch(data, torch.arange(4), devices)
print('input :', data)
print('output:', Xs, ys)
print([x.device for x in Xs], [x.is_contiguous() for x in Xs])

# %%
def sgd(params, lr, batch_size):
    for param in params:
        param.data.sub_(lr * param.grad / batch_size)
        param.grad.data.zero_()

def train_batch(X, y, device_params, devices, lr):
    X_shards, y_shards = split_batch(X, y, devices)
    ls = [loss(lenet(X_shard, device_W), y_shard).sum()
          for X_shard, y_shard, device_W in zip(X_shards, y_shards, device_params)]
    for l in ls:
        l.backward()
    with torch.no_grad():
        for i in range(len(device_params[0])):
            allreduce([device_params[c][i].grad for c in range(len(devices))])
    for param in device_params:
        sgd(param, lr, X.shape[0])
    return ls

torch.manual_seed(1)
device_params = [get_params(params, d) for d in devices]
X = torch.randn(6, 1, 8, 8)
y = torch.tensor([0, 1, 2, 3, 4, 0])
for epoch in range(3):
    ls = train_batch(X, y, device_params, devices, lr=0.5)
    print(epoch, [round(l.item(), 4) for l in ls])
print(torch.equal(device_params[0][0], device_params[1][0]))
print(device_params[0][3])

# %%
net = nn.Sequential(nn.Conv2d(1, 2, kernel_size=3), nn.ReLU(), nn.Flatten(), nn.Linear(72, 3))
torch.manual_seed(2)
net = nn.DataParallel(net, device_ids=None)
print(net)
print(net.device_ids, net.module[0])
try:
    print(net.output_device)
except Exception as e:
    print(type(e).__name__, e)
print(list(net.state_dict().keys()))
out = net(X)
print(out.shape, out.grad_fn.name())
l = F.cross_entropy(out, y % 3)
l.backward()
print(net.module[3].bias.grad)
print(next(net.parameters()).device, type(net).__name__, isinstance(net, nn.Module))
