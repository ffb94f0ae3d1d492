# Imitates a differentiable-simulation lesson: velocity-Verlet and leapfrog for a pendulum, a spring chain and
# N-body gravity in a loop under torch.no_grad() and with gradients through the trajectory (shooting for an
# initial velocity), periodic boundaries with remainder/round, torch.linalg.cross for torque and angular momentum.
import math
import torch
torch.manual_seed(0)
g, L, dt = 9.81, 1.0, 0.01
theta = torch.tensor(0.5)
omega = torch.tensor(0.0)
with torch.no_grad():
    for step in range(200):
        a = -(g / L) * torch.sin(theta)
        omega_half = omega + 0.5 * dt * a
        theta = theta + dt * omega_half
        a_new = -(g / L) * torch.sin(theta)
        omega = omega_half + 0.5 * dt * a_new
print(theta, omega, theta.requires_grad)
E = 0.5 * L**2 * omega**2 - g * L * torch.cos(theta)
print(E.item(), E.dtype)

# %%
# energy drift of Euler vs Verlet for a spring chain
def spring_forces(x, k=4.0, r0=1.0):
    x = x.detach().requires_grad_(True)
    d = x[1:] - x[:-1]
    r = d.norm(dim=-1)
    U = 0.5 * k * ((r - r0) ** 2).sum()
    F, = torch.autograd.grad(-U, x)
    return F, U.detach()
x = torch.stack([torch.arange(5.0), torch.zeros(5)], dim=1) * 1.2
v = torch.zeros_like(x)
m = torch.ones(5, 1)
F, U = spring_forces(x)
hist = []
for step in range(100):
    v = v + 0.5 * dt * F / m
    x = x + dt * v
    F, U = spring_forces(x)
    v = v + 0.5 * dt * F / m
    K = 0.5 * (m * v ** 2).sum()
    hist.append((K + U).item())
print(torch.tensor(hist[::20]))
print(x.requires_grad, x.grad_fn, F.requires_grad)

# %%
# N-body gravity with broadcasting, leapfrog, angular momentum with linalg.cross
torch.manual_seed(2)
N = 5
pos = torch.randn(N, 3, dtype=torch.float64)
vel = torch.randn(N, 3, dtype=torch.float64) * 0.3
mass = torch.rand(N, dtype=torch.float64) + 0.5
def accel(p, soft=0.1):
    d = p[None, :, :] - p[:, None, :]
    r2 = (d ** 2).sum(-1) + soft ** 2
    inv = r2 ** -1.5
    inv = inv * (1 - torch.eye(p.shape[0], dtype=p.dtype))
    return (d * (inv * mass[None, :])[..., None]).sum(1)
def ang_mom(p, v):
    return (mass[:, None] * torch.linalg.cross(p, v)).sum(0)
print(ang_mom(pos, vel))
with torch.no_grad():
    p, v = pos.clone(), vel.clone()
    v = v + 0.5 * 0.01 * accel(p)
    for _ in range(50):
        p = p + 0.01 * v
        v = v + 0.01 * accel(p)
print(p)
print(ang_mom(p, v))
print(torch.cross(pos, vel, dim=1)[0], torch.linalg.cross(pos[0], vel))
try:
    torch.linalg.cross(pos[:, :2], vel[:, :2])
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    torch.linalg.cross(pos, vel[:3])
except Exception as ex:
    print(type(ex).__name__, ex)

# %%
# gradient of cross and of a torque
r = torch.tensor([[1.0, 0.0, 0.5], [0.2, 1.0, 0.0]], requires_grad=True)
f = torch.tensor([[0.0, 2.0, 1.0], [1.0, -1.0, 3.0]], requires_grad=True)
tau = torch.linalg.cross(r, f)
print(tau, tau.grad_fn)
tau.pow(2).sum().backward()
print(r.grad, f.grad)
tau2 = torch.cross(r, f, dim=-1)
print(tau2.grad_fn)

# %%
# periodic boundary conditions: wrap positions, minimum image
box = 5.0
torch.manual_seed(3)
x = torch.randn(6, 3) * 6
wrapped = torch.remainder(x, box)
print(wrapped)
print(x % box - wrapped)
print(torch.fmod(x, box)[:2])
dx = x[:, None, :] - x[None, :, :]
dx_mi = dx - box * torch.round(dx / box)
print(dx_mi[0])
print(dx_mi.abs().max() <= box / 2)
xr = x.clone().requires_grad_(True)
dd = xr[:, None] - xr[None]
dmi = dd - box * torch.round(dd / box)
e = (dmi ** 2).sum()
e.backward()
print(xr.grad, dmi.grad_fn)
xr2 = x.clone().requires_grad_(True)
torch.remainder(xr2, box).sum().backward()
print(xr2.grad, torch.remainder(xr2, box).grad_fn, torch.round(xr2).grad_fn)
print(torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5]), decimals=0), torch.round(x[0], decimals=2))

# %%
# shooting: find the initial velocity that lands a projectile with drag at x = 10 (gradient through the loop)
v0 = torch.tensor([5.0, 5.0], requires_grad=True)
opt = torch.optim.SGD([v0], lr=0.05)
def simulate(v0, steps=60, h=0.03, c=0.05):
    p = torch.zeros(2)
    v = v0
    for _ in range(steps):
        a = torch.tensor([0.0, -9.81]) - c * v * v.norm()
        v = v + h * a
        p = p + h * v
    return p
for it in range(8):
    opt.zero_grad()
    p = simulate(v0)
    loss = (p[0] - 10.0) ** 2 + p[1] ** 2
    loss.backward()
    opt.step()
    print(it, round(loss.item(), 4), v0.grad)
print(v0, p.grad_fn)

# %%
# a second backward through the trajectory without retain_graph
v0 = torch.tensor([3.0, 4.0], requires_grad=True)
p = simulate(v0, steps=5)
loss = p.sum()
loss.backward(retain_graph=True)
print(v0.grad)
loss.backward()
print(v0.grad)
try:
    loss.backward()
except RuntimeError as ex:
    print(type(ex).__name__, ex)
try:
    p.backward()
except RuntimeError as ex:
    print(type(ex).__name__, ex)
