# Hermitian-symmetric 2-d signals with torch.fft.ihfft2 / hfft2 / ihfftn / hfftn, following the examples of the
# PyTorch docs for torch.fft.hfft2 and torch.fft.hfftn ("Starting from a real frequency-space signal, we can generate
# a Hermitian-symmetric time-domain signal ... it is recommended to always pass the signal shape s"), then compared
# with rfft2 / irfft2, the norm modes, a gradient through the round trip, and the mistakes a learner makes.
import torch

# %%
torch.manual_seed(0)
T = torch.rand(4, 5)
t = torch.fft.ihfft2(T)
print(t.shape, t.dtype)
print(torch.fft.hfft2(t).size())            # the odd last dim does not come back without s=
roundtrip = torch.fft.hfft2(t, T.size())
print(roundtrip.shape, torch.allclose(roundtrip, T, atol=1e-6))

# %%
# ihfft2 is the conjugate of rfft2 scaled by 1/N; hfft2 undoes it
print(torch.allclose(t, torch.fft.rfft2(T).conj() / T.numel(), atol=1e-6))
print(torch.allclose(torch.fft.hfft2(t, s=T.shape), torch.fft.irfft2(t.conj() * T.numel(), s=T.shape), atol=1e-5))
V = torch.rand(3, 4, 6, dtype=torch.float64)
v = torch.fft.ihfftn(V)
print(v.shape, v.dtype, torch.fft.hfftn(v, V.shape).sub(V).abs().max() < 1e-12)
print(torch.fft.ihfftn(V, dim=(0, 2)).shape, torch.fft.hfftn(v, dim=(0, 1)).shape)

# %%
for norm in ["backward", "ortho", "forward"]:
    tt = torch.fft.ihfft2(T, norm=norm)
    back = torch.fft.hfft2(tt, s=T.shape, norm=norm)
    print(norm, round(tt.abs().sum().item(), 4), torch.allclose(back, T, atol=1e-5))

# %%
# a gradient through the round trip, and through a frequency-space gain
gain = torch.ones(4, 3, requires_grad=True)
out = torch.fft.hfft2(torch.fft.ihfft2(T) * gain, s=T.shape)
loss = (out - T.flip(0)).pow(2).mean()
loss.backward()
print(out.grad_fn, round(loss.item(), 5))
print(gain.grad)

# %%
for make in [lambda: torch.fft.ihfft2(t),
             lambda: torch.fft.hfft2(torch.rand(6)),
             lambda: torch.fft.hfftn(t, s=(4, 5, 6)),
             lambda: torch.fft.ihfftn(T, dim=(1, 1)),
             lambda: torch.fft.hfft2(t, norm="unit")]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
