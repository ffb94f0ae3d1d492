# Imitates PyTorch's "Parametrizations Tutorial" (torch.nn.utils.parametrize) and the torch.nn.utils.parametrizations
# docs: Symmetric / Skew / MatrixExponential constraints, right_inverse (also one returning a tuple: original0 /
# original1), chaining parametrizations, cached(), orthogonal with each orthogonal_map, spectral_norm's _u / _v
# buffers, weight_norm's original0 / original1, and removing them with and without leave_parametrized.
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P
from torch.nn.utils import parametrizations as PZ

torch.manual_seed(0)
class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)

class Skew(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)

layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Symmetric())
print(type(layer).__name__, type(layer).__mro__[1].__name__)
print(layer)
A = layer.weight
print(torch.allclose(A, A.T), A.grad_fn.__class__.__name__)
print(layer.parametrizations.weight.original.shape, [n for n, _ in layer.named_parameters()])
print(list(layer.state_dict().keys()))

# %%
class MatrixExponential(nn.Module):
    def forward(self, X):
        return torch.matrix_exp(X)

layer_orth = nn.Linear(3, 3)
P.register_parametrization(layer_orth, "weight", Skew())
P.register_parametrization(layer_orth, "weight", MatrixExponential())
Q = layer_orth.weight
print(torch.dist(Q.T @ Q, torch.eye(3)) < 1e-5)
print(layer_orth.parametrizations.weight)
print(len(layer_orth.parametrizations.weight), layer_orth.parametrizations["weight"][0])

# %%
class NoisyParametrization(nn.Module):
    def forward(self, X):
        print("Computing the Parametrization")
        return X

layer = nn.Linear(4, 4)
P.register_parametrization(layer, "weight", NoisyParametrization())
print("Here, layer.weight is recomputed every time we call it")
foo = layer.weight + layer.weight.T
bar = layer.weight.sum()
with P.cached():
    print("Here, it is computed just the first time layer.weight is called")
    foo = layer.weight + layer.weight.T
    bar = layer.weight.sum()
print(P.is_parametrized(layer), P.is_parametrized(layer, "bias"), P.is_parametrized(layer, "weight"))

# %%
class PosDef(nn.Module):
    def forward(self, X):
        return X @ X.T + 1e-3 * torch.eye(X.shape[0])
    def right_inverse(self, A):
        return torch.linalg.cholesky(A)

lin = nn.Linear(2, 2)
try:
    P.register_parametrization(lin, "weight", PosDef())
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    lin.weight.copy_(torch.eye(2))
P.register_parametrization(lin, "weight", PosDef(), unsafe=True)
lin.weight = torch.tensor([[4., 2.], [2., 3.]])
print(lin.parametrizations.weight.original)
print(lin.weight)

class SumOf(nn.Module):
    def forward(self, A, B):
        return A + B
    def right_inverse(self, X):
        return X / 2, X / 2

lin2 = nn.Linear(2, 2)
P.register_parametrization(lin2, "weight", SumOf())
print(sorted(n for n, _ in lin2.named_parameters()))
print(torch.allclose(lin2.parametrizations.weight.original0 * 2, lin2.weight))
try:
    print(lin2.parametrizations.weight.original)
except Exception as e:
    print(type(e).__name__, e)

# %%
for make in [
    lambda: P.register_parametrization(nn.Linear(2, 3), "weight", Symmetric()),
    lambda: P.register_parametrization(nn.Linear(2, 2), "weights", Symmetric()),
    lambda: P.remove_parametrizations(nn.Linear(2, 2), "weight"),
    lambda: P.register_parametrization(nn.Linear(2, 2), "weight", lambda X: X),
]:
    try:
        out = make()
        print("ok", type(out).__name__)
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(2)
for omap in ["matrix_exp", "cayley", "householder"]:
    q = PZ.orthogonal(nn.Linear(4, 3), orthogonal_map=omap)
    W = q.weight
    print(omap, W.shape, torch.allclose(W @ W.T, torch.eye(3), atol=1e-5), q.parametrizations.weight[0].orthogonal_map)
try:
    PZ.orthogonal(nn.Linear(3, 3), orthogonal_map="qr")
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
sn = PZ.spectral_norm(nn.Linear(5, 4))
print(sorted(k for k in sn.state_dict().keys()))
sn.eval()
s = torch.linalg.matrix_norm(sn.weight, 2)
print(round(float(s), 3) <= 1.05, sn.parametrizations.weight[0].n_power_iterations)
wn = PZ.weight_norm(nn.Linear(3, 2))
print([n for n, _ in wn.named_parameters()], wn.parametrizations.weight.original0.shape)
print(torch.allclose(wn.parametrizations.weight.original0.squeeze(), wn.weight.norm(dim=1)))

# %%
layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Symmetric())
W_before = layer.weight.detach().clone()
P.remove_parametrizations(layer, "weight", leave_parametrized=True)
print(type(layer).__name__, torch.equal(layer.weight, W_before), type(layer.weight).__name__)
layer2 = nn.Linear(3, 3)
orig = layer2.weight.detach().clone()
P.register_parametrization(layer2, "weight", Symmetric())
P.remove_parametrizations(layer2, "weight", leave_parametrized=False)
print(torch.equal(layer2.weight, orig), hasattr(layer2, "parametrizations"))
lin3 = nn.Linear(2, 2)
P.register_parametrization(lin3, "weight", SumOf())
try:
    P.remove_parametrizations(lin3, "weight", leave_parametrized=False)
except Exception as e:
    print(type(e).__name__, e)
