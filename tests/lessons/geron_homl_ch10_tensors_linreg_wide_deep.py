# Imitates Aurélien Géron's "Hands-On Machine Learning with Scikit-Learn and PyTorch" (2025, github.com/ageron/
# handson-mlp), chapter 10 "Building Neural Networks with PyTorch": tensor basics and autograd (requires_grad, grad
# after backward, no_grad, in-place parameter updates), linear regression by hand then with nn.Linear / nn.MSELoss /
# SGD, a batch and a mini-batch train loop, an evaluate() with a hand-written RMSE and accuracy, nn.Sequential MLPs,
# the WideAndDeep module with torch.cat, two inputs and an auxiliary output with a combined loss, and torch.save of
# a dict (the California housing data replaced by a small numpy regression set, Fashion MNIST by random blobs).
import io
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

# %%
X = torch.tensor([[1.0, 4.0, 7.0], [2.0, 3.0, 6.0]])
print(X)
print(X.shape, X.dtype, X[0, 1], X[:, 1])
print(10 * (X + 1.0))
print(X.exp())
print(X.mean(), X.max(dim=0), X.max(dim=0).values)
print(X @ X.T)
print(X.numpy())
print(torch.tensor(np.array([[1., 4., 7.], [2., 3., 6.]])))
print(torch.FloatTensor(np.array([[1., 4., 7.], [2., 3., 6.]])))
X[:, 1] = -99
print(X)
X.relu_()
print(X)

# %%
x = torch.tensor(5.0, requires_grad=True)
f = x ** 2
print(f)
f.backward()
print(x.grad)
learning_rate = 0.1
with torch.no_grad():
    x -= learning_rate * x.grad
print(x)
x_detached = x.detach()
x_detached -= learning_rate * x.grad
print(x, x_detached)
x.grad.zero_()
print(x.grad)
for iteration in range(5):
    f = x ** 2
    f.backward()
    with torch.no_grad():
        x -= learning_rate * x.grad
    x.grad.zero_()
print(x)
try:
    x -= 1.0
except Exception as e:
    print(type(e).__name__, e)

# %%
rng = np.random.default_rng(42)
n, n_features = 200, 8
X_np = rng.normal(size=(n, n_features)).astype(np.float32) * np.arange(1, n_features + 1)
true_w = rng.normal(size=(n_features, 1)).astype(np.float32)
y_np = X_np @ true_w + 0.5 + 0.1 * rng.normal(size=(n, 1)).astype(np.float32)
X_train, X_valid = torch.FloatTensor(X_np[:150]), torch.FloatTensor(X_np[150:])
y_train, y_valid = torch.FloatTensor(y_np[:150]), torch.FloatTensor(y_np[150:])
means = X_train.mean(dim=0, keepdims=True)
stds = X_train.std(dim=0, keepdims=True)
X_train = (X_train - means) / stds
X_valid = (X_valid - means) / stds
print(means.shape, stds.round(decimals=3))
torch.manual_seed(42)
w = torch.randn((n_features, 1), requires_grad=True)
b = torch.tensor(0., requires_grad=True)
n_epochs = 20
for epoch in range(n_epochs):
    y_pred = X_train @ w + b
    loss = ((y_pred - y_train) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        b -= learning_rate * b.grad
        w -= learning_rate * w.grad
        b.grad.zero_()
        w.grad.zero_()
    if epoch % 5 == 0:
        print(f"Epoch {epoch + 1}/{n_epochs}, Loss: {loss.item()}")
X_new = X_valid[:3]
with torch.no_grad():
    y_pred = X_new @ w + b
print(y_pred)
print(loss, loss.grad_fn, w.grad_fn, y_pred.requires_grad)

# %%
torch.manual_seed(42)
model = nn.Linear(in_features=n_features, out_features=1)
print(model)
print(model.bias)
print(model.weight.shape, model.weight.dtype)
print([name for name, p in model.named_parameters()])
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
mse = nn.MSELoss()
def train_bgd(model, optimizer, criterion, X_train, y_train, n_epochs):
    for epoch in range(n_epochs):
        y_pred = model(X_train)
        loss = criterion(y_pred, y_train)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if epoch % 5 == 0:
            print(f"Epoch {epoch + 1}/{n_epochs}, Loss: {loss.item():.4f}")
train_bgd(model, optimizer, mse, X_train, y_train, n_epochs)
with torch.no_grad():
    print(model(X_new))
print(model(X_new))
print(mse, optimizer)

# %%
torch.manual_seed(42)
train_dataset = TensorDataset(X_train, y_train)
train_loader = DataLoader(train_dataset, batch_size=32, shuffle=True)
valid_loader = DataLoader(TensorDataset(X_valid, y_valid), batch_size=32)
print(len(train_dataset), len(train_loader), train_dataset[0][1])
model = nn.Sequential(
    nn.Linear(n_features, 50), nn.ReLU(),
    nn.Linear(50, 40), nn.ReLU(),
    nn.Linear(40, 1)
)
print(model)
print(sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.SGD(model.parameters(), lr=0.02)
def train(model, optimizer, criterion, train_loader, n_epochs):
    model.train()
    for epoch in range(n_epochs):
        total_loss = 0.
        for X_batch, y_batch in train_loader:
            y_pred = model(X_batch)
            loss = criterion(y_pred, y_batch)
            total_loss += loss.item()
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        mean_loss = total_loss / len(train_loader)
        print(f"Epoch {epoch + 1}/{n_epochs}, Loss: {mean_loss:.4f}")
train(model, optimizer, mse, train_loader, 4)

def evaluate(model, data_loader, metric_fn, aggregate_fn=torch.mean):
    model.eval()
    metrics = []
    with torch.no_grad():
        for X_batch, y_batch in data_loader:
            y_pred = model(X_batch)
            metric = metric_fn(y_pred, y_batch)
            metrics.append(metric)
    return aggregate_fn(torch.stack(metrics))
def rmse(y_pred, y_true):
    return ((y_pred - y_true) ** 2).mean().sqrt()
print(evaluate(model, valid_loader, mse))
print(evaluate(model, valid_loader, rmse))
print(evaluate(model, valid_loader, mse, aggregate_fn=lambda metrics: torch.sqrt(torch.mean(metrics))))
print(evaluate(model, valid_loader, F.mse_loss, aggregate_fn=torch.max))

# %%
class WideAndDeep(nn.Module):
    def __init__(self, n_features):
        super().__init__()
        self.deep_stack = nn.Sequential(
            nn.Linear(n_features, 50), nn.ReLU(),
            nn.Linear(50, 40), nn.ReLU(),
        )
        self.output_layer = nn.Linear(40 + n_features, 1)

    def forward(self, X):
        deep_output = self.deep_stack(X)
        wide_and_deep = torch.concat([X, deep_output], dim=1)
        return self.output_layer(wide_and_deep)

torch.manual_seed(42)
model = WideAndDeep(n_features)
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.02)
train(model, optimizer, mse, train_loader, 2)
print(evaluate(model, valid_loader, rmse))
print(model.output_layer.weight.grad)
print(list(model.state_dict().keys()))
try:
    torch.cat([X_train[:2], X_train[:3, :4]], dim=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.concat([X_train[:2], X_train[:3, :4]], dim=0)
except Exception as e:
    print(type(e).__name__, e)

# %%
class WideAndDeepV3(nn.Module):
    def __init__(self, n_features):
        super().__init__()
        self.deep_stack = nn.Sequential(
            nn.Linear(n_features - 2, 50), nn.ReLU(),
            nn.Linear(50, 40), nn.ReLU(),
        )
        self.output_layer = nn.Linear(40 + 5, 1)
        self.aux_output_layer = nn.Linear(40, 1)

    def forward(self, X_wide, X_deep):
        deep_output = self.deep_stack(X_deep)
        wide_and_deep = torch.concat([X_wide, deep_output], dim=1)
        main_output = self.output_layer(wide_and_deep)
        aux_output = self.aux_output_layer(deep_output)
        return main_output, aux_output

torch.manual_seed(42)
model = WideAndDeepV3(n_features)
optimizer = torch.optim.SGD(model.parameters(), lr=0.02)
train_data_wd = TensorDataset(X_train[:, :5], X_train[:, 2:], y_train)
train_loader_wd = DataLoader(train_data_wd, batch_size=32, shuffle=True)
for epoch in range(2):
    total = 0.
    for X_batch_wide, X_batch_deep, y_batch in train_loader_wd:
        y_pred, y_pred_aux = model(X_batch_wide, X_batch_deep)
        main_loss = mse(y_pred, y_batch)
        aux_loss = mse(y_pred_aux, y_batch)
        loss = 0.8 * main_loss + 0.2 * aux_loss
        total += loss.item()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    print(epoch, round(total / len(train_loader_wd), 4), loss.grad_fn, main_loss.grad_fn)
print(X_batch_wide.shape, X_batch_deep.shape, y_pred.shape, y_pred_aux.shape)
try:
    model(X_train[:4])
except Exception as e:
    print(type(e).__name__, e)
try:
    model(X_train[:4, :5], X_train[:4])
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
X_cls = torch.randn(120, 1, 6, 6) + torch.arange(3).repeat(40).view(-1, 1, 1, 1)
y_cls = torch.arange(3).repeat(40)
model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(36, 30), nn.ReLU(),
    nn.Linear(30, 3)
)
xentropy = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(X_cls, y_cls), batch_size=40, shuffle=True)
train(model, optimizer, xentropy, loader, 3)
def accuracy(y_pred, y_true):
    return (y_pred.argmax(dim=1) == y_true).float().mean()
print(evaluate(model, loader, accuracy))
model.eval()
X_new = X_cls[:3]
with torch.no_grad():
    y_pred_logits = model(X_new)
y_pred = y_pred_logits.argmax(dim=1)
print(y_pred, y_cls[:3])
y_proba = F.softmax(y_pred_logits, dim=1)
print(y_proba.round(decimals=2))
print(y_proba.sum(dim=1))
top_k = torch.topk(y_proba, k=2, dim=1)
print(top_k)
print(top_k.indices, top_k.values.round(decimals=2))
try:
    xentropy(y_pred_logits, y_cls[:3].float())
except Exception as e:
    print(type(e).__name__, e)
try:
    xentropy(y_pred_logits, y_cls[:3].view(-1, 1))
except Exception as e:
    print(type(e).__name__, e)

# %%
buffer = io.BytesIO()
torch.save({"model_state": model.state_dict(), "optimizer_state": optimizer.state_dict(), "epoch": 3}, buffer)
buffer.seek(0)
checkpoint = torch.load(buffer)
print(sorted(checkpoint), checkpoint["epoch"])
print(list(checkpoint["model_state"].keys()))
new_model = nn.Sequential(nn.Flatten(), nn.Linear(36, 30), nn.ReLU(), nn.Linear(30, 3))
print(new_model.load_state_dict(checkpoint["model_state"]))
print(torch.equal(new_model[1].weight, model[1].weight))
print(checkpoint["optimizer_state"]["param_groups"])
bad = nn.Sequential(nn.Flatten(), nn.Linear(36, 20), nn.ReLU(), nn.Linear(20, 3))
try:
    bad.load_state_dict(checkpoint["model_state"])
except Exception as e:
    print(type(e).__name__, e)
buffer = io.BytesIO()
torch.save(model, buffer)
buffer.seek(0)
try:
    torch.load(buffer)
except Exception as e:
    print(type(e).__name__, str(e)[:120])
buffer.seek(0)
loaded = torch.load(buffer, weights_only=False)
print(loaded)
