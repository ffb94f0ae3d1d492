# Imitates a "classical motion estimation in torch" notebook: a dense flow field warps an image with
# F.grid_sample (pixel flow normalised by hand, meshgrid base grid), SSIM with a Gaussian window as a loss, PSNR,
# Gaussian / Laplacian pyramids (avg_pool2d, F.interpolate), Lucas-Kanade flow by solving 2x2 normal equations per
# pixel with torch.linalg.solve, and a smoothness-regularised flow optimised with Adam.
import math
import torch
import torch.nn.functional as F
torch.manual_seed(0)
H, W = 12, 14
yy, xx = torch.meshgrid(torch.arange(H, dtype=torch.float32), torch.arange(W, dtype=torch.float32), indexing="ij")
img1 = (torch.sin(xx / 2.0) * torch.cos(yy / 3.0) + 0.1 * torch.rand(H, W))[None, None]
flow_true = torch.stack([torch.full((H, W), 0.8), 0.3 * torch.sin(xx / 4)], 0)[None]

def warp(img, flow, ac=True):
    gx = xx[None] + flow[:, 0]
    gy = yy[None] + flow[:, 1]
    if ac:
        grid = torch.stack([2 * gx / (W - 1) - 1, 2 * gy / (H - 1) - 1], -1)
    else:
        grid = torch.stack([(2 * gx + 1) / W - 1, (2 * gy + 1) / H - 1], -1)
    return F.grid_sample(img, grid, mode="bilinear", padding_mode="border", align_corners=ac)

img2 = warp(img1, flow_true)
print(img2.shape, img2[0, 0, 5, :5], (img2 - img1).abs().mean())
print(warp(img1, flow_true, ac=False)[0, 0, 5, :5])

# %%
def gaussian_window(size=5, sigma=1.5):
    t = torch.arange(size, dtype=torch.float32) - size // 2
    g = torch.exp(-t ** 2 / (2 * sigma ** 2))
    g = g / g.sum()
    return (g[:, None] @ g[None, :])[None, None]

def ssim(a, b, win=gaussian_window(), C1=0.01 ** 2, C2=0.03 ** 2):
    mu_a = F.conv2d(a, win, padding=2)
    mu_b = F.conv2d(b, win, padding=2)
    s_aa = F.conv2d(a * a, win, padding=2) - mu_a ** 2
    s_bb = F.conv2d(b * b, win, padding=2) - mu_b ** 2
    s_ab = F.conv2d(a * b, win, padding=2) - mu_a * mu_b
    m = ((2 * mu_a * mu_b + C1) * (2 * s_ab + C2)) / ((mu_a ** 2 + mu_b ** 2 + C1) * (s_aa + s_bb + C2))
    return m.mean()

def psnr(a, b, peak=1.0):
    return 10 * torch.log10(peak ** 2 / F.mse_loss(a, b))

a = img1.clone().requires_grad_(True)
s = ssim(a, img2)
s.backward()
print(s, psnr(img1, img2), a.grad[0, 0, 0, :4], s.grad_fn.name())

# %%
pyr = [img1]
for _ in range(2):
    pyr.append(F.avg_pool2d(pyr[-1], 2, ceil_mode=True))
print([p.shape for p in pyr])
lap = []
for fine, coarse in zip(pyr[:-1], pyr[1:]):
    up = F.interpolate(coarse, size=fine.shape[-2:], mode="bilinear", align_corners=False)
    lap.append(fine - up)
print([l.abs().mean().item() for l in lap])
rec = pyr[-1]
for l in reversed(lap):
    rec = F.interpolate(rec, size=l.shape[-2:], mode="bilinear", align_corners=False) + l
print((rec - img1).abs().max() < 1e-5, F.avg_pool2d(img1, 3, 1, 1, count_include_pad=False)[0, 0, 0, :4])

# %%
kx = torch.tensor([[[[-0.5, 0.0, 0.5]]]])
Ix = F.conv2d(F.pad(img1, (1, 1, 0, 0), mode="replicate"), kx)
Iy = F.conv2d(F.pad(img1, (0, 0, 1, 1), mode="replicate"), kx.transpose(-1, -2))
It = img2 - img1
win = torch.ones(1, 1, 5, 5)
Sxx = F.conv2d(Ix * Ix, win, padding=2)
Sxy = F.conv2d(Ix * Iy, win, padding=2)
Syy = F.conv2d(Iy * Iy, win, padding=2)
Sxt = F.conv2d(Ix * It, win, padding=2)
Syt = F.conv2d(Iy * It, win, padding=2)
A = torch.stack([torch.stack([Sxx, Sxy], -1), torch.stack([Sxy, Syy], -1)], -2)[0, 0]
bvec = -torch.stack([Sxt, Syt], -1)[0, 0]
A = A + 1e-3 * torch.eye(2)
uv = torch.linalg.solve(A, bvec.unsqueeze(-1)).squeeze(-1)
print(A.shape, uv.shape, uv[5, 4:8], torch.linalg.det(A)[0, :3])

# %%
flow = torch.zeros(1, 2, H, W, requires_grad=True)
opt = torch.optim.Adam([flow], lr=0.1)
for it in range(25):
    opt.zero_grad()
    w2 = warp(img1, flow)
    data = (w2 - img2).abs().mean()
    smooth = (flow[..., 1:, :] - flow[..., :-1, :]).pow(2).mean() + (flow[..., 1:] - flow[..., :-1]).pow(2).mean()
    loss = data + 0.1 * smooth
    loss.backward()
    opt.step()
    if it % 8 == 0:
        print(it, round(loss.item(), 5), flow.grad.abs().max().item())
print(flow.detach().mean(dim=(2, 3)), w2.grad_fn.name())
