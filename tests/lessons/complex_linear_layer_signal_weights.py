# Complex-valued linear layers for signal processing, as complex-network tutorials write them: nn.Linear with
# dtype=torch.cfloat, a hand-made complex weight learned to undo a channel (x @ W.T + b), the DFT written as a
# complex matrix product checked against torch.fft.fft, and gradients of real losses of complex outputs.
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
# %%
n = 8
k = torch.arange(n)
W = torch.exp(-2j * math.pi * torch.outer(k, k) / n).to(torch.complex64)
x = torch.randn(n)
X1 = W @ x.to(torch.complex64)
X2 = torch.fft.fft(x)
print(W.shape, W.dtype, X1.dtype)
print(torch.allclose(X1, X2, atol=1e-5), (X1 - X2).abs().max() < 1e-5)
print(torch.round(X1 * 1000) / 1000)
# %%
layer = nn.Linear(4, 3, dtype=torch.cfloat)
print(layer.weight.dtype, layer.bias.shape)
z = torch.randn(5, 4, dtype=torch.cfloat)
out = layer(z)
print(out.grad_fn, out.shape)
loss = out.abs().pow(2).mean()
loss.backward()
print(loss)
print(layer.weight.grad)
print(layer.bias.grad)
# %%
channel = torch.randn(4, 4, dtype=torch.complex128) / 2 + torch.eye(4, dtype=torch.complex128)
signal = torch.randn(64, 4, dtype=torch.complex128)
received = signal @ channel.T
Winv = torch.zeros(4, 4, dtype=torch.complex128, requires_grad=True)
bias = torch.zeros(4, dtype=torch.complex128, requires_grad=True)
opt = torch.optim.Adam([Winv, bias], lr=0.05)
for step in range(40):
    est = torch.addmm(bias, received, Winv.T)
    err = (est - signal).abs().pow(2).mean()
    opt.zero_grad()
    err.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(err.item(), 6))
print(est.grad_fn, Winv.grad.dtype)
print(torch.round(Winv.detach() @ channel, decimals=2))
# %%
A = torch.randn(3, 4, dtype=torch.cfloat, requires_grad=True)
v = torch.randn(4, dtype=torch.cfloat, requires_grad=True)
y = torch.mv(A, v)
(y.real.sum() + y.imag.sum()).backward()
print(y, y.grad_fn)
print(A.grad, v.grad)
try:
    torch.mm(A, torch.randn(4, 2))
except Exception as e:
    print(type(e).__name__, e)
