# Imitates a signal-processing lesson: the spectrum of a sum of sines with torch.fft, frequency bins, magnitude and
# phase, shifting the spectrum, the inverse transform, and the complex-number mistakes learners make.
import math
import torch

# %%
fs = 64
N = 64
t = torch.arange(N) / fs
signal = torch.sin(2 * math.pi * 5 * t) + 0.5 * torch.sin(2 * math.pi * 12 * t)
X = torch.fft.fft(signal)
print(X.shape, X.dtype)
X[:8]

# %%
freqs = torch.fft.fftfreq(N, d=1 / fs)
print(freqs[:10])
mag = X.abs()
print(mag.dtype, mag[:16])
peak = torch.argmax(mag[: N // 2])
print("peak bin", peak.item(), "at", freqs[peak].item(), "Hz")

# %%
top = torch.topk(mag[: N // 2], 2)
print(top.indices, freqs[top.indices])
print(X.angle()[[5, 12]])

# %%
Xs = torch.fft.fftshift(X)
fs_shift = torch.fft.fftshift(freqs)
print(fs_shift[:4], fs_shift[-4:])
print(torch.fft.ifftshift(fs_shift)[:4])
Xs.abs()[26:34]

# %%
back = torch.fft.ifft(X)
print(back.dtype)
print(back.real[:6])
print(back.imag.abs().max() < 1e-5)
print(torch.allclose(back.real, signal, atol=1e-6))

# %%
R = torch.fft.rfft(signal)
print(R.shape, R.dtype)
print(torch.fft.rfftfreq(N, d=1 / fs)[:6])
print(R.abs()[[5, 12]])
torch.fft.irfft(R, n=N)[:6]

# %%
Ro = torch.fft.rfft(signal, norm="ortho")
print(Ro.abs()[5], (signal ** 2).sum(), (Ro.abs() ** 2).sum())
Rf = torch.fft.rfft(signal, norm="forward")
Rf[[0, 5, 12]]

# %%
short = torch.fft.fft(signal[:10], n=16)
print(short.shape)
short[:4]

# %%
batch = torch.stack([signal, 2 * signal, signal.flip(0)])
B = torch.fft.rfft(batch, dim=-1)
print(B.shape, B.abs().argmax(dim=1))
power = (B.real ** 2 + B.imag ** 2)
power[:, 5]

# %%
torch.max(X)

# %%
X < 0

# %%
float(X[5])

# %%
mag_db = 20 * torch.log10(mag + 1e-12)
mag_db[:6]

# %%
X.sum(), X.mean()

# %%
torch.fft.fft(signal, norm="half")
