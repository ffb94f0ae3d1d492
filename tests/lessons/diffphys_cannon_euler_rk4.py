# Imitates a differentiable-physics lecture (university course notebooks and blog posts "aim a cannon with gradient
# descent"): a projectile with drag integrated by explicit Euler and RK4 in a Python loop of small ops, the
# trajectory gathered with torch.stack, ground collision by clamp / torch.where, the launch angle and speed fitted
# by SGD / Adam to hit a target, and the mistakes learners make in the loop (in-place updates of a state that needs
# grad, .item() / .numpy() of a trajectory list, integer time steps, shapes that do not stack).
import math
import torch

torch.manual_seed(0)
g = torch.tensor([0.0, -9.81])

# %%
def simulate_euler(v0, angle, dt=0.05, steps=40, drag=0.1):
    pos = torch.zeros(2)
    vel = v0 * torch.stack([torch.cos(angle), torch.sin(angle)])
    traj = [pos]
    for _ in range(steps):
        acc = g - drag * vel * vel.norm()
        vel = vel + dt * acc
        pos = pos + dt * vel
        traj.append(pos)
    return torch.stack(traj)

v0 = torch.tensor(20.0, requires_grad=True)
angle = torch.tensor(math.pi / 6, requires_grad=True)
traj = simulate_euler(v0, angle)
print(traj.shape, traj.grad_fn)
print(traj[::10])
print(traj[-1])

# %%
# where does it land? first step below ground, linear interpolation between the two samples
below = traj[:, 1] < 0
print(below.nonzero()[:3].squeeze(1), below.any(), below.dtype)
k = int(below.nonzero()[0])
p, q = traj[k - 1], traj[k]
t = p[1] / (p[1] - q[1])
landing = p[0] + t * (q[0] - p[0])
print(landing, landing.grad_fn)

# %%
target = 25.0
loss = (landing - target) ** 2
loss.backward()
print(loss.item(), v0.grad, angle.grad)

# %%
# ground collision: height clamped to zero, velocity zeroed once the ball is on the ground
def simulate_ground(v0, angle, dt=0.05, steps=60):
    pos = torch.zeros(2)
    vel = v0 * torch.stack([angle.cos(), angle.sin()])
    out = []
    for _ in range(steps):
        vel = vel + dt * g
        pos = pos + dt * vel
        on_ground = pos[1] <= 0
        pos = torch.stack([pos[0], pos[1].clamp(min=0.0)])
        vel = torch.where(on_ground, torch.zeros_like(vel), vel)
        out.append(pos)
    return torch.stack(out, dim=0)

tr = simulate_ground(v0, angle)
print(tr[-3:], tr.grad_fn)
tr[-1, 0].backward()
print(v0.grad, angle.grad)

# %%
# torch.where with a python scalar and a 0-d condition, clamp with tensor bounds
h = torch.tensor([-0.3, 0.2, 1.5], requires_grad=True)
print(torch.where(h > 0, h, 0.0))
print(torch.where(h > 0, h, torch.tensor(0.0)))
print(h.clamp(0.0, 1.0), h.clamp(min=torch.zeros(3), max=torch.ones(3)))
print(torch.clamp(h, max=0.5).grad_fn, torch.clamp(h, min=torch.zeros(3)).grad_fn)
h.clamp(0.0, 1.0).sum().backward()
print(h.grad)

# %%
# fitting angle and speed with Adam
v0 = torch.tensor(15.0, requires_grad=True)
angle = torch.tensor(0.3, requires_grad=True)
opt = torch.optim.Adam([v0, angle], lr=0.05)
for it in range(30):
    opt.zero_grad()
    traj = simulate_euler(v0, angle, steps=30)
    loss = (traj[-1, 0] - target) ** 2 + traj[-1, 1] ** 2
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, f"{loss.item():.4f}", f"{v0.item():.4f}", f"{angle.item():.4f}")
print(v0, angle)

# %%
# RK4 on the state [x, y, vx, vy]
def f(state, drag=0.1):
    v = state[2:]
    a = g - drag * v * v.norm()
    return torch.cat([v, a])

def rk4_step(state, dt):
    k1 = f(state)
    k2 = f(state + dt / 2 * k1)
    k3 = f(state + dt / 2 * k2)
    k4 = f(state + dt * k3)
    return state + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)

v0 = torch.tensor(20.0, requires_grad=True)
angle = torch.tensor(0.6, requires_grad=True)
state = torch.cat([torch.zeros(2), v0 * torch.stack([angle.cos(), angle.sin()])])
states = [state]
for _ in range(20):
    state = rk4_step(state, 0.1)
    states.append(state)
S = torch.stack(states)
print(S.shape, S[-1])
print(torch.autograd.grad(S[-1, 0], [v0, angle]))

# %%
# Euler vs RK4 against the exact solution without drag (float64)
def exact(t, v, a):
    return torch.stack([v * math.cos(a) * t, v * math.sin(a) * t - 0.5 * 9.81 * t ** 2])

def euler_nodrag(dt, n):
    s = torch.tensor([0.0, 0.0, 10 * math.cos(0.7), 10 * math.sin(0.7)], dtype=torch.float64)
    for _ in range(n):
        s = s + dt * torch.cat([s[2:], torch.tensor([0.0, -9.81], dtype=torch.float64)])
    return s[:2]

for n in (10, 20, 40):
    err = (euler_nodrag(1.0 / n, n) - exact(torch.tensor(1.0, dtype=torch.float64), 10, 0.7)).norm()
    print(n, f"{err.item():.6e}")

# %%
# Mistake: integer time steps: torch.arange(0, 2) is int64, and dt * int tensor promotes
ts = torch.arange(0, 5)
print(ts, ts.dtype)
dt = ts[1] - ts[0]
print(dt, dt.dtype, (dt * 0.5).dtype)
t = torch.linspace(0, 1, 5)
print(t, t.dtype, t.diff())

# %%
# integer steps into a float state: the in-place add refuses
pos = torch.zeros(2, dtype=torch.long)
pos += torch.tensor([0.5, 0.5])

# %%
steps = torch.arange(3)
steps.requires_grad_()

# %%
torch.zeros(3, dtype=torch.int64, requires_grad=True)

# %%
# Mistake: in-place update of a state that needs grad inside the loop
v0 = torch.tensor(20.0, requires_grad=True)
vel = v0 * torch.tensor([0.8, 0.6])
pos = torch.zeros(2)
for _ in range(3):
    vel += 0.1 * g
    pos += 0.1 * vel
print(pos, pos.grad_fn, vel.grad_fn, vel._version)
pos.sum().backward()
print(v0.grad)

# %%
# in place on a leaf that requires grad
vel = torch.tensor([16.0, 12.0], requires_grad=True)
vel += 0.1 * g

# %%
vel = torch.tensor([16.0, 12.0], requires_grad=True)
vel[1] = 0.0

# %%
# in place on a tensor that a later op saved for backward
vel = torch.tensor([16.0, 12.0], requires_grad=True) * 1
speed = vel.norm()
kin = (vel ** 2).sum()
vel.mul_(0.9)
kin.backward()

# %%
vel = torch.tensor([16.0, 12.0], requires_grad=True)
e = vel.exp()
e.add_(1)
e.sum().backward()

# %%
vel = torch.tensor([16.0, 12.0], requires_grad=True)
s = vel.sigmoid()
s[0] = 0.5
s.sum().backward()

# %%
# Mistake: a trajectory list of tensors that require grad
traj = simulate_euler(torch.tensor(20.0, requires_grad=True), torch.tensor(0.5), steps=5)
xs = [p for p in traj]
print(xs[1])
xs[1].numpy()

# %%
xs[1][0].item(), [round(p[1].item(), 4) for p in xs]

# %%
import numpy as np
np.array(xs)

# %%
torch.tensor(xs)

# %%
torch.tensor([p[0] for p in xs])

# %%
np.array([p.detach().numpy() for p in xs]).shape, torch.stack(xs).detach().numpy().dtype

# %%
float(xs[2][1]), xs[2].tolist()

# %%
# Mistake: shapes that do not stack / cat
torch.stack([torch.zeros(2), torch.zeros(3)])

# %%
torch.stack([torch.zeros(2), torch.zeros(1, 2)])

# %%
torch.cat([torch.zeros(2), torch.zeros(2, 2)])

# %%
torch.cat([torch.zeros(2, 2), torch.zeros(3, 3)], dim=1)

# %%
torch.stack([torch.zeros(2), torch.zeros(2)], dim=2)

# %%
torch.stack([])

# %%
torch.cat([torch.zeros(2), 3.0])

# %%
torch.stack(torch.zeros(3, 2)).shape, torch.stack((torch.zeros(2),), dim=-1).shape

# %%
torch.stack([torch.zeros(2, dtype=torch.long), torch.ones(2)]), torch.cat([torch.zeros(2, dtype=torch.int32), torch.ones(2, dtype=torch.float64)])

# %%
torch.stack([torch.tensor(1.0), torch.tensor(2.0, requires_grad=True)]), torch.stack([torch.tensor(1.0), 2.0])
