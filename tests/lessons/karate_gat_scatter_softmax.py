# Imitates "GAT from scratch on Zachary's karate club" posts and course notebooks (without torch_geometric): a
# karate-club-like graph of two communities from an edge list, self-loops added with torch.arange, GAT attention
# scores through leaky_relu, a numerically stable softmax over each node's incoming edges (scatter_reduce 'amax',
# exp, index_add_ / scatter_add_), multi-head concatenation, node classification with cross_entropy on a train
# mask of two labelled nodes, accuracies and the attention weights printed, and a gradient check of the scatter
# softmax against a dense masked softmax.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
club_a = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (0, 4), (4, 5), (0, 5)]
club_b = [(6, 7), (6, 8), (7, 8), (8, 9), (9, 10), (6, 10), (7, 9), (10, 11)]
bridge = [(2, 8)]
E = torch.tensor(club_a + club_b + bridge).t()
edge_index = torch.cat([E, E.flip(0)], dim=1)
N = 12
labels = torch.tensor([0] * 6 + [1] * 6)
train_mask = torch.zeros(N, dtype=torch.bool)
train_mask[[0, 6]] = True
print(edge_index.shape, train_mask.sum(), labels[train_mask])

# %%
loops = torch.arange(N).unsqueeze(0).repeat(2, 1)
edge_index = torch.cat([edge_index, loops], dim=1)
src, dst = edge_index
deg = torch.zeros(N, dtype=torch.long).scatter_add_(0, dst, torch.ones_like(dst))
print(deg, torch.equal(deg, torch.bincount(dst)))
X = torch.eye(N)   # one-hot node features, as in the karate-club examples

# %%
def scatter_softmax(e, index, num_nodes):
    e_max = torch.zeros(num_nodes, e.size(1)).scatter_reduce(
        0, index.unsqueeze(1).expand_as(e), e, reduce='amax', include_self=False)
    e_exp = (e - e_max[index]).exp()
    denom = torch.zeros(num_nodes, e.size(1)).index_add_(0, index, e_exp)
    return e_exp / (denom[index] + 1e-16)

class GATLayer(nn.Module):
    def __init__(self, c_in, c_out, heads=2, concat=True):
        super().__init__()
        self.heads, self.c_out, self.concat = heads, c_out, concat
        self.lin = nn.Linear(c_in, heads * c_out, bias=False)
        self.att_src = nn.Parameter(torch.empty(1, heads, c_out))
        self.att_dst = nn.Parameter(torch.empty(1, heads, c_out))
        nn.init.xavier_uniform_(self.att_src)
        nn.init.xavier_uniform_(self.att_dst)

    def forward(self, x, edge_index, return_att=False):
        src, dst = edge_index
        h = self.lin(x).view(-1, self.heads, self.c_out)
        a_src = (h * self.att_src).sum(-1)
        a_dst = (h * self.att_dst).sum(-1)
        e = F.leaky_relu(a_src[src] + a_dst[dst], negative_slope=0.2)
        alpha = scatter_softmax(e, dst, x.size(0))
        msg = h[src] * alpha.unsqueeze(-1)
        out = torch.zeros(x.size(0), self.heads, self.c_out).index_add_(0, dst, msg)
        out = out.reshape(x.size(0), -1) if self.concat else out.mean(1)
        return (out, alpha) if return_att else out

layer = GATLayer(N, 4, heads=2)
out, alpha = layer(X, edge_index, return_att=True)
print(out.shape, alpha.shape, out.grad_fn)
print(torch.zeros(N, 2).index_add_(0, dst, alpha)[:4])

# %%
# the same attention as a dense masked softmax: the same weights and the same gradients
h = layer.lin(X).view(-1, 2, 4)
s = (h * layer.att_src).sum(-1)
d = (h * layer.att_dst).sum(-1)
mask = torch.zeros(N, N, dtype=torch.bool)
mask[dst, src] = True
scores = F.leaky_relu(d.t().unsqueeze(2) + s.t().unsqueeze(1), 0.2).masked_fill(~mask, float('-inf'))
att = scores.softmax(-1)
print(att.shape, torch.allclose(att[:, dst, src].t(), alpha, atol=1e-6))
g1 = torch.autograd.grad(alpha[:, 0].pow(2).sum(), layer.att_src, retain_graph=True)[0]
g2 = torch.autograd.grad(att[0][dst, src].pow(2).sum(), layer.att_src)[0]
print(torch.allclose(g1, g2, atol=1e-6), g1[0, 0])

# %%
class GAT(nn.Module):
    def __init__(self):
        super().__init__()
        self.gat1 = GATLayer(N, 4, heads=2)
        self.gat2 = GATLayer(8, 2, heads=1, concat=False)

    def forward(self, x, edge_index):
        x = F.dropout(x, p=0.2, training=self.training)
        x = F.elu(self.gat1(x, edge_index))
        return self.gat2(x, edge_index)

model = GAT()
opt = torch.optim.Adam(model.parameters(), lr=0.02, weight_decay=5e-4)
for epoch in range(30):
    model.train()
    opt.zero_grad()
    logits = model(X, edge_index)
    loss = F.cross_entropy(logits[train_mask], labels[train_mask])
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        model.eval()
        pred = model(X, edge_index).argmax(dim=1)
        acc = (pred[~train_mask] == labels[~train_mask]).float().mean().item()
        print(f'Epoch {epoch:03d} | loss {loss.item():.4f} | test acc {acc:.4f}')

# %%
model.eval()
with torch.no_grad():
    logits = model(X, edge_index)
    _, att2 = model.gat2(F.elu(model.gat1(X, edge_index)), edge_index, return_att=True)
print(logits.argmax(1), F.softmax(logits, dim=1)[2])
print(att2[dst == 2].squeeze(1), src[dst == 2])
print(model.gat1.att_src.grad.shape, model.gat1.lin.weight.grad.norm() > 0)

# %%
# isolated scores: a node whose only edge has -inf attention gives nan; nan_to_num and masked_fill mend it
e = torch.tensor([[float('-inf')], [0.5], [1.5]])
index = torch.tensor([0, 1, 1])
bad = scatter_softmax(e, index, 2)
print(bad, bad.isnan().any())
print(torch.nan_to_num(bad, nan=0.0), bad.masked_fill(bad.isnan(), 0.))
e_max = torch.zeros(2, 1).scatter_reduce(0, index.unsqueeze(1), e, reduce='amax', include_self=False)
print(e_max, torch.full((2, 1), float('-inf')).scatter_reduce(0, index.unsqueeze(1), e, 'amax'))
