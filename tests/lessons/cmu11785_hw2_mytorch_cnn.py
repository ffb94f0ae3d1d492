# Imitates CMU 11-785 HW2P1 ("mytorch" CNN): numpy Conv1d_stride1 / Conv2d_stride1 followed by Downsample1d/2d,
# ConvTranspose1d/2d built as Upsample + stride-1 conv, MaxPool2d / MeanPool2d with kernel and stride, Flatten, each
# checked with np.allclose against torch.nn.Conv1d / Conv2d / ConvTranspose1d / ConvTranspose2d / MaxPool2d /
# AvgPool2d / Flatten whose weights are copied in with torch.no_grad() or `.data =`, plus the toy CNN of the
# autograder (conv -> ReLU -> flatten -> linear) compared layer by layer.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

np.random.seed(11785)
torch.manual_seed(11785)

class Conv1d_stride1:
    def __init__(self, in_channels, out_channels, kernel_size):
        self.K = kernel_size
        self.W = np.random.normal(0, 1.0, (out_channels, in_channels, kernel_size))
        self.b = np.zeros(out_channels)
    def forward(self, A):
        self.A = A
        N, C, L = A.shape
        Lout = L - self.K + 1
        Z = np.zeros((N, self.W.shape[0], Lout))
        for i in range(Lout):
            Z[:, :, i] = np.tensordot(A[:, :, i:i + self.K], self.W, axes=([1, 2], [1, 2])) + self.b
        return Z
    def backward(self, dLdZ):
        self.dLdb = dLdZ.sum(axis=(0, 2))
        self.dLdW = np.zeros_like(self.W)
        for k in range(self.K):
            self.dLdW[:, :, k] = np.tensordot(dLdZ, self.A[:, :, k:k + dLdZ.shape[2]], axes=([0, 2], [0, 2]))
        padded = np.pad(dLdZ, ((0, 0), (0, 0), (self.K - 1, self.K - 1)))
        flipped = self.W[:, :, ::-1]
        dLdA = np.zeros_like(self.A)
        for i in range(self.A.shape[2]):
            dLdA[:, :, i] = np.tensordot(padded[:, :, i:i + self.K], flipped, axes=([1, 2], [0, 2]))
        return dLdA

class Downsample1d:
    def __init__(self, factor):
        self.k = factor
    def forward(self, A):
        self.Win = A.shape[2]
        return A[:, :, ::self.k]
    def backward(self, dLdZ):
        dLdA = np.zeros(dLdZ.shape[:2] + (self.Win,))
        dLdA[:, :, ::self.k] = dLdZ
        return dLdA

class Upsample1d:
    def __init__(self, factor):
        self.k = factor
    def forward(self, A):
        N, C, W = A.shape
        Z = np.zeros((N, C, self.k * (W - 1) + 1))
        Z[:, :, ::self.k] = A
        return Z
    def backward(self, dLdZ):
        return dLdZ[:, :, ::self.k]

x = np.random.randn(2, 3, 11)
for stride in [1, 2, 3]:
    conv = Conv1d_stride1(3, 4, 3)
    down = Downsample1d(stride)
    ref = nn.Conv1d(3, 4, 3, stride=stride, dtype=torch.float64)
    with torch.no_grad():
        ref.weight.copy_(torch.tensor(conv.W))
        ref.bias.zero_()
    xt = torch.tensor(x, requires_grad=True)
    zt = ref(xt)
    z = down.forward(conv.forward(x))
    g = np.random.randn(*z.shape)
    zt.backward(torch.tensor(g))
    dx = conv.backward(down.backward(g))
    print(stride, ref, zt.shape, z.shape, np.allclose(z, zt.detach().numpy()),
          np.allclose(dx, xt.grad.numpy()), np.allclose(conv.dLdW, ref.weight.grad.numpy()),
          np.allclose(conv.dLdb, ref.bias.grad.numpy()))
print(zt.grad_fn, ref.weight.grad.dtype)

# %%
# ConvTranspose1d as upsample + stride-1 conv with the kernel flipped and in/out channels swapped
up = Upsample1d(2)
convT = nn.ConvTranspose1d(3, 4, 3, stride=2, bias=False, dtype=torch.float64)
print(convT, convT.weight.shape)
x = np.random.randn(2, 3, 5)
xt = torch.tensor(x, requires_grad=True)
yt = convT(xt)
conv = Conv1d_stride1(3, 4, 3)
conv.W = convT.weight.detach().numpy().transpose(1, 0, 2)[:, :, ::-1]
y = conv.forward(np.pad(up.forward(x), ((0, 0), (0, 0), (2, 2))))
print(yt.shape, y.shape, np.allclose(y, yt.detach().numpy()))
yt.sum().backward()
print(xt.grad.shape, yt.grad_fn)
try:
    nn.ConvTranspose1d(3, 4, 3, stride=2)(torch.randn(2, 4, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.ConvTranspose1d(3, 4, 3, stride=2, output_padding=2)(torch.randn(2, 3, 5))
except Exception as e:
    print(type(e).__name__, e)
print(nn.ConvTranspose1d(3, 4, 3, stride=2, output_padding=1)(torch.randn(2, 3, 5)).shape)
try:
    nn.Conv1d(3, 4, 3)(torch.randn(2, 3, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Conv1d(3, 4, 3)(torch.randn(2, 3, 5, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)

# %%
class Conv2d_stride1:
    def __init__(self, in_channels, out_channels, kernel_size):
        self.K = kernel_size
        self.W = np.random.normal(0, 1.0, (out_channels, in_channels, kernel_size, kernel_size))
        self.b = np.random.normal(0, 1.0, out_channels)
    def forward(self, A):
        N, C, H, W = A.shape
        Ho, Wo = H - self.K + 1, W - self.K + 1
        Z = np.zeros((N, self.W.shape[0], Ho, Wo))
        for i in range(Ho):
            for j in range(Wo):
                Z[:, :, i, j] = np.tensordot(A[:, :, i:i + self.K, j:j + self.K], self.W, axes=([1, 2, 3], [1, 2, 3]))
        return Z + self.b.reshape(1, -1, 1, 1)

conv = Conv2d_stride1(2, 3, 3)
ref = nn.Conv2d(2, 3, 3, stride=2, padding=0)
ref.weight.data = torch.tensor(conv.W, dtype=torch.float32)
ref.bias.data = torch.tensor(conv.b, dtype=torch.float32)
x = np.random.randn(1, 2, 7, 8).astype(np.float32)
zt = ref(torch.tensor(x))
z = conv.forward(x)[:, :, ::2, ::2]
print(ref, zt.shape, z.shape, zt.dtype, z.dtype, np.allclose(z, zt.detach().numpy(), atol=1e-5))
print(ref.weight.dtype, ref.weight.requires_grad, type(ref.weight).__name__)
upsampled = F.interpolate(torch.tensor(x), scale_factor=2, mode="nearest")
print(upsampled.shape, nn.Upsample(scale_factor=2))
convT2 = nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1)
print(convT2, convT2(torch.tensor(x)).shape)
try:
    nn.ConvTranspose2d(2, 3, 3, stride=2, output_padding=2)(torch.tensor(x))
except Exception as e:
    print(type(e).__name__, e)

# %%
class MaxPool2d_stride1:
    def __init__(self, kernel):
        self.kernel = kernel
    def forward(self, A):
        self.A = A
        N, C, H, W = A.shape
        k = self.kernel
        Z = np.zeros((N, C, H - k + 1, W - k + 1))
        self.idx = {}
        for i in range(H - k + 1):
            for j in range(W - k + 1):
                win = A[:, :, i:i + k, j:j + k].reshape(N, C, -1)
                Z[:, :, i, j] = win.max(axis=2)
                self.idx[i, j] = win.argmax(axis=2)
        return Z
    def backward(self, dLdZ):
        dLdA = np.zeros_like(self.A)
        N, C = dLdZ.shape[:2]
        k = self.kernel
        for (i, j), am in self.idx.items():
            for n in range(N):
                for c in range(C):
                    r, s = divmod(am[n, c], k)
                    dLdA[n, c, i + r, j + s] += dLdZ[n, c, i, j]
        return dLdA

class MeanPool2d_stride1:
    def __init__(self, kernel):
        self.kernel = kernel
    def forward(self, A):
        k = self.kernel
        N, C, H, W = A.shape
        Z = np.zeros((N, C, H - k + 1, W - k + 1))
        for i in range(H - k + 1):
            for j in range(W - k + 1):
                Z[:, :, i, j] = A[:, :, i:i + k, j:j + k].mean(axis=(2, 3))
        return Z

x = np.random.randn(2, 2, 6, 6)
for k, s in [(2, 1), (2, 2), (3, 3)]:
    xt = torch.tensor(x, requires_grad=True)
    ref = nn.MaxPool2d(k, stride=s)
    zt = ref(xt)
    mp = MaxPool2d_stride1(k)
    z = mp.forward(x)[:, :, ::s, ::s]
    g = np.random.randn(*z.shape)
    zt.backward(torch.tensor(g))
    gfull = np.zeros(mp.forward(x).shape)
    gfull[:, :, ::s, ::s] = g
    dx = mp.backward(gfull)
    avg = nn.AvgPool2d(k, stride=s)
    print(ref, avg, zt.shape, np.allclose(z, zt.detach().numpy()), np.allclose(dx, xt.grad.numpy()),
          np.allclose(MeanPool2d_stride1(k).forward(x)[:, :, ::s, ::s], avg(torch.tensor(x)).numpy()))
pooled, idx = F.max_pool2d(torch.tensor(x), 2, 2, return_indices=True)
print(idx[0, 0], idx.dtype)
try:
    nn.MaxPool2d(7)(torch.tensor(x))
except Exception as e:
    print(type(e).__name__, e)

# %%
class Flatten:
    def forward(self, A):
        self.shape = A.shape
        return A.reshape(A.shape[0], -1)
    def backward(self, dLdZ):
        return dLdZ.reshape(self.shape)

torch.manual_seed(0)
model = nn.Sequential(nn.Conv1d(4, 6, 3, stride=2), nn.ReLU(), nn.Conv1d(6, 2, 2), nn.Flatten(), nn.Linear(8, 3))
print(model)
x = torch.randn(5, 4, 11)
acts = [x]
for layer in model:
    acts.append(layer(acts[-1]))
    print(f"{type(layer).__name__:8s} {tuple(acts[-1].shape)}")
fl = Flatten()
print(np.allclose(fl.forward(acts[3].detach().numpy()), acts[4].detach().numpy()))
loss = F.cross_entropy(acts[-1], torch.tensor([0, 1, 2, 1, 0]))
loss.backward()
print(loss, [tuple(p.grad.shape) for p in model.parameters()])
print(nn.Flatten(0, 1)(x).shape, nn.Unflatten(1, (2, 2))(torch.randn(3, 4)).shape)
try:
    nn.Flatten()(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
model[0].weight.grad.norm(), model[-1].bias.grad
