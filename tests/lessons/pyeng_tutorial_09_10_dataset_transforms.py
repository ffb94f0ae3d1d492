# Imitates Patrick Loeber's (Python Engineer) "PyTorch Tutorial" 09-10 (pytorchTutorial/09_dataloader.py,
# 10_transformers.py) as learners retype them, with the wine CSV built in memory (np.loadtxt from io.StringIO):
# a WineDataset with __getitem__/__len__, DataLoader(batch_size=4, shuffle=True) and next(iter(...)), the dummy
# training loop with math.ceil(total_samples / 4) iterations, then the dataset taking transform=None, ToTensor and
# MulTransform as callable classes and a torchvision-free Compose, and the slips learners make on the way.
import io
import math
import numpy as np
import torch
from torch.utils.data import Dataset, DataLoader

# %%
rng = np.random.RandomState(0)
rows = np.column_stack([rng.randint(1, 4, size=18), rng.uniform(11, 15, size=(18, 3)).round(2)])
csv_text = "Wine,Alcohol,Malic.acid,Ash\n" + "\n".join(",".join(f"{v:g}" for v in r) for r in rows)
print(csv_text.splitlines()[:3])

class WineDataset(Dataset):
    def __init__(self):
        xy = np.loadtxt(io.StringIO(csv_text), delimiter=',', dtype=np.float32, skiprows=1)
        self.n_samples = xy.shape[0]
        self.x_data = torch.from_numpy(xy[:, 1:])
        self.y_data = torch.from_numpy(xy[:, [0]])

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.n_samples

dataset = WineDataset()
first_data = dataset[0]
features, labels = first_data
print(features, labels)
print(len(dataset), features.dtype, labels.shape)

# %%
torch.manual_seed(0)
train_loader = DataLoader(dataset=dataset, batch_size=4, shuffle=True, num_workers=0)
dataiter = iter(train_loader)
data = next(dataiter)
features, labels = data
print(features, labels)
print(len(train_loader), type(data).__name__)
try:
    data = dataiter.next()
except Exception as e:
    print(type(e).__name__, e)

# %%
num_epochs = 2
total_samples = len(dataset)
n_iterations = math.ceil(total_samples / 4)
print(total_samples, n_iterations)
torch.manual_seed(1)
for epoch in range(num_epochs):
    for i, (inputs, labels) in enumerate(train_loader):
        if (i + 1) % 2 == 0:
            print(f'Epoch: {epoch+1}/{num_epochs}, Step {i+1}/{n_iterations}| Inputs {inputs.shape} | Labels {labels.shape}')
print(inputs.shape, labels.view(-1))

# %%
class WineDataset(Dataset):
    def __init__(self, transform=None):
        xy = np.loadtxt(io.StringIO(csv_text), delimiter=',', dtype=np.float32, skiprows=1)
        self.n_samples = xy.shape[0]
        self.x_data = xy[:, 1:]
        self.y_data = xy[:, [0]]
        self.transform = transform

    def __getitem__(self, index):
        sample = self.x_data[index], self.y_data[index]
        if self.transform:
            sample = self.transform(sample)
        return sample

    def __len__(self):
        return self.n_samples

class ToTensor:
    def __call__(self, sample):
        inputs, targets = sample
        return torch.from_numpy(inputs), torch.from_numpy(targets)

class MulTransform:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, sample):
        inputs, targets = sample
        inputs *= self.factor
        return inputs, targets

class Compose:
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, sample):
        for t in self.transforms:
            sample = t(sample)
        return sample

print('Without Transform')
dataset = WineDataset()
first_data = dataset[0]
features, labels = first_data
print(type(features), type(labels))
print(features, labels)

print('\nWith Tensor Transform')
dataset = WineDataset(transform=ToTensor())
first_data = dataset[0]
features, labels = first_data
print(type(features), type(labels))
print(features, labels)

print('\nWith Tensor and Multiplication Transform')
composed = Compose([ToTensor(), MulTransform(4)])
dataset = WineDataset(transform=composed)
first_data = dataset[0]
features, labels = first_data
print(type(features), type(labels))
print(features, labels)
print(dataset[0][0])

# %%
dataset = WineDataset()
loader = DataLoader(dataset, batch_size=4, shuffle=False)
x, y = next(iter(loader))
print(type(x), x.dtype, x.shape, y.shape)
dataset = WineDataset(transform=Compose([MulTransform(2), ToTensor()]))
x, y = next(iter(DataLoader(dataset, batch_size=3)))
print(x, y.squeeze(1).long())
loader = DataLoader(dataset, batch_size=5, drop_last=True)
print(len(loader), sum(1 for _ in loader))
try:
    dataset[100]
except Exception as e:
    print(type(e).__name__, e)
try:
    DataLoader(dataset, batch_size=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    len(DataLoader(dataset, batch_size=4, shuffle=True, sampler=range(3)))
except Exception as e:
    print(type(e).__name__, e)
