# Imitates PyTorch's "Parametrizations Tutorial" (torch.nn.utils.parametrize): a symmetric weight, skew-symmetric and
# orthogonal (Cayley) parametrizations, caching, parametrizations.weight.original, right_inverse, removing them.
# Left out: the tutorial's matrix_exp parametrization and nn.utils.parametrizations.orthogonal (no torch.matrix_exp).
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as parametrize

# %%
def symmetric(X):
    return X.triu() + X.triu(1).transpose(-1, -2)

torch.manual_seed(0)
X = torch.rand(3, 3)
A = symmetric(X)
assert torch.allclose(A, A.T)
print(A)

# %%
class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)

layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Symmetric())
A = layer.weight
assert torch.allclose(A, A.T)
print(A)

# %%
print(layer)

# %%
print(layer.parametrizations.weight.original)
print(type(layer).__name__, parametrize.is_parametrized(layer), parametrize.is_parametrized(layer, "bias"))

# %%
class Skew(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)

cnn = nn.Conv2d(in_channels=2, out_channels=2, kernel_size=3)
parametrize.register_parametrization(cnn, "weight", Skew())
print(cnn.weight[0, 1])
print(cnn.weight[1, 0])

# %%
class CayleyMap(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("Id", torch.eye(n))

    def forward(self, X):
        return torch.linalg.solve(self.Id - X, self.Id + X)

layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Skew())
parametrize.register_parametrization(layer, "weight", CayleyMap(3))
X = layer.weight
print(torch.dist(X.T @ X, torch.eye(3)) < 1e-5)
print(layer.parametrizations.weight)

# %%
# (the tutorial's MatrixExponential parametrization is left out: the engine has no torch.matrix_exp)

# %%
class NoisyParametrization(nn.Module):
    def forward(self, X):
        print("Computing the Parametrization")
        return X

layer = nn.Linear(4, 4)
parametrize.register_parametrization(layer, "weight", NoisyParametrization())
print("Here, layer.weight is recomputed every time we call it")
foo = layer.weight + layer.weight.T
bar = layer.weight.sum()
with parametrize.cached():
    print("Here, it is computed just the first time layer.weight is called")
    foo = layer.weight + layer.weight.T
    bar = layer.weight.sum()

# %%
class CayleyMap2(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("Id", torch.eye(n))

    def forward(self, X):
        return torch.linalg.solve(self.Id + X, self.Id - X)

    def right_inverse(self, A):
        return torch.linalg.solve(A + self.Id, self.Id - A)

layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Skew())
parametrize.register_parametrization(layer, "weight", CayleyMap2(3))

# %%
class Skew2(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)

    def right_inverse(self, A):
        return A.triu(1)

layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Skew2())
parametrize.register_parametrization(layer, "weight", CayleyMap2(3))
X = torch.rand(3, 3)
X = X - X.T
print(torch.dist(layer.parametrizations.weight.original, X) > 0)
Q = torch.linalg.solve(torch.eye(3) + X, torch.eye(3) - X)
layer.weight = Q
print(torch.dist(layer.weight, Q) < 1e-5)

# %%
layer = nn.Linear(3, 3)
print("Before:")
print(layer)
print(layer.weight)
parametrize.register_parametrization(layer, "weight", Skew())
print("\nParametrized:")
print(layer)
print(layer.weight)
parametrize.remove_parametrizations(layer, "weight")
print("\nAfter. Weight has skew-symmetric values but it is unconstrained:")
print(layer)
print(layer.weight)

# %%
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Skew())
parametrize.remove_parametrizations(layer, "weight", leave_parametrized=False)
print(layer.weight)

# %%
# training through a parametrization
torch.manual_seed(1)
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Symmetric())
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
x = torch.randn(5, 3)
for _ in range(3):
    opt.zero_grad()
    loss = layer(x).pow(2).mean()
    loss.backward()
    opt.step()
    print(round(loss.item(), 6))
print(layer.parametrizations.weight.original.grad)
print([n for n, _ in layer.named_parameters()])
