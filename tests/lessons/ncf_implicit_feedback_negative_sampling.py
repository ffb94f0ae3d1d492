# Imitates a "Neural Collaborative Filtering on implicit feedback" tutorial (d2l's NeuMF section, blog posts on
# GMF + MLP towers): user/item embeddings with biases, negative sampling with torch.randint and
# torch.multinomial over item popularity, BCE-with-logits training, then leave-one-out evaluation with topk,
# hit rate and NDCG by hand.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(42)
n_users, n_items = 6, 10
users = torch.tensor([0, 0, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5])
items = torch.tensor([1, 3, 1, 2, 7, 4, 0, 9, 3, 5, 6, 1])
print(users.dtype, items.shape)
uniq, inverse, counts = torch.unique(items, return_inverse=True, return_counts=True)
print(uniq, inverse, counts)
pop = torch.zeros(n_items).index_add_(0, items, torch.ones(len(items)))
print(pop)
print(torch.bincount(items, minlength=n_items))

# %%
neg_uniform = torch.randint(0, n_items, (len(users), 4))
print(neg_uniform)
probs = (pop + 1) ** 0.75
probs = probs / probs.sum()
print(probs)
neg_pop = torch.multinomial(probs, num_samples=8, replacement=True)
print(neg_pop)
neg_norep = torch.multinomial(probs.repeat(3, 1), 4)
print(neg_norep, neg_norep.dtype)
print(torch.multinomial(torch.tensor([0., 0., 1.]), 1))

# %%
class NeuMF(nn.Module):
    def __init__(self, n_users, n_items, k=4, hidden=(8, 4)):
        super().__init__()
        self.P = nn.Embedding(n_users, k)
        self.Q = nn.Embedding(n_items, k)
        self.U = nn.Embedding(n_users, k)
        self.V = nn.Embedding(n_items, k)
        layers, d = [], 2 * k
        for h in hidden:
            layers += [nn.Linear(d, h), nn.ReLU()]
            d = h
        self.mlp = nn.Sequential(*layers)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        nn.init.zeros_(self.user_bias.weight)
        nn.init.zeros_(self.item_bias.weight)
        self.out = nn.Linear(k + d, 1, bias=False)

    def forward(self, u, i):
        gmf = self.P(u) * self.Q(i)
        mlp = self.mlp(torch.cat([self.U(u), self.V(i)], dim=-1))
        logit = self.out(torch.cat([gmf, mlp], dim=-1)).squeeze(-1)
        return logit + self.user_bias(u).squeeze(-1) + self.item_bias(i).squeeze(-1)

model = NeuMF(n_users, n_items)
print(model)
print(sum(p.numel() for p in model.parameters()))
logits = model(users, items)
print(logits)
print(logits.grad_fn, logits.grad_fn.next_functions)

# %%
neg = torch.randint(0, n_items, (len(users),))
u_all = torch.cat([users, users])
i_all = torch.cat([items, neg])
y = torch.cat([torch.ones(len(users)), torch.zeros(len(users))])
loss = F.binary_cross_entropy_with_logits(model(u_all, i_all), y)
print(loss, loss.grad_fn)
loss.backward()
print(model.P.weight.grad)
print(model.item_bias.weight.grad.squeeze())
print(model.out.weight.grad)

# %%
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for epoch in range(40):
    neg = torch.randint(0, n_items, (len(users),))
    i_all = torch.cat([items, neg])
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(u_all, i_all), y)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, round(loss.item(), 4))

# %%
model.eval()
with torch.no_grad():
    all_items = torch.arange(n_items)
    scores = model(torch.arange(n_users).repeat_interleave(n_items), all_items.repeat(n_users)).view(n_users, n_items)
print(scores.shape, scores.requires_grad)
seen = torch.zeros(n_users, n_items, dtype=torch.bool)
seen[users[:-1], items[:-1]] = True
masked = scores.masked_fill(seen, float('-inf'))
vals, top = masked.topk(3, dim=1)
print(top)
print(vals)
held_u, held_i = users[-1:], items[-1:]
print((top[held_u] == held_i.unsqueeze(1)).any(1).float().mean())

# %%
def hit_ndcg(top, target):
    hits = top == target.unsqueeze(1)
    hr = hits.any(dim=1).float()
    ranks = hits.float().argmax(dim=1)
    ndcg = torch.where(hits.any(dim=1), 1.0 / torch.log2(ranks.float() + 2), torch.zeros(()))
    return hr.mean(), ndcg.mean()

target = torch.tensor([1, 2, 4, 9, 3, 6])
hr, ndcg = hit_ndcg(top, target)
print(hr, ndcg)
print(torch.sort(scores[0], descending=True))
print(scores.argsort(dim=1, descending=True)[:, :3])
dcg = sum(1 / math.log2(r + 2) for r in range(3))
print(round(dcg, 6))

# %%
user_deg = torch.zeros(n_users).scatter_add_(0, users, torch.ones(len(users)))
print(user_deg)
emb = model.V.weight.detach()
user_profile = torch.zeros(n_users, emb.shape[1]).index_add_(0, users, emb[items])
print(user_profile / user_deg.unsqueeze(1))
print(torch.zeros(n_users, 4).scatter_reduce(0, users.unsqueeze(1).expand(-1, 4), emb[items], reduce="amax", include_self=False))
