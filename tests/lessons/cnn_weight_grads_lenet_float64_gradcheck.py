# A "check your CNN's gradients" lesson (as CS231n / d2l readers do before trusting a hand-built LeNet): LeNet-5 in
# float64 on a small batch, conv.weight.grad printed at full precision and compared with finite differences and
# torch.autograd.gradcheck, then the same layer in float32 on a single image, and shape errors of a wrong input.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=10)


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(torch.sigmoid(self.conv1(x)), 2)
        x = F.max_pool2d(torch.sigmoid(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc3(torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x)))))


net = LeNet().double()
X = torch.randn(8, 1, 28, 28, dtype=torch.float64)
y = torch.randint(0, 10, (8,))
loss = F.cross_entropy(net(X), y)
loss.backward()
print(loss.item(), loss.grad_fn.name())
print(net.conv1.weight.grad.dtype, net.conv1.weight.grad.shape)
print(net.conv1.weight.grad[0, 0])
print(net.conv2.weight.grad.sum().item(), net.conv2.weight.grad.abs().max().item())
print(net.conv2.weight.grad[3, :2, 0])
print(net.conv1.bias.grad)

# %%
# central differences on a few taps of conv1 and conv2
def numeric(layer, idx, eps=1e-6):
    w = layer.weight
    with torch.no_grad():
        old = w[idx].item()
        w[idx] = old + eps
        lp = F.cross_entropy(net(X), y).item()
        w[idx] = old - eps
        lm = F.cross_entropy(net(X), y).item()
        w[idx] = old
    return (lp - lm) / (2 * eps)


for layer, idx in [(net.conv1, (0, 0, 2, 2)), (net.conv1, (5, 0, 4, 0)), (net.conv2, (7, 3, 1, 1))]:
    a, n = layer.weight.grad[idx].item(), numeric(layer, idx)
    print(idx, f"{a:.12e}", abs(a - n) < 1e-7)

# %%
# a stride-2 conv and a depthwise one under gradcheck (float64, as gradcheck wants)
w = torch.randn(4, 3, 3, 3, dtype=torch.float64, requires_grad=True)
x = torch.randn(2, 3, 7, 7, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda x, w: F.conv2d(x, w, stride=2, padding=1), (x, w)))
wd = torch.randn(3, 1, 3, 3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda x, w: F.conv2d(x, w, groups=3), (x, wd)))
out = F.conv2d(x, w, stride=2, padding=1)
out.backward(torch.ones_like(out))
print(out.grad_fn, out.shape, w.grad.sum().item())
print(w.grad[1])

# %%
# one image in float32 (the way a learner debugs a single example)
torch.manual_seed(1)
conv = nn.Conv2d(3, 8, 3, padding=1)
img = torch.randn(1, 3, 12, 12)
out = conv(img).relu().mean()
out.backward()
print(conv.weight.grad.dtype, conv.weight.grad.sum().item())
print(conv.weight.grad[2])
print(conv.bias.grad)

# %%
for bad in [torch.randn(8, 3, 28, 28, dtype=torch.float64), torch.randn(8, 1, 28, 28)]:
    try:
        net(bad)
    except Exception as e:
        print(type(e).__name__, e)
