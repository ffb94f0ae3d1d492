# Imitates the Examples blocks of PyTorch 2.13's torch.autograd.functional reference (jacobian, hessian, vjp, jvp,
# vhp, hvp) typed in as a learner copies them from the docs page, with torch.rand seeded, then the keyword
# arguments the page documents: create_graph, strict, vectorize and strategy="forward-mode", and what misuse raises.
import torch
from torch.autograd.functional import jacobian, hessian, vjp, jvp, vhp, hvp
torch.manual_seed(0)

def exp_reducer(x):
    return x.exp().sum(dim=1)

inputs = torch.rand(2, 2)
jacobian(exp_reducer, inputs)

# %%
jacobian(exp_reducer, inputs, create_graph=True)

# %%
def exp_adder(x, y):
    return 2 * x.exp() + 3 * y

inputs = (torch.rand(2), torch.rand(2))
jacobian(exp_adder, inputs)

# %%
def linear_model(x):
    W = torch.tensor([[2.0, -1.0], [0.0, 1.0]])
    b = torch.tensor([1.0, 0.5])
    return x @ W.T + b

x = torch.randn(4, 2, requires_grad=True)
jac = jacobian(linear_model, x, vectorize=True)
print(jac.shape)
print(jac[0, :, 0, :])
jac2 = jacobian(linear_model, x, vectorize=True, strategy="forward-mode")
print(torch.allclose(jac, jac2), jac2.shape)

# %%
def pow_reducer(x):
    return x.pow(3).sum()

inputs = torch.rand(2, 2)
hessian(pow_reducer, inputs)

# %%
hessian(pow_reducer, inputs, create_graph=True)

# %%
def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()

inputs = (torch.rand(2), torch.rand(2))
hessian(pow_adder_reducer, inputs)

# %%
h = hessian(pow_adder_reducer, inputs, vectorize=True, outer_jacobian_strategy="forward-mode")
print(type(h).__name__, len(h), type(h[0]).__name__, h[0][0].shape)

# %%
def exp_reducer(x):
    return x.exp().sum(dim=1)

inputs = torch.rand(4, 4)
v = torch.ones(4)
vjp(exp_reducer, inputs, v)

# %%
vjp(exp_reducer, inputs, v, create_graph=True)

# %%
def adder(x, y):
    return 2 * x + 3 * y

inputs = (torch.rand(2), torch.rand(2))
v = torch.ones(2)
vjp(adder, inputs, v)

# %%
def exp_reducer(x):
    return x.exp().sum(dim=1)

inputs = torch.rand(4, 4)
v = torch.ones(4, 4)
jvp(exp_reducer, inputs, v)

# %%
jvp(exp_reducer, inputs, v, create_graph=True)

# %%
def adder(x, y):
    return 2 * x + 3 * y

inputs = (torch.rand(2), torch.rand(2))
v = (torch.ones(2), torch.ones(2))
jvp(adder, inputs, v)

# %%
def pow_reducer(x):
    return x.pow(3).sum()

inputs = torch.rand(2, 2)
v = torch.ones(2, 2)
vhp(pow_reducer, inputs, v)

# %%
vhp(pow_reducer, inputs, v, create_graph=True)

# %%
def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()

inputs = (torch.rand(2), torch.rand(2))
v = (torch.zeros(2), torch.ones(2))
vhp(pow_adder_reducer, inputs, v)

# %%
def pow_reducer(x):
    return x.pow(3).sum()

inputs = torch.rand(2, 2)
v = torch.ones(2, 2)
hvp(pow_reducer, inputs, v)

# %%
hvp(pow_reducer, inputs, v, create_graph=True)

# %%
def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()

inputs = (torch.rand(2), torch.rand(2))
v = (torch.zeros(2), torch.ones(2))
hvp(pow_adder_reducer, inputs, v)

# %%
# strict=True and the misuse the docs warn about
def constant(x):
    return torch.ones(3)

def detached(x):
    return x.detach() * 2

def not_a_tensor(x):
    return [x * 2]

x = torch.rand(3)
for fn, kw in [(constant, dict(strict=True)), (detached, dict(strict=True)), (detached, {}),
               (not_a_tensor, {}), (exp_adder, {}),
               (constant, dict(strict=True, vectorize=True)),
               (constant, dict(strategy="forward-mode")),
               (constant, dict(strategy="forward-mode", vectorize=True, create_graph=True)),
               (constant, dict(strategy="sideways"))]:
    try:
        print(jacobian(fn, x, **kw))
    except Exception as e:
        print(type(e).__name__, e)

# %%
for call in [lambda: vjp(exp_reducer, torch.rand(2, 2), torch.ones(3)),
             lambda: vjp(lambda x: x.sum(), torch.rand(2), None),
             lambda: vjp(lambda x: x * 2, torch.rand(2)),
             lambda: jvp(lambda x: x * 2, torch.rand(2)),
             lambda: jvp(lambda x: x.sum(), torch.rand(2)),
             lambda: jvp(lambda x: x * 2, torch.rand(2), torch.ones(3)),
             lambda: hvp(lambda x: x * 2, torch.rand(2), torch.ones(2)),
             lambda: vhp(lambda x: x.sum(), torch.rand(2), torch.ones(2, 2)),
             lambda: hessian(lambda x: x * 2, torch.rand(2)),
             lambda: hessian(lambda x: (x ** 2).sum(), [torch.rand(2)]),
             lambda: jacobian(lambda x: x * 2, 3.0),
             lambda: vjp(lambda x: torch.ones(2), torch.rand(2), torch.ones(2), strict=True),
             lambda: hvp(lambda x: torch.ones(()) + x.sum(), torch.rand(2), torch.ones(2), strict=True)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
