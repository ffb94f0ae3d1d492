# Imitates a "spatial transformer fitted by gradient descent" notebook (the STN tutorial's affine_grid / grid_sample
# without the localisation net): a moving image is warped by a learnable 2x3 theta until it matches a fixed image,
# in bilinear and nearest modes, zeros / border / reflection padding, align_corners both ways; prints the losses,
# theta and its gradient, the gradient with respect to the grid and the image, grad_fn names, 3-D (volumetric)
# affine grids, and the errors learners hit (wrong size, wrong theta shape, bad mode names, mismatched batches).
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
H, W = 9, 11
ys, xs = torch.meshgrid(torch.linspace(-1, 1, H), torch.linspace(-1, 1, W), indexing="ij")
fixed = (torch.exp(-((xs - 0.15) ** 2 + (ys + 0.05) ** 2) / 0.08)).view(1, 1, H, W)
true_theta = torch.tensor([[[0.95, -0.1, 0.12], [0.1, 0.95, -0.08]]])
moving = F.grid_sample(fixed, F.affine_grid(true_theta, (1, 1, H, W), align_corners=False), align_corners=False)
print(moving.shape, moving.grad_fn, moving.sum())

# %%
for ac in (False, True):
    theta = torch.eye(2, 3).unsqueeze(0).clone().requires_grad_(True)
    opt = torch.optim.SGD([theta], lr=0.5)
    for step in range(25):
        grid = F.affine_grid(theta, fixed.shape, align_corners=ac)
        warped = F.grid_sample(moving, grid, mode="bilinear", padding_mode="border", align_corners=ac)
        loss = F.mse_loss(warped, fixed)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 8 == 0:
            print(ac, step, loss.item(), theta.grad.norm().item())
    print(theta.detach(), grid.grad_fn, warped.grad_fn, loss.grad_fn)

# %%
torch.manual_seed(1)
img = torch.randn(2, 3, 5, 6, requires_grad=True)
theta = torch.randn(2, 2, 3) * 0.7
theta.requires_grad_(True)
for mode in ("bilinear", "nearest", "bicubic"):
    for pad in ("zeros", "border", "reflection"):
        for ac in (False, True):
            grid = F.affine_grid(theta, (2, 3, 4, 7), align_corners=ac)
            out = F.grid_sample(img, grid, mode=mode, padding_mode=pad, align_corners=ac)
            gi, gt = torch.autograd.grad(out.pow(2).sum(), (img, theta))
            print(mode, pad, ac, out.shape, round(out.sum().item(), 4), round(gi.abs().sum().item(), 4), gt.flatten()[:3])

# %%
torch.manual_seed(2)
img = torch.randn(1, 1, 4, 4, requires_grad=True)
grid = (torch.rand(1, 3, 3, 2) * 2.6 - 1.3).requires_grad_(True)
for pad in ("zeros", "border", "reflection"):
    out = F.grid_sample(img, grid, padding_mode=pad, align_corners=False)
    out.sum().backward()
    print(pad, out.squeeze(), grid.grad.squeeze()[0], img.grad.squeeze()[0])
    grid.grad = None
    img.grad = None
out = F.grid_sample(img, grid, mode="nearest", align_corners=True)
out.sum().backward()
print(out, grid.grad.abs().sum(), img.grad)

# %%
vol = torch.arange(2 * 3 * 4 * 5, dtype=torch.float64).view(1, 1, 2 * 3, 4, 5) / 10
theta3 = torch.tensor([[[1.0, 0.1, 0, 0.05], [0, 0.9, 0.1, 0], [0.05, 0, 1.1, -0.1]]], dtype=torch.float64, requires_grad=True)
g3 = F.affine_grid(theta3, (1, 1, 3, 4, 5), align_corners=False)
print(g3.shape, g3.dtype, g3[0, 1, 2, 3])
o3 = F.grid_sample(vol, g3, align_corners=False)
o3.mean().backward()
print(o3.shape, o3.sum().item(), theta3.grad)

# %%
theta = torch.eye(2, 3).unsqueeze(0)
for make in [lambda: F.affine_grid(theta, (1, 1, 4), align_corners=False),
             lambda: F.affine_grid(theta, (2, 1, 4, 4), align_corners=False),
             lambda: F.affine_grid(theta[0], (1, 1, 4, 4), align_corners=False),
             lambda: F.affine_grid(torch.eye(3, 4).unsqueeze(0), (1, 1, 4, 4), align_corners=False),
             lambda: F.affine_grid(theta.long(), (1, 1, 4, 4), align_corners=False),
             lambda: F.affine_grid(theta, (1, 1, 1, 4), align_corners=True).squeeze(),
             lambda: F.grid_sample(fixed, torch.zeros(1, 3, 3, 3), align_corners=False),
             lambda: F.grid_sample(fixed, torch.zeros(2, 3, 3, 2), align_corners=False),
             lambda: F.grid_sample(fixed, torch.zeros(1, 3, 3, 2), mode="linear", align_corners=False),
             lambda: F.grid_sample(fixed, torch.zeros(1, 3, 3, 2), padding_mode="replicate", align_corners=False),
             lambda: F.grid_sample(fixed, torch.zeros(1, 3, 3, 2).double(), align_corners=False),
             lambda: F.grid_sample(fixed[0], torch.zeros(1, 3, 3, 2), align_corners=False),
             lambda: F.grid_sample(torch.zeros(1, 1, 2, 3, 4), torch.zeros(1, 2, 2, 2, 3), mode="bicubic", align_corners=False)]:
    try:
        r = make()
        print(r.shape, r.flatten()[:4])
    except Exception as e:
        print(type(e).__name__, e)
