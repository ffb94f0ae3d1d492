# Imitates pytorch/examples super_resolution (ESPCN with PixelShuffle, orthogonal init with relu gain, PSNR with
# log10) and the "Fusing Convolution and Batch Norm" tutorial (fuse_conv_bn_eval written by hand and from
# torch.nn.utils.fusion, checked against the unfused model in eval mode).
import copy
import math
import torch
import torch.nn as nn
import torch.nn.init as init

class Net(nn.Module):
    def __init__(self, upscale_factor):
        super(Net, self).__init__()
        self.relu = nn.ReLU()
        self.conv1 = nn.Conv2d(1, 16, (5, 5), (1, 1), (2, 2))
        self.conv2 = nn.Conv2d(16, 16, (3, 3), (1, 1), (1, 1))
        self.conv3 = nn.Conv2d(16, 8, (3, 3), (1, 1), (1, 1))
        self.conv4 = nn.Conv2d(8, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)
        self._initialize_weights()
    def forward(self, x):
        x = self.relu(self.conv1(x))
        x = self.relu(self.conv2(x))
        x = self.relu(self.conv3(x))
        x = self.pixel_shuffle(self.conv4(x))
        return x
    def _initialize_weights(self):
        init.orthogonal_(self.conv1.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv2.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv3.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv4.weight)

# %%
torch.manual_seed(123)
model = Net(upscale_factor=2)
print(model)
w = model.conv2.weight.view(16, -1)
print(torch.allclose(w @ w.t(), 2 * torch.eye(16), atol=1e-5), w.shape)

# %%
x = torch.arange(16.).view(1, 4, 2, 2)
ps = nn.PixelShuffle(2)(x)
print(ps)
print(nn.PixelUnshuffle(2)(ps).equal(x), torch.nn.functional.pixel_shuffle(torch.arange(8.).view(1, 8, 1, 1), 2).shape)
try:
    nn.PixelShuffle(2)(torch.zeros(1, 3, 2, 2))
except RuntimeError as e:
    print(e)

# %%
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
torch.manual_seed(0)
hr = torch.rand(4, 1, 8, 8)
lr_img = nn.functional.avg_pool2d(hr, 2)
for epoch in range(1, 4):
    epoch_loss = 0
    optimizer.zero_grad()
    loss = criterion(model(lr_img), hr)
    epoch_loss += loss.item()
    loss.backward()
    optimizer.step()
    print("===> Epoch {} Complete: Avg. Loss: {:.4f}".format(epoch, epoch_loss))
with torch.no_grad():
    mse = criterion(model(lr_img), hr)
    psnr = 10 * math.log10(1 / mse.item())
    print("===> Avg. PSNR: {:.4f} dB".format(psnr), 10 * torch.log10(1 / mse))

# %%
def fuse_conv_bn_eval(conv, bn):
    assert(not (conv.training or bn.training)), "Fusion only for eval!"
    fused_conv = copy.deepcopy(conv)
    fused_conv.weight, fused_conv.bias = fuse_conv_bn_weights(fused_conv.weight, fused_conv.bias, bn.running_mean, bn.running_var, bn.eps, bn.weight, bn.bias)
    return fused_conv

def fuse_conv_bn_weights(conv_w, conv_b, bn_rm, bn_rv, bn_eps, bn_w, bn_b):
    if conv_b is None:
        conv_b = bn_rm.new_zeros(bn_rm.shape)
    bn_var_rsqrt = torch.rsqrt(bn_rv + bn_eps)
    conv_w = conv_w * (bn_w * bn_var_rsqrt).reshape([-1] + [1] * (len(conv_w.shape) - 1))
    conv_b = (conv_b - bn_rm) * bn_var_rsqrt * bn_w + bn_b
    return torch.nn.Parameter(conv_w), torch.nn.Parameter(conv_b)

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3, bias=False), nn.BatchNorm2d(4), nn.ReLU())
for _ in range(3):
    net(torch.randn(8, 1, 6, 6))
net.eval()
fused = fuse_conv_bn_eval(net[0], net[1])
inp = torch.randn(2, 1, 6, 6)
print(torch.allclose(fused(inp), net[1](net[0](inp)), atol=1e-6), fused.bias)
try:
    fuse_conv_bn_eval(nn.Conv2d(1, 1, 1), nn.BatchNorm2d(1))
except AssertionError as e:
    print("AssertionError:", e)

# %%
from torch.nn.utils.fusion import fuse_conv_bn_eval as fuse_lib, fuse_linear_bn_eval
f2 = fuse_lib(net[0], net[1])
print(type(f2).__name__, torch.allclose(f2.weight, fused.weight), torch.allclose(f2.bias, fused.bias))
lin, bn1 = nn.Linear(3, 4), nn.BatchNorm1d(4)
bn1(lin(torch.randn(10, 3)))
lin.eval(); bn1.eval()
fl = fuse_linear_bn_eval(lin, bn1)
z = torch.randn(5, 3)
print(torch.allclose(fl(z), bn1(lin(z)), atol=1e-6))

# %%
from torch.nn.utils import parameters_to_vector, vector_to_parameters
vec = parameters_to_vector(model.parameters())
print(vec.shape, vec.grad_fn)
vector_to_parameters(torch.zeros_like(vec), model.parameters())
print(model.conv1.bias.abs().sum(), model(lr_img).abs().sum())
