# Imitates monocular-depth tutorials in plain PyTorch (Eigen's scale-invariant log loss, berHu, Monodepth's
# edge-aware smoothness and SSIM photometric loss): image gradients by slicing x[..., 1:] - x[..., :-1],
# torch.exp(-|grad I|) weights, a Gaussian SSIM window applied per channel with F.conv2d(groups=C), masks of valid
# depth, gradients of each loss; and the mistakes learners make (log of zero depth, a groups/weight mismatch).
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
gt = torch.rand(2, 1, 6, 8) * 9 + 1
gt[0, 0, 0, :3] = 0.0                     # missing depth
pred = (gt + 0.3 * torch.randn(2, 1, 6, 8)).clamp(min=0.1).requires_grad_()
valid = gt > 0
print(valid.sum(), valid.dtype, pred[valid].shape)

def silog(pred, gt, mask, lam=0.85):
    d = torch.log(pred[mask]) - torch.log(gt[mask])
    return torch.sqrt((d ** 2).mean() - lam * d.mean() ** 2) * 10

loss = silog(pred, gt, valid)
loss.backward()
print(loss, loss.grad_fn, pred.grad[0, 0, 0])
pred.grad.abs().sum()

# %%
bad = torch.log(gt)
print(torch.isinf(bad).sum(), bad[0, 0, 0, :4])
d = torch.log(pred.detach()) - torch.log(gt)
print(d.mean(), torch.nanmean(torch.where(valid, d, torch.nan)))
torch.log(gt.clamp(min=1e-3))[0, 0, 0, :4]

# %%
def berhu(pred, gt, mask):
    diff = (pred - gt).abs()[mask]
    c = 0.2 * diff.max().detach()
    l2 = (diff ** 2 + c ** 2) / (2 * c)
    return torch.where(diff <= c, diff, l2).mean(), c

pred.grad = None
b, c = berhu(pred, gt, valid)
b.backward()
print(b, c, b.grad_fn.next_functions[0][0])
print(pred.grad[0, 0, 1])
F.smooth_l1_loss(pred[valid], gt[valid], beta=0.5), F.huber_loss(pred[valid], gt[valid], delta=0.5)

# %%
torch.manual_seed(1)
img = torch.rand(2, 3, 6, 8)
disp = torch.rand(2, 1, 6, 8, requires_grad=True)
gx_d = disp[..., :, 1:] - disp[..., :, :-1]
gy_d = disp[..., 1:, :] - disp[..., :-1, :]
gx_i = (img[..., :, 1:] - img[..., :, :-1]).abs().mean(1, keepdim=True)
gy_i = (img[..., 1:, :] - img[..., :-1, :]).abs().mean(1, keepdim=True)
print(gx_d.shape, gy_d.shape, gx_i.shape, gy_i.shape)
smooth = (gx_d.abs() * torch.exp(-gx_i)).mean() + (gy_d.abs() * torch.exp(-gy_i)).mean()
smooth.backward()
print(smooth, smooth.grad_fn, gx_d.grad_fn)
disp.grad[0, 0, :2]

# %%
mean_disp = disp.mean(dim=(2, 3), keepdim=True)
norm = disp / (mean_disp + 1e-7)
print(norm.shape, norm.mean(dim=(2, 3)).flatten())
try:
    (gx_d.abs() * torch.exp(-gy_i)).mean()
except RuntimeError as e:
    print(e)
print(torch.diff(disp, dim=-1).shape, torch.equal(torch.diff(disp.detach(), dim=-1), gx_d.detach()))
print([g.shape for g in torch.gradient(disp.detach()[0, 0], dim=(0, 1))], torch.gradient(disp.detach()[0, 0], dim=1)[0][0])
for bad in [lambda: torch.gradient(disp[0, 0], dim=2), lambda: torch.gradient(disp[0, 0], dim=(1, -1)),
            lambda: torch.gradient(disp[0, 0, 0, 0], dim=0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
torch.diff(torch.arange(6.).view(2, 3) ** 2, n=2, dim=1), torch.gradient(torch.arange(6.) ** 2)

# %%
def gaussian_window(size=5, sigma=1.5, channels=3):
    coords = torch.arange(size, dtype=torch.float32) - size // 2
    g = torch.exp(-coords ** 2 / (2 * sigma ** 2))
    g = g / g.sum()
    w2 = g[:, None] @ g[None, :]
    return w2.expand(channels, 1, size, size).contiguous()

win = gaussian_window()
print(win.shape, win.sum(dim=(1, 2, 3)), win[0, 0, 2])

def ssim(x, y, window, C1=0.01 ** 2, C2=0.03 ** 2):
    ch = x.shape[1]
    pad = window.shape[-1] // 2
    mu_x = F.conv2d(x, window, padding=pad, groups=ch)
    mu_y = F.conv2d(y, window, padding=pad, groups=ch)
    sxx = F.conv2d(x * x, window, padding=pad, groups=ch) - mu_x ** 2
    syy = F.conv2d(y * y, window, padding=pad, groups=ch) - mu_y ** 2
    sxy = F.conv2d(x * y, window, padding=pad, groups=ch) - mu_x * mu_y
    num = (2 * mu_x * mu_y + C1) * (2 * sxy + C2)
    den = (mu_x ** 2 + mu_y ** 2 + C1) * (sxx + syy + C2)
    return (num / den).mean()

torch.manual_seed(2)
a = torch.rand(1, 3, 8, 8)
b2 = (a + 0.1 * torch.randn(1, 3, 8, 8)).clamp(0, 1).requires_grad_()
s = ssim(a, b2, win)
(1 - s).backward()
print(ssim(a, a, win), s)
b2.grad[0, 0, 0]

# %%
def ssim_pool(x, y, C1=0.01 ** 2, C2=0.03 ** 2):   # Monodepth2's 3x3 average-pool SSIM with reflection padding
    x, y = F.pad(x, (1, 1, 1, 1), mode="reflect"), F.pad(y, (1, 1, 1, 1), mode="reflect")
    mu_x, mu_y = F.avg_pool2d(x, 3, 1), F.avg_pool2d(y, 3, 1)
    sx = F.avg_pool2d(x ** 2, 3, 1) - mu_x ** 2
    sy = F.avg_pool2d(y ** 2, 3, 1) - mu_y ** 2
    sxy = F.avg_pool2d(x * y, 3, 1) - mu_x * mu_y
    n = (2 * mu_x * mu_y + C1) * (2 * sxy + C2)
    d = (mu_x ** 2 + mu_y ** 2 + C1) * (sx + sy + C2)
    return torch.clamp((1 - n / d) / 2, 0, 1)

photo = 0.85 * ssim_pool(a, b2).mean(1, True) + 0.15 * (a - b2).abs().mean(1, True)
print(photo.shape, photo.mean())
photo.mean().backward()
b2.grad.abs().sum()

# %%
for bad in [lambda: F.conv2d(a, win, padding=2),
            lambda: F.conv2d(a, win[:1], padding=2, groups=3),
            lambda: F.conv2d(a, win, padding=2, groups=2),
            lambda: F.conv2d(a, gaussian_window(channels=1).expand(3, 3, 5, 5), padding=2, groups=3),
            lambda: F.conv2d(a[0], win, padding="same", groups=3).shape,
            lambda: F.conv2d(a, win, padding="same", stride=2, groups=3),
            lambda: F.conv2d(a.double(), win, groups=3)]:
    try:
        print(bad().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
depth_small = torch.rand(1, 1, 3, 4) * 5 + 1
for scale in [2, 4]:
    up = F.interpolate(depth_small, scale_factor=scale, mode="bilinear", align_corners=False)
    print(scale, up.shape, up[0, 0, 0, :4])
full = F.interpolate(depth_small, size=(6, 8), mode="nearest")
print(full[0, 0, :2])
mask = full > 3
print(torch.masked_select(full, mask).numel(), full[mask].mean(), F.mse_loss(full[mask], (full * 1.1)[mask]))
torch.sqrt(((torch.log(full) - torch.log(full * 1.1)) ** 2).mean()), (torch.max(full / (full * 1.1), (full * 1.1) / full) < 1.25).float().mean()
