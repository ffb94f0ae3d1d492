# A "Fourier transform of a waveform" notebook: torch.fft.rfft / irfft / fftfreq / rfftfreq on sampled signals,
# norms, zero-padding with n, the frequency axis, gradients through the transforms, and the mistakes learners make.
import math
import torch

# %%
torch.manual_seed(2)
fs = 64
t = torch.arange(fs) / fs
x = 2 * torch.cos(2 * math.pi * 5 * t) + torch.sin(2 * math.pi * 12 * t)
X = torch.fft.rfft(x)
f = torch.fft.rfftfreq(fs, d=1 / fs)
print(X.shape, X.dtype, f.shape, f.dtype, f[:4])
amp = 2 * X.abs() / fs
top = torch.topk(amp, 2)
print(top.values, f[top.indices])

# %%
print(torch.fft.fftfreq(8), torch.fft.fftfreq(7, d=0.5))
print(torch.fft.rfftfreq(9, 0.1), torch.fft.fftfreq(4, dtype=torch.float64))
print(torch.fft.fftshift(torch.fft.fftfreq(6)), torch.fft.ifftshift(torch.arange(5)))
print(torch.fft.fftfreq(5, requires_grad=True))

# %%
for norm in [None, "backward", "ortho", "forward"]:
    Y = torch.fft.rfft(x, norm=norm)
    back = torch.fft.irfft(Y, n=fs, norm=norm)
    print(norm, Y[5], (back - x).abs().max() < 1e-5)

# %%
print(torch.fft.rfft(x, n=80).shape, torch.fft.rfft(x, n=10))
print(torch.fft.irfft(X).shape, torch.fft.irfft(X, n=63).shape, torch.fft.irfft(X, n=7))
print(torch.fft.irfft(X[:3]), torch.fft.irfft(torch.tensor([1.0 + 0j])))
print(torch.fft.rfft(torch.arange(6)), torch.fft.rfft(torch.arange(6, dtype=torch.float64)).dtype)
print(torch.fft.fft(torch.tensor([1, 2, 3])), torch.fft.ifft(torch.tensor([1.0, 0.0, 0.0, 0.0])))

# %%
for make in [lambda: torch.fft.irfft(X, n=0), lambda: torch.fft.irfft(X, n=-3),
             lambda: torch.fft.rfft(x, n=0), lambda: torch.fft.rfft(X),
             lambda: torch.fft.rfft(x, dim=1), lambda: torch.fft.rfft(x, norm="unit"),
             lambda: torch.fft.irfft(torch.zeros(0, dtype=torch.complex64)),
             lambda: torch.fft.rfft(torch.zeros(0)), lambda: torch.fft.fftfreq(-1),
             lambda: torch.fft.rfft(x.half()), lambda: torch.fft.fft(torch.tensor([True, False]))]:
    try:
        out = make()
        print("ok", out.shape, out.dtype)
    except Exception as e:
        print(type(e).__name__, e)

# %%
sig = torch.randn(32, requires_grad=True)
S = torch.fft.rfft(sig)
print(S.grad_fn.name())
loss = (S.abs() ** 2).sum()
loss.backward()
print(torch.allclose(sig.grad, 2 * 32 * sig.detach()), sig.grad[:3])
sig.grad = None
lowpass = torch.fft.irfft(S * (torch.arange(17) < 5), n=32)
print(lowpass.grad_fn.name(), lowpass[:3])
try:
    lowpass.pow(2).sum().backward()   # S's graph was freed by the first backward
except RuntimeError as e:
    print(type(e).__name__, e)
S = torch.fft.rfft(sig)
lowpass = torch.fft.irfft(S * (torch.arange(17) < 5), n=32)
lowpass.pow(2).sum().backward()
print(sig.grad[:4])

# %%
coef = torch.randn(9, dtype=torch.complex128, requires_grad=True)
y = torch.fft.irfft(coef, n=16, norm="ortho")
y.sum().backward()
print(y.grad_fn.name(), coef.grad)
coef.grad = None
y = torch.fft.irfft(coef, n=15)
(y * torch.arange(15.0, dtype=torch.float64)).sum().backward()
print(coef.grad)

# %%
batch = torch.randn(3, 2, 20)
B = torch.fft.rfft(batch, dim=-1)
print(B.shape, torch.fft.rfft(batch, dim=0).shape, torch.fft.irfft(B, n=20, dim=-1).shape)
print(torch.fft.rfft2(batch).shape, torch.fft.irfft2(torch.fft.rfft2(batch), s=(2, 20)).sub(batch).abs().max() < 1e-5)
print(torch.fft.hfft(X[:5]).shape, torch.fft.ihfft(x[:10]))
