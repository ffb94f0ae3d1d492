# Imitates few-shot learning lessons: N-way K-shot episodes drawn with torch.randperm from a toy labelled set, class
# prototypes by mean over support embeddings, torch.cdist (and squared distances) to the queries, log_softmax over
# negative distances with an NLL loss, accuracy, a cosine-similarity classifier variant, and the shape and dtype
# mistakes of a first episode loop.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
n_classes, per_class, dim = 6, 8, 5
data = torch.randn(n_classes * per_class, dim) + torch.arange(n_classes).repeat_interleave(per_class)[:, None] * 0.7
labels = torch.arange(n_classes).repeat_interleave(per_class)
print(data.shape, labels[:10], labels.dtype)

def sample_episode(n_way=3, k_shot=2, q_query=3):
    classes = torch.randperm(n_classes)[:n_way]
    support, query = [], []
    for c in classes:
        idx = (labels == c).nonzero(as_tuple=True)[0]
        idx = idx[torch.randperm(len(idx))]
        support.append(data[idx[:k_shot]])
        query.append(data[idx[k_shot:k_shot + q_query]])
    return classes, torch.stack(support), torch.stack(query)

classes, support, query = sample_episode()
print(classes, support.shape, query.shape)

# %%
encoder = nn.Sequential(nn.Linear(dim, 16), nn.ReLU(), nn.Linear(16, 4))
n_way, k_shot, q_query = support.shape[0], support.shape[1], query.shape[1]
s_emb = encoder(support.reshape(-1, dim)).reshape(n_way, k_shot, -1)
q_emb = encoder(query.reshape(-1, dim))
prototypes = s_emb.mean(dim=1)
print(prototypes.shape, prototypes.grad_fn)
dists = torch.cdist(q_emb, prototypes)
print(dists, dists.grad_fn)
log_p = F.log_softmax(-dists, dim=1)
target = torch.arange(n_way).repeat_interleave(q_query)
loss = F.nll_loss(log_p, target)
acc = (log_p.argmax(dim=1) == target).float().mean()
print(loss, acc, target)
loss.backward()
print(encoder[0].weight.grad[:2], encoder[2].bias.grad)

# %%
encoder.zero_grad()
sq = ((q_emb.detach()[:, None, :] - prototypes.detach()[None, :, :]) ** 2).sum(-1)
print(sq)
print(torch.cdist(q_emb, prototypes).pow(2).detach() - sq)
print(torch.cdist(q_emb, prototypes, p=1).detach())
print(torch.cdist(q_emb, prototypes, compute_mode='use_mm_for_euclid_dist').detach())
print(torch.cdist(q_emb[None], prototypes[None]).shape)
cos_logits = 10 * F.cosine_similarity(q_emb[:, None, :], prototypes[None, :, :], dim=-1)
print(cos_logits.shape, F.cross_entropy(cos_logits, target))

# %%
opt = torch.optim.Adam(encoder.parameters(), lr=0.01)
for episode in range(5):
    classes, support, query = sample_episode(n_way=3, k_shot=3, q_query=2)
    protos = encoder(support.reshape(-1, dim)).reshape(3, 3, -1).mean(1)
    q = encoder(query.reshape(-1, dim))
    logits = -torch.cdist(q, protos) ** 2
    tgt = torch.arange(3).repeat_interleave(2)
    loss = F.cross_entropy(logits, tgt)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(episode, classes.tolist(), round(loss.item(), 4), (logits.argmax(1) == tgt).sum().item())

# %%
try:
    torch.cdist(q_emb, prototypes.T)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(q_emb.long(), prototypes.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(q_emb[0], prototypes)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.nll_loss(log_p, target.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.nll_loss(log_p, classes.repeat_interleave(q_query) + 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    s_emb.mean(dim=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.randperm(6.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    data[torch.randperm(n_classes).float()]
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(5)
perm = torch.randperm(10)
print(perm, perm.dtype, torch.randperm(4, dtype=torch.float32), torch.randperm(0))
g = torch.Generator().manual_seed(1)
print(torch.randperm(7, generator=g), torch.multinomial(torch.ones(6), 3))
