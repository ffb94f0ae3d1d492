# Imitates a deconvolution lesson (computational photography course notebooks, "Richardson-Lucy in PyTorch" posts):
# an image is blurred with a Gaussian / motion PSF through F.conv2d (padding='same', per-channel groups, the
# flipped kernel as the adjoint, conv_transpose2d as the true adjoint), then restored by Richardson-Lucy
# multiplicative updates and by gradient descent on ||k*x - y||^2; prints residuals, gradients, grad_fn names
# and the errors learners hit with padding='same', groups and kernel shapes.
import torch
import torch.nn.functional as F

torch.manual_seed(6)
C, H, W = 3, 12, 12
sharp = torch.zeros(1, C, H, W)
sharp[:, :, 3:9, 4:8] = 1.0
sharp[:, 1, 5:7, 2:10] = 0.5
sharp = sharp + 0.05 * torch.rand(1, C, H, W)
ax = torch.arange(5, dtype=torch.float32) - 2
g1 = torch.exp(-ax ** 2 / (2 * 1.2 ** 2))
psf = torch.outer(g1, g1)
psf = psf / psf.sum()
motion = torch.zeros(3, 4)
motion[1, :] = 1.0
motion[0, 3] = 0.5
motion = motion / motion.sum()
print(psf.shape, psf.sum().item(), motion)

# %%
k = psf.expand(C, 1, 5, 5)
blurred = F.conv2d(sharp, k, padding="same", groups=C)
print(blurred.shape, blurred.sum().item(), sharp.sum().item())
km = motion.expand(C, 1, 3, 4).contiguous()
bm = F.conv2d(sharp, km, padding="same", groups=C)
print(bm.shape, bm[0, 0, 5], bm.dtype)
flip = km.flip(-1, -2)
v = torch.randn_like(sharp)
lhs = (F.conv2d(sharp, km, padding="same", groups=C) * v).sum()
rhs = (sharp * F.conv2d(v, flip, padding="same", groups=C)).sum()
print(lhs.item(), rhs.item())
full = F.conv2d(F.pad(sharp, (1, 2, 1, 1)), km, groups=C)
print(torch.allclose(full, bm), (full - bm).abs().max().item())

# %%
y = blurred + 0.01 * torch.randn_like(blurred)
y = y.clamp_min(0)
x = torch.full_like(y, 0.5)
kf = k.flip(-1, -2)
for it in range(15):
    est = F.conv2d(x, k, padding="same", groups=C)
    ratio = y / (est + 1e-7)
    x = x * F.conv2d(ratio, kf, padding="same", groups=C)
    if it % 5 == 4:
        print(it, ((x - sharp) ** 2).mean().item(), x.min().item(), x.max().item())

# %%
x = y.clone().requires_grad_(True)
opt = torch.optim.SGD([x], lr=1.0, momentum=0.9)
for it in range(20):
    r = F.conv2d(x, k, padding="same", groups=C) - y
    tv = (x[..., 1:, :] - x[..., :-1, :]).abs().sum() + (x[..., :, 1:] - x[..., :, :-1]).abs().sum()
    loss = 0.5 * r.pow(2).sum() + 1e-3 * tv
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 5 == 0:
        print(it, loss.item(), x.grad.norm().item())
print(r.grad_fn, loss.grad_fn, tv.grad_fn)

# %%
torch.manual_seed(7)
kk = torch.randn(C, 1, 3, 3, requires_grad=True)
xx = torch.randn(1, C, 6, 6, requires_grad=True)
out = F.conv2d(xx, kk, padding="same", groups=C, dilation=2)
out.square().mean().backward()
print(out.shape, kk.grad[0, 0], xx.grad[0, 0, 0])
k4 = torch.randn(2, 3, 4, 2, requires_grad=True)
o4 = F.conv2d(xx, k4, padding="same")
o4.sum().backward()
print(o4.shape, k4.grad.sum(dim=(0, 1)), o4.grad_fn)
t = F.conv_transpose2d(torch.ones(1, C, 4, 4), kk.detach(), groups=C)
print(t.shape, t[0, 0])
k3 = torch.randn(1, 1, 3)
print(F.conv1d(torch.arange(6.).view(1, 1, 6), k3, padding="same").shape, F.conv1d(torch.arange(6.).view(1, 1, 6), k3.flip(-1), padding="valid"))

# %%
for make in [lambda: F.conv2d(sharp, k, padding="same", groups=C, stride=2),
             lambda: F.conv2d(sharp, k, padding="full", groups=C),
             lambda: F.conv2d(sharp, k, padding="same"),
             lambda: F.conv2d(sharp, psf, padding="same"),
             lambda: F.conv2d(sharp, torch.ones(4, 1, 3, 3), groups=C),
             lambda: F.conv2d(sharp, torch.ones(3, 1, 3, 3), groups=2),
             lambda: F.conv2d(sharp, torch.ones(3, 1, 13, 3), groups=C),
             lambda: F.conv2d(sharp.double(), k, groups=C),
             lambda: F.conv2d(sharp[0], k, padding="same", groups=C).shape,
             lambda: F.conv_transpose2d(sharp, k, padding="same", groups=C)]:
    try:
        r = make()
        print(r.shape if hasattr(r, "shape") else r)
    except Exception as e:
        print(type(e).__name__, e)
