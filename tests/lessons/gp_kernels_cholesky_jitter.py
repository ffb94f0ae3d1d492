# Imitates "Gaussian processes from scratch" notebooks that build their kernels by hand: RBF, Matern 1/2, 3/2 and
# 5/2 and periodic kernels from torch.cdist, checks of symmetry and positive-definiteness, the jitter loop with
# torch.linalg.cholesky_ex, and the errors a learner meets when the Gram matrix is not positive-definite.
import math
import torch
torch.set_default_dtype(torch.float64)

def rbf(x1, x2, ls=1.0, var=1.0):
    return var * torch.exp(-0.5 * torch.cdist(x1, x2).pow(2) / ls ** 2)

def matern(x1, x2, nu=2.5, ls=1.0, var=1.0):
    r = torch.cdist(x1, x2) / ls
    if nu == 0.5:
        return var * torch.exp(-r)
    if nu == 1.5:
        s = math.sqrt(3) * r
        return var * (1 + s) * torch.exp(-s)
    s = math.sqrt(5) * r
    return var * (1 + s + s ** 2 / 3) * torch.exp(-s)

def periodic(x1, x2, period=1.0, ls=1.0, var=1.0):
    d = torch.cdist(x1, x2, p=1)
    return var * torch.exp(-2 * torch.sin(math.pi * d / period) ** 2 / ls ** 2)

# %%
torch.manual_seed(0)
X = torch.rand(6, 2)
D = torch.cdist(X, X)
print(D.dtype, D.shape, D.diagonal())
print(torch.cdist(X, X, p=1)[0], torch.cdist(X, X, p=float("inf"))[0])
print(torch.cdist(X, X, compute_mode="use_mm_for_euclid_dist")[1, :3])
D[:2, :3]

# %%
for name, k in [("rbf", rbf), ("m12", lambda a, b: matern(a, b, 0.5)), ("m32", lambda a, b: matern(a, b, 1.5)),
                ("m52", matern), ("per", lambda a, b: periodic(a, b, 0.7))]:
    K = k(X, X)
    ev = torch.linalg.eigvalsh(K)
    print(name, torch.allclose(K, K.T), round(ev.min().item(), 6), K.diagonal().sum().item())
matern(X, X, 1.5)[:2]

# %%
x1 = torch.linspace(0, 1, 30).unsqueeze(-1)
K = rbf(x1, x1, ls=0.5)
try:
    torch.linalg.cholesky(K)
except torch.linalg.LinAlgError as e:
    print("LinAlgError:", e)
L, info = torch.linalg.cholesky_ex(K)
print(info, info.dtype, L.shape)
print(torch.linalg.cholesky_ex(K).info.item())

# %%
jitter = 1e-10
while True:
    L, info = torch.linalg.cholesky_ex(K + jitter * torch.eye(30))
    if info == 0:
        break
    jitter *= 10
print(f"jitter {jitter:.0e}", L.diagonal()[:4])
print(torch.dist(L @ L.T, K + jitter * torch.eye(30)).item() < 1e-8)
res = torch.linalg.cholesky_ex(K + 1e-4 * torch.eye(30))
res.L[:3, :3], res.info

# %%
bad = torch.tensor([[1.0, 2.0], [2.0, 1.0]])
try:
    torch.linalg.cholesky(bad)
except RuntimeError as e:
    print(type(e).__name__, isinstance(e, RuntimeError), e)
batch = torch.stack([torch.eye(2), bad, -torch.eye(2)])
try:
    torch.linalg.cholesky(batch)
except Exception as e:
    print(type(e).__name__, e)
print(torch.linalg.cholesky_ex(batch).info)
torch.linalg.cholesky_ex(bad, check_errors=True)

# %%
try:
    torch.linalg.cholesky(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(torch.tensor([[4, 2], [2, 3]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(torch.tensor(4.0))
except Exception as e:
    print(type(e).__name__, e)
torch.linalg.cholesky(torch.tensor([[4.0, 2.0], [2.0, 3.0]], dtype=torch.float32), upper=True)

# %%
nan_K = K.clone()
nan_K[0, 0] = float("nan")
print(torch.linalg.cholesky_ex(nan_K).info)
print(torch.linalg.cholesky_ex(torch.zeros(3, 3)).info, torch.linalg.cholesky_ex(torch.zeros(0, 0)))
torch.linalg.cholesky(torch.zeros(2, 0, 0)).shape

# %%
# the solves: upper= is required, B is solved in A's dtype, and a zero pivot gives inf/nan, not an error
Lk = torch.linalg.cholesky(rbf(X, X) + 1e-3 * torch.eye(6))
yk = torch.arange(6.0).unsqueeze(-1)
try:
    torch.linalg.solve_triangular(Lk, yk)
except TypeError as e:
    print("TypeError:", e)
try:
    torch.linalg.solve_triangular(Lk, yk, upper="lower")
except TypeError as e:
    print("TypeError:", e)
try:
    torch.linalg.cholesky(K, True)
except TypeError as e:
    print("TypeError:", e)
z = torch.linalg.solve_triangular(Lk, yk.float(), upper=False)
print(z.dtype, z[:3].squeeze())
print(torch.linalg.solve_triangular(torch.tensor([[1.0, 0.0], [1.0, 0.0]]), torch.ones(2, 1), upper=False).T)
print(torch.cholesky_solve(torch.ones(2, 1), torch.zeros(2, 2)).T)
try:
    torch.cholesky_inverse(torch.tensor([[2.0, 0.0], [1.0, 0.0]]))
except RuntimeError as e:
    print(type(e).__name__, e)
torch.linalg.solve_triangular(Lk, yk, upper=False, left=True).squeeze()

# %%
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.0]).dtype)
