# Imitates the "optimisation over the simplex and splitting methods" notebooks of an optimisation course taught with
# PyTorch autograd: Euclidean projection onto the probability simplex by sort / cumsum / a threshold, projected
# gradient descent with clamp_ box constraints, mirror descent (exponentiated gradient) with softmax weights,
# Frank-Wolfe whose vertex is picked with argmin, and ADMM for the lasso with torch.linalg.cholesky /
# torch.cholesky_solve, all printing iterates and objectives to full precision.
import torch

torch.manual_seed(0)
torch.set_printoptions(precision=8)

# %%
def project_simplex(v):
    """Euclidean projection of v onto {x >= 0, sum x = 1} (Duchi et al. 2008)."""
    u, _ = torch.sort(v, descending=True)
    css = torch.cumsum(u, dim=0)
    k = torch.arange(1, v.numel() + 1, dtype=v.dtype)
    cond = u - (css - 1) / k > 0
    rho = torch.nonzero(cond)[-1]
    theta = (css[rho] - 1) / (rho + 1)
    return torch.clamp(v - theta, min=0)

v = torch.tensor([0.9, -0.3, 0.6, 0.2, 1.4])
p = project_simplex(v)
print(p, p.sum().item(), p.dtype)
print(torch.sort(v, descending=True))
print(torch.cumsum(torch.sort(v, descending=True).values, 0))
print(project_simplex(torch.tensor([0.2, 0.3, 0.5])))
print(project_simplex(torch.randn(6, dtype=torch.float64)))

# %%
# projected gradient descent on a least-squares objective over the simplex
A = torch.randn(8, 5)
b = torch.randn(8)
x = torch.full((5,), 0.2, requires_grad=True)
L = torch.linalg.matrix_norm(A, ord=2) ** 2
print("L =", L.item())
for it in range(6):
    f = 0.5 * ((A @ x - b) ** 2).sum()
    f.backward()
    with torch.no_grad():
        x.copy_(project_simplex(x - x.grad / L))
    x.grad.zero_()
    print(it, f.item(), x.detach().tolist())
print(x, x.grad_fn, x.requires_grad)

# %%
# box constraints with clamp_ in place, lower and upper bounds given as tensors
lo = torch.tensor([-0.5, 0.0, -1.0, 0.1, -0.2])
hi = torch.tensor([0.5, 0.3, 1.0, 0.4, 0.2])
x = torch.zeros(5, requires_grad=True)
for it in range(5):
    f = 0.5 * ((A @ x - b) ** 2).sum()
    f.backward()
    with torch.no_grad():
        x -= x.grad / L
        x.clamp_(lo, hi)
        x.grad.zero_()
    print(it, f.item(), x.detach())
with torch.no_grad():
    y = x.clone().clamp_(min=0.0)
print(y, x._version)
try:
    x.clamp_(lo, hi)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# mirror descent with the entropy mirror map: exponentiated gradient, weights kept as softmax of logits
c = torch.tensor([0.3, -0.1, 0.7, 0.2, -0.4])
Q = torch.eye(5) + 0.1 * torch.ones(5, 5)
def obj(w):
    return c @ w + 0.5 * w @ Q @ w

w = torch.full((5,), 1 / 5, requires_grad=True)
eta = 0.5
for it in range(5):
    f = obj(w)
    (g,) = torch.autograd.grad(f, w)
    with torch.no_grad():
        w_new = w * torch.exp(-eta * g)
        w_new /= w_new.sum()
        w.copy_(w_new)
    print(it, f.item(), w.detach().numpy().round(6).tolist())

theta = torch.zeros(5, requires_grad=True)
opt = torch.optim.SGD([theta], lr=eta)
for it in range(5):
    opt.zero_grad()
    wt = torch.softmax(theta, dim=0)
    f = obj(wt)
    f.backward()
    opt.step()
    print(it, f.item(), theta.grad)
print(wt, wt.grad_fn, wt.sum())
print(torch.log_softmax(theta, 0).exp())

# %%
# Frank-Wolfe on the simplex: the linear minimiser is the vertex at argmin of the gradient
x = torch.full((5,), 1 / 5, requires_grad=True)
for k in range(6):
    f = obj(x)
    f.backward()
    with torch.no_grad():
        i = torch.argmin(x.grad)
        s = torch.zeros_like(x)
        s[i] = 1.0
        gap = (x.grad * (x - s)).sum()
        gamma = 2 / (k + 2)
        x.mul_(1 - gamma).add_(s, alpha=gamma)
    print(k, i, i.item(), f.item(), gap.item(), x.detach())
    x.grad = None
print(torch.argmin(torch.tensor([[3.0, 1.0], [1.0, 0.5]])), torch.argmin(torch.tensor([[3.0, 1.0], [1.0, 0.5]]), dim=1))
print(torch.argmin(torch.tensor([2.0, 1.0, 1.0, 4.0])), torch.argmin(torch.tensor([1.0, float("nan"), 0.0])))

# %%
# ADMM for the lasso: x-update by a cached Cholesky factor, z-update by soft-thresholding, scaled dual u
torch.manual_seed(1)
A = torch.randn(20, 6, dtype=torch.float64)
x_true = torch.tensor([1.5, 0.0, 0.0, -2.0, 0.0, 0.5], dtype=torch.float64)
b = A @ x_true + 0.05 * torch.randn(20, dtype=torch.float64)
lam, rho = 1.0, 2.0
Lc = torch.linalg.cholesky(A.T @ A + rho * torch.eye(6, dtype=torch.float64))
print(Lc)
Atb = A.T @ b
soft = lambda v, t: torch.sign(v) * torch.clamp(v.abs() - t, min=0)
z = torch.zeros(6, dtype=torch.float64)
u = torch.zeros(6, dtype=torch.float64)
for k in range(8):
    q = (Atb + rho * (z - u)).unsqueeze(1)
    x = torch.cholesky_solve(q, Lc).squeeze(1)
    z_old = z
    z = soft(x + u, lam / rho)
    u = u + x - z
    r = torch.linalg.norm(x - z)
    s = rho * torch.linalg.norm(z - z_old)
    obj_val = 0.5 * torch.sum((A @ z - b) ** 2) + lam * z.abs().sum()
    print(k, obj_val.item(), r.item(), s.item())
print(z)
print(torch.cholesky_solve(q, Lc, upper=False).shape, torch.linalg.cholesky(Lc @ Lc.T, upper=True).diagonal())

# %%
# the mistakes: a matrix that is not positive-definite, and a right-hand side given as a vector
try:
    torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.cholesky_solve(Atb, Lc)
except RuntimeError as e:
    print(type(e).__name__, e)
L2, info = torch.linalg.cholesky_ex(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
print(L2, info)
