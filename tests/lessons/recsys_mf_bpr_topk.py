# Imitates a recommender-systems lesson: matrix factorisation with user/item biases, explicit ratings with MSE,
# BPR loss with negatives drawn by torch.randint, sparse embeddings with SparseAdam, max_norm, and top-k
# recommendations that mask the items a user has already seen (masked_fill, scatter_), with the usual mistakes.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(42)
n_users, n_items, k = 6, 10, 4
users = torch.randint(0, n_users, (40,))
items = torch.randint(0, n_items, (40,))
ratings = torch.randint(1, 6, (40,)).float()
print(users[:10], items[:10], ratings[:10])
print(users.dtype, ratings.dtype, ratings.mean())

# %%
class MF(nn.Module):
    def __init__(self, n_users, n_items, k):
        super().__init__()
        self.user = nn.Embedding(n_users, k)
        self.item = nn.Embedding(n_items, k)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        self.global_bias = nn.Parameter(torch.zeros(1))
        nn.init.normal_(self.user.weight, std=0.1)
        nn.init.normal_(self.item.weight, std=0.1)
        nn.init.zeros_(self.user_bias.weight)
        nn.init.zeros_(self.item_bias.weight)

    def forward(self, u, i):
        dot = (self.user(u) * self.item(i)).sum(dim=1)
        return dot + self.user_bias(u).squeeze() + self.item_bias(i).squeeze() + self.global_bias

model = MF(n_users, n_items, k)
print(model)
pred = model(users[:5], items[:5])
print(pred, pred.grad_fn)
print(sum(p.numel() for p in model.parameters()))

# %%
opt = torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=1e-4)
for epoch in range(30):
    opt.zero_grad()
    loss = F.mse_loss(model(users, items), ratings)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, round(loss.item(), 4))
print(model.user_bias.weight.grad.shape, model.global_bias)

# %%
# mistake: float ids
model(users.float(), items)

# %%
# mistake: an item id past the table
model(torch.tensor([0]), torch.tensor([n_items]))

# %%
# mistake: the bias squeezed away for a batch of one
one = model(torch.tensor([2]), torch.tensor([3]))
print(one.shape, one)
print(model.user_bias(torch.tensor([2])).squeeze().shape)
print(model.user_bias(torch.tensor([2])).squeeze(-1).shape)

# %%
# BPR: a positive item against a sampled negative
torch.manual_seed(0)
pos_u = torch.tensor([0, 0, 1, 2, 3, 3, 4, 5])
pos_i = torch.tensor([1, 4, 2, 7, 0, 9, 3, 5])
neg_i = torch.randint(n_items, (len(pos_u),))
print(neg_i)
emb_u, emb_i = nn.Embedding(n_users, k), nn.Embedding(n_items, k)
x_pos = (emb_u(pos_u) * emb_i(pos_i)).sum(-1)
x_neg = (emb_u(pos_u) * emb_i(neg_i)).sum(-1)
bpr = -F.logsigmoid(x_pos - x_neg).mean()
print(bpr, bpr.grad_fn)
bpr2 = -torch.log(torch.sigmoid(x_pos - x_neg)).mean()
print(torch.allclose(bpr, bpr2), bpr2.grad_fn)
bpr.backward()
print(emb_i.weight.grad)

# %%
# negatives that collide with positives: resample by a mask
torch.manual_seed(1)
neg = torch.randint(0, n_items, (8,), dtype=torch.int64)
clash = neg == pos_i
print(clash, clash.sum())
neg[clash] = torch.randint(0, n_items, (int(clash.sum()),))
print(neg)
print(torch.randint(3, 10, (2, 3), generator=torch.Generator().manual_seed(3)))
print(torch.randint(10, (3,), dtype=torch.int32), torch.randint(5, (2,)).dtype)

# %%
torch.randint(5, 2, (3,))

# %%
torch.randint(0, 5, 3)

# %%
torch.randint(0, 5.5, (3,))

# %%
# sparse gradients: SparseAdam for the embeddings, Adam for the rest
torch.manual_seed(0)
su, si = nn.Embedding(n_users, k, sparse=True), nn.Embedding(n_items, k, sparse=True)
print(su)
score = (su(pos_u) * si(pos_i)).sum(-1)
score.sum().backward()
g = su.weight.grad
print(g.is_sparse, g.layout, g._nnz(), g.shape)
print(g.coalesce().indices(), g.coalesce().values().shape)
print(g.to_dense()[0])
sparse_opt = torch.optim.SparseAdam(list(su.parameters()) + list(si.parameters()), lr=0.01)
sparse_opt.step()
print(su.weight[0], su.weight[5])
print(sparse_opt)

# %%
# mistake: Adam on sparse gradients
adam = torch.optim.Adam(su.parameters(), lr=0.01)
adam.step()

# %%
# mistake: SparseAdam on a dense parameter
torch.optim.SparseAdam(model.parameters(), lr=0.01)

# %%
dense = nn.Linear(2, 1)
dense(torch.ones(1, 2)).sum().backward()
sa = torch.optim.SparseAdam([dense.weight], lr=0.1)
sa.step()

# %%
print(torch.optim.SGD(su.parameters(), lr=0.1).step(), su.weight[0])
weight_decay_sgd = torch.optim.SGD(su.parameters(), lr=0.1, weight_decay=0.1)
su.zero_grad()
su(torch.tensor([0])).sum().backward()
weight_decay_sgd.step()

# %%
# max_norm renormalises the rows that are looked up, in place
torch.manual_seed(0)
mn = nn.Embedding(5, 3, max_norm=1.0, norm_type=2.0)
before = mn.weight.detach().norm(dim=1)
out = mn(torch.tensor([0, 2, 2]))
after = mn.weight.detach().norm(dim=1)
print(before, after, out.norm(dim=1))
print(mn, mn.weight._version)
mn1 = nn.Embedding(5, 3, max_norm=0.5, norm_type=1)
print(mn1(torch.tensor([[1, 3]])).abs().sum(-1), mn1)

# %%
# top-k recommendations, masking what the user already rated
with torch.no_grad():
    scores = model.user.weight @ model.item.weight.T + model.item_bias.weight.T
print(scores.shape)
seen = torch.zeros(n_users, n_items, dtype=torch.bool)
seen[users, items] = True
print(seen.sum(1))
masked = scores.masked_fill(seen, float("-inf"))
top = torch.topk(masked, k=3, dim=1)
print(top.indices, top.values.isinf().sum())
vals, idx = masked.topk(3)
print(torch.equal(idx, top.indices), type(top).__name__)

# %%
seen2 = torch.zeros(n_users, n_items).scatter_(1, torch.tensor([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9], [0, 9]]), 1.0)
print(seen2)
print(scores.masked_fill(seen2.bool(), -1e9).topk(2, largest=True, sorted=True).indices)
print(torch.full((2, 4), -float("inf")).scatter_(1, torch.tensor([[3], [0]]), 0.0))
print(scores.masked_fill(seen2 == 1, float("-inf")).argmax(dim=1))

# %%
# mistake: a float mask
scores.masked_fill(seen2, float("-inf"))

# %%
# mistake: scatter_ with int32 indices
torch.zeros(2, 4).scatter_(1, torch.tensor([[1], [2]], dtype=torch.int32), 1.0)

# %%
# mistake: more recommendations than items
scores.topk(11)

# %%
scores.topk(0), scores[0].topk(3, largest=False)

# %%
# the seen-items mask with index_put_, and the masked scores with scatter_'s value= form
seen3 = torch.zeros(n_users, n_items, dtype=torch.bool)
seen3.index_put_((users, items), torch.tensor(True))
print(torch.equal(seen3, seen), seen3.sum())
counts = torch.zeros(n_users, n_items).index_put_((users, items), torch.ones(len(users)), accumulate=True)
print(counts.max(), counts.sum())
print(torch.zeros(2, 4).scatter_(1, torch.tensor([[1], [3]]), value=torch.tensor(float("-inf"))))

# %%
# mistake: a Python number as the values of index_put_
scores.clone().index_put_((users, items), float("-inf"))

# %%
# mistake: one value per user instead of one per (user, item) pair
scores.clone().index_put_((users, items), torch.zeros(n_users))

# %%
scores.clone().index_put_((users, items, items), torch.tensor(0.0))

# %%
scores.clone().index_put_((users, items + n_items), torch.tensor(0.0))

# %%
# mistake: src= with a number
torch.zeros(2, 4).scatter_(1, torch.tensor([[1], [3]]), src=1.0)

# %%
# k given as a tensor, scores in bfloat16
k_t = torch.tensor(2)
print(scores.topk(k_t).indices)
low = scores.bfloat16()
print(low.topk(3).indices, low.topk(3, sorted=False).values, low.sort(descending=True).indices[0])
print(torch.argsort(low[0], descending=True), low[0].argmax())

# %%
# padded item histories: the padding row must exist in the table
hist = torch.tensor([[1, 4, 10], [2, 10, 10]])
item_w = torch.randn(n_items + 1, k)
print(F.embedding(hist, item_w, padding_idx=n_items).sum(1).shape)
F.embedding(hist, item_w[:n_items], padding_idx=n_items)

# %%
nn.Embedding(n_items, k, padding_idx=-n_items - 1)

# %%
pad_emb = nn.Embedding(n_items + 1, k, padding_idx=n_items)
print(pad_emb.weight._version, pad_emb.weight[n_items], pad_emb)
pad_emb.reset_parameters()
print(pad_emb.weight._version, pad_emb.weight[n_items].abs().sum())

# %%
# mistake: max_norm with float ids
F.embedding(hist.float(), item_w, max_norm=1.0)

# %%
F.embedding(hist, item_w, max_norm=1.0, padding_idx=1.5)

# %%
F.embedding(torch.tensor([-20]), item_w, max_norm=1.0)
