# Imitates timm-style ViT internals written by hand: resizing learned position embeddings with
# F.interpolate(mode='bicubic', align_corners=False, antialias=True), DropPath and LayerScale by hand,
# nn.GELU(approximate='tanh') in the MLP, patch embedding by Conv2d versus unfold + Linear, with the errors learners hit.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_printoptions(precision=8)
torch.manual_seed(0)
D = 4
pos = nn.Parameter(torch.randn(1, 1 + 3 * 3, D) * .02)
cls_pos, grid = pos[:, :1], pos[:, 1:]
g = grid.reshape(1, 3, 3, D).permute(0, 3, 1, 2)
print(g.shape, g.stride(), g.is_contiguous())
up = F.interpolate(g, size=(5, 5), mode="bicubic", align_corners=False)
print(up.shape, up.grad_fn)
print(up[0, 0])
new = torch.cat([cls_pos, up.permute(0, 2, 3, 1).reshape(1, 25, D)], dim=1)
print(new.shape, new.grad_fn)
new.sum().backward()
print(pos.grad)

# %%
down = F.interpolate(g, size=(2, 2), mode="bicubic", align_corners=False, antialias=True)
print(down.grad_fn)
print(down[0, :2])
down2 = F.interpolate(g, size=(2, 2), mode="bicubic", align_corners=False)
print(down2[0, :2])
pos.grad = None
(down2 * torch.arange(16.).view(1, 4, 2, 2)).sum().backward()
print(pos.grad[0, 1:4])
up2 = F.interpolate(g, scale_factor=1.5, mode="bicubic", align_corners=True)
print(up2.shape, up2[0, 1, 0])

# %%
# learner mistake: interpolating the (1, N, D) sequence directly
try:
    F.interpolate(grid, size=16, mode="bicubic", align_corners=False)
except Exception as e:
    print(type(e).__name__, e)

# %%
try:
    F.interpolate(g, size=(5, 5), mode="bicubic", align_corners=False, antialias=True, scale_factor=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(g, size=(5, 5), mode="nearest", antialias=True)
except Exception as e:
    print(type(e).__name__, e)


# %%
def drop_path(x, drop_prob=0.0, training=False, scale_by_keep=True):
    if drop_prob == 0.0 or not training:
        return x
    keep_prob = 1 - drop_prob
    shape = (x.shape[0],) + (1,) * (x.ndim - 1)
    random_tensor = x.new_empty(shape).bernoulli_(keep_prob)
    if keep_prob > 0.0 and scale_by_keep:
        random_tensor.div_(keep_prob)
    return x * random_tensor


class DropPath(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.drop_prob = p

    def forward(self, x):
        return drop_path(x, self.drop_prob, self.training)

    def extra_repr(self):
        return f"drop_prob={round(self.drop_prob, 3):0.3f}"


class LayerScale(nn.Module):
    def __init__(self, dim, init_values=1e-5, inplace=False):
        super().__init__()
        self.inplace = inplace
        self.gamma = nn.Parameter(init_values * torch.ones(dim))

    def forward(self, x):
        return x.mul_(self.gamma) if self.inplace else x * self.gamma


torch.manual_seed(3)
x = torch.randn(6, 3, D, requires_grad=True)
dp = DropPath(0.5)
print(dp)
y = dp(x)
print(y.grad_fn, y[:, 0, 0])
dp.eval()
print(dp(x) is x)
ls = LayerScale(D, 0.1)
z = ls(y)
print(z.grad_fn, z[0])
z.sum().backward()
print(x.grad[:, 0, 0], ls.gamma.grad)

# %%
try:
    LayerScale(D, 0.1, inplace=True)(torch.randn(2, D, requires_grad=True))
except RuntimeError as e:
    print(type(e).__name__, e)
ls2 = LayerScale(D, 0.1, inplace=True)
h = torch.randn(2, D, requires_grad=True)
o = ls2(h * 1.0)
print(o.grad_fn, o._version)
o.sum().backward()
print(h.grad, ls2.gamma.grad)

# %%
torch.manual_seed(4)
mlp = nn.Sequential(nn.Linear(D, 8), nn.GELU(approximate="tanh"), nn.Dropout(0.0), nn.Linear(8, D))
print(mlp)
t = torch.randn(2, 3, D, requires_grad=True)
out = t + LayerScale(D, 0.5)(mlp(nn.LayerNorm(D)(t)))
print(out.grad_fn, mlp[1](t).grad_fn)
print(out[0])
out.pow(2).mean().backward()
print(t.grad[0])
print(mlp[0].weight.grad[:2])
a = torch.linspace(-3, 3, 7, dtype=torch.float64, requires_grad=True)
F.gelu(a, approximate="tanh").sum().backward()
print(F.gelu(a, approximate="tanh"), a.grad)
try:
    F.gelu(a, approximate="fast")
except Exception as e:
    print(type(e).__name__, e)
