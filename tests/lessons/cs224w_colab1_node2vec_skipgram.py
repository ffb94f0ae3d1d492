# Imitates Stanford CS224W Colab 1 ("Node embeddings": the karate club graph, an nn.Embedding of the nodes, positive
# edges against negative edges drawn with torch.randint, a sigmoid of dot products trained with BCE) and the
# node2vec / DeepWalk skip-gram notebooks written without PyG: uniform random walks over an adjacency list stored as
# CSR-style tensors (rowptr from a cumsum of degrees), context windows with unfold, negative sampling, and the
# embeddings' cosine similarities afterwards.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(224)
edges = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (4, 6), (5, 6), (6, 7), (7, 8), (7, 9),
         (8, 9), (2, 8)]
num_nodes = 10
edge_index = torch.tensor(edges, dtype=torch.long).t()
edge_index = torch.cat([edge_index, edge_index.flip(0)], dim=1)
print(edge_index.shape, edge_index.dtype)
print(edge_index[:, :6])

# %%
# CSR form of the adjacency: sort by source, count the degree, cumulative sum
perm = torch.argsort(edge_index[0] * num_nodes + edge_index[1])
row, col = edge_index[:, perm]
deg = torch.bincount(row, minlength=num_nodes)
rowptr = torch.cat([torch.zeros(1, dtype=torch.long), deg.cumsum(0)])
print("deg", deg)
print("rowptr", rowptr)
print("neighbours of 4:", col[rowptr[4]:rowptr[5]].tolist())

# %%
def random_walk(start, walk_length):
    walks = [start]
    cur = start
    for _ in range(walk_length - 1):
        lo, hi = rowptr[cur], rowptr[cur + 1]
        offset = (torch.rand(cur.size(0)) * (hi - lo)).long()   # one uniform neighbour per walk
        cur = col[lo + offset]
        walks.append(cur)
    return torch.stack(walks, dim=1)

starts = torch.arange(num_nodes).repeat(2)
walks = random_walk(starts, walk_length=6)
print(walks.shape)
print(walks[:4])

# %%
context_size = 3
windows = walks.unfold(1, context_size, 1).reshape(-1, context_size)
print(windows.shape)
pos_pairs = torch.stack([windows[:, :1].expand(-1, context_size - 1).reshape(-1), windows[:, 1:].reshape(-1)])
print(pos_pairs.shape, pos_pairs[:, :5])
neg_pairs = torch.stack([pos_pairs[0], torch.randint(0, num_nodes, (pos_pairs.size(1),))])
print(neg_pairs[:, :5])

# %%
emb = nn.Embedding(num_nodes, 8)
print(emb)
print(emb.weight.shape, emb.weight.requires_grad)
with torch.no_grad():
    emb.weight.uniform_(-0.5, 0.5)
print(emb.weight[:2])

# %%
def accuracy(pred, label):
    return round(((pred > 0.5).float() == label).sum().item() / pred.numel(), 4)

sigmoid = nn.Sigmoid()
loss_fn = nn.BCELoss()
opt = torch.optim.SGD(emb.parameters(), lr=0.1, momentum=0.9)
train_edge = torch.cat([pos_pairs, neg_pairs], dim=1)
train_label = torch.cat([torch.ones(pos_pairs.size(1)), torch.zeros(neg_pairs.size(1))])
for epoch in range(40):
    opt.zero_grad()
    h = emb(train_edge)
    score = (h[0] * h[1]).sum(-1)
    pred = sigmoid(score)
    loss = loss_fn(pred, train_label)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(f"Epoch: {epoch:03d}, Loss: {loss.item():.4f}, Acc: {accuracy(pred, train_label)}")

# %%
# skip-gram with negative sampling written with logsigmoid, and the BCEWithLogits form of the same loss
u, v, n = emb(pos_pairs[0]), emb(pos_pairs[1]), emb(neg_pairs[1])
sgns = -(F.logsigmoid((u * v).sum(-1)) + F.logsigmoid(-(u * n).sum(-1))).mean()
logits = torch.cat([(u * v).sum(-1), (u * n).sum(-1)])
bce = F.binary_cross_entropy_with_logits(logits, train_label, reduction="mean")
print(f"{sgns.item():.5f} {2 * bce.item():.5f}")
sgns.backward()
print(emb.weight.grad.abs().sum(1))

# %%
with torch.no_grad():
    z = F.normalize(emb.weight, dim=1)
    sim = z @ z.t()
print(sim[0].topk(4))
print(F.cosine_similarity(emb.weight[0:1], emb.weight, dim=1).argsort(descending=True)[:4])
print(torch.cdist(emb.weight[:3], emb.weight[:3]).detach())
