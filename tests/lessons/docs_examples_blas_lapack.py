# Imitates the "Example::" blocks of PyTorch's API reference for the BLAS and LAPACK operations (addbmm, addmm,
# addmv, addr, baddbmm, bmm, chain_matmul's deprecation, dot, inner, matmul's shapes, matrix_power, mm, mv, outer,
# vdot) pasted cell by cell into a notebook, printed as the docs show them (seeded, sizes as in the docs).
import torch

# %%
torch.manual_seed(0)
M = torch.randn(3, 5)
batch1 = torch.randn(10, 3, 4)
batch2 = torch.randn(10, 4, 5)
print(torch.addbmm(M, batch1, batch2))
M = torch.randn(2, 3)
mat1 = torch.randn(2, 3)
mat2 = torch.randn(3, 3)
print(torch.addmm(M, mat1, mat2))
print(torch.addmm(M, mat1, mat2, beta=0.5, alpha=2))
M = torch.randn(2)
mat = torch.randn(2, 3)
vec = torch.randn(3)
print(torch.addmv(M, mat, vec))
vec1 = torch.arange(1., 4.)
vec2 = torch.arange(1., 3.)
M = torch.zeros(3, 2)
print(torch.addr(M, vec1, vec2))
print(torch.addr(torch.ones(3, 2, dtype=torch.int64), torch.arange(3), torch.arange(2), beta=2, alpha=3))
print(torch.addr(torch.tensor([[True, False]]), torch.tensor([True]), torch.tensor([False, True])))
M = torch.randn(10, 3, 5)
print(torch.baddbmm(M, batch1, batch2).size())
try:
    torch.addmm(torch.ones(2, 2, dtype=torch.int64), torch.ones(2, 2, dtype=torch.int64), torch.ones(2, 2, dtype=torch.int64), beta=0.5)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
input = torch.randn(10, 3, 4)
mat2 = torch.randn(10, 4, 5)
res = torch.bmm(input, mat2)
print(res.size())
a = torch.randn(3, 4)
b = torch.randn(4, 5)
c = torch.randn(5, 6)
d = torch.randn(6, 7)
print(torch.chain_matmul(a, b, c, d).shape)
print(torch.linalg.multi_dot([a, b, c, d]).shape)
print(torch.allclose(torch.chain_matmul(a, b, c, d), torch.linalg.multi_dot([a, b, c, d])))
for bad in [lambda: torch.bmm(input, torch.randn(10, 5, 4)), lambda: torch.bmm(input[0], mat2[0]),
            lambda: torch.chain_matmul(a, c)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
print(torch.dot(torch.tensor([2, 3]), torch.tensor([2, 1])))
t1, t2 = torch.tensor([0, 1]), torch.tensor([2, 3])
print(torch.dot(t1, t2))
print(torch.inner(torch.tensor([1, 2, 3]), torch.tensor([0, 2, 1])))
torch.manual_seed(2)
a = torch.randn(2, 3)
print(a)
b = torch.randn(2, 4, 3)
print(b)
print(torch.inner(a, b))
print(torch.inner(a, torch.tensor(2)))
a = torch.tensor([1 + 2j, 3 - 1j])
b = torch.tensor([2 + 1j, 4 - 0j])
print(torch.vdot(a, b))
print(torch.vdot(b, a), torch.dot(a, b))
for bad in [lambda: torch.dot(torch.tensor([1., 2.]), torch.tensor([1, 2])), lambda: torch.dot(torch.ones(2), torch.ones(3)),
            lambda: torch.dot(torch.ones(2, 2), torch.ones(2, 2)), lambda: torch.vdot(torch.ones(2), torch.ones(2, dtype=torch.float64))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(3)
tensor1 = torch.randn(3)
tensor2 = torch.randn(3)
print(torch.matmul(tensor1, tensor2).size())
tensor1 = torch.randn(3, 4)
tensor2 = torch.randn(4)
print(torch.matmul(tensor1, tensor2).size())
tensor1 = torch.randn(10, 3, 4)
tensor2 = torch.randn(4)
print(torch.matmul(tensor1, tensor2).size())
tensor1 = torch.randn(10, 3, 4)
tensor2 = torch.randn(10, 4, 5)
print(torch.matmul(tensor1, tensor2).size())
tensor1 = torch.randn(10, 3, 4)
tensor2 = torch.randn(4, 5)
print(torch.matmul(tensor1, tensor2).size())
print(torch.matmul(torch.randn(4), torch.randn(2, 4, 5)).size(), torch.matmul(torch.randn(2, 1, 3, 4), torch.randn(5, 4, 2)).size())
for bad in [lambda: torch.matmul(torch.randn(3), torch.randn(4)), lambda: torch.matmul(torch.randn(2, 3), torch.randn(2, 3)),
            lambda: torch.matmul(torch.tensor(1.), torch.randn(2)), lambda: torch.matmul(torch.randn(2, 3, 4), torch.randn(3, 4, 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(4)
a = torch.randn(2, 2)
print(a)
print(torch.matrix_power(a, 3))
print(torch.matrix_power(a, 0), torch.matrix_power(torch.tensor([[2., 0.], [0., 4.]]), -1))
print(torch.matrix_power(torch.arange(4).view(2, 2), 2))
mat1 = torch.randn(2, 3)
mat2 = torch.randn(3, 3)
print(torch.mm(mat1, mat2))
mat = torch.randn(2, 3)
vec = torch.randn(3)
print(torch.mv(mat, vec))
v1 = torch.arange(1., 5.)
v2 = torch.arange(1., 4.)
print(torch.outer(v1, v2), torch.ger(v1, v2).shape)
for bad in [lambda: torch.mm(mat1, mat1), lambda: torch.mv(mat, torch.randn(2)), lambda: torch.matrix_power(mat1, 2),
            lambda: torch.matrix_power(torch.arange(4).view(2, 2), -1), lambda: torch.mm(torch.ones(2, 2), torch.ones(2, 2, dtype=torch.int64))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
