# Imitates Yandex School of Data Analysis Practical_DL seminars (yandexdataschool/Practical_DL, weeks 1-4):
# week 1 "pytorch basics" (x = torch.tensor(np.arange(16).reshape(4, 4)), print("X :\n%s" % x), the Archimedes
# spiral warm-up with torch.linspace, automatic gradients on a housing-like regression with w.data -= 0.05 * w.grad.data
# and w.grad.data.zero_()), week 2 logistic regression with model.add_module('l1', nn.Linear(...)), RMSprop,
# history.append(loss.data.numpy()) and "step #%i | mean loss = %.3f", week 3-4 an MLP as nn.Module with dropout and
# batchnorm, model.train(False) vs model.eval(), running statistics.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
x = np.arange(16).reshape(4, 4)
print("X :\n%s\n" % x)
print("X.shape : %s\n" % (x.shape,))
print("add 5 :\n%s\n" % (x + 5))
x = torch.tensor(x, dtype=torch.float32)
print("X :\n%s" % x)
print("X.shape : %s\n" % (x.shape,))
print("add 5 :\n%s" % (x + 5))
print("X*X^T  :\n%s" % torch.matmul(x, x.transpose(1, 0)))
print("mean over rows :\n%s" % torch.mean(x, dim=-1))
print("cumsum of cols :\n%s" % torch.cumsum(x, dim=0))

# %%
# Разминка: спираль Архимеда (без картинки, только числа)
t = torch.linspace(-10, 10, steps=11)
x = t * torch.cos(t)
y = t * torch.sin(t)
print(t.dtype, t[:3])
print("x:", x[:4].numpy().round(3), "y:", y[-2:])
print("%.3f %.3f" % (x.max(), y.min()))
print("{:.2f}".format(x.sum()))
try:
    print("{:.2f}".format(x[:2]))
except Exception as e:
    print(type(e).__name__, e)
print(f"{t[0]}", f"{t[0]!r}", f"{t.norm():10.4f}|")

# %%
# Автоматические градиенты: регрессия «цена от доли бедного населения»
rng = np.random.RandomState(0)
lstat = rng.uniform(2, 35, size=50)
price = 35 - 0.9 * lstat + rng.normal(0, 2, size=50)
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
x = torch.tensor(lstat / 10, dtype=torch.float32)
y = torch.tensor(price, dtype=torch.float32)
y_pred = w * x + b
loss = torch.mean((y_pred - y) ** 2)
loss.backward()
print("dL/dw = \n", w.grad)
print("dL/db = \n", b.grad)
print(loss.data, loss.item(), type(loss.data.numpy()))

# %%
for i in range(100):
    y_pred = w * x + b
    loss = torch.mean((y_pred - y) ** 2)
    loss.backward()
    w.data -= 0.05 * w.grad.data
    b.data -= 0.05 * b.grad.data
    w.grad.data.zero_()
    b.grad.data.zero_()
    if (i + 1) % 25 == 0:
        print("loss = ", loss.data.numpy())
print(w, b)
print("w = %.4f, b = %.4f" % (w, b))

# %%
# Логистическая регрессия: два класса «0» и «1» из маленьких картинок 4x4
rng = np.random.RandomState(1)
X_train = rng.rand(120, 16).astype("float32")
y_train = (X_train[:, :8].sum(1) > X_train[:, 8:].sum(1)).astype("int64")
X_test = rng.rand(40, 16).astype("float32")
y_test = (X_test[:, :8].sum(1) > X_test[:, 8:].sum(1)).astype("int64")
print(X_train.shape, y_train[:10], y_train.mean())

torch.manual_seed(0)
model = nn.Sequential()
model.add_module('l1', nn.Linear(16, 1))
model.add_module('l2', nn.Sigmoid())
print("Weight shapes:", [w.shape for w in model.parameters()])
print(model)

# %%
x = torch.tensor(X_train[:3], dtype=torch.float32)
y = torch.tensor(y_train[:3], dtype=torch.float32)
y_predicted = model(x)[:, 0]
crossentropy = -(y * torch.log(y_predicted) + (1 - y) * torch.log(1 - y_predicted))
loss = crossentropy.mean()
assert tuple(crossentropy.size()) == (3,), "Crossentropy must be a vector with element per sample"
assert tuple(loss.size()) == tuple(), "Loss must be scalar. Did you forget the mean/sum?"
assert loss.data.numpy() > 0, "Crossentropy must non-negative, zero only for perfect prediction"
print(y_predicted, loss)
try:
    np.mean([loss, loss])
except Exception as e:
    print(type(e).__name__, e)

# %%
opt = torch.optim.RMSprop(model.parameters(), lr=0.01)
history = []
np.random.seed(42)
for i in range(60):
    ix = np.random.randint(0, len(X_train), 32)
    x_batch = torch.tensor(X_train[ix], dtype=torch.float32)
    y_batch = torch.tensor(y_train[ix], dtype=torch.float32)
    y_predicted = model(x_batch)[:, 0]
    loss = F.binary_cross_entropy(y_predicted, y_batch)
    loss.backward()
    opt.step()
    opt.zero_grad()
    history.append(loss.data.numpy())
    if i % 20 == 0:
        print("step #%i | mean loss = %.3f" % (i, np.mean(history[-10:])))
print(type(history[0]), history[0].dtype, history[0].shape)
predicted_y_test = model(torch.tensor(X_test))[:, 0] > 0.5
print(predicted_y_test.dtype, predicted_y_test[:5])
acc = (predicted_y_test.numpy() == y_test).mean()
print("Test accuracy: %.5f" % acc)
try:
    F.binary_cross_entropy(model(torch.tensor(X_test))[:, 0], torch.tensor(y_test))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(model(torch.tensor(X_test)), torch.tensor(y_test, dtype=torch.float32))
except Exception as e:
    print(type(e).__name__, e)

# %%
# Неделя 3-4: MLP с dropout и батчнормом
class MLP(nn.Module):
    def __init__(self, in_features=16, hidden=32, n_classes=2, p=0.5):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.bn1 = nn.BatchNorm1d(hidden)
        self.drop = nn.Dropout(p)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.fc1(x)))
        x = self.drop(x)
        return self.fc2(x)

torch.manual_seed(0)
net = MLP()
print(net)
print(net.training, net.bn1.training, net.bn1.running_mean[:3], net.bn1.num_batches_tracked)
print(sum(p.numel() for p in net.parameters()), len(list(net.buffers())))

# %%
xb = torch.tensor(X_train[:8])
out_train1 = net(xb)
out_train2 = net(xb)
print("train: одинаковые выходы?", torch.allclose(out_train1, out_train2))
net.train(False)
out_eval1 = net(xb)
out_eval2 = net(xb)
print("eval: одинаковые выходы?", torch.allclose(out_eval1, out_eval2), net.training, net.drop.training)
print(net.bn1.running_mean[:3], net.bn1.running_var[:3], net.bn1.num_batches_tracked)
net.train()
try:
    net(xb[:1])
except Exception as e:
    print(type(e).__name__, e)
net.eval()
print(net(xb[:1]).shape)

# %%
# Обучение MLP
torch.manual_seed(0)
net = MLP(p=0.2)
opt = torch.optim.Adam(net.parameters(), lr=1e-2, weight_decay=1e-4)
Xt, yt = torch.from_numpy(X_train), torch.from_numpy(y_train)
for epoch in range(5):
    net.train()
    perm = torch.randperm(len(Xt))
    losses = []
    for start in range(0, len(Xt), 40):
        idx = perm[start:start + 40]
        logits = net(Xt[idx])
        loss = F.cross_entropy(logits, yt[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    net.eval()
    with torch.no_grad():
        val_acc = (net(torch.from_numpy(X_test)).argmax(-1).numpy() == y_test).mean()
    print(f"Эпоха {epoch + 1}: train loss {np.mean(losses):.4f}, val accuracy {val_acc:.3f}")
print(net.bn1.num_batches_tracked, net.bn1.momentum, net.bn1.eps)
print(net.state_dict().keys())
