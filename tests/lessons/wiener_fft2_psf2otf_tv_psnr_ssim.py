# Imitates a Wiener-filter / total-variation lesson (an image restoration course notebook): the PSF is padded to
# the image size and rolled so its centre is at (0, 0) (psf2otf), fft2 / ifft2 / fftshift / ifftshift, the Wiener
# filter conj(H) / (|H|^2 + K), TV denoising with Adam (anisotropic and isotropic with an eps), and PSNR / SSIM
# written by hand (Gaussian window, avg_pool2d window); prints spectra, dtypes, grads and learners' errors.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(8)
H, W = 10, 12
yy, xx = torch.meshgrid(torch.arange(H, dtype=torch.float64), torch.arange(W, dtype=torch.float64), indexing="ij")
img = ((xx - 5) ** 2 + (yy - 4) ** 2 < 10).double() * 0.8 + 0.1 * torch.sin(xx)
psf = torch.tensor([[1., 2., 1.], [2., 4., 2.], [1., 2., 1.]], dtype=torch.float64) / 16

def psf2otf(p, shape):
    pad = torch.zeros(shape, dtype=p.dtype)
    pad[: p.shape[0], : p.shape[1]] = p
    pad = torch.roll(pad, shifts=(-(p.shape[0] // 2), -(p.shape[1] // 2)), dims=(0, 1))
    return torch.fft.fft2(pad)

# %%
Hf = psf2otf(psf, (H, W))
print(Hf.dtype, Hf.shape, Hf[0, :3], Hf.abs().max().item(), Hf.imag.abs().max().item())
Hs = torch.fft.fft2(psf, s=(H, W))
print(Hs.dtype, (Hs.abs() - Hf.abs()).abs().max().item())
blurred = torch.fft.ifft2(torch.fft.fft2(img) * Hf).real
noisy = blurred + 0.01 * torch.randn_like(blurred)
print(blurred.dtype, blurred.sum().item(), img.sum().item())
spec = torch.fft.fftshift(torch.fft.fft2(noisy))
print(spec.shape, spec[H // 2, W // 2], torch.log1p(spec.abs())[H // 2, W // 2 - 2: W // 2 + 3])
print(torch.fft.ifftshift(torch.fft.fftshift(noisy)).equal(noisy), torch.fft.fftshift(torch.arange(7)), torch.fft.fftshift(torch.arange(6).view(2, 3), dim=1))

# %%
def psnr(a, b, peak=1.0):
    mse = F.mse_loss(a, b)
    return 10 * torch.log10(peak ** 2 / mse)

for K in (1e-4, 1e-3, 1e-2, 1e-1):
    Wf = Hf.conj() / (Hf.abs() ** 2 + K)
    rest = torch.fft.ifft2(torch.fft.fft2(noisy) * Wf)
    print(K, rest.dtype, rest.imag.abs().max().item() < 1e-12, psnr(rest.real, img).item())
naive = torch.fft.ifft2(torch.fft.fft2(noisy) / Hf).real
print(psnr(naive, img).item(), psnr(noisy, img).item(), psnr(img, img).item())

# %%
def ssim(a, b, win=5, sigma=1.5, C1=0.01 ** 2, C2=0.03 ** 2):
    ax = torch.arange(win, dtype=a.dtype) - win // 2
    g = torch.exp(-ax ** 2 / (2 * sigma ** 2))
    g = g / g.sum()
    w = (g[:, None] * g[None, :]).view(1, 1, win, win)
    a, b = a.view(1, 1, *a.shape[-2:]), b.view(1, 1, *b.shape[-2:])
    mu_a, mu_b = F.conv2d(a, w), F.conv2d(b, w)
    saa = F.conv2d(a * a, w) - mu_a ** 2
    sbb = F.conv2d(b * b, w) - mu_b ** 2
    sab = F.conv2d(a * b, w) - mu_a * mu_b
    m = ((2 * mu_a * mu_b + C1) * (2 * sab + C2)) / ((mu_a ** 2 + mu_b ** 2 + C1) * (saa + sbb + C2))
    return m.mean()

def ssim_box(a, b, C1=0.01 ** 2, C2=0.03 ** 2):
    a, b = a[None, None], b[None, None]
    mu_a, mu_b = F.avg_pool2d(a, 3, 1, 1, count_include_pad=False), F.avg_pool2d(b, 3, 1, 1, count_include_pad=False)
    saa = F.avg_pool2d(a * a, 3, 1, 1, count_include_pad=False) - mu_a ** 2
    sbb = F.avg_pool2d(b * b, 3, 1, 1, count_include_pad=False) - mu_b ** 2
    sab = F.avg_pool2d(a * b, 3, 1, 1, count_include_pad=False) - mu_a * mu_b
    return (((2 * mu_a * mu_b + C1) * (2 * sab + C2)) / ((mu_a ** 2 + mu_b ** 2 + C1) * (saa + sbb + C2))).mean()

print(ssim(img, img).item(), ssim(noisy, img).item(), ssim_box(noisy, img).item(), ssim_box(noisy.float(), img.float()).item())
x = noisy.clone().requires_grad_(True)
s = ssim(x, img)
s.backward()
print(s.grad_fn, x.grad.abs().max().item(), x.grad[4, :4])

# %%
torch.manual_seed(9)
target = noisy.float()
x = target.clone().requires_grad_(True)
opt = torch.optim.Adam([x], lr=0.02)
for it in range(40):
    dx = torch.diff(x, dim=1)
    dy = torch.diff(x, dim=0)
    tv_iso = torch.sqrt(dx[:-1, :] ** 2 + dy[:, :-1] ** 2 + 1e-8).sum()
    loss = 0.5 * (x - target).pow(2).sum() + 0.02 * tv_iso
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, loss.item(), tv_iso.item(), x.grad.abs().mean().item())
print(psnr(x.detach(), img.float()).item(), tv_iso.grad_fn, x.dtype)

# %%
z = torch.randn(4, 6, requires_grad=True)
Z = torch.fft.fft2(z)
(Z.abs() ** 2).sum().backward()
print(Z.grad_fn, z.grad[0], (z.detach() ** 2).sum().item() * 24, (Z.abs() ** 2).sum().item())
z.grad = None
r = torch.fft.ifft2(torch.fft.fft2(z) * torch.fft.fftshift(torch.ones(4, 6))).real
r.sum().backward()
print(r.grad_fn, z.grad[0])
for make in [lambda: torch.fft.fft2(torch.arange(5.)),
             lambda: torch.fft.fft2(z, s=(4,)),
             lambda: torch.fft.fft2(z, dim=(0, 0)),
             lambda: torch.fft.fft2(z, norm="unit"),
             lambda: torch.fft.ifft2(torch.arange(12).view(3, 4)).dtype,
             lambda: torch.fft.fft2(torch.ones(3, 4, dtype=torch.float16)),
             lambda: torch.fft.fftshift(z, dim=2),
             lambda: (torch.fft.fft2(z) > 0),
             lambda: torch.fft.fft2(z).max()]:
    try:
        r = make()
        print(r.shape if hasattr(r, "shape") else r, getattr(r, "dtype", None))
    except Exception as e:
        print(type(e).__name__, e)
