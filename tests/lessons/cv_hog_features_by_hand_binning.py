# Imitates a course notebook computing HOG (histogram of oriented gradients) features by hand with tensors:
# centred-difference gradients by F.conv2d, magnitude and torch.atan2 orientation, unsigned angles with
# torch.remainder, orientation binning per cell via unfold with scatter_add_, bincount(weights=...), one_hot and
# soft (bilinear) bins, L2 / L2-Hys block normalisation with F.normalize, a gradient through the descriptor, and
# the errors learners hit (atan2 of integer tensors, bincount of floats / 2-d input / negative values).
import math
import torch
import torch.nn.functional as F
torch.manual_seed(0)
img = torch.rand(1, 1, 16, 16)
img[..., :, 8:] += torch.linspace(0, 1, 8)
dx = torch.tensor([[-1., 0., 1.]]).view(1, 1, 1, 3)
dy = dx.transpose(2, 3)
gx = F.conv2d(F.pad(img, (1, 1, 0, 0), mode="replicate"), dx)
gy = F.conv2d(F.pad(img, (0, 0, 1, 1), mode="replicate"), dy)
print(gx.shape, gy.shape, dy.shape)
mag = torch.sqrt(gx ** 2 + gy ** 2)
ang = torch.atan2(gy, gx)
print(mag[0, 0, 0, :5], ang[0, 0, 0, :5])
deg = torch.rad2deg(ang)
unsigned = torch.remainder(deg, 180.0)
print(unsigned[0, 0, 0, :5], unsigned.min() >= 0, unsigned.max() < 180)
print(torch.remainder(torch.tensor([-190., -180., -0.5, 0., 179.9, 180., 360.5]), 180))
print(torch.fmod(torch.tensor([-190., -180., -0.5, 0., 179.9, 180., 360.5]), 180))
print(torch.remainder(ang, math.pi)[0, 0, 1, :4], (ang % math.pi)[0, 0, 1, :4])

# %%
nbins, cell = 9, 8
bin_idx = torch.floor(unsigned / (180 / nbins)).long().clamp(max=nbins - 1)
print(bin_idx.dtype, bin_idx[0, 0, 0, :8])
# cells of 8x8 by unfold: (N, C*64, L)
mag_cells = F.unfold(mag, kernel_size=cell, stride=cell)
bin_cells = F.unfold(bin_idx.float(), kernel_size=cell, stride=cell).long()
print(mag_cells.shape, bin_cells.shape, bin_cells.dtype)
hist = torch.zeros(1, nbins, mag_cells.shape[-1])
hist.scatter_add_(1, bin_cells, mag_cells)
print(hist.shape)
print(hist.round(decimals=3))
h0 = torch.bincount(bin_cells[0, :, 0], weights=mag_cells[0, :, 0], minlength=nbins)
print(h0, h0.dtype, torch.allclose(h0, hist[0, :, 0]))
counts = torch.bincount(bin_idx.flatten(), minlength=nbins)
print(counts, counts.sum(), counts.dtype)
h64 = torch.bincount(bin_idx.flatten(), weights=mag.flatten().double())
print(h64.dtype, h64.shape)

# %%
# the same per cell with one_hot and einsum
oh = F.one_hot(bin_cells[0], nbins).float()
print(oh.shape, oh.dtype)
hist2 = torch.einsum("plb,pl->bl", oh, mag_cells[0])
print(torch.allclose(hist2, hist[0]), (hist2 - hist[0]).abs().max())
# soft binning: each vote split between the two nearest bin centres
pos = unsigned / 20.0 - 0.5
lo = torch.floor(pos)
frac = pos - lo
lo_i = lo.long() % nbins
hi_i = (lo_i + 1) % nbins
soft = torch.zeros(nbins).index_add_(0, lo_i.flatten(), (mag * (1 - frac)).flatten())
soft.index_add_(0, hi_i.flatten(), (mag * frac).flatten())
print(soft.round(decimals=3), torch.isclose(soft.sum(), mag.sum()))

# %%
# block normalisation: 2x2 cells per block (here the one block of a 2x2 cell grid)
cells = hist.view(1, nbins, 2, 2).permute(0, 2, 3, 1)
print(cells.shape, cells.is_contiguous())
block = cells.reshape(1, -1)
l2 = F.normalize(block, p=2, dim=1)
print(l2.shape, l2.norm(), l2[0, :6])
hys = F.normalize(torch.clamp(l2, max=0.2), dim=1)
print(hys[0, :6], hys.max())
l1 = F.normalize(block, p=1, dim=1, eps=1e-5)
print(l1.sum(), torch.sqrt(l1)[0, :4])
z = F.normalize(torch.zeros(2, 4), dim=1)
print(z)
blocks = cells.unfold(1, 2, 1).unfold(2, 2, 1)
print(blocks.shape)

# %%
# gradient of the descriptor's first bins with respect to the image
x = img.clone().requires_grad_(True)
gx = F.conv2d(F.pad(x, (1, 1, 0, 0), mode="replicate"), dx)
gy = F.conv2d(F.pad(x, (0, 0, 1, 1), mode="replicate"), dy)
m = torch.sqrt(gx ** 2 + gy ** 2 + 1e-8)
a = torch.remainder(torch.atan2(gy, gx), math.pi)
print(a.grad_fn.name(), m.grad_fn.name(), torch.atan2(gy, gx).grad_fn.name())
mc = F.unfold(m, cell, stride=cell)
h = torch.zeros(1, nbins, 4).scatter_add(1, bin_cells, mc)
d = F.normalize(h.flatten(1), dim=1)
print(h.grad_fn.name(), d.grad_fn.name())
(d[0, :9] * torch.arange(9.)).sum().backward()
print(x.grad.shape, x.grad[0, 0, 0, :6])
print(x.grad.abs().sum(), x.grad[0, 0, 8:, 8:].abs().sum())
y = torch.tensor([1.0, -1.0, 0.0], requires_grad=True)
xx = torch.tensor([0.0, 0.0, 0.0], requires_grad=True)
t = torch.atan2(y, xx)
t.sum().backward()
print(t, y.grad, xx.grad)

# %%
for f in [lambda: torch.atan2(torch.tensor([1, 2]), torch.tensor([3, 4])),
          lambda: torch.atan2(torch.tensor([1, 2]), torch.tensor([3., 4.])),
          lambda: torch.tensor([1, 2]).atan2(torch.tensor([3, 4])),
          lambda: torch.tensor([1, 2]).atan2_(torch.tensor([3., 4.])),
          lambda: torch.bincount(torch.tensor([0.5, 1.0])),
          lambda: torch.bincount(torch.tensor([[0, 1], [1, 2]])),
          lambda: torch.bincount(torch.tensor([0, -1, 2])),
          lambda: torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([1.0])),
          lambda: torch.zeros(9).scatter_add_(0, torch.tensor([0, 1]), torch.tensor([1, 2])),
          lambda: torch.remainder(torch.tensor([5, -5]), 0),
          lambda: torch.remainder(torch.tensor([5., -5.]), 0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
