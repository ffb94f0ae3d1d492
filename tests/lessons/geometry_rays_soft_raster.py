# Imitates a "differentiable rendering from scratch" blog post: pixel grids with torch.meshgrid (indexing "xy" and
# "ij", and the warning without it), camera rays, ray-sphere and ray-triangle (Moller-Trumbore) intersection with
# torch.where and masks, a soft rasteriser with the sigmoid of signed edge distances, spherical-harmonics lighting,
# and fitting a triangle's vertices to a target silhouette with Adam.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
H, W = 4, 6
ys, xs = torch.meshgrid(torch.arange(H), torch.arange(W), indexing="ij")
print(ys.shape, xs.shape)
gx, gy = torch.meshgrid(torch.arange(W), torch.arange(H), indexing="xy")
print(gx.shape, torch.equal(gx, xs), torch.equal(gy, ys))
print(gx)

# %%
a, b = torch.meshgrid(torch.arange(3), torch.arange(2))
print(a)

# %%
u, v = torch.meshgrid(torch.linspace(-1, 1, 3), torch.linspace(-1, 1, 2), indexing="ij")
print(u, v)
print(torch.stack(torch.meshgrid(torch.arange(2.0), torch.arange(3.0), indexing="xy"), dim=-1).shape)
print(len(torch.meshgrid(torch.arange(2), torch.arange(3), torch.arange(4), indexing="ij")))
print(torch.meshgrid([torch.arange(2), torch.arange(2)], indexing="xy")[1])
print(torch.cartesian_prod(torch.arange(2), torch.arange(3)).shape)

# %%
torch.meshgrid(torch.arange(2), torch.arange(3), indexing="yx")

# %%
torch.meshgrid(torch.ones(2, 2), torch.arange(3), indexing="ij")

# %%
focal = 5.0
i, j = torch.meshgrid(torch.arange(W, dtype=torch.float32), torch.arange(H, dtype=torch.float32), indexing="xy")
dirs = torch.stack([(i - W * 0.5) / focal, -(j - H * 0.5) / focal, -torch.ones_like(i)], dim=-1)
dirs = F.normalize(dirs, dim=-1)
origin = torch.tensor([0.0, 0.0, 3.0])
print(dirs.shape, dirs[0, 0])

def ray_sphere(o, d, center, radius):
    oc = o - center
    b = (d * oc).sum(-1)
    c = (oc * oc).sum(-1) - radius ** 2
    disc = b * b - c
    hit = disc > 0
    t = -b - torch.sqrt(torch.clamp(disc, min=0.0))
    return torch.where(hit, t, torch.full_like(t, float("inf"))), hit

t, hit = ray_sphere(origin, dirs, torch.zeros(3), 1.0)
print(hit.int())
print(t)
print(hit.sum(), t[hit].min())

# %%
disc = torch.tensor([-1.0, 0.0, 4.0], requires_grad=True)
root = torch.where(disc > 0, torch.sqrt(disc), torch.zeros_like(disc))
root.sum().backward()
print(disc.grad)
disc.grad = None
root = torch.sqrt(torch.where(disc > 0, disc, torch.ones_like(disc)))
torch.where(disc > 0, root, 0.0).sum().backward()
print(disc.grad)

# %%
def ray_triangle(o, d, v0, v1, v2, eps=1e-8):
    e1, e2 = v1 - v0, v2 - v0
    p = torch.linalg.cross(d, e2.expand_as(d), dim=-1)
    det = (e1 * p).sum(-1)
    inv = 1.0 / det
    s = o - v0
    uu = (s * p).sum(-1) * inv
    q = torch.linalg.cross(s.expand_as(d), e1.expand_as(d), dim=-1)
    vv = (d * q).sum(-1) * inv
    tt = (e2 * q).sum(-1) * inv
    ok = (det.abs() > eps) & (uu >= 0) & (vv >= 0) & (uu + vv <= 1) & (tt > 0)
    return torch.where(ok, tt, torch.tensor(float("inf"))), ok

v0, v1, v2 = torch.tensor([-1.0, -1.0, 0.0]), torch.tensor([1.0, -1.0, 0.0]), torch.tensor([0.0, 1.0, 0.0])
tt, ok = ray_triangle(origin, dirs, v0, v1, v2)
print(ok.int())
print(tt[ok])
depth = tt.masked_fill(~ok, 0.0)
print(depth.round(decimals=3))

# %%
def soft_raster(verts2d, H, W, sigma=0.05):
    gx, gy = torch.meshgrid(torch.linspace(-1, 1, W), torch.linspace(-1, 1, H), indexing="xy")
    p = torch.stack([gx, gy], dim=-1)
    d = []
    for k in range(3):
        a, b = verts2d[k], verts2d[(k + 1) % 3]
        e = b - a
        n = torch.stack([e[1], -e[0]]) / e.norm()
        d.append(((p - a) * n).sum(-1))
    sd = torch.stack(d, dim=0).min(dim=0).values
    return torch.sigmoid(sd / sigma)

tri2d = torch.tensor([[-0.6, -0.5], [0.7, -0.4], [0.0, 0.6]])
img = soft_raster(tri2d, 5, 5)
print(img.round(decimals=3))
print(img.grad_fn)

# %%
target = soft_raster(torch.tensor([[-0.5, -0.6], [0.6, -0.5], [0.1, 0.7]]), 8, 8)
verts2d = tri2d.clone().requires_grad_(True)
opt = torch.optim.Adam([verts2d], lr=0.02)
for step in range(60):
    opt.zero_grad()
    loss = ((soft_raster(verts2d, 8, 8) - target) ** 2).mean()
    loss.backward()
    opt.step()
    if step % 20 == 0:
        print(step, f"{loss.item():.5f}")
print(verts2d.detach().round(decimals=2))

# %%
def sh_basis(n):
    x, y, z = n.unbind(-1)
    return torch.stack([0.282095 * torch.ones_like(x), 0.488603 * y, 0.488603 * z, 0.488603 * x,
                        1.092548 * x * y, 1.092548 * y * z, 0.315392 * (3 * z ** 2 - 1),
                        1.092548 * x * z, 0.546274 * (x ** 2 - y ** 2)], dim=-1)

normals = F.normalize(torch.randn(6, 3), dim=-1)
coeffs = torch.randn(9, 3, requires_grad=True)
shading = sh_basis(normals) @ coeffs
print(shading.shape, shading.grad_fn)
rgb = shading.clamp(0, 1)
rgb.mean().backward()
print(coeffs.grad[:3])
lambert = (normals @ F.normalize(torch.tensor([0.0, 0.0, 1.0]), dim=0)).clamp(min=0)
print(lambert, torch.relu(normals[:, 2]).equal(lambert))

# %%
theta = torch.acos(normals[:, 2].clamp(-1, 1))
phi = torch.atan2(normals[:, 1], normals[:, 0])
print(torch.stack([theta, phi], dim=1))
back = torch.stack([theta.sin() * phi.cos(), theta.sin() * phi.sin(), theta.cos()], dim=1)
print((back - normals).abs().max() < 1e-5)
print(torch.atan2(torch.tensor(1.0), torch.tensor([0.0, -1.0])), torch.arctan2(torch.tensor([-0.0]), torch.tensor([-1.0])))
