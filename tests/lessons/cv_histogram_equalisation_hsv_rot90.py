# Imitates a computer-vision course's "histograms and colour spaces by hand" notebook: histogram equalisation of a
# uint8 image with torch.histc / torch.bincount / cumsum and a lookup table, RGB <-> grayscale and RGB <-> HSV
# written with tensor ops, per-channel normalisation with broadcasting, flips, rot90 and roll as augmentations.
import torch
torch.manual_seed(2)
img = torch.randint(0, 256, (3, 6, 8), dtype=torch.uint8)
g = (0.299 * img[0].float() + 0.587 * img[1].float() + 0.114 * img[2].float()).round().to(torch.uint8)
print(g.dtype, g[:2])
h1 = torch.bincount(g.flatten(), minlength=256)
print(h1.shape, h1.dtype, h1.sum(), h1.nonzero().shape)
h2 = torch.histc(g.float(), bins=256, min=0, max=255)
print(h2.dtype, (h2.long() == h1).all(), h2[:10])
print(torch.histc(g.float(), bins=8))
print(torch.histc(img.double() / 255, bins=5, min=0, max=1))
cdf = h1.cumsum(0)
print(cdf.dtype, cdf[-1], cdf[250:])
cdf_min = cdf[cdf > 0].min()
lut = ((cdf - cdf_min).float() / (cdf[-1] - cdf_min) * 255).round().clamp(0, 255).to(torch.uint8)
eq = lut[g.long()]
print(eq.dtype, eq[:2])
print(torch.bincount(eq.flatten()).nonzero().numel(), eq.float().mean(), eq.float().std())
cdf_n = h1.cumsum(0) / h1.sum()
print(cdf_n.dtype, cdf_n[-3:])
print(torch.bincount(g.flatten(), weights=torch.ones(48, dtype=torch.float64) * 0.5)[:3].dtype)
try:
    torch.histc(g, bins=4)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bincount(g.flatten().float())
except Exception as e:
    print(type(e).__name__, e)
try:
    lut[g]
except Exception as e:
    print(type(e).__name__, e)
print(torch.histogram(g.float(), bins=4))

# %%
def rgb_to_hsv(rgb):
    r, gg, b = rgb.unbind(0)
    maxc, argmax = rgb.max(dim=0)
    minc = rgb.min(dim=0).values
    v = maxc
    delta = maxc - minc
    s = torch.where(maxc > 0, delta / maxc, torch.zeros_like(maxc))
    dc = torch.where(delta == 0, torch.ones_like(delta), delta)
    rc = (maxc - r) / dc
    gc = (maxc - gg) / dc
    bc = (maxc - b) / dc
    h = torch.where(argmax == 0, bc - gc, torch.where(argmax == 1, 2.0 + rc - bc, 4.0 + gc - rc))
    h = torch.where(delta == 0, torch.zeros_like(h), h)
    h = (h / 6.0) % 1.0
    return torch.stack([h, s, v])

def hsv_to_rgb(hsv):
    h, s, v = hsv.unbind(0)
    i = torch.floor(h * 6)
    f = h * 6 - i
    i = i.long() % 6
    p = v * (1 - s)
    q = v * (1 - s * f)
    t = v * (1 - s * (1 - f))
    r = torch.stack([v, q, p, p, t, v]).gather(0, i.unsqueeze(0)).squeeze(0)
    gg = torch.stack([t, v, v, q, p, p]).gather(0, i.unsqueeze(0)).squeeze(0)
    b = torch.stack([p, p, t, v, v, q]).gather(0, i.unsqueeze(0)).squeeze(0)
    return torch.stack([r, gg, b])

x = img.float() / 255
hsv = rgb_to_hsv(x)
print(hsv[:, :2, :3])
back = hsv_to_rgb(hsv)
print((back - x).abs().max(), torch.allclose(back, x, atol=1e-6))
hsv2 = hsv.clone()
hsv2[1] = (hsv2[1] * 1.5).clamp(0, 1)
hsv2[0] = (hsv2[0] + 0.1) % 1
sat = (hsv_to_rgb(hsv2) * 255).round().clamp(0, 255).to(torch.uint8)
print(sat[:, 0, :4])
gray3 = x.mean(0, keepdim=True).expand_as(x)
print(gray3.shape, gray3.stride(), gray3.is_contiguous())
weights = torch.tensor([0.2989, 0.587, 0.114]).view(3, 1, 1)
lum = (x * weights).sum(0)
print(lum.shape, lum[0, :4])
print(torch.einsum("chw,c->hw", x, weights.flatten())[0, :4])
print(torch.tensordot(weights.flatten(), x, dims=1)[0, :4])

# %%
batch = torch.randint(0, 256, (4, 3, 5, 5), dtype=torch.uint8).float().div(255)
mean = batch.mean(dim=(0, 2, 3))
std = batch.std(dim=(0, 2, 3))
print(mean, std)
norm = (batch - mean[None, :, None, None]) / std[None, :, None, None]
print(norm.mean(dim=(0, 2, 3)), norm.std(dim=(0, 2, 3), unbiased=False))
print(torch.std_mean(batch, dim=(0, 2, 3)))
try:
    batch - mean.view(1, 1, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    batch - mean.view(3, 1)
except Exception as e:
    print(type(e).__name__, e)
mn = batch.amin(dim=(2, 3), keepdim=True)
mx = batch.amax(dim=(2, 3), keepdim=True)
mm = (batch - mn) / (mx - mn)
print(mm.amin(), mm.amax(), mm[0, 0, 0])
print(batch.view(4, 3, -1).quantile(0.9, dim=-1))

# %%
a = torch.arange(12).view(1, 3, 4)
print(torch.flip(a, dims=[2]), a.flip(-1, -2), torch.fliplr(a[0]), torch.flipud(a[0]))
print(torch.rot90(a, 1, dims=(1, 2)), torch.rot90(a, -1, [1, 2]), torch.rot90(a, 2, [1, 2]), torch.rot90(a, 5, (1, 2)))
print(torch.roll(a, shifts=1, dims=2), torch.roll(a, (1, -1), (1, 2)), torch.roll(a, 5))
print(img.flip(2).dtype, img.rot90(1, (1, 2)).shape, img.rot90(1, (1, 2)).is_contiguous())
try:
    torch.rot90(a, 1, dims=(1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.rot90(a, 1, dims=(1,))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.flip(a, dims=(2, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.roll(a, (1, 2), 1)
except Exception as e:
    print(type(e).__name__, e)
ar = torch.rand(1, 3, 4, requires_grad=True)
outs = [ar.flip(2), ar.rot90(1, (1, 2)), ar.roll(1, 2), torch.fliplr(ar[0])]
print([o.grad_fn for o in outs])
w = torch.arange(12.).view(3, 4)
sum((o.reshape(-1)[:12] * w.flatten()).sum() for o in outs).backward()
print(ar.grad)
