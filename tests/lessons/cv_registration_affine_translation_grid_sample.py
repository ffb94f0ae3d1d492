# Imitates a "differentiable image registration" blog post done without kornia: a synthetic blob image is moved
# by a known affine warp, then F.affine_grid + F.grid_sample are used to recover the warp by optimising a 2x3
# matrix (Adam) or a translation only (SGD), in every interpolation / padding mode and both align_corners; prints
# losses, the recovered parameters, gradients with respect to the image and the warp, grad_fn names and the errors
# learners hit (wrong grid shape, wrong dtype, theta of the wrong shape).
import math
import torch
import torch.nn.functional as F
torch.manual_seed(0)
H, W = 12, 14
ys, xs = torch.meshgrid(torch.linspace(-1, 1, H), torch.linspace(-1, 1, W), indexing="ij")
fixed = torch.exp(-((xs - 0.2) ** 2 + (ys + 0.1) ** 2) / 0.1) + 0.5 * torch.exp(-((xs + 0.4) ** 2 + (ys - 0.3) ** 2) / 0.05)
fixed = fixed[None, None]
print(fixed.shape, fixed.dtype, fixed.sum())
true_theta = torch.tensor([[[math.cos(0.2), -math.sin(0.2), 0.1], [math.sin(0.2), math.cos(0.2), -0.15]]])
grid = F.affine_grid(true_theta, fixed.shape, align_corners=False)
moving = F.grid_sample(fixed, grid, align_corners=False)
print(grid.shape, grid[0, 0, :3])
print(moving[0, 0, 4:7, 4:8])

# %%
for mode in ["bilinear", "nearest", "bicubic"]:
    for pm in ["zeros", "border", "reflection"]:
        for ac in [False, True]:
            th = true_theta.clone().requires_grad_(True)
            img = fixed.clone().requires_grad_(True)
            g = F.affine_grid(th, (1, 1, H, W), align_corners=ac)
            out = F.grid_sample(img, g, mode=mode, padding_mode=pm, align_corners=ac)
            loss = (out * torch.arange(H * W).reshape(1, 1, H, W) / (H * W)).sum()
            loss.backward()
            print(mode, pm, ac, out.grad_fn.name(), round(loss.item(), 4))
            print(th.grad)
            print(img.grad[0, 0, 5, :5])

# %%
theta = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]], requires_grad=True)
opt = torch.optim.Adam([theta], lr=0.02)
for step in range(40):
    opt.zero_grad()
    g = F.affine_grid(theta, fixed.shape, align_corners=False)
    warped = F.grid_sample(fixed, g, align_corners=False, padding_mode="border")
    loss = F.mse_loss(warped, moving)
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, loss.item(), theta.grad.norm().item())
print(theta.detach())
print(loss.grad_fn, loss.grad_fn.next_functions[0][0].name())

# %%
shift = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([shift], lr=0.5, momentum=0.9)
target = torch.roll(fixed, shifts=(1, 2), dims=(2, 3))
for step in range(30):
    opt.zero_grad()
    eye = torch.eye(2)
    th = torch.cat([eye, shift[:, None]], dim=1)[None]
    g = F.affine_grid(th, fixed.shape, align_corners=True)
    warped = F.grid_sample(fixed, g, mode="bicubic", padding_mode="reflection", align_corners=True)
    loss = ((warped - target) ** 2).mean()
    loss.backward()
    opt.step()
print(step, loss.item(), shift.detach(), shift.grad)
print(th.grad_fn.name(), g.grad_fn.name(), warped.grad_fn.name())

# %%
# grid by hand in pixel coordinates, normalised, 5-d volume, grads wrt grid
torch.manual_seed(1)
vol = torch.randn(1, 2, 4, 5, 6, dtype=torch.float64, requires_grad=True)
th3 = torch.tensor([[[0.9, 0.1, 0.0, 0.05], [0.0, 1.1, 0.1, -0.1], [0.05, 0.0, 0.95, 0.2]]], dtype=torch.float64,
                   requires_grad=True)
g3 = F.affine_grid(th3, vol.shape, align_corners=False)
print(g3.shape, g3.grad_fn.name())
for mode in ["bilinear", "nearest"]:
    out3 = F.grid_sample(vol, g3, mode=mode, padding_mode="border", align_corners=False)
    gth, gv = torch.autograd.grad(out3.pow(2).sum(), [th3, vol], retain_graph=True)
    print(mode, out3.shape, out3.sum().item())
    print(gth)
    print(gv[0, 1, 2, 1])

# %%
x = torch.rand(1, 1, 5, 5)
bad = [torch.rand(1, 5, 5), torch.rand(1, 5, 5, 3), torch.rand(2, 5, 5, 2), torch.rand(1, 5, 5, 2, dtype=torch.float64),
       torch.randint(0, 3, (1, 5, 5, 2))]
for gr in bad:
    try:
        print(F.grid_sample(x, gr, align_corners=False).shape)
    except Exception as e:
        print(type(e).__name__, e)
for th in [torch.rand(1, 3, 3), torch.rand(2, 3), torch.rand(1, 2, 3, dtype=torch.float64)]:
    try:
        print(F.affine_grid(th, (1, 1, 5, 5), align_corners=False).dtype)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.affine_grid(torch.rand(1, 2, 3), (2, 1, 5, 5), align_corners=False)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.grid_sample(x, torch.rand(1, 5, 5, 2), mode="area")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.grid_sample(x, torch.rand(1, 5, 5, 2), padding_mode="circular")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.grid_sample(torch.rand(1, 1, 3, 5, 5), torch.rand(1, 2, 5, 5, 3), mode="bicubic")
except Exception as e:
    print(type(e).__name__, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    F.grid_sample(x, torch.rand(1, 5, 5, 2))
    F.affine_grid(torch.rand(1, 2, 3), (1, 1, 5, 5))
print([str(i.message)[:80] for i in w])
