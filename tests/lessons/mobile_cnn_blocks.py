# Imitates the efficient-CNN lessons (MobileNetV2/V3, ShuffleNetV2 and SENet written from scratch in blog posts and
# course notebooks): _make_divisible, depthwise separable convolution with groups=in_channels, the inverted residual
# with ReLU6 and a linear bottleneck, squeeze-and-excitation with AdaptiveAvgPool2d and Hardsigmoid, Hardswish,
# channel shuffle written by hand and as nn.ChannelShuffle / F.channel_shuffle, and parameter / FLOP counting.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
def _make_divisible(v, divisor, min_value=None):
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v

print([_make_divisible(c * 0.75, 8) for c in (16, 24, 32, 64, 96, 160, 320)])
class DepthwiseSeparable(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.depthwise = nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False)
        self.bn1 = nn.BatchNorm2d(cin)
        self.pointwise = nn.Conv2d(cin, cout, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
    def forward(self, x):
        x = F.relu(self.bn1(self.depthwise(x)))
        return F.relu(self.bn2(self.pointwise(x)))

torch.manual_seed(0)
ds = DepthwiseSeparable(8, 16, stride=2)
standard = nn.Conv2d(8, 16, 3, 2, 1, bias=False)
x = torch.randn(2, 8, 16, 16)
print(ds(x).shape, standard(x).shape)
n_ds = sum(p.numel() for p in ds.parameters() if p.dim() == 4)
n_std = standard.weight.numel()
print(n_ds, n_std, round(n_std / n_ds, 2), ds.depthwise)
ds.depthwise.weight.shape, ds.depthwise.groups

# %%
class InvertedResidual(nn.Module):
    def __init__(self, inp, oup, stride, expand_ratio):
        super().__init__()
        self.stride = stride
        hidden_dim = int(round(inp * expand_ratio))
        self.use_res_connect = self.stride == 1 and inp == oup
        layers = []
        if expand_ratio != 1:
            layers += [nn.Conv2d(inp, hidden_dim, 1, 1, 0, bias=False), nn.BatchNorm2d(hidden_dim), nn.ReLU6(inplace=True)]
        layers += [nn.Conv2d(hidden_dim, hidden_dim, 3, stride, 1, groups=hidden_dim, bias=False),
                   nn.BatchNorm2d(hidden_dim), nn.ReLU6(inplace=True),
                   nn.Conv2d(hidden_dim, oup, 1, 1, 0, bias=False), nn.BatchNorm2d(oup)]
        self.conv = nn.Sequential(*layers)
    def forward(self, x):
        if self.use_res_connect:
            return x + self.conv(x)
        return self.conv(x)

torch.manual_seed(0)
blk = InvertedResidual(16, 16, 1, 6)
print(blk)
y = blk(torch.randn(2, 16, 8, 8))
print(y.shape, y.grad_fn, blk.use_res_connect)
print(nn.ReLU6()(torch.tensor([-1., 3., 7.])), F.relu6(torch.tensor([6.5])), F.hardtanh(torch.tensor([-2., 0.5, 2.]), 0., 6.))
InvertedResidual(16, 24, 2, 6)(torch.randn(1, 16, 8, 8)).shape

# %%
class SqueezeExcitation(nn.Module):
    def __init__(self, input_channels, squeeze_channels):
        super().__init__()
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Conv2d(input_channels, squeeze_channels, 1)
        self.fc2 = nn.Conv2d(squeeze_channels, input_channels, 1)
        self.activation = nn.ReLU()
        self.scale_activation = nn.Hardsigmoid()
    def _scale(self, input):
        scale = self.avgpool(input)
        scale = self.fc1(scale)
        scale = self.activation(scale)
        scale = self.fc2(scale)
        return self.scale_activation(scale)
    def forward(self, input):
        scale = self._scale(input)
        return scale * input

class SEBlock(nn.Module):
    def __init__(self, c, r=4):
        super().__init__()
        self.squeeze = nn.AdaptiveAvgPool2d(1)
        self.excitation = nn.Sequential(nn.Linear(c, c // r, bias=False), nn.ReLU(inplace=True),
                                        nn.Linear(c // r, c, bias=False), nn.Sigmoid())
    def forward(self, x):
        bs, c, _, _ = x.shape
        y = self.squeeze(x).view(bs, c)
        y = self.excitation(y).view(bs, c, 1, 1)
        return x * y.expand_as(x)

torch.manual_seed(0)
x = torch.randn(2, 16, 6, 6, requires_grad=True)
se = SqueezeExcitation(16, _make_divisible(16 // 4, 8))
se2 = SEBlock(16)
out = se(x) + se2(x)
out.mean().backward()
print(out.shape, se._scale(x).shape, se._scale(x)[0, :4, 0, 0])
print(x.grad.abs().sum(), se2.excitation[0].weight.grad.shape)
hs = nn.Hardswish()
t = torch.linspace(-4, 4, 9, requires_grad=True)
hs(t).sum().backward()
hs(t), t.grad, F.hardsigmoid(t)

# %%
def channel_shuffle(x, groups):
    batchsize, num_channels, height, width = x.size()
    channels_per_group = num_channels // groups
    x = x.view(batchsize, groups, channels_per_group, height, width)
    x = torch.transpose(x, 1, 2).contiguous()
    x = x.view(batchsize, -1, height, width)
    return x

x = torch.arange(2 * 6 * 2 * 2.).view(2, 6, 2, 2)
print(channel_shuffle(x, 3)[0, :, 0, 0])
cs = nn.ChannelShuffle(3)
print(cs, cs(x)[0, :, 0, 0], torch.equal(cs(x), channel_shuffle(x, 3)))
xr = x.clone().requires_grad_()
y = F.channel_shuffle(xr, 2)
print(y[0, :, 0, 0], y.grad_fn)
(y * torch.arange(6.).view(1, 6, 1, 1)).sum().backward()
print(xr.grad[0, :, 0, 0])
try:
    nn.ChannelShuffle(4)(x)
except RuntimeError as e:
    print(e)
torch.channel_shuffle(x, 2).shape

# %%
class ShuffleBlock(nn.Module):
    def __init__(self, inp, oup, stride):
        super().__init__()
        self.stride = stride
        branch_features = oup // 2
        if self.stride > 1:
            self.branch1 = nn.Sequential(nn.Conv2d(inp, inp, 3, stride, 1, groups=inp, bias=False), nn.BatchNorm2d(inp),
                                         nn.Conv2d(inp, branch_features, 1, bias=False), nn.BatchNorm2d(branch_features),
                                         nn.ReLU(inplace=True))
        else:
            self.branch1 = nn.Sequential()
        self.branch2 = nn.Sequential(
            nn.Conv2d(inp if self.stride > 1 else branch_features, branch_features, 1, bias=False),
            nn.BatchNorm2d(branch_features), nn.ReLU(inplace=True),
            nn.Conv2d(branch_features, branch_features, 3, stride, 1, groups=branch_features, bias=False),
            nn.BatchNorm2d(branch_features),
            nn.Conv2d(branch_features, branch_features, 1, bias=False), nn.BatchNorm2d(branch_features),
            nn.ReLU(inplace=True))
    def forward(self, x):
        if self.stride == 1:
            x1, x2 = x.chunk(2, dim=1)
            out = torch.cat((x1, self.branch2(x2)), dim=1)
        else:
            out = torch.cat((self.branch1(x), self.branch2(x)), dim=1)
        return channel_shuffle(out, 2)

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1), ShuffleBlock(8, 16, 2), ShuffleBlock(16, 16, 1),
                    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 5))
imgs = torch.randn(4, 3, 16, 16)
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=4e-5)
for step in range(3):
    loss = F.cross_entropy(net(imgs), torch.tensor([0, 1, 2, 3]), label_smoothing=0.1)
    opt.zero_grad(); loss.backward(); opt.step()
    print(step, round(loss.item(), 5))
print(sum(p.numel() for p in net.parameters()), net[1].branch1 is not None, len(net[2].branch1))
def count_conv_flops(model, x):
    flops = []
    def hook(m, inp, out):
        flops.append(out.numel() * m.in_channels // m.groups * m.kernel_size[0] * m.kernel_size[1])
    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    model(x)
    for h in hs:
        h.remove()
    return sum(flops), len(flops)
count_conv_flops(net, imgs[:1])
