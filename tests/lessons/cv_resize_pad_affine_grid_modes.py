# Imitates a "resizing and geometric transforms by hand" lesson: F.interpolate in every mode (nearest,
# nearest-exact, bilinear / bicubic with and without align_corners and antialias, area, scale_factor with
# recompute_scale_factor), F.pad with reflect / replicate / circular, and rotations / crops with F.affine_grid +
# F.grid_sample, on uint8 images from torch.randint.
import math
import torch
import torch.nn.functional as F
torch.manual_seed(1)
u8 = torch.randint(0, 256, (1, 3, 6, 7), dtype=torch.uint8)
x = u8.float() / 255
for mode in ["nearest", "nearest-exact"]:
    y = F.interpolate(x, size=(4, 5), mode=mode)
    print(mode, y.shape, y[0, 0])
    print(F.interpolate(u8, size=(9, 10), mode=mode)[0, 0, :3])
    print(F.interpolate(x, scale_factor=1.5, mode=mode)[0, 1, :2])
    print(F.interpolate(x, scale_factor=(0.7, 1.3), mode=mode, recompute_scale_factor=True).shape)

# %%
for ac in [False, True]:
    for mode in ["bilinear", "bicubic"]:
        y = F.interpolate(x, size=(9, 11), mode=mode, align_corners=ac)
        print(mode, ac, y[0, 0, :2, :4])
        y2 = F.interpolate(x, scale_factor=0.6, mode=mode, align_corners=ac)
        print(y2.shape, y2[0, 2, 0])
        y3 = F.interpolate(x, scale_factor=0.6, mode=mode, align_corners=ac, recompute_scale_factor=True)
        print(y3.shape, y3[0, 2, 0])

# %%
for mode in ["bilinear", "bicubic"]:
    for ac in [False, True]:
        y = F.interpolate(x, size=(3, 4), mode=mode, antialias=True, align_corners=ac)
        print(mode, ac, y[0, 1])
    print(F.interpolate(x, size=(10, 12), mode=mode, antialias=True)[0, 0, 0, :5])
print(F.interpolate(x, size=(3, 3), mode="area")[0, 0])
print(F.interpolate(x, scale_factor=0.5, mode="area")[0, 2])
print(F.interpolate(x, size=(4, 5), mode="area")[0, 0])
u = F.interpolate(x, size=(3, 4), mode="bicubic", antialias=True)
print(u.min(), u.max())
print((F.interpolate(x, scale_factor=2, mode="bicubic") * 255).round().clamp(0, 255).to(torch.uint8)[0, 0, :2])

# %%
xr = x.clone().requires_grad_()
outs = [F.interpolate(xr, size=(4, 5), mode="bilinear", antialias=True),
        F.interpolate(xr, size=(9, 4), mode="bicubic", align_corners=True),
        F.interpolate(xr, size=(4, 4), mode="area"),
        F.interpolate(xr, scale_factor=1.7, mode="nearest-exact"),
        F.interpolate(xr, size=(3, 5), mode="nearest")]
print([o.grad_fn.name() for o in outs])
sum((o ** 2).sum() for o in outs).backward()
print(xr.grad[0, 0])
try:
    F.interpolate(x, size=(3, 4), mode="nearest", align_corners=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(x, size=(3, 4), scale_factor=2.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(x, size=(3, 4), mode="linear")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(x, size=(3, 4), mode="nearest", antialias=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(x, mode="bilinear")
except Exception as e:
    print(type(e).__name__, e)

# %%
p = torch.arange(12.).view(1, 1, 3, 4)
for mode in ["constant", "reflect", "replicate", "circular"]:
    print(mode, F.pad(p, (2, 1, 1, 2), mode=mode))
print(F.pad(p, (1, 1), value=-1.0))
print(F.pad(u8[:, :1, :2, :3], (1, 1, 1, 1), mode="replicate"))
print(F.pad(p, (-1, 1, 0, -1)))
try:
    F.pad(p, (4, 0, 0, 0), mode="reflect")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.pad(p[0, 0], (1, 1, 1, 1), mode="reflect")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.pad(p, (5, 0, 0, 0), mode="circular")
except Exception as e:
    print(type(e).__name__, e)
pr = p.clone().requires_grad_()
outs = [F.pad(pr, (2, 1, 1, 2), mode=m) for m in ["reflect", "replicate", "circular", "constant"]]
print([o.grad_fn for o in outs])
sum(o.sum() for o in outs).backward()
print(pr.grad)

# %%
theta_deg = 30.0
t = math.radians(theta_deg)
theta = torch.tensor([[math.cos(t), -math.sin(t), 0.0], [math.sin(t), math.cos(t), 0.0]]).unsqueeze(0)
for ac in [False, True]:
    grid = F.affine_grid(theta, x.shape, align_corners=ac)
    print(grid.shape, grid[0, 0, :3])
    for mode in ["bilinear", "nearest", "bicubic"]:
        for pm in ["zeros", "border", "reflection"]:
            r = F.grid_sample(x, grid, mode=mode, padding_mode=pm, align_corners=ac)
            print(mode, pm, ac, r[0, 0, :2, :4])
crop = torch.tensor([[[0.5, 0.0, 0.25], [0.0, 0.5, -0.25]]])
g2 = F.affine_grid(crop, (1, 3, 4, 4), align_corners=False)
print(F.grid_sample(x, g2, align_corners=False)[0, 1])

# %%
th = theta.clone().requires_grad_()
xr = x.clone().requires_grad_()
grid = F.affine_grid(th, (1, 3, 5, 5), align_corners=False)
out = F.grid_sample(xr, grid, mode="bilinear", padding_mode="border", align_corners=False)
print(grid.grad_fn, out.grad_fn)
out.pow(2).mean().backward()
print(th.grad)
print(xr.grad[0, 0, :3])
try:
    F.affine_grid(theta, (1, 3, 5), align_corners=False)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.affine_grid(theta[:, :1], x.shape, align_corners=False)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.grid_sample(x, grid, mode="area", align_corners=False)
except Exception as e:
    print(type(e).__name__, e)
