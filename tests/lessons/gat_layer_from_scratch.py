# Imitates "graph attention networks from scratch" tutorials: per-edge scores a^T [W h_i || W h_j] through
# leaky_relu, a softmax over each node's incoming edges with scatter_reduce (amax) / exp / index_add_, then a
# weighted index_add_ of the messages; the same attention as a dense masked softmax over the adjacency, several
# heads, and a gradient check against the dense version.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(1)
edge_index = torch.tensor([[0, 1, 1, 2, 2, 3, 0, 3, 0, 1, 2, 3],
                           [1, 0, 2, 1, 3, 2, 3, 0, 0, 1, 2, 3]])
N, F_in, F_out = 4, 3, 2
x = torch.randn(N, F_in)
src, dst = edge_index
print(torch.bincount(dst, minlength=N), src.index_select(0, torch.tensor([0, 4])))

# %%
W = nn.Linear(F_in, F_out, bias=False)
a = nn.Parameter(torch.randn(2 * F_out))
h = W(x)
e = F.leaky_relu(torch.cat([h[dst], h[src]], dim=1) @ a, negative_slope=0.2)
print(e)
e_max = torch.full((N,), float("-inf")).scatter_reduce(0, dst, e, reduce="amax", include_self=True)
print(e_max)
ex = (e - e_max.index_select(0, dst)).exp()
den = torch.zeros(N).index_add_(0, dst, ex)
alpha = ex / den[dst]
print(alpha)
print(torch.zeros(N).scatter_add_(0, dst, alpha))

# %%
out = torch.zeros(N, F_out).index_add_(0, dst, alpha.unsqueeze(1) * h[src])
print(out, out.grad_fn)
out.sum().backward()
print(a.grad)
print(W.weight.grad)

# %%
# dense version: mask the non-edges with -inf before the softmax
adj = torch.zeros(N, N, dtype=torch.bool)
adj[dst, src] = True
s_dst = h @ a[:F_out]
s_src = h @ a[F_out:]
scores = F.leaky_relu(s_dst.unsqueeze(1) + s_src.unsqueeze(0), 0.2)
scores = scores.masked_fill(~adj, float("-inf"))
att = torch.softmax(scores, dim=1)
print(att)
print(torch.allclose(att[dst, src], alpha), torch.allclose(att @ h, out, atol=1e-6))

# %%
class GATLayer(nn.Module):
    def __init__(self, c_in, c_out, heads=2, alpha=0.2):
        super().__init__()
        self.heads, self.c_out = heads, c_out
        self.lin = nn.Linear(c_in, heads * c_out, bias=False)
        self.att = nn.Parameter(torch.empty(heads, 2 * c_out))
        nn.init.xavier_uniform_(self.att)
        self.alpha = alpha
    def forward(self, x, edge_index):
        src, dst = edge_index
        n = x.size(0)
        h = self.lin(x).view(n, self.heads, self.c_out)
        e = (torch.cat([h[dst], h[src]], dim=-1) * self.att).sum(-1)
        e = F.leaky_relu(e, self.alpha)
        idx = dst.unsqueeze(1).expand(-1, self.heads)
        e_max = torch.zeros(n, self.heads).scatter_reduce(0, idx, e, reduce="amax", include_self=False)
        ex = (e - e_max[dst]).exp()
        den = torch.zeros(n, self.heads).scatter_add(0, idx, ex)
        att = ex / den[dst]
        msg = att.unsqueeze(-1) * h[src]
        out = torch.zeros(n, self.heads, self.c_out).index_add(0, dst, msg)
        return out.mean(dim=1), att

gat = GATLayer(F_in, 4)
print(gat)
y, att = gat(x, edge_index)
print(y)
print(att.shape, att.sum(0))
y.pow(2).mean().backward()
print(gat.att.grad[:, 4:])

# %%
# softmax over the wrong dimension: the rows of the dense attention no longer sum to one
wrong = torch.softmax(scores, dim=0)
print(wrong.sum(1))
print(torch.softmax(scores.masked_fill(~adj, -1e9), dim=1)[0])

# %%
# a mask of the wrong dtype for masked_fill
scores.masked_fill(adj.float(), 0.0)

# %%
torch.zeros(N).index_add_(0, dst.float(), e)
