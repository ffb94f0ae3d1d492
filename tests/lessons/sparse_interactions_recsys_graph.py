# Imitates a recommender-systems / sparse-graph lesson: a user-item interaction matrix as a sparse COO tensor,
# batches of sparse adjacency matrices stacked and concatenated (torch.stack / torch.cat keep the sparse layout),
# user embeddings propagated with torch.sparse.mm and trained by gradient descent, a batch of graphs propagated
# through a block-diagonal torch.cat, and the errors learners hit when mixing layouts. (torch.sparse.sampled_addmm is
# left out: it needs a CSR mask, a layout the engine has not yet.)
import torch
torch.manual_seed(0)
users = torch.tensor([0, 0, 1, 2, 2, 3])
items = torch.tensor([1, 3, 0, 2, 3, 1])
ratings = torch.tensor([5., 3., 4., 1., 2., 4.])
R = torch.sparse_coo_tensor(torch.stack([users, items]), ratings, (4, 4))
print(R)
print(R.to_dense())
print(torch.sparse.sum(R, dim=1).to_dense())

# %%
R2 = torch.sparse_coo_tensor(torch.tensor([[1, 3], [2, 0]]), torch.tensor([2., 5.]), (4, 4))
B = torch.stack([R, R2])
print(B.layout, B.shape, B.is_sparse)
print(B)
print(B.to_dense()[1])
C = torch.cat([R, R2], dim=0)
print(C.layout, C.shape)
print(C)
C1 = torch.cat([R, R2], dim=1)
print(C1.layout, C1.shape, C1._nnz())
print(torch.stack([R, R2], dim=1).shape)

# %%
U = torch.randn(4, 3, requires_grad=True)
V = torch.randn(4, 3, requires_grad=True)
opt = torch.optim.SGD([U, V], lr=0.01)
for step in range(3):
    opt.zero_grad()
    pred = (U @ V.t())
    mask = R.to_dense() != 0
    loss = ((pred - R.to_dense())[mask] ** 2).mean()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(U.grad)

# %%
# propagate item embeddings to users through the sparse matrix
E = torch.randn(4, 3, requires_grad=True)
Hu = torch.sparse.mm(R, E)
print(Hu.grad_fn, Hu.shape)
Hu.norm().backward()
print(E.grad)

# %%
# two graphs batched: their adjacency matrices stacked, features propagated graph by graph
G = torch.stack([R, R2]).coalesce()
print(G.is_coalesced(), G._nnz(), G.indices()[0])
block = torch.cat([torch.cat([R, R2 * 0], 1), torch.cat([R2 * 0, R2], 1)], 0)
print(block.shape, block._nnz(), block.is_coalesced())
feats = torch.randn(2, 4, 3, requires_grad=True)
outs = torch.stack([torch.sparse.mm(R, feats[0]), torch.sparse.mm(R2, feats[1])])
print(outs.shape, outs.grad_fn)
outs.sum().backward()
print(feats.grad)

# %%
try:
    torch.stack([R, R.to_dense()])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat([R, torch.sparse_coo_tensor(torch.tensor([[0], [0]]), torch.tensor([1.]), (3, 3))], dim=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    R.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(torch.cat([R, R2], dim=0).coalesce().values())
