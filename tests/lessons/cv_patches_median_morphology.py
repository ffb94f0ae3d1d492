# Imitates CS131-style exercises done with tensors: patches with F.unfold / F.fold and Tensor.unfold, a median
# filter against salt-and-pepper noise (median(dim=-1), mode), erosion / dilation / opening with F.max_pool2d,
# non-maximum suppression by max-pooling, Harris corners and template matching by normalised cross-correlation.
import torch
import torch.nn.functional as F
torch.manual_seed(1)
img = torch.rand(1, 1, 6, 6)
patches = F.unfold(img, kernel_size=3, padding=1)
print(patches.shape)
print(patches[0, :, 0])
med = patches.median(dim=1).values.view(1, 1, 6, 6)
print(med[0, 0, :2])
vals, idx = patches.median(dim=1)
print(idx[0, :6])

# %%
noisy = img.clone()
mask = torch.rand_like(img)
noisy[mask < 0.1] = 0.0
noisy[mask > 0.9] = 1.0
print((noisy == 0).sum(), (noisy == 1).sum())
p = F.pad(noisy, (1, 1, 1, 1), mode='reflect')
win = p.unfold(2, 3, 1).unfold(3, 3, 1)
print(win.shape, win.stride())
filtered = win.contiguous().view(*win.shape[:4], -1).median(dim=-1)[0]
print(filtered.shape, (filtered - img).abs().mean())

# %%
q = (img * 4).floor()
mp = F.unfold(q, 3, padding=1).mode(dim=1)
print(type(mp).__name__, mp.values.view(6, 6)[0], mp.indices[0, :6])
print(torch.mode(torch.tensor([3, 1, 1, 2, 3, 3, 1])))
torch.tensor([[2., 2., 5.], [7., 7., 7.]]).median(-1)

# %%
folded = F.fold(patches, output_size=(6, 6), kernel_size=3, padding=1)
counts = F.fold(torch.ones_like(patches), output_size=(6, 6), kernel_size=3, padding=1)
print(counts[0, 0])
print(torch.allclose(folded / counts, img))
blocks = F.unfold(img, kernel_size=2, stride=2)
print(blocks.shape)
F.fold(blocks, output_size=(6, 6), kernel_size=2, stride=2).equal(img)

# %%
F.unfold(img[0], kernel_size=3).shape

# %%
F.unfold(img[0, 0], kernel_size=3)

# %%
F.fold(patches, output_size=(5, 5), kernel_size=3, padding=1)

# %%
F.unfold(img, kernel_size=7)

# %%
img.unfold(2, 7, 1)

# %%
binary = torch.zeros(1, 1, 7, 7)
binary[..., 1:5, 2:6] = 1
binary[..., 6, 0] = 1
dil = F.max_pool2d(binary, 3, stride=1, padding=1)
ero = -F.max_pool2d(-binary, 3, stride=1, padding=1)
opened = F.max_pool2d(-F.max_pool2d(-binary, 3, 1, 1), 3, 1, 1)
print(dil[0, 0].int())
print(ero[0, 0].int())
print(opened[0, 0].long().sum(), (dil - ero)[0, 0].sum())

# %%
F.max_pool2d(binary.to(torch.uint8), 3, 1, 1)[0, 0, 0]

# %%
F.max_pool2d(binary.bool(), 3, 1, 1)

# %%
F.max_pool2d(binary, 3, stride=1, padding=2)

# %%
resp = torch.rand(1, 1, 6, 6)
pooled, where = F.max_pool2d(resp, 3, stride=1, padding=1, return_indices=True)
peaks = (resp == pooled) & (resp > 0.5)
print(peaks.nonzero())
print(where[0, 0, 0])
ys, xs = torch.nonzero(peaks[0, 0], as_tuple=True)
print(ys, xs)

# %%
sx = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]).view(1, 1, 3, 3)
img2 = torch.zeros(1, 1, 9, 9)
img2[..., 3:, 3:] = 1.
Ix = F.conv2d(img2, sx, padding=1)
Iy = F.conv2d(img2, sx.transpose(2, 3), padding=1)
w = torch.ones(1, 1, 3, 3) / 9
Sxx = F.conv2d(Ix * Ix, w, padding=1)
Syy = F.conv2d(Iy * Iy, w, padding=1)
Sxy = F.conv2d(Ix * Iy, w, padding=1)
R = Sxx * Syy - Sxy ** 2 - 0.05 * (Sxx + Syy) ** 2
print(R.max(), R.flatten().argmax(), divmod(R.flatten().argmax().item(), 9))
top = torch.topk(R.flatten(), 3)
print(top)

# %%
scene = torch.rand(1, 1, 8, 8)
tmpl = scene[..., 2:5, 4:7].clone()
t0 = tmpl - tmpl.mean()
num = F.conv2d(scene, t0)
ones = torch.ones_like(tmpl)
local_sum = F.conv2d(scene, ones)
local_sq = F.conv2d(scene ** 2, ones)
var = local_sq - local_sum ** 2 / 9
ncc = num / (var.clamp_min(1e-8).sqrt() * t0.norm())
print(ncc.shape, ncc.max())
best = (ncc == ncc.max()).nonzero()[0]
print(best.tolist(), torch.unravel_index(ncc.argmax(), ncc.shape))

# %%
F.conv2d(scene, tmpl[0])

# %%
F.conv2d(scene.squeeze(), tmpl)
