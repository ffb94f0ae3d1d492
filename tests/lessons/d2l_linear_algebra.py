# Imitates d2l.ai "Linear Algebra": reductions with axis= and keepdims=, cumsum, dot/mv/mm, norms.
import torch

# %%
x = torch.tensor(3.0)
y = torch.tensor(2.0)
x + y, x * y, x / y, x**y

# %%
x = torch.arange(4)
x, x[3], len(x), x.shape

# %%
A = torch.arange(20, dtype=torch.float32).reshape(5, 4)
A, A.T

# %%
B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
B == B.T

# %%
B = A.clone()
A, A + B, A * B

# %%
a = 2
X = torch.arange(24).reshape(2, 3, 4)
a + X, (a * X).shape

# %%
A.shape, A.sum()

# %%
A_sum_axis0 = A.sum(axis=0)
A_sum_axis0, A_sum_axis0.shape

# %%
A.sum(axis=[0, 1]), A.mean(), A.sum() / A.numel(), A.mean(axis=0), A.sum(axis=0) / A.shape[0]

# %%
sum_A = A.sum(axis=1, keepdims=True)
sum_A, A / sum_A, A.cumsum(axis=0)

# %%
x = torch.arange(4, dtype=torch.float32)
y = torch.ones(4, dtype=torch.float32)
x, y, torch.dot(x, y), torch.sum(x * y)

# %%
A.shape, x.shape, torch.mv(A, x)

# %%
B = torch.ones(4, 3)
torch.mm(A, B)

# %%
u = torch.tensor([3.0, -4.0])
torch.norm(u), torch.abs(u).sum(), torch.norm(torch.ones((4, 9)))
