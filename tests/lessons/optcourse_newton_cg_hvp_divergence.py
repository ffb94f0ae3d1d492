# Imitates the second-order notebooks of an optimisation course taught with PyTorch autograd: Newton's method with
# torch.autograd.functional.hessian and torch.linalg.solve on a logistic-regression loss, conjugate gradient written
# by hand with Hessian-vector products (autograd.grad twice, and autograd.functional.hvp / vhp), truncated Newton-CG,
# and gradient descent on the Rosenbrock function with several step sizes, where the large ones diverge to inf / nan.
# Also the errors learners hit: the Hessian of a non-scalar function, grad of a gradient without create_graph.
import math
import torch
from torch.autograd.functional import hessian, hvp, vhp, jacobian

torch.manual_seed(0)

# %%
def rosen(x):
    return torch.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)

# gradient descent with several step sizes: the iterate is printed to full precision, big steps blow up
for lr in (1e-4, 1e-3, 2e-3, 5e-3, 1e-2):
    x = torch.tensor([-1.2, 1.0], requires_grad=True)
    hist = []
    for k in range(40):
        f = rosen(x)
        f.backward()
        with torch.no_grad():
            x -= lr * x.grad
        x.grad.zero_()
        hist.append(f.item())
    print(lr, hist[0], hist[9], hist[-1], x.detach().tolist(), torch.isfinite(x).all().item())
    print("   ", x, f)

# %%
# where it went: the first non-finite iterate
x = torch.tensor([-1.2, 1.0], requires_grad=True)
for k in range(30):
    f = rosen(x)
    f.backward()
    with torch.no_grad():
        x -= 0.01 * x.grad
    print(k, f.item(), x.grad.tolist(), x.detach().tolist())
    x.grad = None
    if not torch.isfinite(f):
        break
print(torch.tensor([float("inf"), -float("inf"), float("nan")]), x.grad)
print(torch.isnan(x), torch.isinf(x), torch.nan_to_num(x.detach()))

# %%
# Newton's method on the logistic-regression loss with the full Hessian
X = torch.randn(40, 3, dtype=torch.float64)
w_true = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)
y = (torch.sigmoid(X @ w_true) > torch.rand(40, dtype=torch.float64)).to(torch.float64)

def nll(w):
    z = X @ w
    return torch.nn.functional.binary_cross_entropy_with_logits(z, y) + 0.01 * w.dot(w)

w = torch.zeros(3, dtype=torch.float64)
for k in range(5):
    g = jacobian(nll, w)
    H = hessian(nll, w)
    step = torch.linalg.solve(H, g)
    w = w - step
    print(k, nll(w).item(), g.norm().item(), step.tolist())
print(H)
print(torch.linalg.eigvalsh(H), torch.linalg.cond(H))

# %%
# Hessian-vector products: grad twice, and the functional hvp / vhp
w = torch.tensor([0.3, -0.2, 0.1], dtype=torch.float64, requires_grad=True)
v = torch.tensor([1.0, 0.5, -1.0], dtype=torch.float64)
f = nll(w)
(g,) = torch.autograd.grad(f, w, create_graph=True)
(Hv,) = torch.autograd.grad(g, w, grad_outputs=v, retain_graph=True)
(Hv2,) = torch.autograd.grad(g @ v, w)
print(g, g.grad_fn.name())
print(Hv, Hv2, Hv.requires_grad)
print(hessian(nll, w.detach()) @ v)
val, hv = hvp(nll, w.detach(), v)
print(val, hv)
val, vh = vhp(nll, w.detach(), v)
print(vh, torch.allclose(hv, vh))

# %%
# conjugate gradient by hand on H p = -g, using only Hessian-vector products
def cg(hvp_fn, b, iters=10, tol=1e-10):
    x = torch.zeros_like(b)
    r = b.clone()
    p = r.clone()
    rs = r.dot(r)
    for i in range(iters):
        Ap = hvp_fn(p)
        alpha = rs / p.dot(Ap)
        x = x + alpha * p
        r = r - alpha * Ap
        rs_new = r.dot(r)
        print("   cg", i, rs_new.sqrt().item())
        if rs_new.sqrt() < tol:
            break
        p = r + (rs_new / rs) * p
        rs = rs_new
    return x

w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
for k in range(3):
    f = nll(w)
    (g,) = torch.autograd.grad(f, w, create_graph=True)
    Hp = lambda p: torch.autograd.grad(g, w, grad_outputs=p, retain_graph=True)[0]
    p = cg(Hp, -g.detach())
    with torch.no_grad():
        w += p
    print(k, f.item(), w.detach().tolist())

# %%
# Newton-CG on the 4-d Rosenbrock function in float32, with an Armijo fallback
x = torch.tensor([-1.2, 1.0, -1.2, 1.0], requires_grad=True)
for k in range(6):
    f = rosen(x)
    (g,) = torch.autograd.grad(f, x, create_graph=True)
    Hp = lambda p: torch.autograd.grad(g, x, grad_outputs=p, retain_graph=True)[0]
    p = cg(Hp, -g.detach(), iters=4, tol=1e-6)
    t = 1.0
    with torch.no_grad():
        while rosen(x + t * p) > f + 1e-4 * t * g.dot(p) and t > 1e-8:
            t /= 2
        x += t * p
    print(k, f.item(), t, x.detach().tolist())

# %%
# mistakes: the Hessian of a vector-valued function, differentiating a gradient that has no graph
try:
    hessian(lambda x: x ** 2, torch.tensor([1.0, 2.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    hessian(lambda x: (x ** 2).sum(), torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
x = torch.tensor([1.0, 2.0], requires_grad=True)
(g,) = torch.autograd.grad((x ** 3).sum(), x)
print(g, g.requires_grad)
try:
    torch.autograd.grad(g.sum(), x)
except RuntimeError as e:
    print(type(e).__name__, e)
(g,) = torch.autograd.grad((x ** 3).sum(), x, create_graph=True)
try:
    torch.autograd.grad(g, x)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    hvp(lambda x: (x ** 2).sum(), torch.tensor([1.0, 2.0]), torch.ones(3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve(torch.zeros(2, 2), torch.ones(2))
except RuntimeError as e:
    print(type(e).__name__, e)
print(hessian(lambda x: x.pow(3).sum(), torch.tensor([1.0, 2.0]), create_graph=False, strict=False))
try:
    hessian(lambda x: torch.tensor(3.0) + 0 * x.sum().detach(), torch.tensor([1.0, 2.0]), strict=True)
except RuntimeError as e:
    print(type(e).__name__, e)
