# Imitates MachineLearningMastery's "Develop Your First Neural Network with PyTorch, Step by Step" (Pima Indians
# diabetes: nn.Sequential of Linear/ReLU/Sigmoid, BCELoss, Adam, a batch loop slicing X[i:i+batch_size], accuracy by
# (y_pred.round() == y).float().mean(), predictions printed with %s formatting and .tolist()) and "Building a
# Regression Model in PyTorch" (standardising by hand, MSELoss, best weights kept with copy.deepcopy(state_dict()),
# history lists). The CSV downloads are replaced by numpy-synthesised data of the same shape.
import copy
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
rng = np.random.default_rng(7)
dataset = np.concatenate([rng.integers(0, 200, size=(96, 8)).astype(np.float64),
                          rng.integers(0, 2, size=(96, 1)).astype(np.float64)], axis=1)
X = dataset[:, 0:8]
y = dataset[:, 8]
X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
print(X.shape, y.shape, X.dtype, y.dtype)
print(y[:5])

# %%
torch.manual_seed(42)
model = nn.Sequential(
    nn.Linear(8, 12),
    nn.ReLU(),
    nn.Linear(12, 8),
    nn.ReLU(),
    nn.Linear(8, 1),
    nn.Sigmoid())
print(model)

# %%
class PimaClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden1 = nn.Linear(8, 12)
        self.act1 = nn.ReLU()
        self.hidden2 = nn.Linear(12, 8)
        self.act2 = nn.ReLU()
        self.output = nn.Linear(8, 1)
        self.act_output = nn.Sigmoid()

    def forward(self, x):
        x = self.act1(self.hidden1(x))
        x = self.act2(self.hidden2(x))
        x = self.act_output(self.output(x))
        return x

torch.manual_seed(42)
model = PimaClassifier()
print(model)
loss_fn = nn.BCELoss()  # binary cross entropy
optimizer = optim.Adam(model.parameters(), lr=0.001)
print(loss_fn, optimizer, sep="\n")

# %%
n_epochs = 5
batch_size = 10
for epoch in range(n_epochs):
    for i in range(0, len(X), batch_size):
        Xbatch = X[i:i+batch_size]
        y_pred = model(Xbatch)
        ybatch = y[i:i+batch_size]
        loss = loss_fn(y_pred, ybatch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f'Finished epoch {epoch}, latest loss {loss}')
print(Xbatch.shape, ybatch.shape)

# %%
with torch.no_grad():
    y_pred = model(X)
accuracy = (y_pred.round() == y).float().mean()
print(f"Accuracy {accuracy}")
print("Accuracy", accuracy.item(), type(accuracy.item()))

# %%
predictions = (model(X) > 0.5).int()
for i in range(5):
    print('%s => %d (expected %d)' % (X[i].tolist(), predictions[i], y[i]))
print('%s' % predictions[:3])
print('%r' % y[:2])
print('%.3f' % loss)
print("{} {:.2f}".format(y[0], y[0].item()))

# %%
try:
    print('%d' % X[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_fn(model(X), y.squeeze())
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_fn(model(X).squeeze(), y.long().squeeze())
except Exception as e:
    print(type(e).__name__, e)

# %%
# Regression: "Building a Regression Model in PyTorch"
rng = np.random.default_rng(3)
Xr = rng.normal(size=(60, 8)) * np.arange(1, 9) + np.arange(8)
yr = Xr @ rng.normal(size=8) + rng.normal(size=60)
Xr = torch.tensor(Xr, dtype=torch.float32)
yr = torch.tensor(yr, dtype=torch.float32).reshape(-1, 1)
X_train, X_test = Xr[:45], Xr[45:]
y_train, y_test = yr[:45], yr[45:]
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train = (X_train - mean) / std
X_test = (X_test - mean) / std
print(mean.shape, std.shape, X_train.mean(0).abs().max() < 1e-5)

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 24), nn.ReLU(), nn.Linear(24, 12), nn.ReLU(), nn.Linear(12, 6), nn.ReLU(),
                      nn.Linear(6, 1))
loss_fn = nn.MSELoss()
optimizer = optim.Adam(model.parameters(), lr=0.0001)
n_epochs = 4
batch_size = 10
batch_start = torch.arange(0, len(X_train), batch_size)
print(batch_start)
best_mse = np.inf
best_weights = None
history = []
for epoch in range(n_epochs):
    model.train()
    for start in batch_start:
        X_batch = X_train[start:start+batch_size]
        y_batch = y_train[start:start+batch_size]
        y_pred = model(X_batch)
        loss = loss_fn(y_pred, y_batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    y_pred = model(X_test)
    mse = loss_fn(y_pred, y_test)
    mse = float(mse)
    history.append(mse)
    if mse < best_mse:
        best_mse = mse
        best_weights = copy.deepcopy(model.state_dict())
print(type(best_weights).__name__, list(best_weights)[:3])
print("MSE: %.2f" % best_mse)
print("RMSE: %.2f" % np.sqrt(best_mse))
print(len(history), type(history[0]))

# %%
model.load_state_dict(best_weights)
print(best_weights['0.weight'] is model.state_dict()['0.weight'], best_weights['0.weight'].requires_grad)
with torch.no_grad():
    for i in range(3):
        X_sample = X_test[i: i+1]
        y_pred = model(X_sample)
        print(f"{X_sample[0, :2].numpy()} -> {y_pred[0].numpy()} (expected {y_test[i].numpy()})")
print(batch_start[1], X_train[batch_start[1]:batch_start[1]+2].shape)
