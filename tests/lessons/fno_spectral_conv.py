# Imitates a Fourier neural operator lesson: a spectral convolution layer whose weights are complex parameters,
# rfft / einsum over the kept modes / irfft in 1-d and 2-d, a training step, and the errors along the way.
import torch
import torch.nn as nn

# %%
class SpectralConv1d(nn.Module):
    def __init__(self, in_channels, out_channels, modes):
        super().__init__()
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.modes = modes
        self.scale = 1 / (in_channels * out_channels)
        self.weights = nn.Parameter(self.scale * torch.rand(in_channels, out_channels, modes, dtype=torch.cfloat))

    def compl_mul1d(self, input, weights):
        return torch.einsum("bix,iox->box", input, weights)

    def forward(self, x):
        batchsize = x.shape[0]
        x_ft = torch.fft.rfft(x)
        out_ft = torch.zeros(batchsize, self.out_channels, x.size(-1) // 2 + 1, dtype=torch.cfloat)
        out_ft[:, :, :self.modes] = self.compl_mul1d(x_ft[:, :, :self.modes], self.weights)
        return torch.fft.irfft(out_ft, n=x.size(-1))

torch.manual_seed(0)
layer = SpectralConv1d(2, 3, 4)
print(layer.weights.dtype, layer.weights.shape)
print(layer.weights[0, 0])
x = torch.randn(4, 2, 16)
y = layer(x)
print(y.shape, y.grad_fn)
y[0, 0, :6]

# %%
for name, p in layer.named_parameters():
    print(name, p.dtype, p.is_complex(), p.numel())
sum(p.numel() for p in layer.parameters())

# %%
x_ft = torch.fft.rfft(x)
print(x_ft.shape, x_ft.grad_fn)
print(x_ft[0, 0, :3])
torch.fft.irfft(x_ft, n=16)[0, 0, :4]

# %%
target = torch.randn(4, 3, 16)
loss = ((layer(x) - target) ** 2).mean()
loss.backward()
print(loss)
print(layer.weights.grad.dtype, layer.weights.grad.shape)
layer.weights.grad[0, 0]

# %%
opt = torch.optim.SGD(layer.parameters(), lr=0.5)
for step in range(3):
    opt.zero_grad()
    loss = ((layer(x) - target) ** 2).mean()
    loss.backward()
    opt.step()
    print(step, loss.item())

# %%
class SpectralConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, modes1, modes2):
        super().__init__()
        self.out_channels = out_channels
        self.modes1, self.modes2 = modes1, modes2
        scale = 1 / (in_channels * out_channels)
        self.weights1 = nn.Parameter(scale * torch.rand(in_channels, out_channels, modes1, modes2, dtype=torch.cfloat))
        self.weights2 = nn.Parameter(scale * torch.rand(in_channels, out_channels, modes1, modes2, dtype=torch.cfloat))

    def forward(self, x):
        b = x.shape[0]
        x_ft = torch.fft.rfft2(x)
        out_ft = torch.zeros(b, self.out_channels, x.size(-2), x.size(-1) // 2 + 1, dtype=torch.cfloat)
        m1, m2 = self.modes1, self.modes2
        out_ft[:, :, :m1, :m2] = torch.einsum("bixy,ioxy->boxy", x_ft[:, :, :m1, :m2], self.weights1)
        out_ft[:, :, -m1:, :m2] = torch.einsum("bixy,ioxy->boxy", x_ft[:, :, -m1:, :m2], self.weights2)
        return torch.fft.irfft2(out_ft, s=(x.size(-2), x.size(-1)))

torch.manual_seed(1)
conv2 = SpectralConv2d(1, 2, 3, 3)
img = torch.randn(2, 1, 8, 8)
out = conv2(img)
print(out.shape)
out.pow(2).sum().backward()
print(conv2.weights1.grad[0, 0, 0])
out[0, 1, 0]

# %%
xr = torch.fft.rfft2(img)
print(xr.shape, xr.dtype)
print(torch.fft.irfft2(xr, s=img.shape[-2:]).sub(img).abs().max() < 1e-5)
torch.fft.fft2(img)[0, 0, 0, :3]

# %%
w = layer.weights.detach()
x_ft = torch.fft.rfft(x)
torch.einsum("bix,iox->box", x_ft[:, :, :4].real, w)

# %%
out_ft = torch.zeros(4, 3, 9)
out_ft[:, :, :4] = torch.einsum("bix,iox->box", x_ft[:, :, :4], w)
