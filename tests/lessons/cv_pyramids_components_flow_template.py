# Imitates a classic computer-vision course notebook done with tensors: Gaussian and Laplacian pyramids (avg_pool2d,
# interpolate nearest / bilinear with align_corners), difference-of-Gaussians blobs, connected components by
# iterative max_pool2d label propagation, Horn-Schunck optical flow iterations, template matching by normalised
# cross-correlation with F.conv2d, and the errors learners hit (interpolate with both size and scale_factor,
# align_corners with nearest, a 3-d input to a 2-d resize).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
img = torch.rand(1, 1, 16, 16)
pyr = [img]
for _ in range(3):
    pyr.append(F.avg_pool2d(pyr[-1], 2))
print([p.shape[-1] for p in pyr], pyr[-1])
lap = []
for i in range(3):
    up = F.interpolate(pyr[i + 1], size=pyr[i].shape[-2:], mode="bilinear", align_corners=False)
    lap.append(pyr[i] - up)
print([round(l.abs().mean().item(), 4) for l in lap])
rec = pyr[-1]
for i in reversed(range(3)):
    rec = F.interpolate(rec, size=lap[i].shape[-2:], mode="bilinear", align_corners=False) + lap[i]
print((rec - img).abs().max() < 1e-5)
print(F.interpolate(pyr[2], scale_factor=2, mode="nearest")[0, 0, :2])
print(F.interpolate(pyr[2], scale_factor=2, mode="bilinear", align_corners=True)[0, 0, 0])
print(F.interpolate(pyr[3], size=(3, 3), mode="bicubic", align_corners=False))

# %%
def gauss(sigma):
    k = int(2 * round(3 * sigma) + 1)
    t = torch.arange(k, dtype=torch.float32) - k // 2
    yy, xx = torch.meshgrid(t, t, indexing="ij")
    g = torch.exp(-(xx ** 2 + yy ** 2) / (2 * sigma ** 2))
    return (g / g.sum())[None, None], k

blobs = torch.zeros(1, 1, 24, 24)
blobs[..., 5:8, 5:8] = 1
blobs[..., 14:20, 12:18] = 1
sigmas = [1.0, 1.6, 2.56]
stack = []
for s in sigmas:
    g, k = gauss(s)
    stack.append(F.conv2d(F.pad(blobs, (k // 2,) * 4, mode="reflect"), g))
dog = torch.cat([stack[i + 1] - stack[i] for i in range(2)], 1).round(decimals=4)
print(dog.shape, dog.min(), dog.max())
peaks = (dog == -F.max_pool2d(-dog, 3, 1, 1)) & (dog < -0.05)
print(peaks.sum(), torch.nonzero(peaks)[:5])

# %%
# connected components: every foreground pixel starts with its own label, labels spread by max pooling
mask = torch.zeros(1, 1, 10, 10, dtype=torch.bool)
mask[0, 0, 1:4, 1:3] = True
mask[0, 0, 6:9, 5:9] = True
mask[0, 0, 2, 7] = True
labels = torch.arange(1, 101, dtype=torch.float32).view(1, 1, 10, 10) * mask
for it in range(20):
    new = F.max_pool2d(labels, 3, stride=1, padding=1) * mask
    if torch.equal(new, labels):
        break
    labels = new
print(it, labels.unique(), labels.dtype)
uniq, inv = torch.unique(labels, return_inverse=True)
print(inv[0, 0, :4], torch.bincount(inv.flatten()))
print(labels.long()[0, 0])

# %%
# Horn-Schunck optical flow on a shifted square
I1 = torch.zeros(1, 1, 12, 12)
I1[..., 4:8, 4:8] = 1.0
I2 = torch.roll(I1, shifts=1, dims=3)
kx = torch.tensor([[-1., 1.], [-1., 1.]]).view(1, 1, 2, 2) * 0.25
ky = torch.tensor([[-1., -1.], [1., 1.]]).view(1, 1, 2, 2) * 0.25
kt = torch.ones(1, 1, 2, 2) * 0.25
Ix = F.conv2d(I1, kx, padding="same") + F.conv2d(I2, kx, padding="same")
Iy = F.conv2d(I1, ky, padding="same") + F.conv2d(I2, ky, padding="same")
It = F.conv2d(I2, kt, padding="same") - F.conv2d(I1, kt, padding="same")
avg = torch.tensor([[1 / 12, 1 / 6, 1 / 12], [1 / 6, 0., 1 / 6], [1 / 12, 1 / 6, 1 / 12]]).view(1, 1, 3, 3)
u = torch.zeros_like(I1)
v = torch.zeros_like(I1)
alpha = 1.0
for i in range(10):
    ub = F.conv2d(u, avg, padding=1)
    vb = F.conv2d(v, avg, padding=1)
    d = (Ix * ub + Iy * vb + It) / (alpha ** 2 + Ix ** 2 + Iy ** 2)
    u = ub - Ix * d
    v = vb - Iy * d
print(u.shape, u[0, 0, 5, 2:10].round(decimals=3))
print(u.mean(), v.abs().max(), torch.sqrt(u ** 2 + v ** 2).max())

# %%
# template matching by normalised cross-correlation, and an image optimised so that the template matches better
scene = torch.rand(1, 1, 14, 14)
tpl = scene[..., 4:9, 6:11].clone()
def ncc(x, t):
    k = t.shape[-1]
    tz = (t - t.mean()) / t.std()
    ones = torch.ones_like(t)
    mu = F.conv2d(x, ones) / k ** 2
    var = F.conv2d(x ** 2, ones) / k ** 2 - mu ** 2
    return F.conv2d(x, tz) / (k ** 2 * torch.sqrt(var.clamp_min(1e-8)))
r = ncc(scene, tpl)
print(r.shape, r.max(), divmod(r.argmax().item(), r.shape[-1]))
x = torch.rand(1, 1, 14, 14, requires_grad=True)
opt = torch.optim.Adam([x], lr=0.05)
for step in range(3):
    loss = -ncc(x, tpl)[0, 0, 2, 3]
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4), x.grad.norm())
print(x.grad[0, 0, 2:4, 3:6], loss.grad_fn.name())

# %%
for f in [lambda: F.interpolate(img, size=(8, 8), scale_factor=2),
          lambda: F.interpolate(img, mode="nearest", align_corners=True, scale_factor=2),
          lambda: F.interpolate(img[0], size=(8, 8), mode="bilinear"),
          lambda: F.interpolate(img, scale_factor=(2, 2, 2)),
          lambda: F.interpolate(img),
          lambda: F.avg_pool2d(img, 32),
          lambda: F.conv2d(img, torch.ones(3, 3)),
          lambda: torch.atan2(torch.tensor(1), torch.tensor(2))]:
    try:
        print(f().shape)
    except Exception as e:
        print(type(e).__name__, e)
