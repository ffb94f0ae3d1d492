# Imitates the scientific-ML notebooks on neural ODEs and Hamiltonian neural networks (the torchdiffeq "ode_demo"
# spiral, "Neural ODEs from scratch" blog posts that integrate by hand, Greydanus et al.'s HNN code and the
# "physics-informed dynamics" tutorials): fixed-step Euler and RK4 integrators written as loops over torch.linspace
# times, an ODEFunc MLP trained through the unrolled solver (backprop through time), a mass-spring Hamiltonian whose
# vector field is torch.autograd.grad(H.sum(), x, create_graph=True) split with chunk into dH/dq and dH/dp, the
# symplectic matrix built with torch.eye and torch.cat, a learned energy trained on time derivatives, and a
# symplectic (leapfrog) rollout under no_grad that checks energy conservation.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)

# %%
def euler_step(func, t, dt, y):
    return y + dt * func(t, y)


def rk4_step(func, t, dt, y):
    k1 = func(t, y)
    k2 = func(t + dt / 2, y + dt * k1 / 2)
    k3 = func(t + dt / 2, y + dt * k2 / 2)
    k4 = func(t + dt, y + dt * k3)
    return y + dt * (k1 + 2 * k2 + 2 * k3 + k4) / 6


def odeint(func, y0, t, method="rk4"):
    step = {"euler": euler_step, "rk4": rk4_step}[method]
    ys = [y0]
    y = y0
    for t0, t1 in zip(t[:-1], t[1:]):
        y = step(func, t0, t1 - t0, y)
        ys.append(y)
    return torch.stack(ys)


true_A = torch.tensor([[-0.1, 2.0], [-2.0, -0.1]])


class Lambda(nn.Module):
    def forward(self, t, y):
        return torch.mm(y ** 3, true_A)


true_y0 = torch.tensor([[2., 0.]])
t = torch.linspace(0., 2., 21)
with torch.no_grad():
    true_y = odeint(Lambda(), true_y0, t, method="rk4")
    euler_y = odeint(Lambda(), true_y0, t, method="euler")
print(true_y.shape, true_y[-1], euler_y[-1])
print((true_y - euler_y).abs().max(dim=0).values.squeeze())
decay = odeint(lambda t, y: -y, torch.tensor([1.0], dtype=torch.float64), torch.linspace(0, 1, 11, dtype=torch.float64))
print(decay[-1].item(), math.exp(-1), (decay[-1] - math.exp(-1)).abs().item() < 1e-6)

# %%
class ODEFunc(nn.Module):
    def __init__(self):
        super(ODEFunc, self).__init__()
        self.net = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 2))
        for m in self.net.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, mean=0, std=0.1)
                nn.init.constant_(m.bias, val=0)
        self.nfe = 0

    def forward(self, t, y):
        self.nfe += 1
        return self.net(y ** 3)


def get_batch(batch_time=5, batch_size=6):
    s = torch.from_numpy(__import__("numpy").random.RandomState(0).choice(
        len(t) - batch_time, batch_size, replace=False)).long()
    batch_y0 = true_y[s]
    batch_t = t[:batch_time]
    batch_y = torch.stack([true_y[s + i] for i in range(batch_time)], dim=0)
    return batch_y0, batch_t, batch_y


func = ODEFunc()
optimizer = torch.optim.RMSprop(func.parameters(), lr=1e-2)
batch_y0, batch_t, batch_y = get_batch()
print(batch_y0.shape, batch_t, batch_y.shape)
for itr in range(1, 11):
    optimizer.zero_grad()
    pred_y = odeint(func, batch_y0, batch_t)
    loss = torch.mean(torch.abs(pred_y - batch_y))
    loss.backward()
    optimizer.step()
    if itr % 5 == 0:
        with torch.no_grad():
            full = odeint(func, true_y0, t)
            print(f"Iter {itr:04d} | Total Loss {torch.mean(torch.abs(full - true_y)).item():.6f}")
print(func.nfe, pred_y.grad_fn, func.net[0].weight.grad.norm())

# %%
def hamiltonian(x, k=1.0, m=1.0):
    q, p = torch.chunk(x, 2, dim=-1)
    return 0.5 * k * q ** 2 + 0.5 * p ** 2 / m


def vector_field(H_fn, x):
    x = x.requires_grad_(True) if not x.requires_grad else x
    H = H_fn(x)
    dH = torch.autograd.grad(H.sum(), x, create_graph=True)[0]
    dHdq, dHdp = torch.split(dH, 1, dim=-1)
    return torch.cat([dHdp, -dHdq], dim=-1)


x = torch.tensor([[1.0, 0.0], [0.5, 0.5], [0.0, -2.0]], requires_grad=True)
field = vector_field(hamiltonian, x)
print(field, field.grad_fn)
M = torch.eye(2)
M = torch.cat([M[1:], -M[:1]])
print(M, torch.autograd.grad(hamiltonian(x).sum(), x)[0] @ M.t())
div = sum(torch.autograd.grad(field[:, i].sum(), x, retain_graph=True)[0][:, i] for i in range(2))
print("divergence", div)

# %%
class HNN(nn.Module):
    def __init__(self, input_dim=2, hidden_dim=32):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(input_dim, hidden_dim), nn.Tanh(), nn.Linear(hidden_dim, hidden_dim),
                                 nn.Tanh(), nn.Linear(hidden_dim, 1, bias=None))
        self.M = self.permutation_tensor(input_dim)

    def forward(self, x):
        return self.mlp(x)

    def permutation_tensor(self, n):
        M = torch.eye(n)
        return torch.cat([M[n // 2:], -M[:n // 2]])

    def time_derivative(self, x):
        F2 = self.forward(x)
        dF2 = torch.autograd.grad(F2.sum(), x, create_graph=True)[0]
        return dF2 @ self.M.t()


torch.manual_seed(1)
q = torch.rand(64, 1) * 2 - 1
p = torch.rand(64, 1) * 2 - 1
xs = torch.cat([q, p], dim=1)
dxdt = torch.cat([p, -q], dim=1) + 0.01 * torch.randn(64, 2)
hnn = HNN()
print(hnn, hnn.M)
opt = torch.optim.Adam(hnn.parameters(), 1e-2, weight_decay=1e-4)
for step in range(15):
    xb = xs.clone().requires_grad_(True)
    dxdt_hat = hnn.time_derivative(xb)
    loss = (dxdt - dxdt_hat).pow(2).mean()
    loss.backward()
    grad = torch.cat([p.grad.flatten() for p in hnn.parameters()]).clone()
    opt.step()
    opt.zero_grad()
    if step % 5 == 0:
        print("step {}, train_loss {:.4e}, grad norm {:.4e}".format(step, loss.item(), grad @ grad))
print(hnn.mlp[4].bias, loss.grad_fn)

# %%
def leapfrog(model, x0, dt=0.1, steps=30):
    traj = [x0]
    x = x0
    for _ in range(steps):
        with torch.enable_grad():
            xg = x.detach().requires_grad_(True)
            f = model.time_derivative(xg)
        q, p = x.chunk(2, dim=-1)
        p_half = p + 0.5 * dt * f[:, 1:]
        q_new = q + dt * p_half
        with torch.enable_grad():
            xg = torch.cat([q_new, p_half], -1).detach().requires_grad_(True)
            f2 = model.time_derivative(xg)
        p_new = p_half + 0.5 * dt * f2[:, 1:]
        x = torch.cat([q_new, p_new], dim=-1).detach()
        traj.append(x)
    return torch.stack(traj)


with torch.no_grad():
    traj = leapfrog(hnn, torch.tensor([[1.0, 0.0], [0.0, 0.5]]))
    energy = hamiltonian(traj).squeeze(-1)
    learned = hnn(traj).squeeze(-1)
print(traj.shape, traj.requires_grad, traj[-1])
print(energy[::10], (energy.max(0).values - energy.min(0).values))
print(learned[::15])
