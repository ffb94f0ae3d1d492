# Imitates learners poking at torch.nn.utils.parametrize beyond the tutorial: right_inverse of the wrong shape or
# dtype, parametrizations that change the shape, unsafe=True, stacked parametrizations and their ModuleList printing,
# remove_parametrizations on tensors that are not parametrized, is_parametrized with and without a name, type(module)
# names, state_dict keys and load_state_dict into a parametrized module, buffers parametrized, and cached().
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P

def attempt(make):
    try:
        out = make()
        print("ok", out if not isinstance(out, nn.Module) else type(out).__name__)
    except Exception as e:
        print(type(e).__name__, e)

class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)

class Double(nn.Module):
    def forward(self, X):
        return 2 * X
    def right_inverse(self, A):
        return A / 2

class WrongInverse(nn.Module):
    def forward(self, X):
        return X
    def right_inverse(self, A):
        return A[:-1]

class WrongDtype(nn.Module):
    def forward(self, X):
        return X
    def right_inverse(self, A):
        return A.double()

class Shrink(nn.Module):
    def forward(self, X):
        return X[:, :2]

# %%
torch.manual_seed(0)
attempt(lambda: P.register_parametrization(nn.Linear(3, 3), "weight", WrongInverse()))
attempt(lambda: P.register_parametrization(nn.Linear(3, 3), "weight", WrongDtype()))
attempt(lambda: P.register_parametrization(nn.Linear(3, 3), "weight", Shrink()))
lin = nn.Linear(3, 3)
attempt(lambda: P.register_parametrization(lin, "weight", Shrink(), unsafe=True))
print(lin.weight.shape, type(lin).__name__)
attempt(lambda: P.register_parametrization(nn.Linear(3, 3), "nope", Symmetric()))
attempt(lambda: P.remove_parametrizations(nn.Linear(3, 3), "weight"))
lin2 = nn.Linear(3, 3)
P.register_parametrization(lin2, "weight", Symmetric())
attempt(lambda: P.remove_parametrizations(lin2, "bias"))
print(P.is_parametrized(lin2), P.is_parametrized(lin2, "weight"), P.is_parametrized(lin2, "bias"))
print(P.is_parametrized(nn.Linear(2, 2)))

# %%
torch.manual_seed(1)
m = nn.Linear(3, 3)
P.register_parametrization(m, "weight", Symmetric())
P.register_parametrization(m, "weight", Double())
P.register_parametrization(m, "bias", Double())
print(m)
print(type(m).__name__, type(m).__qualname__, type(m).__mro__[1].__name__)
print(list(m.state_dict().keys()))
print([n for n, _ in m.named_parameters()])
print(m.parametrizations.weight.original)
print(m.weight)
print(m.bias, m.parametrizations.bias.original)
print(len(m.parametrizations.weight), type(m.parametrizations).__name__, type(m.parametrizations.weight).__name__)
print(m.parametrizations.weight[0], m.parametrizations.weight[1])

# %%
x = torch.randn(2, 3)
y = m(x).sum()
y.backward()
print(m.parametrizations.weight.original.grad)
print(m.parametrizations.bias.original.grad)
print(m.weight.grad_fn.name() if m.weight.grad_fn else None)

# %%
torch.manual_seed(2)
a = nn.Linear(3, 3)
P.register_parametrization(a, "weight", Double())
b = nn.Linear(3, 3)
P.register_parametrization(b, "weight", Double())
print(b.load_state_dict(a.state_dict()))
print(torch.equal(a.weight, b.weight))
plain = nn.Linear(3, 3)
attempt(lambda: plain.load_state_dict(a.state_dict()))
attempt(lambda: b.load_state_dict(nn.Linear(3, 3).state_dict()))

# %%
torch.manual_seed(3)
c = nn.Linear(3, 3)
P.register_parametrization(c, "weight", Double())
with torch.no_grad():
    c.weight = torch.ones(3, 3)
print(c.parametrizations.weight.original)
print(c.weight)
attempt(lambda: setattr(c, "weight", torch.ones(2, 2)))
with P.cached():
    w1 = c.weight
    w2 = c.weight
    print(w1 is w2)
print(c.weight is c.weight)

# %%
torch.manual_seed(4)
bn = nn.BatchNorm1d(3)
P.register_parametrization(bn, "running_mean", Double())
print(bn)
print(list(bn.state_dict().keys()))
print(bn.running_mean)
bn2 = nn.Linear(3, 3)
P.register_parametrization(bn2, "weight", Double())
P.remove_parametrizations(bn2, "weight", leave_parametrized=False)
print(type(bn2).__name__, bn2.weight, type(bn2.weight).__name__)
print(hasattr(bn2, "parametrizations"))
