# Imitates "graph neural networks from scratch" tutorials: an edge list, degree normalisation, message passing
# with index_add_ / scatter_add_ / scatter_reduce, a GCN layer, graph-level mean pooling, and a GAT-style softmax
# over neighbours.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
edge_index = torch.tensor([[0, 1, 1, 2, 2, 3, 3, 4, 0, 4],
                           [1, 0, 2, 1, 3, 2, 4, 3, 4, 0]])
N = 5
x = torch.randn(N, 3)
row, col = edge_index
deg = torch.zeros(N).scatter_add_(0, col, torch.ones(col.size(0)))
print(deg, torch.bincount(col, minlength=N), deg.pow(-0.5))
deg_inv_sqrt = deg.pow(-0.5)
deg_inv_sqrt[deg_inv_sqrt == float("inf")] = 0
norm = deg_inv_sqrt[row] * deg_inv_sqrt[col]
print(norm)

# %%
class GCNLayer(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.lin = nn.Linear(c_in, c_out, bias=False)
        self.bias = nn.Parameter(torch.zeros(c_out))
    def forward(self, x, edge_index):
        loops = torch.arange(x.size(0))
        ei = torch.cat([edge_index, torch.stack([loops, loops])], dim=1)
        row, col = ei
        deg = torch.zeros(x.size(0), dtype=x.dtype).index_add_(0, col, torch.ones(col.numel()))
        dis = deg.pow(-0.5)
        norm = dis[row] * dis[col]
        h = self.lin(x)
        msg = norm.view(-1, 1) * h[row]
        out = torch.zeros_like(h).index_add_(0, col, msg)
        return out + self.bias
layer = GCNLayer(3, 4)
out = layer(x, edge_index)
print(out)
out.relu().sum().backward()
print(layer.lin.weight.grad)

# %%
msg = x[row]
agg_sum = torch.zeros(N, 3).scatter_add_(0, col.unsqueeze(-1).expand(-1, 3), msg)
agg_max = torch.full((N, 3), float("-inf")).scatter_reduce(0, col.unsqueeze(-1).expand(-1, 3), msg, reduce="amax")
agg_mean = torch.zeros(N, 3).scatter_reduce(0, col.unsqueeze(-1).expand(-1, 3), msg, reduce="mean",
                                            include_self=False)
print(agg_sum, agg_max, agg_mean, sep="\n")
print(torch.zeros(N, 3).index_reduce_(0, col, msg, "amin", include_self=False))

# %%
att = nn.Parameter(torch.randn(6))
W = nn.Linear(3, 3, bias=False)
h = W(x)
e = F.leaky_relu(torch.cat([h[row], h[col]], dim=-1) @ att, 0.2)
e_max = torch.zeros(N).scatter_reduce(0, col, e, reduce="amax", include_self=False)
alpha = (e - e_max[col]).exp()
denom = torch.zeros(N).index_add(0, col, alpha)
alpha = alpha / denom[col]
out = torch.zeros(N, 3).index_add(0, col, alpha.unsqueeze(-1) * h[row])
print(alpha)
out.sum().backward()
print(att.grad, W.weight.grad)

# %%
batch = torch.tensor([0, 0, 0, 1, 1])
pooled = torch.zeros(2, 3).index_add_(0, batch, x) / torch.bincount(batch).unsqueeze(1)
print(pooled)
adj = torch.zeros(N, N)
adj[row, col] = 1
print(adj, torch.equal(adj, adj.T))
A_hat = adj + torch.eye(N)
D = torch.diag(A_hat.sum(1).pow(-0.5))
print(D @ A_hat @ D @ x)
