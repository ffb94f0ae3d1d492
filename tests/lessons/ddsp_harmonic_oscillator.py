# DDSP from scratch, part 1: a harmonic oscillator driven by frame-rate controls, phase from the cumulative sum
# of the instantaneous frequency, additive synthesis with amplitude envelopes, and F.interpolate upsampling.
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
sample_rate = 16000
n_frames, hop = 10, 64
n_samples = n_frames * hop
f0_frames = torch.linspace(220.0, 330.0, n_frames)
print(f0_frames)

# %%
# control signals live at frame rate: upsample them to audio rate
f0 = F.interpolate(f0_frames[None, None, :], size=n_samples, mode='linear', align_corners=True)
print(f0.shape, f0[0, 0, :5], f0[0, 0, -3:])
f0_b = F.interpolate(f0_frames[None, None, :], scale_factor=hop, mode='linear', align_corners=False)
print(f0_b.shape, f0_b[0, 0, :5])

# %%
# interpolate wants (batch, channels, time)
F.interpolate(f0_frames, size=n_samples, mode='linear')

# %%
F.interpolate(f0_frames[None, :], size=n_samples, mode='linear', align_corners=True)

# %%
F.interpolate(f0_frames[None, None, :], size=n_samples, mode='nearest', align_corners=True)

# %%
F.interpolate(f0_frames[None, None, :], size=n_samples, mode='bilinear')

# %%
# phase = 2*pi * cumsum(f / sr); wrap it to keep float32 precise
omega = 2 * math.pi * f0[0, 0] / sample_rate
phase = torch.cumsum(omega, dim=0)
wrapped = torch.remainder(phase, 2 * math.pi)
wrapped_f = torch.fmod(phase, 2 * math.pi)
print(phase[-3:], wrapped[-3:], wrapped_f[-3:])
print((torch.sin(phase) - torch.sin(wrapped)).abs().max() < 1e-3)

# %%
# remainder and fmod differ on negative numbers
x = torch.tensor([-7.0, -2.5, 0.0, 2.5, 7.0])
print(torch.remainder(x, 3), torch.fmod(x, 3))
print(torch.remainder(x, -3), torch.fmod(x, -3))
print(torch.remainder(torch.tensor([-7, 7]), 3), torch.fmod(torch.tensor([-7, 7]), 3))
print(x % 3, x % -3, torch.tensor([-7, 7]) % -3)

# %%
torch.remainder(torch.tensor([5, 3]), 0)

# %%
print(torch.fmod(torch.tensor([5, 3]), 0.0), torch.remainder(torch.tensor([5.0, -3.0]), 0.0))
print(torch.remainder(5.5, torch.tensor([2.0, -2.0])))

# %%
# harmonics: k * f0, silenced above Nyquist
n_harmonics = 8
harmonic_numbers = torch.arange(1, n_harmonics + 1, dtype=torch.float32)
freqs = f0[0, 0, :, None] * harmonic_numbers
print(freqs.shape, freqs[0])
aliased = freqs >= sample_rate / 2
print(aliased.any(), aliased.sum())

# %%
amp_logits = torch.randn(n_frames, n_harmonics, requires_grad=True)
amps = torch.softmax(amp_logits, dim=-1)
amps = amps.masked_fill(freqs[::hop] >= sample_rate / 2, 0.0)
amps_up = F.interpolate(amps.T[None], size=n_samples, mode='linear', align_corners=False)[0].T
print(amps_up.shape, amps_up.grad_fn)

# %%
phases = torch.cumsum(2 * math.pi * freqs / sample_rate, dim=0)
phases = torch.remainder(phases, 2 * math.pi)
audio = (amps_up * torch.sin(phases)).sum(-1)
print(audio.shape, audio.grad_fn, phases.grad_fn)
loss = audio.pow(2).mean()
loss.backward()
print(amp_logits.grad.shape, amp_logits.grad.abs().sum() > 0)

# %%
# learnable f0: the gradient flows through cumsum and remainder
f0_param = torch.full((n_frames,), 200.0, requires_grad=True)
f0_audio = F.interpolate(f0_param.view(1, 1, -1), size=n_samples, mode='linear', align_corners=True).view(-1)
ph = torch.remainder(torch.cumsum(2 * math.pi * f0_audio / sample_rate, 0), 2 * math.pi)
out = torch.sin(ph)
out.sum().backward()
print(f0_param.grad)
print(ph.grad_fn, ph.grad_fn.next_functions)

# %%
# fmod's gradient in the divisor
a = torch.tensor([5.0, -5.0, 7.5], requires_grad=True)
b = torch.tensor([2.0, 2.0, -2.0], requires_grad=True)
torch.fmod(a, b).sum().backward()
print(a.grad, b.grad)
a.grad = None; b.grad = None
torch.remainder(a, b).sum().backward()
print(a.grad, b.grad)

# %%
# cumsum of an int tensor promotes to int64; of bool too
print(torch.cumsum(torch.tensor([1, 2, 3], dtype=torch.int32), 0).dtype,
      torch.cumsum(torch.tensor([True, False, True]), 0))
print(torch.cumsum(torch.tensor([1, 2, 3], dtype=torch.int32), 0, dtype=torch.float64))

# %%
torch.cumsum(torch.ones(3, 4), dim=2)

# %%
torch.cumsum(torch.ones(3, 4))

# %%
# in-place phase wrapping on a tensor autograd needs
p = torch.cumsum(torch.ones(5, requires_grad=True), 0)
s = torch.sin(p)
p.remainder_(2 * math.pi)
s.sum().backward()
