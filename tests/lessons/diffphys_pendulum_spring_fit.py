# Imitates system-identification notebooks of scientific machine-learning courses: a damped mass-spring system and
# a pendulum simulated by semi-implicit Euler in a loop, their parameters (stiffness, damping, length) fitted to
# noisy observations with torch.autograd.grad and gradient steps by hand, then with optim.Adam and optim.LBFGS
# (closure, strong_wolfe), parameters kept positive through softplus / log-parametrisation, and the mistakes:
# forgetting detach between episodes (backward through the graph a second time), float64 data with float32
# parameters, the list of losses that keeps the graph alive, and a closure that does not return the loss.
import math
import torch

torch.manual_seed(1)
dt, n = 0.05, 60
t = torch.arange(n) * dt
print(t.dtype, t[:4])

# %%
def spring(k, c, x0=1.0, v0=0.0, m=1.0, steps=n):
    x = torch.as_tensor(x0, dtype=k.dtype)
    v = torch.as_tensor(v0, dtype=k.dtype)
    xs = []
    for _ in range(steps):
        a = (-k * x - c * v) / m
        v = v + dt * a
        x = x + dt * v
        xs.append(x)
    return torch.stack(xs)

k_true, c_true = torch.tensor(4.0), torch.tensor(0.3)
obs = spring(k_true, c_true) + 0.01 * torch.randn(n)
print(obs[:5], obs.shape)

# %%
# gradient descent by hand with torch.autograd.grad
k = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(0.1, requires_grad=True)
for it in range(40):
    loss = ((spring(k, c) - obs) ** 2).mean()
    gk, gc = torch.autograd.grad(loss, (k, c))
    with torch.no_grad():
        k -= 0.5 * gk
        c -= 0.5 * gc
    if it % 10 == 0:
        print(it, round(loss.item(), 6), gk, gc)
print(k, c)

# %%
# autograd.grad details: one input, allow_unused, a non-scalar output
loss = ((spring(k, c) - obs) ** 2).mean()
print(torch.autograd.grad(loss, k, retain_graph=True))
unused = torch.tensor(1.0, requires_grad=True)
print(torch.autograd.grad(loss, [k, unused], allow_unused=True, retain_graph=True))
print(torch.autograd.grad(loss, [k, unused], allow_unused=True, materialize_grads=True, retain_graph=True))

# %%
torch.autograd.grad(loss, [k, unused], retain_graph=True)

# %%
torch.autograd.grad(spring(k, c), k)

# %%
traj = spring(k, c)
print(torch.autograd.grad(traj, k, grad_outputs=torch.ones_like(traj)))
torch.autograd.grad(traj, k, grad_outputs=torch.ones(3))

# %%
torch.autograd.grad(loss, k)
torch.autograd.grad(loss, k)

# %%
torch.autograd.grad(obs.sum(), k)

# %%
torch.autograd.grad(loss, k.detach())

# %%
# positive parameters: softplus and log-parametrisation, Adam
raw_k = torch.tensor(0.0, requires_grad=True)
log_c = torch.tensor(-3.0, requires_grad=True)
opt = torch.optim.Adam([raw_k, log_c], lr=0.1)
for it in range(60):
    opt.zero_grad()
    kk = torch.nn.functional.softplus(raw_k)
    cc = log_c.exp()
    loss = torch.nn.functional.mse_loss(spring(kk, cc), obs)
    loss.backward()
    opt.step()
    if it % 20 == 0:
        print(it, f"{loss.item():.5f}", kk.grad_fn, cc.grad_fn)
print(torch.nn.functional.softplus(raw_k), log_c.exp())

# %%
# LBFGS with a closure
k = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(0.1, requires_grad=True)
opt = torch.optim.LBFGS([k, c], lr=1, max_iter=20, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    loss = ((spring(k, c) - obs) ** 2).mean()
    loss.backward()
    return loss
for step in range(3):
    l = opt.step(closure)
    print(step, f"{l.item():.6f}", f"{k.item():.4f}", f"{c.item():.4f}")
print(opt.state[opt.param_groups[0]["params"][0]]["func_evals"], opt.state[opt.param_groups[0]["params"][0]]["n_iter"])

# %%
# a closure that forgets to return the loss
def bad_closure():
    opt.zero_grad()
    ((spring(k, c) - obs) ** 2).mean().backward()
opt.step(bad_closure)

# %%
torch.optim.LBFGS([k, c]).step()

# %%
torch.optim.LBFGS([k, c], line_search_fn="armijo")

# %%
# the pendulum: theta'' = -(g/L) sin(theta) - b theta'
def pendulum(L, b, theta0=0.8, steps=n):
    th, om = torch.tensor(theta0), torch.tensor(0.0)
    out = torch.empty(steps)
    for i in range(steps):
        om = om + dt * (-(9.81 / L) * torch.sin(th) - b * om)
        th = th + dt * om
        out[i] = th
    return out

L = torch.tensor(1.5, requires_grad=True)
b = torch.tensor(0.2, requires_grad=True)
sim = pendulum(L, b)
print(sim.grad_fn, sim[:4])
obs_p = pendulum(torch.tensor(1.0), torch.tensor(0.1)).detach()
loss = (sim - obs_p).pow(2).sum()
loss.backward()
print(L.grad, b.grad)

# %%
# Mistake: the episode's final state carried into the next episode without detach
L = torch.tensor(1.2, requires_grad=True)
opt = torch.optim.SGD([L], lr=0.01)
th, om = torch.tensor(0.8), torch.tensor(0.0)
for episode in range(2):
    for _ in range(10):
        om = om + dt * (-(9.81 / L) * torch.sin(th))
        th = th + dt * om
    loss = (th - 0.1) ** 2
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(episode, loss.item())

# %%
# the fix: detach the carried state
th, om = torch.tensor(0.8), torch.tensor(0.0)
for episode in range(3):
    th, om = th.detach(), om.detach()
    for _ in range(10):
        om = om + dt * (-(9.81 / L) * torch.sin(th))
        th = th + dt * om
    loss = (th - 0.1) ** 2
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(episode, f"{loss.item():.6f}", th.requires_grad, om.is_leaf)
print(L)

# %%
# losses kept in a list keep every graph alive; sum of the list vs the detached history
history = []
for _ in range(3):
    loss = ((spring(torch.tensor(3.0, requires_grad=True), torch.tensor(0.2)) - obs) ** 2).mean()
    history.append(loss)
print(history[0].grad_fn is not None, sum(history), torch.stack(history).mean())
print([h.item() for h in history], torch.tensor(history))

# %%
# Mistake: float64 observations, float32 parameters
obs64 = obs.double()
k = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(0.1, requires_grad=True)
res = spring(k, c) - obs64
print(res.dtype, res.grad_fn)
print(torch.nn.functional.mse_loss(spring(k, c), obs64))

# %%
x = torch.zeros(3)
x[0] = obs64[0]
print(x.dtype)
torch.mv(torch.eye(3), obs64[:3])

# %%
torch.stack([spring(k, c)[:3], obs64[:3]]).dtype, torch.cat([k.view(1), obs64[:1]])

# %%
spring(k.double(), c)[:3]

# %%
# mass as an integer tensor: division promotes, in-place division refuses
m = torch.tensor(2)
print((torch.tensor(3.0) / m).dtype, (m / 2).dtype, m // 2, torch.div(m, 2, rounding_mode="floor"))
m /= 2

# %%
energy = 0.5 * k.detach() * spring(k, c).detach() ** 2
print(energy[:3], energy.requires_grad)
energy.backward()
