# Imitates the k-means implementations in PyTorch found in public notebooks and the kmeans_pytorch package
# (pairwise_distance via torch.cdist, argmin assignment, index_add_/bincount centroid update, inertia), run for a
# few iterations on 60 points in float32 and float64, then a differentiable "soft k-means" whose centroids get a
# gradient through the squared distances.
import torch

torch.manual_seed(3)
X = torch.cat([torch.randn(20, 2) * 0.5 + torch.tensor(c) for c in ([0.0, 0.0], [3.0, 3.0], [0.0, 4.0])])
centroids = X[torch.tensor([0, 25, 50])].clone()
for it in range(4):
    d = torch.cdist(X, centroids)
    labels = d.argmin(dim=1)
    inertia = d.gather(1, labels[:, None]).pow(2).sum()
    counts = torch.bincount(labels, minlength=3)
    sums = torch.zeros_like(centroids).index_add_(0, labels, X)
    centroids = sums / counts[:, None]
    print(it, counts.tolist(), round(inertia.item(), 4))
print(centroids)

# %%
Xd = X.double()
c = Xd[torch.tensor([1, 30, 45])].clone()
for it in range(3):
    labels = torch.cdist(Xd, c).argmin(1)
    c = torch.stack([Xd[labels == k].mean(0) for k in range(3)])
print(c.tolist())
print(torch.cdist(Xd, c).min(1).values[:8].tolist())

# %%
mu = centroids.clone().requires_grad_()
d2 = torch.cdist(X, mu) ** 2
resp = torch.softmax(-d2 / 0.5, dim=1)
loss = (resp * d2).sum() / X.shape[0]
loss.backward()
print(loss)
print(mu.grad)

# %%
mu64 = c.clone().requires_grad_()
dist = torch.cdist(Xd, mu64)
(dist ** 0.5 * torch.arange(60, dtype=torch.float64)[:, None]).sum().backward()
print(mu64.grad.tolist())
