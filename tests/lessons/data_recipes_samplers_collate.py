# Imitates the data-loading parts of Japanese and Korean PyTorch courses (「PyTorch実践入門」, 파이토치 입문) and the
# "handling imbalanced datasets" blog posts: a map-style Dataset with __getitem__ returning dicts, default_collate
# of dicts / tuples / numbers / strings, a custom collate_fn padding variable-length sequences, WeightedRandomSampler,
# SubsetRandomSampler, Subset, ConcatDataset, IterableDataset with ChainDataset, and DataLoader's argument errors.
import torch
from torch.utils.data import (Dataset, IterableDataset, DataLoader, TensorDataset, Subset, ConcatDataset,
                              ChainDataset, WeightedRandomSampler, SubsetRandomSampler, SequentialSampler,
                              BatchSampler, RandomSampler)
from torch.utils.data.dataloader import default_collate
from torch.nn.utils.rnn import pad_sequence

class DictDataset(Dataset):
    def __init__(self, n):
        self.x = torch.arange(n * 2, dtype=torch.float32).view(n, 2)
        self.y = torch.arange(n) % 3
    def __len__(self):
        return len(self.x)
    def __getitem__(self, idx):
        return {"x": self.x[idx], "y": self.y[idx], "id": f"s{idx}", "w": 0.5 * idx}

# %%
ds = DictDataset(7)
print(len(ds), ds[3])
dl = DataLoader(ds, batch_size=3)
for b in dl:
    print(b)

# %%
print(default_collate([(1, 2.0, "a"), (3, 4.0, "b")]))
print(default_collate([torch.tensor([1, 2]), torch.tensor([3, 4])]))
print(default_collate([[torch.ones(2), 1], [torch.zeros(2), 2]]))
import numpy as np
print(default_collate([np.array([1.0, 2.0]), np.array([3.0, 4.0])]), default_collate([np.float64(1.5), np.float64(2.5)]))
try:
    default_collate([torch.ones(2), torch.ones(3)])
except RuntimeError as e:
    print(e)

# %%
seqs = [torch.tensor([1, 2, 3]), torch.tensor([4, 5]), torch.tensor([6]), torch.tensor([7, 8, 9, 10])]
labels = [0, 1, 0, 1]
class SeqDS(Dataset):
    def __len__(self): return len(seqs)
    def __getitem__(self, i): return seqs[i], labels[i]
def collate_batch(batch):
    xs, ys = zip(*batch)
    lengths = torch.tensor([len(x) for x in xs])
    return pad_sequence(xs, batch_first=True), torch.tensor(ys), lengths
for xb, yb, lb in DataLoader(SeqDS(), batch_size=2, collate_fn=collate_batch):
    print(xb, yb, lb)
try:
    next(iter(DataLoader(SeqDS(), batch_size=2)))
except RuntimeError as e:
    print(e)

# %%
targets = torch.tensor([0] * 8 + [1] * 2)
class_count = torch.bincount(targets)
class_weights = 1. / class_count.float()
sample_weights = class_weights[targets]
print(class_count, class_weights, sample_weights)
torch.manual_seed(0)
sampler = WeightedRandomSampler(sample_weights, num_samples=len(sample_weights), replacement=True)
idx = list(sampler)
print(idx, targets[idx].float().mean())
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 5, replacement=False, generator=torch.Generator().manual_seed(1))))
print(len(sampler), sampler.num_samples, sampler.replacement)

# %%
torch.manual_seed(1)
tds = TensorDataset(torch.arange(10.), targets)
sub = SubsetRandomSampler([1, 3, 5, 7])
print(list(sub), len(sub))
dl = DataLoader(tds, batch_size=2, sampler=sub)
print([x.tolist() for x, _ in dl])
s = Subset(tds, [9, 0, 4])
print(len(s), s[0], s.indices, type(s.dataset).__name__)
cat = ConcatDataset([s, tds])
print(len(cat), cat[2], cat[3], cat.cumulative_sizes)
print(type(s + tds).__name__, len(tds + tds))

# %%
class Counter(IterableDataset):
    def __init__(self, start, end):
        self.start, self.end = start, end
    def __iter__(self):
        return iter(range(self.start, self.end))
chain = ChainDataset([Counter(0, 3), Counter(10, 12)])
print(list(chain), list(DataLoader(Counter(0, 7), batch_size=3)))
print(list(DataLoader(Counter(0, 5), batch_size=None)))
try:
    DataLoader(Counter(0, 5), shuffle=True)
except ValueError as e:
    print(e)
try:
    len(DataLoader(Counter(0, 5)))
except TypeError as e:
    print(e)

# %%
for kw in [dict(sampler=SequentialSampler(tds), shuffle=True), dict(batch_sampler=BatchSampler(SequentialSampler(tds), 3, False), shuffle=True),
           dict(batch_sampler=BatchSampler(SequentialSampler(tds), 3, False), drop_last=True), dict(batch_size=0), dict(batch_size=-1),
           dict(num_workers=-1), dict(timeout=-1), dict(prefetch_factor=2)]:
    try:
        DataLoader(tds, **kw)
        print("ok", kw)
    except Exception as e:
        print(type(e).__name__, e)

# %%
bs = BatchSampler(RandomSampler(range(10), generator=torch.Generator().manual_seed(3)), batch_size=4, drop_last=False)
print(list(bs), len(bs), len(BatchSampler(range(10), 4, True)))
print(list(BatchSampler(SequentialSampler(range(5)), batch_size=2, drop_last=True)))
try:
    BatchSampler(range(5), batch_size=0, drop_last=False)
except ValueError as e:
    print(e)
try:
    RandomSampler(range(5), num_samples=0)
except ValueError as e:
    print(e)
