# Imitates a climate-spectra lesson: 2-D power spectra of a gridded field with torch.fft.rfft2 / fftfreq / rfftfreq,
# radially binned spectra via bucketize + bincount(weights), a spectral low-pass, and gradients through rfft2.
import math
import torch
torch.manual_seed(0)
ny, nx = 8, 12
dy, dx = 0.5, 0.25
yy, xx = torch.meshgrid(torch.arange(ny) * dy, torch.arange(nx) * dx, indexing="ij")
f = torch.sin(2 * math.pi * xx / 1.5) + 0.5 * torch.cos(2 * math.pi * yy / 2.0) + 0.1 * torch.randn(ny, nx)
F2 = torch.fft.rfft2(f)
print(F2.shape, F2.dtype, F2[0, :4])
ky = torch.fft.fftfreq(ny, d=dy)
kx = torch.fft.rfftfreq(nx, d=dx)
print(ky, kx, ky.dtype, torch.fft.fftfreq(5), torch.fft.fftfreq(4, 0.1, dtype=torch.float64))
print(torch.fft.fftshift(ky), torch.fft.rfftfreq(7, d=2.0))
P = F2.abs() ** 2 / (ny * nx)
K = torch.sqrt(ky[:, None] ** 2 + kx[None, :] ** 2)
edges = torch.linspace(0, K.max().item(), 6)
idx = torch.bucketize(K.flatten(), edges)
spec = torch.bincount(idx, weights=P.flatten().double(), minlength=7)
print(idx[:10], spec, spec.dtype)
print(torch.fft.rfft2(f, norm="ortho")[1, :3], torch.fft.rfft2(f, s=(4, 6)).shape, torch.fft.rfft2(f, dim=(0,)).shape)

# %%
lp = (K < 1.0).to(F2.dtype)
smooth = torch.fft.irfft2(F2 * lp, s=f.shape)
print(smooth.shape, smooth.dtype, smooth[0, :5], (f - smooth).std())
g = f.clone().requires_grad_(True)
S = torch.fft.rfft2(g)
power = (S.real ** 2 + S.imag ** 2).sum()
power.backward()
print(power, S.grad_fn.name(), power.grad_fn.name(), g.grad[0, :4])
g2 = f.clone().requires_grad_(True)
sm2 = torch.fft.irfft2(torch.fft.rfft2(g2) * lp, s=g2.shape)
(sm2 * torch.arange(12.0)).sum().backward()
print(sm2.grad_fn.name(), g2.grad[1, :5])
g3 = f.double().requires_grad_(True)
a = torch.fft.rfft2(g3, norm="forward").abs().sum()
a.backward()
print(a, g3.grad[2, :4])
try:
    torch.fft.rfft2(F2)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.fft.rfft2(torch.randn(5))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.fft.fftfreq(4, d=0.0)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.fft.fftfreq(4, d=0.0))
