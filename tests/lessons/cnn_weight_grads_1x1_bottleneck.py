# A ResNet "bottleneck" block taught layer by layer (1x1 reduce, 3x3, 1x1 expand, as in the ResNet-50 lesson of
# d2l / fast.ai): shapes through the block, then the 1x1 convolutions' weight gradients, a 1x1 conv checked against
# its einsum (a per-pixel linear layer), strided 1x1 shortcuts, and the kernel-size / channel errors learners hit.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=8)


class Bottleneck(nn.Module):
    def __init__(self, cin, mid, cout, stride=1):
        super().__init__()
        self.reduce = nn.Conv2d(cin, mid, 1, bias=False)
        self.conv = nn.Conv2d(mid, mid, 3, stride=stride, padding=1, bias=False)
        self.expand = nn.Conv2d(mid, cout, 1, bias=False)
        self.short = nn.Conv2d(cin, cout, 1, stride=stride, bias=False)

    def forward(self, x):
        h = F.relu(self.reduce(x))
        h = F.relu(self.conv(h))
        return F.relu(self.expand(h) + self.short(x))


blk = Bottleneck(16, 4, 32, stride=2).double()
x = torch.randn(6, 16, 8, 8, dtype=torch.float64)
out = blk(x)
print(out.shape, out.grad_fn.name())
out.square().mean().backward()
for name, p in blk.named_parameters():
    print(name, tuple(p.shape), p.grad.sum().item(), p.grad.norm().item())
print(blk.reduce.weight.grad[:2, :6, 0, 0])
print(blk.short.weight.grad[5, :4].flatten())

# %%
# a 1x1 convolution is a linear layer applied at every pixel
w = blk.reduce.weight.detach().clone().requires_grad_()
xx = x.clone().requires_grad_()
a = F.conv2d(xx, w)
b = torch.einsum("oc,nchw->nohw", w[:, :, 0, 0], xx)
print(torch.allclose(a, b), (a - b).abs().max().item())
g = torch.randn_like(a)
ga = torch.autograd.grad(a, w, g)[0]
gb = torch.autograd.grad(b, w, g)[0]
print(torch.allclose(ga, gb), ga[1, :5, 0, 0])
print(ga.sum().item())

# %%
# one image through a float32 1x1 conv, and a 1-d 1x1 conv (PointNet's shared MLP) in float64
torch.manual_seed(2)
pw = nn.Conv2d(8, 12, 1)
pw(torch.randn(1, 8, 5, 5)).tanh().sum().backward()
print(pw.weight.grad.flatten()[:8])
print(pw.weight.grad.sum().item(), pw.bias.grad.sum().item())
mlp = nn.Conv1d(3, 16, 1).double()
pts = torch.randn(4, 3, 50, dtype=torch.float64)
mlp(pts).max(dim=2).values.sum().backward()
print(mlp.weight.grad[:4, :, 0])
print(mlp.weight.grad.sum().item())

# %%
for f in [lambda: blk(torch.randn(2, 8, 8, 8, dtype=torch.float64)),
          lambda: F.conv2d(x, torch.randn(4, 16, 1, dtype=torch.float64)),
          lambda: F.conv2d(x, blk.reduce.weight.float())]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
