# Imitates d2l's preliminaries chapters "Calculus" (numerical limits, tangent lines, gradients of common functions)
# and "Data Preprocessing" / "Predicting House Prices on Kaggle" (standardising numeric columns, filling missing
# values with the mean, one-hot categorical columns, log rmse, K-fold splits) with tensors instead of pandas.
import math
import numpy as np
import torch
from torch import nn

# %%
def f(x):
    return 3 * x ** 2 - 4 * x

for h in 10.0**np.arange(-1, -6, -1):
    print(f'h={h:.5f}, numerical limit={(f(1+h)-f(1))/h:.5f}')

# %%
x = torch.arange(0, 3, 0.1)
print(x[:5], x.shape)
print(f(x)[:5], (2 * x - 3)[-3:])

# %%
x = torch.tensor(1.0, requires_grad=True)
y = f(x)
y.backward()
print(x.grad)   # f'(1) = 6x - 4 = 2

# %%
x = torch.arange(-2.0, 2.0, 0.5, requires_grad=True)
y = torch.exp(x) + torch.sin(x) * x
y.sum().backward()
print(x.grad)
print(torch.exp(x.detach()) + torch.sin(x.detach()) + x.detach() * torch.cos(x.detach()))

# %%
# gradient of x^T A x is (A + A^T) x
torch.manual_seed(0)
A = torch.randn(3, 3)
x = torch.randn(3, requires_grad=True)
(x @ A @ x).backward()
print(torch.allclose(x.grad, (A + A.T) @ x.detach()))
x.grad = None
(x.norm() ** 2).backward()
print(x.grad, 2 * x.detach())

# %%
# "Data preprocessing": NumRooms, RoofType, Price with missing values (nan)
num_rooms = torch.tensor([float('nan'), 2.0, 4.0, float('nan')])
roof = ['NA', 'NA', 'Slate', 'NA']
price = torch.tensor([127500., 106000., 178100., 140000.])
print(torch.isnan(num_rooms), num_rooms.isnan().sum())
print(num_rooms.nanmean())
filled = torch.where(torch.isnan(num_rooms), num_rooms.nanmean(), num_rooms)
print(filled)
cats = sorted(set(roof))
onehot = torch.tensor([[float(r == c) for c in cats] for r in roof])
X = torch.cat([filled.unsqueeze(1), onehot], dim=1)
print(cats)
print(X, X.dtype)
print(price)

# %%
torch.manual_seed(1)
n_train, n_test = 40, 10
numeric = torch.randn(n_train + n_test, 4) * torch.tensor([1., 10., 100., 1000.]) + torch.tensor([0., 5., 50., 500.])
numeric[3, 2] = float('nan')
numeric[7, 0] = float('nan')
mean = numeric.nanmean(dim=0)
print(mean)
std = torch.sqrt(torch.nanmean((numeric - mean) ** 2, dim=0))
standard = (numeric - mean) / std
standard = torch.nan_to_num(standard, nan=0.0)
print(standard[:4])
print(standard.mean(dim=0).abs().max() < 1e-6, standard.std(dim=0))

# %%
kinds = torch.randint(0, 3, (n_train + n_test,))
one_hot = nn.functional.one_hot(kinds, num_classes=3).float()
features = torch.cat([standard, one_hot], dim=1)
train_features, test_features = features[:n_train], features[n_train:]
labels = torch.exp(train_features[:, :1] * 0.3 + 12 + 0.1 * torch.randn(n_train, 1))
print(train_features.shape, test_features.shape, labels.shape)
print(labels[:3])

# %%
loss = nn.MSELoss()
in_features = train_features.shape[1]

def get_net():
    net = nn.Sequential(nn.Linear(in_features, 1))
    return net

def log_rmse(net, features, labels):
    # To further stabilize the value when the logarithm is taken, set the
    # value less than 1 as 1
    clipped_preds = torch.clamp(net(features), 1, float('inf'))
    rmse = torch.sqrt(loss(torch.log(clipped_preds), torch.log(labels)))
    return rmse.item()

# %%
def get_k_fold_data(k, i, X, y):
    assert k > 1
    fold_size = X.shape[0] // k
    X_train, y_train = None, None
    for j in range(k):
        idx = slice(j * fold_size, (j + 1) * fold_size)
        X_part, y_part = X[idx, :], y[idx]
        if j == i:
            X_valid, y_valid = X_part, y_part
        elif X_train is None:
            X_train, y_train = X_part, y_part
        else:
            X_train = torch.cat([X_train, X_part], 0)
            y_train = torch.cat([y_train, y_part], 0)
    return X_train, y_train, X_valid, y_valid

Xt, yt, Xv, yv = get_k_fold_data(4, 1, train_features, labels)
print(Xt.shape, yt.shape, Xv.shape, yv.shape)

# %%
def train(net, train_features, train_labels, num_epochs, learning_rate, weight_decay, batch_size):
    train_ls = []
    dataset = torch.utils.data.TensorDataset(train_features, train_labels)
    train_iter = torch.utils.data.DataLoader(dataset, batch_size, shuffle=True)
    optimizer = torch.optim.Adam(net.parameters(), lr=learning_rate, weight_decay=weight_decay)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            optimizer.zero_grad()
            l = loss(net(X), y)
            l.backward()
            optimizer.step()
        train_ls.append(log_rmse(net, train_features, train_labels))
    return train_ls

torch.manual_seed(2)
for i in range(4):
    Xt, yt, Xv, yv = get_k_fold_data(4, i, train_features, labels)
    net = get_net()
    ls = train(net, Xt, yt, 5, 5, 0, 8)
    print(f'fold {i + 1}, train log rmse {ls[-1]:f}, valid log rmse {log_rmse(net, Xv, yv):f}')

# %%
preds = net(test_features).detach().numpy()
print(preds.shape, preds.dtype, type(preds).__name__)
print(np.round(preds[:3].reshape(-1), 1))
