# Imitates the Examples blocks of PyTorch's torch.sparse documentation page as a learner retypes them: building COO
# tensors with and without a size, hybrid tensors, uncoalesced duplicates and coalesce / is_coalesced, indices /
# values, to_sparse, to_dense, how sparse tensors print, and the layout errors. (The CSR / CSC layouts are left out:
# the engine has no sparse_csr / sparse_csc tensors yet.)
import torch

i = [[0, 1, 1],
     [2, 0, 2]]
v = [3, 4, 5]
s = torch.sparse_coo_tensor(i, v, (2, 3))
print(s)
print(s.to_dense())
print(s.layout, s.dtype, s.shape, s.is_sparse, s.sparse_dim(), s.dense_dim(), s._nnz())

# %%
# without a size the shape is inferred from the indices
t = torch.sparse_coo_tensor(torch.tensor([[0, 1, 3], [2, 0, 1]]), torch.tensor([1.5, -2.0, 0.25]))
print(t)
print(t.size(), t.is_coalesced())
# hybrid: values are vectors
h = torch.sparse_coo_tensor(torch.tensor([[0, 1]]), torch.tensor([[1., 2.], [3., 4.]]), (3, 2))
print(h)
print(h.sparse_dim(), h.dense_dim(), h.to_dense())

# %%
# duplicates stay until coalesce sums them
d = torch.sparse_coo_tensor(torch.tensor([[1, 1, 0], [0, 0, 2]]), torch.tensor([3., 4., 5.]), (2, 3))
print(d)
print(d.is_coalesced())
c = d.coalesce()
print(c)
print(c.is_coalesced(), c.indices(), c.values())
print(d.to_dense())
try:
    d.indices()
except Exception as e:
    print(type(e).__name__, e)
print(d._indices(), d._values())

# %%
x = torch.tensor([[0., 2., 0.], [1., 0., 3.], [0., 0., 0.]])
xs = x.to_sparse()
print(xs)
print(x.to_sparse(1))
print(xs.to_dense(), xs.to_sparse() is xs)
print(x.to_sparse().coalesce().values().dtype)

# %%
# the usual mistakes
try:
    torch.sparse_coo_tensor(torch.tensor([[0, 1]]), torch.tensor([1., 2., 3.]), (3,))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.sparse_coo_tensor(torch.tensor([0, 1]), torch.tensor([1., 2.]), (3,))
except Exception as e:
    print(type(e).__name__, e)
try:
    x.values()
except Exception as e:
    print(type(e).__name__, e)
try:
    s.reshape(3, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.sparse_coo_tensor(torch.tensor([[0, 1]]), torch.tensor([1., 2.]), (3,), check_invariants=True).indices()
    torch.sparse_coo_tensor(torch.tensor([[0, 5]]), torch.tensor([1., 2.]), (3,), check_invariants=True)
except Exception as e:
    print(type(e).__name__, e)
