# Imitates the planar / radial flow tutorials after Rezende & Mohamed (2015) (Eric Jang's "Normalizing Flows" blog
# post ported to PyTorch, the "variational inference with normalizing flows" notebooks on the U1..U4 2-d energies):
# a planar flow with the u_hat invertibility fix via F.softplus, psi and log|1 + u^T psi|, radial flows, a stack
# trained by reverse KL from a MultivariateNormal base, and the exact log-det through
# torch.autograd.functional.jacobian and torch.linalg.slogdet / torch.logdet / torch.det (signs, singular maps).
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd.functional import jacobian
torch.manual_seed(0)

def w1(z):
    return torch.sin(2 * math.pi * z[:, 0] / 4)

def U1(z):
    z_norm = torch.norm(z, p=2, dim=1)
    exp1 = torch.exp(-0.5 * ((z[:, 0] - 2) / 0.6) ** 2)
    exp2 = torch.exp(-0.5 * ((z[:, 0] + 2) / 0.6) ** 2)
    return 0.5 * ((z_norm - 2) / 0.4) ** 2 - torch.log(exp1 + exp2)

def U2(z):
    return 0.5 * ((z[:, 1] - w1(z)) / 0.4) ** 2

grid = torch.stack(torch.meshgrid(torch.linspace(-4, 4, 5), torch.linspace(-4, 4, 5), indexing="xy"), -1).reshape(-1, 2)
print(grid.shape, grid[:3])
print(U1(grid).view(5, 5))
print(torch.exp(-U2(grid)).view(5, 5).sum(), U2(grid).argmin())

# %%
class PlanarFlow(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.w = nn.Parameter(torch.randn(1, dim) * 0.1)
        self.u = nn.Parameter(torch.randn(1, dim) * 0.1)
        self.b = nn.Parameter(torch.zeros(1))

    def u_hat(self):
        wtu = (self.w @ self.u.t()).squeeze()
        m_wtu = -1 + F.softplus(wtu)
        return self.u + (m_wtu - wtu) * self.w / torch.sum(self.w ** 2)

    def forward(self, z):
        u = self.u_hat()
        lin = z @ self.w.t() + self.b
        f_z = z + u * torch.tanh(lin)
        psi = (1 - torch.tanh(lin) ** 2) * self.w
        det = 1 + psi @ u.t()
        log_det = torch.log(torch.abs(det) + 1e-8).squeeze(-1)
        return f_z, log_det

class RadialFlow(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.z0 = nn.Parameter(torch.randn(dim) * 0.1)
        self.log_alpha = nn.Parameter(torch.zeros(1))
        self.beta = nn.Parameter(torch.zeros(1))
        self.d = dim

    def forward(self, z):
        alpha = torch.exp(self.log_alpha)
        beta = -alpha + F.softplus(self.beta)
        diff = z - self.z0
        r = diff.norm(dim=-1, keepdim=True)
        h = 1 / (alpha + r)
        f_z = z + beta * h * diff
        h_prime = -h ** 2
        log_det = (self.d - 1) * torch.log1p(beta * h) + torch.log1p(beta * h + beta * h_prime * r)
        return f_z, log_det.squeeze(-1)

pf = PlanarFlow(2)
z = torch.randn(4, 2)
fz, ld = pf(z)
print(fz.shape, ld.shape, ld)
print((pf.w @ pf.u_hat().t()).item() >= -1)
rf = RadialFlow(2)
fz2, ld2 = rf(z)
print(fz2.shape, ld2)

# %%
for name, flow in [("planar", pf), ("radial", rf)]:
    exact = []
    for i in range(z.shape[0]):
        J = jacobian(lambda x: flow(x.unsqueeze(0))[0].squeeze(0), z[i])
        sign, logabsdet = torch.linalg.slogdet(J)
        exact.append(logabsdet)
    exact = torch.stack(exact)
    print(name, J.shape, sign, torch.allclose(exact, flow(z)[1].detach(), atol=1e-5))
print(torch.linalg.slogdet(J))
print(torch.slogdet(J), torch.logdet(J), torch.det(J))

# %%
A = torch.tensor([[0., 1.], [1., 0.]])
S = torch.tensor([[1., 2.], [2., 4.]])
print(torch.linalg.slogdet(A), torch.logdet(A), torch.det(A))
print(torch.linalg.slogdet(S), torch.logdet(S), torch.det(S))
B = torch.stack([torch.eye(2), A, 2 * torch.eye(2)])
res = torch.linalg.slogdet(B)
print(res.sign, res.logabsdet, type(res).__name__)
sign, lad = res
print(sign.dtype, lad.dtype)
try:
    torch.linalg.slogdet(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.logdet(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.slogdet(torch.eye(2, dtype=torch.int64))
except Exception as e:
    print(type(e).__name__, e)

# %%
M = torch.tensor([[2., 1.], [0.5, 3.]], requires_grad=True)
torch.logdet(M).backward()
print(M.grad, torch.linalg.inv(M).t())
M.grad = None
torch.linalg.slogdet(M).logabsdet.backward()
print(M.grad)
M.grad = None
torch.det(M).backward()
print(M.grad)
N = torch.tensor([[-2., 1.], [0.5, 3.]], requires_grad=True)
print(torch.logdet(N), torch.linalg.slogdet(N))
out = torch.linalg.slogdet(N)
print(out.logabsdet.grad_fn, out.sign.grad_fn, out.sign.requires_grad)

# %%
torch.manual_seed(1)
base = torch.distributions.MultivariateNormal(torch.zeros(2), torch.eye(2))
print(base, base.batch_shape, base.event_shape)
flows = nn.ModuleList([PlanarFlow(2) for _ in range(4)])
opt = torch.optim.Adam(flows.parameters(), lr=1e-2)
for it in range(30):
    z0 = base.rsample((64,))
    log_q0 = base.log_prob(z0)
    zk, sum_ld = z0, torch.zeros(64)
    for f in flows:
        zk, ld = f(zk)
        sum_ld = sum_ld + ld
    log_qk = log_q0 - sum_ld
    loss = (log_qk + U2(zk)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, round(loss.item(), 3), z0.requires_grad, log_q0.grad_fn)
print(flows[0].w.grad, flows[0].b.grad)

# %%
x = base.sample((3,))
print(base.log_prob(x), base.entropy(), base.mean, base.variance)
print(base.scale_tril, base.precision_matrix)
try:
    base.log_prob(torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.distributions.MultivariateNormal(torch.zeros(2), torch.tensor([[1., 2.], [2., 1.]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.distributions.MultivariateNormal(torch.zeros(3), torch.eye(2))
except Exception as e:
    print(type(e).__name__, e)
b2 = torch.distributions.MultivariateNormal(torch.zeros(4, 2), scale_tril=torch.eye(2) * 2)
print(b2, b2.batch_shape, b2.log_prob(torch.zeros(2)), b2.rsample((5,)).shape)
