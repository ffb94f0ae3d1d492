# Imitates the train/validation/test split sections of course notebooks (Lightning-free MNIST-style pipelines,
# "random_split with fractions" forum answers, Korean and Japanese course splits of a CSV turned into tensors):
# random_split by counts and by fractions under torch.manual_seed and with a Generator, its warnings and errors,
# Subset and what it keeps, a Subset subclass, ConcatDataset and `+`, StackDataset, TensorDataset's mistakes
# (numpy arrays, a scalar, lengths that disagree).
import warnings
import torch
import numpy as np
from torch.utils.data import TensorDataset, random_split, Subset, ConcatDataset, StackDataset, DataLoader

warnings.simplefilter("always")

# %%
torch.manual_seed(0)
features = torch.randn(12, 3)
labels = torch.randint(0, 2, (12,))
full = TensorDataset(features, labels)
train_ds, val_ds = random_split(full, [9, 3])
print(type(train_ds).__name__, len(train_ds), len(val_ds))
print(train_ds.indices, val_ds.indices, train_ds.dataset is full)
train_ds[0]

# %%
train_ds, val_ds, test_ds = random_split(full, [0.7, 0.2, 0.1], generator=torch.Generator().manual_seed(42))
print(len(train_ds), len(val_ds), len(test_ds))
print(train_ds.indices, val_ds.indices, test_ds.indices)

# %%
parts = random_split(range(10), [0.5, 0.5, 0.0], generator=torch.Generator().manual_seed(0))
[list(p) for p in parts]

# %%
random_split(full, [0.8, 0.3])

# %%
random_split(full, [1.2, -0.2])

# %%
random_split(full, [10, 3])

# %%
random_split(full, [6, 6.0])

# %%
a, b = random_split(full, torch.tensor([4, 8]), generator=torch.Generator().manual_seed(3))
print(a.indices, len(b))
val_loader = DataLoader(val_ds, batch_size=2)
for xb, yb in val_loader:
    print(xb.shape, yb)

# %%
sub = Subset(full, [11, 0, 5])
print(len(sub), sub.indices, sub[1][1], sub.dataset is full)
print(sub[[0, 2]])
print(sub.__getitems__([2, 0]))
print([yb.tolist() for _, yb in DataLoader(sub, batch_size=2)])

# %%
class Doubled(Subset):
    def __getitem__(self, i):
        x, y = super().__getitem__(i)
        return x * 2, y
Doubled(full, [0, 1])

# %%
class Doubled(Subset):
    def __getitem__(self, i):
        x, y = super().__getitem__(i)
        return x * 2, y
    def __getitems__(self, indices):
        return [self.__getitem__(i) for i in indices]
d = Doubled(full, [0, 1])
next(iter(DataLoader(d, batch_size=2)))[0]

# %%
both = ConcatDataset([train_ds, test_ds])
print(len(both), both.cumulative_sizes, both[-1][1], both[8][1])
print(type(train_ds + val_ds).__name__, len(train_ds + val_ds + test_ds))
print(ConcatDataset.cumsum([range(2), range(5)]))
both.cummulative_sizes

# %%
both[-20]

# %%
ConcatDataset([])

# %%
pairs = StackDataset(TensorDataset(features[:4]), labels[:4])
print(len(pairs), pairs[0])
named = StackDataset(x=features[:4], y=labels[:4])
print(named[1])
print(named.__getitems__([0, 3]))
print(next(iter(DataLoader(named, batch_size=3))))

# %%
TensorDataset(np.zeros((4, 3)), np.zeros(4))

# %%
TensorDataset(torch.tensor(1.0), torch.tensor(2.0))

# %%
TensorDataset(features, labels[:10])

# %%
torch.tensor(5.0).size(0)

# %%
features.size(1.0)
