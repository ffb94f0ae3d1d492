# Imitates MachineLearningMastery's "Building a Multiclass Classification Model in PyTorch" (iris-like data,
# one-hot targets, CrossEntropyLoss on probability targets, torch.argmax accuracy, progress printed without tqdm)
# and "Using Activation Functions in Deep Learning Models" (a table of nn.ReLU/LeakyReLU/ELU/GELU/SiLU/Softplus/
# Tanh/Sigmoid values on torch.linspace points, their reprs, and their gradients).
import copy
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
rng = np.random.default_rng(1)
centers = np.array([[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.5, 2.0]])
labels = np.repeat(np.arange(3), 20)
X = centers[labels] + rng.normal(scale=0.3, size=(60, 4))
names = np.array(["Iris-setosa", "Iris-versicolor", "Iris-virginica"])[labels]
cats = sorted(set(names))
y = np.zeros((60, 3))
y[np.arange(60), [cats.index(n) for n in names]] = 1
print(cats, y[:2])
X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32)
print(X.dtype, y.dtype, y.sum(0))

# %%
class Multiclass(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.act = nn.ReLU()
        self.output = nn.Linear(8, 3)

    def forward(self, x):
        x = self.act(self.hidden(x))
        x = self.output(x)
        return x

torch.manual_seed(0)
model = Multiclass()
loss_fn = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.01)
perm = torch.randperm(60)
X_train, y_train = X[perm[:45]], y[perm[:45]]
X_test, y_test = X[perm[45:]], y[perm[45:]]
print(X_train.shape, y_test.shape)

# %%
n_epochs = 6
batch_size = 5
batches_per_epoch = len(X_train) // batch_size
best_acc = - np.inf
best_weights = None
train_loss_hist, train_acc_hist, test_loss_hist, test_acc_hist = [], [], [], []
for epoch in range(n_epochs):
    epoch_loss, epoch_acc = [], []
    model.train()
    for i in range(batches_per_epoch):
        start = i * batch_size
        X_batch = X_train[start:start+batch_size]
        y_batch = y_train[start:start+batch_size]
        y_pred = model(X_batch)
        loss = loss_fn(y_pred, y_batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        acc = (torch.argmax(y_pred, 1) == torch.argmax(y_batch, 1)).float().mean()
        epoch_loss.append(float(loss))
        epoch_acc.append(float(acc))
        if i % 4 == 0:
            print(f"Epoch {epoch} [{i}/{batches_per_epoch}] loss={float(loss):.3f} acc={float(acc):.2f}")
    model.eval()
    y_pred = model(X_test)
    ce = loss_fn(y_pred, y_test)
    acc = (torch.argmax(y_pred, 1) == torch.argmax(y_test, 1)).float().mean()
    ce = float(ce)
    acc = float(acc)
    train_loss_hist.append(np.mean(epoch_loss))
    train_acc_hist.append(np.mean(epoch_acc))
    test_loss_hist.append(ce)
    test_acc_hist.append(acc)
    if acc > best_acc:
        best_acc = acc
        best_weights = copy.deepcopy(model.state_dict())
    print(f"Epoch {epoch} validation: Cross-entropy={ce:.2f}, Accuracy={acc*100:.1f}%")
model.load_state_dict(best_weights)
print(type(train_loss_hist[0]).__name__, round(best_acc, 3))

# %%
probs = torch.softmax(model(X_test[:3]), dim=1)
print(probs.sum(1))
print(loss_fn(model(X_test), y_test.argmax(1)))
print(torch.argmax(probs), torch.argmax(probs, dim=1), torch.argmax(probs, dim=1, keepdim=True).shape)
print(probs.argmax(-1).dtype, torch.max(probs, 1))
try:
    loss_fn(model(X_test), y_test.argmax(1).float())
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_fn(model(X_test), y_test[:, :2])
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_fn(model(X_test), y_test.double())
except Exception as e:
    print(type(e).__name__, e)

# %%
# "Using Activation Functions": a table of values
x = torch.linspace(-3, 3, 7)
acts = [nn.ReLU(), nn.LeakyReLU(), nn.LeakyReLU(0.2), nn.ELU(), nn.ELU(alpha=0.5), nn.GELU(), nn.GELU('tanh'),
        nn.SiLU(), nn.Softplus(), nn.Softplus(beta=2, threshold=5), nn.Tanh(), nn.Sigmoid(), nn.ReLU6(),
        nn.Hardtanh(), nn.Mish(), nn.SELU(), nn.CELU(), nn.Hardswish(), nn.Hardsigmoid(), nn.Softsign(),
        nn.Tanhshrink(), nn.LogSigmoid(), nn.PReLU()]
print(x)
for act in acts:
    print(f"{str(act):45s}", act(x))

# %%
for act in acts:
    xg = torch.linspace(-3, 3, 7, requires_grad=True)
    act(xg).sum().backward()
    print(type(act).__name__, xg.grad)

# %%
print(nn.ReLU(inplace=True), nn.LeakyReLU(negative_slope=0.1, inplace=True), nn.ELU(inplace=True))
print(nn.Threshold(0.1, 20), nn.GELU(approximate='none'), nn.Softmax(dim=1), nn.LogSoftmax(1), nn.Softmin(0))
print(repr(nn.PReLU(3)), nn.PReLU(3).weight)
try:
    nn.GELU('fast')(x)
except Exception as e:
    print(type(e).__name__, e)
print(torch.linspace(0, 1, 5), torch.linspace(0, 1, steps=1), torch.linspace(-1, 1, 4, dtype=torch.float64))
try:
    torch.linspace(0, 1)
except Exception as e:
    print(type(e).__name__, e)
