# Imitates the MIPT Deep Learning School (DLS) seminar "Autograd и простая нейросеть" (deep-learning-school, part 1
# seminars 5-6): производные руками vs .backward(), x.grad.data.zero_(), retain_graph, requires_grad_(),
# detach / no_grad, the errors of a second backward and of .backward() on a vector; then a two-layer net on a toy
# "moons"-like dataset trained with a hand-written loop (w.data -= lr * w.grad) and again with nn.Sequential +
# optim.SGD / Adam, accuracy printed with f-strings in Russian.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
# Производная руками и через autograd
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3 + 2 * x ** 2 - torch.sin(x)
y.backward()
print(f"Аналитически: {3 * 2 ** 2 + 4 * 2 - np.cos(2):.4f}")
print(f"autograd: {x.grad.item():.4f}")
print(x.grad, y.grad_fn, x.is_leaf, y.is_leaf)

# %%
# Второй backward без retain_graph
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)
z = x * x
z.backward(retain_graph=True)
z.backward()
print("Градиенты накапливаются:", x.grad)
x.grad.data.zero_()
print(x.grad)

# %%
# backward от вектора
v = torch.tensor([1., 2., 3.], requires_grad=True)
out = v * 2
try:
    out.backward()
except Exception as e:
    print(type(e).__name__, e)
out.backward(torch.ones_like(out))
print(v.grad)
print(y.grad)
w = torch.ones(3)
try:
    (w * 2).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
w.requires_grad_()
(w * 2).sum().backward()
print(w.grad)

# %%
# detach и no_grad
with torch.no_grad():
    q = v * 3
print(q.requires_grad, q.grad_fn)
d = v.detach()
print(d.requires_grad, d)
try:
    v.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(v.detach().numpy())
try:
    v[0] = 5.
except Exception as e:
    print(type(e).__name__, e)
try:
    v.add_(1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1, 2], requires_grad=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Игрушечный датасет: две «луны»
rng = np.random.RandomState(42)
n = 100
t = rng.uniform(0, np.pi, n)
X_np = np.concatenate([np.stack([np.cos(t), np.sin(t)], 1), np.stack([1 - np.cos(t), 0.5 - np.sin(t)], 1)])
X_np += rng.normal(scale=0.1, size=X_np.shape)
y_np = np.concatenate([np.zeros(n), np.ones(n)])
X = torch.tensor(X_np, dtype=torch.float32)
y = torch.from_numpy(y_np).long()
print(X.shape, y.shape, X.dtype, y.dtype, y[:5], y.bincount())

# %%
# Двухслойная сеть руками
torch.manual_seed(0)
W1 = torch.randn(2, 16, requires_grad=True)
b1 = torch.zeros(16, requires_grad=True)
W2 = torch.randn(16, 2, requires_grad=True)
b2 = torch.zeros(2, requires_grad=True)
lr = 0.1
for epoch in range(30):
    h = torch.relu(X @ W1 + b1)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, y)
    loss.backward()
    for p in [W1, b1, W2, b2]:
        p.data -= lr * p.grad
        p.grad.zero_()
    if epoch % 10 == 0:
        acc = (logits.argmax(dim=1) == y).float().mean()
        print(f"Эпоха {epoch}: loss = {loss.item():.4f}, accuracy = {acc:.3f}")
print(W1.grad.abs().sum(), b2)

# %%
# То же самое с nn.Sequential и оптимизатором
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
print(model)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
history = []
for epoch in range(30):
    opt.zero_grad()
    logits = model(X)
    loss = loss_fn(logits, y)
    loss.backward()
    opt.step()
    history.append(loss.item())
print("Лосс в начале и в конце:", round(history[0], 3), round(history[-1], 3))
with torch.no_grad():
    preds = model(X).argmax(1)
print(f"Точность: {(preds == y).sum().item() / len(y):.2%}")
print(model[0].weight.grad.shape, model[2].bias)

# %%
# Ошибки семинара: неверный тип таргета и формы
try:
    loss_fn(model(X), y.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_fn(model(X), y.view(-1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(X.double())
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.from_numpy(X_np))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(torch.sigmoid(model(X)[:, 1]), y)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCEWithLogitsLoss()(model(X)[:, 1], y)
except Exception as e:
    print(type(e).__name__, e)
print(nn.BCEWithLogitsLoss()(model(X)[:, 1], y.float()))

# %%
# Adam и сравнение
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for i in range(50):
    out = model(X).squeeze(1)
    loss = F.binary_cross_entropy_with_logits(out, y.float())
    opt.zero_grad()
    loss.backward()
    opt.step()
print(opt)
print(f"Итоговый лосс: {loss:.4f}")
print(opt.state_dict()["param_groups"][0]["lr"], len(opt.state_dict()["state"]))
probs = torch.sigmoid(model(X[:4]))
print(probs.detach().round(decimals=2), probs.shape)
