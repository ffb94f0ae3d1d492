# Imitates the autograd part of "sparse matrices in PyTorch" / GCN tutorials: which gradient a sparse adjacency
# gets (torch.sparse.mm gives a sparse gradient on the adjacency's pattern, torch.mm a dense one), the nodes
# PyTorch records (SparseAddmmBackward0, MmBackward0, SparseCooTensorWithDimsAndTensorsBackward0, CoalesceBackward0,
# ValuesBackward0, ToDenseBackward0, ToSparseBackward1, SparseSumBackward0), learnable edge weights through the
# values, and the errors learners hit.
import torch
torch.manual_seed(0)
i = torch.tensor([[0, 1, 1, 2, 0], [1, 0, 2, 1, 1]])
v = torch.tensor([1., 2., 3., 4., 0.5])
adj = torch.sparse_coo_tensor(i, v, (3, 3), requires_grad=True)
print(adj)
print(adj.requires_grad, adj.is_leaf, adj.grad_fn)

# %%
x = torch.randn(3, 2, requires_grad=True)
y = torch.sparse.mm(adj, x)
print(y)
print(y.grad_fn, y.grad_fn.next_functions[0][0], len(y.grad_fn.next_functions))
y.pow(2).sum().backward()
print(adj.grad)
print(x.grad)
print(adj.grad.is_sparse, adj.grad.is_coalesced(), adj.grad._nnz())

# %%
# torch.mm and @ record MmBackward0: the sparse leaf's gradient is dense
adj2 = torch.sparse_coo_tensor(i, v, (3, 3)).coalesce().requires_grad_()
print(adj2)
out = adj2 @ x
print(out.grad_fn, torch.mm(adj2, x).grad_fn)
out.sum().backward()
print(adj2.grad)
print(adj2.grad.layout)

# %%
# learnable edge weights: the values require grad, the sparse tensor is not a leaf
w = torch.ones(5, requires_grad=True)
A = torch.sparse_coo_tensor(i, w, (3, 3))
print(A)
print(A.is_leaf, A.grad_fn, A.grad_fn.next_functions)
h = torch.sparse.mm(A, x.detach())
h.sum().backward()
print(w.grad)

# %%
Ac = A.coalesce()
print(Ac.grad_fn, Ac.values().grad_fn, Ac.to_dense().grad_fn)
print(Ac)
dense = Ac.to_dense()
print(dense)
w.grad = None
(dense * torch.arange(9.).view(3, 3)).sum().backward()
print(w.grad)

# %%
# A's graph was freed by the backward above: build it again
A = torch.sparse_coo_tensor(i, w, (3, 3))
w.grad = None
torch.sparse.sum(A).backward()
print(w.grad, torch.sparse.sum(A).grad_fn, torch.sparse.sum(A, dim=0).grad_fn)
print(torch.sparse.sum(A, dim=0))

# %%
M = torch.tensor([[0., 1.5], [2., 0.]], requires_grad=True)
S = M.to_sparse()
print(S)
z = torch.sparse.mm(S, torch.ones(2, 2))
z.sum().backward()
print(M.grad)

# %%
# a second backward through torch.sparse.mm accumulates into the sparse .grad
adj3 = torch.sparse_coo_tensor(i, v, (3, 3)).coalesce().requires_grad_()
for step in range(2):
    torch.sparse.mm(adj3, x.detach()).sum().backward()
print(adj3.grad)

# %%
# the indices must be integers
torch.sparse_coo_tensor(i.float(), v, (3, 3))

# %%
torch.sparse_coo_tensor(i, v[:4], (3, 3))

# %%
torch.sparse_coo_tensor(i, v, (3,))

# %%
x.indices()

# %%
x.coalesce()

# %%
adj.values()
