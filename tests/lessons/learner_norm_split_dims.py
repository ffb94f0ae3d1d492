# A course exercise on row norms and splitting features (the "Tensors" chapter of Deep Learning with PyTorch and a
# Stack Overflow question on torch.norm's dim): norms over rows and columns, "fro" and "nuc", split of a feature
# matrix into groups, and the mistakes learners make with dim (a float from a division, a string) caught.
import torch

torch.manual_seed(0)
X = torch.randn(4, 6, requires_grad=True)
print(X.norm(dim=1))
print(torch.norm(X, p=1, dim=0))
print(X.norm(p="fro"), X.norm(p="nuc"))
print(torch.linalg.vector_norm(X, 2, (0, 1)))

# %%
row_norms = X.norm(dim=1, keepdim=True)
(X / row_norms).sum().backward()
print(X.grad[:2])

# %%
ndim = X.dim()
for bad in [lambda: X.norm(dim=ndim / 2),
            lambda: torch.norm(X, p=2, dim=ndim / 2),
            lambda: X.norm(dim="rows"),
            lambda: X.norm(p=2, dim=1, keepdim=1),
            lambda: X.norm(p="max", dim=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
a, b = X.detach().split([2, 4], dim=1)
print(a.shape, b.shape)
parts = X.detach().split(3, dim=-1)
print([p.shape for p in parts])
for bad in [lambda: X.split([2, 4], dim=ndim / 2), lambda: X.split(3, dim=ndim / 2), lambda: X.split([2, 3], dim=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
