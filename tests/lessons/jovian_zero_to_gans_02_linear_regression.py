# Imitates Jovian "Zero to GANs" lesson 2 notebook "Gradient Descent and Linear Regression with PyTorch" (Aakash N S):
# crop yields from temperature/rainfall/humidity, model from scratch with matrices, MSE, manual training under
# torch.no_grad(), then TensorDataset, DataLoader, nn.Linear, F.mse_loss, torch.optim.SGD and a fit() helper.
import torch
import numpy as np
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

# %%
# Input (temp, rainfall, humidity)
inputs = np.array([[73, 67, 43],
                   [91, 88, 64],
                   [87, 134, 58],
                   [102, 43, 37],
                   [69, 96, 70]], dtype='float32')
# Targets (apples, oranges)
targets = np.array([[56, 70],
                    [81, 101],
                    [119, 133],
                    [22, 37],
                    [103, 119]], dtype='float32')
inputs = torch.from_numpy(inputs)
targets = torch.from_numpy(targets)
print(inputs)
print(targets)

# %%
torch.manual_seed(42)
# Weights and biases
w = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
print(w)
print(b)

# %%
def model(x):
    return x @ w.t() + b

# Generate predictions
preds = model(inputs)
print(preds)

# %%
# MSE loss
def mse(t1, t2):
    diff = t1 - t2
    return torch.sum(diff * diff) / diff.numel()

loss = mse(preds, targets)
print(loss)

# %%
# Compute gradients
loss.backward()
print(w)
print(w.grad)
print(b.grad)

# %%
w.grad.zero_()
b.grad.zero_()
print(w.grad)
print(b.grad)

# %%
# Adjust weights & reset gradients
preds = model(inputs)
loss = mse(preds, targets)
loss.backward()
with torch.no_grad():
    w -= w.grad * 1e-5
    b -= b.grad * 1e-5
    w.grad.zero_()
    b.grad.zero_()
print(w)
print(b)
loss = mse(model(inputs), targets)
print(loss)

# %%
# Train for 100 epochs
for i in range(100):
    preds = model(inputs)
    loss = mse(preds, targets)
    loss.backward()
    with torch.no_grad():
        w -= w.grad * 1e-5
        b -= b.grad * 1e-5
        w.grad.zero_()
        b.grad.zero_()
preds = model(inputs)
loss = mse(preds, targets)
print(loss)
print(preds)

# %%
# Common mistake: updating outside no_grad
try:
    w -= w.grad * 1e-5
except Exception as e:
    print(type(e).__name__, e)
try:
    w.grad.zero_() ; w.data.zero_() ; print(w.sum())
except Exception as e:
    print(type(e).__name__, e)

# %%
# Linear regression using PyTorch built-ins
inputs = np.array([[73, 67, 43], [91, 88, 64], [87, 134, 58],
                   [102, 43, 37], [69, 96, 70], [74, 66, 43],
                   [91, 87, 65], [88, 134, 59], [101, 44, 37],
                   [68, 96, 71], [73, 66, 44], [92, 87, 64],
                   [87, 135, 57], [103, 43, 36], [68, 97, 70]],
                  dtype='float32')
targets = np.array([[56, 70], [81, 101], [119, 133],
                    [22, 37], [103, 119], [57, 69],
                    [80, 102], [118, 132], [21, 38],
                    [104, 118], [57, 69], [82, 100],
                    [118, 134], [20, 38], [102, 120]],
                   dtype='float32')
inputs = torch.from_numpy(inputs)
targets = torch.from_numpy(targets)
train_ds = TensorDataset(inputs, targets)
print(train_ds[0:3])
print(len(train_ds))

# %%
torch.manual_seed(0)
batch_size = 5
train_dl = DataLoader(train_ds, batch_size, shuffle=True)
for xb, yb in train_dl:
    print(xb)
    print(yb)
    break
print(len(train_dl))

# %%
model = nn.Linear(3, 2)
print(model.weight)
print(model.bias)
print(list(model.parameters()))
preds = model(inputs)
preds

# %%
loss_fn = F.mse_loss
loss = loss_fn(model(inputs), targets)
print(loss)
opt = torch.optim.SGD(model.parameters(), lr=1e-5)
opt

# %%
def fit(num_epochs, model, loss_fn, opt, train_dl):
    for epoch in range(num_epochs):
        for xb, yb in train_dl:
            pred = model(xb)
            loss = loss_fn(pred, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
        if (epoch+1) % 10 == 0:
            print('Epoch [{}/{}], Loss: {:.4f}'.format(epoch+1, num_epochs, loss.item()))

fit(30, model, loss_fn, opt, train_dl)

# %%
preds = model(inputs)
print(preds[:3])
print(targets[:3])
model(torch.tensor([[75, 63, 44.]]))

# %%
# Shape mistakes learners hit
try:
    F.mse_loss(model(inputs), targets[:, 0])
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.tensor([75, 63, 44]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.tensor([[75., 63.]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    TensorDataset(inputs, targets[:10])
except Exception as e:
    print(type(e).__name__, e)
