# Imitates Thomas Kipf's pygcn (github.com/tkipf/pygcn: utils.py, layers.py, models.py, train.py) as course notebooks
# retype it without scipy: edges -> symmetric adjacency with self-loops, row normalisation with r_inv[isinf] = 0,
# the adjacency as a torch sparse tensor, GraphConvolution with torch.spmm, log_softmax + nll_loss on idx_train,
# accuracy with output.max(1)[1].type_as(labels), and a few of the mistakes learners make with spmm.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(42)
N, F_in, n_class = 8, 5, 3
edges = torch.tensor([[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3], [6, 7], [2, 3], [5, 6]])
labels = torch.tensor([0, 0, 0, 1, 1, 1, 2, 2])
features = torch.rand(N, F_in)
adj = torch.zeros(N, N)
adj[edges[:, 0], edges[:, 1]] = 1
adj = adj + adj.t() * (adj.t() > adj) - adj * (adj.t() > adj)
print(adj.sum().item(), torch.equal(adj, adj.t()))

# %%
def normalize(mx):
    """Row-normalize a matrix (pygcn's utils.normalize)."""
    rowsum = mx.sum(1)
    r_inv = rowsum.pow(-1).flatten()
    r_inv[torch.isinf(r_inv)] = 0.
    return torch.diag(r_inv) @ mx

features = normalize(features)
adj = normalize(adj + torch.eye(N))
print(adj[0], adj.sum(1))
print(torch.zeros(3).pow(-1), normalize(torch.zeros(2, 2)))

# %%
def dense_to_torch_sparse(mx):
    idx = mx.nonzero().t()
    return torch.sparse_coo_tensor(idx, mx[idx[0], idx[1]], mx.shape)

adj_sp = dense_to_torch_sparse(adj)
print(adj_sp._nnz(), adj_sp.is_coalesced(), adj_sp.coalesce().is_coalesced())
legacy = torch.sparse.FloatTensor(adj_sp.indices(), adj_sp.values(), torch.Size([N, N]))
print(legacy.layout, legacy.dtype, torch.equal(legacy.to_dense(), adj))

# %%
class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.FloatTensor(in_features, out_features))
        self.bias = nn.Parameter(torch.FloatTensor(out_features)) if bias else None
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1. / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, input, adj):
        support = torch.mm(input, self.weight)
        output = torch.spmm(adj, support)
        return output + self.bias if self.bias is not None else output

    def __repr__(self):
        return self.__class__.__name__ + ' (' + str(self.weight.size(0)) + ' -> ' + str(self.weight.size(1)) + ')'

gc = GraphConvolution(F_in, 4)
out = gc(features, adj_sp)
print(gc, out.shape)
print(out.grad_fn, out.grad_fn.next_functions[0][0])
print(torch.sparse.mm(adj_sp, features @ gc.weight).grad_fn)

# %%
class GCN(nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout):
        super().__init__()
        self.gc1 = GraphConvolution(nfeat, nhid)
        self.gc2 = GraphConvolution(nhid, nclass)
        self.dropout = dropout

    def forward(self, x, adj):
        x = F.relu(self.gc1(x, adj))
        x = F.dropout(x, self.dropout, training=self.training)
        x = self.gc2(x, adj)
        return F.log_softmax(x, dim=1)

def accuracy(output, labels):
    preds = output.max(1)[1].type_as(labels)
    correct = preds.eq(labels).double()
    correct = correct.sum()
    return correct / len(labels)

model = GCN(F_in, 6, n_class, dropout=0.5)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05, weight_decay=5e-4)
idx_train, idx_val = torch.LongTensor([0, 3, 6]), torch.LongTensor(range(1, 8))
print(model)

# %%
for epoch in range(30):
    model.train()
    optimizer.zero_grad()
    output = model(features, adj_sp)
    loss_train = F.nll_loss(output[idx_train], labels[idx_train])
    acc_train = accuracy(output[idx_train], labels[idx_train])
    loss_train.backward()
    optimizer.step()
    if epoch % 10 == 0:
        model.eval()
        output = model(features, adj_sp)
        loss_val = F.nll_loss(output[idx_val], labels[idx_val])
        print('Epoch: {:04d}'.format(epoch + 1), 'loss_train: {:.4f}'.format(loss_train.item()),
              'acc_train: {:.4f}'.format(acc_train.item()), 'loss_val: {:.4f}'.format(loss_val.item()),
              'acc_val: {:.4f}'.format(accuracy(output[idx_val], labels[idx_val]).item()))
print(acc_train.dtype, model.gc1.weight.grad.abs().sum() > 0)

# %%
model.eval()
output = model(features, adj_sp)
print(output.argmax(1), accuracy(output, labels))
print(model.gc2.bias.grad)

# %%
# mistakes: the dense features first, a wrong inner size, double features against a float adjacency
for make in [lambda: torch.spmm(features, adj_sp),
             lambda: torch.spmm(adj_sp, features.t()),
             lambda: torch.spmm(adj_sp, features.double()),
             lambda: torch.sparse.mm(adj_sp, torch.ones(N))]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, str(e)[:120])
