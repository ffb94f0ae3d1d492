# Imitates "differentiable fluid" blog posts and course notebooks (stable-fluids in PyTorch): a 2-D smoke grid
# advected semi-Lagrangianly with F.grid_sample and with torch.roll, divergence and pressure by Jacobi iterations,
# torch.gradient for finite differences, and the initial velocity optimized so the smoke lands on a target.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
N = 8
ys, xs = torch.meshgrid(torch.linspace(-1, 1, N), torch.linspace(-1, 1, N), indexing="ij")
density = torch.exp(-((xs + 0.3) ** 2 + ys ** 2) / 0.1)
print(density.shape, density.dtype, density.sum())

# %%
# torch.gradient finite differences
gy, gx = torch.gradient(density)
print(gy[3], gx[3])
gy2, gx2 = torch.gradient(density, spacing=2.0 / (N - 1))
print(gx2[4, :4])
print(torch.gradient(density, dim=1, edge_order=2)[0][2])
print(torch.gradient(torch.tensor([1.0, 4.0, 9.0, 16.0]), spacing=(torch.tensor([0.0, 1.0, 1.5, 3.0]),)))

# %%
def advect_grid_sample(field, vel, dt=0.1):
    # field (N,N), vel (2,N,N) in normalized units
    grid = torch.stack([xs - dt * vel[0], ys - dt * vel[1]], dim=-1)[None]
    out = F.grid_sample(field[None, None], grid, mode="bilinear", padding_mode="border", align_corners=True)
    return out[0, 0]

vel = torch.zeros(2, N, N)
vel[0] = 1.0
vel.requires_grad_()
d1 = advect_grid_sample(density, vel)
print(d1.grad_fn.name(), d1.sum())
d1.pow(2).sum().backward()
print(vel.grad[0, 3])

# %%
# advection with torch.roll (periodic upwind)
def advect_roll(q, u, dt=0.1, h=1.0):
    dqx = torch.where(u > 0, q - torch.roll(q, 1, dims=1), torch.roll(q, -1, dims=1) - q)
    return q - dt * u * dqx / h

u = torch.full((N, N), 0.5, requires_grad=True)
q = density.clone()
for _ in range(5):
    q = advect_roll(q, u)
print(q.grad_fn.name(), q[4])
q.sum().backward()
print(u.grad.abs().max())

# %%
# pressure projection: Jacobi iterations
def divergence(vx, vy):
    return 0.5 * (torch.roll(vx, -1, 1) - torch.roll(vx, 1, 1) + torch.roll(vy, -1, 0) - torch.roll(vy, 1, 0))

def jacobi(div, iters=20):
    p = torch.zeros_like(div)
    for _ in range(iters):
        p = (torch.roll(p, 1, 0) + torch.roll(p, -1, 0) + torch.roll(p, 1, 1) + torch.roll(p, -1, 1) - div) / 4
    return p

vx0 = torch.randn(N, N, requires_grad=True)
vy0 = torch.randn(N, N)
div = divergence(vx0, vy0)
p = jacobi(div)
vx = vx0 - 0.5 * (torch.roll(p, -1, 1) - torch.roll(p, 1, 1))
vy = vy0 - 0.5 * (torch.roll(p, -1, 0) - torch.roll(p, 1, 0))
print(div.abs().mean(), divergence(vx, vy).abs().mean())
print(p.grad_fn.name(), p.dtype)
divergence(vx, vy).pow(2).sum().backward()
print(vx0.grad[0])

# %%
# optimize initial velocity so advected density matches a target
target = torch.exp(-((xs - 0.3) ** 2 + ys ** 2) / 0.1)
v0 = torch.zeros(2, N, N, requires_grad=True)
opt = torch.optim.Adam([v0], lr=0.1)
for it in range(10):
    d = density
    for _ in range(4):
        d = advect_grid_sample(d, v0)
    loss = F.mse_loss(d, target)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 3 == 0:
        print(it, round(loss.item(), 6))
print(v0[0].mean(), v0.grad.norm())

# %%
# nearest sampling, zeros padding, float64
g64 = torch.rand(1, 3, 3, 2, dtype=torch.float64) * 2 - 1
img = torch.arange(16.0, dtype=torch.float64).reshape(1, 1, 4, 4).requires_grad_()
out = F.grid_sample(img, g64, mode="nearest", padding_mode="zeros", align_corners=False)
print(out, out.dtype)
out.sum().backward()
print(img.grad)

# %%
# mistakes
try:
    F.grid_sample(density[None, None], torch.zeros(1, N, N, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.grid_sample(density[None, None], torch.zeros(1, N, N, 2, dtype=torch.float64))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.gradient(torch.tensor([1.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.gradient(density, spacing=[1.0, 2.0, 3.0])
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.roll(density, 1, dims=2)
except IndexError as e:
    print(type(e).__name__, e)
