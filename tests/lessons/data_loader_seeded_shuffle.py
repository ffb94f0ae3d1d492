# Imitates the "Datasets & DataLoaders" chapter of beginner courses (PyTorch's own tutorial, d2l's data iterators,
# Zero to Mastery's FashionMNIST loaders) on tensors instead of downloaded images: a TensorDataset, a DataLoader
# with shuffle under torch.manual_seed and with its own torch.Generator, drop_last, len(loader), iterating twice,
# the loader's attributes, the options that exclude each other, pin_memory on a CPU machine, a custom Sampler the
# way old posts write it (super().__init__(data_source)) and the way PyTorch 2 wants it.
import torch
from torch.utils.data import Dataset, TensorDataset, DataLoader, Sampler, SequentialSampler, RandomSampler, BatchSampler

# %%
torch.manual_seed(0)
X = torch.arange(20, dtype=torch.float32).view(10, 2)
y = (X.sum(dim=1) > 18).long()
ds = TensorDataset(X, y)
print(len(ds), ds[0], ds[-1])
print(ds[2:4])
ds.tensors[1]

# %%
train_loader = DataLoader(ds, batch_size=4, shuffle=True)
for xb, yb in train_loader:
    print(xb[:, 0], yb)
print(len(train_loader))

# %%
for epoch in range(2):
    print("epoch", epoch, [xb[:, 0].tolist() for xb, _ in train_loader])
torch.rand(3)

# %%
g = torch.Generator()
g.manual_seed(42)
loader = DataLoader(ds, batch_size=3, shuffle=True, generator=g)
print([yb.tolist() for _, yb in loader])
g.manual_seed(42)
print([yb.tolist() for _, yb in loader])
print(torch.rand(1))

# %%
loader = DataLoader(ds, batch_size=4, drop_last=True)
print(len(loader), [xb.shape for xb, _ in loader])
print(loader.batch_size, loader.drop_last, loader.num_workers, loader.pin_memory, loader.timeout, loader.generator)
print(type(loader.sampler).__name__, type(loader.batch_sampler).__name__, loader.collate_fn.__name__)
it = iter(loader)
print(type(it).__name__, len(it))
first = next(it)
second = next(it)
print(first[1], second[1])
next(it)

# %%
loader.batch_size = 8

# %%
loader = DataLoader(ds, batch_size=5, shuffle=True, sampler=SequentialSampler(ds))

# %%
bs = BatchSampler(RandomSampler(ds, generator=torch.Generator().manual_seed(1)), batch_size=3, drop_last=False)
loader = DataLoader(ds, batch_sampler=bs, shuffle=True)

# %%
loader = DataLoader(ds, batch_sampler=bs)
print([yb.tolist() for _, yb in loader], len(loader), loader.batch_size, loader.drop_last)
DataLoader(ds, batch_sampler=bs, drop_last=True)

# %%
loader = DataLoader(ds, batch_size=None, shuffle=True)
x0, y0 = next(iter(loader))
print(x0, y0)
DataLoader(ds, batch_size=None, drop_last=True)

# %%
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loader = DataLoader(ds, batch_size=5, pin_memory=True)
    print("made")
    batches = list(loader)
print(len(batches), [str(w.message) for w in caught])

# %%
class ReverseSampler(Sampler):
    def __init__(self, data_source):
        super().__init__(data_source)
        self.data_source = data_source
    def __iter__(self):
        return iter(range(len(self.data_source) - 1, -1, -1))
    def __len__(self):
        return len(self.data_source)
ReverseSampler(ds)

# %%
class ReverseSampler(Sampler[int]):
    def __init__(self, data_source):
        self.data_source = data_source
    def __iter__(self):
        return iter(range(len(self.data_source) - 1, -1, -1))
    def __len__(self):
        return len(self.data_source)
loader = DataLoader(ds, batch_size=4, sampler=ReverseSampler(ds))
print([xb[:, 0].tolist() for xb, _ in loader])
print(Sampler[int], Dataset[tuple], issubclass(ReverseSampler, Sampler))
DataLoader(ds, sampler=ReverseSampler(ds), shuffle=False).sampler.data_source is ds
