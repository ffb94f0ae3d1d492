# DDSP from scratch, part 2: filtered noise from frequency-sampled filters (irfft of magnitudes, hann window,
# roll / fftshift to make it causal), FFT convolution, and a learnable reverb impulse response.
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
n_bands = 9
magnitudes = torch.sigmoid(torch.randn(2, n_bands))
ir = torch.fft.irfft(torch.complex(magnitudes, torch.zeros_like(magnitudes)))
print(ir.shape, ir.dtype)
print(torch.fft.irfft(magnitudes.to(torch.complex64), n=17).shape)

# %%
# irfft without n= assumes an even length: 2 * (bins - 1)
x = torch.randn(15)
X = torch.fft.rfft(x)
print(X.shape, torch.fft.irfft(X).shape, torch.fft.irfft(X, n=15).shape)
print(torch.allclose(torch.fft.irfft(X, n=15), x, atol=1e-6))

# %%
# norm= must match on both sides
for norm in (None, 'backward', 'ortho', 'forward'):
    Y = torch.fft.rfft(x, norm=norm)
    print(norm, Y[0].real.item(), torch.fft.irfft(Y, n=15, norm=norm)[:2])

# %%
torch.fft.rfft(x, norm='energy')

# %%
torch.fft.rfft(torch.randn(4, dtype=torch.complex64))

# %%
print(torch.fft.rfft(torch.arange(8)), torch.fft.rfft(torch.arange(8)).dtype)
print(torch.fft.rfft(torch.ones(8, dtype=torch.float64)).dtype, torch.fft.irfft(torch.ones(5, dtype=torch.complex128)).dtype)

# %%
torch.fft.irfft(X, n=0)

# %%
torch.fft.rfft(x, n=-2)

# %%
# window the impulse response: make it zero-phase first, then centred and causal
ir_len = 2 * (n_bands - 1)
window = torch.hann_window(ir_len)
print(window[:4], torch.hann_window(ir_len, periodic=False)[:4])
ir_centred = torch.roll(ir, shifts=ir_len // 2, dims=-1)
print(torch.allclose(ir_centred, torch.fft.fftshift(ir, dim=-1)))
ir_windowed = ir_centred * window
print(ir_windowed.shape, ir_windowed.grad_fn)

# %%
print(torch.roll(torch.arange(6), 2), torch.roll(torch.arange(6).view(2, 3), 1), torch.roll(torch.arange(6).view(2, 3), (1, -1), (0, 1)))
print(torch.fft.fftshift(torch.arange(7)), torch.fft.ifftshift(torch.arange(7)))
print(torch.fft.fftshift(torch.arange(6).view(2, 3)), torch.fft.fftfreq(6), torch.fft.rfftfreq(7, d=1 / 16000))

# %%
torch.roll(torch.arange(6).view(2, 3), (1, 2), 0)

# %%
torch.roll(torch.arange(6), 1, 1)

# %%
# window dtype mismatch in a learner's own hann
window64 = torch.hann_window(ir_len, dtype=torch.float64)
print((ir_centred * window64).dtype)
print(torch.hann_window(5, dtype=torch.int64) if False else torch.hann_window(1), torch.hann_window(0))

# %%
torch.hann_window(8, dtype=torch.int64)

# %%
torch.hann_window(-1)

# %%
# filtered noise by FFT convolution: pad to avoid circular wrap-around
torch.manual_seed(1)
noise = torch.rand(2, 64) * 2 - 1
n = noise.shape[-1] + ir_len - 1
conv = torch.fft.irfft(torch.fft.rfft(noise, n=n) * torch.fft.rfft(ir_windowed, n=n), n=n)
print(conv.shape)
direct = F.conv1d(F.pad(noise[:, None], (ir_len - 1, ir_len - 1)), ir_windowed.flip(-1)[:, None], groups=1)
print(direct.shape)

# %%
# the circular version is shorter and wraps
circ = torch.fft.irfft(torch.fft.rfft(noise) * torch.fft.rfft(ir_windowed, n=64), n=64)
print(circ.shape, torch.allclose(circ, conv[:, :64], atol=1e-5))

# %%
torch.fft.rfft(noise) * torch.fft.rfft(ir_windowed)

# %%
# a learnable exponentially-decaying reverb
torch.manual_seed(2)
ir_size = 32
decay = torch.tensor(3.0, requires_grad=True)
wet = torch.tensor(0.5, requires_grad=True)
t = torch.linspace(0, 1, ir_size)
rev = torch.randn(ir_size) * torch.exp(-F.softplus(decay) * t * 10)
rev = torch.cat([torch.ones(1), rev[1:] * wet])
dry = torch.randn(128)
nfft = dry.shape[-1] + ir_size - 1
out = torch.fft.irfft(torch.fft.rfft(dry, nfft) * torch.fft.rfft(rev, nfft), nfft)[:128]
out.pow(2).mean().backward()
print(out.grad_fn, decay.grad, wet.grad)

# %%
# the complex gradients of rfft and irfft
z = torch.randn(8, requires_grad=True)
Z = torch.fft.rfft(z, norm='ortho')
print(Z.grad_fn)
Z.abs().sum().backward()
print(z.grad)
w = torch.randn(5, dtype=torch.complex64, requires_grad=True)
r = torch.fft.irfft(w, n=8)
print(r.grad_fn)
r.sum().backward()
print(w.grad)

# %%
# in-place on a view of the signal that autograd saved
sig = torch.randn(16, requires_grad=True)
spec = torch.fft.rfft(sig * 1.0)
head = spec[:4]
m = head.abs()
head.mul_(0)
m.sum().backward()
