# Imitates the normalisation and metric-learning recipes after the CNN chapter (GroupNorm in small U-Nets and
# diffusion tutorials, InstanceNorm in style-transfer examples, a Siamese/triplet embedding with TripletMarginLoss,
# CosineEmbeddingLoss and MarginRankingLoss, a bilinear scoring layer).
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
block = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.GroupNorm(4, 8), nn.SiLU())
x = torch.randn(2, 3, 8, 8)
h = block(x)
print(block)
h.shape, h.mean().item() < 1e-1, h.grad_fn

# %%
gn = block[1]
per_group = gn(block[0](x)).view(2, 4, -1)
per_group.mean(-1).abs().max() < 1e-5, per_group.var(-1, unbiased=False).mean()

# %%
style = nn.InstanceNorm2d(3, affine=True)
y = style(x)
print(style)
y.view(2, 3, -1).mean(-1).abs().max() < 1e-5, y.grad_fn

# %%
embed = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
anchor, positive, negative = torch.randn(8, 6), torch.randn(8, 6), torch.randn(8, 6)
positive = anchor + 0.1 * positive
triplet = nn.TripletMarginLoss(margin=1.0)
opt = torch.optim.SGD(embed.parameters(), lr=0.1)
for step in range(20):
    loss = triplet(embed(anchor), embed(positive), embed(negative))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, round(loss.item(), 4))

# %%
d_pos = F.pairwise_distance(embed(anchor), embed(positive))
d_neg = F.pairwise_distance(embed(anchor), embed(negative))
(d_pos < d_neg).float().mean(), d_pos.grad_fn

# %%
target = torch.tensor([1., -1., 1., -1., 1., -1., 1., -1.])
cos_loss = nn.CosineEmbeddingLoss(margin=0.2)
cos_loss(embed(anchor), embed(negative), target), F.cosine_similarity(embed(anchor), embed(negative))[:3]

# %%
scores_a, scores_b = torch.randn(5, requires_grad=True), torch.randn(5)
rank = nn.MarginRankingLoss(margin=0.5)
r = rank(scores_a, scores_b, torch.ones(5))
r.backward()
r, scores_a.grad

# %%
torch.manual_seed(1)
score = nn.Bilinear(4, 4, 1)
s = score(embed(anchor), embed(positive))
s.shape, s.grad_fn, score

# %%
nn.GroupNorm(3, 8)
