# Imitates an implicit-feedback recommender lesson: raw ids remapped with torch.unique(return_inverse=True),
# neural collaborative filtering (concatenated embeddings + MLP) trained with BCEWithLogitsLoss(pos_weight=...),
# and ranking metrics written by hand (precision@k, recall@k, NDCG, ROC-AUC via sorting and cumsum).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

raw_users = torch.tensor([1021, 87, 1021, 5, 87, 5, 5, 4410])
raw_items = torch.tensor([77, 12, 12, 900, 77, 13, 12, 900])
uids, u_idx = torch.unique(raw_users, return_inverse=True)
iids, i_idx, i_counts = torch.unique(raw_items, return_inverse=True, return_counts=True)
print(uids, u_idx)
print(iids, i_idx, i_counts)
print(torch.equal(uids[u_idx], raw_users), u_idx.dtype)

# %%
print(torch.unique(raw_users, sorted=False, return_inverse=True))
print(raw_users.unique(return_counts=True))
print(torch.unique_consecutive(torch.tensor([5, 5, 2, 2, 2, 5]), return_counts=True, return_inverse=True))
pairs = torch.stack([u_idx, i_idx], dim=1)
print(torch.unique(pairs, dim=0, return_inverse=True, return_counts=True))

# %%
print(torch.unique(torch.tensor([[3, 1], [1, 3]]), return_inverse=True))
print(torch.unique(torch.tensor([2.5, float("nan"), 2.5, float("nan")])))
print(torch.unique(torch.tensor([], dtype=torch.long), return_inverse=True, return_counts=True))

# %%
torch.unique(pairs, dim=2)

# %%
n_users, n_items = len(uids), len(iids)
torch.manual_seed(0)
# every (user, item) pair, 1 where the user interacted
interactions = torch.zeros(n_users, n_items)
interactions[u_idx, i_idx] = 1.0
print(interactions, interactions.mean())
neg_count, pos_count = (interactions == 0).sum(), interactions.sum()
pos_weight = neg_count / pos_count
print(pos_weight, pos_weight.dtype)

# %%
class NCF(nn.Module):
    def __init__(self, n_users, n_items, dim=8, hidden=(16, 8)):
        super().__init__()
        self.user = nn.Embedding(n_users, dim)
        self.item = nn.Embedding(n_items, dim)
        layers, width = [], 2 * dim
        for h in hidden:
            layers += [nn.Linear(width, h), nn.ReLU(), nn.Dropout(0.1)]
            width = h
        layers.append(nn.Linear(width, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, u, i):
        x = torch.cat([self.user(u), self.item(i)], dim=-1)
        return self.mlp(x).squeeze(-1)

ncf = NCF(n_users, n_items)
print(ncf)
all_u = torch.arange(n_users).repeat_interleave(n_items)
all_i = torch.arange(n_items).repeat(n_users)
print(all_u, all_i)
target = interactions[all_u, all_i]
logits = ncf(all_u, all_i)
print(logits.shape, logits.grad_fn)

# %%
crit = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
print(crit, crit.pos_weight)
opt = torch.optim.Adam(ncf.parameters(), lr=0.01)
for step in range(60):
    opt.zero_grad()
    loss = crit(ncf(all_u, all_i), target)
    loss.backward()
    opt.step()
    if step % 20 == 0:
        print(step, f"{loss.item():.4f}")
ncf.eval()
with torch.no_grad():
    probs = torch.sigmoid(ncf(all_u, all_i)).view(n_users, n_items)
print(probs.round(decimals=2))

# %%
z = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
y = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
for pw in (None, torch.tensor(3.0), torch.tensor([1.0, 2.0, 4.0]), torch.tensor([[2.0], [0.5]])):
    print(F.binary_cross_entropy_with_logits(z, y, pos_weight=pw))
print(F.binary_cross_entropy_with_logits(z, y, weight=torch.tensor([1.0, 0.0, 2.0]), reduction="none"))
print(F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor([1.0, 2.0, 4.0]), reduction="sum"))
zz = z.clone().requires_grad_()
F.binary_cross_entropy_with_logits(zz, y, pos_weight=torch.tensor([1.0, 2.0, 4.0])).backward()
print(zz.grad)

# %%
# mistake: integer targets
F.binary_cross_entropy_with_logits(z, y.long())

# %%
# mistake: pos_weight that does not broadcast
F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor([1.0, 2.0]))

# %%
# mistake: target with another shape
nn.BCEWithLogitsLoss()(z, y[0])

# %%
# mistake: pos_weight as a Python float
nn.BCEWithLogitsLoss(pos_weight=3.0)(z, y)

# %%
# ranking metrics by hand
scores = torch.tensor([[0.9, 0.1, 0.8, 0.3, 0.7], [0.2, 0.6, 0.4, 0.9, 0.1]])
relevant = torch.tensor([[1, 0, 0, 1, 1], [0, 1, 0, 0, 0]], dtype=torch.bool)
k = 3
topk_idx = scores.topk(k, dim=1).indices
hits = relevant.gather(1, topk_idx)
print(topk_idx, hits)
precision = hits.sum(1) / k
recall = hits.sum(1) / relevant.sum(1)
print(precision, recall, precision.dtype)
print(hits.float().mean(1), hits.sum(1).float().div(relevant.sum(1)))

# %%
discounts = 1.0 / torch.log2(torch.arange(2, k + 2).float())
dcg = (hits * discounts).sum(1)
ideal = torch.sort(relevant.float(), dim=1, descending=True).values[:, :k]
idcg = (ideal * discounts).sum(1)
print(discounts, dcg, idcg, dcg / idcg)
print((hits / torch.log2(torch.arange(k) + 2.0)).sum(-1))
print(torch.arange(k) + 2, torch.log2(torch.arange(2, 5)), math.log2(3))

# %%
# ROC-AUC by sorting and cumsum
y_true = torch.tensor([1, 0, 1, 1, 0, 0, 1, 0])
y_score = torch.tensor([0.8, 0.4, 0.35, 0.9, 0.1, 0.6, 0.7, 0.2])
order = torch.argsort(y_score, descending=True)
y_sorted = y_true[order]
tps = torch.cumsum(y_sorted, dim=0)
fps = torch.cumsum(1 - y_sorted, dim=0)
print(order, y_sorted, tps, fps, tps.dtype)
tpr = tps / tps[-1]
fpr = fps / fps[-1]
tpr = torch.cat([torch.zeros(1), tpr])
fpr = torch.cat([torch.zeros(1), fpr])
print(torch.trapezoid(tpr, fpr), torch.trapz(tpr, fpr))
print(torch.trapezoid(tpr, x=fpr), torch.trapezoid(tpr, dx=0.5))

# %%
ranks = torch.empty_like(y_score, dtype=torch.long)
ranks[y_score.argsort()] = torch.arange(1, len(y_score) + 1)
n_pos, n_neg = y_true.sum(), (1 - y_true).sum()
auc = (ranks[y_true.bool()].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
print(ranks, auc, auc.dtype)
print(torch.cumsum(y_true, 0, dtype=torch.float64), y_true.cumsum(0).dtype, y_true.bool().cumsum(0))
print(torch.cumsum(torch.tensor([True, False, True]), dim=0), torch.tensor([1, 2], dtype=torch.int8).cumsum(0).dtype)

# %%
# mistake: cumsum without dim
torch.cumsum(y_true)

# %%
ties = torch.tensor([0.5, 0.5, 0.2, 0.5])
print(ties.argsort(descending=True, stable=True), ties.sort(descending=True, stable=True))
print(torch.sort(ties, stable=True, descending=False))

# %%
torch.unique(torch.tensor(7), dim=0)

# %%
torch.unique_consecutive(pairs, dim=-3)

# %%
# unique of embeddings (a tensor that requires grad): the values keep a node whose backward is not implemented
item_vecs = ncf.item(torch.tensor([0, 1, 1, 3]))
vals, inv = torch.unique(item_vecs, dim=0, return_inverse=True)
print(vals.shape, vals.grad_fn, inv, inv.requires_grad)
flat = torch.unique(item_vecs.detach().round(decimals=1).requires_grad_())
print(flat.grad_fn, torch.unique_consecutive(item_vecs[:, 0]).grad_fn)
vals.sum().backward()

# %%
torch.unique(raw_users, sorted=1)

# %%
torch.unique(raw_users, dim=0.0)

# %%
torch.unique(torch.zeros(3, 0), dim=0)

# %%
print(torch.unique(torch.zeros(0, 3), dim=0, return_inverse=True, return_counts=True))
print(torch.unique_consecutive(torch.zeros(0, 3), dim=0, return_counts=True))

# %%
# mistake: pos_weight as a Python number
F.binary_cross_entropy_with_logits(z, y, pos_weight=3.0)

# %%
# mistake: a learnable pos_weight
learned = torch.tensor([2.0], requires_grad=True)
nn.BCEWithLogitsLoss(pos_weight=learned)(z, y)

# %%
with torch.no_grad():
    print(nn.BCEWithLogitsLoss(pos_weight=learned)(z, y))
nn.BCEWithLogitsLoss(weight=torch.ones(3, requires_grad=True))(z, y)
