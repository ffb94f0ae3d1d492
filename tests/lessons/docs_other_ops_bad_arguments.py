# Imitates a learner working through the "Example::" blocks of PyTorch 2.13's "Other Operations" reference
# (torch.atleast_*, broadcast_shapes, bucketize, searchsorted with side/sorter, cartesian_prod, cdist, combinations,
# cross with dim, cummax, diag_embed, diff, einsum sublists, flatten/unflatten, rot90, kron, gcd/lcm, histc,
# histogram, meshgrid, renorm, repeat_interleave, roll, tensordot, tril_indices, unique_consecutive, vander)
# and then changing one argument at a time to see what PyTorch says when it is wrong; every error is caught and
# printed as `type: message`.
import torch


def show(make):
    try:
        out = make()
        print(out.dtype if isinstance(out, torch.Tensor) else type(out).__name__, out)
    except Exception as e:
        print(type(e).__name__, e)


# %%
show(lambda: torch.atleast_1d(torch.tensor(1), torch.tensor([2, 3])))
show(lambda: torch.atleast_2d([torch.tensor(1.), torch.tensor([2.])]))
show(lambda: torch.atleast_3d(torch.ones(2, 3, 4, 5)).shape)
show(lambda: torch.broadcast_shapes((2, 1), (1, 3), ()))
show(lambda: torch.broadcast_shapes((2, 3), (3, 2)))
show(lambda: torch.broadcast_shapes(3, (2, 1)))
show(lambda: torch.broadcast_shapes((-1,), (2,)))
show(lambda: torch.broadcast_tensors(torch.ones(2, 3), torch.ones(3, 2)))

# %%
boundaries = torch.tensor([1, 3, 5, 7, 9])
show(lambda: torch.bucketize(torch.tensor([3.5, 9.]), boundaries))
show(lambda: torch.bucketize(torch.tensor([3, 9]), boundaries.view(5, 1)))
show(lambda: torch.bucketize(3, boundaries))
show(lambda: torch.bucketize(torch.tensor([[3, 6]]), boundaries, out_int32=True, right=True))
show(lambda: torch.searchsorted(boundaries, torch.tensor([4, 9]), side='middle'))
show(lambda: torch.searchsorted(boundaries, torch.tensor([4, 9]), out_int32=True, side='right'))
show(lambda: torch.searchsorted(torch.tensor([9, 1, 5]), torch.tensor([2]), sorter=torch.tensor([1, 2])))
show(lambda: torch.searchsorted(torch.tensor([9, 1, 5]), torch.tensor([2]), sorter=torch.tensor([1, 2, 0], dtype=torch.int32)))
show(lambda: torch.searchsorted(torch.tensor([[1, 3], [2, 4]]), torch.tensor([2, 3])))
show(lambda: torch.searchsorted(torch.tensor([1., 3.]), torch.tensor([2, 3])))

# %%
a = torch.tensor([1, 2, 3])
show(lambda: torch.cartesian_prod(a, torch.tensor([[4, 5]])))
show(lambda: torch.cartesian_prod(a, torch.tensor([4., 5.])))
show(lambda: torch.combinations(a, r=-1))
show(lambda: torch.combinations(torch.ones(2, 2)))
show(lambda: torch.combinations(a, r=0))
show(lambda: torch.combinations(a, r=2, with_replacement=True).shape)
show(lambda: torch.cdist(torch.ones(3, 2), torch.ones(2, 3)))
show(lambda: torch.cdist(torch.ones(3), torch.ones(2, 3)))
show(lambda: torch.cdist(torch.ones(3, 2), torch.ones(2, 2), p=-1))
show(lambda: torch.cdist(torch.ones(3, 2, dtype=torch.int64), torch.ones(2, 2, dtype=torch.int64)))

# %%
torch.manual_seed(0)
a = torch.randn(4, 3)
b = torch.randn(4, 3)
show(lambda: torch.cross(a, b, dim=0))
show(lambda: torch.cross(a, torch.randn(4, 2), dim=1))
show(lambda: torch.linalg.cross(a, b, dim=0))
show(lambda: torch.cross(a, b, dim=5))
show(lambda: torch.cummax(a, dim=2))
show(lambda: torch.cumprod(a, dim=-3))
show(lambda: torch.logcumsumexp(torch.tensor([1, 2]), 0))
show(lambda: torch.cummin(torch.tensor([]), 0))
show(lambda: torch.cumprod(torch.tensor([1, 2]), 0, dtype=torch.float64))

# %%
x = torch.randn(2, 3)
show(lambda: torch.diag_embed(x, dim1=1, dim2=1))
show(lambda: torch.diag_embed(x, dim1=4))
show(lambda: torch.diagflat(x, 5).shape)
show(lambda: torch.diff(x, dim=2))
show(lambda: torch.diff(x, n=-1))
show(lambda: torch.diff(x, prepend=torch.ones(3)))
show(lambda: torch.diff(x, dim=0, append=torch.ones(1, 2)))
show(lambda: torch.diff(torch.tensor(3.)))
show(lambda: torch.diff(torch.tensor([1, 2]), append=torch.tensor([3.5])))

# %%
A = torch.ones(2, 3)
B = torch.ones(3, 4)
show(lambda: torch.einsum(A, [0, 1], B, [1, 2]).shape)
show(lambda: torch.einsum(A, [0, 1], B, [2, 3], [0, 3]))
show(lambda: torch.einsum(A, [0, 1, 2], B, [1, 2]))
show(lambda: torch.einsum(A, [0, 60], B, [60, 2]))
show(lambda: torch.einsum('ij,jk->ik', A, B.T))
show(lambda: torch.einsum('ij,jk->il', A, B))
show(lambda: torch.einsum('ij,jk', A))
show(lambda: torch.einsum('ij->jii', A))
show(lambda: torch.einsum('i j , j k -> i k', A, B).shape)

# %%
t = torch.arange(24).view(2, 3, 4)
show(lambda: torch.flatten(t, start_dim=2, end_dim=1))
show(lambda: torch.flatten(t, 3))
show(lambda: torch.flatten(torch.tensor(5)))
show(lambda: torch.unflatten(t, 1, (3, -1, 1)).shape)
show(lambda: torch.unflatten(t, 2, (3, 2)))
show(lambda: torch.unflatten(t, 2, ()))
show(lambda: t.unflatten(-1, (2, 2)).shape)
show(lambda: torch.ravel(t.transpose(0, 2)).is_contiguous())

# %%
m = torch.arange(6).view(2, 3)
show(lambda: torch.rot90(m, 1, [0, 0]))
show(lambda: torch.rot90(m, 1, [0]))
show(lambda: torch.rot90(m, 1, [0, 2]))
show(lambda: torch.rot90(torch.arange(3)))
show(lambda: torch.rot90(m, 5, [1, 0]))
show(lambda: torch.flip(m, [0, 0]))
show(lambda: torch.flip(m, [2]))
show(lambda: torch.fliplr(torch.arange(3)))
show(lambda: torch.flipud(torch.tensor(1)))
show(lambda: torch.roll(m, (1, 2), (0,)))
show(lambda: torch.roll(m, 1, 2))
show(lambda: torch.roll(torch.tensor([]), 1))

# %%
show(lambda: torch.kron(torch.tensor([1, 2]), torch.tensor([0.5, 1.])))
show(lambda: torch.kron(torch.tensor(2), torch.tensor([[1, 2]])))
show(lambda: torch.gcd(torch.tensor([5, 10, 15]), torch.tensor([3, 4, 5])))
show(lambda: torch.lcm(torch.tensor([5, 10, 15]), torch.tensor([3, 4, 5])))
show(lambda: torch.gcd(torch.tensor([-4, 0, 0]), torch.tensor([6, 0, -3])))
show(lambda: torch.lcm(torch.tensor([-4, 0]), torch.tensor([6, 5])))
show(lambda: torch.gcd(torch.tensor([4.]), torch.tensor([6.])))
show(lambda: torch.gcd(torch.tensor([4], dtype=torch.int32), torch.tensor([6], dtype=torch.int64)))
show(lambda: torch.lcm(torch.tensor([4], dtype=torch.uint8), torch.tensor([6], dtype=torch.uint8)))
show(lambda: torch.gcd(torch.tensor([True]), torch.tensor([False])))
show(lambda: torch.tensor([12, 18]).gcd(torch.tensor(8)))

# %%
x = torch.tensor([1., 2, 1])
show(lambda: torch.histc(x, bins=0))
show(lambda: torch.histc(x, bins=4, min=3, max=0))
show(lambda: torch.histc(torch.tensor([1, 2, 1]), bins=4))
show(lambda: torch.histc(x, bins=3, min=1, max=1))
show(lambda: torch.histc(torch.tensor([]), bins=3))
show(lambda: torch.histogram(x, bins=-1))
show(lambda: torch.histogram(x, bins=2, range=(2., 1.)))
show(lambda: torch.histogram(torch.tensor([1, 2]), bins=2))
show(lambda: torch.histogram(x, bins=torch.tensor([2., 1.])))
show(lambda: torch.histogram(x, bins=2, weight=torch.ones(2)))

# %%
x = torch.tensor([1, 2, 3])
show(lambda: torch.meshgrid(x, torch.ones(2, 2), indexing='ij'))
show(lambda: torch.meshgrid(x, x, indexing='yx'))
show(lambda: torch.meshgrid(x, torch.tensor([1., 2.]), indexing='ij'))
show(lambda: torch.meshgrid())
show(lambda: torch.renorm(torch.ones(3, 3), -1, 0, 5))
show(lambda: torch.renorm(torch.ones(3, 3), 2, 0, -5))
show(lambda: torch.renorm(torch.ones(3), 2, 0, 5))
show(lambda: torch.renorm(torch.ones(3, 3, dtype=torch.int64), 2, 0, 5))

# %%
y = torch.tensor([[1, 2], [3, 4]])
show(lambda: torch.repeat_interleave(y, torch.tensor([1, 2, 3]), dim=0))
show(lambda: torch.repeat_interleave(y, torch.tensor([-1, 2]), dim=0))
show(lambda: torch.repeat_interleave(y, -2))
show(lambda: torch.repeat_interleave(y, torch.tensor([[1, 2]]), dim=0))
show(lambda: torch.repeat_interleave(y, torch.tensor([1., 2.]), dim=0))
show(lambda: torch.repeat_interleave(y, 2, dim=3))
show(lambda: torch.repeat_interleave(torch.tensor([[1, 2]])))
show(lambda: torch.repeat_interleave(y, torch.tensor(2), dim=1))

# %%
a = torch.arange(6.).view(2, 3)
show(lambda: torch.tensordot(a, a, dims=3))
show(lambda: torch.tensordot(a, a, dims=-1))
show(lambda: torch.tensordot(a, a, dims=([0], [1])))
show(lambda: torch.tensordot(a, a, dims=([0, 1], [0])))
show(lambda: torch.tensordot(a, torch.arange(6).view(3, 2), dims=1))
show(lambda: torch.tensordot(a, a.T, dims=[[1], [0]]))
show(lambda: torch.tensordot(a, a, dims=torch.tensor(1)))
show(lambda: torch.trace(torch.ones(2, 2, 2)))
show(lambda: torch.tril_indices(3, 3, offset=5))
show(lambda: torch.triu_indices(2, 4, -5))
show(lambda: torch.tril_indices(-1, 3))
show(lambda: torch.tril_indices(3, 3, dtype=torch.float32))
show(lambda: torch.triu_indices(3, 2, dtype=torch.int32))

# %%
x = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
show(lambda: torch.unique_consecutive(x, dim=1))
show(lambda: torch.unique_consecutive(torch.tensor([]), return_counts=True))
show(lambda: torch.unique_consecutive(torch.tensor([[1, 1], [2, 2], [2, 2]]), return_inverse=True, dim=0))
show(lambda: torch.unique_consecutive(torch.tensor([[1, 1], [2, 2], [2, 2]]), return_inverse=True, return_counts=True, dim=1))
show(lambda: torch.unique_consecutive(torch.tensor([1., float('nan'), float('nan'), 2.]), return_counts=True))
show(lambda: torch.vander(torch.ones(2, 2)))
show(lambda: torch.vander(torch.tensor([1, 2]), N=-1))
show(lambda: torch.vander(torch.tensor([1, 2], dtype=torch.uint8), increasing=True))
