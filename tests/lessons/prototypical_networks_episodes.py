# Imitates the prototypical-network tutorials (the few-shot learning notebook of easyfsl, Oscar Knagg's few-shot
# repo, the UvA course's ProtoNet): N-way K-shot episodes drawn with torch.randperm and index_select, class
# prototypes by mean over the support set, squared Euclidean distances with torch.cdist (and by broadcasting),
# log_softmax over negative distances, NLL, accuracy with argmax and eq, and the mistakes: cdist of mismatched
# dims, index_select with the wrong index dtype, an int label tensor to nll_loss.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
n_classes, per_class, dim = 6, 10, 5
centers = torch.randn(n_classes, dim) * 3
data = centers.repeat_interleave(per_class, dim=0) + torch.randn(n_classes * per_class, dim)
labels = torch.arange(n_classes).repeat_interleave(per_class)
print(data.shape, labels[:12], labels.bincount())

def sample_episode(n_way=3, k_shot=2, n_query=3):
    classes = torch.randperm(n_classes)[:n_way]
    support, query = [], []
    for c in classes:
        idx = (labels == c).nonzero(as_tuple=True)[0]
        perm = idx[torch.randperm(idx.numel())]
        support.append(data.index_select(0, perm[:k_shot]))
        query.append(data.index_select(0, perm[k_shot:k_shot + n_query]))
    return classes, torch.stack(support), torch.cat(query)

classes, support, query = sample_episode()
print(classes, support.shape, query.shape)

# %%
encoder = nn.Sequential(nn.Linear(dim, 16), nn.ReLU(), nn.Linear(16, 8))
n_way, k_shot, n_query = 3, 2, 3
emb_s = encoder(support.view(n_way * k_shot, dim)).view(n_way, k_shot, -1)
prototypes = emb_s.mean(dim=1)
emb_q = encoder(query)
dists = torch.cdist(emb_q, prototypes)
print(dists.shape, dists.grad_fn)
sq = torch.cdist(emb_q, prototypes) ** 2
sq_b = ((emb_q.unsqueeze(1) - prototypes.unsqueeze(0)) ** 2).sum(dim=2)
print(torch.allclose(sq, sq_b, atol=1e-5), sq_b.grad_fn)
log_p = F.log_softmax(-sq_b, dim=1)
target = torch.arange(n_way).repeat_interleave(n_query)
loss = F.nll_loss(log_p, target)
acc = log_p.argmax(dim=1).eq(target).float().mean()
print(loss, acc, log_p.exp().sum(1))
loss.backward()
print(encoder[0].bias.grad)

# %%
a = torch.randn(2, 4, 3, requires_grad=True)
b = torch.randn(2, 5, 3, requires_grad=True)
for p in (1.0, 2.0, 3.0, 0.0, float("inf")):
    d = torch.cdist(a, b, p=p)
    print(p, d.shape, d[0, 0], d.grad_fn)
d = torch.cdist(a, b, compute_mode="use_mm_for_euclid_dist")
d.sum().backward()
print(a.grad[0], b.grad[1, 0])
print(torch.cdist(torch.randn(3, 2, dtype=torch.float64), torch.randn(1, 2, dtype=torch.float64)))
print(torch.cdist(a.detach()[0], a.detach()[0]).diagonal())

# %%
torch.cdist(emb_q, torch.randn(3, 7))

# %%
torch.cdist(emb_q, prototypes, p=-1)

# %%
torch.cdist(emb_q[0], prototypes[0])

# %%
torch.cdist(torch.randn(3, 4).int(), torch.randn(2, 4).int())

# %%
torch.cdist(torch.randn(2, 3, 4), torch.randn(3, 2, 4))

# %%
data.index_select(0, torch.tensor([0.0, 1.0]))

# %%
data.index_select(0, torch.tensor([[0, 1]]))

# %%
data.index_select(0, torch.tensor([60]))

# %%
print(torch.index_select(data, 1, torch.tensor([4, 0])).shape, data.index_select(-1, torch.tensor(2))[:3])
print(torch.index_select(torch.tensor(5.0), 0, torch.tensor([0, 0])))
F.nll_loss(log_p, target.int())

# %%
F.nll_loss(log_p, target.float())

# %%
F.nll_loss(log_p, target[:4])

# %%
# a training loop over episodes
torch.manual_seed(3)
opt = torch.optim.Adam(encoder.parameters(), lr=0.01)
for episode in range(5):
    classes, support, query = sample_episode(n_way=3, k_shot=3, n_query=2)
    protos = encoder(support.flatten(0, 1)).unflatten(0, (3, 3)).mean(1)
    logits = -torch.cdist(encoder(query), protos).pow(2)
    y = torch.arange(3).repeat_interleave(2)
    loss = F.cross_entropy(logits, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    acc = (logits.argmax(-1) == y).sum().item() / y.numel()
    print(episode, classes.tolist(), f"{loss.item():.4f}", acc)
print(torch.randperm(5, dtype=torch.float32), torch.randperm(0), torch.randperm(4, generator=torch.Generator().manual_seed(2)))

# %%
torch.randperm(-2)
