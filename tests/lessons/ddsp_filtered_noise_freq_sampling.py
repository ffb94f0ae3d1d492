# Imitates DDSP's FilteredNoise synth and frequency_impulse_response in PyTorch: a learned magnitude response
# turned into a windowed linear-phase FIR with irfft, roll and a Hann window, then applied to white noise
# frame by frame with rfft/irfft convolution (fft_convolve), overlap-add with F.fold, gradients to the magnitudes.
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(3)
n_frames, n_bands, hop = 4, 9, 16
mag_logits = torch.randn(1, n_frames, n_bands, requires_grad=True)
mags = 2 * torch.sigmoid(mag_logits) ** math.log(10) + 1e-7
print(mags.shape, mags.grad_fn.name(), mags[0, 0, :4])

# %%
# magnitudes are a zero-phase frequency response: irfft gives a symmetric impulse response
ir = torch.fft.irfft(torch.complex(mags, torch.zeros_like(mags)))
print(ir.shape, ir.dtype, ir.grad_fn.name())
print(ir[0, 0, :4])
ir_b = torch.fft.irfft(mags)
print(torch.allclose(ir, ir_b), ir_b.grad_fn.name())

# %%
ir_size = ir.shape[-1]
ir = torch.roll(ir, shifts=ir_size // 2, dims=-1)
window = torch.hann_window(ir_size, periodic=False)
ir = ir * window
print(ir.grad_fn.name(), window[:3], window.dtype)
print(ir[0, 1])

# %%
try:
    torch.roll(ir, shifts=(1, 2), dims=-1)
except Exception as e:
    print(type(e).__name__, e)

# %%
noise = torch.rand(1, n_frames, hop) * 2 - 1
print(noise.shape, noise[0, 0, :4])

def fft_convolve(audio, impulse):
    n = audio.shape[-1] + impulse.shape[-1] - 1
    n_fft = 1 << (n - 1).bit_length()
    spec = torch.fft.rfft(audio, n=n_fft) * torch.fft.rfft(impulse, n=n_fft)
    return torch.fft.irfft(spec, n=n_fft)[..., :n]

out = fft_convolve(noise, ir)
print(out.shape, out.grad_fn.name(), out[0, 0, :5])

# %%
# check against a direct convolution (conv1d is cross-correlation: flip the kernel)
direct = F.conv1d(F.pad(noise[:, :1], (ir_size - 1, ir_size - 1)), ir[:, :1].flip(-1))
print(direct.shape, torch.allclose(direct[0, 0], out[0, 0], atol=1e-5))
print((direct[0, 0] - out[0, 0]).abs().max() < 1e-5)

# %%
# overlap-add the frames back into one signal
frames = out.transpose(1, 2)  # (1, frame_len, n_frames)
sig = F.fold(frames, output_size=(1, (n_frames - 1) * hop + out.shape[-1]), kernel_size=(1, out.shape[-1]),
             stride=(1, hop))
print(sig.shape, sig.grad_fn.name())
sig = sig.flatten()
print(sig[:4], sig.shape)

# %%
loss = sig.pow(2).sum()
loss.backward()
print(loss)
print(mag_logits.grad[0, 0], mag_logits.grad.dtype)

# %%
# rfft/irfft sizes: odd lengths lose the last bin unless n is given
x = torch.randn(7)
X = torch.fft.rfft(x)
print(X.shape, torch.fft.irfft(X).shape, torch.allclose(torch.fft.irfft(X, n=7), x, atol=1e-6))
print(torch.fft.rfft(x, norm='ortho').abs()[:3], torch.fft.irfft(X, n=7, norm='forward')[:2])

# %%
try:
    torch.fft.rfft(torch.randn(4, dtype=torch.complex64))
except Exception as e:
    print(type(e).__name__, e)

# %%
try:
    torch.fft.irfft(X, n=0)
except Exception as e:
    print(type(e).__name__, e)

# %%
try:
    torch.fft.rfft(x, norm='unitary')
except Exception as e:
    print(type(e).__name__, e)

# %%
# gradient through the complex spectrum's magnitude and phase
xr = torch.randn(8, requires_grad=True)
S = torch.fft.rfft(xr)
val = S.abs().sum() + S.angle().sum()
val.backward()
print(S.grad_fn.name(), S.abs().grad_fn.name(), S.angle().grad_fn.name())
print(xr.grad)
