# Imitates a lesson on indexing and gradients: only selected elements get gradient; repeated indices accumulate; masks.
import torch

# %%
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = x[1:3] * 10
y.sum().backward()
print(x.grad)

# %%
x.grad = None
idx = torch.tensor([0, 0, 3])
x[idx].sum().backward()
print(x.grad)

# %%
x.grad = None
mask = x > 2
print(mask)
selected = x[mask]
print(selected)
(selected ** 2).sum().backward()
print(x.grad)

# %%
M = torch.arange(1.0, 10.0).reshape(3, 3).requires_grad_()
diag = M[[0, 1, 2], [0, 1, 2]]
print(diag)
diag.sum().backward()
print(M.grad)

# %%
M.grad = None
M[:, -1].pow(2).sum().backward()
print(M.grad)

# %%
M.grad = None
masked = M.masked_fill(M > 5, 0.0)
print(masked)
masked.sum().backward()
print(M.grad)

# %%
M.grad = None
print(M[1], M[1].grad_fn)
print(M[M > 4].grad_fn)
print(M[..., 0].shape, M[None].shape)

# %%
scores = torch.tensor([[0.2, 0.5, 0.3], [0.9, 0.05, 0.05]], requires_grad=True)
labels = torch.tensor([1, 0])
picked = scores[torch.arange(2), labels]
print(picked)
(-picked.log()).mean().backward()
print(scores.grad)

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
x[5]
