# Imitates "GCN from scratch" tutorials (Kipf & Welling without PyG): an edge list, the adjacency matrix with
# self-loops, the symmetric normalisation D^-1/2 (A+I) D^-1/2 built densely and as a sparse COO matrix
# (torch.sparse_coo_tensor, coalesce, to_dense, indices/values, to_sparse, torch.sparse.sum), and the
# propagation A_hat @ X @ W with torch.sparse.mm / torch.spmm / the @ operator.
import torch
torch.manual_seed(0)
edges = torch.tensor([[0, 1], [0, 2], [1, 2], [2, 3], [3, 4], [4, 5], [3, 5]])
N = 6
edge_index = torch.cat([edges.t(), edges.t().flip(0)], dim=1)
print(edge_index, edge_index.shape)
A = torch.zeros(N, N)
A[edge_index[0], edge_index[1]] = 1.0
print(A)
print(torch.equal(A, A.t()), A.sum(1))

# %%
A_tilde = A + torch.eye(N)
deg = A_tilde.sum(dim=1)
print(deg, torch.bincount(edge_index[0], minlength=N) + 1)
D_inv_sqrt = torch.diag(deg.pow(-0.5))
A_hat = D_inv_sqrt @ A_tilde @ D_inv_sqrt
print(A_hat)
print(A_hat.sum(1))

# %%
# the same matrix, sparse: one value per edge plus the self-loops
loops = torch.arange(N).repeat(2, 1)
ei = torch.cat([edge_index, loops], dim=1)
vals = torch.ones(ei.size(1))
A_sp = torch.sparse_coo_tensor(ei, vals, (N, N))
print(A_sp)
print(A_sp.is_sparse, A_sp.layout, A_sp.shape, A_sp._nnz(), A_sp.dtype, A_sp.is_coalesced())

# %%
# a learner asks for the indices straight away
print(A_sp.indices())

# %%
A_sp = A_sp.coalesce()
print(A_sp.is_coalesced(), A_sp._nnz())
print(A_sp.indices())
print(A_sp.values())
print(torch.equal(A_sp.to_dense(), A_tilde))

# %%
row, col = A_sp.indices()
d = torch.sparse.sum(A_sp, dim=1).to_dense()
print(d, torch.sparse.sum(A_sp))
norm_vals = d[row].pow(-0.5) * A_sp.values() * d[col].pow(-0.5)
A_hat_sp = torch.sparse_coo_tensor(A_sp.indices(), norm_vals, A_sp.shape)
print(A_hat_sp)
print(torch.allclose(A_hat_sp.to_dense(), A_hat))

# %%
X = torch.randn(N, 4)
W = torch.randn(4, 2)
H_dense = A_hat @ X @ W
H1 = torch.sparse.mm(A_hat_sp, X @ W)
H2 = torch.spmm(A_hat_sp, X @ W)
H3 = A_hat_sp @ (X @ W)
print(H1)
print(torch.allclose(H_dense, H1), torch.allclose(H1, H2), torch.allclose(H1, H3), H1.is_sparse)

# %%
# duplicated edges are summed when the tensor is coalesced (a multigraph's edge counts)
dup = torch.sparse_coo_tensor(torch.tensor([[0, 0, 1, 0], [1, 1, 0, 1]]), torch.tensor([1, 1, 1, 1]), (2, 2))
print(dup)
print(dup.coalesce())
print(dup.to_dense())

# %%
# from dense to sparse and back
I3 = torch.eye(3).to_sparse()
print(I3)
print(I3.is_coalesced(), I3.to_dense().is_sparse)
print(A_hat.to_sparse()._nnz(), (A_hat != 0).sum())
print(torch.tensor([[0., 2.], [3., 0.]], dtype=torch.float64).to_sparse())

# %%
# the shapes must chain: X @ W is (6, 2), not (4, 2)
torch.sparse.mm(A_hat_sp, W)

# %%
A_hat_sp.numpy()

# %%
A_hat_sp + torch.ones(N, N)

# %%
print(torch.ones(N, N) + A_hat_sp)
print((A_hat_sp * 2).to_dense().sum(), A_hat_sp.t().coalesce().indices()[:, :5])
