# Imitates Raschka, Liu & Mirjalili, "Machine Learning with PyTorch and Scikit-Learn" (rasbt/machine-learning-book),
# ch12 part 2: a linear regression on ten points trained with a hand-written loop (weight.grad under no_grad) and
# with nn.Linear + torch.optim.SGD printing the loss every 10 epochs, then the Iris MLP (nn.Module with Linear,
# Sigmoid, Softmax) on tiny synthetic Iris-like data, accuracy via (torch.argmax(pred, dim=1) == y).float().mean(),
# and saving/loading the state_dict and a checkpoint dict through an io.BytesIO.
import io
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

X_train = np.arange(10, dtype='float32').reshape((10, 1))
y_train = np.array([1.0, 1.3, 3.1, 2.0, 5.0, 6.3, 6.6, 7.4, 8.0, 9.0], dtype='float32')
X_train_norm = (X_train - np.mean(X_train)) / np.std(X_train)
X_train_norm = torch.from_numpy(X_train_norm)
y_train = torch.from_numpy(y_train).float()
train_ds = TensorDataset(X_train_norm, y_train)
batch_size = 1
torch.manual_seed(1)
train_dl = DataLoader(train_ds, batch_size, shuffle=True)
print(X_train_norm.dtype, y_train.dtype, X_train_norm[:3].T)

# %%
torch.manual_seed(1)
weight = torch.randn(1)
weight.requires_grad_()
bias = torch.zeros(1, requires_grad=True)

def loss_fn(input, target):
    return (input - target).pow(2).mean()

def model(xb):
    return xb @ weight + bias

learning_rate = 0.001
num_epochs = 30
log_epochs = 10
for epoch in range(num_epochs):
    for x_batch, y_batch in train_dl:
        pred = model(x_batch)
        loss = loss_fn(pred, y_batch)
        loss.backward()
        with torch.no_grad():
            weight -= weight.grad * learning_rate
            bias -= bias.grad * learning_rate
            weight.grad.zero_()
            bias.grad.zero_()
    if epoch % log_epochs == 0:
        print(f'Epoch {epoch}  Loss {loss.item():.4f}')
print('Final Parameters:', weight.item(), bias.item())
X_test = np.linspace(0, 9, num=5, dtype='float32').reshape(-1, 1)
X_test_norm = (X_test - np.mean(X_train)) / np.std(X_train)
X_test_norm = torch.from_numpy(X_test_norm)
y_pred = model(X_test_norm).detach().numpy()
print(y_pred.shape, y_pred.dtype)

# %%
loss_fn = nn.MSELoss(reduction='mean')
input_size = 1
output_size = 1
torch.manual_seed(1)
model = nn.Linear(input_size, output_size)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(num_epochs):
    for x_batch, y_batch in train_dl:
        pred = model(x_batch)[:, 0]
        loss = loss_fn(pred, y_batch)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    if epoch % log_epochs == 0:
        print(f'Epoch {epoch}  Loss {loss.item():.4f}')
print('Final Parameters:', model.weight.item(), model.bias.item())
print(model, optimizer)
pred = model(x_batch)
try:
    loss_fn(pred, y_batch)
except Exception as e:
    print(type(e).__name__, e)

# %%
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    l = loss_fn(model(X_train_norm), y_train)
print(l.shape, [str(x.message) for x in w])

# %%
torch.manual_seed(1)
n = 30
X = torch.cat([torch.randn(10, 4) + torch.tensor([5.0, 3.4, 1.5, 0.2]),
               torch.randn(10, 4) * 0.5 + torch.tensor([5.9, 2.8, 4.3, 1.3]),
               torch.randn(10, 4) * 0.5 + torch.tensor([6.6, 3.0, 5.5, 2.0])])
y = torch.arange(3).repeat_interleave(10)
perm = torch.randperm(n)
X, y = X[perm], y[perm]
X_train, X_test, y_train, y_test = X[:20], X[20:], y[:20], y[20:]
X_train_norm = (X_train - X_train.mean(0)) / X_train.std(0)
train_ds = TensorDataset(X_train_norm, y_train)
torch.manual_seed(1)
train_dl = DataLoader(train_ds, batch_size=4, shuffle=True)
print(y_train, X_train_norm.mean(0), X_train_norm.std(0))

class Model(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.layer1 = nn.Linear(input_size, hidden_size)
        self.layer2 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = self.layer1(x)
        x = nn.Sigmoid()(x)
        x = self.layer2(x)
        x = nn.Softmax(dim=1)(x)
        return x

input_size = X_train_norm.shape[1]
hidden_size = 16
output_size = 3
model = Model(input_size, hidden_size, output_size)
learning_rate = 0.001
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
print(model)

# %%
num_epochs = 20
loss_hist = [0] * num_epochs
accuracy_hist = [0] * num_epochs
for epoch in range(num_epochs):
    for x_batch, y_batch in train_dl:
        pred = model(x_batch)
        loss = loss_fn(pred, y_batch.long())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        loss_hist[epoch] += loss.item() * y_batch.size(0)
        is_correct = (torch.argmax(pred, dim=1) == y_batch).float()
        accuracy_hist[epoch] += is_correct.sum()
    loss_hist[epoch] /= len(train_dl.dataset)
    accuracy_hist[epoch] /= len(train_dl.dataset)
print(round(loss_hist[0], 4), round(loss_hist[-1], 4))
print(accuracy_hist[0], accuracy_hist[-1])
X_test_norm = (X_test - torch.mean(X_train)) / torch.std(X_train)
pred_test = model(X_test_norm)
correct = (torch.argmax(pred_test, dim=1) == y_test).float()
accuracy = correct.mean()
print(f'Test Acc.: {accuracy:.4f}')
print(is_correct.dtype, correct, accuracy)

# %%
buf = io.BytesIO()
torch.save(model.state_dict(), buf)
buf.seek(0)
model_new = Model(input_size, hidden_size, output_size)
print(model_new.load_state_dict(torch.load(buf)))
print(list(model_new.state_dict().keys()))
pred_test = model_new(X_test_norm)
print(torch.equal(pred_test, model(X_test_norm)))
buf = io.BytesIO()
torch.save({'epoch': num_epochs, 'model_state_dict': model.state_dict(),
            'optimizer_state_dict': optimizer.state_dict(), 'loss': loss_hist[-1]}, buf)
buf.seek(0)
checkpoint = torch.load(buf)
print(sorted(checkpoint), checkpoint['epoch'], checkpoint['optimizer_state_dict']['param_groups'])
model_new.load_state_dict(checkpoint['model_state_dict'])
print(model_new.eval())
try:
    torch.save(model.state_dict(), 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.load(buf.getvalue())
except Exception as e:
    print(type(e).__name__, e)
