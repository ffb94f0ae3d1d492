# Imitates class-imbalance cells of training notebooks: inverse-frequency weights from torch.bincount, drawing an
# epoch with torch.multinomial with and without replacement, WeightedRandomSampler in a DataLoader (seeded with a
# torch.Generator), a balanced batch count, re-weighted losses, and the errors learners hit (too many samples
# without replacement, negative or all-zero weights, wrong shapes).
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

torch.manual_seed(0)
labels = torch.tensor([0] * 10 + [1] * 3 + [2] * 2)
feats = torch.randn(15, 4)

# %%
counts = torch.bincount(labels)
class_w = 1.0 / counts.float()
sample_w = class_w[labels]
print(counts, class_w, sample_w.shape, sample_w.sum())
idx = torch.multinomial(sample_w, 15, replacement=True)
print(idx, torch.bincount(labels[idx], minlength=3))
idx2 = torch.multinomial(sample_w, 8, replacement=False)
print(idx2, idx2.unique().numel())
print(torch.multinomial(torch.tensor([[0.1, 0.0, 0.9], [1.0, 1.0, 1.0]]), 2))
print(torch.multinomial(torch.tensor([0.0, 3.0, 1.0]), 2), torch.multinomial(torch.tensor([1, 2, 3.], dtype=torch.float64), 4, True))
g = torch.Generator().manual_seed(42)
print(torch.multinomial(sample_w, 5, replacement=True, generator=g), torch.multinomial(sample_w, 5, generator=g))

# %%
sampler = WeightedRandomSampler(sample_w, num_samples=15, replacement=True, generator=torch.Generator().manual_seed(1))
print(len(sampler), list(sampler))
print(list(sampler))
ds = TensorDataset(feats, labels)
loader = DataLoader(ds, batch_size=5, sampler=sampler)
for xb, yb in loader:
    print(xb.shape, yb, torch.bincount(yb, minlength=3))
s2 = WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 5, replacement=False, generator=torch.Generator().manual_seed(3))
print(list(s2), s2.weights, s2.weights.dtype, s2.num_samples, s2.replacement)
torch.manual_seed(4)
print(list(WeightedRandomSampler([1, 1, 8], 6)))

# %%
torch.manual_seed(5)
lin = torch.nn.Linear(4, 3)
out = lin(feats)
loss_w = F.cross_entropy(out, labels, weight=class_w / class_w.sum() * 3)
loss_s = (F.cross_entropy(out, labels, reduction="none") * sample_w).sum() / sample_w.sum()
print(loss_w, loss_s, torch.allclose(loss_w, loss_s))
loss_w.backward()
print(lin.bias.grad)
pos_weight = (labels == 0).sum() / (labels != 0).sum()
print(pos_weight, pos_weight.dtype)
bl = F.binary_cross_entropy_with_logits(out[:, 1], (labels != 0).float(), pos_weight=pos_weight)
print(bl)
probs = torch.softmax(out.detach(), 1)
print(torch.multinomial(probs, 1).view(-1), torch.multinomial(probs, 2).shape)

# %%
for make in [lambda: torch.multinomial(sample_w, 20),
             lambda: torch.multinomial(torch.tensor([0.0, 1.0, 0.0]), 2),
             lambda: torch.multinomial(torch.tensor([-1.0, 2.0]), 1),
             lambda: torch.multinomial(torch.zeros(3), 1),
             lambda: torch.multinomial(torch.tensor([1.0, float("inf")]), 1),
             lambda: torch.multinomial(torch.tensor(1.0), 1),
             lambda: torch.multinomial(torch.ones(3), 0),
             lambda: torch.multinomial(torch.ones(3, dtype=torch.long), 1),
             lambda: torch.multinomial(torch.ones(2, 2, 2), 1),
             lambda: list(WeightedRandomSampler([0.1, 0.2], 5, replacement=False)),
             lambda: WeightedRandomSampler([0.1, 0.2], -1),
             lambda: WeightedRandomSampler([0.1, 0.2], 2, replacement=1),
             lambda: WeightedRandomSampler(torch.ones(2, 2), 2),
             lambda: list(WeightedRandomSampler([-1.0, 2.0], 2))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
