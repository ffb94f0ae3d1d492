# Imitates the 2019 edition of Jovian "Zero to GANs" lesson 3 ("Image Classification using Logistic Regression in
# PyTorch", Aakash N S) on random MNIST-shaped data: split_indices with np.random.permutation, SubsetRandomSampler,
# loss_batch returning (loss.item(), len(xb), metric), evaluate() averaging with np.sum(np.multiply(...)), fit() with
# a metric; then numpy scalars and index arrays meeting tensors.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader
from torch.utils.data.sampler import SubsetRandomSampler

# %%
def split_indices(n, val_pct):
    n_val = int(val_pct*n)
    idxs = np.random.permutation(n)
    return idxs[n_val:], idxs[:n_val]
np.random.seed(0); torch.manual_seed(0)
ds = TensorDataset(torch.rand(20, 1, 2, 2), torch.randint(0, 3, (20,)))
train_indices, val_indices = split_indices(len(ds), val_pct=0.2)
print(len(train_indices), len(val_indices), 'Sample val indices: ', val_indices[:20])
train_sampler = SubsetRandomSampler(train_indices)
train_loader = DataLoader(ds, 4, sampler=train_sampler)
print(len(train_loader), len(train_sampler))
for xb, yb in train_loader:
    print(xb.shape, yb)
print(ds[np.int64(3)][1], ds[val_indices][0].shape)

# %%
print(list(SubsetRandomSampler(val_indices)))
print(list(SubsetRandomSampler(torch.tensor([5, 6]))))

# %%
try:
    DataLoader(ds, 4, sampler=train_sampler, shuffle=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
model = nn.Linear(4, 3)
def loss_batch(model, loss_func, xb, yb, opt=None, metric=None):
    preds = model(xb.reshape(-1, 4))
    loss = loss_func(preds, yb)
    if opt is not None:
        loss.backward(); opt.step(); opt.zero_grad()
    metric_result = None
    if metric is not None:
        metric_result = metric(preds, yb)
    return loss.item(), len(xb), metric_result
def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.sum(preds == labels).item() / len(preds)
def evaluate(model, loss_fn, valid_dl, metric=None):
    with torch.no_grad():
        results = [loss_batch(model, loss_fn, xb, yb, metric=metric) for xb, yb in valid_dl]
        losses, nums, metrics = zip(*results)
        total = np.sum(nums)
        avg_loss = np.sum(np.multiply(losses, nums)) / total
        avg_metric = None
        if metric is not None:
            avg_metric = np.sum(np.multiply(metrics, nums)) / total
    return avg_loss, total, avg_metric
val_loader = DataLoader(ds, 8, sampler=SubsetRandomSampler(val_indices))
val_loss, total, val_acc = evaluate(model, F.cross_entropy, val_loader, metric=accuracy)
print('Loss: {:.4f}, Accuracy: {:.4f}'.format(val_loss, val_acc), type(total))

# %%
def fit(epochs, model, loss_fn, opt, train_dl, valid_dl, metric=None):
    for epoch in range(epochs):
        for xb, yb in train_dl:
            loss,_,_ = loss_batch(model, loss_fn, xb, yb, opt)
        result = evaluate(model, loss_fn, valid_dl, metric)
        val_loss, total, val_metric = result
        if metric is None:
            print('Epoch [{}/{}], Loss: {:.4f}'.format(epoch+1, epochs, val_loss))
        else:
            print('Epoch [{}/{}], Loss: {:.4f}, {}: {:.4f}'.format(epoch+1, epochs, val_loss,
                                                                  metric.__name__, val_metric))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
fit(3, model, F.cross_entropy, opt, train_loader, val_loader, accuracy)

# %%
print(torch.tensor(np.int64(3)), torch.tensor([np.float32(1.5), 2]), torch.tensor(np.float64(2.5)).dtype)
print(torch.ones(2) * np.float64(2.0), (np.float64(2.0) * torch.ones(2)))
print(type(np.float64(2.0) * torch.ones(2)).__name__)

# %%
print(torch.ones(2)[np.int64(1)], torch.arange(5)[np.array([1, 3])])
print(torch.arange(5)[np.array([True, False, True, False, True])])

# %%
print(torch.arange(6).reshape(2, 3)[np.array([1]), np.int32(2)])
x = torch.zeros(5); x[np.array([0, 2])] = 1.; print(x)
