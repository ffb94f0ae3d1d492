# Imitates second-order and constrained-optimisation lectures of an optimisation course taught with PyTorch
# (Newton's method notebooks using torch.autograd.functional.hessian / jacobian and torch.linalg.solve, damped
# Newton, root finding of f(x) = 0 by autograd Newton, LBFGS with line_search_fn="strong_wolfe" on Rosenbrock,
# Lagrange multipliers solved as a KKT system, and the quadratic-penalty / augmented-Lagrangian methods).
import torch
from torch.autograd.functional import hessian, jacobian

torch.set_default_dtype(torch.float64)

# %%
def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2

x = torch.tensor([-1.2, 1.0])
H = hessian(rosenbrock, x)
g = jacobian(rosenbrock, x)
print(g)
print(H)
print(torch.linalg.eigvalsh(H))
print(H.dtype, H.shape, g.shape)

# %%
def newton(fun, x0, steps=8, damping=0.0):
    x = x0.clone()
    for k in range(steps):
        g = jacobian(fun, x)
        H = hessian(fun, x)
        p = torch.linalg.solve(H + damping * torch.eye(len(x)), -g)
        x = x + p
        print(f"{k} f={fun(x).item():.6e} |g|={g.norm().item():.3e} |p|={p.norm().item():.3e}")
    return x

print(newton(rosenbrock, torch.tensor([-1.2, 1.0])))

# %%
# Newton with create_graph: the gradient by autograd.grad, the Hessian row by row by a second grad
x = torch.tensor([0.5, 0.5], requires_grad=True)
f = rosenbrock(x)
(g,) = torch.autograd.grad(f, x, create_graph=True)
rows = [torch.autograd.grad(g[i], x, retain_graph=True)[0] for i in range(2)]
H2 = torch.stack(rows)
print(g, g.grad_fn)
print(H2, torch.allclose(H2, hessian(rosenbrock, x.detach())))
step = torch.linalg.solve(H2, g.detach())
print(step, x.detach() - step)

# %%
# root finding: Newton on a scalar equation and on a 2x2 system with the Jacobian
def newton_root(F, x, steps=6):
    for k in range(steps):
        J = jacobian(F, x)
        Fx = F(x)
        x = x - torch.linalg.solve(J, Fx) if x.dim() else x - Fx / J
        print(k, x, Fx.abs().max().item())
    return x

r = newton_root(lambda t: t ** 3 - 2 * t - 5, torch.tensor(2.0))
print(r)

def F(v):
    x, y = v[0], v[1]
    return torch.stack([x ** 2 + y ** 2 - 4, torch.exp(x) + y - 1])

sol = newton_root(F, torch.tensor([1.0, -1.0]))
print(F(sol))
print(jacobian(F, sol))

# %%
# LBFGS with strong Wolfe line search, closure re-evaluating the loss
x = torch.tensor([-1.2, 1.0], requires_grad=True)
opt = torch.optim.LBFGS([x], lr=1, max_iter=50, history_size=10, line_search_fn="strong_wolfe")
calls = []
def closure():
    opt.zero_grad()
    loss = rosenbrock(x)
    loss.backward()
    calls.append(loss.item())
    return loss

for epoch in range(3):
    loss = opt.step(closure)
    print(epoch, loss.item(), x.detach(), len(calls))
state = opt.state[x]
print(sorted(state.keys()))
print(state["func_evals"], state["n_iter"], len(state["old_dirs"]))
print(opt)

# %%
# LBFGS without a line search, float32
x32 = torch.tensor([-1.2, 1.0], dtype=torch.float32, requires_grad=True)
opt = torch.optim.LBFGS([x32], lr=0.5, max_iter=20)
def closure32():
    opt.zero_grad()
    loss = rosenbrock(x32)
    loss.backward()
    return loss
for epoch in range(2):
    print(opt.step(closure32), x32)

# %%
# Lagrange multipliers: minimise x^2 + 2y^2 subject to x + y = 1 -> KKT linear system
Q = torch.tensor([[2.0, 0.0], [0.0, 4.0]])
a = torch.tensor([[1.0, 1.0]])
K = torch.cat([torch.cat([Q, a.T], dim=1), torch.cat([a, torch.zeros(1, 1)], dim=1)])
rhs = torch.tensor([0.0, 0.0, 1.0])
print(K)
z = torch.linalg.solve(K, rhs)
x_opt, lam = z[:2], z[2]
print(x_opt, lam)

# the same point by Newton on the Lagrangian's gradient
def lagrangian(z):
    x, y, l = z
    return x ** 2 + 2 * y ** 2 + l * (x + y - 1)
z = torch.zeros(3)
for k in range(2):
    z = z - torch.linalg.solve(hessian(lagrangian, z), jacobian(lagrangian, z))
print(z)

# %%
# quadratic penalty and augmented Lagrangian with gradient descent
def objective(v):
    return v[0] ** 2 + 2 * v[1] ** 2
def constraint(v):
    return v[0] + v[1] - 1

for mu in (1.0, 10.0, 100.0):
    v = torch.zeros(2, requires_grad=True)
    opt = torch.optim.SGD([v], lr=0.5 / (4 + 2 * mu))
    for _ in range(200):
        opt.zero_grad()
        loss = objective(v) + 0.5 * mu * constraint(v) ** 2
        loss.backward()
        opt.step()
    print(mu, v.detach(), constraint(v).item())

v = torch.zeros(2, requires_grad=True)
lam, mu = torch.tensor(0.0), 5.0
opt = torch.optim.Adam([v], lr=0.1)
for outer in range(5):
    for _ in range(100):
        opt.zero_grad()
        loss = objective(v) + lam * constraint(v) + 0.5 * mu * constraint(v) ** 2
        loss.backward()
        opt.step()
    with torch.no_grad():
        lam = lam + mu * constraint(v)
    print(outer, v.detach().numpy().round(5), round(lam.item(), 5))

# %%
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype)
