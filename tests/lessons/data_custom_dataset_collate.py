# Imitates the "write your own Dataset" sections of tutorials (PyTorch's custom-dataset tutorial on a CSV-like
# table, text-classification notebooks with a collate_fn that pads, Hugging-Face-style dict samples): __getitem__
# returning tuples, dicts, numpy arrays, Python numbers and strings, what default_collate makes of each, a
# collate_fn, a dataset with __getitems__, the collate errors learners hit (ragged tensors, ragged lists, objects),
# and IterableDataset streams: batching, len errors, indexing one, mixing it into ConcatDataset.
import collections
import numpy as np
import torch
from torch.utils.data import Dataset, IterableDataset, DataLoader, ConcatDataset, TensorDataset, default_collate

# %%
class HousePrices(Dataset):
    def __init__(self, rows):
        self.rows = rows
    def __len__(self):
        return len(self.rows)
    def __getitem__(self, idx):
        area, rooms, price, city = self.rows[idx]
        features = np.array([area, rooms], dtype=np.float32)
        return {"features": features, "rooms": rooms, "price": price, "city": city}

rows = [(50.0, 2, 120.5, "Seoul"), (80.0, 3, 210.0, "Busan"), (35.5, 1, 99.9, "Seoul"), (120.0, 4, 400.0, "Incheon"),
        (65.0, 2, 150.0, "Daegu")]
houses = HousePrices(rows)
print(len(houses), houses[0])
for batch in DataLoader(houses, batch_size=2):
    print(batch)

# %%
print(default_collate([(1, 2.5, "a", True), (3, 4.5, "b", False)]))
print(default_collate([np.int16(3), np.int16(4)]), default_collate([np.float32(0.5), np.float32(1.5)]))
print(default_collate([[1, 2], [3, 4], [5, 6]]))
Point = collections.namedtuple("Point", ["x", "y"])
print(default_collate([Point(torch.tensor(1.0), 2), Point(torch.tensor(3.0), 4)]))
default_collate([{"ids": torch.tensor([1, 2]), "mask": np.ones(2, dtype=np.bool_)},
                 {"ids": torch.tensor([3, 4]), "mask": np.zeros(2, dtype=np.bool_)}])

# %%
sentences = [torch.tensor([4, 9, 2]), torch.tensor([7]), torch.tensor([3, 3, 8, 1]), torch.tensor([5, 6])]
class Sentences(Dataset):
    def __len__(self):
        return len(sentences)
    def __getitem__(self, i):
        return sentences[i], i % 2
next(iter(DataLoader(Sentences(), batch_size=2)))

# %%
def pad_collate(batch):
    seqs, labels = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    padded = torch.nn.utils.rnn.pad_sequence(seqs, batch_first=True, padding_value=0)
    return padded, torch.tensor(labels), lengths
for padded, labels, lengths in DataLoader(Sentences(), batch_size=3, collate_fn=pad_collate):
    print(padded, labels, lengths)

# %%
default_collate([[1, 2], [3]])

# %%
default_collate([object(), object()])

# %%
default_collate([np.array(["a", "b"]), np.array(["c", "d"])])

# %%
default_collate([None, None])

# %%
class Fast(Dataset):
    def __len__(self):
        return 7
    def __getitem__(self, i):
        return torch.tensor(i)
    def __getitems__(self, indices):
        return [torch.tensor(i * 10) for i in indices]
print(list(DataLoader(Fast(), batch_size=3)))
print(list(DataLoader(Fast(), batch_size=None))[:3])

# %%
class Countdown(IterableDataset):
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        for i in range(self.start, 0, -1):
            yield torch.tensor([i, i * i], dtype=torch.float32)
stream = Countdown(5)
for batch in DataLoader(stream, batch_size=2):
    print(batch)
print(list(DataLoader(stream, batch_size=2, drop_last=True)))
print(isinstance(stream, Dataset), type(stream + Countdown(1)).__name__, len(list(stream + Countdown(2))))
print(type(DataLoader(stream).sampler).__name__)

# %%
len(stream)

# %%
len(DataLoader(stream, batch_size=2))

# %%
stream[0]

# %%
DataLoader(stream, batch_size=2, shuffle=True)

# %%
ConcatDataset([stream, TensorDataset(torch.zeros(2))])

# %%
class Sized(IterableDataset):
    def __init__(self, n, claimed):
        self.n, self.claimed = n, claimed
    def __len__(self):
        return self.claimed
    def __iter__(self):
        return iter(range(self.n))
    def __repr__(self):
        return f"Sized({self.n})"
loader = DataLoader(Sized(5, 3), batch_size=None)
print(len(loader))
list(loader)

# %%
class NoGetItem(Dataset):
    def __len__(self):
        return 3
next(iter(DataLoader(NoGetItem())))
