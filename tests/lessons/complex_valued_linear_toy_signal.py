# Imitates a complex-valued neural network tutorial: a complex nn.Linear (dtype=torch.cfloat) and a hand-made complex
# weight trained with SGD (plain and with momentum) to map a noisy toy signal to its clean version, a loss on torch.fft.fft of the
# prediction (spectral loss) and on magnitudes, with the complex gradients of the weights printed along the way.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
n = 16
t = torch.arange(n, dtype=torch.float32) / n
clean = torch.exp(2j * math.pi * 3 * t)            # complex tone
noisy = clean + 0.1 * torch.randn(n, dtype=torch.cfloat)
print(clean.dtype, noisy.dtype, noisy.shape, noisy[:2])

# %%
layer = nn.Linear(n, n, dtype=torch.cfloat)
print(layer.weight.dtype, layer.bias.dtype, layer.weight.shape, layer.weight[0, :2])
out = layer(noisy)
loss = (out - clean).abs().pow(2).mean()
print(out.dtype, loss.dtype, type(out.grad_fn).__name__, type(loss.grad_fn).__name__)
loss.backward()
print(loss, layer.weight.grad[0, :2], layer.bias.grad[:3])

# %%
opt = torch.optim.SGD(layer.parameters(), lr=0.05)
for step in range(30):
    opt.zero_grad()
    loss = (layer(noisy) - clean).abs().pow(2).mean()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, loss.item())
print(layer.bias.grad.abs().max())

# %%
nd, cd = noisy.to(torch.cdouble), clean.to(torch.cdouble)
W = torch.zeros(n, n, dtype=torch.cdouble, requires_grad=True)
opt = torch.optim.SGD([W], lr=0.1, momentum=0.9)
for step in range(20):
    opt.zero_grad()
    pred = nd @ W.T
    spec_loss = (torch.fft.fft(pred) - torch.fft.fft(cd)).abs().mean()
    mag_loss = (pred.abs() - cd.abs()).pow(2).mean()
    loss = spec_loss + mag_loss
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, spec_loss.item(), mag_loss.item())
print(W.grad.dtype, W.grad[0, :2], type(spec_loss.grad_fn).__name__)

# %%
x = torch.randn(4, dtype=torch.cdouble, requires_grad=True)
X = torch.fft.fft(x)
power = (X * X.conj()).real.sum()
power.backward()
print(type(X.grad_fn).__name__, power, x.grad)
print(torch.allclose(x.grad, 2 * 4 * x.detach()))   # Parseval: sum |X|^2 = n sum |x|^2

# %%
xr = torch.randn(8, dtype=torch.double, requires_grad=True)
R = torch.fft.rfft(xr)
R.abs().sum().backward()
print(R.shape, R.dtype, type(R.grad_fn).__name__, xr.grad)
try:
    torch.fft.fft(x).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    layer(noisy.real)
except Exception as e:
    print(type(e).__name__, e)
