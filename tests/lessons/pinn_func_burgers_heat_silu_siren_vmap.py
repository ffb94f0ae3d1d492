# Imitates the torch.func PINN notebooks for time-dependent equations (Burgers u_t + u u_x - nu u_xx = 0 and the heat
# equation u_t - k u_xx = 0) on SiLU and SIREN (sin) MLPs: a scalar network u(params, x, t) evaluated with
# functional_call, derivatives from grad / jacrev / jacfwd / hessian, vmapped over the collocation points with
# in_dims=(None, 0, 0), the residual loss trained with Adam, the residual's gradient w.r.t. the parameters (and the
# empirical NTK from per-point parameter Jacobians), and the errors learners hit.
import math
import torch
import torch.nn as nn
from torch.func import functional_call, grad, jacrev, jacfwd, hessian, vmap

torch.manual_seed(0)


class Sine(nn.Module):
    def __init__(self, w0=3.0):
        super().__init__()
        self.w0 = w0

    def forward(self, x):
        return torch.sin(self.w0 * x)


def mlp(act):
    return nn.Sequential(nn.Linear(2, 8), act, nn.Linear(8, 8), act, nn.Linear(8, 1))


net = mlp(nn.SiLU()).double()
params = {k: v.detach() for k, v in net.named_parameters()}


def u(params, x, t):
    return functional_call(net, params, (torch.stack([x, t]).unsqueeze(0),)).squeeze()


x = torch.linspace(-1, 1, 5, dtype=torch.float64)
t = torch.linspace(0, 1, 5, dtype=torch.float64)
print(u(params, x[0], t[0]), u(params, x[0], t[0]).shape)
print(vmap(u, in_dims=(None, 0, 0))(params, x, t))

# %%
# first and second derivatives at the points
u_x = vmap(grad(u, argnums=1), in_dims=(None, 0, 0))(params, x, t)
u_t = vmap(grad(u, argnums=2), in_dims=(None, 0, 0))(params, x, t)
u_xx = vmap(grad(grad(u, argnums=1), argnums=1), in_dims=(None, 0, 0))(params, x, t)
print(u_x)
print(u_t)
print(u_xx)
u_xx2 = vmap(jacfwd(jacrev(u, argnums=1), argnums=1), in_dims=(None, 0, 0))(params, x, t)
print(torch.allclose(u_xx, u_xx2), u_xx2.shape)

# %%
# the full (x, t) Hessian of u through a two-input wrapper
def u_xt(params, xt):
    return functional_call(net, params, (xt.unsqueeze(0),)).squeeze()


xt = torch.stack([x, t], dim=1)
H = vmap(hessian(u_xt, argnums=1), in_dims=(None, 0))(params, xt)
J = vmap(jacrev(u_xt, argnums=1), in_dims=(None, 0))(params, xt)
print(H.shape, J.shape)
print(H[1])
print(torch.allclose(H[:, 0, 0], u_xx), torch.allclose(J[:, 1], u_t), torch.allclose(H, H.transpose(1, 2)))

# %%
# Burgers residual u_t + u u_x - nu u_xx, with the initial and boundary terms, trained a few Adam steps
nu = 0.01 / math.pi


def residual(params, x, t):
    ux = grad(u, argnums=1)(params, x, t)
    ut = grad(u, argnums=2)(params, x, t)
    uxx = grad(grad(u, argnums=1), argnums=1)(params, x, t)
    return ut + u(params, x, t) * ux - nu * uxx


torch.manual_seed(1)
xc = torch.rand(16, dtype=torch.float64) * 2 - 1
tc = torch.rand(16, dtype=torch.float64)
x0 = torch.linspace(-1, 1, 8, dtype=torch.float64)
opt_params = {k: v.clone().requires_grad_() for k, v in params.items()}
opt = torch.optim.Adam(opt_params.values(), lr=1e-2)
for step in range(3):
    opt.zero_grad()
    r = vmap(residual, in_dims=(None, 0, 0))(opt_params, xc, tc)
    ic = vmap(u, in_dims=(None, 0, 0))(opt_params, x0, torch.zeros_like(x0)) + torch.sin(math.pi * x0)
    bc = vmap(u, in_dims=(None, 0, 0))(opt_params, torch.tensor([-1.0, 1.0], dtype=torch.float64),
                                        torch.tensor([0.5, 0.5], dtype=torch.float64))
    loss = r.pow(2).mean() + ic.pow(2).mean() + bc.pow(2).mean()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 10), r.grad_fn.name(), r.shape)
print(opt_params["0.bias"].grad)

# %%
# the loss's gradient w.r.t. the parameters with torch.func.grad instead of backward
def loss_fn(params):
    r = vmap(residual, in_dims=(None, 0, 0))(params, xc, tc)
    return r.pow(2).mean()


g = grad(loss_fn)(params)
print(sorted(g), g["4.bias"])
print(torch.allclose(g["0.weight"], torch.autograd.grad(loss_fn(opt_params), opt_params["0.weight"])[0]) is not None)

# %%
# the empirical NTK of the residual: per-point Jacobians w.r.t. the parameters, contracted
jac = vmap(jacrev(residual), in_dims=(None, 0, 0))(params, xc[:4], tc[:4])
print({k: tuple(v.shape) for k, v in jac.items()})
flat = torch.cat([v.reshape(4, -1) for v in jac.values()], dim=1)
K = flat @ flat.T
print(K.shape, torch.allclose(K, K.T), torch.linalg.eigvalsh(K)[-1] > 0)

# %%
# heat equation u_t = k u_xx on a SIREN (sin) network, float32
torch.manual_seed(2)
net = mlp(Sine()).float()
params = {k: v.detach() for k, v in net.named_parameters()}
xs = torch.rand(6) * 2 - 1
ts = torch.rand(6)
ut = vmap(grad(u, argnums=2), in_dims=(None, 0, 0))(params, xs, ts)
uxx = vmap(jacfwd(grad(u, argnums=1), argnums=1), in_dims=(None, 0, 0))(params, xs, ts)
res = ut - 0.1 * uxx
print(res.dtype, res)
print(vmap(hessian(u, argnums=(1, 2)), in_dims=(None, 0, 0))(params, xs[:2], ts[:2]))

# %%
# errors learners meet
try:
    grad(lambda p, x, t: functional_call(net, p, (torch.stack([x, t]).unsqueeze(0),)), argnums=1)(params, xs[0], ts[0])
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vmap(u, in_dims=(None, 0, 0))(params, xs, ts[:3])
except ValueError as e:
    print(type(e).__name__, e)
try:
    grad(u, argnums=3)(params, xs[0], ts[0])
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vmap(grad(u, argnums=1), in_dims=(0, 0, 0))(params, xs, ts)
except ValueError as e:
    print(type(e).__name__, str(e)[:140])
