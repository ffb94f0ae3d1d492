# Imitates the PINN notebooks that take derivatives with torch.autograd.functional (jacobian, hessian, vjp, hvp) and
# with torch.func (grad, vmap, jacrev, jacfwd, hessian, functional_call): the Laplacian of a small tanh network
# u(x, y) for a Poisson residual, per-point derivatives with vmap instead of grad_outputs=ones_like, the two ways
# compared, and the errors learners meet (a function returning a non-scalar to grad, a missing in_dims).
import torch
import torch.nn as nn
from torch.autograd.functional import jacobian, hessian, vjp, hvp
from torch.func import functional_call, grad, vmap, jacrev, jacfwd
import torch.func

# %%
torch.manual_seed(3)
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
p = torch.tensor([0.3, -0.7])
def u_fn(xy):
    return model(xy).squeeze(-1)
print(u_fn(p))
J = jacobian(u_fn, p)
H = hessian(u_fn, p)
print(J)
print(H)
print(torch.trace(H), torch.allclose(H, H.T))

# %%
pts = torch.tensor([[0.0, 0.0], [0.5, -0.5], [1.0, 0.25]])
J_all = jacobian(u_fn, pts)
print(J_all.shape)
print(J_all)
J_vec = jacobian(u_fn, pts, vectorize=True)
print(torch.allclose(J_all, J_vec))
J_fwd = jacobian(u_fn, pts, vectorize=True, strategy="forward-mode")
print(torch.allclose(J_all, J_fwd))

# %%
jacobian(u_fn, pts, strategy="forward-mode")

# %%
H_cg = hessian(lambda z: u_fn(z), p, create_graph=True)
print(H_cg.requires_grad, H_cg.grad_fn)
out, v = vjp(u_fn, pts, torch.ones(3))
print(out, v)
val, hv = hvp(u_fn, p, torch.tensor([1.0, 0.0]))
print(val, hv)

# %%
params = {k: v.detach() for k, v in model.named_parameters()}
u_single = lambda xy: functional_call(model, params, (xy,)).squeeze()
du = grad(u_single)(p)
print(du)
lap = torch.func.hessian(u_single)(p)
print(lap, torch.diagonal(lap).sum())
print(torch.allclose(lap, H), torch.allclose(du, J))

# %%
grad_batch = vmap(grad(u_single))(pts)
print(grad_batch)
lap_batch = vmap(lambda z: torch.trace(torch.func.hessian(u_single)(z)))(pts)
print(lap_batch)
xy = pts.clone().requires_grad_(True)
uu = model(xy)
g1 = torch.autograd.grad(uu, xy, torch.ones_like(uu), create_graph=True)[0]
uxx = torch.autograd.grad(g1[:, 0], xy, torch.ones_like(g1[:, 0]), retain_graph=True)[0][:, 0]
uyy = torch.autograd.grad(g1[:, 1], xy, torch.ones_like(g1[:, 1]))[0][:, 1]
print(torch.allclose(g1, grad_batch), torch.allclose(uxx + uyy, lap_batch, atol=1e-6))
print((uxx + uyy - lap_batch).abs().max() < 1e-5)

# %%
print(jacrev(u_single)(p), jacfwd(u_single)(p))
print(vmap(jacrev(u_single))(pts).shape, vmap(jacfwd(jacrev(u_single)))(pts).shape)
print(jacfwd(jacrev(u_single))(p))

# %%
grad(u_fn)(pts)

# %%
grad(lambda z: model(z))(p)

# %%
vmap(lambda a, t: u_single(a) * t, in_dims=(0, 0))(pts, torch.ones(4))

# %%
vmap(lambda a, t: u_single(a) * t, in_dims=(0,))(pts, torch.ones(3))

# %%
vmap(u_single, in_dims=2)(pts)

# %%
def u_params(params, xy):
    return functional_call(model, params, (xy,)).squeeze()
def residual(params, xy):
    H = torch.func.hessian(u_params, argnums=1)(params, xy)
    return torch.trace(H) + 2.0
r = vmap(residual, in_dims=(None, 0))(params, pts)
print(r)
loss_fn = lambda params: vmap(residual, in_dims=(None, 0))(params, pts).pow(2).mean()
g = grad(loss_fn)(params)
print(sorted(g.keys()))
print(g["4.bias"], g["0.weight"].shape)

# %%
xy = pts.clone().requires_grad_(True)
uu = model(xy)
g1 = torch.autograd.grad(uu, xy, torch.ones_like(uu), create_graph=True)[0]
uxx = torch.autograd.grad(g1[:, 0], xy, torch.ones_like(g1[:, 0]), create_graph=True)[0][:, 0]
uyy = torch.autograd.grad(g1[:, 1], xy, torch.ones_like(g1[:, 1]), create_graph=True)[0][:, 1]
loss = (uxx + uyy + 2.0).pow(2).mean()
model.zero_grad()
loss.backward()
print(loss.item())
print(model[4].bias.grad, torch.allclose(model[2].bias.grad, g["2.bias"], atol=1e-6))
print(uxx.grad_fn, uyy.grad_fn)

# %%
torch.manual_seed(0)
small = nn.Sequential(nn.Linear(1, 4), nn.Tanh(), nn.Linear(4, 1)).double()
small_params = {k: v.detach() for k, v in small.named_parameters()}
f = lambda t: functional_call(small, small_params, t.reshape(1, 1)).reshape(())
ts = torch.linspace(0, 1, 4, dtype=torch.float64)
d1 = vmap(grad(f))(ts)
d2 = vmap(grad(grad(f)))(ts)
print(d1)
print(d2)
tt = ts.reshape(-1, 1).requires_grad_()
y = small(tt)
dy = torch.autograd.grad(y, tt, torch.ones_like(y), create_graph=True)[0]
d2y = torch.autograd.grad(dy, tt, torch.ones_like(dy))[0]
# (the residues themselves are rounding noise: vmap's batched products round as the processor's BLAS kernels do)
gap1, gap2 = (dy.squeeze() - d1).abs().max(), (d2y.squeeze() - d2).abs().max()
print(gap1 < 1e-12, gap2 < 1e-12, gap1.grad_fn.name(), gap2.dtype)
print(d1.requires_grad, d2.dtype)
