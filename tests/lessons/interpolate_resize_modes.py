# Imitates the image-resizing parts of torchvision-free vision code (super-resolution and U-Net posts, the "resize
# without torchvision" answers): F.interpolate with nearest / nearest-exact / bilinear / bicubic / area / trilinear,
# align_corners, scale_factor with recompute_scale_factor, antialias, size as int or tuple, nn.Upsample and its
# repr, gradients of each mode, adaptive pooling as a resize, and the warnings and errors learners meet.
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
x = torch.arange(16.).view(1, 1, 4, 4)
for mode in ["nearest", "nearest-exact", "bilinear", "bicubic", "area"]:
    print(mode, F.interpolate(x, size=(3, 5), mode=mode)[0, 0])
print(F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=True)[0, 0])
F.interpolate(x, scale_factor=1.5, mode="bilinear", align_corners=False)[0, 0]

# %%
print(F.interpolate(x, scale_factor=0.75, mode="nearest").shape, F.interpolate(x, scale_factor=0.75, mode="nearest",
      recompute_scale_factor=True)[0, 0])
print(F.interpolate(x, size=2, mode="bilinear", antialias=True)[0, 0])
print(F.interpolate(x, size=2, mode="bicubic", antialias=True, align_corners=False)[0, 0])
print(F.interpolate(x, scale_factor=(2, 1), mode="nearest").shape)
v = torch.arange(8.).view(1, 1, 2, 2, 2)
print(F.interpolate(v, scale_factor=2, mode="trilinear", align_corners=False)[0, 0, 1])
s = torch.arange(5.).view(1, 1, 5)
F.interpolate(s, size=3, mode="linear"), F.interpolate(s, size=8, mode="nearest")

# %%
up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
print(up, nn.Upsample(size=(3, 3)), nn.Upsample(scale_factor=2.0, mode="nearest"))
print(up(x)[0, 0, :3])
print(nn.UpsamplingNearest2d(scale_factor=2)(x).shape, nn.UpsamplingBilinear2d(size=(5, 5))(x)[0, 0, 0])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    F.upsample(x, scale_factor=2)
    F.upsample_bilinear(x, scale_factor=2)
[str(m.message)[:100] for m in w]

# %%
for mode in ["nearest", "bilinear", "bicubic", "area", "nearest-exact"]:
    xi = torch.arange(16.).view(1, 1, 4, 4).requires_grad_()
    kw = {} if mode in ("nearest", "area", "nearest-exact") else {"align_corners": False}
    out = F.interpolate(xi, size=(6, 3), mode=mode, **kw)
    (out * torch.arange(18.).view(1, 1, 6, 3)).sum().backward()
    print(mode, out.grad_fn.name(), xi.grad[0, 0, 0])

# %%
for f in [lambda: F.interpolate(x, size=(2, 2), scale_factor=2),
          lambda: F.interpolate(x, mode="bilinear"),
          lambda: F.interpolate(x, size=(2, 2), mode="linear"),
          lambda: F.interpolate(x, size=(2, 2), mode="nearest", align_corners=True),
          lambda: F.interpolate(x[0, 0], size=(2, 2), mode="bilinear"),
          lambda: F.interpolate(x, size=(2, 2, 2)),
          lambda: F.interpolate(x, size=2, mode="cubic"),
          lambda: F.interpolate(x.long(), size=2, mode="bilinear")]:
    try:
        r = f()
        print("ok", tuple(r.shape))
    except Exception as e:
        print(type(e).__name__, str(e)[:160])

# %%
img = torch.rand(2, 3, 7, 9)
pooled = F.adaptive_avg_pool2d(img, (3, 4))
resized = F.interpolate(img, size=(3, 4), mode="area")
print(torch.allclose(pooled, resized), pooled.shape)
print(F.adaptive_max_pool2d(img, 2).shape, F.avg_pool2d(img, 2, ceil_mode=True).shape)
half = F.interpolate(img.half(), scale_factor=2, mode="nearest")
print(half.dtype, half.shape)
F.interpolate(img.double(), size=(2, 2), mode="bicubic", align_corners=True).dtype
