# Imitates the Stein variational gradient descent notebooks of probabilistic-ML courses (Liu & Wang's SVGD written in
# plain PyTorch): particles pushed toward a 2-D Gaussian mixture, an RBF kernel over the particles whose bandwidth
# comes from the median heuristic (torch.cdist, torch.median, torch.quantile), the kernel's gradient taken with
# autograd, the repulsive term summed over a dimension, and the pitfalls: torch.median of an even number of distances
# returns the lower of the two middle values (numpy averages them), median over a dim returns (values, indices), the
# gradient of a median shared among tied values, and the kernelised Stein discrepancy, whose second derivatives of a
# torch.cdist kernel PyTorch does not implement (the distances are written out by broadcasting instead).
import math
import numpy as np
import torch
from torch.distributions import Normal, Categorical, MixtureSameFamily, Independent

torch.manual_seed(0)
mix = MixtureSameFamily(Categorical(torch.tensor([0.5, 0.5])),
                        Independent(Normal(torch.tensor([[-2.0, 0.0], [2.0, 0.0]]), torch.ones(2, 2)), 1))
x = torch.randn(6, 2)
print(x)


def score(x):
    x = x.detach().requires_grad_()
    logp = mix.log_prob(x)
    return torch.autograd.grad(logp.sum(), x)[0]


print(score(x))

# %%
d = torch.cdist(x, x)
print(d)
print(d.shape, d.diagonal())
sq = d ** 2
print(torch.median(sq), sq.median().item())

# %%
v = torch.tensor([4.0, 1.0, 3.0, 2.0])
print(torch.median(v), np.median(v.numpy()), torch.quantile(v, 0.5), v.nanmedian())
print(torch.median(torch.tensor([[1.0, 5.0, 2.0, 8.0], [3.0, 3.0, 0.0, 1.0]]), dim=1))
vals, idx = torch.median(torch.tensor([[1.0, 5.0, 2.0, 8.0], [3.0, 3.0, 0.0, 1.0]]), 0)
print(vals, idx)
print(torch.tensor([3, 1, 2, 4]).median(), torch.tensor([2.0, float('nan'), 1.0]).median())
print(torch.quantile(v, torch.tensor([0.25, 0.5, 0.75])), torch.quantile(v, 0.5, interpolation='lower'))
try:
    torch.quantile(v, 1.5)
except RuntimeError as e:
    print(e)
try:
    torch.quantile(torch.tensor([1, 2, 3]), 0.5)
except RuntimeError as e:
    print(e)

# %%
def rbf_kernel(x, h=None):
    sq = torch.cdist(x, x) ** 2
    if h is None:
        med = torch.median(sq.detach())
        h = med / math.log(x.shape[0] + 1)
    return torch.exp(-sq / h), h


K, h = rbf_kernel(x)
print(h, K.diagonal(), K.sum(1))

# %%
def svgd_direction(x):
    xg = x.detach().requires_grad_(True)
    K, h = rbf_kernel(xg)
    grad_K = torch.autograd.grad(K.sum(), xg)[0]
    attract = K.detach() @ score(x)
    repulsive = -grad_K
    return (attract + repulsive) / x.shape[0], h


phi, h = svgd_direction(x)
print(phi, h)

# explicit repulsive term by broadcasting
diff = x[:, None, :] - x[None, :, :]
K, h = rbf_kernel(x)
rep = (2.0 / h) * (K[:, :, None] * diff).sum(dim=1)
print(rep)
print(torch.allclose(rep, svgd_direction(x)[0] * x.shape[0] - K @ score(x), atol=1e-5))

# %%
torch.manual_seed(1)
particles = torch.randn(8, 2) * 0.5
for it in range(60):
    phi, h = svgd_direction(particles)
    particles = particles + 0.5 * phi
    if it % 20 == 0:
        print(it, f"h={h.item():.4f}", particles.mean(0), mix.log_prob(particles).mean())
print(particles.sort(dim=0).values[:, 0])
print((particles[:, 0] > 0).sum(), particles.requires_grad)

# %%
# a learner forgets the detach inside the kernel: the bandwidth gets a gradient path
xg = particles.clone().requires_grad_(True)
sq = torch.cdist(xg, xg) ** 2
med = sq.median()
print(med.grad_fn, med.requires_grad)
K = torch.exp(-sq / med)
g, = torch.autograd.grad(K.sum(), xg, retain_graph=True)
print(g.abs().max() > 0, g.shape)
# the median of a symmetric distance matrix is tied with its mirror image: its gradient is shared between them
gm, = torch.autograd.grad(med, xg)
print(gm)
v = torch.tensor([3.0, 1.0, 3.0, 2.0, 3.0], requires_grad=True)
v.median().backward()
print(v.grad)
v.grad = None
v.nanmedian().backward()
print(v.grad)
v.grad = None
v.median(dim=0).values.backward()
print(v.grad)
q = torch.quantile(sq.flatten(), 0.5)
print(q.grad_fn, torch.autograd.grad(q, xg)[0].abs().sum() > 0)

# %%
# kernelised Stein discrepancy: needs d^2 k / dx dy, i.e. a second derivative through the kernel
def ksd(x, h):
    x = x.detach().requires_grad_(True)
    s = score(x)
    K = torch.exp(-torch.cdist(x, x) ** 2 / h)
    gK, = torch.autograd.grad(K.sum(), x, create_graph=True)
    print(gK.grad_fn)
    trace = torch.autograd.grad(gK.sum(), x)[0]
    return trace


try:
    ksd(particles[:4], 1.0)
except NotImplementedError as e:
    print("NotImplementedError:", e)


def ksd_bcast(x, h):
    xi = x.detach().requires_grad_(True)
    diff = xi[:, None, :] - xi[None, :, :]
    K = torch.exp(-(diff ** 2).sum(-1) / h)
    gK, = torch.autograd.grad(K.sum(), xi, create_graph=True)
    second, = torch.autograd.grad((gK ** 2).sum(), xi)
    return K, second


K, second = ksd_bcast(particles[:4], 1.0)
print(K.diagonal(), second)
pp = particles[:4].clone().requires_grad_()
p = torch.pdist(pp)
gp, = torch.autograd.grad(p.sum(), pp, create_graph=True)
print(p.shape, gp.grad_fn)
try:
    gp.pow(2).sum().backward()
except NotImplementedError as e:
    print("NotImplementedError:", e)
