# DDSP from scratch, part 5: framing with unfold, overlap-add with fold, the window family (hann, hamming,
# blackman, bartlett, kaiser), mu-law companding of integer audio, FIR filters with conv1d, and normalized stft.
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
audio = torch.randn(1, 1000)
frames = audio.unfold(-1, 256, 128)
print(frames.shape, frames.is_contiguous(), frames.stride())
win = torch.hann_window(256)
spec = torch.fft.rfft(frames * win, dim=-1)
print(spec.shape, spec.dtype)

# %%
audio.unfold(-1, 2000, 128)

# %%
audio.unfold(-1, 256, 0)

# %%
# overlap-add with fold: the inverse of the framing above
n_frames = frames.shape[-2]
ola = F.fold((frames * win).transpose(1, 2), output_size=(1, (n_frames - 1) * 128 + 256), kernel_size=(1, 256), stride=(1, 128))
print(ola.shape)
norm = F.fold(win.pow(2).expand(1, n_frames, 256).transpose(1, 2), output_size=(1, (n_frames - 1) * 128 + 256), kernel_size=(1, 256), stride=(1, 128))
print(norm.shape, norm[0, 0, 0, 120:136])

# %%
for name in ("hann", "hamming", "blackman", "bartlett"):
    w = getattr(torch, name + "_window")(8)
    print(name, w, getattr(torch, name + "_window")(7, periodic=False))
print(torch.kaiser_window(8), torch.kaiser_window(8, periodic=False, beta=8.0))
print(torch.hamming_window(6, alpha=0.5, beta=0.5), torch.hann_window(4, dtype=torch.float64))

# %%
torch.kaiser_window(8, dtype=torch.int32)

# %%
torch.bartlett_window(4, layout=torch.sparse_coo)

# %%
print(torch.signal.windows.hann(8), torch.signal.windows.gaussian(6, std=1.5))

# %%
# mu-law companding of 16-bit audio
pcm = (torch.sin(torch.linspace(0, 20, 64)) * 30000).to(torch.int16)
print(pcm.dtype, pcm[:6])
mu = 255
x = pcm / 32768
print(x.dtype)
encoded = torch.sign(x) * torch.log1p(mu * x.abs()) / math.log1p(mu)
quant = ((encoded + 1) / 2 * mu + 0.5).to(torch.int64)
print(quant[:8], quant.min(), quant.max())
decoded = torch.sign(encoded) * (torch.pow(1 + mu, encoded.abs()) - 1) / mu
print((decoded - x).abs().max() < 1e-5)

# %%
torch.log1p(pcm)

# %%
print(torch.log1p(pcm[:3].abs()), torch.sign(pcm[:4]), pcm.abs().dtype, (pcm * 2).dtype, (pcm * 2.0).dtype)

# %%
pcm.float().mean(), pcm.mean()

# %%
pcm.mean()

# %%
# a windowed-sinc low-pass FIR filter applied with conv1d
cutoff, taps = 0.2, 31
n = torch.arange(taps) - (taps - 1) / 2
h = 2 * cutoff * torch.sinc(2 * cutoff * n) * torch.hamming_window(taps, periodic=False)
h = h / h.sum()
print(h.shape, h.sum(), h[:3])
filtered = F.conv1d(audio[None], h.flip(0).view(1, 1, -1), padding=taps // 2)
print(filtered.shape)

# %%
F.conv1d(audio, h.view(1, 1, -1))

# %%
F.conv1d(audio[None], h.view(1, 1, -1).double())

# %%
F.conv1d(pcm.view(1, 1, -1), h.view(1, 1, -1))

# %%
print(F.conv1d(audio[None], h.view(1, 1, -1), padding='same').shape, F.conv1d(audio[None], h.view(1, 1, -1), padding='valid').shape)
print(torch.sinc(torch.tensor([0.0, 0.5, 1.0, -1.5])), torch.sinc(torch.tensor([0, 1])))

# %%
F.conv1d(audio[None], h.view(1, 1, -1), padding='same', stride=2)

# %%
# normalized and two-sided stft
sig = audio[0]
S1 = torch.stft(sig, 128, hop_length=32, window=torch.hann_window(128), normalized=True, return_complex=True)
S2 = torch.stft(sig, 128, hop_length=32, window=torch.hann_window(128), onesided=False, return_complex=True)
S3 = torch.stft(sig, 128, hop_length=32, window=torch.hann_window(128), center=True, pad_mode='constant', return_complex=True)
print(S1.shape, S2.shape, S3.shape, S1.abs().max(), S2.abs().max())
back = torch.istft(S1, 128, hop_length=32, window=torch.hann_window(128), normalized=True, length=1000)
print(torch.allclose(back, sig, atol=1e-5))

# %%
torch.stft(torch.randn(2, 3, 500), 128, return_complex=True)

# %%
torch.stft(sig.to(torch.complex64), 128, window=torch.hann_window(128), onesided=True, return_complex=True)

# %%
print(torch.stft(sig.to(torch.complex64), 128, window=torch.hann_window(128), return_complex=True).shape)
print(torch.stft(sig.double(), 128, window=torch.hann_window(128, dtype=torch.float64), return_complex=True).dtype)
