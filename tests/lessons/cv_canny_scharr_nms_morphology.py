# Imitates a computer-vision course notebook building a Canny-like edge detector with plain torch: Gaussian blur as a
# separable depthwise conv (groups=C) after F.pad reflect / replicate / circular, Sobel / Scharr / Laplacian kernels,
# gradient magnitude and atan2 orientation, non-maximum suppression with max_pool2d(return_indices) and unfold,
# hysteresis by repeated dilation, morphological erosion / dilation / opening / gradient via pooling, and the errors
# learners hit (conv weight shape mismatch, wrong groups, pad mode on the wrong rank).
import math
import torch
import torch.nn.functional as F
torch.manual_seed(0)
img = torch.rand(2, 3, 9, 10)
gray = (0.299 * img[:, 0] + 0.587 * img[:, 1] + 0.114 * img[:, 2]).unsqueeze(1)
print(gray.shape, gray.mean(), gray.std())

def gauss1d(sigma, k):
    t = torch.arange(k, dtype=torch.float32) - (k - 1) / 2
    g = torch.exp(-t ** 2 / (2 * sigma ** 2))
    return g / g.sum()

g1 = gauss1d(1.0, 5)
print(g1)
for mode in ["reflect", "replicate", "circular", "constant"]:
    p = F.pad(img, (2, 2, 2, 2), mode=mode)
    kx = g1.view(1, 1, 1, 5).repeat(3, 1, 1, 1)
    ky = g1.view(1, 1, 5, 1).repeat(3, 1, 1, 1)
    blur = F.conv2d(F.conv2d(p, kx, groups=3), ky, groups=3)
    full = F.conv2d(p, (g1[:, None] * g1[None, :]).expand(3, 1, 5, 5), groups=3)
    print(mode, blur.shape, blur[1, 2, 0, :4], (blur - full).abs().max() < 1e-6)

# %%
sobel_x = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]])
scharr_x = torch.tensor([[-3., 0., 3.], [-10., 0., 10.], [-3., 0., 3.]]) / 32
lap = torch.tensor([[0., 1., 0.], [1., -4., 1.], [0., 1., 0.]])
x = gray.clone().requires_grad_(True)
for name, k in [("sobel", sobel_x / 8), ("scharr", scharr_x)]:
    w = torch.stack([k, k.t()]).unsqueeze(1)
    gxy = F.conv2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), w)
    gx, gy = gxy[:, :1], gxy[:, 1:]
    mag = torch.sqrt(gx ** 2 + gy ** 2 + 1e-12)
    ang = torch.atan2(gy, gx)
    print(name, mag.shape, mag[0, 0, 2, :4], ang[1, 0, 3, :4])
    print(torch.rad2deg(ang).round()[0, 0, 0, :6])
    q = (torch.round(ang / (math.pi / 4)) % 4).long()
    print(q[0, 0, :2], q.dtype, torch.bincount(q.flatten(), minlength=4))
    mag.sum().backward()
    print(x.grad[0, 0, :2, :5], mag.grad_fn.name(), ang.grad_fn.name())
    x.grad = None
L = F.conv2d(gray, lap[None, None], padding=1)
print(L[0, 0, 1], L.abs().sum())
L2 = F.conv2d(gray, lap[None, None], padding="same", bias=torch.tensor([0.5]))
# (the bias shows as 0.5 everywhere; which last bits the two convolutions round to depends on the CPU's kernels,
# so the lesson prints the check, not the set of rounded differences)
print(torch.allclose(L2 - L, torch.full_like(L, 0.5)), (L2 - L).mean())

# %%
# non-maximum suppression: keep pixels equal to the max of their 3x3 neighbourhood
mag = torch.rand(1, 1, 7, 8)
mx, idx = F.max_pool2d(mag, 3, stride=1, padding=1, return_indices=True)
keep = (mag == mx)
print(keep.int()[0, 0], idx[0, 0, :2])
pt = F.unfold(mag, kernel_size=3, padding=1)
print(pt.shape, pt.max(dim=1).values.view(1, 1, 7, 8).eq(mx).all())
nb = pt.view(1, 9, 7, 8)
center = nb[:, 4:5]
left, right = nb[:, 3:4], nb[:, 5:6]
nms_h = mag * ((center >= left) & (center >= right))
print(nms_h[0, 0, :2], nms_h.count_nonzero())
# thresholds and hysteresis by repeated dilation
strong = (nms_h > 0.7).float()
weak = ((nms_h > 0.3) & (nms_h <= 0.7)).float()
edges = strong
for i in range(4):
    grown = F.max_pool2d(edges, 3, stride=1, padding=1)
    edges = torch.maximum(edges, grown * weak)
print(edges[0, 0], edges.sum(), edges.dtype)

# %%
bw = (torch.rand(1, 1, 8, 8) > 0.5).float().requires_grad_(True)
dil = F.max_pool2d(bw, 3, 1, 1)
ero = -F.max_pool2d(-bw, 3, 1, 1)
opening = F.max_pool2d(-F.max_pool2d(-bw, 3, 1, 1), 3, 1, 1)
closing = -F.max_pool2d(-F.max_pool2d(bw, 3, 1, 1), 3, 1, 1)
grad_m = dil - ero
print(dil[0, 0, :3], ero[0, 0, :3])
print(opening.sum(), closing.sum(), grad_m.sum())
(opening * torch.arange(64.).view(1, 1, 8, 8)).sum().backward()
print(bw.grad[0, 0], opening.grad_fn.name())
soft = torch.rand(1, 2, 6, 6, requires_grad=True)
sd = F.avg_pool2d(F.pad(soft, (1, 1, 1, 1), mode="reflect"), 3, 1)
sm = F.lp_pool2d(soft, 4.0, 3, stride=1)
(sd.sum() + sm.sum()).backward()
print(sd.shape, sm.shape, soft.grad[0, 1, :2])

# %%
im = torch.rand(1, 3, 6, 6)
tries = [lambda: F.conv2d(im, torch.rand(1, 1, 3, 3)),
         lambda: F.conv2d(im, torch.rand(3, 1, 3, 3), groups=2),
         lambda: F.conv2d(im, torch.rand(4, 1, 3, 3), groups=3),
         lambda: F.conv2d(im, torch.rand(3, 3, 3)),
         lambda: F.conv2d(im, torch.rand(3, 1, 7, 7), groups=3),
         lambda: F.conv2d(im, torch.rand(3, 1, 3, 3, dtype=torch.float64), groups=3),
         lambda: F.conv2d(im, torch.rand(3, 1, 3, 3), groups=3, padding="same", stride=2),
         lambda: F.conv2d(im, torch.rand(3, 1, 3, 3), bias=torch.rand(2), groups=3),
         lambda: F.pad(im[0, 0], (1, 1, 1, 1), mode="reflect"),
         lambda: F.pad(im, (4, 4, 4, 4), mode="reflect"),
         lambda: F.pad(im, (7, 7, 1, 1), mode="circular"),
         lambda: F.pad(im, (1, 1), mode="replicate").shape,
         lambda: F.pad(im, (1, 1, 1, 1, 1, 1), mode="replicate").shape,
         lambda: F.max_pool2d(im, 3, padding=2),
         lambda: F.unfold(im[0, 0], 3).shape,
         lambda: F.unfold(im, 7)]
for t in tries:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
