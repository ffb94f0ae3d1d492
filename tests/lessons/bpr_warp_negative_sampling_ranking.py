# Imitates BPR-MF and WARP-style training as public recommender notebooks write them (the "BPR: Bayesian
# Personalized Ranking" PyTorch implementations on GitHub, d2l.ai's "Personalized Ranking for Recommender
# Systems" chapter): uniform and popularity-weighted negative sampling with torch.randint / torch.multinomial,
# -logsigmoid(pos - neg) with L2 on the looked-up rows, a WARP-style hinge with a rank weight, and hit-rate / NDCG.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(42)
n_users, n_items, k = 6, 12, 4
users = torch.randint(0, n_users, (20,))
pos = torch.randint(0, n_items, (20,))
neg = torch.randint(0, n_items, (20,))
print(users, pos, neg, sep="\n")
clash = neg == pos
print(clash.sum().item(), "negatives equal to their positive")
neg[clash] = (neg[clash] + 1) % n_items

# %%
popularity = torch.bincount(pos, minlength=n_items).float()
print(popularity)
weights = (popularity + 1) ** 0.75
print(torch.multinomial(weights, 6, replacement=True))
print(torch.multinomial(weights, 6, replacement=False))
print(torch.multinomial(weights.expand(3, -1), 2))
try:
    torch.multinomial(popularity * 0, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(weights, 20)
except Exception as e:
    print(type(e).__name__, e)

# %%
class BPR(nn.Module):
    def __init__(self, n_users, n_items, k):
        super().__init__()
        self.W = nn.Embedding(n_users, k)
        self.H = nn.Embedding(n_items, k)
        nn.init.normal_(self.W.weight, std=0.1)
        nn.init.normal_(self.H.weight, std=0.1)

    def forward(self, u, i, j):
        wu, hi, hj = self.W(u), self.H(i), self.H(j)
        x_uij = (wu * hi).sum(-1) - (wu * hj).sum(-1)
        reg = wu.norm(dim=1).pow(2).sum() + hi.norm(dim=1).pow(2).sum() + hj.norm(dim=1).pow(2).sum()
        return -F.logsigmoid(x_uij).sum(), reg

model = BPR(n_users, n_items, k)
opt = torch.optim.SGD(model.parameters(), lr=0.05, weight_decay=0.0)
for epoch in range(40):
    opt.zero_grad()
    loss, reg = model(users, pos, neg)
    (loss + 1e-3 * reg).backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, f"{loss.item():.4f}", f"{reg.item():.4f}")
print(model.W.weight.grad.abs().sum(1))

# %%
def warp_loss(scores_pos, scores_neg, n_items, margin=1.0):
    # scores_neg: (batch, n_sampled); violators are negatives within the margin of the positive
    viol = (scores_neg + margin - scores_pos.unsqueeze(1)) > 0
    n_viol = viol.sum(1)
    first = torch.where(viol.any(1), viol.float().argmax(1), torch.full_like(n_viol, -1))
    est_rank = torch.floor(torch.tensor(n_items - 1.0) / (first + 1).clamp(min=1))
    weight = torch.log1p(est_rank)
    hinge = F.relu(margin - scores_pos.unsqueeze(1) + scores_neg)
    return (weight * hinge.max(1).values * (first >= 0)).mean(), first, est_rank

sampled = torch.randint(0, n_items, (20, 5))
wu = model.W(users)
s_pos = (wu * model.H(pos)).sum(-1)
s_neg = torch.einsum("bk,bnk->bn", wu, model.H(sampled))
loss, first, est = warp_loss(s_pos, s_neg, n_items)
print(first, est, sep="\n")
loss.backward()
print(f"{loss.item():.5f}", model.H.weight.grad.shape)
print(F.margin_ranking_loss(s_pos.detach(), s_neg[:, 0].detach(), torch.ones(20), margin=0.5))

# %%
with torch.no_grad():
    scores = model.W.weight @ model.H.weight.T
seen = torch.zeros(n_users, n_items, dtype=torch.bool)
seen[users, pos] = True
held_out = torch.tensor([3, 7, 0, 11, 5, 2])
masked = scores.masked_fill(seen, float("-inf"))
top = masked.topk(5, dim=1).indices
hit = (top == held_out.unsqueeze(1))
print(top)
print("HR@5", hit.any(1).float().mean().item())
rank = hit.float().argmax(1)
ndcg = torch.where(hit.any(1), 1.0 / torch.log2(rank.float() + 2), torch.zeros(()))
print("NDCG@5", ndcg, round(ndcg.mean().item(), 4))
full_rank = (masked > masked.gather(1, held_out[:, None])).sum(1) + 1
print(full_rank, (1.0 / full_rank.float()).mean())
