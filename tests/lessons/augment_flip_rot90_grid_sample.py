# Imitates hand-written data augmentation without torchvision (the Spatial Transformer Networks tutorial's
# affine_grid / grid_sample, the "augmentations on the GPU with plain tensor ops" posts, Kornia-style random
# rotations and flips written by learners): torch.flip on images and on boxes, torch.rot90 with k and dims,
# random crops via indexing with torch.randint, random horizontal flips with a per-sample mask and torch.where,
# affine_grid / grid_sample with align_corners both ways, padding modes and nearest / bicubic, and their gradients.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
img = torch.arange(2 * 3 * 4 * 5, dtype=torch.float32).view(2, 3, 4, 5)

# %%
print(torch.flip(img, dims=[3])[0, 0], img.flip(-1).flip(-1).equal(img))
print(img[0, 0].fliplr(), img[0, 0].flipud())
print(torch.rot90(img, 1, [2, 3]).shape, torch.rot90(img[0, 0]), torch.rot90(img[0, 0], -1))
print(torch.rot90(img[0, 0], 2).equal(img[0, 0].flip(0).flip(1)), torch.rot90(img[0, 0], 4).equal(img[0, 0]))
print(torch.rot90(img[0, 0], k=3, dims=(1, 0)))
for make in [lambda: torch.rot90(img, 1, [2]), lambda: torch.rot90(img, 1, [2, 2]), lambda: torch.rot90(img, 1, [2, 5]),
             lambda: torch.flip(img, dims=[4]), lambda: torch.flip(img, dims=(1, 1)), lambda: img[0, 0].fliplr().flipud().T.shape,
             lambda: torch.rot90(torch.ones(3), 1), lambda: torch.flip(img, 3)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
boxes = torch.tensor([[1., 0., 3., 2.], [0., 1., 5., 4.]])
W = img.shape[-1]
flipped = boxes.clone()
flipped[:, [0, 2]] = W - boxes[:, [2, 0]]
print(flipped)
do_flip = torch.rand(img.shape[0]) < 0.5
out = torch.where(do_flip[:, None, None, None], img.flip(-1), img)
print(do_flip, out[:, 0, 0])

# %%
def random_crop(x, size):
    _, _, h, w = x.shape
    i = torch.randint(0, h - size + 1, (1,)).item()
    j = torch.randint(0, w - size + 1, (1,)).item()
    return x[..., i:i + size, j:j + size], (i, j)

crop, ij = random_crop(img, 3)
print(crop.shape, ij, crop[0, 0], crop.is_contiguous(), crop.stride())
ys = torch.randint(0, 2, (2,))
xs = torch.randint(0, 3, (2,))
rows = ys[:, None] + torch.arange(3)
cols = xs[:, None] + torch.arange(3)
per_sample = img[torch.arange(2)[:, None, None], :, rows[:, :, None], cols[:, None, :]]
print(ys, xs, per_sample.shape, per_sample.permute(0, 3, 1, 2)[1, 0])
try:
    random_crop(img, 6)
except Exception as e:
    print(type(e).__name__, e)

# %%
angle = math.radians(30)
theta = torch.tensor([[[math.cos(angle), -math.sin(angle), 0.1], [math.sin(angle), math.cos(angle), 0.0]]])
theta = theta.repeat(2, 1, 1)
for ac in [False, True]:
    grid = F.affine_grid(theta, img.size(), align_corners=ac)
    print(ac, grid.shape, grid[0, 0, :2])
    for mode in ["bilinear", "nearest", "bicubic"]:
        for pm in ["zeros", "border", "reflection"]:
            out = F.grid_sample(img, grid, mode=mode, padding_mode=pm, align_corners=ac)
            print(mode, pm, out[1, 2, 1].round(decimals=3))

# %%
ident = torch.tensor([[1., 0., 0.], [0., 1., 0.]]).unsqueeze(0)
g = F.affine_grid(ident, (1, 1, 3, 4), align_corners=False)
print(g[0, :, :, 0], g[0, :, :, 1])
print(F.affine_grid(ident, (1, 1, 3, 4), align_corners=True)[0, 0])
x = img[:1, :1]
print(torch.allclose(F.grid_sample(x, F.affine_grid(ident, x.shape, align_corners=False), align_corners=False), x))
scale = torch.tensor([[[0.5, 0., 0.], [0., 0.5, 0.]]])
print(F.grid_sample(x, F.affine_grid(scale, (1, 1, 2, 3), align_corners=True), align_corners=True))
print(F.affine_grid(torch.eye(3, 4).unsqueeze(0), (1, 1, 2, 2, 3), align_corners=False).shape)

# %%
theta_p = theta[:1].clone().requires_grad_(True)
src = torch.rand(1, 1, 6, 6, requires_grad=True)
warped = F.grid_sample(src, F.affine_grid(theta_p, (1, 1, 4, 4), align_corners=False), align_corners=False,
                       padding_mode="border")
target = torch.rand(1, 1, 4, 4)
loss = F.mse_loss(warped, target)
loss.backward()
print(loss, warped.grad_fn, warped.grad_fn.next_functions[1][0])
print(theta_p.grad, src.grad.sum(), src.grad[0, 0, 2])

# %%
for make in [lambda: F.affine_grid(theta[0], img.size(), align_corners=False),
             lambda: F.affine_grid(theta, (2, 3, 4), align_corners=False),
             lambda: F.affine_grid(theta, (3, 3, 4, 5), align_corners=False),
             lambda: F.grid_sample(img, torch.zeros(2, 4, 5, 3), align_corners=False),
             lambda: F.grid_sample(img, torch.zeros(1, 4, 5, 2), align_corners=False),
             lambda: F.grid_sample(img, torch.zeros(2, 4, 5, 2), mode="area", align_corners=False),
             lambda: F.grid_sample(img, torch.zeros(2, 4, 5, 2), padding_mode="circular", align_corners=False),
             lambda: F.grid_sample(img, torch.zeros(2, 4, 5, 2, dtype=torch.float64), align_corners=False),
             lambda: F.grid_sample(img[:, :, None], torch.zeros(2, 1, 4, 5, 3), mode="bicubic", align_corners=False),
             lambda: F.grid_sample(img.long(), torch.zeros(2, 4, 5, 2), align_corners=False),
             lambda: F.affine_grid(theta.double(), img.size(), align_corners=False).dtype]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
