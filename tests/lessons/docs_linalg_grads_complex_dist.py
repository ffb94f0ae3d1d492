# Imitates a learner working through the torch.linalg docs' notes on gradients (the "Autograd" remarks of
# linalg.norm, det, slogdet, inv, solve, eigh and svd) and the torch.dist example, then trying the same on complex
# eigenvalues from linalg.eig and on integer inputs, as in a linear-algebra-with-PyTorch homework (seeded).
import torch

# %%
torch.manual_seed(0)
A = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
for name, f in [("norm", lambda A: torch.linalg.norm(A)), ("nuc", lambda A: torch.linalg.matrix_norm(A, 'nuc')),
                ("det", lambda A: torch.linalg.det(A)), ("logabsdet", lambda A: torch.linalg.slogdet(A).logabsdet),
                ("inv", lambda A: torch.linalg.inv(A).sum()),
                ("solve", lambda A: torch.linalg.solve(A, torch.ones(3, dtype=torch.float64)).sum()),
                ("eigvalsh", lambda A: torch.linalg.eigvalsh(A + A.mT).sum()),
                ("svdvals", lambda A: torch.linalg.svdvals(A).max())]:
    A.grad = None
    out = f(A)
    out.backward()
    print(name, out.grad_fn.name(), A.grad.norm().item() > 0, A.grad.round(decimals=4))

# %%
x = torch.tensor([-1., 2., 0.5], requires_grad=True)
y = torch.tensor([1., 0., 0.5])
for p in [2, 1, 3, float('inf'), 0]:
    x.grad = None
    d = torch.dist(x, y, p)
    print(p, d, d.grad_fn)
    if d.requires_grad:
        d.backward()
    print(x.grad)
print(torch.dist(x, torch.tensor([1, 0, 0])))
print(torch.dist(torch.tensor([3, 4]), torch.tensor([0., 0.])))
try:
    torch.dist(torch.tensor([3, 4]), torch.tensor([0, 0]))
except Exception as e:
    print(type(e).__name__, e)

# %%
B = torch.tensor([[0., -1.], [1., 0.]])
lam = torch.linalg.eigvals(B)
print(lam, lam.dtype)
print(torch.dist(lam, torch.tensor([1j, -1j])))
print(torch.dist(lam, torch.zeros(2, dtype=torch.int64), 1))
z = torch.tensor([1 + 1j, 2j], requires_grad=True)
w = torch.tensor([0.5, -1.], dtype=torch.complex64)
for p in [2, 1, 3, float('inf')]:
    z.grad = None
    d = torch.dist(z, w, p)
    d.backward()
    print(p, d, z.grad)
