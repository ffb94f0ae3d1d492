# Imitates the data-loading tutorials beyond the basics (PyTorch's torch.utils.data docs examples, "IterableDataset
# explained" posts, Lightning-free data modules): an IterableDataset streaming lines with get_worker_info, random_split
# by fractions, StackDataset and ChainDataset, a BatchSampler passed as batch_sampler, a collate_fn that pads with
# pad_sequence and returns lengths, default_convert, drop_last, len() of loaders, and a DataLoader over a dict dataset.
import math
import torch
from torch.utils.data import (DataLoader, Dataset, IterableDataset, TensorDataset, random_split, ConcatDataset,
                              ChainDataset, StackDataset, Subset, BatchSampler, SequentialSampler, RandomSampler,
                              get_worker_info, default_collate, default_convert)
from torch.nn.utils.rnn import pad_sequence

# %%
class MyIterableDataset(IterableDataset):
    def __init__(self, start, end):
        super().__init__()
        assert end > start, "this example code only works with end >= start"
        self.start = start
        self.end = end
    def __iter__(self):
        worker_info = get_worker_info()
        if worker_info is None:
            iter_start = self.start
            iter_end = self.end
        else:
            per_worker = int(math.ceil((self.end - self.start) / float(worker_info.num_workers)))
            worker_id = worker_info.id
            iter_start = self.start + worker_id * per_worker
            iter_end = min(iter_start + per_worker, self.end)
        return iter(range(iter_start, iter_end))

ds = MyIterableDataset(start=3, end=7)
print(list(DataLoader(ds, num_workers=0)))
print(list(DataLoader(ds, batch_size=3)))
print(get_worker_info())
try:
    len(DataLoader(ds))
except TypeError as e:
    print("TypeError", e)
try:
    DataLoader(ds, shuffle=True)
except ValueError as e:
    print("ValueError", e)

# %%
torch.manual_seed(0)
full = TensorDataset(torch.arange(20.).view(10, 2), torch.arange(10))
train, val, test = random_split(full, [0.6, 0.2, 0.2], generator=torch.Generator().manual_seed(42))
print(len(train), len(val), len(test), train.indices, val.indices)
a, b = random_split(range(10), [3, 7], generator=torch.Generator().manual_seed(1))
print(list(a), list(b))
try:
    random_split(range(10), [3, 8])
except ValueError as e:
    print("ValueError", e)
parts = random_split(range(7), [0.5, 0.5], generator=torch.Generator().manual_seed(0))
[len(p) for p in parts], type(train).__name__

# %%
stacked = StackDataset(TensorDataset(torch.arange(4.)), torch.arange(4) * 10)
print(len(stacked), stacked[1])
named = StackDataset(image=torch.arange(6.).view(3, 2), label=torch.tensor([0, 1, 0]))
print(named[2])
for batch in DataLoader(named, batch_size=2):
    print(batch)
chained = ChainDataset([MyIterableDataset(0, 2), MyIterableDataset(10, 12)])
print(list(chained))
cat = ConcatDataset([TensorDataset(torch.zeros(2)), TensorDataset(torch.ones(3))])
print(len(cat), cat[3], cat.cumulative_sizes)
sub = Subset(full, [9, 0])
sub[0], len(sub)

# %%
seqs = [torch.tensor([1, 2, 3]), torch.tensor([4]), torch.tensor([5, 6]), torch.tensor([7, 8, 9, 10])]
labels = torch.tensor([0, 1, 0, 1])
class SeqDataset(Dataset):
    def __len__(self):
        return len(seqs)
    def __getitem__(self, i):
        return {"ids": seqs[i], "label": labels[i]}
def collate(batch):
    ids = [b["ids"] for b in batch]
    lengths = torch.tensor([len(x) for x in ids])
    return pad_sequence(ids, batch_first=True, padding_value=0), lengths, torch.stack([b["label"] for b in batch])
loader = DataLoader(SeqDataset(), batch_size=3, collate_fn=collate, drop_last=False)
for ids, lengths, lab in loader:
    print(ids, lengths, lab)
print(len(loader), len(DataLoader(SeqDataset(), batch_size=3, drop_last=True)))
bs = BatchSampler(SequentialSampler(range(5)), batch_size=2, drop_last=False)
print(list(bs), len(bs))
loader2 = DataLoader(full, batch_sampler=bs)
print([y.tolist() for _, y in loader2])
try:
    DataLoader(full, batch_sampler=bs, batch_size=2)
except ValueError as e:
    print("ValueError", e)
default_collate([{"a": 1, "b": [1.0, 2.0]}, {"a": 2, "b": [3.0, 4.0]}])

# %%
import numpy as np
print(default_convert(np.arange(3)), default_convert([np.float32(1.5), {"x": np.ones(2)}]))
print(default_collate([(np.array([1., 2.]), 3), (np.array([4., 5.]), 6)]))
g = torch.Generator().manual_seed(7)
rs = RandomSampler(range(6), replacement=True, num_samples=4, generator=g)
print(list(rs), len(rs))
dl = DataLoader(full, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(3))
print([y.tolist() for _, y in dl], [y.tolist() for _, y in dl])
it = iter(dl)
next(it)[1], len(dl), dl.batch_size, dl.drop_last, type(dl.sampler).__name__
