# Imitates the PINN tutorials that solve a Poisson problem and an oscillator ODE with Adam first and then L-BFGS with a
# closure (line_search_fn="strong_wolfe"), the pattern of DeepXDE-style "Adam then LBFGS" notebooks and of the
# "PINNs from scratch" blog posts: the closure that computes the PDE residual, prints inside the closure, reads the
# optimizer's state, and the questions learners ask about what step() returns and how many times the closure runs.
import math
import torch
import torch.nn as nn

# %%
torch.manual_seed(42)
net = nn.Sequential(nn.Linear(1, 20), nn.Tanh(), nn.Linear(20, 20), nn.Tanh(), nn.Linear(20, 1))
x = torch.linspace(0, 1, 32).reshape(-1, 1).requires_grad_(True)
f = -(math.pi ** 2) * torch.sin(math.pi * x.detach())       # u'' = f, u(0) = u(1) = 0, u = sin(pi x)
xb = torch.tensor([[0.0], [1.0]])
def pde_loss():
    u = net(x)
    u_x = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
    u_xx = torch.autograd.grad(u_x, x, torch.ones_like(u_x), create_graph=True)[0]
    return ((u_xx - f) ** 2).mean()
def bc_loss():
    return (net(xb) ** 2).mean()
print(pde_loss(), bc_loss())

# %%
adam = torch.optim.Adam(net.parameters(), lr=1e-2)
history = []
for step in range(100):
    adam.zero_grad()
    loss = pde_loss() + 10 * bc_loss()
    loss.backward()
    adam.step()
    history.append(loss.item())
    if step % 25 == 0:
        print(f"Adam {step:3d}: {loss.item():.6e}")
print(len(history), min(history) < history[0])

# %%
lbfgs = torch.optim.LBFGS(net.parameters(), lr=1.0, max_iter=20, max_eval=25, tolerance_grad=1e-9,
                          tolerance_change=1e-12, history_size=50, line_search_fn="strong_wolfe")
print(lbfgs)
calls = 0
def closure():
    global calls
    calls += 1
    lbfgs.zero_grad()
    loss = pde_loss() + 10 * bc_loss()
    loss.backward()
    return loss
for outer in range(3):
    out = lbfgs.step(closure)
    print(outer, type(out).__name__, f"{out.item():.6e}", calls)

# %%
state = lbfgs.state[lbfgs._params[0]]
print(sorted(state.keys()))
print(state["func_evals"], state["n_iter"], len(state["old_dirs"]), type(state["t"]).__name__)
print(lbfgs.state_dict()["param_groups"][0]["line_search_fn"], len(lbfgs.state_dict()["state"]))

# %%
x_test = torch.linspace(0, 1, 6).reshape(-1, 1)
with torch.no_grad():
    u_test = net(x_test)
print(torch.cat([u_test, torch.sin(math.pi * x_test)], dim=1))
print(f"max error {torch.max(torch.abs(u_test - torch.sin(math.pi * x_test))).item():.2e}")

# %%
torch.manual_seed(0)
osc = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1)).double()
t = torch.linspace(0, 2, 40, dtype=torch.float64).unsqueeze(-1).requires_grad_()
t0 = torch.zeros(1, 1, dtype=torch.float64, requires_grad=True)
omega = 2.0
opt = torch.optim.LBFGS(osc.parameters(), max_iter=50, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    u = osc(t)
    du = torch.autograd.grad(u, t, torch.ones_like(u), create_graph=True)[0]
    d2u = torch.autograd.grad(du, t, torch.ones_like(du), create_graph=True)[0]
    u0 = osc(t0)
    du0 = torch.autograd.grad(u0, t0, torch.ones_like(u0), create_graph=True)[0]
    loss = (d2u + omega ** 2 * u).pow(2).mean() + (u0 - 1).pow(2).sum() + du0.pow(2).sum()
    loss.backward()
    return loss
for i in range(4):
    loss = opt.step(closure)
    print(i, f"{loss.item():.4e}")
with torch.no_grad():
    tt = torch.tensor([[0.0], [0.5], [1.0]], dtype=torch.float64)
    print(torch.hstack([osc(tt), torch.cos(omega * tt)]))

# %%
opt2 = torch.optim.LBFGS(net.parameters(), line_search_fn="strong_wolfe")
opt2.step()

# %%
def closure_no_return():
    opt2.zero_grad()
    (pde_loss() + bc_loss()).backward()
opt2.step(closure_no_return)

# %%
torch.optim.LBFGS(net.parameters(), line_search_fn="wolfe")

# %%
torch.optim.LBFGS([{"params": net[0].parameters()}, {"params": net[2].parameters()}])

# %%
opt3 = torch.optim.LBFGS(net.parameters(), max_iter=5)
def closure_float():
    opt3.zero_grad()
    loss = pde_loss() + bc_loss()
    loss.backward()
    return loss.item()
r = opt3.step(closure_float)
print(type(r).__name__, round(r, 4))
