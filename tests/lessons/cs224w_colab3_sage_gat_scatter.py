# Imitates Stanford CS224W Colab 3 (implementing GraphSAGE and GAT layers), as blog posts re-implement
# MessagePassing without PyG: messages gathered with x[edge_index[0]], GraphSAGE's mean aggregation with
# scatter_reduce(reduce="mean") and with index_add_ / a degree count, the root weight and F.normalize; GAT's
# attention logits a^T [Wh_i || Wh_j] through leaky_relu(0.2), a softmax over each node's incoming edges done by hand
# (scatter_reduce amax, exp, scatter_add of the sums, division) and with torch.sparse.softmax on a sparse matrix of
# the logits, attention dropout, several heads concatenated, and gradients through both.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)
num_nodes = 7
edge_index = torch.tensor([[0, 1, 1, 2, 3, 4, 4, 5, 2, 0, 6, 5, 3],
                           [1, 0, 2, 1, 4, 3, 5, 4, 0, 2, 5, 6, 1]])
x = torch.randn(num_nodes, 4)
src, dst = edge_index
print(torch.bincount(dst, minlength=num_nodes))

# %%
msg = x[src]
agg_mean = torch.zeros(num_nodes, x.size(1)).scatter_reduce(0, dst.unsqueeze(-1).expand_as(msg), msg,
                                                             reduce="mean", include_self=False)
print(agg_mean)
summed = torch.zeros(num_nodes, x.size(1)).index_add_(0, dst, msg)
count = torch.zeros(num_nodes).index_add_(0, dst, torch.ones(dst.size(0))).clamp(min=1)
print(torch.allclose(summed / count.unsqueeze(-1), agg_mean))
agg_max = torch.full((num_nodes, x.size(1)), float("-inf")).scatter_reduce(
    0, dst.view(-1, 1).expand_as(msg), msg, reduce="amax")
print(agg_max)

# %%
class GraphSage(nn.Module):
    def __init__(self, in_channels, out_channels, normalize=True, bias=False):
        super().__init__()
        self.lin_l = nn.Linear(in_channels, out_channels, bias=bias)
        self.lin_r = nn.Linear(in_channels, out_channels, bias=bias)
        self.normalize = normalize

    def forward(self, x, edge_index):
        src, dst = edge_index
        index = dst.unsqueeze(-1).expand(-1, x.size(1))
        aggr = torch.zeros_like(x).scatter_reduce(0, index, x[src], reduce="mean", include_self=False)
        out = self.lin_l(x) + self.lin_r(aggr)
        if self.normalize:
            out = F.normalize(out, p=2, dim=-1)
        return out

sage = GraphSage(4, 3)
h = sage(x, edge_index)
print(h, h.norm(dim=-1))
h[:, 0].sum().backward()
print(sage.lin_l.weight.grad)
print(sage.lin_r.weight.grad)

# %%
class GAT(nn.Module):
    def __init__(self, in_channels, out_channels, heads=2, negative_slope=0.2, dropout=0.0):
        super().__init__()
        self.heads, self.out_channels = heads, out_channels
        self.lin = nn.Linear(in_channels, heads * out_channels, bias=False)
        self.att_src = nn.Parameter(torch.randn(1, heads, out_channels) * 0.5)
        self.att_dst = nn.Parameter(torch.randn(1, heads, out_channels) * 0.5)
        self.negative_slope, self.dropout = negative_slope, dropout

    def forward(self, x, edge_index):
        H, C = self.heads, self.out_channels
        N = x.size(0)
        src, dst = edge_index
        h = self.lin(x).view(-1, H, C)
        alpha_src = (h * self.att_src).sum(dim=-1)
        alpha_dst = (h * self.att_dst).sum(dim=-1)
        e = F.leaky_relu(alpha_src[src] + alpha_dst[dst], self.negative_slope)   # (E, H)
        e_max = torch.zeros(N, H).scatter_reduce(0, dst.unsqueeze(-1).expand_as(e), e, reduce="amax",
                                                 include_self=False)
        e = (e - e_max[dst]).exp()
        denom = torch.zeros(N, H).scatter_add_(0, dst.unsqueeze(-1).expand_as(e), e)
        alpha = e / denom[dst]
        alpha = F.dropout(alpha, p=self.dropout, training=self.training)
        out = torch.zeros(N, H, C).index_add_(0, dst, h[src] * alpha.unsqueeze(-1))
        return out.view(N, H * C), alpha

gat = GAT(4, 2, heads=2)
out, alpha = gat(x, edge_index)
print(out.shape, alpha.shape)
print(alpha)
print(torch.zeros(num_nodes, 2).index_add_(0, dst, alpha))

# %%
out.pow(2).sum().backward()
print(gat.att_src.grad)
print(gat.att_dst.grad)
print(gat.lin.weight.grad.shape, gat.lin.weight.grad.abs().sum())

# %%
# the same softmax per destination as torch.sparse.softmax over the rows of a sparse (dst, src) matrix
with torch.no_grad():
    h_ = gat.lin(x).view(-1, 2, 2)
    logits = F.leaky_relu((h_ * gat.att_src).sum(-1)[src] + (h_ * gat.att_dst).sum(-1)[dst], 0.2)
for head in range(2):
    S = torch.sparse_coo_tensor(torch.stack([dst, src]), logits[:, head], (num_nodes, num_nodes))
    P = torch.sparse.softmax(S, dim=1)
    print(P.is_coalesced(), P._nnz())
    print(torch.allclose(P.to_dense().sum(1), torch.ones(num_nodes)))
    print(torch.allclose(P.to_dense()[dst, src], alpha[:, head].detach()))

# %%
# learnable logits through the sparse softmax: the gradient of the edge scores
scores = torch.randn(edge_index.size(1), requires_grad=True)
S = torch.sparse_coo_tensor(torch.stack([dst, src]), scores, (num_nodes, num_nodes))
P = torch.sparse.softmax(S, dim=1)
print(P.grad_fn)
agg = torch.sparse.mm(P, x)
agg.sum().backward()
print(scores.grad)
logP = torch.sparse.log_softmax(S.coalesce(), dim=1)
print(logP.values())

# %%
# the attention matrix transposed: messages flowing the other way
At = P.detach().t()
print(At.is_coalesced(), At.transpose(0, 1).coalesce().indices()[:, :5])
print(torch.sparse.mm(At, torch.ones(num_nodes, 1)).flatten())
try:
    torch.sparse.softmax(S.to_dense(), dim=1)
except Exception as e:
    print(type(e).__name__, str(e).split(".")[0])
try:
    torch.sparse.softmax(S, dim=2)
except Exception as e:
    print(type(e).__name__, e)
