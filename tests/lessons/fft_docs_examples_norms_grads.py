# Imitates a learner copying the Examples blocks of PyTorch's torch.fft reference (fft, ifft, rfft, irfft, fft2,
# fftn, rfftn, hfft, ihfft, fftfreq, rfftfreq, fftshift, ifftshift) with the norm= variants, then taking gradients
# through them, comparing float32 with float64 and making the usual mistakes.
import torch

t = torch.arange(4)
print(t)
print(torch.fft.fft(t))
t = torch.tensor([0.+1.j, 2.+3.j, 4.+5.j, 6.+7.j])
print(torch.fft.fft(t))
print(torch.fft.ifft(torch.tensor([ 6.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])))
print(torch.fft.rfft(torch.arange(4)))
print(torch.fft.fft(torch.arange(4)))

# %%
t = torch.linspace(0, 1, 5)
T = torch.fft.ifft(t)
print(T)
print(torch.fft.irfft(T[:3]), torch.fft.irfft(T[:3], t.numel()))
roundtrip = torch.fft.irfft(torch.fft.rfft(t), t.numel())
print(torch.testing.assert_close(roundtrip, t, check_stride=False))
print(torch.fft.hfft(T[:3], n=5))
print(torch.fft.hfft(T[:3]))
print(torch.fft.ihfft(t))
print(torch.fft.ifft(t))

# %%
torch.manual_seed(0)
x = torch.rand(10, 10, dtype=torch.complex64)
fft2 = torch.fft.fft2(x)
two_ffts = torch.fft.fft(torch.fft.fft(x, dim=0), dim=1)
print(torch.testing.assert_close(fft2, two_ffts, check_stride=False))
x = torch.rand(10, 10)
rfftn = torch.fft.rfftn(x)
print(rfftn.shape, torch.fft.rfft2(x).shape)
full_fft = torch.fft.fftn(x)
print(torch.testing.assert_close(full_fft[..., :6], rfftn, check_stride=False))
print(torch.fft.irfftn(rfftn, x.shape).sub(x).abs().max() < 1e-6)

# %%
print(torch.fft.fftfreq(5))
print(torch.fft.fftfreq(4))
print(torch.fft.rfftfreq(5))
print(torch.fft.rfftfreq(4))
print(torch.fft.fftfreq(5, d=0.1), torch.fft.rfftfreq(8, 0.5, dtype=torch.float64))
f = torch.fft.fftfreq(5)
print(torch.fft.fftshift(f))
x = torch.fft.fftfreq(5, d=1/5) + 0.1 * torch.fft.fftfreq(5, d=1/5).unsqueeze(1)
print(x)
print(torch.fft.fftshift(x, dim=(1,)))
shifted = torch.fft.fftshift(f)
print(torch.fft.ifftshift(shifted))

# %%
torch.manual_seed(1)
sig = torch.randn(8)
for norm in (None, "backward", "ortho", "forward"):
    print(norm, torch.fft.fft(sig, norm=norm)[:3], torch.fft.rfft(sig, norm=norm)[1])
    print(torch.fft.irfft(torch.fft.rfft(sig, norm=norm), n=8, norm=norm)[:3])
    print(torch.fft.hfft(sig[:5].to(torch.complex64), norm=norm)[:3], torch.fft.ihfft(sig, norm=norm)[:2])
print(torch.fft.fftn(sig.reshape(2, 4), norm="ortho"))
print(torch.fft.fft(sig, n=5), torch.fft.fft(sig, n=10).shape)

# %%
x = torch.randn(8, requires_grad=True)
X = torch.fft.rfft(x)
print(X.grad_fn, X.dtype)
power = X.abs().pow(2).sum()
print(power.grad_fn)
power.backward()
print(x.grad)
x.grad = None
y = torch.fft.irfft(torch.fft.rfft(x, norm="ortho") * torch.tensor([1, 1, 0.5, 0, 0]), n=8, norm="ortho")
print(y.grad_fn, y.grad_fn.next_functions[0][0])
y.pow(2).sum().backward()
print(x.grad)

# %%
z = torch.randn(4, 4, dtype=torch.complex128, requires_grad=True)
Z = torch.fft.fft2(z, norm="forward")
print(Z.grad_fn, Z.dtype)
Z.abs().sum().backward()
print(z.grad)
w = torch.randn(6, dtype=torch.float64, requires_grad=True)
out = torch.fft.hfft(w.to(torch.complex128), n=10)
print(out.grad_fn, out.dtype)
out.sum().backward()
print(w.grad)
v = torch.randn(6, requires_grad=True)
ih = torch.fft.ihfft(v)
print(ih.grad_fn, ih.dtype)
ih.real.sum().backward()
print(v.grad)
s = torch.fft.fftshift(v)
print(s.grad_fn)

# %%
xd = torch.linspace(0, 1, 6, dtype=torch.float64)
print(torch.fft.fft(xd).dtype, torch.fft.rfft(xd.float()).dtype, torch.fft.fft(xd.to(torch.complex64)).dtype)
print(torch.fft.fft(torch.tensor([1, 2, 3])).dtype, torch.fft.fft(torch.tensor([True, False])).dtype)
print(torch.fft.fftfreq(4, dtype=torch.float64).dtype, torch.fft.rfftfreq(4).dtype)
print(torch.fft.ifftshift(torch.arange(6).reshape(2, 3)))

# %%
sig = torch.randn(8)
for bad in [lambda: torch.fft.fft(sig, dim=1),
            lambda: torch.fft.fft(sig, norm="orthogonal"),
            lambda: torch.fft.rfft(sig.to(torch.complex64)),
            lambda: torch.fft.fft(sig, n=0),
            lambda: torch.fft.fft2(sig),
            lambda: torch.fft.ihfft(sig.to(torch.complex64)),
            lambda: torch.fft.irfft(sig, n=-1),
            lambda: torch.fft.fftn(sig, s=(4, 4)),
            lambda: torch.fft.fftn(sig.reshape(2, 4), dim=(0, 0)),
            lambda: torch.fft.fftfreq(-1),
            lambda: torch.fft.fftfreq(4, dtype=torch.int64),
            lambda: torch.fft.rfft(torch.tensor(3.0)),
            lambda: torch.fft.fftshift(sig, dim=2),
            lambda: torch.fft.fft(sig.half())]:
    try:
        r = bad()
        print(r.shape, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)
