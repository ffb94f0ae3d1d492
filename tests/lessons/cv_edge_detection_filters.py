# Imitates "image processing with PyTorch" notebooks that build classical filters by hand: Sobel / Prewitt /
# Laplacian kernels applied with F.conv2d (padding='same', F.pad reflect / replicate / circular), depthwise
# filtering with groups=C, Gaussian kernels from exp / meshgrid / outer, separable blur, unsharp masking, and the
# mistakes learners make on the way (HWC images, no batch dimension, uint8 images, float64 kernels, wrong groups).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
img = torch.zeros(1, 1, 8, 8)
img[..., 2:6, 3:7] = 1.0
img = img + 0.05 * torch.rand(1, 1, 8, 8)
sobel_x = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]])
sobel_y = sobel_x.t()
print(sobel_y)
kx = sobel_x.view(1, 1, 3, 3)
gx = F.conv2d(img, kx, padding=1)
gy = F.conv2d(img, sobel_y.reshape(1, 1, 3, 3), padding='same')
mag = torch.sqrt(gx ** 2 + gy ** 2)
print(gx.shape, mag.shape)
print(mag[0, 0].round(decimals=2))

# %%
edges = (mag > 1.5).to(torch.uint8)
print(edges[0, 0])
print(edges.sum(), edges.dtype, edges.float().mean())
theta = torch.atan2(gy, gx)
print(torch.rad2deg(theta)[0, 0, 2, :4])

# %%
k2 = torch.stack([sobel_x, sobel_y]).unsqueeze(1)
print(k2.shape)
both = F.conv2d(img, k2, padding='same')
print(both.shape, both.norm(dim=1).shape)
F.conv2d(img, k2, padding='valid').shape

# %%
for mode in ('reflect', 'replicate', 'circular', 'constant'):
    p = F.pad(img, (1, 1, 1, 1), mode=mode)
    out = F.conv2d(p, kx)
    print(mode, p.shape, out[0, 0, 0, :3])
F.pad(img, (1, 1, 1, 1), mode='reflect', value=0.5)

# %%
F.pad(img, (8, 8, 0, 0), mode='reflect')

# %%
F.pad(img[0, 0], (1, 1, 1, 1), mode='replicate').shape

# %%
F.pad(img[0, 0, 0], (1, 1), mode='reflect')

# %%
conv = torch.nn.Conv2d(1, 1, 3, padding=1, padding_mode='reflect', bias=False)
with torch.no_grad():
    conv.weight.copy_(kx)
print(conv)
print(conv(img)[0, 0, 0, :4])
torch.nn.Conv2d(1, 1, 3, padding='same', padding_mode='zeros', stride=2)

# %%
lap = torch.tensor([[0., 1., 0.], [1., -4., 1.], [0., 1., 0.]])
prewitt = torch.tensor([[-1., 0., 1.]] * 3)
lx = F.conv2d(img, lap[None, None], padding=1)
print(lx.abs().max(), lx.argmax())
print(F.conv2d(img, prewitt[None, None], padding=1).mean())

# %%
def gaussian_kernel(size=5, sigma=1.0):
    ax = torch.arange(size, dtype=torch.float32) - (size - 1) / 2
    xx, yy = torch.meshgrid(ax, ax, indexing='ij')
    k = torch.exp(-(xx ** 2 + yy ** 2) / (2 * sigma ** 2))
    return k / k.sum()
g = gaussian_kernel()
print(g.sum(), g[2])
g1 = torch.exp(-torch.linspace(-2, 2, 5) ** 2 / 2)
g1 = g1 / g1.sum()
print(torch.allclose(torch.outer(g1, g1), g))
xx, yy = torch.meshgrid(torch.arange(3), torch.arange(2))
print(xx)

# %%
rgb = torch.rand(1, 3, 8, 8)
gk = g.expand(3, 1, 5, 5)
blur = F.conv2d(rgb, gk, padding=2, groups=3)
print(blur.shape, blur.mean(dim=(2, 3)))
sep = F.conv2d(F.conv2d(rgb, g1.view(1, 1, 1, 5).repeat(3, 1, 1, 1), padding=(0, 2), groups=3),
               g1.view(1, 1, 5, 1).repeat(3, 1, 1, 1), padding=(2, 0), groups=3)
print((sep - blur).abs().max() < 1e-6)
sharp = (rgb + 1.5 * (rgb - blur)).clamp(0, 1)
print(sharp.min(), sharp.max(), sharp.shape)

# %%
F.conv2d(rgb, gk, padding=2)

# %%
F.conv2d(rgb, g.view(1, 1, 5, 5), padding=2, groups=3)

# %%
F.conv2d(rgb, gk, padding=2, groups=2)

# %%
hwc = torch.rand(8, 8, 3)
F.conv2d(hwc, gk, padding=2, groups=3)

# %%
F.conv2d(hwc.permute(2, 0, 1), gk, padding=2, groups=3).shape

# %%
u8 = (rgb * 255).to(torch.uint8)
print(u8.dtype, u8[0, 0, 0, :4])
F.conv2d(u8, gk, padding=2, groups=3)

# %%
F.conv2d(rgb, gk.double(), padding=2, groups=3)

# %%
F.conv2d(rgb, g, padding=2)

# %%
F.conv2d(rgb, gk, padding='same', stride=2, groups=3)

# %%
F.conv2d(rgb, gk, padding='full', groups=3)

# %%
out = F.conv2d(u8.float() / 255, gk, padding=2, groups=3)
back = (out * 255).round().clamp(0, 255).to(torch.uint8)
print(back.dtype, back[0, 0, 0, :4], back.shape)
F.conv2d(rgb, torch.ones(3, 1, 4, 4) / 16, padding='same', groups=3)[0, 0, 0]
