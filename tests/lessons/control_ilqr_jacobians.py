# Imitates an iLQR / DDP blog post: a pendulum's dynamics linearised with torch.autograd.functional.jacobian
# (tuple inputs, create_graph=, strict=, vectorize=True), the cost's hessian, torch.func.jacrev / jacfwd / vmap over a
# batch of states, one backward pass of iLQR, and the errors learners meet (a function returning a non-tensor,
# strict=True with an output independent of the input, vectorize with strict).
import torch
from torch.autograd.functional import jacobian, hessian, vjp, jvp, hvp
from torch.func import jacrev, jacfwd, vmap
torch.manual_seed(0)

dt, g, l = 0.05, 9.81, 1.0

def f(x, u):
    theta, omega = x[0], x[1]
    domega = -g / l * torch.sin(theta) + u[0]
    return torch.stack([theta + dt * omega, omega + dt * domega])

def cost(x, u):
    return (1 - torch.cos(x[0])) + 0.1 * x[1] ** 2 + 0.01 * u[0] ** 2

x0 = torch.tensor([0.3, -0.2])
u0 = torch.tensor([0.1])

# %%
A, B = jacobian(f, (x0, u0))
print(A)
print(B)
type(jacobian(f, (x0, u0))), A.requires_grad

# %%
J = jacobian(lambda x: f(x, u0), x0)
print(J.shape, J.grad_fn)
Jv = jacobian(lambda x: f(x, u0), x0, vectorize=True)
print(torch.equal(J, Jv))
Jf = jacobian(lambda x: f(x, u0), x0, vectorize=True, strategy="forward-mode")
torch.allclose(J, Jf)

# %%
(lxx, lxu), (lux, luu) = hessian(cost, (x0, u0))
print(lxx)
print(lxu.shape, lux.shape, luu)
H = hessian(lambda z: cost(z[:2], z[2:]), torch.cat([x0, u0]))
H

# %%
Jc = jacobian(lambda x: f(x, u0), x0, create_graph=True)
print(Jc.requires_grad, Jc.grad_fn is not None)
x1 = x0.clone().requires_grad_()
Jc = jacobian(lambda x: f(x, u0), x1, create_graph=True)
print(Jc.requires_grad, type(Jc.grad_fn).__name__)
Jc[1, 0].backward()
x1.grad

# %%
# mistake: the dynamics return a Python list, not a tensor
def f_list(x):
    return [x[0] + dt * x[1], x[1]]
jacobian(f_list, x0)

# %%
def f_float(x):
    return float(x.sum())
jacobian(f_float, x0)

# %%
jacobian(lambda x: (x * 2, 3.0), x0)

# %%
# mistake: strict=True with an output that does not depend on the input
jacobian(lambda x: torch.ones(2), x0, strict=True)

# %%
jacobian(lambda x: torch.ones(2), x0)

# %%
jacobian(lambda x, u: x * 2, (x0, u0), strict=True)

# %%
jacobian(lambda x: x * 2, x0, strict=True, vectorize=True)

# %%
hessian(lambda x: x.sum(), x0, strict=True)

# %%
hessian(lambda x: x.sum(), x0)

# %%
hessian(lambda x: x * 2, x0)

# %%
jacobian(lambda x: x, x0, strategy="backward")

# %%
jacobian(lambda x: x, x0, strategy="forward-mode")

# %%
# vjp / jvp / hvp
out, v = vjp(lambda x: f(x, u0), x0, torch.tensor([1.0, 0.0]))
print(out, v)
out, jv = jvp(lambda x: f(x, u0), x0, torch.tensor([0.0, 1.0]))
print(jv)
val, hv = hvp(lambda x: cost(x, u0), x0, torch.ones(2))
print(val, hv)

# %%
vjp(lambda x: f(x, u0), x0)

# %%
# torch.func over a batch of states
xs = torch.randn(5, 2)
us = torch.randn(5, 1)
As = vmap(jacrev(f, argnums=0))(xs, us)
Bs = vmap(jacfwd(f, argnums=1))(xs, us)
print(As.shape, Bs.shape)
print(As[0])
Hs = vmap(jacfwd(jacrev(cost)))(xs, us)
Hs.shape

# %%
Ax, Au = jacrev(f, argnums=(0, 1))(x0, u0)
print(Ax.shape, Au.shape)
jacrev(f, argnums=2)(x0, u0)

# %%
vmap(f)(xs, us[:3])

# %%
# one iLQR backward pass
T = 20
us_nom = torch.zeros(T, 1)
xs_nom = [x0]
for t in range(T):
    xs_nom.append(f(xs_nom[-1], us_nom[t]))
Vx = torch.zeros(2)
Vxx = torch.eye(2) * 10
ks, Ks = [], []
for t in reversed(range(T)):
    fx, fu = jacobian(f, (xs_nom[t], us_nom[t]))
    lx, lu = torch.autograd.functional.jacobian(cost, (xs_nom[t], us_nom[t]))
    (lxx, lxu), (lux, luu) = hessian(cost, (xs_nom[t], us_nom[t]))
    Qx = lx + fx.T @ Vx
    Qu = lu + fu.T @ Vx
    Qxx = lxx + fx.T @ Vxx @ fx
    Quu = luu + fu.T @ Vxx @ fu
    Qux = lux + fu.T @ Vxx @ fx
    k = -torch.linalg.solve(Quu, Qu)
    K = -torch.linalg.solve(Quu, Qux)
    Vx = Qx + K.T @ Quu @ k + K.T @ Qu + Qux.T @ k
    Vxx = Qxx + K.T @ Quu @ K + K.T @ Qux + Qux.T @ K
    Vxx = 0.5 * (Vxx + Vxx.T)
    ks.append(k); Ks.append(K)
print(ks[-1], Ks[-1])
Vxx
