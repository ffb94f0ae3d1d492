# Imitates the PINN tutorials that discuss the choice of activation and of precision: torch.set_default_dtype(
# torch.float64) before building the network (DeepXDE-style "use float64 for PINNs"), Adam's state in that dtype,
# second derivatives through Tanh, Softplus, SiLU, a sine activation module and ReLU (whose second derivative
# vanishes: a classic PINN pitfall), and a 1-D boundary value problem trained with each activation in float32.
import math
import torch
import torch.nn as nn

# %%
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(1, 12), nn.Tanh(), nn.Linear(12, 12), nn.Tanh(), nn.Linear(12, 1))
print(net[0].weight.dtype, torch.tensor([1.5]).dtype, torch.get_default_dtype())
t = torch.linspace(0, 2, 25).reshape(-1, 1).requires_grad_()
t0 = torch.zeros(1, 1, requires_grad=True)
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
for step in range(80):
    opt.zero_grad()
    u = net(t)
    du = torch.autograd.grad(u, t, torch.ones_like(u), create_graph=True)[0]
    loss = ((du + u) ** 2).mean() + ((net(t0) - 1) ** 2).sum()
    loss.backward()
    opt.step()
    if step % 20 == 0:
        print(step, f"{loss.item():.10f}")
state = opt.state[net[0].weight]
print(state["exp_avg"].dtype, state["exp_avg_sq"].dtype, state["step"], state["step"].dtype)

# %%
with torch.no_grad():
    tt = torch.tensor([[0.0], [1.0], [2.0]])
    print(torch.hstack([net(tt), torch.exp(-tt)]))
u0 = net(t0)
du0 = torch.autograd.grad(u0, t0, create_graph=True)[0]
print(du0, du0.grad_fn)
print(torch.autograd.grad(du0, t0)[0])

# %%
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype)
opt32 = torch.optim.Adam([torch.zeros(2, requires_grad=True)])
p32 = opt32.param_groups[0]["params"][0]
p32.grad = torch.ones(2)
opt32.step()
print(opt32.state[p32]["step"].dtype, opt32.state[p32]["exp_avg"])

# %%
class Sine(nn.Module):
    def __init__(self, w0=1.0):
        super().__init__()
        self.w0 = w0
    def forward(self, x):
        return torch.sin(self.w0 * x)
    def extra_repr(self):
        return f"w0={self.w0}"

def make(act):
    torch.manual_seed(1)
    return nn.Sequential(nn.Linear(1, 16), act, nn.Linear(16, 16), act, nn.Linear(16, 1))

x = torch.linspace(-1, 1, 9).reshape(-1, 1).requires_grad_()
for act in (nn.Tanh(), nn.Softplus(), nn.SiLU(), Sine(2.0), nn.GELU(), nn.Softplus(beta=2.0, threshold=1.0)):
    model = make(act)
    u = model(x)
    ux = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
    uxx = torch.autograd.grad(ux, x, torch.ones_like(ux), create_graph=True)[0]
    print(act, ux.grad_fn.name(), uxx.grad_fn.name())
    print(uxx[::2].T)

# %%
relu_net = make(nn.ReLU())
u = relu_net(x)
ux = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
print(ux.T, ux.grad_fn)
uxx = torch.autograd.grad(ux, x, torch.ones_like(ux), allow_unused=True)[0]
print(uxx.T)

# %%
results = {}
for name, act in (("tanh", nn.Tanh()), ("softplus", nn.Softplus()), ("silu", nn.SiLU()), ("sine", Sine(1.0))):
    model = make(act)
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    xb = torch.tensor([[-1.0], [1.0]])
    for it in range(60):
        opt.zero_grad()
        u = model(x)
        ux = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
        uxx = torch.autograd.grad(ux, x, torch.ones_like(ux), create_graph=True)[0]
        f = -math.pi ** 2 * torch.sin(math.pi * x)
        loss = (uxx - f).pow(2).mean() + model(xb).pow(2).mean()
        loss.backward()
        opt.step()
    results[name] = round(loss.item(), 4)
    print(name, results[name], model[0].weight.grad.abs().max().item())
sorted(results.items(), key=lambda kv: kv[1])
