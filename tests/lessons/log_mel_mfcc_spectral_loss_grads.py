# An audio-features lesson written by hand (no torchaudio): a mel filterbank from torch.linspace and clamp,
# log-mel spectrogram, MFCC through a DCT-II matrix, and a multi-resolution spectral L1 loss on log-magnitudes
# backpropagated to a waveform, with gradients of abs/angle of complex spectra.
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(1)
sr, n_fft, hop, n_mels = 8000, 128, 32, 10
t = torch.arange(2048) / sr
wave = torch.sin(2 * math.pi * 440 * t) * torch.exp(-3 * t) + 0.02 * torch.randn(2048)
spec = torch.stft(wave, n_fft, hop, window=torch.hann_window(n_fft), return_complex=True)
power = spec.abs().pow(2)
print(spec.shape, power.dtype, power[:3, 0])

# %%
def hz_to_mel(f):
    return 2595.0 * torch.log10(1.0 + f / 700.0)
def mel_to_hz(m):
    return 700.0 * (10 ** (m / 2595.0) - 1.0)
fmin, fmax = torch.tensor(0.0), torch.tensor(sr / 2)
mels = torch.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2)
hz = mel_to_hz(mels)
freqs = torch.linspace(0, sr / 2, n_fft // 2 + 1)
lower = (freqs[None, :] - hz[:-2, None]) / (hz[1:-1, None] - hz[:-2, None])
upper = (hz[2:, None] - freqs[None, :]) / (hz[2:, None] - hz[1:-1, None])
fbank = torch.clamp(torch.minimum(lower, upper), min=0.0)
print(fbank.shape, fbank.sum(1))
print(hz[:4], mels.dtype)

# %%
mel_spec = fbank @ power
log_mel = torch.log(mel_spec.clamp(min=1e-10))
db = 10 * torch.log10(torch.clamp(mel_spec, min=1e-10))
db = torch.maximum(db, db.max() - 80.0)
print(log_mel.shape, log_mel[:, 0], db.min(), db.max())

# %%
n_mfcc = 6
k = torch.arange(n_mfcc, dtype=torch.float32)[:, None]
n = torch.arange(n_mels, dtype=torch.float32)[None, :]
dct = torch.cos(math.pi / n_mels * (n + 0.5) * k)
dct[0] *= 1 / math.sqrt(2)
dct *= math.sqrt(2.0 / n_mels)
mfcc = dct @ log_mel
print(dct.shape, (dct @ dct.T).diagonal(), mfcc[:, :3])
deltas = (mfcc[:, 2:] - mfcc[:, :-2]) / 2
print(deltas.shape, deltas.mean(dim=1))

# %%
target = wave.detach()
est = (wave + 0.1 * torch.randn(2048)).requires_grad_()
def spectral_l1(a, b, fft_sizes=(64, 128, 256)):
    loss = 0.0
    for nf in fft_sizes:
        w = torch.hann_window(nf)
        A = torch.stft(a, nf, nf // 4, window=w, return_complex=True).abs()
        Bm = torch.stft(b, nf, nf // 4, window=w, return_complex=True).abs()
        loss = loss + F.l1_loss(torch.log(A + 1e-7), torch.log(Bm + 1e-7)) + (A - Bm).norm(p="fro") / Bm.norm(p="fro")
    return loss
loss = spectral_l1(est, target)
print(loss, loss.grad_fn)
loss.backward()
print(est.grad.shape, est.grad.abs().max(), est.grad[:4])

# %%
opt = torch.optim.Adam([est], lr=1e-3)
for step in range(3):
    opt.zero_grad()
    l = spectral_l1(est, target)
    l.backward()
    opt.step()
    print(step, round(l.item(), 4))

# %%
z = torch.tensor([3 + 4j, -1 + 0j, 0j, 1j], requires_grad=True)
mag = z.abs()
ph = torch.angle(z)
print(mag, mag.grad_fn.name(), ph, ph.grad_fn.name())
(mag.sum() + ph.sum()).backward()
print(z.grad)
w = torch.randn(16, dtype=torch.float64, requires_grad=True)
S = torch.fft.rfft(w)
g_abs, = torch.autograd.grad(S.abs().sum(), w, retain_graph=True)
g_ang, = torch.autograd.grad(S.angle().sum(), w)
print(g_abs[:4], g_ang[:4])

# %%
xr = torch.randn(400, requires_grad=True)
Sx = torch.stft(xr, 64, 16, window=torch.hamming_window(64), return_complex=True, normalized=True)
print(Sx.grad_fn.name(), Sx.abs().grad_fn.name(), torch.angle(Sx).grad_fn.name())
(Sx.abs().pow(2).sum()).backward()
print(xr.grad[:5], xr.grad[200:203])
yr = torch.istft(Sx.detach().requires_grad_(), 64, 16, window=torch.hamming_window(64), normalized=True, length=400)
print(yr.grad_fn.name(), yr.shape)
