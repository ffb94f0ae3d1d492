# Imitates Stanford CS224W Colab 4/5 material without PyG: link prediction on a small graph (train / test edge split
# with randperm, negative edges sampled with torch.randint and filtered against existing edges, dot-product decoder,
# BCEWithLogits, a ranking accuracy), and graph classification on a batch of small graphs (a `batch` vector made
# with repeat_interleave, global mean / max / sum pooling with index_add_ and scatter_reduce, a readout MLP).
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(5)
num_nodes = 9
und = torch.tensor([[0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 2, 5], [1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 8, 8]])
perm = torch.randperm(und.size(1))
train_pos, test_pos = und[:, perm[:9]], und[:, perm[9:]]
print(train_pos, test_pos, sep="\n")
A = torch.zeros(num_nodes, num_nodes, dtype=torch.bool)
A[und[0], und[1]] = True
A = A | A.T
print(A.sum(1), A.dtype)

# %%
neg = torch.randint(0, num_nodes, (2, 30))
keep = (neg[0] != neg[1]) & ~A[neg[0], neg[1]]
neg = neg[:, keep][:, :train_pos.size(1)]
print(keep.sum().item(), neg.shape)
print(neg)

# %%
emb = nn.Embedding(num_nodes, 6)
lin = nn.Linear(6, 6)
opt = torch.optim.Adam(list(emb.parameters()) + list(lin.parameters()), lr=0.05)
adj = torch.cat([train_pos, train_pos.flip(0)], 1)
deg = torch.bincount(adj[1], minlength=num_nodes).float().clamp(min=1)

def encode():
    h = emb.weight
    agg = torch.zeros_like(h).index_add_(0, adj[1], h[adj[0]]) / deg.unsqueeze(1)
    return F.relu(lin(h + agg))

def decode(z, edges):
    return (z[edges[0]] * z[edges[1]]).sum(dim=-1)

for epoch in range(1, 51):
    opt.zero_grad()
    z = encode()
    logits = torch.cat([decode(z, train_pos), decode(z, neg)])
    labels = torch.cat([torch.ones(train_pos.size(1)), torch.zeros(neg.size(1))])
    loss = F.binary_cross_entropy_with_logits(logits, labels)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d} loss {loss.item():.4f}")

# %%
with torch.no_grad():
    z = encode()
    pos_s = decode(z, test_pos).sigmoid()
    neg_s = decode(z, torch.randint(0, num_nodes, (2, 6))).sigmoid()
print(pos_s, neg_s)
print("rank acc", (pos_s.unsqueeze(1) > neg_s.unsqueeze(0)).float().mean().item())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(2.0))
print(loss_fn(torch.logit(pos_s), torch.ones(3)))

# %%
sizes = torch.tensor([3, 4, 2])
batch = torch.repeat_interleave(torch.arange(3), sizes)
x = torch.randn(int(sizes.sum()), 4, requires_grad=True)
print(batch)
counts = torch.bincount(batch).unsqueeze(1)
sum_pool = torch.zeros(3, 4).index_add(0, batch, x)
mean_pool = sum_pool / counts
max_pool = torch.zeros(3, 4).scatter_reduce(0, batch.unsqueeze(1).expand(-1, 4), x, reduce="amax", include_self=False)
print(mean_pool)
print(max_pool)
print(torch.allclose(mean_pool[1], x[3:7].mean(0)))

# %%
readout = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2))
g = torch.cat([mean_pool, max_pool], dim=1)
out = readout(g)
loss = F.cross_entropy(out, torch.tensor([0, 1, 1]))
loss.backward()
print(loss)
print(x.grad)
