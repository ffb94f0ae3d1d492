# Imitates the sampler and worker sections of data-loading guides (PyTorch's torch.utils.data docs and its
# IterableDataset examples, "handling class imbalance" posts, "reproducible DataLoader" recipes with seed_worker):
# RandomSampler with and without replacement, SequentialSampler, SubsetRandomSampler, WeightedRandomSampler and
# its errors, BatchSampler, then num_workers=2: random augmentation in __getitem__ seeded per worker, a stream
# split between workers with get_worker_info or worker_init_fn, the unsplit stream that repeats, and
# persistent workers. (The engine loads in the cell's process and emulates the workers: same numbers, same order.)
import math
import random
import numpy as np
import torch
from torch.utils.data import (Dataset, IterableDataset, DataLoader, TensorDataset, RandomSampler, SequentialSampler,
                              SubsetRandomSampler, WeightedRandomSampler, BatchSampler, get_worker_info)

# %%
torch.manual_seed(0)
print(list(RandomSampler(range(8))))
print(list(RandomSampler(range(8), replacement=True)))
print(list(RandomSampler(range(4), num_samples=10)))
print(list(RandomSampler(range(5), replacement=True, num_samples=40))[-8:])
print(list(SequentialSampler(["a", "b", "c"])), torch.rand(1))
rs = RandomSampler(range(5), generator=torch.Generator().manual_seed(3))
print(len(rs), rs.num_samples, rs.replacement, list(rs), list(rs))

# %%
RandomSampler(range(5), num_samples=0)

# %%
RandomSampler(range(5), replacement=1)

# %%
torch.manual_seed(1)
indices = list(range(10))
split = 7
train_sampler = SubsetRandomSampler(indices[:split])
valid_sampler = SubsetRandomSampler(indices[split:], generator=torch.Generator().manual_seed(5))
data = TensorDataset(torch.arange(10.) * 10)
print([b[0].tolist() for b in DataLoader(data, batch_size=3, sampler=train_sampler)])
print([b[0].tolist() for b in DataLoader(data, batch_size=3, sampler=valid_sampler)], len(train_sampler))

# %%
targets = torch.tensor([0, 0, 0, 0, 0, 0, 1, 1, 2, 2])
counts = torch.bincount(targets)
class_weights = 1.0 / counts.float()
sample_weights = class_weights[targets]
torch.manual_seed(2)
sampler = WeightedRandomSampler(sample_weights, num_samples=len(sample_weights), replacement=True)
picked = list(sampler)
print(counts, picked, torch.bincount(targets[picked], minlength=3))
print(sampler.weights.dtype, sampler.num_samples, len(sampler))
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7], 3, replacement=False, generator=torch.Generator().manual_seed(0))))

# %%
list(WeightedRandomSampler([0.5, float("nan"), 1.0], 4))

# %%
list(WeightedRandomSampler([0.5, 0.5], 3, replacement=False))

# %%
list(WeightedRandomSampler([], 2))

# %%
WeightedRandomSampler([[0.5, 0.5]], 2)

# %%
bs = BatchSampler(SequentialSampler(range(10)), batch_size=4, drop_last=False)
print(list(bs), len(bs), len(BatchSampler(range(10), 4, True)))
print(list(BatchSampler(RandomSampler(range(6), generator=torch.Generator().manual_seed(4)), 4, True)))
BatchSampler(range(10), batch_size=0, drop_last=False)

# %%
class Augmented(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        noise = torch.rand(()) * 0.1
        flip = random.random() < 0.5
        jitter = np.random.uniform(-1, 1)
        return torch.tensor(float(i)) + noise, flip, jitter
torch.manual_seed(3)
loader = DataLoader(Augmented(8), batch_size=3, num_workers=2)
for x, flip, jitter in loader:
    print(x, flip, jitter)
print(torch.rand(2))

# %%
torch.manual_seed(3)
random.seed(3)
for x, flip, jitter in DataLoader(Augmented(8), batch_size=3, num_workers=0):
    print(x, flip)
print(torch.rand(2))

# %%
def seed_worker(worker_id):
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)
g = torch.Generator()
g.manual_seed(0)
loader = DataLoader(Augmented(6), batch_size=2, shuffle=True, num_workers=2, worker_init_fn=seed_worker, generator=g)
print([(x.tolist(), jitter.tolist()) for x, _, jitter in loader])
print(loader.prefetch_factor, loader.persistent_workers, get_worker_info())

# %%
class RangeStream(IterableDataset):
    def __init__(self, start, end):
        super().__init__()
        self.start, self.end = start, end
    def __iter__(self):
        info = get_worker_info()
        if info is None:
            lo, hi = self.start, self.end
        else:
            per_worker = int(math.ceil((self.end - self.start) / float(info.num_workers)))
            lo = self.start + info.id * per_worker
            hi = min(lo + per_worker, self.end)
        return iter(range(lo, hi))
ds = RangeStream(3, 10)
print(list(DataLoader(ds, num_workers=0)))
print(list(DataLoader(ds, num_workers=2)))
print(list(DataLoader(ds, num_workers=2, batch_size=2)))

# %%
class Plain(IterableDataset):
    def __init__(self, start, end):
        self.start, self.end = start, end
    def __iter__(self):
        return iter(range(self.start, self.end))
print(list(DataLoader(Plain(3, 7), num_workers=2)))
def worker_init_fn(worker_id):
    info = torch.utils.data.get_worker_info()
    dataset = info.dataset
    overall_start, overall_end = dataset.start, dataset.end
    per_worker = int(math.ceil((overall_end - overall_start) / float(info.num_workers)))
    dataset.start = overall_start + info.id * per_worker
    dataset.end = min(dataset.start + per_worker, overall_end)
plain = Plain(3, 7)
print(list(DataLoader(plain, num_workers=2, worker_init_fn=worker_init_fn)))
print(plain.start, plain.end)

# %%
torch.manual_seed(4)
loader = DataLoader(Augmented(6), batch_size=3, num_workers=2, persistent_workers=True)
print([x for x, _, _ in loader])
print([x for x, _, _ in loader])
print(torch.rand(1))

# %%
DataLoader(Augmented(6), persistent_workers=True)

# %%
DataLoader(Augmented(6), prefetch_factor=4)

# %%
DataLoader(Augmented(6), num_workers=2, multiprocessing_context="threads")
