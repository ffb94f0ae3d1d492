# Imitates "node classification on Zachary's karate club from scratch" tutorials (no PyG): a small two-community
# graph from an edge list, one-hot node features, a two-layer GCN whose propagation uses a sparse normalised
# adjacency, train/test masks from a random split of the node indices, Adam, cross-entropy on the training nodes
# only, and accuracy on the held-out ones.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(42)
edge_list = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (0, 4), (4, 5), (5, 6), (4, 6), (3, 7),
             (7, 8), (8, 9), (9, 10), (8, 10), (7, 9), (10, 11), (9, 11), (6, 2), (11, 8)]
labels = torch.tensor([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
N = labels.numel()
src, dst = torch.tensor(edge_list).t()
edge_index = torch.stack([torch.cat([src, dst]), torch.cat([dst, src])])
deg = torch.bincount(edge_index[0], minlength=N)
print(N, edge_index.size(1), deg, deg.float().mean())

# %%
def normalized_adjacency(edge_index, n):
    loops = torch.arange(n)
    idx = torch.cat([edge_index, torch.stack([loops, loops])], dim=1)
    val = torch.ones(idx.size(1))
    A = torch.sparse_coo_tensor(idx, val, (n, n)).coalesce()
    d = torch.sparse.sum(A, dim=1).to_dense()
    r, c = A.indices()
    return torch.sparse_coo_tensor(A.indices(), A.values() * d[r].rsqrt() * d[c].rsqrt(), (n, n)).coalesce()

A_hat = normalized_adjacency(edge_index, N)
print(A_hat._nnz(), A_hat.to_dense()[0])
print(A_hat.values()[:6])

# %%
perm = torch.randperm(N)
train_idx, test_idx = perm[:6], perm[6:]
train_mask = torch.zeros(N, dtype=torch.bool)
train_mask[train_idx] = True
test_mask = ~train_mask
print(train_idx, test_idx)
print(train_mask, train_mask.sum().item(), test_mask.sum().item())

# %%
class GCNLayer(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.linear = nn.Linear(c_in, c_out)
    def forward(self, x, adj):
        return torch.sparse.mm(adj, self.linear(x))

class GCN(nn.Module):
    def __init__(self, c_in, hidden, classes):
        super().__init__()
        self.conv1 = GCNLayer(c_in, hidden)
        self.conv2 = GCNLayer(hidden, classes)
    def forward(self, x, adj):
        h = F.relu(self.conv1(x, adj))
        h = F.dropout(h, p=0.5, training=self.training)
        return self.conv2(h, adj)

X = torch.eye(N)
model = GCN(N, 8, 2)
print(model)
out = model(X, A_hat)
print(out.shape, out.grad_fn)

# %%
def accuracy(logits, y, mask):
    pred = logits.argmax(dim=1)
    return (pred[mask] == y[mask]).float().mean().item()

optimizer = torch.optim.Adam(model.parameters(), lr=0.05, weight_decay=5e-4)
for epoch in range(60):
    model.train()
    optimizer.zero_grad()
    out = model(X, A_hat)
    loss = F.cross_entropy(out[train_mask], labels[train_mask])
    loss.backward()
    optimizer.step()
    if epoch % 15 == 0:
        print(f"epoch {epoch:3d} loss {loss.item():.4f} train acc {accuracy(out, labels, train_mask):.2f}")

# %%
model.eval()
with torch.no_grad():
    logits = model(X, A_hat)
print(logits.argmax(1))
print(f"test accuracy: {accuracy(logits, labels, test_mask):.2f}")
print(F.softmax(logits, dim=1)[test_idx].round(decimals=3))

# %%
# the same model with the dense adjacency gives the same predictions
A_dense = A_hat.to_dense()
dense_logits = model.conv2(F.relu(model.conv1(X, A_dense)), A_dense)
print(torch.allclose(dense_logits, logits, atol=1e-6))
print(model.conv1.linear.weight.grad.abs().sum() > 0, model.conv1.linear.weight.grad.is_sparse)

# %%
# a mask of 0/1 integers is an index, not a mask
int_mask = train_mask.long()
print(labels[int_mask])

# %%
loss = F.cross_entropy(logits[train_mask], labels)
