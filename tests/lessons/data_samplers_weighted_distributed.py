# Imitates the sampler reference of torch.utils.data (RandomSampler, SequentialSampler, WeightedRandomSampler,
# SubsetRandomSampler, BatchSampler) as imbalanced-data and k-fold tutorials use them, seeded both ways, and
# DistributedSampler as DDP tutorials use it (num_replicas / rank given, set_epoch, padding and drop_last).
import torch
from torch.utils.data import (RandomSampler, SequentialSampler, WeightedRandomSampler, SubsetRandomSampler,
                              BatchSampler, DataLoader, TensorDataset, Sampler)
from torch.utils.data.distributed import DistributedSampler

def attempt(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 5, replacement=True,
                                 generator=torch.Generator().manual_seed(0))))
print(list(WeightedRandomSampler([0.9, 0.4, 0.05, 0.2, 0.3, 0.1], 5, replacement=False,
                                 generator=torch.Generator().manual_seed(0))))
torch.manual_seed(0)
s = WeightedRandomSampler(torch.tensor([1., 2., 3.], dtype=torch.float64), 8)
print(list(s), list(s), len(s), s.weights, s.num_samples, s.replacement)
print(list(BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=False)))
print(list(BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=True)))
print(len(BatchSampler(range(10), 3, False)), len(BatchSampler(range(10), 3, True)))

# %%
g = torch.Generator().manual_seed(7)
print(list(RandomSampler(range(6), generator=g)), list(RandomSampler(range(6), replacement=True, generator=g)))
print(list(RandomSampler(range(4), num_samples=10, generator=g)))
print(list(RandomSampler(range(5), replacement=True, num_samples=12, generator=g)))
print(len(RandomSampler(range(5), num_samples=3)))
torch.manual_seed(5)
print(list(RandomSampler(range(8))), list(RandomSampler(range(40), replacement=True))[:10])
print(list(SubsetRandomSampler([10, 20, 30, 40], generator=torch.Generator().manual_seed(3))))
torch.manual_seed(5)
print(list(SubsetRandomSampler(range(5))), len(SubsetRandomSampler([1, 2])))

# %%
targets = torch.tensor([0, 0, 0, 0, 1, 1, 0, 0, 2, 0])
counts = torch.bincount(targets)
weights = 1.0 / counts[targets].float()
torch.manual_seed(1)
sampler = WeightedRandomSampler(weights, num_samples=len(weights), replacement=True)
dl = DataLoader(TensorDataset(torch.arange(10), targets), batch_size=4, sampler=sampler)
for xb, yb in dl:
    print(xb.tolist(), yb.tolist())
print(len(dl))

# %%
idx = torch.arange(12)
kf_train = SubsetRandomSampler(idx[:8].tolist(), generator=torch.Generator().manual_seed(0))
dl = DataLoader(TensorDataset(idx.float() / 2), batch_size=3, sampler=kf_train)
print([b[0].tolist() for b in dl], [b[0].tolist() for b in dl])
bs = BatchSampler(RandomSampler(range(7), generator=torch.Generator().manual_seed(2)), 3, False)
dl = DataLoader(TensorDataset(torch.arange(7) ** 2), batch_sampler=bs)
print([b[0].tolist() for b in dl], len(dl), dl.batch_size, dl.drop_last)

# %%
attempt(lambda: WeightedRandomSampler([1., 2.], 0))
attempt(lambda: WeightedRandomSampler([1., 2.], 2.0))
attempt(lambda: WeightedRandomSampler([1., 2.], 2, replacement=1))
attempt(lambda: list(WeightedRandomSampler([1., 2.], 3, replacement=False)))
attempt(lambda: WeightedRandomSampler([[1., 2.]], 2))
attempt(lambda: list(WeightedRandomSampler([-1., 2.], 2)))
attempt(lambda: list(WeightedRandomSampler([0., 0.], 2)))
attempt(lambda: RandomSampler(range(3), replacement="yes"))
attempt(lambda: RandomSampler(range(3), num_samples=0))
attempt(lambda: RandomSampler(range(3), num_samples=-1))
attempt(lambda: BatchSampler(range(3), 0, False))
attempt(lambda: BatchSampler(range(3), 2, "no"))
attempt(lambda: BatchSampler(range(3), True, False))
attempt(lambda: len(Sampler()))
attempt(lambda: iter(Sampler()))

# %%
ds = TensorDataset(torch.arange(6))
attempt(lambda: DataLoader(ds, sampler=SequentialSampler(ds), shuffle=True))
attempt(lambda: DataLoader(ds, batch_sampler=BatchSampler(range(6), 2, False), batch_size=3))
attempt(lambda: DataLoader(ds, batch_sampler=BatchSampler(range(6), 2, False), shuffle=True))
attempt(lambda: DataLoader(ds, batch_sampler=BatchSampler(range(6), 2, False), drop_last=True))
attempt(lambda: DataLoader(ds, batch_size=None, drop_last=True))
attempt(lambda: DataLoader(ds, num_workers=-1))
attempt(lambda: DataLoader(ds, timeout=-1))
attempt(lambda: DataLoader(ds, prefetch_factor=2))
attempt(lambda: DataLoader(ds, persistent_workers=True))
attempt(lambda: DataLoader(ds, batch_size=0))
attempt(lambda: DataLoader(ds, batch_size=2.5))
attempt(lambda: DataLoader(ds, shuffle="yes"))
attempt(lambda: DataLoader(ds, batch_size=2).__len__())

# %%
ds = TensorDataset(torch.arange(10))
for rank in range(3):
    s = DistributedSampler(ds, num_replicas=3, rank=rank, seed=1)
    for epoch in range(2):
        s.set_epoch(epoch)
        print(rank, epoch, [b[0].tolist() for b in DataLoader(ds, batch_size=2, sampler=s)])
print(list(DistributedSampler(range(2), num_replicas=5, rank=4, shuffle=False)), len(DistributedSampler(range(2), num_replicas=5, rank=4)))
attempt(lambda: list(DistributedSampler(range(2), num_replicas=5, rank=4, drop_last=True)))
attempt(lambda: DistributedSampler(range(3), num_replicas=2, rank=-1))
attempt(lambda: DistributedSampler(range(3), num_replicas=2))
s = DistributedSampler(range(7), num_replicas=2, rank=1)
print(s.epoch, s.shuffle, s.seed, s.drop_last, s.num_replicas, s.rank, type(s).__module__, type(s).__mro__[1].__name__)
attempt(lambda: DataLoader(range(4), sampler=DistributedSampler(range(4), 2, 0), shuffle=True))
