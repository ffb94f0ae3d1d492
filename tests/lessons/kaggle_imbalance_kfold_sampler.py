# Imitates a Kaggle "Pima diabetes / credit fraud with PyTorch" notebook on imbalanced data: class weights from
# torch.bincount, WeightedRandomSampler for oversampling, CrossEntropyLoss(weight=...), k-fold cross-validation with
# torch.chunk / tensor_split + index_select, and fold scores summarised with mean/std.
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler, SubsetRandomSampler, Subset

rng = np.random.default_rng(1)
n = 50
X = torch.tensor(rng.normal(size=(n, 4)), dtype=torch.float32)
y = torch.tensor((rng.random(n) < 0.2).astype(int))
print(y.dtype, y.bincount())

# %%
counts = torch.bincount(y)
class_w = counts.sum() / (len(counts) * counts.float())
print(class_w, class_w.dtype)
inv = 1.0 / counts
sample_w = inv[y]
print(inv, inv.dtype, sample_w[:6], sample_w.dtype)
sampler = WeightedRandomSampler(sample_w, num_samples=len(sample_w), replacement=True,
                                generator=torch.Generator().manual_seed(0))
print(len(sampler), sampler.num_samples, sampler.replacement, sampler.weights.dtype)
idx = list(sampler)
print(idx[:10], type(idx[0]).__name__)
print(torch.bincount(y[torch.tensor(idx)]))
s2 = WeightedRandomSampler(sample_w.tolist(), 10, generator=torch.Generator().manual_seed(0))
print(list(s2), s2.weights.dtype)
s3 = WeightedRandomSampler([0.1, 0.9, 0.4], 3, replacement=False, generator=torch.Generator().manual_seed(2))
print(list(s3), sorted(s3))

# %%
for make in [lambda: WeightedRandomSampler(sample_w, 0), lambda: WeightedRandomSampler(sample_w, 5.0),
             lambda: WeightedRandomSampler(sample_w, 5, replacement=1),
             lambda: list(WeightedRandomSampler([1.0, 2.0], 3, replacement=False)),
             lambda: list(WeightedRandomSampler([-1.0, 2.0], 1)),
             lambda: WeightedRandomSampler(torch.ones(2, 2), 2),
             lambda: DataLoader(TensorDataset(X, y), sampler=sampler, shuffle=True),
             lambda: DataLoader(TensorDataset(X, y), batch_size=4, sampler=sampler, drop_last=True).__len__()]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
loader = DataLoader(TensorDataset(X, y), batch_size=10, sampler=sampler)
xb, yb = next(iter(loader))
print(xb.shape, yb, len(loader))
crit = nn.CrossEntropyLoss(weight=class_w)
torch.manual_seed(0)
logits = torch.randn(10, 2, requires_grad=True)
loss = crit(logits, yb)
loss.backward()
print(loss, logits.grad[:2])
try:
    nn.CrossEntropyLoss(weight=counts)(logits, yb)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.CrossEntropyLoss(weight=class_w[:1])(logits, yb)
except Exception as e:
    print(type(e).__name__, e)
print(nn.BCEWithLogitsLoss(pos_weight=counts[0] / counts[1])(logits[:, 1], yb.float()))

# %%
g = torch.Generator().manual_seed(42)
perm = torch.randperm(n, generator=g)
folds = torch.chunk(perm, 5)
print([f.shape[0] for f in folds], len(torch.chunk(perm, 7)), [len(c) for c in torch.chunk(torch.arange(10), 4)])
print([len(c) for c in perm.tensor_split(7)], [len(c) for c in torch.tensor_split(perm, [10, 30])])
print([len(c) for c in perm.split(15)], [len(c) for c in torch.split(perm, [20, 30])])
scores = []
for k, val_idx in enumerate(folds):
    train_idx = torch.cat([f for j, f in enumerate(folds) if j != k])
    Xtr, ytr = X.index_select(0, train_idx), y.index_select(0, train_idx)
    Xva, yva = torch.index_select(X, 0, val_idx), y[val_idx]
    torch.manual_seed(k)
    clf = nn.Linear(4, 2)
    opt = torch.optim.SGD(clf.parameters(), lr=0.5)
    cw = torch.bincount(ytr, minlength=2).sum() / (2 * torch.bincount(ytr, minlength=2).clamp(min=1))
    for _ in range(20):
        opt.zero_grad()
        l = nn.functional.cross_entropy(clf(Xtr), ytr, weight=cw.float())
        l.backward()
        opt.step()
    acc = (clf(Xva).argmax(1) == yva).float().mean().item()
    scores.append(acc)
    print(k, train_idx.shape, f"{l.item():.4f}", f"{acc:.3f}")
s = torch.tensor(scores)
print(f"CV acc {s.mean():.3f} +/- {s.std():.3f}", s.std(unbiased=False), torch.std(s, correction=0))

# %%
for make in [lambda: torch.chunk(perm, 0), lambda: perm.split(0), lambda: torch.split(perm, [20, 20]),
             lambda: X.index_select(0, val_idx.float()), lambda: X.index_select(0, torch.tensor([[0, 1]])),
             lambda: X.index_select(0, torch.tensor([60])), lambda: X.index_select(2, val_idx),
             lambda: torch.tensor_split(perm, 0), lambda: torch.tensor_split(perm, 2.0)]:
    try:
        r = make()
        print(len(r) if isinstance(r, tuple) else r.shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
tr_sub = Subset(TensorDataset(X, y), folds[0].tolist())
print(len(tr_sub), tr_sub[0][1], type(tr_sub.indices).__name__)
srs = SubsetRandomSampler(folds[1], generator=torch.Generator().manual_seed(0))
print(len(srs), list(srs)[:4], type(list(srs)[0]).__name__)
dl = DataLoader(TensorDataset(X, y), batch_size=4, sampler=srs)
print([b[1].tolist() for b in dl])

# %%
# stratified k-fold by hand: each class's indices chunked into k folds (a class may be absent from a subset)
def stratified_folds(labels, k, gen):
    per_class = []
    for c in range(2):
        idx = (labels == c).nonzero().squeeze(1)
        idx = idx[torch.randperm(len(idx), generator=gen)]
        per_class.append(idx.chunk(k))
    print([len(f) for f in per_class[1]])
    return [torch.cat(parts) for parts in zip(*per_class)]
sub_y = y[:8]
print(sub_y)
folds = stratified_folds(sub_y, 3, torch.Generator().manual_seed(0))
print(folds, [len(f) for f in folds])
folds = stratified_folds(torch.zeros(6, dtype=torch.long), 3, torch.Generator().manual_seed(0))
print(folds)
