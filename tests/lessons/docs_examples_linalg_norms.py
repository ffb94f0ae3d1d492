# Imitates the "Examples::" blocks of PyTorch's torch.linalg reference for the norms (linalg.norm, vector_norm,
# matrix_norm with every ord, dim / keepdim / dtype), cond with its p variants and matrix_rank (atol / rtol /
# hermitian), pasted cell by cell into a notebook (seeded instead of the docs' unseeded randn).
import torch
from torch import linalg as LA

# %%
a = torch.arange(9, dtype=torch.float) - 4
print(a)
B = a.reshape((3, 3))
print(B)
print(LA.norm(a))
print(LA.norm(B))
print(LA.norm(B, 'fro'))
print(LA.norm(a, float('inf')))
print(LA.norm(B, float('inf')))
print(LA.norm(a, -float('inf')))
print(LA.norm(B, -float('inf')))
print(LA.norm(a, 1))
print(LA.norm(B, 1))
print(LA.norm(a, -1))
print(LA.norm(B, -1))
print(LA.norm(a, 2))
print(LA.norm(B, 2))
print(LA.norm(a, -2))
print(LA.norm(B.double(), -2))
print(LA.norm(a, 3))
print(LA.norm(a, -3))
print(LA.norm(a, 0))
print(LA.norm(B, 'nuc'))

# %%
c = torch.tensor([[1., 2., 3.],
                  [-1, 1, 4]])
print(LA.norm(c, dim=0))
print(LA.norm(c, dim=1))
print(LA.norm(c, ord=1, dim=1))
print(LA.norm(c, dim=1, keepdim=True))
m = torch.arange(8, dtype=torch.float).reshape(2, 2, 2)
print(LA.norm(m, dim=(1, 2)))
print(LA.norm(m[0, :, :]), LA.norm(m[1, :, :]))
print(LA.norm(m, ord='nuc', dim=(0, 2)))
print(LA.norm(c, dtype=torch.float64))

# %%
a = torch.arange(9, dtype=torch.float) - 4
B = a.reshape((3, 3))
print(LA.vector_norm(a, ord=3.5))
print(LA.vector_norm(B, ord=3.5))
print(LA.vector_norm(B, ord=float('inf'), dim=1))
print(LA.vector_norm(B, ord=0, dim=0, keepdim=True))
print(LA.vector_norm(B, ord=-1.5, dim=1))
print(LA.vector_norm(B, dtype=torch.float64))
print(LA.vector_norm(torch.tensor([3 + 4j, 1 - 1j])))
A = torch.arange(9, dtype=torch.float).reshape(3, 3)
print(A)
print(LA.matrix_norm(A))
print(LA.matrix_norm(A, ord=-1))
B = A.expand(2, -1, -1)
print(B)
print(LA.matrix_norm(B))
print(LA.matrix_norm(B, dim=(0, 2)))
print(LA.matrix_norm(B, ord='nuc', keepdim=True))
print(LA.matrix_norm(B, ord=2))
print(LA.matrix_norm(B, ord=-2))

# %%
for bad in [lambda: LA.norm(torch.arange(9)),
            lambda: LA.vector_norm(torch.arange(4)),
            lambda: LA.matrix_norm(torch.ones(3)),
            lambda: LA.norm(torch.ones(3, 3), 'fro', dim=0),
            lambda: LA.norm(torch.ones(2, 2, 2), 'nuc'),
            lambda: LA.norm(torch.ones(3, 3), 3),
            lambda: LA.matrix_norm(torch.ones(3, 3), ord=3),
            lambda: LA.matrix_norm(torch.ones(3, 3), ord='abc'),
            lambda: LA.vector_norm(torch.ones(3), 'fro'),
            lambda: LA.vector_norm(torch.ones(3), dtype=torch.int64),
            lambda: LA.vector_norm(torch.ones(3), dtype=torch.float16),
            lambda: LA.matrix_norm(torch.ones(3, 3), dim=(0, 0)),
            lambda: LA.vector_norm(torch.ones(0, 3), ord=float('inf')),
            lambda: LA.vector_norm(torch.ones(0, 3), ord=-1, dim=1),
            lambda: LA.vector_norm(torch.ones(0, 3), ord=-1, dim=0),
            lambda: LA.vector_norm(torch.ones(3, dtype=torch.complex64), dtype=torch.float64),
            lambda: LA.norm(torch.ones(3, 3), dtype=torch.int32),
            lambda: torch.ones(3).norm(dtype=torch.int64),
            lambda: LA.matrix_norm(torch.ones(3, 3), ord=2, dtype=torch.float16),
            lambda: LA.matrix_norm(torch.ones(3, 3), dim=(1, -1))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = torch.tensor([[1., 0, -1], [0, 1, 0], [1, 0, 1]])
print(LA.cond(A))
print(LA.cond(A, 'fro'))
print(LA.cond(A, 'nuc'))
print(LA.cond(A, float('inf')))
print(LA.cond(A, float('-inf')))
print(LA.cond(A, 1))
print(LA.cond(A, -1))
print(LA.cond(A, 2))
print(LA.cond(A, -2))
torch.manual_seed(0)
A = torch.randn(2, 3, 3)
print(LA.cond(A))
A = torch.randn(2, 3, 3, dtype=torch.complex64)
print(LA.cond(A))
print(LA.cond(torch.tensor([[1., 2.], [2., 4.]]), 1))
print(LA.cond(torch.tensor([[1., 2.], [2., 4.]])))
for bad in [lambda: LA.cond(torch.ones(2, 3), 1), lambda: LA.cond(torch.ones(3)),
            lambda: LA.cond(torch.eye(3, dtype=torch.int64)), lambda: LA.cond(torch.eye(2), 3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = torch.eye(10)
print(LA.matrix_rank(A))
B = torch.eye(10)
B[0, 0] = 0
print(LA.matrix_rank(B))
torch.manual_seed(1)
A = torch.randn(4, 3, 2)
print(LA.matrix_rank(A))
A = torch.randn(2, 4, 2, 3)
print(LA.matrix_rank(A))
A = torch.randn(2, 4, 3, 3, dtype=torch.complex64)
print(LA.matrix_rank(A))
print(LA.matrix_rank(A, hermitian=True))
print(LA.matrix_rank(A, atol=1.0, rtol=0.0))
print(LA.matrix_rank(A, atol=1.0, rtol=0.0, hermitian=True))
print(LA.matrix_rank(torch.eye(3), atol=torch.tensor([0.5, 2.0])))
print(LA.matrix_rank(torch.diag(torch.tensor([1., 1e-3, 1e-9])), rtol=1e-4))
for bad in [lambda: LA.matrix_rank(torch.ones(3)), lambda: LA.matrix_rank(torch.eye(3, dtype=torch.int64)),
            lambda: LA.matrix_rank(torch.eye(3), tol=0.5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
