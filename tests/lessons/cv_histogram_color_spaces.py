# Imitates the point-operation chapters of image-processing notebooks: histogram equalisation with histc /
# bincount / cumsum / searchsorted, quantisation with bucketize, RGB <-> grayscale and RGB <-> HSV conversions
# (max / min / where / atan2 / remainder), gamma correction, uint8 <-> float conversions with rounding and
# overflow, and image gradients with torch.gradient and diff.
import torch
torch.manual_seed(3)
img = (torch.rand(8, 8) ** 2 * 255).to(torch.uint8)
print(img.dtype, img.min(), img.max())
hist = torch.histc(img.float(), bins=16, min=0, max=255)
print(hist, hist.sum())
counts = torch.bincount(img.flatten(), minlength=256)
print(counts.shape, counts.dtype, counts[:8])
cdf = counts.cumsum(0)
print(cdf[-1], cdf.dtype)

# %%
cdf_min = cdf[cdf > 0].min()
lut = ((cdf - cdf_min).float() / (cdf[-1] - cdf_min) * 255).round().clamp(0, 255).to(torch.uint8)
eq = lut[img.long()]
print(eq.dtype, eq.min(), eq.max())
print(torch.histc(eq.float(), bins=4, min=0, max=255))
lut[img]

# %%
torch.histc(img, bins=4)

# %%
torch.bincount(img.float().flatten())

# %%
torch.bincount(torch.tensor([[1, 2], [3, 4]]))

# %%
torch.bincount(torch.tensor([1, -2, 3]))

# %%
cdf_n = cdf.float() / cdf[-1]
targets = torch.linspace(0, 1, 5)
print(torch.searchsorted(cdf_n, targets))
print(torch.searchsorted(cdf_n, targets, right=True))
print(torch.searchsorted(cdf_n, targets, side='right'))
torch.searchsorted(cdf_n, 0.5)

# %%
torch.searchsorted(cdf_n.flip(0), targets, right=False, side='left')

# %%
x = torch.rand(4, 4)
edges = torch.tensor([0.25, 0.5, 0.75])
q = torch.bucketize(x, edges)
print(q, q.dtype)
print(torch.bucketize(x, edges, right=True, out_int32=True).dtype)
print(torch.bucketize(0.5, edges), torch.bucketize(torch.tensor(0.5), edges, right=True))
levels = torch.tensor([0.125, 0.375, 0.625, 0.875])
levels[q]

# %%
torch.bucketize(x, edges.view(3, 1))

# %%
rgb = torch.rand(3, 4, 5)
w = torch.tensor([0.299, 0.587, 0.114])
gray = (rgb * w.view(3, 1, 1)).sum(0)
gray2 = torch.einsum('chw,c->hw', rgb, w)
gray3 = torch.tensordot(w, rgb, dims=1)
print(gray.shape, torch.allclose(gray, gray2), (gray - gray3).abs().max() < 1e-6)
print((w @ rgb.flatten(1)).view(4, 5)[0])
hwc = rgb.permute(1, 2, 0)
print((hwc @ w).shape, hwc.is_contiguous())
hwc.view(-1, 3)

# %%
rgb * w

# %%
def rgb_to_hsv(img, eps=1e-8):
    r, g, b = img.unbind(0)
    maxc, argmax = img.max(0)
    minc = img.min(0).values
    v = maxc
    delta = maxc - minc
    s = torch.where(maxc > 0, delta / (maxc + eps), torch.zeros_like(maxc))
    h = torch.zeros_like(maxc)
    h = torch.where(argmax == 0, ((g - b) / (delta + eps)) % 6, h)
    h = torch.where(argmax == 1, (b - r) / (delta + eps) + 2, h)
    h = torch.where(argmax == 2, (r - g) / (delta + eps) + 4, h)
    return torch.stack([h / 6, s, v])
hsv = rgb_to_hsv(rgb)
print(hsv.shape, hsv[0, 0])
print(hsv.amin(dim=(1, 2)), hsv.amax(dim=(1, 2)))
alpha = 0.5 * (2 * rgb[0] - rgb[1] - rgb[2])
beta = 3 ** 0.5 / 2 * (rgb[1] - rgb[2])
hue = torch.atan2(beta, alpha).remainder(2 * torch.pi) / (2 * torch.pi)
print(hue[0], torch.fmod(torch.tensor([-1.5, 1.5]), 1), torch.remainder(torch.tensor([-1.5, 1.5]), 1))
print(torch.remainder(torch.tensor([-7, 7]), 3), torch.tensor([-7, 7]) % -3)

# %%
gamma = 2.2
lin = rgb.clamp(0, 1).pow(gamma)
back = lin.pow(1 / gamma)
print(torch.allclose(back, rgb, atol=1e-6), lin.mean())
u8 = (rgb * 255).round().to(torch.uint8)
print(u8[0, 0], (u8.float() ** (1 / gamma)).round()[0, 0])
print(torch.pow(u8, 2)[0, 0], u8.pow(2).dtype)
u8 ** 0.5

# %%
bright = u8 + 100
print(bright[0, 0], bright.dtype)
print((u8.int() + 100).clamp(max=255).to(torch.uint8)[0, 0])
print(torch.tensor([-1.7, 255.6, 300.2, 0.4]).to(torch.uint8))
print(torch.tensor([-1.7, 255.6, 300.2]).round().clamp(0, 255).byte())
print(torch.tensor([250], dtype=torch.uint8) * 2, torch.tensor([3], dtype=torch.uint8) - 5)
print(u8.float().div(255).dtype, (u8 / 255).dtype, (u8 // 2).dtype, u8.mean(dtype=torch.float32))

# %%
u8.mean()

# %%
u8.clamp(0, 255.5)

# %%
u8 * 1.5

# %%
u8.sub_(torch.tensor(1.5))

# %%
g = torch.arange(25.).view(5, 5) ** 2 / 10
gy, gx = torch.gradient(g)
print(gy[0], gx[:, 0])
gy2, gx2 = torch.gradient(g, spacing=2.0, edge_order=2)
print(gx2[0])
print(torch.gradient(g, dim=1)[0][0])
print(torch.gradient(g, spacing=(torch.arange(5.), torch.arange(5.) * 2))[1][0])
print(torch.diff(g, dim=1).shape, torch.diff(g, n=2, dim=0)[0])
print(torch.diff(g, dim=-1, prepend=g[:, :1])[0])

# %%
torch.gradient(torch.arange(25).view(5, 5))[0][0]

# %%
torch.gradient(g, edge_order=3)

# %%
torch.gradient(torch.ones(1, 5))

# %%
torch.gradient(g, spacing=[1.0])
