# Spectrum analysis with torch.fft as the SciPy / NumPy FFT tutorials do it (realpython "Fourier Transforms With
# scipy.fft", numpy.fft docs) translated to PyTorch: rfft + rfftfreq for a one-sided spectrum, fft + fftfreq +
# fftshift for a centred two-sided one, peaks with topk, norm= modes, zero-padding with n=, and the mistakes
# learners make with the frequency helpers (a float n, a Tensor d, d = 0, a complex dtype).
import math
import torch

# %%
torch.manual_seed(3)
SAMPLE_RATE, DURATION = 200, 2
N = SAMPLE_RATE * DURATION
x = torch.linspace(0, DURATION, N + 1)[:-1]
nice_tone = torch.sin(2 * math.pi * 12 * x)
noise_tone = 0.3 * torch.sin(2 * math.pi * 47 * x)
mixed = nice_tone + noise_tone + 0.05 * torch.randn(N)
print(mixed.shape, mixed[:5])

# %%
yf = torch.fft.rfft(mixed)
xf = torch.fft.rfftfreq(N, 1 / SAMPLE_RATE)
print(yf.shape, yf.dtype, xf.shape, xf[:5], xf[-2:])
amp = yf.abs() / N * 2
vals, idx = amp.topk(3)
print(vals, xf[idx])

# %%
full = torch.fft.fft(mixed)
freqs = torch.fft.fftfreq(N, d=1 / SAMPLE_RATE)
print(freqs[:3], freqs[N // 2 - 1:N // 2 + 2], freqs[-2:])
centred = torch.fft.fftshift(full)
print(torch.fft.fftshift(freqs)[:3], centred.abs()[N // 2 - 1:N // 2 + 2])
print(torch.fft.ifftshift(torch.fft.fftshift(freqs)).equal(freqs))
print(torch.fft.fftfreq(7), torch.fft.rfftfreq(7, 0.5), torch.fft.fftfreq(6, dtype=torch.float64))

# %%
# the norms: ortho keeps the energy (Parseval), forward puts the 1/N on the way in
for norm in ["backward", "ortho", "forward"]:
    Y = torch.fft.rfft(mixed, norm=norm)
    print(norm, Y[24].abs(), torch.fft.irfft(Y, n=N, norm=norm).sub(mixed).abs().max() < 1e-5)
Yo = torch.fft.fft(mixed, norm="ortho")
print(mixed.pow(2).sum(), Yo.abs().pow(2).sum())

# %%
# zero padding with n= interpolates the spectrum; an odd n needs to be given back to irfft
Yp = torch.fft.rfft(mixed[:50], n=256)
print(Yp.shape, torch.fft.rfftfreq(256, 1 / SAMPLE_RATE)[Yp.abs().argmax()])
odd = mixed[:9]
print(torch.fft.irfft(torch.fft.rfft(odd)).shape, torch.fft.irfft(torch.fft.rfft(odd), n=9).sub(odd).abs().max() < 1e-6)

# %%
# removing the 47 Hz tone by zeroing its bins and transforming back
clean = yf.clone()
target = (xf - 47).abs().argmin()
clean[target - 2:target + 3] = 0
filtered = torch.fft.irfft(clean, n=N)
print(target, filtered.shape, (filtered - nice_tone).abs().max() < 0.2)

# %%
# mistakes with the frequency helpers
def attempt(make):
    try:
        print("ok", make())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: torch.fft.rfftfreq(N / 2, 1 / SAMPLE_RATE))
attempt(lambda: torch.fft.fftfreq(8, torch.tensor(0.5)))
attempt(lambda: torch.fft.fftfreq(4, 0.0))
attempt(lambda: torch.fft.rfftfreq(0))
attempt(lambda: torch.fft.rfftfreq(8, d="0.5"))
attempt(lambda: torch.fft.fftfreq(8, dtype=torch.complex64))
attempt(lambda: torch.fft.fftfreq(8, dtype=torch.int64))
attempt(lambda: torch.fft.fftfreq(-3))

# %%
# ... and with the transforms
attempt(lambda: torch.fft.rfft(mixed, n=64.0).shape)
attempt(lambda: torch.fft.rfft(mixed, dim=0.0).shape)
attempt(lambda: torch.fft.rfft(yf))
attempt(lambda: torch.fft.rfft(mixed, norm="unitary"))
attempt(lambda: torch.fft.fftshift(freqs, dim=1.0))
attempt(lambda: torch.fft.fftshift(freqs.view(20, 20), dim=(0, 1)).shape)
attempt(lambda: torch.fft.rfft(mixed.tolist()))
