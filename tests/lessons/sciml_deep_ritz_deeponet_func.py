# Imitates the scientific-ML course notebooks beyond the plain PINN (the Deep Ritz method of E & Yu as re-implemented in
# PyTorch blog posts, Lu et al.'s DeepONet "antiderivative" example ported from DeepXDE, and the torch.func PINN
# notebooks): a residual Ritz block network with an energy loss by Monte Carlo on a disk, the Laplacian of a
# 2-D network from vmap(hessian) and from vmap(jacfwd(jacrev)) with functional_call, chunk_size, an ensemble of
# PINNs with stack_module_state, torch.func.grad(has_aux=True), and the DeepONet branch/trunk product with einsum.
import copy
import math
import torch
import torch.nn as nn
from torch.func import functional_call, grad, hessian, jacfwd, jacrev, stack_module_state, vmap

# %%
class RitzBlock(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc1 = nn.Linear(width, width)
        self.fc2 = nn.Linear(width, width)
    def forward(self, x):
        return x + torch.tanh(self.fc2(torch.tanh(self.fc1(x))))

class RitzNet(nn.Module):
    def __init__(self, width=16, depth=2):
        super().__init__()
        self.inp = nn.Linear(2, width)
        self.blocks = nn.Sequential(*[RitzBlock(width) for _ in range(depth)])
        self.out = nn.Linear(width, 1)
    def forward(self, x):
        return self.out(self.blocks(self.inp(x)))

torch.manual_seed(0)
ritz = RitzNet()
print(ritz.blocks)
print(sum(p.numel() for p in ritz.parameters() if p.requires_grad))

# %%
def sample_disk(n):
    r = torch.sqrt(torch.rand(n, 1))
    th = 2 * math.pi * torch.rand(n, 1)
    return torch.cat([r * torch.cos(th), r * torch.sin(th)], dim=1)
def sample_circle(n):
    th = 2 * math.pi * torch.rand(n, 1)
    return torch.cat([torch.cos(th), torch.sin(th)], dim=1)

torch.manual_seed(1)
opt = torch.optim.Adam(ritz.parameters(), lr=1e-3)
beta = 100.0
for step in range(30):
    x = sample_disk(128).requires_grad_()
    xb = sample_circle(32)
    u = ritz(x)
    du = torch.autograd.grad(u, x, grad_outputs=torch.ones_like(u), create_graph=True)[0]
    energy = (0.5 * torch.sum(du ** 2, dim=1, keepdim=True) - u).mean() * math.pi   # -lap u = 1
    loss = energy + beta * (ritz(xb) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(f"step {step:3d} energy {energy.item():+.5f} loss {loss.item():.5f}")
with torch.no_grad():
    center = ritz(torch.zeros(1, 2))
print(center, "exact 0.25")

# %%
params = {k: v.detach() for k, v in ritz.named_parameters()}
def u_single(p, x):
    return functional_call(ritz, p, (x.unsqueeze(0),)).squeeze()
pts = sample_disk(6)
H = vmap(hessian(u_single, argnums=1), in_dims=(None, 0))(params, pts)
lap1 = H.diagonal(dim1=-2, dim2=-1).sum(-1)
H2 = vmap(jacfwd(jacrev(u_single, argnums=1), argnums=1), in_dims=(None, 0), chunk_size=2)(params, pts)
print(H.shape, torch.allclose(H, H2, atol=1e-6))
print(lap1)
x = pts.clone().requires_grad_()
u = ritz(x)
g = torch.autograd.grad(u.sum(), x, create_graph=True)[0]
lap2 = sum(torch.autograd.grad(g[:, i].sum(), x, retain_graph=True)[0][:, i] for i in range(2))
print(torch.allclose(lap1, lap2, atol=1e-5), lap2.shape)

# %%
torch.manual_seed(2)
models = [nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1)) for _ in range(3)]
ens_params, ens_buffers = stack_module_state(models)
print({k: tuple(v.shape) for k, v in ens_params.items()}, ens_buffers)
base = copy.deepcopy(models[0]).to("meta")
def u_of(p, b, x):
    return functional_call(base, (p, b), (x,))
def u_xx_of(p, b, x):
    f = lambda s: u_of(p, b, s.reshape(1, 1)).squeeze()
    return vmap(grad(grad(f)))(x.squeeze(-1))
xs = torch.linspace(0, 1, 5).unsqueeze(1)
print(vmap(u_of, in_dims=(0, 0, None))(ens_params, ens_buffers, xs).shape)
uxx = vmap(u_xx_of, in_dims=(0, 0, None))(ens_params, ens_buffers, xs)
print(uxx.shape)
print(uxx)

# %%
def loss_with_aux(p, x):
    u = functional_call(models[0], p, (x,))
    return (u ** 2).mean(), u.detach()
p0 = dict(models[0].named_parameters())
g, aux = grad(loss_with_aux, has_aux=True)(p0, xs)
print(sorted(g), aux.shape, g["0.weight"].shape)
print(g["2.bias"])

# %%
class DeepONet(nn.Module):
    def __init__(self, m=10, p=8):
        super().__init__()
        self.branch = nn.Sequential(nn.Linear(m, 16), nn.Tanh(), nn.Linear(16, p))
        self.trunk = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, p), nn.Tanh())
        self.b0 = nn.Parameter(torch.zeros(1))
    def forward(self, u_sensors, y):
        b = self.branch(u_sensors)           # (batch, p)
        t = self.trunk(y)                    # (n_points, p)
        return torch.einsum("bp,np->bn", b, t) + self.b0

torch.manual_seed(3)
m = 10
sensors = torch.linspace(0, 1, m)
a = torch.randn(32, 3)
u_fun = a[:, :1] + a[:, 1:2] * torch.cos(2 * math.pi * sensors) + a[:, 2:] * torch.sin(2 * math.pi * sensors)
y = torch.linspace(0, 1, 12).unsqueeze(1)
# antiderivative G(u)(y) = int_0^y u
G = (a[:, :1] * y.T + a[:, 1:2] * torch.sin(2 * math.pi * y.T) / (2 * math.pi)
     + a[:, 2:] * (1 - torch.cos(2 * math.pi * y.T)) / (2 * math.pi))
onet = DeepONet(m)
print(onet(u_fun, y).shape, G.shape)
opt = torch.optim.Adam(onet.parameters(), lr=5e-3)
for it in range(80):
    opt.zero_grad()
    loss = nn.functional.mse_loss(onet(u_fun, y), G)
    loss.backward()
    opt.step()
    if it % 20 == 0:
        print(it, f"{loss.item():.5f}")
with torch.no_grad():
    pred = onet(u_fun, y)
print(f"{(torch.linalg.norm(pred - G) / torch.linalg.norm(G)).item():.4f}")
print(torch.linalg.norm(pred - G, dim=1).shape, torch.linalg.norm(pred - G, ord="fro"))

# %%
for bad in [lambda: vmap(hessian(u_single, argnums=1), in_dims=(None, 0), chunk_size=0)(params, pts),
            lambda: vmap(u_of, in_dims=(0, 0, 0))(ens_params, ens_buffers, xs),
            lambda: stack_module_state([models[0], nn.Linear(1, 8)]),
            lambda: torch.einsum("bp,np->bn", torch.ones(2, 3), torch.ones(4, 5)),
            lambda: grad(loss_with_aux)(p0, xs)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# the mistakes of learners who move a PINN to torch.func: autograd-style calls inside the transformed function
def u_scalar(z):
    return ritz(z.unsqueeze(0)).squeeze()
u_x = vmap(grad(u_scalar))(pts)
print(u_x.shape, u_x.grad_fn)
for bad in [lambda: vmap(lambda z: u_scalar(z.requires_grad_()))(pts),
            lambda: vmap(lambda z: u_scalar(z.detach().requires_grad_(True)))(pts),
            lambda: grad(lambda z: (u_scalar(z).backward(), u_scalar(z))[1])(pts[0]),
            lambda: jacrev(lambda z: torch.autograd.backward(ritz(z).sum()) or ritz(z))(pts),
            lambda: vmap(lambda z: torch.autograd.functional.jacobian(u_scalar, z))(pts),
            lambda: torch.autograd.functional.jacobian(lambda z: z.detach() * 2, pts[0], strict=True, vectorize=True),
            lambda: vmap(lambda H: torch.linalg.inv(H))(lap1),
            lambda: vmap(torch.mm)(pts, pts)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
ok = vmap(lambda z: u_scalar(z) + torch.zeros(2, requires_grad=True).sum())(pts)
print(ok.shape, ok.requires_grad)
