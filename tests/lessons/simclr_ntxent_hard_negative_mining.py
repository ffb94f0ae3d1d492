# Imitates SimCLR / NT-Xent lessons typed by learners (F.normalize, a similarity matrix whose diagonal is masked with
# masked_fill and a bool torch.eye, cross_entropy over it with a temperature, positives found by index arithmetic),
# then batch-hard triplet mining with topk / argsort / gather on a distance matrix, F.cosine_similarity with
# broadcasting, and the mistakes learners make along the way.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
encoder = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 8))
x = torch.randn(4, 10)
view1 = x + 0.1 * torch.randn_like(x)
view2 = x + 0.1 * torch.randn_like(x)
z = F.normalize(encoder(torch.cat([view1, view2])), dim=1)
print(z.shape, z.grad_fn, z.norm(dim=1))

# %%
def nt_xent(z, temperature=0.5):
    n = z.shape[0] // 2
    sim = z @ z.T / temperature
    mask = torch.eye(2 * n, dtype=torch.bool)
    sim = sim.masked_fill(mask, float('-inf'))
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(sim, targets), sim, targets

loss, sim, targets = nt_xent(z)
print(loss, loss.grad_fn)
print(sim)
print(targets, targets.dtype)
loss.backward()
print(encoder[2].weight.grad.abs().sum(), encoder[0].bias.grad[:5])

# %%
encoder.zero_grad()
z = F.normalize(encoder(torch.cat([view1, view2])), dim=1)
sim = F.cosine_similarity(z.unsqueeze(1), z.unsqueeze(0), dim=-1)
print(sim.shape, sim.grad_fn)
sim.fill_diagonal_(-9e15) if False else None
self_mask = torch.eye(sim.shape[0], dtype=torch.bool)
sim = sim.masked_fill(self_mask, -9e15) / 0.07
pos_mask = self_mask.roll(shifts=sim.shape[0] // 2, dims=0)
nll = -sim[pos_mask] + torch.logsumexp(sim, dim=-1)
print(nll, nll.mean())
comb = torch.cat([sim[pos_mask][:, None], sim.masked_fill(pos_mask, -9e15)], dim=-1)
rank = comb.argsort(dim=-1, descending=True).argmin(dim=-1)
print(rank, (rank == 0).float().mean(), (rank < 5).float().mean())
nll.mean().backward()
print(encoder[2].bias.grad)

# %%
for t in (0.1, 0.5, 1.0):
    print(t, nt_xent(z.detach(), t)[0])
print(F.cross_entropy(sim.detach(), targets, reduction='none'))
print(F.cross_entropy(sim.detach(), targets, label_smoothing=0.1))

# %%
mask = torch.eye(8)
try:
    (z @ z.T).masked_fill(mask, float('-inf'))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(z @ z.T, targets.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(z @ z.T, targets[:4])
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cosine_similarity(z, z.T)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cosine_similarity(z, z.detach().numpy())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cosine_similarity(z, z, dim=1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cosine_similarity(z, z, eps=-1e-8)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
emb = torch.randn(8, 4, requires_grad=True)
labels = torch.tensor([0, 0, 1, 1, 2, 2, 3, 3])
dist = torch.cdist(emb, emb)
same = labels[:, None] == labels[None, :]
print(dist.grad_fn, same)
hardest_pos = (dist * same.float()).max(dim=1)
print(hardest_pos.values, hardest_pos.indices)
neg_dist = dist.masked_fill(same, float('inf'))
hardest_neg, hn_idx = neg_dist.min(dim=1)
print(hardest_neg, hn_idx)
loss = F.relu(hardest_pos.values - hardest_neg + 0.5).mean()
loss.backward()
print(loss, emb.grad)

# %%
emb.grad = None
dist = torch.cdist(emb, emb, p=2)
vals, idx = dist.masked_fill(same, float('inf')).topk(2, dim=1, largest=False)
print(vals, idx)
order = dist.argsort(dim=1)
print(order)
nearest = order[:, 1]
print(nearest, labels[nearest], (labels[nearest] == labels).float().mean())
negatives = emb[hn_idx]
positives = emb[torch.tensor([1, 0, 3, 2, 5, 4, 7, 6])]
tl = F.triplet_margin_loss(emb, positives, negatives, margin=0.2)
tl.backward()
print(tl, emb.grad[:2])
g = torch.gather(dist, 1, idx)
print(g, g.grad_fn)

# %%
try:
    torch.gather(dist, 1, idx.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    dist.topk(9, dim=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.triplet_margin_loss(emb, positives, negatives.detach().numpy())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.triplet_margin_with_distance_loss(emb, positives, negatives, distance_function=lambda a, b: float((a - b).norm()))
except Exception as e:
    print(type(e).__name__, e)
