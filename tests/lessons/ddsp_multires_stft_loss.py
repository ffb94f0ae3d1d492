# DDSP from scratch, part 3: the multi-resolution STFT loss (spectral convergence + log magnitude) and a mel
# filterbank built by hand, with the mistakes learners make on the way (return_complex, window length / dtype,
# center=False on short signals, odd n_fft, integer audio).
import math
import torch

# %%
torch.manual_seed(0)
sr = 8000
t = torch.arange(2048) / sr
target = torch.sin(2 * math.pi * 440 * t) + 0.3 * torch.sin(2 * math.pi * 880 * t)
pred = (target + 0.05 * torch.randn(2048)).requires_grad_()
print(target.shape, pred.requires_grad)

# %%
S = torch.stft(target, n_fft=256, hop_length=64, win_length=256, window=torch.hann_window(256), return_complex=True)
print(S.shape, S.dtype, S.abs().max())

# %%
# forgetting return_complex
torch.stft(target, n_fft=256, hop_length=64)

# %%
torch.stft(target, n_fft=256, hop_length=64, return_complex=False)

# %%
# window length must match win_length
torch.stft(target, 256, hop_length=64, win_length=128, window=torch.hann_window(256), return_complex=True)

# %%
torch.stft(target, 256, hop_length=64, win_length=512, return_complex=True)

# %%
torch.stft(target, 256, hop_length=0, return_complex=True)

# %%
# a float64 window on a float32 signal
torch.stft(target, 256, window=torch.hann_window(256, dtype=torch.float64), return_complex=True)

# %%
# integer audio straight from a wav file
pcm = (target * 32767).to(torch.int16)
torch.stft(pcm, 256, window=torch.hann_window(256), return_complex=True)

# %%
print(torch.stft(pcm.float() / 32768, 256, hop_length=128, window=torch.hann_window(256), return_complex=True).shape)

# %%
# center=False on a signal shorter than n_fft
torch.stft(target[:100], 256, center=False, return_complex=True)

# %%
print(torch.stft(target[:100], 256, return_complex=True).shape)
print(torch.stft(target[:300], 256, hop_length=64, center=False, return_complex=True).shape)

# %%
torch.stft(target[:100], 256, pad_mode='reflect', return_complex=True)

# %%
# odd n_fft and a smaller window (zero-padded in the middle)
S_odd = torch.stft(target, 255, hop_length=64, window=torch.hann_window(255), return_complex=True)
print(S_odd.shape)
S_small = torch.stft(target, 256, hop_length=64, win_length=100, window=torch.hann_window(100), return_complex=True)
print(S_small.shape, S_small.abs().mean())

# %%
# the multi-resolution STFT loss
def stft_mag(x, n_fft, hop, win):
    X = torch.stft(x, n_fft, hop_length=hop, win_length=win, window=torch.hann_window(win), return_complex=True)
    return X.abs().clamp_min(1e-7)

def mrstft_loss(x, y, resolutions=((512, 128, 512), (256, 64, 256), (128, 32, 128))):
    total = 0.0
    for n_fft, hop, win in resolutions:
        Mx, My = stft_mag(x, n_fft, hop, win), stft_mag(y, n_fft, hop, win)
        sc = torch.linalg.norm(My - Mx, 'fro') / torch.linalg.norm(My, 'fro')
        mag = (torch.log(My) - torch.log(Mx)).abs().mean()
        print(n_fft, Mx.shape, round(sc.item(), 4), round(mag.item(), 4))
        total = total + sc + mag
    return total / len(resolutions)

loss = mrstft_loss(pred, target)
print(loss, loss.grad_fn)

# %%
loss.backward()
print(pred.grad.shape, pred.grad.abs().max() > 0, pred.grad[:4])

# %%
# the norm of a (batch, freq, frames) tensor: 'fro' needs two dims or dim=
M = stft_mag(torch.stack([target, target]), 256, 64, 256)
print(torch.linalg.norm(M, 'fro', dim=(-2, -1)))

# %%
torch.linalg.norm(M, 'fro')

# %%
print(torch.linalg.norm(M), torch.linalg.norm(M.flatten(), 2), torch.norm(M, 'fro'), torch.norm(M, p='fro', dim=(1, 2)))

# %%
torch.linalg.norm(M[0, 0], 'fro')

# %%
torch.linalg.norm(M, 'nuc', dim=(0, 2, 1))

# %%
# a mel filterbank by hand
def hz_to_mel(f):
    return 2595.0 * torch.log10(1.0 + f / 700.0)

def mel_to_hz(m):
    return 700.0 * (10 ** (m / 2595.0) - 1.0)

n_fft, n_mels = 256, 10
fft_freqs = torch.linspace(0, sr / 2, n_fft // 2 + 1)
mel_pts = torch.linspace(hz_to_mel(torch.tensor(0.0)), hz_to_mel(torch.tensor(sr / 2)), n_mels + 2)
hz_pts = mel_to_hz(mel_pts)
print(hz_pts)
f_diff = hz_pts[1:] - hz_pts[:-1]
slopes = hz_pts[None, :] - fft_freqs[:, None]
down = -slopes[:, :-2] / f_diff[:-1]
up = slopes[:, 2:] / f_diff[1:]
fb = torch.clamp(torch.minimum(down, up), min=0)
print(fb.shape, fb.sum(0))

# %%
torch.linspace(hz_to_mel(torch.tensor([0.0, 1.0])), 10, 5)

# %%
print(torch.linspace(torch.tensor(0.0), torch.tensor(1.0), 5), torch.linspace(0, 10, steps=4, dtype=torch.int64))

# %%
torch.minimum(down, 0.0)

# %%
print(torch.minimum(torch.tensor([1, 5]), torch.tensor([3.0, 2.0])), torch.clamp(torch.tensor([1, 5]), max=2.5))
print(torch.clamp(torch.tensor([-1.0, 0.5, 2.0]), min=torch.tensor([0.0, 1.0, 0.0]), max=1.0))

# %%
torch.clamp(fb)

# %%
mel = stft_mag(target, 256, 64, 256).pow(2).T @ fb
log_mel = torch.log(mel.clamp_min(1e-5))
print(log_mel.shape, log_mel.min(), log_mel.max())
print(torch.clamp_min(torch.tensor([1e-9, 1.0]), 1e-5), torch.tensor([0, 3]).clamp_min(1))
