# Imitates the "tools" appendix of an optimisation course taught with PyTorch: torch.func.hessian / jacrev / grad
# and torch.autograd.functional.hessian with tuple inputs and vectorize=True, batched Hessian-vector products with
# is_grads_batched, the Lipschitz constant of a least-squares gradient from svdvals / eigvalsh, projection onto an
# l1 ball, iterative hard thresholding with topk, triangular solves and the deprecated torch.cholesky family,
# printing with high-precision print options.
import torch
import torch.nn.functional as F
from torch.autograd.functional import hessian

torch.manual_seed(0)
torch.set_printoptions(precision=10)

# %%
A = torch.randn(12, 5, dtype=torch.float64)
b = torch.randn(12, dtype=torch.float64)
def ls(x):
    return 0.5 * torch.sum((A @ x - b) ** 2)

x0 = torch.zeros(5, dtype=torch.float64)
H1 = hessian(ls, x0)
H2 = hessian(ls, x0, vectorize=True)
H3 = torch.func.hessian(ls)(x0)
print(H1[0], (H1 - H2).abs().max() < 1e-12, (H1 - H3).abs().max() < 1e-12)
print(torch.func.grad(ls)(x0))
print(torch.func.jacrev(torch.func.grad(ls))(x0).shape)
print(torch.linalg.svdvals(A)[0] ** 2, torch.linalg.eigvalsh(A.T @ A)[-1], torch.linalg.matrix_norm(A, 2) ** 2)

# %%
# Hessian with respect to two inputs: a tuple of tuples
def f2(u, v):
    return (u ** 2 * v).sum() + torch.sin(u).dot(v)

u = torch.tensor([0.5, -1.0])
v = torch.tensor([2.0, 3.0])
H = hessian(f2, (u, v))
print(type(H).__name__, len(H), type(H[0]).__name__)
for i in range(2):
    for j in range(2):
        print(i, j, H[i][j])
Hc = hessian(f2, (u, v), create_graph=True)
print(Hc[0][0].requires_grad, Hc[0][0].grad_fn)

# %%
# batched Hessian-vector products: the identity's rows at once give the Hessian
x = torch.tensor([0.1, -0.3, 0.2, 0.0, 0.5], dtype=torch.float64, requires_grad=True)
(g,) = torch.autograd.grad(ls(x) + (x ** 4).sum(), x, create_graph=True)
(Hb,) = torch.autograd.grad(g, x, grad_outputs=torch.eye(5, dtype=torch.float64), is_grads_batched=True)
print(Hb.diagonal())
print(torch.allclose(Hb, hessian(lambda t: ls(t) + (t ** 4).sum(), x.detach())))

# %%
# projection onto the l1 ball of radius z through the simplex projection of |v|
def proj_simplex(v, z=1.0):
    mu, _ = torch.sort(v, descending=True)
    cs = torch.cumsum(mu, 0) - z
    ind = torch.arange(1, v.numel() + 1, dtype=v.dtype)
    rho = (mu - cs / ind > 0).sum()
    theta = cs[rho - 1] / rho
    return F.relu(v - theta)

def proj_l1(v, z=1.0):
    if v.abs().sum() <= z:
        return v
    return torch.sign(v) * proj_simplex(v.abs(), z)

v = torch.tensor([0.8, -0.6, 0.1, -0.05, 0.3])
p = proj_l1(v)
print(p, p.abs().sum())
print(proj_l1(v, 2.5) is v, proj_l1(v * 0))
x = torch.zeros(5, dtype=torch.float64)
for k in range(5):
    x.requires_grad_(True)
    f = ls(x)
    (g,) = torch.autograd.grad(f, x)
    x = proj_l1(x.detach() - 0.05 * g, 1.0)
    print(k, f.item(), x)

# %%
# iterative hard thresholding: keep the s largest entries with topk
def hard_threshold(v, s):
    vals, idx = torch.topk(v.abs(), s)
    out = torch.zeros_like(v)
    out[idx] = v[idx]
    return out

x = torch.zeros(5, dtype=torch.float64)
for k in range(5):
    x.requires_grad_(True)
    f = ls(x)
    f.backward()
    x = hard_threshold(x.detach() - 0.05 * x.grad, 2)
    print(k, f.item(), x, torch.count_nonzero(x))
print(torch.topk(torch.tensor([1.0, -3.0, 3.0, 2.0]).abs(), 2))
print(F.hardshrink(torch.tensor([0.2, -0.7, 0.5, 1.0]), 0.5), F.softshrink(torch.tensor([0.2, -0.7, 0.5]), 0.5))

# %%
# the normal equations by triangular solves with the Cholesky factor, and the deprecated spellings
M = A.T @ A
Lf = torch.linalg.cholesky(M)
y = torch.linalg.solve_triangular(Lf, (A.T @ b).unsqueeze(-1), upper=False)
xs = torch.linalg.solve_triangular(Lf.mT, y, upper=True).squeeze(-1)
print(xs)
print(torch.linalg.lstsq(A, b).solution)
print(torch.cholesky_inverse(Lf)[0])
print(torch.dist(torch.cholesky_inverse(Lf), torch.linalg.inv(M)) < 1e-12)
torch.set_warn_always(True)
U = torch.cholesky(M, upper=True)
print(U[0], torch.allclose(U, Lf.mT))
sol, _ = torch.triangular_solve((A.T @ b).unsqueeze(-1), Lf, upper=False)
print(sol.squeeze(-1), torch.allclose(sol, y))
torch.set_warn_always(False)

# %%
# sci_mode and precision when the iterates blow up
torch.set_printoptions(precision=4, sci_mode=True)
print(torch.tensor([1e-8, 3.0, 2e10]), torch.tensor([float("inf"), 1.0, float("nan")]))
torch.set_printoptions(precision=4, sci_mode=False)
print(torch.tensor([1e-8, 3.0, 2e10]), torch.tensor([float("inf"), 1.0, float("nan")]))
torch.set_printoptions(profile="default")
print(torch.tensor([1e-8, 3.0, 2e10]), torch.tensor([123456789.0, 1.5]), torch.tensor([1e30, -1e-30, 0.0]))
