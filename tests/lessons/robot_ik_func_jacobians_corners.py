# Imitates a differentiable-robotics tutorial: the arm's Jacobian and Hessian through torch.func (jacrev, jacfwd,
# vmap over a batch of configurations) and torch.autograd.functional (jacobian strategies, jvp / vjp / hvp, tuple
# inputs), Newton steps with solve / lstsq gradients, LQR gains with multi_dot / matrix_power / block_diag / kron,
# Adam variants on an MPC cost, and the corner cases learners hit.
import torch
import torch.nn.functional as F
from torch.func import jacrev, jacfwd, vmap, hessian

torch.manual_seed(0)
L = torch.tensor([1.0, 0.8, 0.5], dtype=torch.float64)


def fk(q):
    a = torch.cumsum(q, -1)
    return torch.stack([(L * torch.cos(a)).sum(-1), (L * torch.sin(a)).sum(-1)], -1)


# %%
q = torch.tensor([0.3, 0.5, -0.2], dtype=torch.float64)
print(jacrev(fk)(q))
print(jacfwd(fk)(q))
qs = torch.randn(4, 3, dtype=torch.float64)
Js = vmap(jacrev(fk))(qs)
print(Js.shape)
print(torch.linalg.det(Js @ Js.mT).sqrt())
print(hessian(lambda q: fk(q).pow(2).sum())(q))

# %%
Jf = torch.autograd.functional.jacobian(fk, q, vectorize=True, strategy="forward-mode")
print(Jf)
try:
    torch.autograd.functional.jacobian(fk, q, strategy="forward-mode")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.functional.jacobian(fk, q, strategy="backward")
except Exception as e:
    print(type(e).__name__, e)
lens = torch.tensor([1.0, 0.8, 0.5], dtype=torch.float64)


def fk2(q, l):
    a = torch.cumsum(q, -1)
    return torch.stack([(l * torch.cos(a)).sum(-1), (l * torch.sin(a)).sum(-1)], -1)


Jq, Jl = torch.autograd.functional.jacobian(fk2, (q, lens))
print(Jq, Jl)
print(torch.autograd.functional.jvp(fk, q, torch.ones(3, dtype=torch.float64)))
print(torch.autograd.functional.vjp(fk, q, torch.ones(2, dtype=torch.float64)))
print(torch.autograd.functional.hvp(lambda q: fk(q).pow(2).sum(), q, torch.ones(3, dtype=torch.float64)))
print(torch.autograd.functional.hessian(lambda q: fk(q).pow(2).sum(), q).shape)
try:
    torch.autograd.functional.jacobian(lambda q: fk(q).detach(), q, strict=True)
except Exception as e:
    print(type(e).__name__, e)
print(torch.autograd.functional.jacobian(lambda q: torch.zeros(2, dtype=torch.float64), q))

# %%
A = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
b = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
x = torch.linalg.solve(A, b)
print(x.grad_fn.name())
x.sum().backward()
print(A.grad, b.grad)
A.grad = None
Ai = torch.linalg.inv(A)
print(Ai.grad_fn.name())
Ai.trace().backward()
print(A.grad)
C = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
d = torch.randn(5, dtype=torch.float64)
sol = torch.linalg.lstsq(C, d.unsqueeze(-1)).solution
print(sol.grad_fn.name())
sol.sum().backward()
print(C.grad)
Ap = torch.randn(4, 3, requires_grad=True)
torch.linalg.pinv(Ap @ Ap.T, hermitian=True).sum().backward()
print(Ap.grad)

# %%
Ad = torch.tensor([[1.0, 0.1], [0.0, 1.0]], dtype=torch.float64)
print(torch.linalg.matrix_power(Ad, 5))
print(torch.linalg.matrix_power(Ad, -2))
print(torch.linalg.multi_dot([Ad, Ad.T, Ad]))
print(torch.block_diag(Ad, torch.tensor([[2.0]], dtype=torch.float64)))
print(torch.kron(torch.eye(2, dtype=torch.float64), Ad))
try:
    torch.linalg.matrix_power(torch.zeros(2, 2), -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.multi_dot([Ad])
except Exception as e:
    print(type(e).__name__, e)

# %%
for kw in ({"amsgrad": True}, {"weight_decay": 0.1}, {"maximize": True}, {"betas": (0.5, 0.9)}):
    u = torch.zeros(6, requires_grad=True)
    opt = torch.optim.Adam([u], lr=0.05, **kw)
    for step in range(15):
        opt.zero_grad()
        x = torch.tensor([1.0, 0.0])
        cost = 0.0
        for t in range(6):
            x = torch.stack([x[0] + 0.1 * x[1], x[1] + 0.1 * u[t].clamp(-1, 1)])
            cost = cost + x.pow(2).sum() + 0.01 * u[t] ** 2
        cost.backward()
        opt.step()
    print(kw, cost.item(), u.detach())
u = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0], requires_grad=True)
u.clamp(-1, 1).sum().backward()
print(u.grad)
u.grad = None
torch.clamp(u, min=torch.tensor(-1.0), max=torch.tensor(1.0)).sum().backward()
print(u.grad)
u.grad = None
u.clamp(min=0.0).sum().backward()
print(u.grad)
print(torch.clamp(u, -1, 1).grad_fn.name(), torch.clamp(u, min=torch.zeros(5)).grad_fn.name())
print(torch.clamp(torch.tensor([1, 5, 9]), 2.5, 7))
print(torch.clamp(torch.tensor([1.0, 5.0]), min=3, max=2))
