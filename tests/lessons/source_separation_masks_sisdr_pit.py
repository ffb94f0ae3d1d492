# A hand-written source-separation lesson (spectrogram masking tutorials): mix two sources at a target SNR, stft
# with return_complex=True, magnitude/phase, ideal ratio and binary masks, a small mask network trained through
# istft with an SI-SDR loss, and permutation-invariant training with itertools.permutations.
import itertools
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
sr = 800
t = torch.arange(0, 0.32, 1 / sr)
s1 = torch.sin(2 * math.pi * 60 * t) * torch.hann_window(t.numel(), periodic=False)
s2 = 0.3 * torch.randn(t.shape)
print(t.shape, s1.dtype, s1[:4], s2[:4])


def mix_at_snr(clean, noise, snr_db):
    p_clean = clean.pow(2).mean()
    p_noise = noise.pow(2).mean().clamp_min(1e-8)
    scale = torch.sqrt(p_clean / (p_noise * 10 ** (snr_db / 10)))
    return clean + scale * noise, scale


mix, scale = mix_at_snr(s1, s2, 5.0)
print(mix[:5], scale, 10 * torch.log10(s1.pow(2).sum() / (scale * s2).pow(2).sum()))

# %%
n_fft, hop = 64, 16
win = torch.hann_window(n_fft)
X = torch.stft(mix, n_fft, hop_length=hop, window=win, return_complex=True)
S1 = torch.stft(s1, n_fft, hop_length=hop, window=win, return_complex=True)
S2 = torch.stft(scale * s2, n_fft, hop_length=hop, window=win, return_complex=True)
print(X.shape, X.dtype, X[3, :3])
mag, phase = X.abs(), X.angle()
print(mag.shape, mag.dtype, mag[2:4, 5], phase[2:4, 5])
Y = torch.polar(mag, phase)
print((Y - X).abs().max() < 1e-5, Y.dtype)

# %%
irm = S1.abs() / (S1.abs() + S2.abs() + 1e-8)
ibm = (S1.abs() > S2.abs()).float()
print(irm[4, :4], ibm[4, :6], ibm.mean(), irm.dtype, ibm.dtype)
wiener = S1.abs() ** 2 / (S1.abs() ** 2 + S2.abs() ** 2).clamp_min(1e-10)
for name, m in [("irm", irm), ("ibm", ibm), ("wiener", wiener)]:
    est = torch.istft(X * m, n_fft, hop_length=hop, window=win, length=mix.numel())
    print(name, est.shape, est[100:103])


# %%
def si_sdr(est, ref, eps=1e-8):
    est = est - est.mean(-1, keepdim=True)
    ref = ref - ref.mean(-1, keepdim=True)
    alpha = (est * ref).sum(-1, keepdim=True) / ref.pow(2).sum(-1, keepdim=True).clamp_min(eps)
    target = alpha * ref
    noise = est - target
    return 10 * torch.log10(target.pow(2).sum(-1) / noise.pow(2).sum(-1).clamp_min(eps) + eps)


def sdr(est, ref, eps=1e-8):
    return 10 * torch.log10(ref.pow(2).sum(-1) / (ref - est).pow(2).sum(-1).clamp_min(eps))


print(si_sdr(mix, s1), sdr(mix, s1), si_sdr(s1, s1), si_sdr(torch.stack([mix, s1]), torch.stack([s1, s1])))

# %%
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(n_fft // 2 + 1, 48), nn.ReLU(), nn.Linear(48, n_fft // 2 + 1))
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
for step in range(4):
    mask = torch.sigmoid(net(X.abs().T)).T
    est = torch.istft(X * mask, n_fft, hop_length=hop, window=win, length=mix.numel())
    loss = -si_sdr(est, s1)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 3), net[0].weight.grad.abs().sum().item())
print(est.grad_fn, mask.grad_fn, (X * mask).grad_fn)

# %%
def pit_loss(ests, refs):
    n = ests.shape[0]
    losses = []
    perms = list(itertools.permutations(range(n)))
    for p in perms:
        losses.append(-si_sdr(ests[list(p)], refs).mean())
    losses = torch.stack(losses)
    best, idx = losses.min(0)
    return best, perms[idx.item()]


torch.manual_seed(2)
refs = torch.stack([s1, scale * s2])
ests = (refs.flip(0) + 0.05 * torch.randn(refs.shape)).requires_grad_()
best, perm = pit_loss(ests, refs)
best.backward()
print(best, perm, ests.grad[:, :3], best.grad_fn)

# %%
try:
    torch.stft(mix, n_fft, hop_length=hop, window=win)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(mix, n_fft, window=torch.hann_window(n_fft + 2), return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    est = torch.istft(X, n_fft, hop_length=hop, window=win)
    print(est.shape, mix.shape)
    print(si_sdr(est, mix))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((X * ibm.double()).dtype, (X * ibm.double()).shape)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.polar(mag, phase.double())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.istft(X.abs(), n_fft, hop_length=hop, window=win)
except Exception as e:
    print(type(e).__name__, e)
