# Imitates the evaluation half of pose-estimation tutorials in plain PyTorch: flip-test averaging with torch.flip
# and left/right keypoint swaps by index lists, heatmap upsampling with F.interpolate (align_corners), sub-pixel
# sampling with F.grid_sample (each padding_mode, coordinates outside [-1, 1]), and the OKS and PCK metrics; with
# the mistakes learners make (a flip on the wrong dim, size and scale_factor together, grid in pixels).
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
K, H, W = 5, 6, 8
FLIP_PAIRS = [(1, 2), (3, 4)]            # nose, left/right eye, left/right ear
perm = list(range(K))
for a, b in FLIP_PAIRS:
    perm[a], perm[b] = b, a
print(perm)
heat = torch.rand(2, K, H, W)
flipped = torch.flip(heat, dims=[3])
print(flipped.shape, torch.equal(flipped[..., 0], heat[..., -1]), heat.flip(-1).flip(-1).equal(heat))
back = flipped.flip(3)[:, perm]
print(back.shape, torch.equal(back[:, 1], heat[:, 2]))
avg = (heat + heat.flip(3)[:, perm]) / 2
avg[0, 0, 0]

# %%
print(torch.flip(torch.arange(6).view(2, 3), [0, 1]), torch.arange(6).view(2, 3).fliplr(), torch.arange(6).view(2, 3).flipud())
print(heat[:, torch.tensor(perm)].shape, heat.index_select(1, torch.tensor(perm)).equal(heat[:, perm]))
kps = torch.tensor([[10., 20.], [12., 18.], [8., 18.], [15., 21.], [5., 21.]])
img_w = 24
kps_f = kps[perm].clone()
kps_f[:, 0] = img_w - 1 - kps_f[:, 0]
kps_f

# %%
for bad in [lambda: torch.flip(heat, 3),
            lambda: torch.flip(heat, dims=[4]),
            lambda: torch.flip(heat, dims=[3, 3]),
            lambda: torch.flip(heat, dims=[-1, 3]),
            lambda: heat[:, [0, 1, 2, 3, 5]],
            lambda: torch.arange(5).fliplr(),
            lambda: torch.tensor(3.).flipud()]:
    try:
        print(bad().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.arange(12.).view(1, 1, 3, 4).requires_grad_()
flip_out = x.flip(-1)
print(flip_out.grad_fn, flip_out[0, 0])
(flip_out * torch.arange(12.).view(1, 1, 3, 4)).sum().backward()
x.grad[0, 0]

# %%
small = torch.arange(16.).view(1, 1, 4, 4)
for ac in [False, True]:
    up = F.interpolate(small, scale_factor=2, mode="bilinear", align_corners=ac)
    print(ac, up.shape, up[0, 0, 0])
print(F.interpolate(small, size=(7, 5), mode="bicubic", align_corners=True)[0, 0, :, 0])
F.interpolate(small, size=(6, 6), mode="nearest")[0, 0]

# %%
for bad in [lambda: F.interpolate(small, size=(8, 8), scale_factor=2),
            lambda: F.interpolate(small, size=(8, 8), mode="nearest", align_corners=True),
            lambda: F.interpolate(small, scale_factor=(2, 2, 2), mode="bilinear"),
            lambda: F.interpolate(small[0], scale_factor=2, mode="bilinear"),
            lambda: F.interpolate(small, size=(8,), mode="bilinear"),
            lambda: F.interpolate(small, mode="bilinear", align_corners=False),
            lambda: F.interpolate(small, size=8, mode="cubic"),
            lambda: F.interpolate(small, scale_factor=2, mode="bilinear", align_corners=1),
            lambda: F.interpolate(small, size=(8, 8), mode="bicubic", align_corners=0)]:
    try:
        print(bad().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
img = torch.arange(16.).view(1, 1, 4, 4)
grid = torch.tensor([[[[-1.0, -1.0], [1.0, 1.0], [0.0, 0.0], [0.25, -0.5]]]])   # (N, H_out, W_out, 2) as (x, y)
for ac in [True, False]:
    print(ac, F.grid_sample(img, grid, mode="bilinear", align_corners=ac))
print(F.grid_sample(img, grid, mode="nearest", align_corners=False))
F.grid_sample(img, grid, mode="bicubic", align_corners=True)

# %%
outside = torch.tensor([[[[-1.5, 0.0], [1.2, 0.3], [0.0, 2.0], [-3.0, -3.0], [0.9, 0.95]]]])
for pm in ["zeros", "border", "reflection"]:
    for ac in [True, False]:
        print(pm, ac, F.grid_sample(img, outside, mode="bilinear", padding_mode=pm, align_corners=ac))
for pm in ["zeros", "border", "reflection"]:
    print(pm, F.grid_sample(img, outside, mode="nearest", padding_mode=pm, align_corners=False))

# %%
def to_norm(pts, w, h, align_corners=False):
    if align_corners:
        return torch.stack([pts[..., 0] / (w - 1) * 2 - 1, pts[..., 1] / (h - 1) * 2 - 1], dim=-1)
    return torch.stack([(2 * pts[..., 0] + 1) / w - 1, (2 * pts[..., 1] + 1) / h - 1], dim=-1)

pts = torch.tensor([[1.5, 2.25], [0.0, 3.0], [2.7, 0.4]])
g = to_norm(pts, 4, 4).view(1, 1, 3, 2)
print(g, F.grid_sample(img, g, align_corners=False).flatten())
g2 = to_norm(pts, 4, 4, align_corners=True).view(1, 1, 3, 2)
print(F.grid_sample(img, g2, align_corners=True).flatten())
F.grid_sample(img, pts.view(1, 1, 3, 2), align_corners=True).flatten()   # pixels, not [-1, 1]: mostly zeros

# %%
fmap = torch.arange(16.).view(1, 1, 4, 4).requires_grad_()
gg = torch.tensor([[[[0.1, -0.3], [0.6, 0.2]]]], requires_grad=True)
s = F.grid_sample(fmap, gg, mode="bilinear", padding_mode="border", align_corners=False)
print(s, s.grad_fn)
s.sum().backward()
print(fmap.grad[0, 0])
gg.grad

# %%
for bad in [lambda: F.grid_sample(img, grid, mode="area"),
            lambda: F.grid_sample(img, grid, padding_mode="reflect"),
            lambda: F.grid_sample(img, grid[..., :1]),
            lambda: F.grid_sample(img, grid.view(1, 4, 2)),
            lambda: F.grid_sample(img[0], grid),
            lambda: F.grid_sample(img, grid.expand(2, 1, 4, 2)),
            lambda: F.grid_sample(img, grid.double()),
            lambda: F.grid_sample(img.expand(1, 1, 4, 4).view(1, 1, 4, 4), grid, align_corners=None).shape]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
gt = torch.tensor([[[10., 20.], [30., 40.], [50., 15.]], [[5., 5.], [20., 25.], [40., 35.]]])
pred = gt + torch.tensor([[[1., -2.], [0., 3.], [12., 0.]], [[0.5, 0.5], [-6., 1.], [2., 2.]]])
vis = torch.tensor([[2, 2, 0], [2, 1, 2]])
area = torch.tensor([900., 1600.])
sigmas = torch.tensor([0.026, 0.025, 0.035])
d2 = ((pred - gt) ** 2).sum(-1)
kappa = (2 * sigmas) ** 2
e = d2 / (2 * area[:, None] * kappa[None] + torch.finfo(torch.float32).eps)
mask = vis > 0
oks = (torch.exp(-e) * mask).sum(-1) / mask.sum(-1).clamp(min=1)
print(d2, e.round(decimals=4))
oks

# %%
bbox = torch.tensor([[40., 60.], [35., 30.]])
thr = 0.2 * bbox.max(dim=1).values
dist = torch.linalg.norm(pred - gt, dim=-1)
correct = (dist <= thr[:, None]) & mask
print(thr, dist, correct)
pck = correct.sum().float() / mask.sum()
print(pck, correct.float().mean(dim=0), correct.sum(0) / mask.sum(0))
torch.where(mask, dist, torch.tensor(float("nan"))).nanmean(dim=0)
