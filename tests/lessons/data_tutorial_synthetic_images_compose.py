# Imitates the "Datasets & DataLoaders" tutorial with a synthetic dataset in place of FashionMNIST (a custom
# Dataset with transform / target_transform, labels_map, len and indexing), and the dataset-composition reference:
# ConcatDataset, Subset, StackDataset, ChainDataset, IterableDataset with a DataLoader, the objects' reprs, and
# the quickstart's train / test loops over a random_split of a TensorDataset.
import torch
from torch import nn
from torch.utils.data import (Dataset, IterableDataset, DataLoader, TensorDataset, Subset, ConcatDataset,
                              StackDataset, ChainDataset, random_split)

class SyntheticImages(Dataset):
    def __init__(self, n, transform=None, target_transform=None):
        g = torch.Generator().manual_seed(0)
        self.imgs = torch.randint(0, 256, (n, 1, 4, 4), dtype=torch.uint8, generator=g)
        self.labels = torch.randint(0, 10, (n,), generator=g)
        self.transform, self.target_transform = transform, target_transform
    def __len__(self):
        return len(self.labels)
    def __getitem__(self, idx):
        image, label = self.imgs[idx], int(self.labels[idx])
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label

to_tensor = lambda im: im.float() / 255
one_hot = lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1)

# %%
training_data = SyntheticImages(10, transform=to_tensor, target_transform=one_hot)
img, label = training_data[3]
print(img.shape, img.dtype, label, len(training_data))
train_dataloader = DataLoader(training_data, batch_size=4, shuffle=True)
torch.manual_seed(0)
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
print(train_labels.argmax(1), train_features[0].squeeze().round(decimals=3))

# %%
raw = SyntheticImages(5)
xb, yb = next(iter(DataLoader(raw, batch_size=5)))
print(xb.dtype, yb, yb.dtype)
cat = ConcatDataset([raw, TensorDataset(torch.zeros(3, 1, 4, 4, dtype=torch.uint8), torch.arange(3))])
print(len(cat), cat.cumulative_sizes, cat[-1][1], cat[5][1], type(cat[6][1]).__name__)
both = raw + raw
print(type(both).__name__, len(both), both.cumulative_sizes)
for bad in (8, -9):
    try:
        cat[bad]
    except Exception as e:
        print(type(e).__name__, e)
try:
    ConcatDataset([])
except Exception as e:
    print(type(e).__name__, e)

# %%
sub = Subset(raw, [4, 0, 2])
print(len(sub), sub[0][1], sub.indices, sub[-1][1])
sub2 = Subset(sub, [2, 0])
print([s[1] for s in sub2], type(sub2.dataset).__name__)
st = StackDataset(torch.arange(3), torch.arange(3) * 2.0)
print(len(st), st[1], list(DataLoader(st, batch_size=2)))
st = StackDataset(a=torch.arange(3), b=torch.ones(3, 2))
print(st[0], next(iter(DataLoader(st, batch_size=3))))
for f in (lambda: StackDataset(torch.arange(3), torch.arange(4)), lambda: StackDataset(), 
          lambda: StackDataset(torch.arange(2), b=torch.arange(2)), lambda: TensorDataset(torch.ones(2), torch.ones(3))):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

# %%
class Stream(IterableDataset):
    def __init__(self, start, end):
        super().__init__()
        self.start, self.end = start, end
    def __iter__(self):
        return iter(range(self.start, self.end))

ds = Stream(3, 10)
print(list(DataLoader(ds, batch_size=3)))
print(list(DataLoader(ds, batch_size=3, drop_last=True)))
print(list(DataLoader(ds)), list(DataLoader(ds, batch_size=None))[:3])
ch = ChainDataset([Stream(0, 2), Stream(5, 7)])
print(list(ch), list(Stream(0, 2) + Stream(8, 9)))
for f in (lambda: DataLoader(ds, shuffle=True), lambda: DataLoader(ds, sampler=[0, 1]),
          lambda: DataLoader(ds, batch_sampler=[[0, 1]]), lambda: len(DataLoader(ds)), lambda: len(ds),
          lambda: ds[0], lambda: ConcatDataset([ds]), lambda: Dataset()[0], lambda: len(ch)):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
class Sized(IterableDataset):
    def __iter__(self):
        return iter(range(5))
    def __len__(self):
        return 3
dl = DataLoader(Sized(), batch_size=2)
print(len(dl))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(list(dl))
    print([str(x.message) for x in w])

# %%
dl = DataLoader(TensorDataset(torch.arange(4)), batch_size=2)
it = iter(dl)
print(type(it).__name__, len(it), next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e)
print(type(dl).__module__, type(dl.sampler).__module__, type(raw).__mro__[1].__module__, type(it).__module__)
print(repr(dl)[:40], repr(dl.sampler)[:50], repr(TensorDataset(torch.ones(1)))[:50])
print(TensorDataset(torch.ones(2)).tensors, TensorDataset(torch.ones(2))[0])

# %%
torch.manual_seed(0)
X = torch.rand(40, 1, 4, 4); y = torch.randint(0, 3, (40,))
full = TensorDataset(X, y)
train_ds, test_ds = random_split(full, [0.75, 0.25])
train_dataloader = DataLoader(train_ds, batch_size=8, shuffle=True)
test_dataloader = DataLoader(test_ds, batch_size=8)
for X, y in test_dataloader:
    print(f"Shape of X [N, C, H, W]: {X.shape}")
    print(f"Shape of y: {y.shape} {y.dtype}")
    break
model = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 3))
loss_fn = nn.CrossEntropyLoss(); optimizer = torch.optim.SGD(model.parameters(), lr=1e-1)
def train(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        pred = model(X); loss = loss_fn(pred, y)
        loss.backward(); optimizer.step(); optimizer.zero_grad()
        if batch % 2 == 0:
            loss, current = loss.item(), (batch + 1) * len(X)
            print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")
def test(dataloader, model, loss_fn):
    size = len(dataloader.dataset); num_batches = len(dataloader)
    model.eval(); test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches; correct /= size
    print(f"Test Error: \n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")
for t in range(2):
    print(f"Epoch {t+1}\n-------------------------------")
    train(train_dataloader, model, loss_fn, optimizer)
    test(test_dataloader, model, loss_fn)
print(train_ds.indices[:5], Dataset.__class_getitem__ is not None, Dataset[int].__name__ if hasattr(Dataset[int], '__name__') else Dataset[int])
