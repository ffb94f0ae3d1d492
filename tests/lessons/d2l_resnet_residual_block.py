# d2l "ResNet": the Residual block with use_1x1conv, a resnet_block stage, the shapes through a small ResNet,
# global average pooling, counting parameters, a forward/backward and a gradient norm through the skip path.
import torch
from torch import nn
from torch.nn import functional as F

class Residual(nn.Module):
    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(input_channels, num_channels, kernel_size=1, stride=strides)
        else:
            self.conv3 = None
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3:
            X = self.conv3(X)
        Y += X
        return F.relu(Y)

torch.manual_seed(0)
blk = Residual(3, 3)
X = torch.rand(4, 3, 6, 6)
Y = blk(X)
print(Y.shape, Y.grad_fn)
blk = Residual(3, 6, use_1x1conv=True, strides=2)
print(blk(X).shape)
print(blk)

# %%
def resnet_block(input_channels, num_channels, num_residuals, first_block=False):
    blk = []
    for i in range(num_residuals):
        if i == 0 and not first_block:
            blk.append(Residual(input_channels, num_channels, use_1x1conv=True, strides=2))
        else:
            blk.append(Residual(num_channels, num_channels))
    return blk

b1 = nn.Sequential(nn.Conv2d(1, 16, kernel_size=7, stride=2, padding=3),
                   nn.BatchNorm2d(16), nn.ReLU(),
                   nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
b2 = nn.Sequential(*resnet_block(16, 16, 2, first_block=True))
b3 = nn.Sequential(*resnet_block(16, 32, 2))
b4 = nn.Sequential(*resnet_block(32, 64, 2))
net = nn.Sequential(b1, b2, b3, b4, nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(64, 10))
X = torch.rand(size=(1, 1, 96, 96))
for layer in net:
    X = layer(X)
    print(layer.__class__.__name__, 'output shape:\t', X.shape)

# %%
n_params = sum(p.numel() for p in net.parameters())
n_train = sum(p.numel() for p in net.parameters() if p.requires_grad)
print(f'{n_params:,} parameters, {n_train} trainable')
print(net[4], net[5], net[6])
print(net[1][0].bn1)

# %%
torch.manual_seed(1)
x = torch.rand(2, 1, 32, 32)
target = torch.tensor([3, 7])
out = net(x)
loss = F.cross_entropy(out, target)
print(out.shape, loss.grad_fn)
loss.backward()
g = net[0][0].weight.grad
print(g.shape, g.norm() > 0)
total = torch.sqrt(sum((p.grad ** 2).sum() for p in net.parameters()))
print(total > 0, total.shape, total.dtype)

# %%
try:
    Residual(3, 6)(torch.rand(1, 3, 6, 6))
except RuntimeError as e:
    print(e)
