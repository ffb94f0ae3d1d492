# Imitates recommender and word-embedding code that scales the table before a sparse lookup (the
# "Attention Is All You Need" / annotated-transformer habit of multiplying embeddings by sqrt(d_model), fastai's
# and torchrec's examples that temper a shared table, and the PyTorch forum threads on "sparse gradients through
# a scaled embedding"): F.embedding(..., sparse=True) on w * c, w / c, -w, w * mask, exp(w), and what PyTorch
# says when the lookup goes through w.t() or a permute.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
table = nn.Parameter(torch.randn(6, 4) * 0.1)
ids = torch.tensor([[1, 3, 1], [5, 0, 3]])
scale = math.sqrt(4)
out = F.embedding(ids, table * scale, sparse=True)
out.sum().backward()
g = table.grad
print(g.layout, g._nnz(), g.is_coalesced())
print(g)
print(g.coalesce().values())

# %%
table.grad = None
temperature = torch.tensor(2.0)
F.embedding(ids, table / temperature, sparse=True).pow(2).sum().backward()
print(table.grad)
table.grad = None
F.embedding(ids[0], -table, sparse=True).sum().backward()
print(table.grad)

# %%
table.grad = None
mask = torch.tensor([1.0, 0.0, 1.0, 1.0])   # switch one factor off for every item
lookup = F.embedding(ids, table * mask, sparse=True)
lookup.sum().backward()
print(table.grad)
print(table.grad.to_dense()[:, 1].abs().sum())

# %%
table.grad = None
F.embedding(torch.tensor([2, 2, 4]), table.exp(), sparse=True).sum().backward()
print(table.grad.coalesce())
print(torch.allclose(table.grad.to_dense()[2], 2 * table.detach()[2].exp()))
opt = torch.optim.SparseAdam([table], lr=0.1)
opt.step()
print(opt.state[table]["exp_avg"])

# %%
class Scaled(nn.Module):
    def __init__(self, n, d):
        super().__init__()
        self.emb = nn.Embedding(n, d, sparse=True)
        self.scale = d ** 0.5
    def forward(self, x):
        return self.emb(x) * self.scale

m = Scaled(6, 4)
m(torch.tensor([0, 0, 5])).sum().backward()
print(m.emb.weight.grad)

# %%
for make in [lambda w: w.t(), lambda w: w.transpose(0, 1), lambda w: w.transpose(-1, -2), lambda w: w.permute(1, 0),
             lambda w: w.T, lambda w: w.t().t()]:
    w = torch.ones(4, 6, requires_grad=True)
    try:
        F.embedding(torch.tensor([1, 1, 3]), make(w), sparse=True).sum().backward()
        print(w.grad)
    except Exception as e:
        print(type(e).__name__, e)
