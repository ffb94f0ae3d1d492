# Imitates the unsupervised-learning notebooks of "machine learning from scratch in PyTorch" repositories and the
# "PyTorch for scientific computing" courses: standardise a small data set, PCA three ways (torch.linalg.svd of the
# centred data, torch.linalg.eigh of the covariance, torch.pca_lowrank), explained variance, k-means with cdist /
# argmin and centroid updates by index_add_ and scatter_add_, inertia per iteration, then k-nearest neighbours
# with topk and a majority vote by mode.
import torch

# %%
torch.manual_seed(0)
centers = torch.tensor([[0.0, 0.0, 0.0, 0.0], [4.0, 4.0, 0.0, 1.0], [-3.0, 4.0, 2.0, -1.0]])
X = torch.cat([c + torch.randn(30, 4) * torch.tensor([1.0, 0.6, 0.3, 0.2]) for c in centers])
labels = torch.arange(3).repeat_interleave(30)
mean, std = X.mean(dim=0), X.std(dim=0)
Xs = (X - mean) / std
print(X.shape, labels.bincount(), mean, std)
Xs.mean(0).abs().max() < 1e-6, Xs.std(0, unbiased=False)

# %%
Xc = Xs - Xs.mean(dim=0, keepdim=True)
U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
explained = S**2 / (Xc.shape[0] - 1)
ratio = explained / explained.sum()
print(S, explained)
print(ratio, ratio.cumsum(0))
Z = Xc @ Vh[:2].T
Z[:4], Z.shape

# %%
cov = Xc.T @ Xc / (Xc.shape[0] - 1)
evals, evecs = torch.linalg.eigh(cov)
order = torch.argsort(evals, descending=True)
evals, evecs = evals[order], evecs[:, order]
print(evals, torch.allclose(evals, explained, atol=1e-4))
# eigenvectors are defined up to a sign: align them with the SVD directions before comparing
signs = torch.sign((evecs * Vh.T).sum(0))
print(signs, torch.allclose(evecs * signs, Vh.T, atol=1e-4))
print(torch.allclose(cov, torch.cov(Xc.T), atol=1e-6), torch.linalg.eigvalsh(cov))
(evecs.T @ evecs).diagonal(), torch.linalg.matrix_rank(cov)

# %%
torch.manual_seed(1)
U2, S2, V2 = torch.pca_lowrank(Xs, q=3)
print(U2.shape, S2.shape, V2.shape)
print(S2, S[:3])
print((V2.T @ Vh[:3].T).abs().diagonal())
proj = torch.matmul(Xc, V2[:, :2])
recon = proj @ V2[:, :2].T
print(proj.shape, ((Xc - recon) ** 2).mean())
U3, S3, V3 = torch.svd_lowrank(Xc, q=2, niter=4)
S3, torch.allclose((U3 * S3) @ V3.T, Xc @ V3 @ V3.T, atol=1e-4), U3.shape, V3.shape

# %%
def kmeans(X, k, iters=6, seed=0):
    g = torch.Generator().manual_seed(seed)
    C = X[torch.randperm(X.shape[0], generator=g)[:k]].clone()
    history = []
    for it in range(iters):
        d = torch.cdist(X, C)
        assign = d.argmin(dim=1)
        history.append(d.min(dim=1).values.pow(2).sum().item())
        sums = torch.zeros_like(C).index_add_(0, assign, X)
        counts = torch.zeros(k).scatter_add_(0, assign, torch.ones(X.shape[0]))
        C = sums / counts.clamp(min=1).unsqueeze(1)
    return C, assign, history

C, assign, hist = kmeans(Xs, 3)
print([round(h, 4) for h in hist])
print(C, assign.bincount(minlength=3))
# cluster ids are arbitrary: a contingency table against the true labels
table = torch.zeros(3, 3, dtype=torch.long)
table.index_put_((labels, assign), torch.ones_like(labels), accumulate=True)
table

# %%
# the same update with scatter_reduce and one_hot, and the squared distances by hand
onehot = torch.nn.functional.one_hot(assign, 3).float()
C_mean = (onehot.T @ Xs) / onehot.sum(0, keepdim=True).T
C_red = torch.zeros(3, 4).scatter_reduce(0, assign[:, None].expand(-1, 4), Xs, reduce="mean", include_self=False)
d2 = (Xs**2).sum(1, keepdim=True) - 2 * Xs @ C.T + (C**2).sum(1)
print(torch.allclose(C_mean, C_red, atol=1e-6), torch.allclose(d2.clamp_min(0).sqrt(), torch.cdist(Xs, C), atol=1e-4))
torch.cdist(Xs[:3], C, p=1), torch.cdist(Xs[:2], C, p=float("inf"))

# %%
g = torch.Generator().manual_seed(3)
perm = torch.randperm(len(Xs), generator=g)
n_train = int(0.8 * len(Xs))
train_idx, test_idx = perm[:n_train], perm[n_train:]
Xtr, ytr, Xte, yte = Xs[train_idx], labels[train_idx], Xs[test_idx], labels[test_idx]
print(Xtr.shape, Xte.shape, ytr.bincount(), yte.bincount())

def knn_predict(Xtr, ytr, Xq, k=5):
    d = torch.cdist(Xq, Xtr)
    dist, idx = d.topk(k, dim=1, largest=False)
    votes = ytr[idx]
    return votes.mode(dim=1).values, dist

pred, dist = knn_predict(Xtr, ytr, Xte)
print(pred, (pred == yte).float().mean())
print(dist[:3])
votes = ytr[torch.cdist(Xte, Xtr).topk(4, largest=False).indices]
votes[:5], votes.mode(1), torch.mode(votes[:5], dim=0)
