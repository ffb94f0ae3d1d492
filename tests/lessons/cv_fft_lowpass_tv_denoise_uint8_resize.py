# Imitates an image-processing lab done with plain torch: a uint8 "photo" resized with F.interpolate (bilinear /
# bicubic, antialias, scale_factor vs size, recompute_scale_factor) as torchvision does for uint8 images, fft2 /
# fftshift low-pass and high-pass masks, total-variation denoising optimised with Adam, histogram equalisation with
# histc / cumsum / bucketize / searchsorted, and RGB <-> grayscale / HSV by hand.
import math
import torch
import torch.nn.functional as F
torch.manual_seed(0)
u8 = torch.randint(0, 256, (1, 3, 10, 12), dtype=torch.uint8)
u8[:, :, 3:7, 4:9] = 230
print(u8.dtype, u8.shape, u8.float().mean())
for mode in ["bilinear", "bicubic"]:
    for aa in [False, True]:
        small = F.interpolate(u8, size=(5, 7), mode=mode, antialias=aa)
        big = F.interpolate(u8, scale_factor=1.7, mode=mode, antialias=aa)
        print(mode, aa, small.dtype, small[0, 1], big.shape, big[0, 0, 3, :8])
print(F.interpolate(u8, scale_factor=(0.75, 1.1), mode="bilinear", recompute_scale_factor=True)[0, 2])
print(F.interpolate(u8, size=(4, 1), mode="bilinear", align_corners=True)[0, :, :, 0])
print(F.interpolate(u8, scale_factor=(1.1, 0.5), mode="bicubic", align_corners=False)[0, 0])
ref = F.interpolate(u8.float(), size=(5, 7), mode="bilinear", antialias=True).round().clamp(0, 255).to(torch.uint8)
print((F.interpolate(u8, size=(5, 7), mode="bilinear", antialias=True).int() - ref.int()).abs().max())

# %%
img = u8.float() / 255
gray = (img * torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)).sum(1, keepdim=True)
Fimg = torch.fft.fftshift(torch.fft.fft2(gray), dim=(-2, -1))
print(Fimg.dtype, Fimg.shape, Fimg.abs()[0, 0, 5, 4:8])
yy, xx = torch.meshgrid(torch.arange(10) - 5, torch.arange(12) - 6, indexing="ij")
r = torch.sqrt(yy.float() ** 2 + xx.float() ** 2)
for cutoff in [2.0, 4.0]:
    lp = (r <= cutoff).float()
    low = torch.fft.ifft2(torch.fft.ifftshift(Fimg * lp, dim=(-2, -1))).real
    high = gray - low
    print(cutoff, low[0, 0, 2, :5], high.abs().mean(), torch.fft.ifft2(torch.fft.ifftshift(Fimg * lp, dim=(-2, -1))).imag.abs().max() < 1e-5)
g = torch.exp(-r ** 2 / (2 * 3.0 ** 2))
x = gray.clone().requires_grad_(True)
sm = torch.fft.irfft2(torch.fft.rfft2(x) * torch.fft.ifftshift(g)[:, :7], s=x.shape[-2:])
sm.square().sum().backward()
print(sm[0, 0, 0, :5], x.grad[0, 0, 0, :5], sm.grad_fn.name())

# %%
torch.manual_seed(1)
clean = F.interpolate(gray, scale_factor=1.0, mode="bilinear")
noisy = (clean + 0.1 * torch.randn_like(clean)).clamp(0, 1)
den = noisy.clone().requires_grad_(True)
opt = torch.optim.Adam([den], lr=0.02)
def tv(z):
    return (z[..., 1:, :] - z[..., :-1, :]).abs().sum() + (z[..., :, 1:] - z[..., :, :-1]).abs().sum()
for it in range(60):
    opt.zero_grad()
    loss = F.mse_loss(den, noisy, reduction="sum") + 0.05 * tv(den)
    loss.backward()
    opt.step()
    if it % 20 == 0:
        print(it, loss.item(), den.grad.abs().max().item())
print(F.mse_loss(den, clean).item(), F.mse_loss(noisy, clean).item())
print(loss.grad_fn.name(), loss.grad_fn.next_functions)

# %%
v = (gray * 255).round().to(torch.uint8)
hist = torch.histc(v.float(), bins=256, min=0, max=255)
cdf = hist.cumsum(0) / hist.sum()
eq = (cdf[v.long()] * 255).round().to(torch.uint8)
print(eq[0, 0, :2], eq.dtype, torch.histc(eq.float(), bins=8, min=0, max=255))
edges = torch.linspace(0, 255, 9)
print(torch.bucketize(v.float().flatten()[:10], edges), torch.searchsorted(edges, v.float().flatten()[:10], right=True))
q = torch.quantile(gray.flatten(), torch.tensor([0.05, 0.95]))
print(q, ((gray - q[0]) / (q[1] - q[0])).clamp(0, 1)[0, 0, 0, :4])
