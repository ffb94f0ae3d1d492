# Imitates the constrained and non-smooth parts of an optimisation course with PyTorch autograd (notebooks on
# projected gradient descent onto a box, a ball and the probability simplex, proximal gradient / ISTA and FISTA
# for the lasso with soft-thresholding written with sign/relu and with F.softshrink, and subgradients at kinks).
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# %%
def project_box(x, lo, hi):
    return x.clamp(min=lo, max=hi)

def project_ball(x, r=1.0):
    n = x.norm()
    return x if n <= r else x * (r / n)

def project_simplex(v):
    # sort-based projection onto {x >= 0, sum x = 1}
    u, _ = torch.sort(v, descending=True)
    css = torch.cumsum(u, dim=0)
    k = torch.arange(1, len(v) + 1, dtype=v.dtype)
    cond = u - (css - 1) / k > 0
    rho = torch.nonzero(cond).max()
    theta = (css[rho] - 1) / (rho + 1)
    return torch.clamp(v - theta, min=0)

v = torch.tensor([0.9, -0.3, 0.6, 0.1])
print(project_box(v, 0.0, 0.5))
print(project_ball(v), project_ball(v).norm())
p = project_simplex(v)
print(p, p.sum())
print(project_box(v, torch.zeros(4), torch.tensor([1.0, 1.0, 0.2, 0.2])))

# %%
# projected gradient descent: least squares with x in [0, 1]^n
A = torch.randn(8, 3)
b = torch.randn(8)
x = torch.full((3,), 0.5, requires_grad=True)
L = torch.linalg.matrix_norm(A, ord=2) ** 2
print(L)
for k in range(40):
    loss = 0.5 * ((A @ x - b) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        x -= x.grad / L
        x.clamp_(0.0, 1.0)
    x.grad.zero_()
    if k % 10 == 0:
        print(k, round(loss.item(), 5), x.detach())
print(x)

# %%
# the same with an optimizer, projecting after every step through .data
w = torch.zeros(3, requires_grad=True)
opt = torch.optim.SGD([w], lr=(1 / L).item())
for k in range(40):
    opt.zero_grad()
    loss = 0.5 * ((A @ w - b) ** 2).sum()
    loss.backward()
    opt.step()
    w.data = project_simplex(w.data)
print(w, w.sum())

# %%
def soft_threshold(x, lam):
    return torch.sign(x) * torch.relu(x.abs() - lam)

z = torch.linspace(-2, 2, 9)
print(soft_threshold(z, 0.5))
print(F.softshrink(z, 0.5))
print(torch.equal(soft_threshold(z, 0.5), F.softshrink(z, 0.5)))
print(F.hardshrink(z, 0.5), torch.nn.Softshrink(0.75))

# %%
# ISTA and FISTA for the lasso: 0.5 |Ax - b|^2 + lam |x|_1
torch.manual_seed(1)
A = torch.randn(20, 10)
x_true = torch.zeros(10)
x_true[[1, 4, 7]] = torch.tensor([2.0, -1.5, 1.0])
b = A @ x_true + 0.05 * torch.randn(20)
lam = 1.0
L = torch.linalg.eigvalsh(A.T @ A).max()

def lasso_obj(x):
    return 0.5 * ((A @ x - b) ** 2).sum() + lam * x.abs().sum()

def smooth_grad(x):
    x = x.detach().requires_grad_(True)
    (g,) = torch.autograd.grad(0.5 * ((A @ x - b) ** 2).sum(), x)
    return g

x = torch.zeros(10)
for k in range(60):
    x = F.softshrink(x - smooth_grad(x) / L, (lam / L).item())
    if k % 20 == 0:
        print("ista", k, lasso_obj(x).item())
print(x)

x, y, t = torch.zeros(10), torch.zeros(10), 1.0
for k in range(60):
    x_new = soft_threshold(y - smooth_grad(y) / L, lam / L)
    t_new = (1 + (1 + 4 * t ** 2) ** 0.5) / 2
    y = x_new + (t - 1) / t_new * (x_new - x)
    x, t = x_new, t_new
    if k % 20 == 0:
        print("fista", k, lasso_obj(x).item())
print(x, (x != 0).sum(), torch.nonzero(x).flatten())

# %%
# subgradients autograd picks at kinks
x = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)
for name, fn in [("abs", torch.abs), ("relu", torch.relu), ("clamp", lambda t: t.clamp(0, 1)),
                 ("softshrink", lambda t: F.softshrink(t, 1.0)), ("hardshrink", lambda t: F.hardshrink(t, 1.0)),
                 ("max0", lambda t: torch.maximum(t, torch.zeros(3))), ("norm", lambda t: t.norm(p=1))]:
    x.grad = None
    y = fn(x)
    y.sum().backward()
    print(f"{name:10s}", y.detach(), x.grad, y.grad_fn)

# %%
# gradient of the l2 norm at zero, and of a clamp with tensor bounds
z = torch.zeros(3, requires_grad=True)
z.norm().backward()
print(z.grad)
lo = torch.tensor([0.0, -1.0, 0.5], requires_grad=True)
hi = torch.tensor([1.0, 0.0, 0.5], requires_grad=True)
t = torch.tensor([2.0, -3.0, 0.5], requires_grad=True)
out = torch.clamp(t, lo, hi)
out.sum().backward()
print(out, out.grad_fn, t.grad, lo.grad, hi.grad)
