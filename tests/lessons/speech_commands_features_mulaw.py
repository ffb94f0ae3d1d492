# Speech-command style preprocessing without torchaudio: mu-law companding, resampling with interpolate and a
# windowed-sinc filter, zero-crossing rate, spectral centroid, SpecAugment masks, and a GRU over mel frames.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.signal.windows import hann, kaiser

# %%
torch.manual_seed(3)
sr = 8000
t = torch.arange(sr // 4) / sr
wave = 0.5 * torch.sin(2 * math.pi * 300 * t) * torch.exp(-4 * t) + 0.02 * torch.randn(t.shape)
print(wave.shape, wave.abs().max())

# %%
def mu_law_encode(x, quantization_channels=256):
    mu = quantization_channels - 1
    x_mu = torch.sign(x) * torch.log1p(mu * torch.abs(x)) / math.log1p(mu)
    return ((x_mu + 1) / 2 * mu + 0.5).to(torch.int64)

def mu_law_decode(x_mu, quantization_channels=256):
    mu = quantization_channels - 1
    x = (x_mu.float() / mu) * 2 - 1
    return torch.sign(x) * (torch.exp(torch.abs(x) * math.log1p(mu)) - 1) / mu

codes = mu_law_encode(wave)
print(codes[:8], codes.dtype, codes.min(), codes.max())
print((mu_law_decode(codes) - wave).abs().max() < 0.02)

# %%
# one-hot targets for a WaveNet-style classifier, and the learner's dtype mistake
one_hot = F.one_hot(codes[:5], 256)
print(one_hot.shape, one_hot.dtype)
F.one_hot(codes[:5].float(), 256)

# %%
# resampling 8 kHz -> 16 kHz by linear interpolation
up = F.interpolate(wave.view(1, 1, -1), scale_factor=2, mode="linear", align_corners=False).squeeze()
print(up.shape, up[:4])

# %%
# windowed-sinc low-pass filter for downsampling to 4 kHz, applied with conv1d
taps = 31
n = torch.arange(taps) - (taps - 1) / 2
cutoff = 0.5 * 0.9
h = cutoff * torch.sinc(cutoff * n) * kaiser(taps, beta=6.0)
h = h / h.sum()
down = F.conv1d(wave.view(1, 1, -1), h.flip(0).view(1, 1, -1), padding=taps // 2, stride=2).squeeze()
print(h.shape, down.shape, down[:4])

# %%
F.conv1d(wave.view(1, -1), h.view(1, 1, -1))

# %%
# frame-level features: zero-crossing rate and energy
# reflect padding needs a (channels, time) tensor: the 1-D signal first
frames = F.pad(wave, (100, 100), mode="reflect").unfold(0, 200, 80)
zcr = (frames[:, 1:].sign() != frames[:, :-1].sign()).float().mean(1)
energy = frames.pow(2).mean(1)
print(frames.shape, zcr[:5], energy[:3])

# %%
frames = F.pad(wave.view(1, -1), (100, 100), mode="reflect")[0].unfold(0, 200, 80)
zcr = (frames[:, 1:].sign() != frames[:, :-1].sign()).float().mean(1)
energy = frames.pow(2).mean(1)
print(frames.shape, frames.stride(), zcr[:5], energy[:3])

# %%
F.pad(wave.view(1, -1), (5000, 5000), mode="reflect")

# %%
# spectral centroid from a magnitude spectrogram
spec = torch.stft(wave, 256, hop_length=64, window=hann(256, sym=False), return_complex=True).abs()
freqs = torch.fft.rfftfreq(256, d=1 / sr)
centroid = (freqs[:, None] * spec).sum(0) / spec.sum(0).clamp_min(1e-8)
print(spec.shape, centroid[:5])

# %%
# SpecAugment: mask a band of frequencies and a stretch of time
torch.manual_seed(0)
masked = spec.clone()
f0 = torch.randint(0, spec.shape[0] - 10, (1,)).item()
t0 = torch.randint(0, spec.shape[1] - 5, (1,)).item()
masked[f0:f0 + 10, :] = 0
masked[:, t0:t0 + 5] = 0
print(f0, t0, (masked == 0).float().mean())

# %%
# a GRU over log-magnitude frames
torch.manual_seed(0)
gru = nn.GRU(input_size=129, hidden_size=16, batch_first=True)
head = nn.Linear(16, 4)
feats = torch.log1p(spec).T.unsqueeze(0)
out, h_n = gru(feats)
logits = head(h_n[-1])
print(out.shape, h_n.shape, logits)
loss = F.cross_entropy(logits, torch.tensor([2]))
loss.backward()
print(gru.weight_hh_l0.grad.abs().sum() > 0, loss.grad_fn)

# %%
# batch_first forgotten: (batch, time, freq) read as (time, batch, freq)
gru(torch.log1p(spec).unsqueeze(0))
