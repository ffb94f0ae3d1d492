# Inverting spectrograms: istft round trips, the window constraint (NOLA), Griffin-Lim phase reconstruction,
# and the window functions of torch.signal.windows next to torch.*_window.
import math
import torch

# %%
torch.manual_seed(1)
sr = 4000
t = torch.arange(4000) / sr
chirp = torch.sin(2 * math.pi * (200 + 300 * t) * t)
signal = chirp + 0.1 * torch.randn(4000)
n_fft, hop = 512, 128
window = torch.hann_window(n_fft)
S = torch.stft(signal, n_fft, hop_length=hop, window=window, return_complex=True)
print(S.shape, S.dtype)

# %%
recon = torch.istft(S, n_fft, hop_length=hop, window=window, length=signal.shape[0])
print(recon.shape, (recon - signal).abs().max() < 1e-5)
print(recon.grad_fn)

# %%
# istft wants the complex tensor, not the old real format
torch.istft(torch.view_as_real(S), n_fft, hop_length=hop, window=window)

# %%
# without length the centered padding is trimmed: the signal comes back shorter or longer
print(torch.istft(S, n_fft, hop_length=hop, window=window).shape)
print(torch.istft(S, n_fft, hop_length=hop, window=window, length=4100).shape)

# %%
# a window whose squares do not overlap-add to something nonzero everywhere (NOLA fails)
torch.istft(S, n_fft, hop_length=hop, window=window, center=False)

# %%
torch.istft(S, 256, hop_length=hop, window=torch.hann_window(256))

# %%
# batches of signals and the two-sided spectrum
batch = torch.stack([signal, chirp])
Sb = torch.stft(batch, n_fft, hop_length=hop, window=window, onesided=False, return_complex=True)
print(Sb.shape)
back = torch.istft(Sb, n_fft, hop_length=hop, window=window, onesided=False, length=4000)
print(back.shape, torch.allclose(back, batch, atol=1e-5))
back_c = torch.istft(Sb, n_fft, hop_length=hop, window=window, return_complex=True, length=4000)
print(back_c.dtype, back_c.imag.abs().max() < 1e-5)

# %%
torch.istft(Sb, n_fft, hop_length=hop, window=window, onesided=True)

# %%
# Griffin-Lim: keep the magnitude, iterate on the phase
magnitude = S.abs()
torch.manual_seed(0)
angles = torch.exp(2j * math.pi * torch.rand(magnitude.shape))
for it in range(16):
    y = torch.istft(magnitude * angles, n_fft, hop_length=hop, window=window, length=4000)
    rebuilt = torch.stft(y, n_fft, hop_length=hop, window=window, return_complex=True)
    angles = torch.exp(1j * rebuilt.angle())
    if it % 5 == 0:
        err = (rebuilt.abs() - magnitude).pow(2).mean().sqrt()
        print(it, round(err.item(), 3))

# %%
# the spectral convergence of the result
y = torch.istft(magnitude * angles, n_fft, hop_length=hop, window=window, length=4000)
rebuilt = torch.stft(y, n_fft, hop_length=hop, window=window, return_complex=True)
sc = torch.linalg.norm(rebuilt.abs() - magnitude) / torch.linalg.norm(magnitude)
print(sc < 0.5)

# %%
# torch.signal.windows: symmetric by default (sym=True); torch.hann_window is periodic by default
from torch.signal import windows
print(windows.hann(8))
print(windows.hann(8, sym=False))
print(torch.equal(windows.hann(8, sym=False), torch.hann_window(8)))
print(windows.gaussian(7, std=1.5))
print(windows.kaiser(7, beta=5.0), torch.kaiser_window(7, periodic=False, beta=5.0))
print(windows.cosine(6), windows.exponential(6, tau=2.0))
print(windows.nuttall(6, dtype=torch.float64))
print(windows.general_hamming(5, alpha=0.6), windows.bartlett(5), windows.blackman(5))

# %%
windows.gaussian(8, std=0.0)

# %%
windows.hann(8, dtype=torch.float16)

# %%
windows.exponential(8, center=2.0)

# %%
windows.general_cosine(8, a=[])

# %%
# a window with gradients: learnable Gaussian width
std = torch.tensor(2.0, requires_grad=True)
n = torch.arange(9.) - 4
w = torch.exp(-0.5 * (n / std) ** 2)
w_sig = windows.gaussian(9, std=2.0, requires_grad=True)
print(torch.allclose(w, w_sig), w_sig.grad_fn, w_sig.is_leaf)
spec = torch.stft(signal[:512], 64, hop_length=16, win_length=9, window=w, return_complex=True)
spec.abs().sum().backward()
print(std.grad)

# %%
# FM synthesis: the carrier's amplitude is the Bessel function J0 of the modulation index
index = torch.linspace(0, 5, 6)
print(torch.special.bessel_j0(index))
print(torch.special.bessel_j1(index))
fm = torch.sin(2 * math.pi * 500 * t + 2.4 * torch.sin(2 * math.pi * 50 * t))
spectrum = torch.fft.rfft(fm).abs() / (len(fm) / 2)
print(spectrum[500].round(decimals=3), torch.special.bessel_j0(torch.tensor(2.4)).abs().round(decimals=3))
