# A MobileNet lesson: a depthwise-separable block (3x3 depthwise with groups=C, then a 1x1 pointwise conv) built with
# nn.Conv2d, its parameter count against a full conv, weight gradients of both convs (float64, and a 5x5
# depthwise conv on one image), a grouped conv split into per-group convs by hand to show the gradients agree, and groups errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=8)


class DWSeparable(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.dw = nn.Conv2d(cin, cin, 3, stride=stride, padding=1, groups=cin, bias=False)
        self.bn = nn.BatchNorm2d(cin)
        self.pw = nn.Conv2d(cin, cout, 1)

    def forward(self, x):
        return F.relu6(self.pw(F.relu6(self.bn(self.dw(x)))))


blk = DWSeparable(8, 16, stride=2).double()
full = nn.Conv2d(8, 16, 3, padding=1)
print(sum(p.numel() for p in blk.parameters()), sum(p.numel() for p in full.parameters()))
x = torch.randn(5, 8, 10, 10, dtype=torch.float64)
y = blk(x)
print(y.shape, y.grad_fn.name())
y.mean().backward()
print(blk.dw.weight.grad.shape, blk.dw.weight.grad.sum().item())
print(blk.dw.weight.grad[3, 0])
print(blk.pw.weight.grad[:3, :5, 0, 0])
print(blk.pw.bias.grad[:4], blk.bn.weight.grad[:4])

# %%
# groups=2 by hand: two convs over the channel halves, their gradients side by side
w = torch.randn(6, 4, 3, 3, dtype=torch.float64, requires_grad=True)
xx = torch.randn(3, 8, 6, 6, dtype=torch.float64, requires_grad=True)
g = torch.randn(3, 6, 4, 4, dtype=torch.float64)
F.conv2d(xx, w, groups=2).backward(g)
w2 = w.detach().clone().requires_grad_()
parts = [F.conv2d(xx[:, 4 * i:4 * i + 4], w2[3 * i:3 * i + 3]) for i in range(2)]
torch.cat(parts, 1).backward(g)
print(torch.equal(w.grad, w2.grad), w.grad[4, 1])
print(w.grad.sum().item())

# %%
# a 5x5 depthwise block on one image, in float64
torch.manual_seed(3)
dw = nn.Conv2d(4, 4, 5, padding=2, groups=4).double()
dw(torch.randn(1, 4, 9, 9, dtype=torch.float64)).sigmoid().sum().backward()
print(dw.weight.grad[1, 0])
print(dw.weight.grad.sum().item(), dw.bias.grad)

# %%
for f in [lambda: nn.Conv2d(8, 12, 3, groups=3), lambda: F.conv2d(x, torch.randn(8, 2, 3, 3, dtype=torch.float64), groups=8),
          lambda: nn.Conv2d(6, 6, 3, groups=0)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
