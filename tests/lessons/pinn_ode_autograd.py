# Imitates the physics-informed neural network tutorials (PINNs for the damped harmonic oscillator by Ben Moseley,
# "solving ODEs with PyTorch autograd" blog posts, the Burgers/heat-equation toy notebooks): collocation points with
# requires_grad_(True), first and second derivatives with torch.autograd.grad(create_graph=True,
# grad_outputs=torch.ones_like), a boundary + physics loss, Adam then LBFGS with a closure, and a 2-D PDE residual
# with partial derivatives taken from one grad call on a stacked input.
import math
import numpy as np
import torch
import torch.nn as nn

# %%
def exact_solution(d, w0, t):
    assert d < w0
    w = np.sqrt(w0 ** 2 - d ** 2)
    phi = np.arctan(-d / w)
    A = 1 / (2 * np.cos(phi))
    cos = torch.cos(phi + w * t)
    exp = torch.exp(-d * t)
    u = exp * 2 * A * cos
    return u

class FCN(nn.Module):
    def __init__(self, N_INPUT, N_OUTPUT, N_HIDDEN, N_LAYERS):
        super().__init__()
        activation = nn.Tanh
        self.fcs = nn.Sequential(*[nn.Linear(N_INPUT, N_HIDDEN), activation()])
        self.fch = nn.Sequential(*[nn.Sequential(*[nn.Linear(N_HIDDEN, N_HIDDEN), activation()]) for _ in range(N_LAYERS - 1)])
        self.fce = nn.Linear(N_HIDDEN, N_OUTPUT)
    def forward(self, x):
        x = self.fcs(x)
        x = self.fch(x)
        x = self.fce(x)
        return x

d, w0 = 2, 20
t_test = torch.linspace(0, 1, 7).view(-1, 1)
u_exact = exact_solution(d, w0, t_test)
print(u_exact.T, u_exact.dtype)
torch.manual_seed(123)
pinn = FCN(1, 1, 16, 3)
print(pinn)
pinn(t_test).shape

# %%
t_boundary = torch.tensor(0.).view(-1, 1).requires_grad_(True)
t_physics = torch.linspace(0, 1, 30).view(-1, 1).requires_grad_(True)
mu, k = 2 * d, w0 ** 2
optimiser = torch.optim.Adam(pinn.parameters(), lr=1e-3)
for i in range(31):
    optimiser.zero_grad()
    lambda1, lambda2 = 1e-1, 1e-4
    u = pinn(t_boundary)
    loss1 = (torch.squeeze(u) - 1) ** 2
    dudt = torch.autograd.grad(u, t_boundary, torch.ones_like(u), create_graph=True)[0]
    loss2 = (torch.squeeze(dudt) - 0) ** 2
    u = pinn(t_physics)
    dudt = torch.autograd.grad(u, t_physics, torch.ones_like(u), create_graph=True)[0]
    d2udt2 = torch.autograd.grad(dudt, t_physics, torch.ones_like(dudt), create_graph=True)[0]
    loss3 = torch.mean((d2udt2 + mu * dudt + k * u) ** 2)
    loss = loss1 + lambda1 * loss2 + lambda2 * loss3
    loss.backward()
    optimiser.step()
    if i % 10 == 0:
        print(i, loss1.item(), loss2.item(), loss3.item())
print(dudt.grad_fn, d2udt2.requires_grad)
loss

# %%
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(1, 10), nn.Tanh(), nn.Linear(10, 1)).double()
x = torch.linspace(0, 2, 20, dtype=torch.float64).unsqueeze(1).requires_grad_()
opt = torch.optim.LBFGS(net.parameters(), lr=0.5, max_iter=20, history_size=10, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    u = net(x)
    du = torch.autograd.grad(u.sum(), x, create_graph=True)[0]
    residual = du + u                       # u' = -u
    ic = (net(torch.zeros(1, 1, dtype=torch.float64)) - 1.0) ** 2
    loss = residual.pow(2).mean() + ic.squeeze()
    loss.backward()
    return loss
for step in range(3):
    l = opt.step(closure)
    print(step, f"{l.item():.6f}")
with torch.no_grad():
    pred = net(torch.tensor([[0.0], [1.0], [2.0]], dtype=torch.float64))
pred.squeeze(), torch.exp(-torch.tensor([0.0, 1.0, 2.0])), opt.state_dict()['state'][0]['func_evals']

# %%
torch.manual_seed(0)
heat = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1))
xt = torch.rand(40, 2, requires_grad=True)
u = heat(xt)
grads = torch.autograd.grad(u, xt, grad_outputs=torch.ones_like(u), create_graph=True)[0]
u_x, u_t = grads[:, 0:1], grads[:, 1:2]
u_xx = torch.autograd.grad(u_x, xt, grad_outputs=torch.ones_like(u_x), create_graph=True)[0][:, 0:1]
residual = u_t - 0.1 * u_xx
pde_loss = residual.pow(2).mean()
pde_loss.backward()
print(u_x.shape, u_xx.shape, pde_loss)
print(heat[0].weight.grad.norm(), u_xx.grad_fn)
hess = torch.autograd.functional.hessian(lambda p: heat(p.unsqueeze(0)).squeeze(), xt[0].detach())
hess

# %%
x = torch.linspace(-1, 1, 5, requires_grad=True)
y = torch.sin(math.pi * x)
g, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), retain_graph=True)
dy, = torch.autograd.grad(y.sum(), x, create_graph=True)
d2y, = torch.autograd.grad(dy.sum(), x, create_graph=True)
d3y, = torch.autograd.grad(d2y.sum(), x)
print(dy, d2y, d3y, sep="\n")
y2 = torch.sin(math.pi * x)
torch.autograd.grad(y2.sum(), x)
try:
    torch.autograd.grad(y2.sum(), x)
except RuntimeError as e:
    print(str(e)[:80])
z = torch.zeros(3, requires_grad=True)
torch.autograd.grad((x * 2).sum(), [x, z], allow_unused=True, materialize_grads=True)[1], g.requires_grad
