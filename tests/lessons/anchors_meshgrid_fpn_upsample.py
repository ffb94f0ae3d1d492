# Imitates anchor generation and FPN-style upsampling written by hand (the Faster R-CNN / RetinaNet anchor
# generator re-typed in "object detection from scratch" posts: base anchors from scales x aspect ratios, shifts
# from torch.meshgrid with indexing='ij' vs 'xy', stacked and broadcast over the feature map; the FPN top-down
# path with F.interpolate(mode='nearest') and lateral 1x1 convs; bilinear with align_corners both ways,
# nn.Upsample / UpsamplingNearest2d / UpsamplingBilinear2d and the deprecated F.upsample).
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
def base_anchors(scales, ratios):
    scales = torch.as_tensor(scales, dtype=torch.float32)
    ratios = torch.as_tensor(ratios, dtype=torch.float32)
    h_ratios = torch.sqrt(ratios)
    w_ratios = 1 / h_ratios
    ws = (w_ratios[:, None] * scales[None, :]).view(-1)
    hs = (h_ratios[:, None] * scales[None, :]).view(-1)
    return (torch.stack([-ws, -hs, ws, hs], dim=1) / 2).round()

cell = base_anchors((32, 64), (0.5, 1.0, 2.0))
print(cell, cell.shape, cell.dtype)

# %%
gh, gw, stride = 2, 3, 16
sy = torch.arange(0, gh, dtype=torch.int32) * stride
sx = torch.arange(0, gw, dtype=torch.int32) * stride
yy, xx = torch.meshgrid(sy, sx, indexing="ij")
print(yy, xx, yy.dtype)
xx2, yy2 = torch.meshgrid(sx, sy, indexing="xy")
print(xx2.shape, torch.equal(xx, xx2), torch.equal(yy, yy2))
shifts = torch.stack((xx.reshape(-1), yy.reshape(-1), xx.reshape(-1), yy.reshape(-1)), dim=1)
anchors = (shifts.view(-1, 1, 4) + cell.view(1, -1, 4)).reshape(-1, 4)
print(shifts, anchors.shape, anchors.dtype, anchors[:8])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    a, b = torch.meshgrid(sy, sx)
print(a.shape, [str(x.message)[:60] for x in w])
for make in [lambda: torch.meshgrid(sy, sx, indexing="yx"), lambda: torch.meshgrid(sy.view(1, 2), sx, indexing="ij"),
             lambda: torch.meshgrid(sy, sx.float(), indexing="ij"), lambda: torch.meshgrid([sy, sx], indexing="xy")[0].shape,
             lambda: torch.meshgrid(sy, indexing="xy"), lambda: torch.meshgrid(indexing="ij")]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
cx = (torch.arange(gw) + 0.5) / gw
cy = (torch.arange(gh) + 0.5) / gh
grid = torch.stack(torch.meshgrid(cx, cy, indexing="xy"), dim=-1)
print(grid.shape, grid[1, 2], torch.cartesian_prod(cy, cx)[:4])
print(torch.stack(torch.meshgrid(cy, cx, indexing="ij")[::-1], dim=-1).equal(grid))

# %%
c3, c4, c5 = torch.randn(1, 8, 8, 8), torch.randn(1, 16, 4, 4), torch.randn(1, 32, 2, 2)
lat = nn.ModuleList([nn.Conv2d(c, 6, 1) for c in (8, 16, 32)])
p5 = lat[2](c5)
p4 = lat[1](c4) + F.interpolate(p5, size=c4.shape[-2:], mode="nearest")
p3 = lat[0](c3) + F.interpolate(p4, scale_factor=2, mode="nearest")
print(p5.shape, p4.shape, p3.shape, p3.grad_fn, p3.grad_fn.next_functions[1][0])
p3.sum().backward()
print(lat[2].bias.grad, lat[0].weight.grad.shape)
odd = torch.randn(1, 6, 5, 7)
print(F.interpolate(p4, size=odd.shape[-2:], mode="nearest").shape, F.interpolate(p4, scale_factor=1.3).shape)

# %%
x = torch.arange(6.).view(1, 1, 2, 3)
for ac in [False, True]:
    print(ac, F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=ac))
print(nn.UpsamplingNearest2d(scale_factor=2)(x))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    u = nn.UpsamplingBilinear2d(size=(3, 4))(x)
    v = F.upsample(x, scale_factor=2)
    z = F.upsample_bilinear(x, scale_factor=2)
    q = F.upsample_nearest(x, size=3)
print(u, v.shape, z.equal(F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True)), q)
print([(x.category.__name__, str(x.message)) for x in w])
print(nn.UpsamplingBilinear2d(scale_factor=2), nn.UpsamplingNearest2d(size=4), nn.Upsample(size=(2, 3), mode="bicubic"))

# %%
xg = x.clone().requires_grad_(True)
y = F.interpolate(xg, size=(3, 5), mode="bilinear", align_corners=False)
y.backward(torch.arange(15.).view(1, 1, 3, 5))
print(y, xg.grad)
xg.grad = None
F.interpolate(xg, size=(4, 7), mode="nearest-exact").sum().backward()
print(xg.grad)
for make in [lambda: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True, size=4),
             lambda: F.interpolate(x, mode="nearest"),
             lambda: F.interpolate(x, size=(3, 4), mode="linear"),
             lambda: F.interpolate(x, scale_factor=2, mode="nearest", align_corners=True),
             lambda: F.interpolate(x, size=(3, 4, 5)),
             lambda: F.interpolate(x, scale_factor=(2, 2, 2)),
             lambda: F.interpolate(x.long(), scale_factor=2, mode="bilinear"),
             lambda: F.interpolate(x.long(), scale_factor=2).dtype,
             lambda: nn.Upsample(scale_factor=2, mode="trilinear")(x)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
