# Whisper's log-Mel front end (openai/whisper audio.py: log_mel_spectrogram) rebuilt in plain PyTorch: a periodic
# Hann window, torch.stft with center=True / reflect padding, the last frame dropped, power spectrum, a Slaney-style
# mel filterbank built by hand (librosa.filters.mel), clamp(min=1e-10).log10(), the 8-decade floor and rescaling.
import math
import torch

# %%
torch.manual_seed(0)
SAMPLE_RATE, N_FFT, HOP_LENGTH, N_MELS = 8000, 128, 32, 10
t = torch.arange(SAMPLE_RATE // 4) / SAMPLE_RATE
audio = 0.5 * torch.sin(2 * math.pi * 300 * t) + 0.2 * torch.sin(2 * math.pi * 1800 * t) + 0.01 * torch.randn(t.shape)
print(audio.shape, audio.dtype, audio[:4])

# %%
window = torch.hann_window(N_FFT)
print(window[:4], window.shape, torch.hann_window(N_FFT, periodic=False)[-3:])
stft = torch.stft(audio, N_FFT, HOP_LENGTH, window=window, return_complex=True)
print(stft.shape, stft.dtype, stft[1, :2])
magnitudes = stft[..., :-1].abs() ** 2
print(magnitudes.shape, magnitudes.is_contiguous())

# %%
def hz_to_mel(f):
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz, logstep = 1000.0, math.log(6.4) / 27.0
    min_log_mel = min_log_hz / f_sp
    return torch.where(f >= min_log_hz, min_log_mel + torch.log(f / min_log_hz) / logstep, mels)

def mel_to_hz(m):
    f_sp = 200.0 / 3
    min_log_hz, logstep = 1000.0, math.log(6.4) / 27.0
    min_log_mel = min_log_hz / f_sp
    return torch.where(m >= min_log_mel, min_log_hz * torch.exp(logstep * (m - min_log_mel)), f_sp * m)

fftfreqs = torch.fft.rfftfreq(N_FFT, d=1.0 / SAMPLE_RATE)
mel_pts = torch.linspace(hz_to_mel(torch.tensor(0.0)), hz_to_mel(torch.tensor(SAMPLE_RATE / 2)), N_MELS + 2)
mel_f = mel_to_hz(mel_pts)
print(fftfreqs[:4], fftfreqs.shape, mel_f)

# %%
fdiff = torch.diff(mel_f)
ramps = mel_f[:, None] - fftfreqs[None, :]
lower = -ramps[:-2] / fdiff[:-1, None]
upper = ramps[2:] / fdiff[1:, None]
filters = torch.clamp(torch.minimum(lower, upper), min=0.0)
enorm = 2.0 / (mel_f[2:N_MELS + 2] - mel_f[:N_MELS])
filters = filters * enorm[:, None]
print(filters.shape, filters.sum(dim=1))
print((filters > 0).sum(dim=1))

# %%
mel_spec = filters @ magnitudes
log_spec = torch.clamp(mel_spec, min=1e-10).log10()
log_spec = torch.maximum(log_spec, log_spec.max() - 8.0)
log_spec = (log_spec + 4.0) / 4.0
print(log_spec.shape, log_spec.min(), log_spec.max())
print(log_spec[:, :3])

# %%
# silence: every mel bin hits the 1e-10 floor, log10 gives -10 and the floor logic does nothing
silent = torch.zeros(SAMPLE_RATE // 8)
s = torch.stft(silent, N_FFT, HOP_LENGTH, window=window, return_complex=True)[..., :-1].abs() ** 2
ls = torch.clamp(filters @ s, min=1e-10).log10()
print(ls.unique(), torch.maximum(ls, ls.max() - 8.0).unique())

# %%
# a batch of two clips, padded like whisper.pad_or_trim, gives a (batch, mels, frames) tensor
batch = torch.stack([audio, torch.nn.functional.pad(audio[:1000], (0, audio.shape[0] - 1000))])
B = torch.stft(batch, N_FFT, HOP_LENGTH, window=window, return_complex=True)
mel_b = filters @ B[..., :-1].abs() ** 2
print(B.shape, mel_b.shape, mel_b.clamp(min=1e-10).log10()[1, :2, -3:])

# %%
# mistakes on the way: the wrong dtype of window, forgetting return_complex, a window of the wrong length
try:
    torch.stft(audio, N_FFT, HOP_LENGTH, window=torch.hann_window(N_FFT, dtype=torch.float64), return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(audio, N_FFT, HOP_LENGTH, window=window)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(audio, N_FFT, HOP_LENGTH, window=torch.hann_window(100), return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(audio, N_FFT, HOP_LENGTH, window=window, return_complex=True, normalized="window")
except Exception as e:
    print(type(e).__name__, e)

# %%
# gradient of the log-mel through stft (a learnable gain in front)
gain = torch.tensor(1.5, requires_grad=True)
spec = torch.stft(gain * audio, N_FFT, HOP_LENGTH, window=window, return_complex=True)[..., :-1].abs() ** 2
feat = torch.clamp(filters @ spec, min=1e-10).log10()
feat.mean().backward()
print(feat.grad_fn, gain.grad, 2 / (math.log(10) * 1.5))
