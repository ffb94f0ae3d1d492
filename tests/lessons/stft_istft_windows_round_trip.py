# A signal-processing lesson without torchaudio: the window functions, torch.stft with its options
# (center, normalized, onesided, return_complex), magnitude/power/phase of the spectrum, and istft back to a waveform.
import math
import torch

# %%
torch.manual_seed(0)
sr = 1000
t = torch.arange(0, 0.256, 1 / sr)
x = torch.sin(2 * math.pi * 50 * t) + 0.5 * torch.sin(2 * math.pi * 120 * t) + 0.1 * torch.randn(t.shape)
print(x.shape, x.dtype, x[:5])

# %%
for name, fn in [("hann", torch.hann_window), ("hamming", torch.hamming_window),
                 ("bartlett", torch.bartlett_window), ("blackman", torch.blackman_window)]:
    w = fn(8)
    wp = fn(8, periodic=False)
    print(name, w, wp.sum().item())
print(torch.kaiser_window(8), torch.kaiser_window(9, periodic=False, beta=5.0))
print(torch.hamming_window(6, periodic=True, alpha=0.5, beta=0.5))
print(torch.hann_window(1), torch.hann_window(0), torch.bartlett_window(2), torch.blackman_window(1))
print(torch.hann_window(5, dtype=torch.float64, requires_grad=True))
print(torch.kaiser_window(6, dtype=torch.float16), torch.kaiser_window(7, False, 5.0, dtype=torch.bfloat16))

# %%
for fn in [torch.hann_window, torch.kaiser_window, torch.bartlett_window]:
    try:
        fn(-1)
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.blackman_window(4, dtype=torch.int32)
except Exception as e:
    print(type(e).__name__, e)

# %%
n_fft, hop = 64, 16
window = torch.hann_window(n_fft)
X = torch.stft(x, n_fft=n_fft, hop_length=hop, window=window, return_complex=True)
print(X.shape, X.dtype, X[:3, :2])
mag = X.abs()
power = mag ** 2
phase = torch.angle(X)
print(mag.shape, power.max().item(), phase[5, :4])
print(mag.sum(), power.sum(dim=1)[:4])

# %%
Xn = torch.stft(x, n_fft, hop_length=hop, window=window, center=False, normalized=True, return_complex=True)
print(Xn.shape, Xn.abs().max())
Xf = torch.stft(x, n_fft, hop, window=window, onesided=False, return_complex=True)
print(Xf.shape, (Xf[1] - Xf[-1].conj()).abs().max())
Xr = torch.stft(x, n_fft, hop, win_length=48, window=torch.hamming_window(48), pad_mode="constant", return_complex=True)
print(Xr.shape, Xr[10, 7])
Xd = torch.stft(x.double(), 32, return_complex=True)
print(Xd.dtype, Xd.shape, Xd[0, 0])

# %%
batch = torch.stack([x, x.flip(0)])
B = torch.stft(batch, n_fft, hop, window=window, return_complex=True)
print(B.shape, torch.view_as_real(B).shape)

# %%
try:
    torch.stft(x, n_fft, hop, window=window)
except Exception as e:
    print(type(e).__name__, e)

# %%
try:
    torch.stft(x, n_fft, hop, window=torch.hann_window(32), return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(x, n_fft, hop, win_length=80, return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(x[:10], n_fft, hop, center=False, return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(x, n_fft, hop_length=0, return_complex=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
y = torch.istft(X, n_fft=n_fft, hop_length=hop, window=window, length=x.shape[0])
print(y.shape, (y - x).abs().max() < 1e-5)
y2 = torch.istft(X, n_fft, hop, window=window)
print(y2.shape)
yn = torch.istft(Xn, n_fft, hop, window=window, center=False, normalized=True)
print(yn.shape, (yn - x[: yn.shape[0]]).abs()[n_fft:-n_fft].max() < 1e-5)

# %%
try:
    torch.istft(X, n_fft, hop, window=torch.hann_window(32))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.istft(X.abs(), n_fft, hop, window=window)
except Exception as e:
    print(type(e).__name__, e)
try:
    gappy = torch.ones(n_fft).index_fill(0, torch.tensor([0, 1, 2, 3, 4, 5, 60, 61, 62, 63]), 0.0)
    torch.istft(X, n_fft, hop, window=gappy, center=False)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Griffin-Lim by hand: keep the magnitude, iterate the phase, and a gradient through polar / istft
mag = X.abs()
angles = torch.rand(mag.shape) * 2 * math.pi
Z = torch.polar(mag, angles)
for i in range(4):
    y_gl = torch.istft(Z, n_fft, hop, window=window, length=x.shape[0])
    R = torch.stft(y_gl, n_fft, hop, window=window, return_complex=True)
    Z = mag * torch.exp(1j * torch.angle(R))
    print(i, (R.abs() - mag).abs().mean())
m = mag.clone().requires_grad_()
ph = (X.real * 0.5).detach().requires_grad_()
out = torch.istft(torch.polar(m, ph), n_fft, hop, window=window, length=x.shape[0])
out.pow(2).mean().backward()
print(out.grad_fn.name(), m.grad[:2, :3], ph.grad[:2, :3])
