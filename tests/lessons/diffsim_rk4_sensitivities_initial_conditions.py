# Imitates a "differentiable simulation" tutorial on sensitivities: a spring-mass-damper and a pendulum integrated with
# explicit Euler, semi-implicit Euler and RK4 written as functions of a state vector, torch.autograd.grad of the final
# state with respect to parameters and the initial condition (several inputs, allow_unused, retain_graph, a Jacobian
# built row by row and by autograd.functional.jacobian), the stacked trajectory's gradient, a projectile with
# quadratic drag whose drag coefficient is fitted with Adam in float64, and the errors of reusing a freed graph.
import math
import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(11)

# %%
def spring_rhs(s, k, c):
    x, v = s[0], s[1]
    return torch.stack([v, -k * x - c * v])

def euler(f, s, dt, n, *p):
    for _ in range(n):
        s = s + dt * f(s, *p)
    return s

def rk4(f, s, dt, n, *p):
    traj = [s]
    for _ in range(n):
        k1 = f(s, *p)
        k2 = f(s + 0.5 * dt * k1, *p)
        k3 = f(s + 0.5 * dt * k2, *p)
        k4 = f(s + dt * k3, *p)
        s = s + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        traj.append(s)
    return torch.stack(traj)

k = torch.tensor(4.0, requires_grad=True)
c = torch.tensor(0.2, requires_grad=True)
s0 = torch.tensor([1.0, 0.0], requires_grad=True)
sT = euler(spring_rhs, s0, 0.01, 200, k, c)
traj = rk4(spring_rhs, s0, 0.05, 40, k, c)
print(sT, sT.grad_fn)
print(traj.shape, traj.dtype, traj.grad_fn, traj[-1])

# %%
gk, gc, gs0 = torch.autograd.grad(traj[-1, 0], (k, c, s0), retain_graph=True)
print(gk, gc, gs0)
rows = [torch.autograd.grad(traj[-1, i], s0, retain_graph=True)[0] for i in range(2)]
J = torch.stack(rows)
print(J, torch.linalg.det(J))
print(math.exp(-0.2 * 2.0))

# %%
Jf = torch.autograd.functional.jacobian(lambda s: rk4(spring_rhs, s, 0.05, 40, k.detach(), c.detach())[-1], s0.detach())
print(Jf, torch.allclose(Jf, J))
z = torch.tensor(1.0, requires_grad=True)
g = torch.autograd.grad(traj.sum(), [k, z], allow_unused=True, retain_graph=True)
print(g)
g2 = torch.autograd.grad(traj.sum(), [k, z], allow_unused=True, materialize_grads=True)
print(g2)

# %%
def pendulum_semi_implicit(theta0, L, dt=0.02, n=100, grav=9.81):
    th, om = theta0, torch.zeros_like(theta0)
    ths = []
    for _ in range(n):
        om = om - dt * grav / L * torch.sin(th)
        th = th + dt * om
        ths.append(th)
    return torch.stack(ths)

L = torch.tensor(1.0, requires_grad=True)
th0 = torch.tensor([0.1, 0.5, 1.5], requires_grad=True)
ths = pendulum_semi_implicit(th0, L)
print(ths.shape, ths[-1])
ths[-1].sum().backward()
print(L.grad, th0.grad)
crossings = ((ths[:-1] > 0) & (ths[1:] <= 0)).nonzero()
print(crossings[:4], crossings.shape)

# %%
# projectile with quadratic drag: fit the drag coefficient to a measured range
def fly(v0, ang, cd, dt=0.02, n=80):
    p = torch.zeros(2)
    v = v0 * torch.stack([torch.cos(ang), torch.sin(ang)])
    ps = [p]
    for _ in range(n):
        a = torch.tensor([0.0, -9.81]) - cd * v.norm() * v
        v = v + dt * a
        p = p + dt * v
        ps.append(p)
    return torch.stack(ps)

true_cd = 0.05
obs = fly(torch.tensor(15.0), torch.tensor(0.7), torch.tensor(true_cd)).detach()
cd = torch.tensor(0.01, requires_grad=True)
opt = torch.optim.Adam([cd], lr=0.005)
for it in range(20):
    opt.zero_grad()
    pred = fly(torch.tensor(15.0), torch.tensor(0.7), cd)
    loss = ((pred - obs) ** 2).mean()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, loss.item(), cd.item(), cd.grad.item())
print(pred.grad_fn, pred[-1])

# %%
s = torch.tensor([1.0, 0.0], requires_grad=True)
out = rk4(spring_rhs, s, 0.1, 5, torch.tensor(1.0), torch.tensor(0.0))[-1, 0]
out.backward()
print(s.grad)
for call in [
    lambda: out.backward(),
    lambda: torch.autograd.grad(traj[-1], k),
    lambda: torch.autograd.grad(traj[-1, 0], torch.tensor(2.0, requires_grad=True)),
    lambda: torch.stack([torch.zeros(2), torch.zeros(3)]),
    lambda: torch.stack([]),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
