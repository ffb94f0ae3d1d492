# Imitates MIT 6.390 / 6.036 (Introduction to Machine Learning) homework and labs on neural networks in PyTorch:
# a small network from modules (Linear, ReLU/Tanh, Softmax with NLL by hand and with nn.NLLLoss), the "make a
# network by hand" exercises (weights set under no_grad), L2 regularisation by hand vs SGD weight_decay, dropout in
# train and eval mode, and the CNN homework: 1-d and 2-d filters by hand (F.conv1d / F.conv2d with chosen kernels,
# padding="same", an edge detector, max pooling, output-size arithmetic), compared with numpy's convolve.
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np

# %%
torch.manual_seed(0)
X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = torch.tensor([0, 1, 1, 0])   # XOR

model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 2), nn.Softmax(dim=1))
print(model)
P = model(X)
print(P.sum(dim=1))
# NLL by hand on the softmax output, and nn.NLLLoss on its log
nll_hand = -torch.log(P[torch.arange(4), Y]).mean()
print(nll_hand, nn.NLLLoss()(torch.log(P), Y))
# a learner leaves out dim
sm = nn.Softmax()
print(sm)
out = sm(torch.tensor([[1.0, 2.0, 3.0]]))
print(out)

# %%
# "Make a network by hand": set the weights so that the hidden units compute x1 + x2 - 0.5 and x1 + x2 - 1.5
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
with torch.no_grad():
    net[0].weight.copy_(torch.tensor([[1.0, 1.0], [1.0, 1.0]]))
    net[0].bias.copy_(torch.tensor([-0.5, -1.5]))
    net[2].weight[:] = torch.tensor([[2.0, -4.0]])
    net[2].bias.fill_(0.0)
print(net(X).squeeze(1))
print(net[0].weight.requires_grad, net[2].weight)
try:
    net[0].bias.copy_(torch.tensor([0.0, 0.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    with torch.no_grad():
        net[0].weight.copy_(torch.tensor([1.0, 1.0, 1.0]))
except Exception as e:
    print(type(e).__name__, e)
print(net.state_dict().keys())
print({k: tuple(v.shape) for k, v in net.state_dict().items()})

# %%
# L2 regularisation: lambda * ||W||^2 by hand vs SGD's weight_decay (which adds weight_decay * w to the gradient)
def make(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))

Xr = torch.randn(8, 2)
yr = (Xr[:, :1] * 2 - Xr[:, 1:]) + 0.1 * torch.randn(8, 1)
lam = 0.05
m1, m2 = make(1), make(1)
opt1 = torch.optim.SGD(m1.parameters(), lr=0.1)
opt2 = torch.optim.SGD(m2.parameters(), lr=0.1, weight_decay=2 * lam)
for step in range(5):
    opt1.zero_grad(); opt2.zero_grad()
    l1 = F.mse_loss(m1(Xr), yr) + lam * sum((p ** 2).sum() for p in m1.parameters())
    l2 = F.mse_loss(m2(Xr), yr)
    l1.backward(); l2.backward()
    opt1.step(); opt2.step()
print(l1, l2)
print(all(torch.allclose(a, b, atol=1e-6) for a, b in zip(m1.parameters(), m2.parameters())))
print(sum(p.pow(2).sum() for p in m1.parameters()))
print(torch.nn.utils.parameters_to_vector(m1.parameters()).shape)
# weight decay only on weights: two parameter groups
decay = [p for n, p in m2.named_parameters() if n.endswith("weight")]
no_decay = [p for n, p in m2.named_parameters() if n.endswith("bias")]
opt3 = torch.optim.SGD([{"params": decay, "weight_decay": 0.1}, {"params": no_decay}], lr=0.1)
print([g["weight_decay"] for g in opt3.param_groups], [len(g["params"]) for g in opt3.param_groups])
try:
    torch.optim.SGD(m2.parameters(), lr=0.1, weight_decay=-0.1)
except Exception as e:
    print(type(e).__name__, e)

# %%
# dropout: train vs eval
torch.manual_seed(2)
drop = nn.Dropout(p=0.5)
h = torch.ones(2, 6)
print(drop(h))
drop.eval()
print(drop(h))
print(F.dropout(h, p=0.5, training=False).equal(h))
try:
    nn.Dropout(p=1.5)
except Exception as e:
    print(type(e).__name__, e)

# %%
# CNN homework: 1-d filters by hand
x = torch.tensor([0.0, 0, 1, 1, 1, 0, -1, -1, 0, 0])
k = torch.tensor([-1.0, 1.0])
out = F.conv1d(x.view(1, 1, -1), k.view(1, 1, -1))
print(out)
print(out.shape, "= n - k + 1 =", x.numel() - k.numel() + 1)
# PyTorch's conv is cross-correlation: numpy's convolve flips the kernel
print(np.convolve(x.numpy(), k.numpy(), mode="valid"))
print(F.conv1d(x.view(1, 1, -1), torch.flip(k, dims=[0]).view(1, 1, -1)).squeeze())
# padding="same" keeps the length (even kernels pad more on the right)
print(F.conv1d(x.view(1, 1, -1), torch.ones(1, 1, 3) / 3, padding="same"))
print(F.conv1d(x.view(1, 1, -1), k.view(1, 1, -1), padding="same"))
try:
    F.conv1d(x.view(1, 1, -1), k.view(1, 1, -1), padding="same", stride=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv1d(x, k)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv1d(x.view(1, 1, -1), torch.tensor([[[-1, 1]]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv1d(x.view(1, 1, -1), k.view(1, 1, -1), padding="full")
except Exception as e:
    print(type(e).__name__, e)

# %%
# 2-d filters: an image with a bright square, a vertical edge detector and max pooling
img = torch.zeros(1, 1, 6, 6)
img[0, 0, 1:4, 2:5] = 1.0
sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
edges = F.conv2d(img, sobel_x.view(1, 1, 3, 3), padding=1)
print(edges[0, 0])
pooled = F.max_pool2d(edges.abs(), kernel_size=2)
print(pooled.shape, pooled[0, 0])
vals, idx = F.max_pool2d(edges, 2, return_indices=True)
print(idx[0, 0])
print(F.max_pool2d(edges, kernel_size=3, stride=2, ceil_mode=True).shape)
print(F.avg_pool2d(img, 2)[0, 0])
# output size (n + 2p - k) / s + 1 for a strided convolution
conv = nn.Conv2d(1, 2, kernel_size=3, stride=2, padding=1, bias=False)
with torch.no_grad():
    conv.weight[0, 0] = sobel_x
    conv.weight[1, 0] = sobel_x.T
print(conv(img).shape, conv(img)[0, 1])
print(conv.weight.shape, conv.bias)
try:
    conv(img.squeeze(0).squeeze(0))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(img, sobel_x.view(1, 1, 3, 3), padding=1, groups=2)
except Exception as e:
    print(type(e).__name__, e)

# %%
# gradient of a filter: learn the edge detector from its own output
torch.manual_seed(3)
w = torch.randn(1, 1, 3, 3, requires_grad=True)
target = edges.detach()
opt = torch.optim.SGD([w], lr=0.05)
for step in range(30):
    opt.zero_grad()
    loss = F.mse_loss(F.conv2d(img, w, padding=1), target)
    loss.backward()
    opt.step()
print(round(loss.item(), 5))
print(w.detach().squeeze().round(decimals=2))
print(w.grad.squeeze())
