# Imitates d2l.ai section 8.3 "Network in Network (NiN)": nin_block with 1x1 convolutions, nn.MaxPool2d between
# blocks and a global average pooling (nn.AdaptiveAvgPool2d((1, 1))) plus nn.Flatten instead of fully connected
# layers, the layer-by-layer shape printout, and one SGD step on a small batch; the AvgPool2d exercise variant
# (a 3x3 window with count_include_pad=False) replaces the max pooling in a second model.
import torch
from torch import nn

def nin_block(out_channels, kernel_size, strides, padding):
    return nn.Sequential(
        nn.LazyConv2d(out_channels, kernel_size, strides, padding), nn.ReLU(),
        nn.LazyConv2d(out_channels, kernel_size=1), nn.ReLU(),
        nn.LazyConv2d(out_channels, kernel_size=1), nn.ReLU())

def make_net(pool):
    return nn.Sequential(
        nin_block(8, kernel_size=5, strides=2, padding=2), pool(),
        nin_block(12, kernel_size=3, strides=1, padding=1), pool(),
        nin_block(5, kernel_size=3, strides=1, padding=1),
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())

torch.manual_seed(0)
net = make_net(lambda: nn.MaxPool2d(3, stride=2))
X = torch.randn(1, 1, 32, 32)
for layer in net:
    X = layer(X)
    print(layer.__class__.__name__, "output shape:\t", X.shape)

# %%
torch.manual_seed(1)
net = make_net(lambda: nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False))
X = torch.randn(4, 1, 32, 32)
y = torch.tensor([0, 1, 4, 2])
net(X)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(net(X), y)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 6))
print(net[0][0].weight.grad.flatten()[:5])

# %%
X = torch.randn(2, 3, 6, 6, requires_grad=True)
gap = nn.AdaptiveAvgPool2d((1, 1))
print(torch.allclose(gap(X).flatten(1), X.mean(dim=(2, 3))))
(gap(X).flatten(1) * torch.tensor([1.0, -2.0, 3.0])).sum().backward()
print(X.grad[0, :, 0, 0], X.grad[1, 2, 5, 5])
