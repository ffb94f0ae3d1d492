# Imitates the contrastive-learning tutorials (SimCLR from scratch, the UvA deep learning course's SimCLR notebook):
# two augmented views by noise, F.normalize, a cosine similarity matrix with F.cosine_similarity broadcasting,
# masking the diagonal with masked_fill_ and a bool eye, positives by roll, the InfoNCE/NT-Xent loss with
# cross_entropy on arange labels, top-1/top-5 accuracy via argsort, and a triplet-style margin check.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 8))
x = torch.randn(4, 6)
views = torch.cat([x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)], dim=0)
feats = encoder(views)
print(feats.shape)
cos_sim = F.cosine_similarity(feats[:, None, :], feats[None, :, :], dim=-1)
print(cos_sim.shape, cos_sim.diagonal())
self_mask = torch.eye(cos_sim.shape[0], dtype=torch.bool, device=cos_sim.device)
cos_sim.masked_fill_(self_mask, -9e15)
pos_mask = self_mask.roll(shifts=cos_sim.shape[0] // 2, dims=0)
print(pos_mask.int())
temperature = 0.5
cos_sim = cos_sim / temperature
nll = -cos_sim[pos_mask] + torch.logsumexp(cos_sim, dim=-1)
nll = nll.mean()
print(nll)
comb_sim = torch.cat([cos_sim[pos_mask][:, None], cos_sim.masked_fill(pos_mask, -9e15)], dim=-1)
sim_argsort = comb_sim.argsort(dim=-1, descending=True).argmin(dim=-1)
print((sim_argsort == 0).float().mean(), (sim_argsort < 5).float().mean(), 1 + sim_argsort.float().mean())

# %%
def nt_xent(z, temperature=0.5):
    z = F.normalize(z, dim=1)
    n = z.shape[0] // 2
    sim = z @ z.T / temperature
    sim.fill_diagonal_(float('-inf'))
    labels = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(sim, labels)

loss = nt_xent(feats)
print(loss)
loss.backward()
print(encoder[0].weight.grad.norm(), encoder[2].bias.grad)
print(F.normalize(torch.tensor([[3., 4.], [0., 0.]]), dim=1), F.normalize(torch.tensor([3., 4.]), p=1, dim=0))

# %%
torch.manual_seed(1)
opt = torch.optim.SGD(encoder.parameters(), lr=0.1, momentum=0.9, nesterov=True)
for step in range(5):
    x = torch.randn(8, 6)
    v1 = x + 0.1 * torch.randn_like(x)
    v2 = x + 0.1 * torch.randn_like(x)
    z = encoder(torch.cat([v1, v2]))
    loss = nt_xent(z, 0.2)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}")

# %%
a, p, n = torch.randn(3, 5, 4).unbind(0)
d_ap = F.pairwise_distance(a, p)
d_an = F.pairwise_distance(a, n)
print(d_ap, F.relu(d_ap - d_an + 1.0).mean())
print(nn.TripletMarginLoss(margin=1.0)(a, p, n))
print(nn.TripletMarginWithDistanceLoss(distance_function=lambda x, y: 1 - F.cosine_similarity(x, y))(a, p, n))
print(torch.cdist(a, p).diagonal() - d_ap)
