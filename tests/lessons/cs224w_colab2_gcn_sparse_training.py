# Imitates Stanford CS224W Colab 2 (node property prediction with a GCN), rewritten without PyG as course blog posts
# do: the normalised adjacency D^-1/2 (A+I) D^-1/2 built with torch.sparse_coo_tensor (degrees from
# torch.sparse.sum, pow(-0.5) with the isolated node's inf set to 0) and densely with torch.diag, a GCN layer
# propagating with torch.sparse.mm, BatchNorm / dropout / log_softmax as the colab's GCN, train / valid / test
# masks as bool tensors, nll_loss on the masked nodes, and the masked accuracies printed as the colab prints them.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
num_nodes, num_features, num_classes = 12, 5, 3
src = torch.tensor([0, 0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 9, 2])
dst = torch.tensor([1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 6, 7])
edge_index = torch.stack([torch.cat([src, dst]), torch.cat([dst, src])])   # node 11 is isolated
x = torch.randn(num_nodes, num_features)
y = torch.tensor([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0])
print(edge_index.size(), x.size(), y.bincount())

# %%
A = torch.sparse_coo_tensor(edge_index, torch.ones(edge_index.size(1)), (num_nodes, num_nodes))
deg = torch.sparse.sum(A, dim=1).to_dense()
print(deg)
deg_inv_sqrt = deg.pow(-0.5)
print(deg_inv_sqrt)
deg_inv_sqrt[deg_inv_sqrt == float("inf")] = 0
print(deg_inv_sqrt)
print(torch.isinf(deg.pow(-1)).nonzero().flatten())

# %%
# dense version: D^-1/2 A D^-1/2, then with self loops
A_dense = A.to_dense()
D = torch.diag(deg_inv_sqrt)
A_norm_dense = D @ A_dense @ D
print(A_norm_dense[:4, :4])
A_hat = A_dense + torch.eye(num_nodes)
d_hat = A_hat.sum(1)
D_hat = torch.diag(d_hat ** -0.5)
A_tilde = D_hat @ A_hat @ D_hat
print(A_tilde.sum(1))
print(torch.allclose(A_tilde, A_tilde.T))

# %%
loops = torch.arange(num_nodes).unsqueeze(0).repeat(2, 1)
ei = torch.cat([edge_index, loops], dim=1)
w = torch.ones(ei.size(1))
row, col = ei
d = torch.zeros(num_nodes).scatter_add_(0, row, w)
norm = d[row].pow(-0.5) * w * d[col].pow(-0.5)
A_sp = torch.sparse_coo_tensor(ei, norm, (num_nodes, num_nodes)).coalesce()
print(A_sp)
print((A_sp.to_dense() - A_tilde).abs().max())

# %%
class GCNConv(nn.Module):
    def __init__(self, in_dim, out_dim, bias=True):
        super().__init__()
        self.lin = nn.Linear(in_dim, out_dim, bias=False)
        self.bias = nn.Parameter(torch.zeros(out_dim)) if bias else None

    def forward(self, x, adj):
        out = torch.sparse.mm(adj, self.lin(x))
        return out if self.bias is None else out + self.bias

class GCN(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, dropout):
        super().__init__()
        # no bias in the first layer: BatchNorm follows and would cancel it
        self.convs = nn.ModuleList([GCNConv(input_dim, hidden_dim, bias=False),
                                    GCNConv(hidden_dim, output_dim)])
        self.bns = nn.ModuleList([nn.BatchNorm1d(hidden_dim)])
        self.softmax = nn.LogSoftmax(dim=1)
        self.dropout = dropout

    def reset_parameters(self):
        for bn in self.bns:
            bn.reset_parameters()

    def forward(self, x, adj):
        x = self.convs[0](x, adj)
        x = F.relu(self.bns[0](x))
        x = F.dropout(x, p=self.dropout, training=self.training)
        return self.softmax(self.convs[1](x, adj))

model = GCN(num_features, 8, num_classes, dropout=0.3)
print(model)
print(sum(p.numel() for p in model.parameters()))

# %%
perm = torch.randperm(num_nodes)
train_mask = torch.zeros(num_nodes, dtype=torch.bool)
train_mask[perm[:6]] = True
valid_mask = torch.zeros_like(train_mask)
valid_mask[perm[6:9]] = True
test_mask = ~(train_mask | valid_mask)
print(train_mask, train_mask.sum().item(), valid_mask.sum().item(), test_mask.sum().item())
print(train_mask.dtype, (train_mask & test_mask).any())

# %%
def train(model, x, adj, y, train_mask, optimizer, loss_fn):
    model.train()
    optimizer.zero_grad()
    out = model(x, adj)
    loss = loss_fn(out[train_mask], y[train_mask])
    loss.backward()
    optimizer.step()
    return loss.item()

@torch.no_grad()
def test(model, x, adj, y, masks):
    model.eval()
    out = model(x, adj)
    y_pred = out.argmax(dim=-1, keepdim=True)
    return [(y_pred[m].squeeze(1) == y[m]).float().mean().item() for m in masks]

optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=5e-4)
loss_fn = F.nll_loss
best_valid_acc = 0
for epoch in range(1, 31):
    loss = train(model, x, A_sp, y, train_mask, optimizer, loss_fn)
    train_acc, valid_acc, test_acc = test(model, x, A_sp, y, [train_mask, valid_mask, test_mask])
    if valid_acc > best_valid_acc:
        best_valid_acc = valid_acc
    if epoch % 10 == 0:
        print(f"Epoch: {epoch:02d}, Loss: {loss:.4f}, Train: {100 * train_acc:.2f}%, "
              f"Valid: {100 * valid_acc:.2f}% Test: {100 * test_acc:.2f}%")
print(best_valid_acc)

# %%
model.eval()
out = model(x, A_sp)
print(out.exp()[:3])
print(out[train_mask].shape, out[~train_mask].argmax(1))
print(model.convs[0].lin.weight.grad.shape, model.bns[0].running_mean)
# %%
# the gradient reaching a sparse adjacency that requires grad (learned edge weights)
edge_weight = torch.ones(ei.size(1), requires_grad=True)
adj = torch.sparse_coo_tensor(ei, norm * edge_weight, (num_nodes, num_nodes))
h = torch.sparse.mm(adj, x)
h.sum().backward()
print(edge_weight.grad[:8])
print(adj.grad_fn, h.grad_fn)
