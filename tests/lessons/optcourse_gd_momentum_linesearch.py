# Imitates the first weeks of a numerical-optimisation course taught with PyTorch autograd (lecture notebooks on
# "gradient descent on test functions"): hand-written gradient descent on the Rosenbrock function and on
# Himmelblau's function with x.grad / torch.no_grad updates, heavy-ball momentum and Nesterov written by hand and
# checked against torch.optim.SGD(momentum=..., nesterov=...), Armijo backtracking line search, gradient clipping.
import math

import torch

torch.manual_seed(0)

# %%
def rosenbrock(x, a=1.0, b=100.0):
    return (a - x[0]) ** 2 + b * (x[1] - x[0] ** 2) ** 2

def himmelblau(x):
    return (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2

x = torch.tensor([-1.5, 2.0], requires_grad=True)
f = rosenbrock(x)
f.backward()
print(f, f.grad_fn)
print(x.grad)
# the gradient by hand
with torch.no_grad():
    g = torch.stack([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)])
print(g, torch.allclose(g, x.grad))

# %%
def gradient_descent(fun, x0, lr, steps, every):
    x = x0.clone().requires_grad_(True)
    history = []
    for k in range(steps):
        f = fun(x)
        if x.grad is not None:
            x.grad.zero_()
        f.backward()
        with torch.no_grad():
            x -= lr * x.grad
        history.append(f.item())
        if k % every == 0:
            print(f"iter {k:3d}  f = {f.item():.6f}  |grad| = {x.grad.norm():.4e}  x = {x.detach().numpy().round(4)}")
    return x.detach(), history

x_star, hist = gradient_descent(himmelblau, torch.tensor([0.0, 0.0]), lr=0.01, steps=60, every=15)
print(x_star, himmelblau(x_star))
print(len(hist), min(hist) == hist[-1])

# %%
x_r, hist_r = gradient_descent(rosenbrock, torch.tensor([-1.2, 1.0]), lr=1e-3, steps=200, every=50)
print(x_r, torch.dist(x_r, torch.ones(2)))
# too large a step diverges
x_bad, hist_bad = gradient_descent(rosenbrock, torch.tensor([-1.2, 1.0]), lr=0.01, steps=8, every=2)
print(x_bad, math.isfinite(hist_bad[-1]))

# %%
def momentum_by_hand(fun, x0, lr, beta, steps, nesterov=False):
    x = x0.clone().requires_grad_(True)
    v = torch.zeros_like(x)
    for k in range(steps):
        x.grad = None
        fun(x).backward()
        with torch.no_grad():
            g = x.grad
            v = g.clone() if k == 0 else beta * v + g   # PyTorch's buffer starts at the first gradient
            step = g + beta * v if nesterov else v
            x.sub_(lr * step)
    return x.detach()

def momentum_torch(fun, x0, lr, beta, steps, nesterov=False):
    x = x0.clone().requires_grad_(True)
    opt = torch.optim.SGD([x], lr=lr, momentum=beta, nesterov=nesterov)
    for k in range(steps):
        opt.zero_grad()
        fun(x).backward()
        opt.step()
    return x.detach(), opt

x0 = torch.tensor([-1.2, 1.0])
for nesterov in (False, True):
    mine = momentum_by_hand(rosenbrock, x0, 1e-3, 0.9, 100, nesterov)
    theirs, opt = momentum_torch(rosenbrock, x0, 1e-3, 0.9, 100, nesterov)
    print(nesterov, mine, theirs, torch.allclose(mine, theirs, atol=1e-5), rosenbrock(theirs).item())
print(opt)
print(opt.state[opt.param_groups[0]["params"][0]])

# %%
# Armijo backtracking: shrink t until f(x - t g) <= f(x) - c t |g|^2
def backtracking(fun, x, g, t0=1.0, rho=0.5, c=1e-4, max_halvings=30):
    fx = fun(x)
    t = t0
    n = 0
    while fun(x - t * g) > fx - c * t * g.dot(g):
        t *= rho
        n += 1
        if n == max_halvings:
            break
    return t, n

x = torch.tensor([-1.2, 1.0], requires_grad=True)
for k in range(25):
    f = rosenbrock(x)
    g, = torch.autograd.grad(f, x)
    with torch.no_grad():
        t, n = backtracking(rosenbrock, x, g)
        x -= t * g
    if k % 5 == 0:
        print(f"{k:2d} f={f.item():10.5f} t={t:.3e} halvings={n:2d} |g|={g.norm().item():.3e}")
print(x)

# %%
# exploding steps on a steep bowl tamed by clipping the gradient's norm
A = torch.diag(torch.tensor([1.0, 50.0]))
def bowl(x):
    return 0.5 * x @ A @ x

for clip in (None, 1.0, 5.0):
    x = torch.tensor([3.0, 2.0], requires_grad=True)
    opt = torch.optim.SGD([x], lr=0.05)
    norms = []
    for k in range(30):
        opt.zero_grad()
        loss = bowl(x)
        loss.backward()
        if clip is not None:
            norms.append(torch.nn.utils.clip_grad_norm_([x], max_norm=clip).item())
        opt.step()
    print(clip, x.detach(), loss.item(), [round(n, 3) for n in norms[:3]])

# %%
x = torch.tensor([3.0, 2.0], requires_grad=True)
bowl(x).backward()
print(x.grad)
torch.nn.utils.clip_grad_value_([x], clip_value=10.0)
print(x.grad)
total = torch.nn.utils.clip_grad_norm_(x, max_norm=2.0, norm_type="inf")
print(total, x.grad)
