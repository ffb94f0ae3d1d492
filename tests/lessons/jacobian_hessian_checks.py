# Imitates the "check it by hand" part of a jacobian/hessian lesson: compare with torch.diag, and a common mistake.
import torch
from torch.autograd.functional import jacobian, hessian

# %%
def f(x):
    return x ** 2 + 3 * x

x = torch.tensor([1.0, 2.0, 3.0])
J = jacobian(f, x)
print(J)
expected = torch.diag(2 * x + 3)
print(expected)
print(torch.allclose(J, expected))

# %%
H = hessian(lambda v: (v ** 3).sum(), x)
print(H)
print(torch.diag(H))

# %%
# mistake: hessian needs a scalar function
hessian(lambda v: v ** 2, torch.tensor([1.0, 2.0]))

# %%
# mistake: hessian needs one output
hessian(lambda v: ((v ** 2).sum(), v.sum()), torch.tensor([1.0, 2.0]))
