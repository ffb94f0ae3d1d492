# Imitates the evaluation and data-handling parts of recommender tutorials (d2l's MovieLens split and AutoRec
# section, "recall@k / NDCG@k from scratch" blog posts): a random train/test split with randperm, an interaction
# matrix built with sparse_coo_tensor and index_put_, AutoRec trained with a masked MSE, RMSE, recall@k with
# isin, ranking with topk/argsort, and per-user aggregation with scatter_add_, index_add_, scatter_reduce and
# bincount.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(11)
n_users, n_items = 5, 7
u = torch.tensor([0, 0, 0, 1, 1, 2, 2, 2, 3, 4, 4, 4, 4])
i = torch.tensor([0, 2, 5, 1, 2, 0, 3, 6, 4, 1, 2, 5, 6])
r = torch.tensor([5., 3., 4., 2., 5., 4., 1., 3., 5., 2., 4., 3., 5.])
perm = torch.randperm(len(u))
print(perm)
n_test = 3
test_idx, train_idx = perm[:n_test], perm[n_test:]
print(test_idx, train_idx.sort().values)
R = torch.sparse_coo_tensor(torch.stack([u[train_idx], i[train_idx]]), r[train_idx], (n_users, n_items))
print(R)
dense = R.to_dense()
print(dense)
mask = torch.zeros(n_users, n_items).index_put_((u[train_idx], i[train_idx]), torch.tensor(1.0))
print(mask, mask.sum())

# %%
class AutoRec(nn.Module):
    def __init__(self, n_in, hidden=4):
        super().__init__()
        self.encoder = nn.Linear(n_in, hidden)
        self.decoder = nn.Linear(hidden, n_in)

    def forward(self, x):
        return self.decoder(torch.sigmoid(self.encoder(x)))

net = AutoRec(n_users)
item_vecs = dense.t()
item_mask = mask.t()
opt = torch.optim.Adam(net.parameters(), lr=0.05, weight_decay=1e-5)
for epoch in range(60):
    opt.zero_grad()
    pred = net(item_vecs)
    loss = ((pred - item_vecs) ** 2 * item_mask).sum() / item_mask.sum()
    loss.backward()
    opt.step()
    if epoch % 20 == 0:
        print(epoch, loss.item())
print(loss.grad_fn, loss.grad_fn.next_functions)
with torch.no_grad():
    full = net(item_vecs).t()
rmse = torch.sqrt(F.mse_loss(full[u[test_idx], i[test_idx]], r[test_idx]))
print(full[u[test_idx], i[test_idx]], rmse)

# %%
scores = full.masked_fill(mask.bool(), -1e9)
top_vals, top_items = torch.topk(scores, k=3, dim=1)
print(top_items, top_vals)
relevant = torch.zeros(n_users, n_items, dtype=torch.bool)
relevant[u[test_idx], i[test_idx]] = True
hits = relevant.gather(1, top_items)
print(hits)
n_rel = relevant.sum(1)
recall = hits.sum(1) / n_rel.clamp(min=1)
print(recall, recall[n_rel > 0].mean())
disc = 1.0 / torch.log2(torch.arange(2, 5).float())
dcg = (hits.float() * disc).sum(1)
ideal = torch.stack([disc[:min(int(n), 3)].sum() for n in n_rel])
print(dcg, ideal, torch.nan_to_num(dcg / ideal))
print(torch.isin(top_items[0], torch.tensor([5, 6])), torch.isin(top_items, i[test_idx]).sum())
print(scores.argsort(dim=1, descending=True, stable=True)[:, :4])
print(torch.topk(full[0], 2, largest=False), full[0].kthvalue(2))

# %%
deg = torch.zeros(n_users, dtype=torch.long).scatter_add_(0, u, torch.ones_like(u))
print(deg, torch.bincount(u), torch.bincount(u, weights=r))
sums = torch.zeros(n_users).index_add_(0, u, r)
print(sums / deg, torch.zeros(n_users).index_add_(0, u, r, alpha=0.5))
print(torch.zeros(n_users).scatter_reduce(0, u, r, reduce="mean", include_self=False))
print(torch.zeros(n_users).scatter_reduce(0, u, r, reduce="amax"), torch.full((n_users,), 9.).scatter_reduce(0, u, r, reduce="amin"))
pair = torch.stack([u, i % 3], dim=1)
vals, inv, cnt = torch.unique(pair, dim=0, return_inverse=True, return_counts=True)
print(vals, inv, cnt)
print(torch.unique(i, sorted=True), torch.unique_consecutive(u, return_counts=True))
item_pop = torch.bincount(i, minlength=n_items)
print(item_pop.argsort(descending=True, stable=True), item_pop.float() / item_pop.sum())

# %%
rated = torch.zeros(n_users, n_items, requires_grad=True)
agg = rated.scatter_add(1, i.view(1, -1).expand(n_users, -1), r.expand(n_users, -1))
agg.sum().backward()
print(agg.grad_fn, rated.grad.sum())
w = torch.ones(len(r), requires_grad=True)
per_user = torch.zeros(n_users).index_add(0, u, r * w)
per_user.pow(2).sum().backward()
print(per_user.grad_fn, w.grad)
src = r.clone().requires_grad_()
red = torch.zeros(n_users).scatter_reduce(0, u, src, reduce="mean", include_self=False)
red.sum().backward()
print(red.grad_fn, src.grad)
S = torch.sparse.mm(R, torch.ones(n_items, 2))
print(S, torch.sparse.sum(R, dim=1))
