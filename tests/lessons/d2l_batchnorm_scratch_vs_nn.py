# d2l "Batch Normalization" from scratch vs nn.BatchNorm1d/2d: moving statistics, train/eval, momentum, the
# buffers (running_mean, running_var, num_batches_tracked), printing and a small BN-LeNet's shapes.
import torch
from torch import nn

def batch_norm(X, gamma, beta, moving_mean, moving_var, eps, momentum):
    if not torch.is_grad_enabled():
        X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps)
    else:
        assert len(X.shape) in (2, 4)
        if len(X.shape) == 2:
            mean = X.mean(dim=0)
            var = ((X - mean) ** 2).mean(dim=0)
        else:
            mean = X.mean(dim=(0, 2, 3), keepdim=True)
            var = ((X - mean) ** 2).mean(dim=(0, 2, 3), keepdim=True)
        X_hat = (X - mean) / torch.sqrt(var + eps)
        moving_mean = (1.0 - momentum) * moving_mean + momentum * mean
        moving_var = (1.0 - momentum) * moving_var + momentum * var
    Y = gamma * X_hat + beta
    return Y, moving_mean.data, moving_var.data

class BatchNorm(nn.Module):
    def __init__(self, num_features, num_dims):
        super().__init__()
        if num_dims == 2:
            shape = (1, num_features)
        else:
            shape = (1, num_features, 1, 1)
        self.gamma = nn.Parameter(torch.ones(shape))
        self.beta = nn.Parameter(torch.zeros(shape))
        self.moving_mean = torch.zeros(shape)
        self.moving_var = torch.ones(shape)

    def forward(self, X):
        if self.moving_mean.device != X.device:
            self.moving_mean = self.moving_mean.to(X.device)
            self.moving_var = self.moving_var.to(X.device)
        Y, self.moving_mean, self.moving_var = batch_norm(
            X, self.gamma, self.beta, self.moving_mean,
            self.moving_var, eps=1e-5, momentum=0.1)
        return Y

torch.manual_seed(0)
X = torch.randn(8, 3) * 4 + 2
mine = BatchNorm(3, num_dims=2)
ref = nn.BatchNorm1d(3)
print(ref)
y1, y2 = mine(X), ref(X)
print(y1)
print(torch.allclose(y1, y2, atol=1e-5))
print(mine.moving_mean, ref.running_mean)
print(mine.moving_var)
print(ref.running_var)
print(ref.num_batches_tracked)

# %%
print(list(ref.state_dict().keys()))
print([n for n, _ in ref.named_buffers()])
print([n for n, _ in mine.named_parameters()], [n for n, _ in mine.named_buffers()])
ref.eval()
with torch.no_grad():
    print(ref(X)[:2])
    print(mine(X)[:2])

# %%
bn2 = nn.BatchNorm2d(2, momentum=None, affine=False)
print(bn2)
torch.manual_seed(1)
for step in range(3):
    bn2(torch.randn(4, 2, 3, 3) + step)
print(bn2.running_mean, bn2.num_batches_tracked)
print(bn2.weight, bn2.bias)
try:
    nn.BatchNorm1d(3)(torch.randn(1, 3))
except ValueError as e:
    print('ValueError:', e)
try:
    nn.BatchNorm2d(3)(torch.randn(2, 4, 5, 5))
except RuntimeError as e:
    print('RuntimeError:', e)

# %%
net = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5), BatchNorm(6, num_dims=4), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Conv2d(6, 16, kernel_size=5), nn.BatchNorm2d(16), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2), nn.Flatten(),
    nn.Linear(16*4*4, 120), nn.BatchNorm1d(120), nn.Sigmoid(),
    nn.Linear(120, 84), nn.BatchNorm1d(84), nn.Sigmoid(),
    nn.Linear(84, 10))
X = torch.rand(size=(2, 1, 28, 28), dtype=torch.float32)
for layer in net:
    X = layer(X)
    print(layer.__class__.__name__, 'output shape:\t', X.shape)
print(net[1].gamma.reshape((-1,)), net[1].beta.reshape((-1,)))

# %%
loss = net(torch.rand(4, 1, 28, 28)).sum()
loss.backward()
print(net[1].gamma.grad.shape, net[5].weight.grad.shape)
print(net[5].running_var[:4])
print(net[5].weight.grad.abs().sum() > 0, net[5].bias.grad.sum().abs() < 1e-3)
