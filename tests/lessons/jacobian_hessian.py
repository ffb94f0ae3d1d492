# Imitates a lesson on torch.autograd.functional: jacobian of vector functions, hessian of scalar functions, checks by
# hand.
import torch
from torch.autograd.functional import jacobian, hessian

# %%
def g(x):
    return torch.stack([x[0] * x[1], torch.sin(x[0]), x[1] ** 3])

jacobian(g, torch.tensor([0.5, 2.0]))

# %%
def h(x):
    return (x ** 3).sum() + x[0] * x[1]

H = hessian(h, torch.tensor([1.0, 2.0]))
print(H)

# %%
def loss_fn(w, b):
    return ((w * 2.0 + b - 1.0) ** 2).sum()

hessian(loss_fn, (torch.tensor([1.0, 2.0]), torch.tensor(0.5)))

# %%
A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
J = jacobian(lambda v: A @ v, torch.tensor([1.0, 1.0]))
print(J)
print(torch.equal(J, A))

# %%
def rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2

p = torch.tensor([1.5, 1.5])
print(jacobian(rosenbrock, p))
print(hessian(rosenbrock, p))

# %%
jacobian(lambda a, b: a * b + b, (torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])))
