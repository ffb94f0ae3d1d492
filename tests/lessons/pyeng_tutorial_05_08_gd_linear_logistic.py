# Imitates Patrick Loeber's (Python Engineer) "PyTorch Tutorial" 05-08 (pytorchTutorial/05_1_gradientdescent_
# manually.py, 05_2_gradientdescent_auto.py, 06_1/06_2 loss_and_optimizer, 07_linear_regression.py,
# 08_logistic_regression.py) as learners retype them: f = 2 * x with numpy and a hand-written gradient, then
# autograd, then nn.MSELoss + optim.SGD, then nn.Linear (X of shape (4, 1), forward(5) as torch.tensor([5]) that
# must be float), a custom LinearRegression module, make_regression-like data in numpy with from_numpy(...
# astype(np.float32)), y.view(y.shape[0], 1), and logistic regression with an in-memory StandardScaler (fit on
# train, transform test), nn.BCELoss, y_predicted.round() and the accuracy print.
import numpy as np
import torch
import torch.nn as nn

# %%
X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)
w = 0.0

def forward(x):
    return w * x

def loss(y, y_pred):
    return ((y_pred - y) ** 2).mean()

def gradient(x, y, y_pred):
    return np.dot(2 * x, y_pred - y).mean()

print(f'Prediction before training: f(5) = {forward(5):.3f}')
learning_rate = 0.01
n_iters = 20
for epoch in range(n_iters):
    y_pred = forward(X)
    l = loss(Y, y_pred)
    dw = gradient(X, Y, y_pred)
    w -= learning_rate * dw
    if epoch % 2 == 0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}')
print(f'Prediction after training: f(5) = {forward(5):.3f}')

# %%
X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)

def forward(x):
    return w * x

def loss(y, y_pred):
    return ((y_pred - y) ** 2).mean()

print(f'Prediction before training: f(5) = {forward(5).item():.3f}')
learning_rate = 0.01
n_iters = 100
for epoch in range(n_iters):
    y_pred = forward(X)
    l = loss(Y, y_pred)
    l.backward()
    with torch.no_grad():
        w -= learning_rate * w.grad
    w.grad.zero_()
    if epoch % 10 == 0:
        print(f'epoch {epoch+1}: w = {w.item():.3f}, loss = {l.item():.8f}')
print(f'Prediction after training: f(5) = {forward(5).item():.3f}')
print(f'{w:.3f}', f'{l:.8f}', f'{forward(5):.3f}')
print(w, l)

# %%
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)
loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=learning_rate)
for epoch in range(n_iters):
    y_predicted = forward(X)
    l = loss(Y, y_predicted)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 20 == 0:
        print('epoch ', epoch + 1, ': w = ', w, ' loss = ', l)
print(f'Prediction after training: f(5) = {forward(5).item():.3f}')
print(optimizer)

# %%
X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)
n_samples, n_features = X.shape
print(f'#samples: {n_samples}, #features: {n_features}')
X_test = torch.tensor([5], dtype=torch.float32)
input_size = n_features
output_size = n_features
torch.manual_seed(0)
model = nn.Linear(input_size, output_size)
print(model)
print(f'Prediction before training: f(5) = {model(X_test).item():.3f}')
try:
    model(torch.tensor([5]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f'{model(X_test):.3f}')
except Exception as e:
    print(type(e).__name__, e)

learning_rate = 0.01
n_iters = 100
loss = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(n_iters):
    y_predicted = model(X)
    l = loss(Y, y_predicted)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 10 == 0:
        [w, b] = model.parameters()
        print('epoch ', epoch + 1, ': w = ', w[0][0].item(), ' loss = ', l)
print(f'Prediction after training: f(5) = {model(X_test).item():.3f}')
print(w, b)

# %%
class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LinearRegression, self).__init__()
        self.lin = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.lin(x)

torch.manual_seed(1)
model = LinearRegression(input_size, output_size)
print(model)
print(list(model.named_parameters()))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
for epoch in range(30):
    l = loss(Y, model(X))
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
print(f'loss = {l.item():.4f}', model(X_test))

# %%
rng = np.random.RandomState(4)
X_numpy = rng.uniform(-2, 2, size=(100, 1))
y_numpy = 40 * X_numpy[:, 0] + rng.normal(0, 20, size=100)
X = torch.from_numpy(X_numpy.astype(np.float32))
y = torch.from_numpy(y_numpy.astype(np.float32))
print(X.dtype, y.shape)
y = y.view(y.shape[0], 1)
print(y.shape)
n_samples, n_features = X.shape
torch.manual_seed(2)
model = nn.Linear(n_features, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
num_epochs = 100
for epoch in range(num_epochs):
    y_predicted = model(X)
    loss = criterion(y_predicted, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch + 1) % 10 == 0:
        print(f'epoch: {epoch+1}, loss = {loss.item():.4f}')
predicted = model(X).detach().numpy()
print(predicted.shape, predicted.dtype, predicted[:3].round(3))
try:
    model(X).numpy()
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(model(X), torch.from_numpy(y_numpy))
except Exception as e:
    print(type(e).__name__, e)
with __import__("warnings").catch_warnings(record=True) as ws:
    __import__("warnings").simplefilter("always")
    l = criterion(model(X), torch.from_numpy(y_numpy.astype(np.float32)))
print(l.shape, [str(w.message) for w in ws])

# %%
rng = np.random.RandomState(1234)
X_np = np.concatenate([rng.normal(0, 1, (40, 3)), rng.normal(1.5, 1, (40, 3))])
y_np = np.array([0] * 40 + [1] * 40)
perm = rng.permutation(80)
X_np, y_np = X_np[perm], y_np[perm]
X_train, X_test, y_train, y_test = X_np[:64], X_np[64:], y_np[:64], y_np[64:]
n_samples, n_features = X_np.shape
print(n_samples, n_features)

class StandardScaler:
    def fit_transform(self, X):
        self.mean_ = X.mean(axis=0)
        self.scale_ = X.std(axis=0)
        return self.transform(X)

    def transform(self, X):
        return (X - self.mean_) / self.scale_

sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)
X_train = torch.from_numpy(X_train.astype(np.float32))
X_test = torch.from_numpy(X_test.astype(np.float32))
y_train = torch.from_numpy(y_train.astype(np.float32))
y_test = torch.from_numpy(y_test.astype(np.float32))
y_train = y_train.view(y_train.shape[0], 1)
y_test = y_test.view(y_test.shape[0], 1)
print(X_train.shape, y_train.shape, y_test.dtype)

# %%
class Model(nn.Module):
    def __init__(self, n_input_features):
        super(Model, self).__init__()
        self.linear = nn.Linear(n_input_features, 1)

    def forward(self, x):
        y_pred = torch.sigmoid(self.linear(x))
        return y_pred

torch.manual_seed(5)
model = Model(n_features)
num_epochs = 100
learning_rate = 0.01
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(num_epochs):
    y_pred = model(X_train)
    loss = criterion(y_pred, y_train)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch + 1) % 10 == 0:
        print(f'epoch: {epoch+1}, loss = {loss.item():.4f}')
with torch.no_grad():
    y_predicted = model(X_test)
    y_predicted_cls = y_predicted.round()
    acc = y_predicted_cls.eq(y_test).sum() / float(y_test.shape[0])
    print(f'accuracy: {acc.item():.4f}')
print(acc, y_predicted_cls[:4].T, y_predicted_cls.dtype)
try:
    criterion(model(X_train), torch.from_numpy(y_np[:64]))
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(model(X_train).squeeze(), y_train)
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(model(X_train) * 2 - 0.5, y_train)
except Exception as e:
    print(type(e).__name__, e)
