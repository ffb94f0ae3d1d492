# Imitates "graph classification from scratch" notebooks (GIN / GCN readout without torch_geometric, as in the
# 'GNNs from scratch' tutorials' batching chapter): small graphs batched into one disjoint graph (edge_index offset
# with cumsum, a batch vector with repeat_interleave, the block-diagonal adjacency with torch.block_diag), GIN's sum
# aggregation with index_add_, global mean / max / sum pooling by the batch vector (index_add_ + bincount,
# scatter_reduce 'mean' / 'amax' with and without include_self), and a training loop with cross_entropy.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)

def ring(n):
    src = torch.arange(n)
    dst = (src + 1) % n
    return torch.stack([torch.cat([src, dst]), torch.cat([dst, src])])

def star(n):
    leaves = torch.arange(1, n)
    hub = torch.zeros(n - 1, dtype=torch.long)
    return torch.stack([torch.cat([hub, leaves]), torch.cat([leaves, hub])])

graphs = [(ring(4), 0), (star(5), 1), (ring(5), 0), (star(4), 1), (ring(3), 0), (star(6), 1)]
sizes = torch.tensor([int(ei.max()) + 1 for ei, _ in graphs])
print(sizes, sizes.cumsum(0))

# %%
offsets = torch.cat([torch.zeros(1, dtype=torch.long), sizes.cumsum(0)[:-1]])
edge_index = torch.cat([ei + off for (ei, _), off in zip(graphs, offsets)], dim=1)
batch = torch.repeat_interleave(torch.arange(len(graphs)), sizes)
y = torch.tensor([lab for _, lab in graphs])
N = int(sizes.sum())
print(edge_index.shape, batch, y)
deg = torch.bincount(edge_index[0], minlength=N)
x = torch.stack([deg.float(), torch.ones(N)], dim=1)
print(x[:6].t())

# %%
adjs = []
for ei, _ in graphs:
    n = int(ei.max()) + 1
    a = torch.zeros(n, n)
    a[ei[0], ei[1]] = 1.
    adjs.append(a)
A = torch.block_diag(*adjs)
A_e = torch.zeros(N, N).index_put_((edge_index[0], edge_index[1]), torch.ones(edge_index.size(1)), accumulate=True)
print(A.shape, torch.equal(A, A_e), A.sum(1)[:9])

# %%
def global_mean_pool(h, batch, size=None):
    size = int(batch.max()) + 1 if size is None else size
    out = torch.zeros(size, h.size(1), dtype=h.dtype).index_add_(0, batch, h)
    return out / torch.bincount(batch, minlength=size).clamp(min=1).unsqueeze(1).to(h.dtype)

def global_max_pool(h, batch):
    size = int(batch.max()) + 1
    index = batch.unsqueeze(1).expand_as(h)
    return torch.full((size, h.size(1)), float('-inf')).scatter_reduce(0, index, h, reduce='amax', include_self=True)

h = torch.randn(N, 3, requires_grad=True)
mean_p = global_mean_pool(h, batch)
max_p = global_max_pool(h, batch)
idx = batch.unsqueeze(1).expand_as(h)
mean_s = torch.zeros(len(graphs), 3).scatter_reduce(0, idx, h, reduce='mean', include_self=False)
mean_self = torch.zeros(len(graphs), 3).scatter_reduce(0, idx, h, reduce='mean')
print(mean_p, mean_p.grad_fn)
print(max_p, max_p.grad_fn)
print(torch.allclose(mean_p, mean_s), (mean_self - mean_p).abs().max() > 0)

# %%
(mean_p.sum() + 2 * max_p.sum() + mean_self.sum()).backward()
print(h.grad[:8])
print(torch.zeros(2, 3).scatter_reduce(0, torch.tensor([[0, 0, 0], [0, 0, 0]]), torch.ones(2, 3), 'amin',
                                       include_self=False))
print(torch.zeros(3).scatter_reduce(0, torch.tensor([0, 0]), torch.tensor([2., 4.]), 'mean', include_self=False))

# %%
class GINLayer(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.eps = nn.Parameter(torch.zeros(1))
        self.mlp = nn.Sequential(nn.Linear(c_in, c_out), nn.ReLU(), nn.Linear(c_out, c_out))

    def forward(self, x, edge_index):
        src, dst = edge_index
        agg = torch.zeros_like(x).index_add_(0, dst, x[src])
        return self.mlp((1 + self.eps) * x + agg)

class GraphClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1, self.conv2 = GINLayer(2, 16), GINLayer(16, 16)
        self.head = nn.Linear(32, 2)

    def forward(self, x, edge_index, batch):
        h = F.relu(self.conv1(x, edge_index))
        h = self.conv2(h, edge_index)
        return self.head(torch.cat([global_mean_pool(h, batch), global_max_pool(h, batch)], dim=1))

model = GraphClassifier()
print(sum(p.numel() for p in model.parameters()))
opt = torch.optim.Adam(model.parameters(), lr=0.005)
for epoch in range(20):
    opt.zero_grad()
    logits = model(x, edge_index, batch)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    opt.step()
    if epoch % 5 == 0:
        print(epoch, round(loss.item(), 4), (logits.argmax(1) == y).sum().item(), '/', len(y))
print(model.conv1.eps, model.head.bias.grad)

# %%
# mistakes: a batch vector as float, an index of the wrong rank, a pool of ints
for make in [lambda: torch.zeros(6, 3).index_add_(0, batch.float(), h.detach()),
             lambda: torch.zeros(6, 3).scatter_reduce(0, batch, h.detach(), reduce='mean'),
             lambda: torch.zeros(6, 3).scatter_reduce(0, idx, h.detach(), reduce='average'),
             lambda: torch.zeros(6, 3, dtype=torch.long).index_add_(0, batch, h.detach()),
             lambda: torch.bincount(batch.view(2, -1)),
             lambda: torch.zeros(6, 3).scatter_add(0, idx, h.detach().double())]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)
