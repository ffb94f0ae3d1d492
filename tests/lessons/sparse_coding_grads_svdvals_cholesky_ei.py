# Imitates the "check your gradients" cells of sparse-coding and Bayesian-optimisation tutorials in plain PyTorch:
# gradients and grad_fn names through svdvals / matrix_norm(ord=2) / nuclear norm step sizes, softshrink and
# hand-written soft thresholds at the kink, F.normalize and linalg.norm column normalisation, the batched
# cholesky / cholesky_solve GP posterior, Normal.cdf / log_prob expected improvement, and float64 gradcheck.
import math
import torch
import torch.nn.functional as F
from torch.distributions import Normal

torch.manual_seed(0)
A = torch.randn(6, 8, requires_grad=True)

# %%
s = torch.linalg.svdvals(A)
print(s, s.grad_fn)
s[0].backward()
print(A.grad.shape, A.grad.norm())
A.grad = None
n2 = torch.linalg.matrix_norm(A, ord=2)
print(n2, n2.grad_fn)
n2.backward()
print(A.grad.norm())
A.grad = None
nuc = torch.linalg.matrix_norm(A, ord='nuc')
nuc.backward()
print(nuc, nuc.grad_fn, A.grad.norm())
A.grad = None
for o in (1, -1, float('inf'), -2, 'fro'):
    print(o, torch.linalg.matrix_norm(A, ord=o))

# %%
z = torch.tensor([-1.0, -0.5, -0.2, 0.0, 0.2, 0.5, 1.0], dtype=torch.float64, requires_grad=True)
for lam in (0.0, 0.5):
    y = F.softshrink(z, lam)
    g, = torch.autograd.grad(y.sum(), z)
    y2 = torch.sign(z) * torch.clamp(torch.abs(z) - lam, min=0)
    g2, = torch.autograd.grad(y2.sum(), z)
    y3 = torch.sign(z) * F.relu(z.abs() - lam)
    g3, = torch.autograd.grad(y3.sum(), z)
    print(lam, y, g, g2, g3)
print(torch.autograd.gradcheck(lambda t: F.softshrink(t, 0.3), (torch.tensor([0.9, -0.7, 0.1], dtype=torch.float64, requires_grad=True),)))
th = torch.tensor(0.3, requires_grad=True)
out = torch.sign(z.detach()) * torch.clamp(z.detach().abs() - th, min=0)
out.sum().backward()
print(out.grad_fn, th.grad)

# %%
W = torch.randn(5, 3, requires_grad=True)
Wn = F.normalize(W, dim=0)
Wn[:, 0].sum().backward()
print(Wn.norm(dim=0), W.grad)
W.grad = None
Wn2 = W / torch.linalg.norm(W, dim=0, keepdim=True)
Wn2[:, 0].sum().backward()
print(W.grad, Wn2.grad_fn)
W.grad = None
Wz = torch.zeros(4, 2, requires_grad=True)
F.normalize(Wz, dim=0).sum().backward()
print(Wz.grad)
Wz.grad = None
(Wz / torch.linalg.norm(Wz, dim=0).clamp_min(1e-12)).sum().backward()
print(Wz.grad)

# %%
torch.manual_seed(1)
X = torch.rand(3, 5, 1, dtype=torch.float64)     # 3 batched GPs
y = torch.sin(6 * X).squeeze(-1)
K = torch.exp(-0.5 * torch.cdist(X, X) ** 2 / 0.2 ** 2) + 1e-4 * torch.eye(5, dtype=torch.float64)
K.requires_grad_(True)
torch.set_warn_always(True)
L = torch.cholesky(K)
a = torch.cholesky_solve(y.unsqueeze(-1), L)
print(L.shape, L.grad_fn, a.shape, a.grad_fn)
nll = 0.5 * (y.unsqueeze(-1) * a).sum() + L.diagonal(dim1=-2, dim2=-1).log().sum()
nll.backward()
print(nll, K.grad.shape, K.grad[0, :2, :2])
print(torch.cholesky_inverse(L[0]).grad_fn, torch.cholesky_solve(y.unsqueeze(-1), L[0], upper=False).shape)
torch.set_warn_always(False)

# %%
std = Normal(0.0, 1.0)
x = torch.linspace(-2, 2, 5, requires_grad=True)
mu, sd = 0.3 * x, 0.5 + x.abs() * 0.1
best = torch.tensor(0.1)
zz = (best - mu) / sd
ei = (best - mu) * std.cdf(zz) + sd * std.log_prob(zz).exp()
ei.sum().backward()
print(ei, x.grad)
print(std.cdf(zz).grad_fn, std.log_prob(zz).grad_fn, std.cdf(torch.tensor([-10.0, 10.0])))
print(std.log_prob(torch.tensor(0.0)).dtype, Normal(torch.tensor([0.0], dtype=torch.float64), 1.0).cdf(torch.tensor(0.5)))
print(std.entropy(), std.icdf(std.cdf(torch.tensor(1.2))), std.sample((2,)).shape, std.batch_shape, std.event_shape)
try:
    std.cdf(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cholesky(torch.ones(3, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cholesky_solve(torch.ones(2, 1), torch.eye(3))
except RuntimeError as e:
    print(type(e).__name__, e)
