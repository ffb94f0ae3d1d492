# Imitates the PINN tutorials for time-dependent PDEs (the heat equation and viscous Burgers' equation notebooks after
# Raissi et al., the "PINNs in PyTorch" blog posts): an MLP u(x, t) with tanh, collocation points from torch.rand and
# from torch.linspace + torch.meshgrid with requires_grad_(), u_x, u_t and u_xx from torch.autograd.grad with
# grad_outputs=torch.ones_like(u) and create_graph=True, initial and boundary losses, Adam with printed losses.
import math
import torch
import torch.nn as nn

# %%
class PINN(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(layers[:-1], layers[1:])])
        self.activation = nn.Tanh()
        for m in self.layers:
            nn.init.xavier_normal_(m.weight, gain=1.0)
            nn.init.zeros_(m.bias)
    def forward(self, x, t):
        a = torch.cat([x, t], dim=1)
        for layer in self.layers[:-1]:
            a = self.activation(layer(a))
        return self.layers[-1](a)

torch.manual_seed(1234)
model = PINN([2, 20, 20, 1])
print(model)
print(sum(p.numel() for p in model.parameters()))

# %%
x = torch.linspace(-1, 1, 5)
t = torch.linspace(0, 1, 4)
X, T = torch.meshgrid(x, t, indexing="ij")
print(X.shape, T.shape)
print(X)
print(T)
X_star = torch.hstack((X.flatten()[:, None], T.flatten()[:, None]))
print(X_star[:6])

# %%
X2, T2 = torch.meshgrid(x, t)

# %%
XX, TT = torch.meshgrid(x, t, indexing="xy")
print(XX.shape, torch.stack(torch.meshgrid(x, t, indexing="ij"), dim=-1).shape)

# %%
N_f = 64
torch.manual_seed(0)
x_f = (torch.rand(N_f, 1) * 2 - 1).requires_grad_()
t_f = torch.rand(N_f, 1).requires_grad_()
print(x_f[:3].T, t_f.is_leaf, t_f.requires_grad)
u = model(x_f, t_f)
u_t = torch.autograd.grad(u, t_f, grad_outputs=torch.ones_like(u), create_graph=True)[0]
u_x = torch.autograd.grad(u, x_f, grad_outputs=torch.ones_like(u), retain_graph=True, create_graph=True)[0]
u_xx = torch.autograd.grad(u_x, x_f, grad_outputs=torch.ones_like(u_x), create_graph=True)[0]
print(u.shape, u_t.shape, u_xx.shape)
print(u_t.grad_fn, u_x.grad_fn, u_xx.grad_fn)
print(u_t[:4].T)
print(u_xx[:4].T)

# %%
alpha = 0.1
def heat_residual(model, x, t):
    u = model(x, t)
    u_t = torch.autograd.grad(u, t, torch.ones_like(u), create_graph=True)[0]
    u_x = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
    u_xx = torch.autograd.grad(u_x, x, torch.ones_like(u_x), create_graph=True)[0]
    return u_t - alpha * u_xx

x_ic = torch.linspace(-1, 1, 21).view(-1, 1)
t_ic = torch.zeros_like(x_ic)
u_ic = torch.sin(math.pi * x_ic)
t_bc = torch.linspace(0, 1, 11).view(-1, 1)
x_left, x_right = -torch.ones_like(t_bc), torch.ones_like(t_bc)
mse = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(60):
    optimizer.zero_grad()
    loss_f = torch.mean(heat_residual(model, x_f, t_f) ** 2)
    loss_ic = mse(model(x_ic, t_ic), u_ic)
    loss_bc = mse(model(x_left, t_bc), torch.zeros_like(t_bc)) + mse(model(x_right, t_bc), torch.zeros_like(t_bc))
    loss = loss_f + loss_ic + loss_bc
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        print(f"epoch {epoch:4d} loss {loss.item():.6f} pde {loss_f.item():.3e} ic {loss_ic.item():.3e} bc {loss_bc.item():.3e}")
loss

# %%
with torch.no_grad():
    u_pred = model(X_star[:, 0:1], X_star[:, 1:2]).reshape(X.shape)
print(u_pred)
exact = torch.exp(-alpha * math.pi ** 2 * T) * torch.sin(math.pi * X)
print(torch.linalg.norm(u_pred - exact) / torch.linalg.norm(exact))

# %%
nu = 0.01 / math.pi
torch.manual_seed(2)
burgers = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1))
xt = torch.cat([torch.rand(50, 1) * 2 - 1, torch.rand(50, 1)], dim=1)
xt.requires_grad_(True)
def burgers_residual(xt):
    u = burgers(xt)
    du = torch.autograd.grad(u, xt, torch.ones_like(u), create_graph=True)[0]
    u_x, u_t = du[:, 0:1], du[:, 1:2]
    u_xx = torch.autograd.grad(u_x, xt, torch.ones_like(u_x), create_graph=True)[0][:, 0:1]
    return u_t + u * u_x - nu * u_xx
r = burgers_residual(xt)
print(r.shape, r.grad_fn)
print(r[:5].T)
opt = torch.optim.Adam(burgers.parameters(), lr=5e-3)
for it in range(50):
    opt.zero_grad()
    x0 = torch.linspace(-1, 1, 20).unsqueeze(1)
    u0 = burgers(torch.cat([x0, torch.zeros_like(x0)], 1))
    loss = burgers_residual(xt).pow(2).mean() + (u0 + torch.sin(math.pi * x0)).pow(2).mean()
    loss.backward()
    opt.step()
    if (it + 1) % 10 == 0:
        print(it + 1, round(loss.item(), 5))
print(xt.grad is None, burgers[0].weight.grad.shape)

# %%
xs = torch.linspace(0, 1, 6, requires_grad=True)
ts = torch.linspace(0, 1, 3, requires_grad=True)
Xg, Tg = torch.meshgrid(xs, ts, indexing="ij")
print(Xg.requires_grad, Xg.is_leaf, Xg.grad_fn)
inp = torch.stack([Xg.reshape(-1), Tg.reshape(-1)], dim=1)
out = burgers(inp).sum()
gx, gt = torch.autograd.grad(out, [xs, ts])
print(gx.shape, gt.shape)
print(gx, gt)

# %%
x_plain = torch.rand(10, 1)
t_plain = torch.rand(10, 1)
u = model(x_plain, t_plain)
torch.autograd.grad(u, x_plain, torch.ones_like(u))
