# Imitates scientific-computing notebooks beyond the single ODE: the 1-D heat equation stepped with a finite-difference
# stencil (torch.roll, conv1d, slicing), its diffusivity fitted through the whole simulation, forward sensitivities by
# torch.autograd.functional.jacobian and torch.func.jacrev / jacfwd / hessian, energy drift of explicit vs
# symplectic Euler, torch.gradient / torch.diff / torch.trapezoid / cumulative_trapezoid against autograd, and the
# classic traps: NaN gradients through torch.where (sqrt of the branch not taken), anomaly detection (check_nan off),
# a clamp that stops the gradient, and an in-place update of the state under no_grad that autograd still sees.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=5)

# %%
n, dx, dt = 32, 1.0 / 32, 2e-4
xg = torch.linspace(0, 1, n)
u0 = torch.exp(-((xg - 0.5) ** 2) / 0.01)
def heat_roll(u, alpha, steps=50):
    for _ in range(steps):
        lap = (torch.roll(u, 1) - 2 * u + torch.roll(u, -1)) / dx ** 2
        u = u + dt * alpha * lap
    return u

alpha = torch.tensor(0.5, requires_grad=True)
uT = heat_roll(u0, alpha)
print(uT[::8], uT.sum(), u0.sum())
print(uT.grad_fn, uT.grad_fn.next_functions[0][0])

# %%
# the same stencil as a convolution, with zero (Dirichlet) boundaries
kernel = torch.tensor([[[1.0, -2.0, 1.0]]])
def heat_conv(u, alpha, steps=50):
    u = u.view(1, 1, -1)
    for _ in range(steps):
        u = u + dt * alpha * F.conv1d(u, kernel, padding=1) / dx ** 2
    return u.view(-1)

print(heat_conv(u0, alpha)[::8])
print(torch.allclose(heat_conv(u0, alpha)[1:-1], heat_roll(u0, alpha)[1:-1], atol=1e-3))

# %%
F.conv1d(u0, kernel, padding=1)

# %%
F.conv1d(u0.view(1, 1, -1), kernel.double(), padding=1)

# %%
F.conv1d(u0.view(1, 1, -1), kernel.view(3), padding=1)

# %%
# fitting the diffusivity to an observation
target = heat_roll(u0, torch.tensor(0.8)).detach()
alpha = torch.tensor(0.2, requires_grad=True)
opt = torch.optim.Adam([alpha], lr=0.05)
for it in range(40):
    opt.zero_grad()
    loss = F.mse_loss(heat_roll(u0, alpha, steps=20), heat_roll(u0, torch.tensor(0.8), steps=20))
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, f"{loss.item():.3e}", f"{alpha.item():.4f}", alpha.grad)

# %%
# forward sensitivities: the Jacobian of the final state with respect to the initial state and the parameter
J = torch.autograd.functional.jacobian(lambda a: heat_roll(u0, a, steps=5), torch.tensor(0.5))
print(J.shape, J[::8])
Ju = torch.autograd.functional.jacobian(lambda u: heat_roll(u, torch.tensor(0.5), steps=2), u0[:8].clone())
print(Ju.shape, Ju[0, :4], torch.diagonal(Ju)[:3])

# %%
from torch.func import hessian, jacfwd, jacrev, vmap
f = lambda a: heat_roll(u0, a, steps=5)
print(torch.allclose(jacrev(f)(torch.tensor(0.5)), jacfwd(f)(torch.tensor(0.5)), atol=1e-5))
def energy(q):
    return 0.5 * (q[1] ** 2) + (1 - torch.cos(q[0]))
print(jacrev(energy)(torch.tensor([0.3, 0.1])), hessian(energy)(torch.tensor([0.3, 0.1])))
print(vmap(jacrev(energy))(torch.tensor([[0.3, 0.1], [1.0, -0.5]])))

# %%
# explicit vs symplectic Euler on the pendulum: the energy drift
def explicit(q, p, h, n):
    E = []
    for _ in range(n):
        q, p = q + h * p, p - h * torch.sin(q)
        E.append(0.5 * p ** 2 + 1 - torch.cos(q))
    return torch.stack(E)

def symplectic(q, p, h, n):
    E = []
    for _ in range(n):
        p = p - h * torch.sin(q)
        q = q + h * p
        E.append(0.5 * p ** 2 + 1 - torch.cos(q))
    return torch.stack(E)

q0, p0 = torch.tensor(1.0, dtype=torch.float64), torch.tensor(0.0, dtype=torch.float64)
Ee, Es = explicit(q0, p0, 0.1, 200), symplectic(q0, p0, 0.1, 200)
print(Ee[[0, 99, 199]], Es[[0, 99, 199]])
print((Ee.max() - Ee.min()).item() > (Es.max() - Es.min()).item(), Es.std(), Es.dtype)

# %%
# torch.gradient / diff / trapezoid against autograd
t = torch.linspace(0, math.pi, 9, dtype=torch.float64)
y = torch.sin(t)
print(torch.gradient(y, spacing=(t,)))
print(torch.gradient(y, spacing=t[1] - t[0], edge_order=2)[0] - torch.cos(t))
print(torch.diff(y), torch.diff(y, n=2), torch.diff(y, prepend=y[:1], append=y[-1:]).shape)
print(torch.trapezoid(y, t), torch.trapezoid(y, dx=t[1].item() - t[0].item()), torch.cumulative_trapezoid(y, t)[-3:])

# %%
torch.gradient(y, spacing=0.1, edge_order=3)

# %%
torch.gradient(torch.ones(1), spacing=1.0)

# %%
torch.trapezoid(y, t[:4])

# %%
torch.diff(y, dim=1)

# %%
tt = t.clone().requires_grad_()
area = torch.trapezoid(torch.sin(tt) * tt, tt)
area.backward()
print(area, tt.grad[:3], torch.cumulative_trapezoid(tt).grad_fn)

# %%
# NaN gradients through torch.where: sqrt of the branch that is not taken
h = torch.tensor([-1.0, 0.0, 4.0], requires_grad=True)
out = torch.where(h > 0, torch.sqrt(h), torch.zeros_like(h))
out.sum().backward()
print(out, h.grad)

# %%
h.grad = None
safe = torch.where(h > 0, h, torch.ones_like(h))
out = torch.where(h > 0, torch.sqrt(safe), torch.zeros_like(h))
out.sum().backward()
print(out, h.grad)

# %%
with torch.autograd.detect_anomaly(check_nan=False):
    h2 = torch.tensor([-1.0, 4.0], requires_grad=True)
    torch.where(h2 > 0, torch.sqrt(h2), 0.0).sum().backward()
print(h2.grad, torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())

# %%
with torch.autograd.set_detect_anomaly(True):
    z = torch.tensor([0.0], requires_grad=True)
    (z ** 0.5).sum().backward()
print(z.grad, torch.is_anomaly_enabled())

# %%
# a clamp at the ground stops the gradient
y0 = torch.tensor([-0.2, 0.3], requires_grad=True)
y0.clamp(min=0.0).sum().backward()
print(y0.grad)
y1 = torch.tensor([-0.2, 0.3], requires_grad=True)
F.softplus(y1, beta=20).sum().backward()
print(y1.grad)
y2 = torch.tensor([0.0, 0.3], requires_grad=True)
(torch.relu(y2) + y2.clamp(0.0, 0.0) + y2.abs()).sum().backward()
print(y2.grad)

# %%
# in-place change of the state under no_grad: autograd still sees the version bump
s = torch.tensor([1.0, 2.0], requires_grad=True)
u = s * 2
e = (u ** 2).sum()
with torch.no_grad():
    u[0] = 0.0
print(u._version, u.requires_grad)
e.backward()

# %%
s = torch.tensor([1.0, 2.0], requires_grad=True)
u = s.exp()
with torch.no_grad():
    u.clamp_(max=5.0)
u.sum().backward()

# %%
s = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    s.clamp_(max=1.5)
    s -= 0.1 * torch.ones(2)
print(s, s.is_leaf, s._version, s.grad_fn)
s.data.mul_(2)
print(s, s._version)
