# Imitates compressed-sensing notebooks in plain PyTorch: a random Gaussian sensing matrix, a sparse signal, the
# Lipschitz step from torch.linalg.svdvals / matrix_norm(ord=2), ISTA and FISTA with a hand-written soft threshold
# and with F.softshrink, the lasso objective tracked per iteration, support recovery, and learners' mistakes.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
m, n, k = 20, 40, 4
A = torch.randn(m, n) / math.sqrt(m)
x_true = torch.zeros(n)
idx = torch.randperm(n)[:k]
x_true[idx] = torch.randn(k)
y = A @ x_true + 0.01 * torch.randn(m)

def soft(x, t):
    return torch.sign(x) * torch.clamp(torch.abs(x) - t, min=0)

# %%
s = torch.linalg.svdvals(A)
L = s[0] ** 2
print(s.shape, s.dtype, s[:3], L)
print(torch.linalg.matrix_norm(A, ord=2), torch.linalg.norm(A, 2), torch.linalg.norm(A, ord='fro'))
print(torch.linalg.matrix_norm(A.T @ A, ord=2), torch.linalg.eigvalsh(A.T @ A)[-3:])
print(idx.sort().values, x_true[x_true != 0])

# %%
z = torch.linspace(-2, 2, 9)
print(soft(z, 0.5))
print(F.softshrink(z, 0.5), F.softshrink(z, lambd=0.5).dtype)
print(torch.equal(soft(z, 0.5), F.softshrink(z, 0.5)))
print(torch.nn.Softshrink(0.75)(z), torch.nn.Softshrink(0.75))
print(F.hardshrink(z, 0.5), torch.nn.Hardshrink())
z.requires_grad_(True)
F.softshrink(z, 0.5).sum().backward()
print(z.grad)
z.grad = None
soft(z, 0.5).sum().backward()
print(z.grad)
print(F.softshrink(z, 0.5).grad_fn, soft(z, 0.5).grad_fn, soft(z, 0.5).grad_fn.next_functions)

# %%
def lasso(x, lam):
    return 0.5 * (A @ x - y).pow(2).sum() + lam * x.abs().sum()

lam = 0.05
x = torch.zeros(n)
hist = []
for it in range(60):
    x = soft(x - (A.T @ (A @ x - y)) / L, lam / L)
    hist.append(lasso(x, lam).item())
print([round(h, 5) for h in hist[::10]])
print(x.nonzero().squeeze(), (x - x_true).norm() / x_true.norm())

# %%
x = torch.zeros(n); xp = x.clone(); t = 1.0
for it in range(60):
    t_new = (1 + math.sqrt(1 + 4 * t * t)) / 2
    v = x + ((t - 1) / t_new) * (x - xp)
    xp = x
    x = F.softshrink(v - A.T @ (A @ v - y) / L, lam / L)
    t = t_new
print(lasso(x, lam), torch.count_nonzero(x), x.abs().max())
print(torch.topk(x.abs(), k).indices.sort().values)

# %%
# batched FISTA over several signals at once (columns)
Y = A @ (torch.randn(n, 3) * (torch.rand(n, 3) < 0.1))
X = torch.zeros(n, 3)
for it in range(30):
    X = F.softshrink(X - A.T @ (A @ X - Y) / L, lam / L)
print(X.shape, torch.count_nonzero(X, dim=0), X.norm(dim=0))
print(torch.linalg.vector_norm(A @ X - Y, dim=0), torch.linalg.norm(X, ord=1, dim=0))

# %%
# mistakes
try:
    F.softshrink(z, -0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.softshrink(torch.arange(5), 1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.clamp(torch.abs(z) - 0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.svdvals(torch.randn(4))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.matrix_norm(A, ord=3)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    A @ torch.zeros(n + 1)
except RuntimeError as e:
    print(type(e).__name__, e)
print(F.softshrink(torch.tensor([0.5, -0.5, float('nan'), float('inf')]), 0.5))
print(torch.sign(torch.tensor([-0.0, 0.0, float('nan')])), torch.clamp(torch.tensor([-1.0, 2.0]), min=0).dtype)
