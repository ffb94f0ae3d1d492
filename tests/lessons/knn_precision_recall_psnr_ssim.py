# Imitates the improved precision / recall (k-NN radius) metric of GAN evaluation tutorials written with
# torch.cdist and kthvalue / topk, and PSNR / SSIM over image batches (Gaussian window with conv2d, per-image means)
# from super-resolution and diffusion course notebooks, with float64 vs float32 and learners' mistakes.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(4)
real = torch.randn(30, 6)
fake = torch.randn(25, 6) * 0.8 + 0.1
k = 3
d_rr = torch.cdist(real, real)
print(d_rr.shape, d_rr.diagonal().abs().max())
radii = d_rr.kthvalue(k + 1, dim=1).values
print(radii[:5])
radii2 = torch.topk(d_rr, k + 1, dim=1, largest=False).values[:, -1]
print(torch.equal(radii, radii2))
d_fr = torch.cdist(fake, real)
precision = (d_fr <= radii[None, :]).any(dim=1).float().mean()
print(precision, (d_fr <= radii.unsqueeze(0)).sum(1)[:6])
d_ff = torch.cdist(fake, fake)
radii_f = d_ff.kthvalue(k + 1, 1)[0]
recall = (d_fr.T <= radii_f).any(1).float().mean()
print(recall)
vals, inds = d_fr.topk(2, dim=1, largest=False)
print(vals[:3], inds[:3], inds.dtype)
kv = torch.kthvalue(d_fr, 2, dim=0, keepdim=True)
print(kv.values.shape, kv.indices[0, :5])

# %%
print(torch.cdist(real[:4].double(), fake[:3].double()), torch.cdist(real[:4], fake[:3], p=1))
print(torch.cdist(real[:2], fake[:3], p=float('inf')), torch.cdist(real[None, :3], real[None, :2]).shape)
try:
    real.kthvalue(40, dim=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.topk(real, 10, dim=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(real, fake[:, :4])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(real.double(), fake)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(real[:5], fake[:4].double())
except Exception as e:
    print(type(e).__name__, e)
print(torch.cdist(real[:0], fake.double()).dtype, torch.cdist(real.half(), fake.half()).dtype)
try:
    torch.cdist(real.long(), fake.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(real, fake, p=-1)
except Exception as e:
    print(type(e).__name__, e)

# %%
imgs = torch.rand(4, 3, 16, 16)
noisy = (imgs + 0.05 * torch.randn_like(imgs)).clamp(0, 1)
mse = F.mse_loss(noisy, imgs, reduction='none').mean(dim=(1, 2, 3))
psnr = 10 * torch.log10(1.0 / mse)
print(psnr, psnr.mean())
psnr2 = 20 * torch.log10(torch.tensor(1.0)) - 10 * torch.log10(mse)
print(torch.allclose(psnr, psnr2))
print(10 * torch.log10(1 / F.mse_loss(imgs, imgs)))
print(20 * math.log10(255) - 10 * torch.log10(((noisy * 255).round() - (imgs * 255).round()).pow(2).mean()))
u8a, u8b = (imgs * 255).to(torch.uint8), (noisy * 255).to(torch.uint8)
print((u8a - u8b)[0, 0, 0, :6], (u8a.float() - u8b.float())[0, 0, 0, :6])

# %%
def gaussian_window(size=7, sigma=1.5):
    coords = torch.arange(size, dtype=torch.float32) - size // 2
    g = torch.exp(-coords ** 2 / (2 * sigma ** 2))
    g = g / g.sum()
    return (g[:, None] @ g[None, :]).expand(3, 1, size, size).contiguous()

def ssim(x, y, c1=0.01 ** 2, c2=0.03 ** 2):
    w = gaussian_window()
    mu_x = F.conv2d(x, w, groups=3)
    mu_y = F.conv2d(y, w, groups=3)
    sxx = F.conv2d(x * x, w, groups=3) - mu_x ** 2
    syy = F.conv2d(y * y, w, groups=3) - mu_y ** 2
    sxy = F.conv2d(x * y, w, groups=3) - mu_x * mu_y
    m = ((2 * mu_x * mu_y + c1) * (2 * sxy + c2)) / ((mu_x ** 2 + mu_y ** 2 + c1) * (sxx + syy + c2))
    return m.flatten(1).mean(1)

print(gaussian_window()[0, 0, 3], gaussian_window().shape)
print(ssim(imgs, noisy), ssim(imgs, imgs))
print(ssim(imgs.double().float(), noisy).dtype)
x = noisy.clone().requires_grad_()
loss = 1 - ssim(x, imgs).mean()
loss.backward()
print(loss, loss.grad_fn.name(), x.grad.shape, x.grad.abs().max() > 0)
try:
    ssim(imgs[:, :1], noisy[:, :1])
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.randn(8, 4, requires_grad=True)
b = torch.randn(5, 4)
d = torch.cdist(a, b)
nn_d = d.topk(2, dim=1, largest=False).values
kth = d.kthvalue(2, dim=1).values
(nn_d.sum() + kth.sum()).backward()
print(d.grad_fn.name(), nn_d.grad_fn, kth.grad_fn, a.grad[:2])
