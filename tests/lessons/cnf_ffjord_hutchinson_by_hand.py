# Imitates "continuous normalizing flows from scratch" tutorials (torchdiffeq's examples/cnf.py rewritten without the
# library, FFJORD blog posts): the instantaneous change of variables with an exact trace by a loop of
# torch.autograd.grad and Hutchinson's estimator (Gaussian and Rademacher probes), a fixed-step RK4 / Euler solver over
# the augmented state [z, logp], the HyperNetwork whose weights depend on t, the adjoint method written by hand as a
# torch.autograd.Function, and checks against torch.autograd.functional.jacobian and torch.func.
import math
import numpy as np
import torch
import torch.nn as nn
from torch.autograd.functional import jacobian
torch.manual_seed(0)

def trace_df_dz(f, z):
    sum_diag = 0.
    for i in range(z.shape[1]):
        sum_diag += torch.autograd.grad(f[:, i].sum(), z, create_graph=True)[0].contiguous()[:, i].contiguous()
    return sum_diag.contiguous()

class HyperNetwork(nn.Module):
    def __init__(self, in_out_dim, hidden_dim, width):
        super().__init__()
        blocksize = width * in_out_dim
        self.fc1 = nn.Linear(1, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, hidden_dim)
        self.fc3 = nn.Linear(hidden_dim, 3 * blocksize + width)
        self.in_out_dim = in_out_dim
        self.hidden_dim = hidden_dim
        self.width = width
        self.blocksize = blocksize

    def forward(self, t):
        params = t.reshape(1, 1)
        params = torch.tanh(self.fc1(params))
        params = torch.tanh(self.fc2(params))
        params = self.fc3(params)
        params = params.reshape(-1)
        W = params[:self.blocksize].reshape(self.width, self.in_out_dim, 1)
        U = params[self.blocksize:2 * self.blocksize].reshape(self.width, 1, self.in_out_dim)
        G = params[2 * self.blocksize:3 * self.blocksize].reshape(self.width, 1, self.in_out_dim)
        U = U * torch.sigmoid(G)
        B = params[3 * self.blocksize:].reshape(self.width, 1, 1)
        return [W, B, U]

class CNF(nn.Module):
    def __init__(self, in_out_dim, hidden_dim, width):
        super().__init__()
        self.in_out_dim = in_out_dim
        self.width = width
        self.hyper_net = HyperNetwork(in_out_dim, hidden_dim, width)

    def forward(self, t, states):
        z = states[0]
        logp_z = states[1]
        batchsize = z.shape[0]
        with torch.set_grad_enabled(True):
            z.requires_grad_(True)
            W, B, U = self.hyper_net(t)
            Z = torch.unsqueeze(z, 0).repeat(self.width, 1, 1)
            h = torch.tanh(torch.matmul(Z, W) + B)
            dz_dt = torch.matmul(h, U).mean(0)
            dlogp_z_dt = -trace_df_dz(dz_dt, z).view(batchsize, 1)
        return (dz_dt, dlogp_z_dt)

func = CNF(in_out_dim=2, hidden_dim=8, width=4)
W, B, U = func.hyper_net(torch.tensor(0.5))
print(W.shape, B.shape, U.shape, U.grad_fn)
z = torch.randn(5, 2)
dz, dlogp = func(torch.tensor(0.0), (z, torch.zeros(5, 1)))
print(dz.shape, dlogp.shape, z.requires_grad, dlogp.grad_fn)

# %%
def rk4(func, t0, t1, state, steps=4):
    h = (t1 - t0) / steps
    t = t0
    for _ in range(steps):
        k1 = func(t, state)
        k2 = func(t + h / 2, tuple(s + h / 2 * k for s, k in zip(state, k1)))
        k3 = func(t + h / 2, tuple(s + h / 2 * k for s, k in zip(state, k2)))
        k4 = func(t + h, tuple(s + h * k for s, k in zip(state, k3)))
        state = tuple(s + h / 6 * (a + 2 * b + 2 * c + d) for s, a, b, c, d in zip(state, k1, k2, k3, k4))
        t = t + h
    return state

def get_batch(num_samples):
    n = num_samples // 2
    outer = np.linspace(0, np.pi, n)
    x = np.concatenate([np.stack([np.cos(outer), np.sin(outer)], 1),
                        np.stack([1 - np.cos(outer), 1 - np.sin(outer) - 0.5], 1)])
    x = x + np.random.RandomState(0).normal(scale=0.1, size=x.shape)
    x = torch.tensor(x).type(torch.float32)
    logp_diff_t1 = torch.zeros(num_samples, 1).type(torch.float32)
    return (x, logp_diff_t1)

x, logp_diff_t1 = get_batch(16)
print(x.shape, x.dtype, x[:2])
p_z0 = torch.distributions.MultivariateNormal(loc=torch.tensor([0.0, 0.0]), covariance_matrix=torch.tensor([[0.1, 0.0], [0.0, 0.1]]))
print(p_z0)
t0, t1 = torch.tensor(0.), torch.tensor(1.)

# %%
torch.manual_seed(0)
optimizer = torch.optim.Adam(func.parameters(), lr=1e-2)
for itr in range(4):
    optimizer.zero_grad()
    z_t0, logp_diff_t0 = rk4(func, t1, t0, (x, logp_diff_t1), steps=3)
    logp_x = p_z0.log_prob(z_t0).to(torch.float32) - logp_diff_t0.view(-1)
    loss = -logp_x.mean(0)
    loss.backward()
    optimizer.step()
    print(itr, round(loss.item(), 4), z_t0.shape, logp_diff_t0.shape, round(func.hyper_net.fc3.bias.grad.norm().item(), 4))
bits_per_dim = loss / (2 * math.log(2))
print(f"bits/dim {bits_per_dim.item():.3f}", bits_per_dim.grad_fn)

# %%
torch.manual_seed(2)
f = nn.Sequential(nn.Linear(3, 16), nn.Softplus(), nn.Linear(16, 3))
z = torch.randn(200, 3, requires_grad=True)
out = f(z)
exact = trace_df_dz(out, z)
eps_g = torch.randn_like(z)
eps_r = torch.randint(low=0, high=2, size=z.shape).to(z) * 2 - 1
est = []
for eps in (eps_g, eps_r):
    e_dzdx = torch.autograd.grad(out, z, eps, create_graph=True)[0]
    est.append((e_dzdx * eps).sum(dim=1))
print(exact.shape, eps_r.dtype, eps_r.unique())
print(exact.mean(), est[0].mean(), est[1].mean())
print((est[1] - exact).abs().mean() < (est[0] - exact).abs().mean())
J = jacobian(lambda v: f(v), z[0].detach())
print(J.shape, torch.trace(J), exact[0])
Jb = jacobian(f, z[:2].detach())
print(Jb.shape, torch.einsum("bibi->b", Jb))
Jv = jacobian(f, z[:2].detach(), vectorize=True)
print(torch.allclose(Jv, Jb), Jv.requires_grad)
Jf = jacobian(f, z[0].detach(), strategy="forward-mode", vectorize=True)
print(torch.allclose(Jf, J, atol=1e-6))
try:
    jacobian(f, z[0].detach(), strategy="forward-mode")
except Exception as e:
    print(type(e).__name__, e)
try:
    jacobian(f, z[0].detach(), strategy="sideways")
except Exception as e:
    print(type(e).__name__, e)

# %%
from torch.func import jacrev, vmap
tr = vmap(lambda v: torch.trace(jacrev(f)(v)))(z[:4].detach())
print(tr, exact[:4])
Jc = jacobian(f, z[0].detach(), create_graph=True)
print(Jc.requires_grad, Jc.grad_fn is not None)
g = torch.autograd.grad(torch.trace(Jc), f[0].weight)[0]
print(g.shape, g.abs().sum() > 0)

# %%
class ODEAdjoint(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z0, t0, t1, n_steps, func, *params):
        h = (t1 - t0) / n_steps
        z = z0
        with torch.no_grad():
            for _ in range(n_steps):
                z = z + h * func(z)
        ctx.save_for_backward(z, *params)
        ctx.func, ctx.h, ctx.n_steps = func, h, n_steps
        return z

    @staticmethod
    def backward(ctx, grad_out):
        z, *params = ctx.saved_tensors
        a = grad_out
        grads = [torch.zeros_like(p) for p in params]
        for _ in range(ctx.n_steps):
            with torch.enable_grad():
                zz = z.detach().requires_grad_(True)
                fz = ctx.func(zz)
                vjp = torch.autograd.grad(fz, (zz, *params), a, allow_unused=True)
            z = z - ctx.h * fz.detach()
            a = a + ctx.h * vjp[0]
            grads = [g + ctx.h * (v if v is not None else 0) for g, v in zip(grads, vjp[1:])]
        return (a, None, None, None, None, *grads)

torch.manual_seed(3)
ode_f = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2))
z0 = torch.randn(4, 2, requires_grad=True)
zT = ODEAdjoint.apply(z0, 0.0, 1.0, 20, ode_f, *ode_f.parameters())
print(zT.grad_fn, zT.shape, zT.requires_grad)
zT.pow(2).sum().backward()
adj_grad = z0.grad.clone()
w_grad = ode_f[0].weight.grad.clone()
z0.grad = None
ode_f.zero_grad()
z = z0
for _ in range(20):
    z = z + 0.05 * ode_f(z)
z.pow(2).sum().backward()
print(adj_grad[0], z0.grad[0])
print((adj_grad - z0.grad).abs().max() < 0.05, (w_grad - ode_f[0].weight.grad).abs().max() < 0.05)
print(ode_f[0].weight.grad is None, type(ODEAdjoint.apply))
