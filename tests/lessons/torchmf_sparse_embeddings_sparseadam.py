# Imitates the "Matrix factorization in PyTorch" recipe (Ethan Rosenthal's torchmf blog post and the
# d2l.ai "Matrix Factorization" chapter): user/item embeddings with sparse=True, SparseAdam and SGD on
# sparse gradients, and a look at what the sparse .grad holds.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_users, n_items, k = 5, 6, 3
ratings = torch.tensor([[0, 1, 4.0], [0, 3, 2.0], [1, 1, 5.0], [2, 4, 3.0], [3, 0, 1.0], [4, 5, 4.0], [1, 1, 4.0]])
users, items, r = ratings[:, 0].long(), ratings[:, 1].long(), ratings[:, 2]
U = nn.Embedding(n_users, k, sparse=True)
V = nn.Embedding(n_items, k, sparse=True)
print(U, V.sparse)
pred = (U(users) * V(items)).sum(1)
loss = F.mse_loss(pred, r)
loss.backward()
g = U.weight.grad
print(g.is_sparse, g.layout, g.shape, g.dtype)
print(g._nnz(), g.is_coalesced())
print(g)

# %%
print(g.coalesce())
print(g.coalesce().indices(), g.coalesce().values().shape)
print(torch.allclose(g.to_dense(), g.coalesce().to_dense()))
print(V.weight.grad.to_dense()[1])

# %%
opt = torch.optim.SparseAdam(list(U.parameters()) + list(V.parameters()), lr=0.05)
print(opt)
before = U.weight.detach().clone()
opt.step()
changed = (U.weight.detach() != before).any(dim=1)
print(changed)
opt.zero_grad()
print(U.weight.grad)

# %%
for epoch in range(30):
    opt.zero_grad()
    pred = (U(users) * V(items)).sum(1)
    loss = F.mse_loss(pred, r)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, round(loss.item(), 4))
print(sorted(opt.state_dict()["state"][0].keys()), opt.state_dict()["state"][0]["step"])

# %%
try:
    torch.optim.Adam(U.parameters(), lr=0.01).step()
    pred = (U(users) * V(items)).sum(1)
    F.mse_loss(pred, r).backward()
    torch.optim.Adam(U.parameters(), lr=0.01).step()
except Exception as e:
    print(type(e).__name__, e)

# %%
dense = nn.Embedding(n_users, k)
try:
    torch.optim.SparseAdam(dense.parameters()).step()
    (dense(users) ** 2).sum().backward()
    torch.optim.SparseAdam(dense.parameters()).step()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.SparseAdam([{"params": dense.weight}], lr=-1)
except Exception as e:
    print(type(e).__name__, e)

# %%
sgd_emb = nn.Embedding(4, 2, sparse=True)
nn.init.ones_(sgd_emb.weight)
sgd = torch.optim.SGD(sgd_emb.parameters(), lr=0.1, momentum=0.9)
for _ in range(3):
    sgd.zero_grad()
    sgd_emb(torch.tensor([1, 1, 3])).sum().backward()
    sgd.step()
print(sgd_emb.weight)
print(sgd.state[sgd_emb.weight]["momentum_buffer"])

# %%
wd = torch.optim.SGD(sgd_emb.parameters(), lr=0.1, weight_decay=0.01)
sgd_emb.zero_grad()
sgd_emb(torch.tensor([0])).sum().backward()
try:
    wd.step()
except Exception as e:
    print(type(e).__name__, e)
print(sgd_emb.weight.grad.coalesce().values())
