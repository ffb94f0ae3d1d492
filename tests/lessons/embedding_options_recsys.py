# Imitates a recommender-systems embedding lesson: nn.Embedding with padding_idx and max_norm, from_pretrained
# with freeze, EmbeddingBag modes and per_sample_weights, and a tiny matrix-factorisation model.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
emb = nn.Embedding(6, 3, padding_idx=0)
print(emb, emb.weight[0])
ids = torch.tensor([[0, 2, 4], [1, 0, 0]])
out = emb(ids)
out.sum().backward()
print(emb.weight.grad)

# %%
mn = nn.Embedding(4, 3, max_norm=1.0)
with torch.no_grad():
    mn.weight.mul_(3)
print(mn.weight.norm(dim=1))
v = mn(torch.tensor([1, 3]))
print(v.norm(dim=1), mn.weight.norm(dim=1))
print(mn)

# %%
pre = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
frozen = nn.Embedding.from_pretrained(pre)
print(frozen.weight.requires_grad, frozen(torch.tensor([2])))
tuned = nn.Embedding.from_pretrained(pre, freeze=False, padding_idx=1)
print(tuned.weight.requires_grad, tuned.padding_idx, tuned)
print(F.embedding(torch.tensor([0, 2]), pre))

# %%
bag = nn.EmbeddingBag(10, 3, mode="sum")
text = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offsets = torch.tensor([0, 4])
print(bag(text, offsets))
psw = torch.rand(8)
print(bag(text, offsets, per_sample_weights=psw))
mx = nn.EmbeddingBag(10, 3, mode="max")
print(mx(torch.tensor([[1, 2], [3, 3]])))
try:
    mx(text, offsets, per_sample_weights=psw)
except Exception as e:
    print(type(e).__name__, e)

# %%
class MF(nn.Module):
    def __init__(self, n_users, n_items, k=4):
        super().__init__()
        self.U = nn.Embedding(n_users, k)
        self.V = nn.Embedding(n_items, k)
        self.ub = nn.Embedding(n_users, 1)
        self.ib = nn.Embedding(n_items, 1)
        for e in (self.U, self.V):
            nn.init.normal_(e.weight, std=0.1)
        nn.init.zeros_(self.ub.weight); nn.init.zeros_(self.ib.weight)
    def forward(self, u, i):
        return (self.U(u) * self.V(i)).sum(1) + self.ub(u).squeeze(1) + self.ib(i).squeeze(1)

users = torch.randint(0, 5, (32,)); items = torch.randint(0, 7, (32,)); r = torch.randint(1, 6, (32,)).float()
mf = MF(5, 7)
opt = torch.optim.Adam(mf.parameters(), lr=0.05, weight_decay=1e-4)
for ep in range(30):
    opt.zero_grad()
    loss = F.mse_loss(mf(users, items), r)
    loss.backward()
    opt.step()
print(round(loss.item(), 4), mf(users[:3], items[:3]))

