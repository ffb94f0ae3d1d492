# Audio feature extraction without torchaudio: a synthetic "recording", pre-emphasis, framing with unfold,
# windows, power spectra with rfft and stft, a mel filterbank and MFCCs via a DCT matrix, written by hand.
import math
import torch

# %%
torch.manual_seed(0)
sample_rate = 8000
t = torch.arange(0, 0.25, 1 / sample_rate)
waveform = 0.6 * torch.sin(2 * math.pi * 440 * t) + 0.3 * torch.sin(2 * math.pi * 1200 * t)
waveform = waveform + 0.05 * torch.randn_like(waveform)
print(waveform.shape, waveform.dtype)
print(waveform[:6])

# %%
# pre-emphasis: y[n] = x[n] - 0.97 x[n-1]
emphasized = torch.cat([waveform[:1], waveform[1:] - 0.97 * waveform[:-1]])
print(emphasized[:6])

# %%
# framing: 25 ms frames every 10 ms
frame_length, hop = 200, 80
frames = emphasized.unfold(0, frame_length, hop)
print(frames.shape, frames.stride(), frames.is_contiguous())

# %%
# a learner's mistake: unfold with a size larger than the signal
emphasized[:100].unfold(0, frame_length, hop)

# %%
window = torch.hamming_window(frame_length, periodic=False)
print(window[:4], window.dtype)
print(torch.hann_window(8), torch.hann_window(8, periodic=False))
print(torch.blackman_window(6, dtype=torch.float64))
print(torch.bartlett_window(7), torch.kaiser_window(7, periodic=False, beta=8.0))

# %%
torch.hann_window(8, dtype=torch.int64)

# %%
n_fft = 256
spec = torch.fft.rfft(frames * window, n=n_fft)
power = spec.abs() ** 2 / n_fft
print(spec.shape, spec.dtype, power.shape)
print(power[0, :5])

# %%
# the same power spectrogram with torch.stft: forgot return_complex
torch.stft(emphasized, n_fft=256, hop_length=80)

# %%
S = torch.stft(emphasized, n_fft=256, hop_length=80, win_length=200, window=window, center=False,
               return_complex=True)
print(S.shape)

# %%
# the frames start where the windows do (align_to_window) so they match the unfolded ones
S = torch.stft(emphasized, n_fft=256, hop_length=80, win_length=200, window=window, center=False,
               align_to_window=True, return_complex=True)
print(S.shape, S.dtype, S.stride())
P = S.abs().pow(2) / n_fft
print(torch.allclose(P.T, power, atol=1e-5))
print(P[:5, 0])

# %%
# centered frames (the default): reflect-padded by n_fft // 2 on both sides
Sc = torch.stft(waveform, 256, hop_length=80, window=torch.hann_window(256), return_complex=True)
print(Sc.shape, Sc[:3, :2])

# %%
# the old real format
Sr = torch.stft(waveform, 256, hop_length=80, window=torch.hann_window(256), return_complex=False)
print(Sr.shape, torch.equal(torch.view_as_real(Sc), Sr))

# %%
def hz_to_mel(f):
    return 2595.0 * torch.log10(1.0 + f / 700.0)

def mel_to_hz(m):
    return 700.0 * (10 ** (m / 2595.0) - 1.0)

n_mels = 20
mel_points = torch.linspace(hz_to_mel(torch.tensor(0.0)), hz_to_mel(torch.tensor(sample_rate / 2)), n_mels + 2)
hz_points = mel_to_hz(mel_points)
bins = torch.floor((n_fft + 1) * hz_points / sample_rate).long()
print(bins)

# %%
fbank = torch.zeros(n_mels, n_fft // 2 + 1)
for m in range(1, n_mels + 1):
    left, center, right = bins[m - 1].item(), bins[m].item(), bins[m + 1].item()
    for k in range(left, center):
        fbank[m - 1, k] = (k - left) / (center - left)
    for k in range(center, right):
        fbank[m - 1, k] = (right - k) / (right - center)
print(fbank.sum(1))

# %%
mel_energies = P.T @ fbank.T
log_mel = torch.log(mel_energies + 1e-10)
print(log_mel.shape)
print(log_mel[0, :6])

# %%
# DCT-II matrix (orthonormal) for MFCCs
n_mfcc = 13
n = torch.arange(n_mels, dtype=torch.float32)
k = torch.arange(n_mfcc, dtype=torch.float32).unsqueeze(1)
dct = torch.cos(math.pi / n_mels * (n + 0.5) * k)
dct[0] *= 1 / math.sqrt(2)
dct *= math.sqrt(2 / n_mels)
mfcc = log_mel @ dct.T
print(mfcc.shape)
print(mfcc[:2, :5])

# %%
# the learner multiplies the wrong way round
log_mel @ dct

# %%
# cepstral mean normalisation, and the frame energies as delta features
mfcc_norm = mfcc - mfcc.mean(dim=0, keepdim=True)
delta = mfcc_norm[2:] - mfcc_norm[:-2]
print(mfcc_norm.mean(0)[:3], delta.shape)

# %%
# features must be differentiable for learned front ends: gradient of the log-mel energy w.r.t. the waveform
x = waveform.clone().requires_grad_()
spec_x = torch.stft(x, 256, hop_length=80, window=torch.hann_window(256), return_complex=True)
print(spec_x.grad_fn, spec_x.grad_fn.next_functions)
energy = torch.log(spec_x.abs().pow(2) @ torch.ones(spec_x.shape[-1]) + 1e-6).sum()
energy.backward()
print(x.grad[:5], x.grad.shape)

# %%
# stft errors learners hit
for bad in (dict(n_fft=4096), dict(n_fft=256, hop_length=0), dict(n_fft=256, win_length=300),
            dict(n_fft=256, window=torch.hann_window(200))):
    try:
        torch.stft(waveform, center=False, return_complex=True, **bad)
    except RuntimeError as e:
        print(e)

# %%
torch.stft(waveform.view(1, 1, -1), 256, window=torch.hann_window(256), return_complex=True)
