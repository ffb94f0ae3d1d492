# Imitates fastbook chapter 4 "Under the Hood: Training a Digit Classifier" (second half): the quadratic example
# with requires_grad_, init_params(size, std) with (torch.randn(size)*std).requires_grad_(), linear1 = xb@weights +
# bias, mnist_loss with torch.where and sigmoid, calc_grad / train_epoch / validate_epoch / batch_accuracy with
# round(acc.item(), 4), a BasicOptim class, nn.Linear + SGD from torch.optim, and simple_net as nn.Sequential.
# Small synthetic 4x4 'images' (flattened to 16) stand in for MNIST 3s and 7s.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import tensor

# %%
def f(x): return x**2
xt = tensor(3.).requires_grad_()
yt = f(xt)
print(yt)
yt.backward()
print(xt.grad)

# %%
xt = tensor([3., 4., 10.]).requires_grad_()
def f(x): return (x**2).sum()
yt = f(xt)
print(yt)
yt.backward()
xt.grad

# %%
time = torch.arange(0, 20).float()
torch.manual_seed(42)
speed = torch.randn(20) * 3 + 0.75 * (time - 9.5)**2 + 1
def f(t, params):
    a, b, c = params
    return a * (t**2) + (b * t) + c
def mse(preds, targets): return ((preds - targets)**2).mean()
params = torch.randn(3).requires_grad_()
orig_params = params.clone()
preds = f(time, params)
loss = mse(preds, speed)
print(loss)
loss.backward()
print(params.grad)
print(params.grad * 1e-5)

# %%
lr = 1e-5
params.data -= lr * params.grad.data
params.grad = None
preds = f(time, params)
print(mse(preds, speed))
def apply_step(params, prn=True):
    preds = f(time, params)
    loss = mse(preds, speed)
    loss.backward()
    params.data -= lr * params.grad.data
    params.grad = None
    if prn: print(loss.item())
    return preds
for i in range(5): apply_step(params)
print(orig_params, params)

# %%
torch.manual_seed(0)
proto3 = (torch.rand(16) > 0.5).float()
proto7 = 1 - proto3
threes = (proto3 + torch.randn(12, 16) * 0.3)
sevens = (proto7 + torch.randn(12, 16) * 0.3)
train_x = torch.cat([threes, sevens]).view(-1, 4 * 4)
train_y = tensor([1] * len(threes) + [0] * len(sevens)).unsqueeze(1)
train_x.shape, train_y.shape, train_y.dtype

# %%
dset = list(zip(train_x, train_y))
x, y = dset[0]
print(x.shape, y)
valid_x = torch.cat([proto3 + torch.randn(4, 16) * 0.3, proto7 + torch.randn(4, 16) * 0.3])
valid_y = tensor([1] * 4 + [0] * 4).unsqueeze(1)
valid_dset = list(zip(valid_x, valid_y))

# %%
def init_params(size, std=1.0): return (torch.randn(size) * std).requires_grad_()
weights = init_params((4 * 4, 1))
bias = init_params(1)
print(weights.shape, bias, weights.is_leaf, weights.grad_fn)
(train_x[0] * weights.T).sum() + bias

# %%
def linear1(xb): return xb @ weights + bias
preds = linear1(train_x)
print(preds[:4])
corrects = (preds > 0.0).float() == train_y
print(corrects[:4].T)
corrects.float().mean().item()

# %%
with torch.no_grad(): weights[0] *= 1.0001
preds = linear1(train_x)
((preds > 0.0).float() == train_y).float().mean().item()

# %%
trgts = tensor([1, 0, 1])
prds = tensor([0.9, 0.4, 0.2])
def mnist_loss(predictions, targets):
    return torch.where(targets == 1, 1 - predictions, predictions).mean()
print(torch.where(trgts == 1, 1 - prds, prds))
print(mnist_loss(prds, trgts))
print(mnist_loss(tensor([0.9, 0.4, 0.8]), trgts))

# %%
def sigmoid(x): return 1 / (1 + torch.exp(-x))
print(sigmoid(tensor([-2., 0., 3.])), torch.sigmoid(tensor([-2., 0., 3.])))
def mnist_loss(predictions, targets):
    predictions = predictions.sigmoid()
    return torch.where(targets == 1, 1 - predictions, predictions).mean()
try:
    torch.where(trgts == 1, 1 - prds)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.where(trgts, 1 - prds, prds)
except Exception as e:
    print(type(e).__name__, e)

# %%
coll = range(15)
g = torch.Generator().manual_seed(1)
idx = torch.randperm(15, generator=g)
print([list(coll[i] for i in idx[s:s + 5].tolist()) for s in range(0, 15, 5)])
def batches(ds, bs, shuffle=True, seed=0):
    order = torch.randperm(len(ds), generator=torch.Generator().manual_seed(seed)) if shuffle else torch.arange(len(ds))
    for s in range(0, len(ds), bs):
        items = [ds[i] for i in order[s:s + bs]]
        yield torch.stack([a for a, _ in items]), torch.stack([b for _, b in items])
xb, yb = next(batches(dset, 5))
xb.shape, yb.shape, yb.T

# %%
weights = init_params((16, 1))
bias = init_params(1)
batch = train_x[:4]
preds = linear1(batch)
print(preds)
loss = mnist_loss(preds, train_y[:4])
print(loss)
loss.backward()
print(weights.grad.shape, weights.grad.mean(), bias.grad)

# %%
def calc_grad(xb, yb, model):
    preds = model(xb)
    loss = mnist_loss(preds, yb)
    loss.backward()
calc_grad(batch, train_y[:4], linear1)
print(weights.grad.mean(), bias.grad)
calc_grad(batch, train_y[:4], linear1)
print(weights.grad.mean(), bias.grad)
weights.grad.zero_()
bias.grad.zero_();

# %%
def train_epoch(model, lr, params, epoch=0):
    for xb, yb in batches(dset, 6, seed=epoch):
        calc_grad(xb, yb, model)
        for p in params:
            p.data -= p.grad * lr
            p.grad.zero_()
def batch_accuracy(xb, yb):
    preds = xb.sigmoid()
    correct = (preds > 0.5) == yb
    return correct.float().mean()
print(batch_accuracy(linear1(batch), train_y[:4]))
def validate_epoch(model):
    accs = [batch_accuracy(model(xb), yb) for xb, yb in batches(valid_dset, 4, shuffle=False)]
    return round(torch.stack(accs).mean().item(), 4)
validate_epoch(linear1)

# %%
lr = 1.
params = weights, bias
train_epoch(linear1, lr, params)
print(validate_epoch(linear1))
for i in range(5):
    train_epoch(linear1, lr, params, i)
    print(validate_epoch(linear1), end=' ')

# %%
torch.manual_seed(1)
linear_model = nn.Linear(16, 1)
w, b = linear_model.parameters()
print(w.shape, b.shape, w.requires_grad)
class BasicOptim:
    def __init__(self, params, lr): self.params, self.lr = list(params), lr
    def step(self, *args, **kwargs):
        for p in self.params: p.data -= p.grad.data * self.lr
    def zero_grad(self, *args, **kwargs):
        for p in self.params: p.grad = None
opt = BasicOptim(linear_model.parameters(), lr)
def train_epoch(model, epoch=0):
    for xb, yb in batches(dset, 6, seed=epoch):
        calc_grad(xb, yb, model)
        opt.step()
        opt.zero_grad()
print(validate_epoch(linear_model))
def train_model(model, epochs):
    for i in range(epochs):
        train_epoch(model, i)
        print(validate_epoch(model), end=' ')
train_model(linear_model, 4)

# %%
torch.manual_seed(1)
linear_model = nn.Linear(16, 1)
opt = torch.optim.SGD(linear_model.parameters(), lr)
print(opt)
train_model(linear_model, 4)
print()
print(linear_model.weight.grad)

# %%
torch.manual_seed(2)
simple_net = nn.Sequential(
    nn.Linear(16, 8),
    nn.ReLU(),
    nn.Linear(8, 1)
)
print(simple_net)
opt = torch.optim.SGD(simple_net.parameters(), 0.1)
train_model(simple_net, 5)
print()
m = simple_net[0]
print(m, m.weight.shape, m.bias.shape)
print(F.relu(tensor([-1., 0., 2.])), tensor([-1., 0., 2.]).max(tensor(0.0)))

# %%
def simple_net_fn(xb):
    res = xb @ w1 + b1
    res = res.max(tensor(0.0))
    res = res @ w2 + b2
    return res
torch.manual_seed(3)
w1 = init_params((16, 5)); b1 = init_params(5)
w2 = init_params((5, 1)); b2 = init_params(1)
out = simple_net_fn(train_x[:3])
print(out)
mnist_loss(out, train_y[:3]).backward()
print(w1.grad.shape, b1.grad, w2.grad.T)
try:
    w1 -= 0.1 * w1.grad
except Exception as e:
    print(type(e).__name__, e)
