# Imitates the DDSP library's core.py / synths.py rewritten in PyTorch by a learner: exp_sigmoid scaling,
# remove_above_nyquist, a normalised harmonic distribution, frame-rate controls upsampled with
# F.interpolate(mode='linear'), phase from torch.cumsum of frequency / sample rate, batched (batch, time, harmonics).
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(1)
sr = 8000
batch, n_frames, n_harm, hop = 2, 6, 5, 32
n_samples = n_frames * hop

def exp_sigmoid(x, exponent=10.0, max_value=2.0, threshold=1e-7):
    return max_value * torch.sigmoid(x) ** math.log(exponent) + threshold

raw = torch.randn(batch, n_frames, n_harm + 1, requires_grad=True)
scaled = exp_sigmoid(raw)
print(scaled.shape, scaled.dtype, scaled.grad_fn.name())
print(scaled[0, :2])

# %%
amp = scaled[..., :1]
harm_dist = scaled[..., 1:]
print(amp.shape, harm_dist.shape, amp.grad_fn.name(), harm_dist.is_contiguous())
f0 = torch.linspace(300.0, 1400.0, n_frames).expand(batch, n_frames)[..., None]
print(f0.shape, f0.stride())

# %%
harm_freqs = f0 * torch.arange(1, n_harm + 1, dtype=torch.float32)
print(harm_freqs[1, -1])
mask = (harm_freqs < sr / 2).float()
print(mask.dtype, mask.sum(), mask[1, -1])
mask2 = torch.where(harm_freqs >= sr / 2, torch.zeros_like(harm_freqs), torch.ones_like(harm_freqs))
print(torch.equal(mask, mask2))

# %%
harm_dist = harm_dist * mask + 1e-4 * (1 - mask)
harm_dist = harm_dist / harm_dist.sum(dim=-1, keepdim=True)
print(harm_dist.grad_fn.name(), harm_dist.sum(-1)[0])
print(harm_dist[1, -1])

# %%
harm_amps = amp * harm_dist
# upsample controls to audio rate: interpolate works on (batch, channels, time)
amps_up = F.interpolate(harm_amps.transpose(1, 2), size=n_samples, mode='linear', align_corners=False).transpose(1, 2)
freqs_up = F.interpolate(harm_freqs.transpose(1, 2), size=n_samples, mode='linear', align_corners=True).transpose(1, 2)
print(amps_up.shape, amps_up.grad_fn.name(), amps_up.is_contiguous(), freqs_up.requires_grad)
print(amps_up[0, :3, 0])
print(freqs_up[1, 30:33, 4])

# %%
# forgot the transpose: interpolating along the harmonic axis
bad = F.interpolate(harm_amps, size=n_samples, mode='linear')
print(bad.shape)

# %%
try:
    F.interpolate(harm_amps[0], scale_factor=hop, mode='bilinear')
except Exception as e:
    print(type(e).__name__, e)

# %%
try:
    F.interpolate(harm_amps.transpose(1, 2), size=n_samples, scale_factor=hop, mode='linear')
except Exception as e:
    print(type(e).__name__, e)

# %%
omegas = 2 * math.pi * freqs_up / sr
phases = torch.cumsum(omegas, dim=1)
print(phases.dtype, phases.shape, phases[0, -1])
# wrapping the phase keeps float32 accurate
wrapped = torch.remainder(phases, 2 * math.pi)
print(wrapped[0, -3:, 0], torch.fmod(phases, 2 * math.pi)[0, -1, 0])

# %%
audio = (torch.sin(phases) * amps_up).sum(dim=-1)
print(audio.shape, audio.grad_fn.name(), audio[0, :5])
print(audio.abs().max(), audio.std())

# %%
loss = audio.pow(2).mean()
loss.backward()
print(loss, raw.grad.shape)
print(raw.grad[0, 0], raw.grad[1, -1])
print(raw.grad.abs().sum(dim=(0, 1)))

# %%
# the same oscillator in float64
raw64 = raw.detach().double().requires_grad_()
s64 = exp_sigmoid(raw64)
a64 = F.interpolate((s64[..., :1] * s64[..., 1:]).transpose(1, 2), scale_factor=hop, mode='linear').transpose(1, 2)
ph = torch.cumsum(2 * math.pi * harm_freqs.double() / sr, dim=1)
print(a64.dtype, ph.dtype, a64.shape)
try:
    (a64[:, :n_frames] * torch.sin(ph)).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
print(raw64.grad[0, 0])

# %%
# cumsum with a dtype argument and along a negative dim
c = torch.cumsum(omegas, dim=-2, dtype=torch.float64)
print(c.dtype, c.grad_fn, torch.allclose(c.float(), phases))
oi = torch.arange(5).cumsum(0)
print(oi, oi.dtype, torch.tensor([True, False, True]).cumsum(0))

# %%
try:
    torch.cumsum(omegas)
except Exception as e:
    print(type(e).__name__, e)
