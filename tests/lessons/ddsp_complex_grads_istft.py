# DDSP from scratch, part 4: gradients through the magnitude and phase of complex spectra (at zero too), phase
# vocoder tricks, istft round trips, and editing spectrograms in place.
import math
import torch

# %%
z = torch.tensor([0 + 0j, 3 + 4j, -1 + 0j, 0 - 2j], requires_grad=True)
mag = z.abs()
print(mag, mag.grad_fn)
mag.sum().backward()
print(z.grad)

# %%
z.grad = None
ph = z.angle()
print(ph, ph.grad_fn)
ph.sum().backward()
print(z.grad)

# %%
# the real tensor's angle: 0 or pi, and its gradient is zero
x = torch.tensor([-2.0, 0.0, 3.0, -0.0], requires_grad=True)
a = torch.angle(x)
print(a, a.grad_fn)
a.sum().backward()
print(x.grad)
print(torch.angle(torch.tensor([-1, 0, 2])), torch.tensor([float('nan'), -float('inf')]).angle())

# %%
# abs of a real tensor at zero: subgradient 0
r = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
r.abs().sum().backward()
print(r.grad)

# %%
# magnitude from real and imaginary parts by hand: nan at zero
re = torch.tensor([0.0, 3.0], requires_grad=True)
im = torch.tensor([0.0, 4.0], requires_grad=True)
m = torch.sqrt(re ** 2 + im ** 2)
m.sum().backward()
print(m, re.grad, im.grad)

# %%
re.grad = None; im.grad = None
m = torch.sqrt(re ** 2 + im ** 2 + 1e-8)
m.sum().backward()
print(re.grad, im.grad)
hz = torch.hypot(re, im)
print(hz, hz.grad_fn)

# %%
# polar form and back
mag_t = torch.tensor([1.0, 2.0, 0.0], requires_grad=True)
phase_t = torch.tensor([0.0, math.pi / 2, 1.0], requires_grad=True)
spec = torch.polar(mag_t, phase_t)
print(spec, spec.grad_fn)
(spec.real.sum() + spec.imag.sum()).backward()
print(mag_t.grad, phase_t.grad)

# %%
torch.polar(torch.tensor([1.0]), torch.tensor([1.0], dtype=torch.float64))

# %%
torch.polar(torch.tensor([1, 2]), torch.tensor([1, 2]))

# %%
print(torch.complex(torch.tensor([1.0]), torch.tensor([2.0])), torch.view_as_complex(torch.tensor([[1.0, 2.0]])))

# %%
torch.complex(torch.tensor([1.0]), torch.tensor([2.0], dtype=torch.float64))

# %%
torch.complex(torch.tensor([1]), torch.tensor([2]))

# %%
# istft round trip with a learnable magnitude
torch.manual_seed(0)
sig = torch.randn(1024)
win = torch.hann_window(128)
S = torch.stft(sig, 128, hop_length=32, window=win, return_complex=True)
gain = torch.ones(S.shape[0], 1, requires_grad=True)
y = torch.istft(S * gain, 128, hop_length=32, window=win, length=1024)
print(y.shape, torch.allclose(y, sig, atol=1e-5), y.grad_fn)
(y - sig).pow(2).sum().backward()
print(gain.grad.abs().max() < 1e-4)

# %%
torch.istft(S, 128, hop_length=32)

# %%
torch.istft(S, 128, hop_length=32, window=torch.hann_window(64))

# %%
torch.istft(S.real, 128, hop_length=32, window=win)

# %%
torch.istft(S, 127, hop_length=32, window=torch.hann_window(127))

# %%
# the phase difference between frames: instantaneous frequency
phase = S.angle()
dphase = torch.diff(phase, dim=-1)
unwrapped = torch.remainder(dphase + math.pi, 2 * math.pi) - math.pi
print(unwrapped.shape, unwrapped.abs().max() <= math.pi)

# %%
# zeroing bins in place on a view of the spectrogram
S2 = torch.stft(sig, 128, hop_length=32, window=win, return_complex=True)
S2[40:] = 0
S2[:, :2].mul_(0.5)
low = torch.istft(S2, 128, hop_length=32, window=win, length=1024)
print(low.shape, S2[50, 3], S2.abs().sum() < S.abs().sum())

# %%
learn = torch.randn(65, 33, dtype=torch.complex64, requires_grad=True)
learn[40:] = 0

# %%
w = learn * 1
mag_w = w.abs()
w[40:] = 0
mag_w.sum().backward()

# %%
w = learn * 1
mag_w = w.abs()
w[40:].zero_()
print(w._version, w[39:41, 0].abs())

# %%
# complex sum and mean: gradients are complex
c = torch.randn(4, dtype=torch.complex64, requires_grad=True)
(c.abs() ** 2).mean().backward()
print(torch.allclose(c.grad, c.detach() / 2))
c.sum().backward()

# %%
c.real.sum().backward()
print(c.grad)
print(torch.view_as_real(c).shape, c.conj().imag + c.imag)

# %%
print(torch.sgn(torch.tensor([0j, 3 + 4j])), torch.sign(torch.tensor([-2.0, 0.0])))

# %%
torch.sign(torch.tensor([1 + 1j]))
