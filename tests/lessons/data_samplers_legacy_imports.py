# Imitates older and forum-style data-loading code: imports from torch.utils.data.sampler / .dataset / .dataloader,
# SubsetRandomSampler train/valid split, WeightedRandomSampler for class imbalance, Subset and ConcatDataset,
# default_collate, a custom collate_fn with pad_sequence, IterableDataset, and the Variable-era autograd import.
import torch
import numpy as np
from torch.utils.data import DataLoader, TensorDataset, Subset, ConcatDataset
from torch.autograd import Variable

# %%
from torch.utils.data.sampler import SubsetRandomSampler, SequentialSampler, BatchSampler

# %%
torch.manual_seed(0)
X = torch.arange(20.).view(10, 2)
y = torch.tensor([0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
ds = TensorDataset(X, y)
indices = list(range(len(ds)))
np.random.seed(0)
np.random.shuffle(indices)
split = 3
train_idx, valid_idx = indices[split:], indices[:split]
print(train_idx, valid_idx)
train_sampler = torch.utils.data.SubsetRandomSampler(train_idx)
valid_sampler = torch.utils.data.SubsetRandomSampler(valid_idx)
train_loader = DataLoader(ds, batch_size=4, sampler=train_sampler)
valid_loader = DataLoader(ds, batch_size=4, sampler=valid_sampler)
for xb, yb in train_loader:
    print(xb[:, 0], yb)
print(len(train_loader), len(valid_loader))

# %%
class_counts = torch.bincount(y)
weights = 1.0 / class_counts.float()
sample_weights = weights[y]
print(sample_weights)
sampler = torch.utils.data.WeightedRandomSampler(sample_weights, num_samples=8, replacement=True)
loader = DataLoader(ds, batch_size=4, sampler=sampler)
for xb, yb in loader:
    print(yb)

# %%
sub = Subset(ds, [0, 2, 4])
print(len(sub), sub[1])
cat = ConcatDataset([sub, Subset(ds, [9])])
print(len(cat), cat[3])
print(list(torch.utils.data.BatchSampler(torch.utils.data.SequentialSampler(range(7)), batch_size=3, drop_last=False)))
print(list(torch.utils.data.RandomSampler(range(5), generator=torch.Generator().manual_seed(1))))

# %%
from torch.utils.data.dataloader import default_collate
print(default_collate([(torch.tensor([1., 2.]), 0), (torch.tensor([3., 4.]), 1)]))
print(default_collate([{"x": 1.5, "y": np.array([1, 2])}, {"x": 2.5, "y": np.array([3, 4])}]))

# %%
from torch.nn.utils.rnn import pad_sequence
def collate(batch):
    seqs, labels = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    return pad_sequence(seqs, batch_first=True, padding_value=0), torch.tensor(labels), lengths

data = [(torch.tensor([1, 2, 3]), 0), (torch.tensor([4, 5]), 1), (torch.tensor([6]), 0)]
for batch in DataLoader(data, batch_size=3, collate_fn=collate):
    print(batch)

# %%
class Counter(torch.utils.data.IterableDataset):
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(torch.arange(self.n, dtype=torch.float32))

print(list(DataLoader(Counter(5), batch_size=2)))

# %%
x = Variable(torch.ones(2, 2), requires_grad=True)
y = x * 3
z = y.mean()
z.backward()
print(x.grad, x.data, type(x))
print(Variable(torch.tensor([1.0])).requires_grad)

# %%
from torch.utils.data.dataset import Dataset, random_split
class MyData(Dataset):
    def __len__(self):
        return 6
    def __getitem__(self, i):
        return torch.tensor(float(i)), i % 2
a, b = random_split(MyData(), [4, 2], generator=torch.Generator().manual_seed(0))
print(a.indices, b.indices, a[0])
print(next(iter(DataLoader(MyData(), batch_size=6))))
