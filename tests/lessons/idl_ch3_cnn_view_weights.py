# Imitates Edward Raff's "Inside Deep Learning" (Manning; repo EdwardRaff/Inside-Deep-Learning), chapter 3
# (convolutional networks) at tiny sizes on random "images": a fully connected baseline with nn.Flatten, a CNN built
# of nn.Conv2d with padding = K//2, nn.Tanh, nn.MaxPool2d and nn.Flatten, the book's View(-1) / Flatten helper modules
# (input.view(input.size(0), -1)), DebugShape, counting weights with numel, the manual cross-correlation with
# scipy-free numpy that the chapter starts from, and a short training run with the book's results dict.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(1)
np.random.seed(1)

class View(nn.Module):
    def __init__(self, *shape):
        super(View, self).__init__()
        self.shape = shape
    def forward(self, input):
        return input.view(*self.shape)

class Flatten(nn.Module):
    def forward(self, input):
        return input.view(input.size(0), -1)

class DebugShape(nn.Module):
    def forward(self, input):
        print(input.shape)
        return input

img = torch.rand(1, 1, 6, 6)
blur_filter = torch.ones(1, 1, 3, 3) / 9
print(F.conv2d(img, blur_filter).shape, F.conv2d(img, blur_filter, padding=1).shape)
edge = torch.tensor([[-1.0, 0, 1], [-1, 0, 1], [-1, 0, 1]]).view(1, 1, 3, 3)
print(F.conv2d(img, edge)[0, 0].round(decimals=3))
print(edge.shape, edge.view(-1), edge.view(3, -1).stride())
try:
    edge.view(2, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(img[0], edge.view(3, 3))
except Exception as e:
    print(type(e).__name__, e)

# %%
D = 8 * 8
C = 1
classes = 10
filters = 4
K = 3
model_linear = nn.Sequential(
    nn.Flatten(),
    nn.Linear(D, 32),
    nn.Tanh(),
    nn.Linear(32, classes),
)
model_cnn = nn.Sequential(
    nn.Conv2d(C, filters, K, padding=K // 2),
    nn.Tanh(),
    nn.Conv2d(filters, filters, K, padding=K // 2),
    nn.Tanh(),
    nn.MaxPool2d(2),
    DebugShape(),
    nn.Conv2d(filters, 2 * filters, K, padding=K // 2),
    nn.Tanh(),
    nn.MaxPool2d((2, 2)),
    Flatten(),
    nn.Linear(2 * filters * 2 * 2, classes),
)
print(model_cnn)
x = torch.rand(5, 1, 8, 8)
out = model_cnn(x)
print(out.shape, model_linear(x).shape)
for name, m in [("linear", model_linear), ("cnn", model_cnn)]:
    print(name, sum(p.numel() for p in m.parameters()), [tuple(p.shape) for p in m.parameters()])
print(model_cnn[0].weight.shape, model_cnn[0].padding, model_cnn[4], model_cnn[8].kernel_size)

# %%
v = View(-1)
t = torch.arange(12.).reshape(3, 4)
print(v(t).shape, View(4, 3)(t).shape, View(-1, 6)(t))
try:
    View(-1)(t.t())
except Exception as e:
    print(type(e).__name__, e)
try:
    View(-1, -1)(t)
except Exception as e:
    print(type(e).__name__, e)
try:
    View(5, -1)(t)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Sequential(nn.Conv2d(1, 2, 3), Flatten(), nn.Linear(10, 2))(x)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Conv2d(3, 2, 3)(x)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MaxPool2d(4)(torch.rand(1, 1, 2, 2))
except Exception as e:
    print(type(e).__name__, e)

# %%
X = torch.rand(64, 1, 8, 8)
top_brighter = X[:, 0, :4].mean(dim=(1, 2)) > X[:, 0, 4:].mean(dim=(1, 2))
y = top_brighter.long() + 2 * (X[:, 0, :, :4].mean(dim=(1, 2)) > 0.5).long()
print(y.bincount(), y.dtype)
loader = DataLoader(TensorDataset(X, y), batch_size=16, shuffle=True)
model = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(4, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(16, 4),
)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
results = {"epoch": [], "train loss": [], "train Accuracy": []}
loss_func = nn.CrossEntropyLoss()
for epoch in range(3):
    model.train()
    losses, correct = [], 0
    for xb, yb in loader:
        y_hat = model(xb)
        loss = loss_func(y_hat, yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
        losses.append(loss.item())
        correct += (y_hat.detach().cpu().numpy().argmax(axis=1) == yb.numpy()).sum()
    results["epoch"].append(epoch)
    results["train loss"].append(round(float(np.mean(losses)), 4))
    results["train Accuracy"].append(correct / len(X))
print(results)
print(type(results["train Accuracy"][0]).__name__)
model.eval()
with torch.no_grad():
    p = F.softmax(model(X[:3]), dim=-1)
print(p.shape, p.sum(-1), model[0].weight.grad is None, model[0].weight.grad.abs().sum() == 0)
