# Imitates the "Example::" blocks of PyTorch's API reference for the "Other Operations" section (atleast_1d/2d/3d,
# bincount, block_diag, broadcast_tensors/shapes, bucketize, cartesian_prod, cdist, combinations, corrcoef, cov,
# cross, cummax/cumsum/logcumsumexp, diag/diag_embed/diagflat/diagonal, diff, einsum, flip/rot90, kron, histc,
# histogram, meshgrid, renorm, repeat_interleave, roll, searchsorted, tensordot, trace, tril/triu, vander,
# view_as_real/view_as_complex) pasted cell by cell into a notebook, printed as the docs show them.
import torch

# %%
print(torch.atleast_1d(torch.tensor(1.)), torch.atleast_1d((torch.tensor(0.5), torch.tensor(1.))))
print(torch.atleast_2d(torch.tensor(1.)), torch.atleast_2d(torch.arange(2)))
print(torch.atleast_3d(torch.tensor(0.5)), torch.atleast_3d(torch.arange(4).view(2, 2)).shape)
print(torch.atleast_3d(torch.tensor(1), torch.tensor(2)))
torch.manual_seed(0)
input = torch.randint(0, 8, (5,), dtype=torch.int64)
weights = torch.linspace(0, 1, steps=5)
print(input, weights)
print(torch.bincount(input))
print(input.bincount(weights))
print(torch.bincount(torch.tensor([1, 1, 3]), minlength=6), torch.bincount(torch.tensor([0, 1]), torch.tensor([1, 2], dtype=torch.int32)))
try:
    torch.bincount(torch.tensor([-1, 2]))
except Exception as e:
    print(type(e).__name__, e)

# %%
A = torch.tensor([[0, 1], [1, 0]])
B = torch.tensor([[3, 4, 5], [6, 7, 8]])
C = torch.tensor(7)
D = torch.tensor([1, 2, 3])
E = torch.tensor([[4], [5], [6]])
print(torch.block_diag(A, B, C, D, E))
x = torch.arange(3).view(1, 3)
y = torch.arange(2).view(2, 1)
a, b = torch.broadcast_tensors(x, y)
print(a.size())
print(a)
print(torch.broadcast_shapes((2,), (3, 1), (1, 1, 1)))
try:
    torch.broadcast_shapes((2,), (3,))
except Exception as e:
    print(type(e).__name__, e)

# %%
boundaries = torch.tensor([1, 3, 5, 7, 9])
v = torch.tensor([[3, 6, 9], [3, 6, 9]])
print(torch.bucketize(v, boundaries))
print(torch.bucketize(v, boundaries, right=True))
print(torch.bucketize(torch.tensor(4.5), boundaries, out_int32=True))
sorted_sequence = torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]])
values = torch.tensor([[3, 6, 9], [3, 6, 9]])
print(torch.searchsorted(sorted_sequence, values))
print(torch.searchsorted(sorted_sequence, values, side='right'))
sorted_sequence_1d = torch.tensor([1, 3, 5, 7, 9])
print(torch.searchsorted(sorted_sequence_1d, values))
sorted_sequence_1d = torch.tensor([1, 3, 5, 7, 9])
print(torch.searchsorted(sorted_sequence_1d, 5, right=True))
sorter = torch.tensor([4, 0, 2, 1, 3])
print(torch.searchsorted(torch.tensor([9, 1, 5, 7, 3]), torch.tensor([2, 8]), sorter=sorter))
try:
    torch.searchsorted(sorted_sequence_1d, values, side='left', right=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = [1, 2, 3]
b = [4, 5]
tensor_a = torch.tensor(a)
tensor_b = torch.tensor(b)
print(torch.cartesian_prod(tensor_a, tensor_b))
a = [1, 2, 3]
tensor_a = torch.tensor(a)
print(torch.combinations(tensor_a))
print(torch.combinations(tensor_a, r=3))
print(torch.combinations(tensor_a, with_replacement=True))
print(torch.combinations(tensor_a, r=4), torch.cartesian_prod(tensor_a))
a = torch.tensor([[0.9041, 0.0196], [-0.3108, -2.4423], [-0.4821, 1.059]])
b = torch.tensor([[-2.1763, -0.4713], [-0.6986, 1.3702]])
print(torch.cdist(a, b, p=2))
print(torch.cdist(a, b, p=1), torch.cdist(a, b, p=float('inf')), torch.cdist(a, b, p=0))

# %%
torch.manual_seed(1)
x = torch.randn(2, 4)
print(x)
print(torch.corrcoef(x))
print(torch.corrcoef(x[0]))
x = torch.tensor([[0, 2], [1, 1], [2, 0]]).T
print(x)
print(torch.cov(x))
print(torch.cov(x, correction=0))
fw = torch.randint(1, 10, (3,))
print(fw)
aw = torch.rand(3)
print(aw)
print(torch.cov(x, fweights=fw, aweights=aw))
for bad in [lambda: torch.cov(x, fweights=torch.tensor([1., 2, 3])), lambda: torch.cov(x, aweights=torch.tensor([-1., 2, 3])),
            lambda: torch.cov(torch.ones(2, 2, 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(2)
a = torch.randn(4, 3)
b = torch.randn(4, 3)
print(torch.cross(a, b, dim=1))
print(torch.linalg.cross(a, b))
print(torch.cross(torch.arange(6.).view(3, 2), torch.ones(3, 2), dim=0))
a = torch.randn(10)
values, indices = torch.cummax(a, dim=0)
print(values, indices)
print(torch.cummin(torch.tensor([3, 1, 2, 1, 0]), 0))
print(torch.cumprod(torch.tensor([1., 2., 0., 3.]), dim=0), torch.cumsum(torch.arange(5), 0, dtype=torch.float32))
print(torch.logcumsumexp(torch.tensor([0., 1., 2.]), dim=0), torch.cumsum(torch.tensor([True, True]), 0))

# %%
torch.manual_seed(3)
a = torch.randn(3)
print(torch.diag(a))
print(torch.diag(a, 1))
a = torch.randn(3, 3)
print(torch.diag(a, 0), torch.diag(a, -1))
x = torch.randn(2, 3)
print(torch.diag_embed(x))
print(torch.diag_embed(x, offset=1, dim1=0, dim2=2).shape)
print(torch.diagflat(torch.tensor([[1, 2], [3, 4]])), torch.diagflat(torch.tensor([1, 2]), 1))
x = torch.arange(24).view(2, 3, 4)
print(torch.diagonal(x, offset=0, dim1=-2, dim2=-1), torch.diagonal(x, 1, 0, 2))

# %%
a = torch.tensor([1, 3, 2])
print(torch.diff(a))
b = torch.tensor([4, 5])
print(torch.diff(a, append=b))
c = torch.tensor([[1, 2, 3], [3, 4, 5]])
print(torch.diff(c, dim=0))
print(torch.diff(c, dim=1))
print(torch.diff(a, n=2, prepend=torch.tensor([0])), torch.diff(torch.tensor([True, False, False])))
print(torch.einsum('ii', torch.arange(9.).view(3, 3)))
print(torch.einsum('ii->i', torch.arange(9.).view(3, 3)))
x = torch.arange(5.)
y = torch.arange(4.)
print(torch.einsum('i,j->ij', x, y))
As = torch.arange(24.).view(3, 2, 4)
Bs = torch.arange(30.).view(3, 4, 5)
print(torch.einsum('bij,bjk->bik', As, Bs).shape)
print(torch.einsum(As, [..., 0, 1], Bs, [..., 1, 2], [..., 0, 2]).shape)
A = torch.arange(6.).view(2, 3)
print(torch.einsum('ij->ji', [A]), torch.einsum('...ij->...ji', As).shape, torch.einsum('i,i', x, x))

# %%
x = torch.arange(8).view(2, 2, 2)
print(torch.flip(x, [0, 1]))
x = torch.arange(4).view(2, 2)
print(torch.fliplr(x), torch.flipud(x))
print(torch.rot90(x, 1, [0, 1]), torch.rot90(x, 2, [0, 1]), torch.rot90(x, -1, [0, 1]))
mat1 = torch.eye(2)
mat2 = torch.ones(2, 2)
print(torch.kron(mat1, mat2))
print(torch.kron(torch.tensor([1, 2]), torch.tensor([[1], [10]])))
print(torch.histc(torch.tensor([1., 2, 1]), bins=4, min=0, max=3))
print(torch.histogram(torch.tensor([1., 2, 1]), bins=4, range=(0., 3.), weight=torch.tensor([1., 2., 4.])))
print(torch.histogram(torch.tensor([1., 2, 1]), bins=4, range=(0., 3.), weight=torch.tensor([1., 2., 4.]), density=True))
print(torch.histogram(torch.tensor([1., 2, 1]), torch.tensor([0., 1.5, 3.])))

# %%
x = torch.tensor([1, 2, 3])
y = torch.tensor([4, 5, 6])
grid_x, grid_y = torch.meshgrid(x, y, indexing='ij')
print(grid_x)
print(grid_y)
print(torch.equal(torch.cat(tuple(torch.dstack([grid_x, grid_y]))), torch.cartesian_prod(x, y)))
print(torch.meshgrid(x, torch.tensor([7, 8]), indexing='xy'))
x = torch.ones(3, 3)
x[1].fill_(2)
x[2].fill_(3)
print(x)
print(torch.renorm(x, 1, 0, 5))
print(torch.renorm(x, 2, 1, 2))

# %%
x = torch.tensor([1, 2, 3])
print(x.repeat_interleave(2))
y = torch.tensor([[1, 2], [3, 4]])
print(torch.repeat_interleave(y, 2))
print(torch.repeat_interleave(y, 3, dim=1))
print(torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0))
print(torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0, output_size=3))
print(torch.repeat_interleave(torch.tensor([1, 2, 3])))
x = torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2)
print(torch.roll(x, 1))
print(torch.roll(x, 1, 0))
print(torch.roll(x, -1, 0))
print(torch.roll(x, shifts=(2, 1), dims=(0, 1)))
try:
    torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0, output_size=4)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.arange(60.).reshape(3, 4, 5)
b = torch.arange(24.).reshape(4, 3, 2)
print(torch.tensordot(a, b, dims=([1, 0], [0, 1])))
a = torch.arange(6.).view(2, 3)
print(torch.tensordot(a, torch.ones(3, 2), dims=1), torch.tensordot(a, a, dims=2), torch.tensordot(a, a, 0).shape)
x = torch.arange(1., 10.).view(3, 3)
print(x)
print(torch.trace(x), torch.trace(torch.arange(6).view(2, 3)))
a = torch.arange(12.).view(3, 4)
print(torch.tril(a), torch.tril(a, diagonal=1), torch.tril(a, diagonal=-1))
print(torch.triu(a, 1), torch.triu(a, -1))
print(torch.tril_indices(3, 3), torch.tril_indices(4, 3, -1), torch.tril_indices(4, 3, 1))
print(torch.triu_indices(3, 3), torch.triu_indices(4, 3, -1), torch.triu_indices(4, 3, 1))

# %%
x = torch.tensor([1, 2, 3, 5])
print(torch.vander(x))
print(torch.vander(x, N=3))
print(torch.vander(x, N=3, increasing=True))
print(torch.vander(torch.tensor([0.5, 2.])), torch.vander(x, N=0))
x = torch.tensor([[0.4, -0.1], [1.2, 0.7]])
z = torch.view_as_complex(x)
print(z)
print(torch.view_as_real(z))
print(torch.view_as_real(torch.tensor([1 + 2j, 3 - 1j])))
for bad in [lambda: torch.view_as_complex(torch.ones(3)), lambda: torch.view_as_real(torch.ones(2)),
            lambda: torch.view_as_complex(torch.ones(2, 2, dtype=torch.int64))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
