# Imitates a signal-processing lab using PyTorch (DSP course notebooks "FFT in torch"): a noisy two-tone signal,
# torch.fft.rfft / irfft / fft / ifft with norm modes and odd lengths, fftfreq / rfftfreq with a sample spacing,
# fftshift, low-pass filtering by zeroing bins, spectral derivatives of periodic functions (1j * k), periodic
# stencils with torch.roll (shifts and dims tuples), windowing with hann_window, learnable filter gains trained
# with Adam through irfft, gradients of spectral energy, and complex-dtype errors.
import math
import torch

torch.manual_seed(7)
torch.set_printoptions(precision=4)

# %%
fs, N = 64.0, 64
t = torch.arange(N, dtype=torch.float64) / fs
sig = torch.sin(2 * math.pi * 5 * t) + 0.5 * torch.sin(2 * math.pi * 12 * t) + 0.2 * torch.randn(N, dtype=torch.float64)
S = torch.fft.rfft(sig)
f = torch.fft.rfftfreq(N, d=1 / fs)
print(S.shape, S.dtype, f.dtype, f[:6])
mag = S.abs()
print(mag.topk(2).indices, f[mag.topk(2).indices])
print(S[:4])
print(torch.fft.fftfreq(8), torch.fft.fftfreq(7, d=0.5))
print(torch.fft.fftshift(torch.fft.fftfreq(6)), torch.fft.ifftshift(torch.arange(5)))

# %%
for norm in (None, "ortho", "forward", "backward"):
    X = torch.fft.rfft(sig, norm=norm)
    back = torch.fft.irfft(X, n=N, norm=norm)
    print(norm, X[5].abs().item(), (back - sig).abs().max().item() < 1e-12)
odd = torch.fft.irfft(torch.fft.rfft(sig[:15]), n=15)
print(odd.shape, (odd - sig[:15]).abs().max() < 1e-12)
print(torch.fft.irfft(torch.fft.rfft(sig[:15])).shape)
print(torch.fft.rfft(sig, n=10).shape, torch.fft.rfft(sig, n=100).shape)

# %%
# low-pass filter: keep bins below 8 Hz
Sf = S.clone()
Sf[f > 8] = 0
smooth = torch.fft.irfft(Sf, n=N)
print(smooth[:6], smooth.dtype)
w = torch.hann_window(N, dtype=torch.float64)
print(w[:4], torch.hann_window(5, periodic=False))
Sw = torch.fft.rfft(sig * w)
print(Sw.abs()[3:7])

# %%
# spectral derivative of a periodic function
L = 2 * math.pi
M = 32
xg = torch.arange(M, dtype=torch.float64) * L / M
u = torch.exp(torch.sin(xg))
k = torch.fft.rfftfreq(M, d=L / M) * 2 * math.pi
du = torch.fft.irfft(1j * k * torch.fft.rfft(u), n=M)
print(k.dtype, (1j * k).dtype, (du - torch.cos(xg) * u).abs().max() < 1e-10)
kfull = torch.fft.fftfreq(M, d=L / M) * 2 * math.pi
du2 = torch.fft.ifft(1j * kfull * torch.fft.fft(u))
print(du2.dtype, du2.real[:4], du2.imag.abs().max() < 1e-12)
# finite differences with roll (periodic stencil)
dx = L / M
fd = (torch.roll(u, -1) - torch.roll(u, 1)) / (2 * dx)
print((fd - du).abs().max())
A2 = torch.arange(12.0).reshape(3, 4)
print(torch.roll(A2, shifts=(1, -1), dims=(0, 1)))
print(torch.roll(A2, 5), torch.roll(A2, -1, 0))

# %%
# gradient through the spectrum: d(energy in band)/d(signal)
s = sig.clone().requires_grad_()
Sp = torch.fft.rfft(s)
band = (Sp[4:7].abs() ** 2).sum()
print(Sp.grad_fn, band.grad_fn)
band.backward()
print(s.grad[:6])
x = torch.randn(8, requires_grad=True)
y = torch.fft.irfft(torch.fft.rfft(x) * torch.tensor([1, 0.5, 0.25, 0.125, 0]), n=8)
print(y.grad_fn)
y.pow(2).sum().backward()
print(x.grad)

# %%
# learnable filter: match a target smoothed signal with Adam
target = smooth.float()
noisy = sig.float()
gains = torch.ones(N // 2 + 1, requires_grad=True)
opt = torch.optim.Adam([gains], lr=0.05)
for step in range(60):
    opt.zero_grad()
    out = torch.fft.irfft(torch.fft.rfft(noisy) * gains, n=N)
    loss = torch.mean((out - target) ** 2)
    loss.backward()
    opt.step()
    if step % 20 == 0:
        print(step, loss.item())
print(gains.detach()[:10])

# %%
c = torch.fft.fft(torch.tensor([1.0, 2.0, 0.0, -1.0]))
print(c, c.real, c.imag, c.angle(), c.conj())
print(torch.view_as_real(c))
for call in [
    lambda: torch.fft.rfft(c),
    lambda: torch.fft.fftfreq(0),
    lambda: torch.fft.irfft(torch.fft.rfft(sig), n=0),
    lambda: torch.roll(A2, (1, 2), 0),
    lambda: torch.fft.rfft(torch.arange(4)),
    lambda: torch.fft.rfft(sig, norm="bad"),
    lambda: c.abs().backward(),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
