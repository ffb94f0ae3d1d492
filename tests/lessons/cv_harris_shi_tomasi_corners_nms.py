# Imitates a classic computer-vision course notebook: Harris and Shi-Tomasi corner detection with plain tensors
# (Sobel image gradients by F.conv2d, the structure tensor smoothed by a Gaussian built with torch.exp of a meshgrid,
# the Harris response det - k*trace^2 and the smaller eigenvalue, non-maximum suppression by max_pool2d equality,
# torch.nonzero / topk of the responses), a differentiable corner score optimised on an image, and the errors
# learners hit (conv2d with a 2-d kernel, a kernel with the wrong number of input channels).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
img = torch.zeros(1, 1, 16, 16)
img[..., 4:11, 5:12] = 1.0
img = img + 0.05 * torch.rand(1, 1, 16, 16)
print(img.shape, img.dtype, round(img.mean().item(), 4))

sobel_x = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]])
sobel_y = sobel_x.T
kernels = torch.stack([sobel_x, sobel_y]).unsqueeze(1)
print(kernels.shape, kernels[1, 0])
grads = F.conv2d(img, kernels, padding=1)
Ix, Iy = grads[:, 0:1], grads[:, 1:2]
print(Ix.shape, Ix[0, 0, 4, 3:8], Iy[0, 0, 3:6, 6])

# %%
def gaussian_kernel(size=5, sigma=1.0):
    ax = torch.arange(size, dtype=torch.float32) - size // 2
    xx, yy = torch.meshgrid(ax, ax, indexing="ij")
    g = torch.exp(-(xx ** 2 + yy ** 2) / (2 * sigma ** 2))
    return g / g.sum()

G = gaussian_kernel(5, 1.0)
print(G)
print(G.sum(), G.shape, G[2, 2].item())
w = G[None, None]
Sxx = F.conv2d(Ix * Ix, w, padding=2)
Syy = F.conv2d(Iy * Iy, w, padding=2)
Sxy = F.conv2d(Ix * Iy, w, padding=2)
det = Sxx * Syy - Sxy ** 2
trace = Sxx + Syy
k = 0.05
R = det - k * trace ** 2
print(R.shape, R.max(), R.min())
print(torch.round(R[0, 0, 2:7, 3:8], decimals=1))

# %%
# Shi-Tomasi: the smaller eigenvalue of [[Sxx, Sxy], [Sxy, Syy]]
lam_min = trace / 2 - torch.sqrt(((Sxx - Syy) / 2) ** 2 + Sxy ** 2)
print(lam_min.max(), lam_min.argmax(), divmod(lam_min.argmax().item(), 16))
M = torch.stack([torch.cat([Sxx, Sxy], 1), torch.cat([Sxy, Syy], 1)], 1).permute(0, 3, 4, 1, 2)
print(M.shape)
ev = torch.linalg.eigvalsh(M[0, 4, 5])
print(ev, lam_min[0, 0, 4, 5])

# %%
def nms(resp, size=3):
    mx = F.max_pool2d(resp, kernel_size=size, stride=1, padding=size // 2)
    return (resp == mx) & (resp > 0.01 * resp.max())

keep = nms(R)
print(keep.shape, keep.dtype, keep.sum())
pts = torch.nonzero(keep[0, 0])
print(pts)
print(torch.nonzero(keep[0, 0], as_tuple=True))
vals = R[0, 0][keep[0, 0]]
print(vals.round(decimals=2))
top = torch.topk(R.flatten(), 4)
print(top.values.round(decimals=2), top.indices, top.indices // 16, top.indices % 16)
ys, xs = torch.unravel_index(top.indices, R.shape[-2:])
print(ys, xs)

# %%
# corners kept in the Shi-Tomasi way: sorted, above a quality level
flat = lam_min.flatten()
order = torch.argsort(flat, descending=True)
good = flat[order] > 0.1 * flat.max()
print(good.sum(), order[:6], flat[order[:6]])
coords = torch.stack(torch.where(nms(lam_min)[0, 0]), dim=1)
print(coords.shape, coords.dtype, coords[:4].tolist())
mask5 = F.max_pool2d(lam_min, 5, stride=1, padding=2) == lam_min
print(mask5.sum().item(), mask5[0, 0, 2:6, 3:8].int())

# %%
# a differentiable corner score: sharpen the corner at (4, 5) by gradient ascent on the image
x = img.clone().requires_grad_(True)
opt = torch.optim.SGD([x], lr=0.1)
for step in range(3):
    g = F.conv2d(x, kernels, padding=1)
    gx, gy = g[:, :1], g[:, 1:]
    sxx = F.conv2d(gx * gx, w, padding=2)
    syy = F.conv2d(gy * gy, w, padding=2)
    sxy = F.conv2d(gx * gy, w, padding=2)
    r = sxx * syy - sxy ** 2 - k * (sxx + syy) ** 2
    loss = -r[0, 0, 4, 5] / 1000
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4), x.grad.abs().max())
print(x.grad[0, 0, 3:6, 4:7])
print(r.grad_fn, loss.grad_fn.name(), g.grad_fn.name())

# %%
try:
    F.conv2d(img, sobel_x)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(img[0], sobel_x)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(img.repeat(1, 3, 1, 1), kernels)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.max_pool2d(R, 3, stride=1, padding=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nonzero(keep, as_tuple=False)[:, 5]
except Exception as e:
    print(type(e).__name__, e)
