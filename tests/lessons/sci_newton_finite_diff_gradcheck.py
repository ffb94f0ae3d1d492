# Imitates numerical-methods notebooks that teach autograd next to finite differences: forward / central
# differences against autograd in float32 and float64 with step sizes around sqrt(eps) (torch.finfo), the error
# curve of the step size, torch.autograd.gradcheck / gradgradcheck on a custom function and their failure reports,
# Newton's method for roots (scalar and systems via torch.autograd.functional.jacobian and torch.linalg.solve) and
# for minima (hessian), and the mistakes: float32 finite differences, a singular Jacobian, gradcheck in float32.
import torch
from torch.autograd.functional import hessian, jacobian

# %%
for dt in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
    fi = torch.finfo(dt)
    print(dt, fi.eps, fi.tiny, fi.max, fi.resolution, fi.bits, fi.dtype)
print(torch.finfo(), torch.finfo(torch.float32).eps ** 0.5)
print(torch.iinfo(torch.int32), torch.iinfo(torch.int8).min, torch.iinfo(torch.uint8).max)

# %%
torch.finfo(torch.int32)

# %%
torch.iinfo(torch.float32)

# %%
print(torch.finfo(torch.complex64), torch.finfo(torch.float64).smallest_normal, torch.finfo(torch.half).min)
print(repr(torch.finfo(torch.float32)))

# %%
def f(x):
    return torch.sin(x) * torch.exp(-x ** 2)

x0 = 0.7
x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
f(x).backward()
exact = x.grad.item()
print(exact)
for h in (1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12):
    fwd = (f(torch.tensor(x0 + h, dtype=torch.float64)) - f(torch.tensor(x0, dtype=torch.float64))) / h
    cen = (f(torch.tensor(x0 + h, dtype=torch.float64)) - f(torch.tensor(x0 - h, dtype=torch.float64))) / (2 * h)
    print(f"{h:.0e} {abs(fwd.item() - exact):.3e} {abs(cen.item() - exact):.3e}")

# %%
# the same in float32: the error grows again below sqrt(eps)
x32 = torch.tensor(x0, requires_grad=True)
f(x32).backward()
for h in (1e-1, 1e-2, 1e-3, 1e-4, 1e-5):
    cen = (f(torch.tensor(x0 + h)) - f(torch.tensor(x0 - h))) / (2 * h)
    print(h, cen, (cen - x32.grad).abs())
eps = torch.finfo(torch.float32).eps
print(eps ** (1 / 3), torch.tensor(eps).sqrt(), torch.tensor(eps, dtype=torch.float64).pow(1 / 3))

# %%
# vectorised finite differences: a batch of steps, the gradient of a vector function
xs = torch.linspace(-1, 1, 5, dtype=torch.float64)
h = torch.logspace(-1, -9, 5, dtype=torch.float64)
print(h)
fd = (f(xs[:, None] + h) - f(xs[:, None] - h)) / (2 * h)
xr = xs.clone().requires_grad_()
ad = torch.autograd.grad(f(xr).sum(), xr)[0]
print((fd - ad[:, None]).abs().max(dim=0))

# %%
def fd_grad(fun, x, h=1e-6):
    g = torch.zeros_like(x)
    for i in range(x.numel()):
        e = torch.zeros_like(x)
        e.view(-1)[i] = h
        g.view(-1)[i] = (fun(x + e) - fun(x - e)) / (2 * h)
    return g

def rosen(v):
    return ((1 - v[:-1]) ** 2 + 100 * (v[1:] - v[:-1] ** 2) ** 2).sum()

v = torch.tensor([-1.2, 1.0, 0.5], dtype=torch.float64, requires_grad=True)
g_ad, = torch.autograd.grad(rosen(v), v)
g_fd = fd_grad(rosen, v.detach())
print(g_ad, g_fd, torch.allclose(g_ad, g_fd, rtol=1e-6), torch.testing.assert_close(g_ad, g_fd, rtol=1e-5, atol=1e-6))

# %%
torch.testing.assert_close(g_ad, g_fd.float())

# %%
torch.testing.assert_close(g_ad, g_fd + 1e-3)

# %%
torch.testing.assert_close(g_ad, g_fd[:2])

# %%
# gradcheck: float64 passes, float32 fails (or warns), a wrong backward fails
from torch.autograd import gradcheck, gradgradcheck
inp = torch.randn(4, dtype=torch.float64, requires_grad=True, generator=torch.Generator().manual_seed(0))
print(gradcheck(f, (inp,)), gradgradcheck(f, (inp,)))
print(gradcheck(rosen, (v,), eps=1e-6, atol=1e-4))

# %%
class BadSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 2
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * x

print(gradcheck(BadSquare.apply, (inp,), raise_exception=False))
gradcheck(BadSquare.apply, (inp,))

# %%
gradcheck(f, (inp.detach().float().requires_grad_(),))

# %%
gradcheck(f, (inp.detach(),))

# %%
# Newton's method for a root of a scalar function, with autograd for f'
def newton_scalar(fun, x, steps=6):
    for k in range(steps):
        x = x.detach().requires_grad_()
        y = fun(x)
        dy, = torch.autograd.grad(y, x)
        x = x - y / dy
        print(k, f"{x.item():.12f}", f"{y.item():.3e}")
    return x.detach()

root = newton_scalar(lambda t: t ** 3 - 2 * t - 5, torch.tensor(2.0, dtype=torch.float64))
print(root, root.dtype)

# %%
# a system F(x) = 0 with the Jacobian
def F(v):
    x, y = v
    return torch.stack([x ** 2 + y ** 2 - 4, torch.exp(x) + y - 1])

v = torch.tensor([1.0, -1.7], dtype=torch.float64)
for k in range(6):
    J = jacobian(F, v)
    step = torch.linalg.solve(J, -F(v))
    v = v + step
    print(k, v, torch.linalg.vector_norm(F(v)).item() < 1e-10)
print(J, torch.linalg.det(J), torch.linalg.cond(J))

# %%
# jacobian options: create_graph, vectorize, strategy, a tuple of inputs
a = torch.tensor([1.0, 2.0], dtype=torch.float64)
b = torch.tensor(0.5, dtype=torch.float64)
print(jacobian(lambda p, q: p * q, (a, b)))
print(jacobian(F, a, vectorize=True), jacobian(F, a, vectorize=True, strategy="forward-mode"))
Jc = jacobian(F, a.clone().requires_grad_(), create_graph=True)
print(Jc.grad_fn is not None, Jc.requires_grad)

# %%
jacobian(F, a, strategy="forward-mode")

# %%
jacobian(F, a, strategy="backward")

# %%
jacobian(lambda p: p.detach() * 2, a)

# %%
jacobian(lambda p: p.detach() * 2, a, strict=True)

# %%
jacobian(F, [1.0, 2.0])

# %%
# Mistake: a singular Jacobian at the starting point
v = torch.tensor([0.0, 0.0], dtype=torch.float64)
G = lambda v: torch.stack([v[0] ** 2, v[0] * v[1]])
print(jacobian(G, v))
torch.linalg.solve(jacobian(G, v), -G(v))

# %%
print(torch.linalg.lstsq(jacobian(G, v + 1), -G(v + 1)).solution)
print(torch.linalg.pinv(jacobian(G, v)), torch.linalg.matrix_rank(jacobian(G, v)))

# %%
torch.linalg.solve(jacobian(G, v + 1), -G(v + 1).float())

# %%
torch.linalg.solve(torch.eye(2, dtype=torch.float64), torch.ones(3, dtype=torch.float64))

# %%
torch.linalg.inv(jacobian(G, v))

# %%
# Newton for a minimum with the Hessian, float64 throughout
def himmelblau(p):
    x, y = p[0], p[1]
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2

p = torch.tensor([1.0, 1.0], dtype=torch.float64)
for k in range(7):
    gr = jacobian(himmelblau, p)
    H = hessian(himmelblau, p)
    p = p - torch.linalg.solve(H, gr)
    print(k, p, f"{himmelblau(p).item():.3e}")
print(torch.linalg.eigvalsh(H), torch.linalg.cholesky(H))

# %%
torch.linalg.cholesky(hessian(himmelblau, torch.tensor([0.0, 0.0], dtype=torch.float64)))

# %%
print(hessian(himmelblau, (torch.tensor(1.0, dtype=torch.float64), )), hessian(lambda a, b: (a * b).sum(), (a, a)))

# %%
hessian(lambda p: p ** 2, a)
