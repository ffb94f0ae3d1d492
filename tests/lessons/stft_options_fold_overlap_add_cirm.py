# A learner's notebook on the STFT pieces of speech enhancement, written by hand: batched stft with its options
# (center, normalized, onesided, pad_mode), overlap-add done with F.fold compared with istft, complex ratio masks
# (cIRM) via view_as_real, gradients through stft and istft, and the mistakes learners make with these calls.
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
x = torch.randn(2, 200)
n_fft, hop = 32, 8
w = torch.hann_window(n_fft, periodic=True)
wsym = torch.hann_window(n_fft, periodic=False)
print(w[:4], wsym[:4], w.sum(), wsym.sum())
for center in (True, False):
    for normalized in (False, True):
        for onesided in (True, False):
            S = torch.stft(x, n_fft, hop, window=w, center=center, normalized=normalized, onesided=onesided,
                           return_complex=True)
            print(center, normalized, onesided, tuple(S.shape), S.dtype, S[1, 2, 3])

# %%
S = torch.stft(x, n_fft, hop, window=w, return_complex=True, pad_mode="constant")
print(S[0, :3, 0])
S = torch.stft(x, n_fft, hop, window=w, return_complex=True, pad_mode="reflect")
y = torch.istft(S, n_fft, hop, window=w, length=x.shape[-1])
print(y.shape, (y - x).abs().max() < 1e-5)
Sfull = torch.stft(x, n_fft, hop, window=w, return_complex=True, onesided=False, normalized=True)
yfull = torch.istft(Sfull, n_fft, hop, window=w, onesided=False, normalized=True, return_complex=True)
print(yfull.dtype, yfull.shape, yfull[0, 10:13])
try:
    y_nc = torch.istft(torch.stft(x, n_fft, hop, window=w, center=False, return_complex=True), n_fft, hop,
                       window=w, center=False)
    print(y_nc.shape)
except RuntimeError as e:
    print(type(e).__name__, str(e)[:60])

# %%
# overlap-add by hand with F.fold
frames = x[0].unfold(0, n_fft, hop) * w
print(frames.shape)
L = (frames.shape[0] - 1) * hop + n_fft
ola = F.fold(frames.T.unsqueeze(0), output_size=(1, L), kernel_size=(1, n_fft), stride=(1, hop))
norm = F.fold((w ** 2).repeat(frames.shape[0], 1).T.unsqueeze(0), output_size=(1, L), kernel_size=(1, n_fft),
              stride=(1, hop))
print(ola.shape, norm.shape, norm[0, 0, 0, 28:36])
rec = ola / norm.clamp_min(1e-8)
print((rec[0, 0, 0, n_fft:L - n_fft] - x[0, n_fft:L - n_fft]).abs().max() < 1e-5)

# %%
torch.manual_seed(1)
xr = x.clone().requires_grad_()
S = torch.stft(xr, n_fft, hop, window=w, return_complex=True)
cm = torch.randn(S.shape + (2,)) * 0.5
mask = torch.view_as_complex(cm.requires_grad_())
est = torch.istft(S * mask, n_fft, hop, window=w, length=200)
loss = (est - x).pow(2).mean()
loss.backward()
print(loss, xr.grad[0, :4], cm.grad[0, 1, 2], S.grad_fn, est.grad_fn, mask.grad_fn)
print(torch.view_as_real(S).shape, torch.view_as_real(S)[0, 1, 2])

# %%
mag = S.abs().detach().requires_grad_()
spec = torch.polar(mag, S.angle().detach())
out = torch.istft(spec, n_fft, hop, window=w)
out.sum().backward()
print(out.shape, mag.grad[0, :3, 2], spec.grad_fn)
lm = torch.log1p(S.abs()).detach().requires_grad_()
(torch.expm1(lm) * torch.exp(1j * S.angle().detach())).abs().sum().backward()
print(lm.grad[1, 0, :3])

# %%
for kwargs in [dict(n_fft=32, hop_length=0), dict(n_fft=300), dict(n_fft=32, win_length=40),
               dict(n_fft=32, window=torch.hann_window(16)), dict(n_fft=32, window=torch.hann_window(32).double())]:
    try:
        print(torch.stft(x, return_complex=True, **kwargs).shape)
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.stft(x.unsqueeze(0), 32, return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(x, 32, window=w, return_complex=False)
except Exception as e:
    print(type(e).__name__, e)
S = torch.stft(x, n_fft, hop, window=w, return_complex=True)
for kwargs in [dict(window=torch.ones(32)), dict(window=torch.zeros(32)), dict(window=w, onesided=False),
               dict(window=w, center=False), dict(window=w, length=500), dict(window=w, hop_length=40)]:
    try:
        print(torch.istft(S, n_fft, hop_length=kwargs.pop("hop_length", hop), **kwargs).shape)
    except Exception as e:
        print(type(e).__name__, e)
