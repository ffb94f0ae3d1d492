# Imitates the Examples blocks of the PyTorch documentation for torch.nn.functional.one_hot, F.pad and
# F.interpolate (nearest, nearest-exact, linear, bilinear, bicubic, trilinear, area; size vs scale_factor,
# recompute_scale_factor, antialias=True), typed in by a learner with seeded randn: values, shapes, grads, errors.
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# %%
print(F.one_hot(torch.arange(0, 5) % 3))
print(F.one_hot(torch.arange(0, 5) % 3, num_classes=5))
print(F.one_hot(torch.arange(0, 6).view(3, 2) % 3))
print(F.one_hot(torch.tensor(2), 4), F.one_hot(torch.tensor([], dtype=torch.long), 3).shape)
for make in [lambda: F.one_hot(torch.tensor([0, 3]), 3), lambda: F.one_hot(torch.tensor([0, -1])),
             lambda: F.one_hot(torch.tensor([0., 1.])), lambda: F.one_hot(torch.tensor([], dtype=torch.long)),
             lambda: F.one_hot(torch.tensor([1, 2]), -2), lambda: F.one_hot(torch.tensor([1, 2], dtype=torch.int32), 3)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
t4d = torch.empty(3, 3, 4, 2)
p1d = (1, 1) # pad last dim by 1 on each side
out = F.pad(t4d, p1d, "constant", 0)  # effectively zero padding
print(out.size())
p2d = (1, 1, 2, 2) # pad last dim by (1, 1) and 2nd to last by (2, 2)
out = F.pad(t4d, p2d, "constant", 0)
print(out.size())
t4d = torch.empty(3, 3, 4, 2)
p3d = (0, 1, 2, 1, 3, 3) # pad by (0, 1), (2, 1), and (3, 3)
out = F.pad(t4d, p3d, "constant", 0)
print(out.size())

# %%
x = torch.arange(12.0).view(1, 3, 4).requires_grad_()
for mode in ["constant", "reflect", "replicate", "circular"]:
    y = F.pad(x, (2, 1), mode=mode)
    print(mode, y, y.grad_fn.name())
    g, = torch.autograd.grad((y * torch.arange(7.0)).sum(), x)
    print(g)
print(F.pad(x, (-1, 2), value=9.5))
print(F.pad(x, (1, -2, -1, 0)))
print(F.pad(torch.arange(6).view(2, 3), (1, 1), value=7))

# %%
x = torch.arange(16.0).view(1, 1, 4, 4)
for pad, mode in [((4, 0), "reflect"), ((2, 2, 2, 2), "reflect"), ((1, 1), "circular"), ((5, 0), "circular"),
                  ((1, 1, 1, 1, 1, 1), "replicate"), ((1,), "constant"), ((1, 1), "wrong"), ((1, 1), "reflect")]:
    try:
        inp = x if mode != "reflect" or pad != (1, 1) else torch.arange(4.0)
        print(F.pad(inp, pad, mode=mode).shape)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.pad(x, (1, 1), mode="reflect", value=1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.pad(x, (-3, -3))
except Exception as e:
    print(type(e).__name__, e)

# %%
inp = torch.arange(1, 5, dtype=torch.float32).view(1, 1, 2, 2).requires_grad_()
for mode in ["nearest", "nearest-exact", "bilinear", "bicubic", "area"]:
    out = F.interpolate(inp, scale_factor=1.5, mode=mode)
    print(mode, out.shape, out.grad_fn.name())
    print(out)
    g, = torch.autograd.grad(out.sum(), inp)
    print(g)
print(F.interpolate(inp, size=(3, 5), mode="bilinear", align_corners=True))
print(F.interpolate(inp, scale_factor=(1.7, 2.3), mode="bilinear", recompute_scale_factor=True))
print(F.interpolate(inp, scale_factor=(1.7, 2.3), mode="bilinear"))

# %%
x = torch.randn(1, 2, 5)
print(F.interpolate(x, size=8, mode="linear"))
print(F.interpolate(x, scale_factor=0.5, mode="linear", align_corners=False))
print(F.interpolate(x, size=3, mode="nearest"))
print(F.interpolate(x, size=3, mode="area"))
v = torch.randn(1, 1, 2, 2, 3)
print(F.interpolate(v, scale_factor=2, mode="trilinear").shape)
print(F.interpolate(v, size=(3, 3, 2), mode="trilinear", align_corners=True)[0, 0, 1])
img = torch.randn(1, 3, 8, 8, requires_grad=True)
small = F.interpolate(img, size=(3, 5), mode="bilinear", antialias=True)
print(small[0, 0], small.grad_fn.name())
small.pow(2).sum().backward()
print(img.grad[0, 0, :2])
print(F.interpolate(img, scale_factor=0.4, mode="bicubic", antialias=True)[0, 1])

# %%
x = torch.randn(1, 1, 4, 4)
for make in [lambda: F.interpolate(x, size=3, scale_factor=2), lambda: F.interpolate(x),
             lambda: F.interpolate(x, size=(2, 2, 2)), lambda: F.interpolate(x, scale_factor=2, mode="linear"),
             lambda: F.interpolate(x, scale_factor=2, mode="nearest", align_corners=True),
             lambda: F.interpolate(x, scale_factor=2, mode="bogus"),
             lambda: F.interpolate(x, scale_factor=2, mode="nearest", antialias=True),
             lambda: F.interpolate(x[0], scale_factor=2, mode="bilinear"),
             lambda: F.interpolate(x, scale_factor=(2, 2, 2), mode="bilinear"),
             lambda: F.interpolate(x, scale_factor=2, mode="trilinear")]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)
