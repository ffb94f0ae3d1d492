# Imitates Alfredo Canziani's NYU Deep Learning course (Atcold/pytorch-Deep-Learning, NYU-DLSP20/21), notebooks
# 02-space_stretching.ipynb (a random point cloud pushed through nn.Linear without bias, tanh / ReLU squashing, the
# svd and det of the weight) and 04-spiral_classification.ipynb (a 3-arm spiral built with torch.linspace / randn,
# a linear model then nn.Sequential with ReLU, CrossEntropyLoss, SGD / Adam with weight_decay, accuracy with
# (score.max(1)[1] == y).float().mean()), at tiny sizes.
import math
import torch
from torch import nn, optim

torch.manual_seed(12345)

# %%
n_points = 20
X = torch.randn(n_points, 2)
colors = X[:, 0]
print(X.shape, colors[:4])
show_scatter = lambda X, colors: print(tuple(X.shape), round(X.abs().max().item(), 4))
show_scatter(X, colors)
for i in range(3):
    W = torch.randn(2, 2)
    Y = X @ W.t()
    U, S, V = torch.svd(W)
    print(f'singular values: {S}')
    print(f'det: {torch.det(W):.4f}', W.det().abs().item() - S.prod().item() < 1e-5)
    print(U @ torch.diag(S) @ V.t() - W)

# %%
model = nn.Sequential(nn.Linear(2, 2, bias=False))
print(model)
with torch.no_grad():
    Y = model(X)
    print(Y[:3])
print(model[0].weight, model[0].bias)
s = 1
for s in range(1, 4):
    W = s * torch.eye(2)
    model = nn.Sequential(nn.Linear(2, 2, bias=False), nn.Tanh())
    model[0].weight.data.copy_(W)
    Y = model(X).data
    print(s, Y[:2], Y.min().item() > -1)
model = nn.Sequential(nn.Linear(2, 5), nn.ReLU(), nn.Linear(5, 2))
with torch.no_grad():
    Y = model(X)
print(Y.shape, (Y != 0).sum())
print(torch.linalg.svd(model[0].weight).S, torch.linalg.svdvals(model[2].weight))
model[2].weight

# %%
seed = 12345
torch.manual_seed(seed)
N = 30
D = 2
C = 3
H = 16
X = torch.zeros(N * C, D)
y = torch.zeros(N * C, dtype=torch.long)
for c in range(C):
    index = 0
    t = torch.linspace(0, 1, N)
    inner_var = torch.linspace((2 * math.pi / C) * c, (2 * math.pi / C) * (2 + c), N) + torch.randn(N) * 0.2
    for ix in range(N * c, N * (c + 1)):
        X[ix] = t[index] * torch.FloatTensor((math.sin(inner_var[index]), math.cos(inner_var[index])))
        y[ix] = c
        index += 1
print("Shapes:")
print("X:", tuple(X.size()))
print("y:", tuple(y.size()))
print(X[::20], y[::20])

# %%
learning_rate = 1e-3
lambda_l2 = 1e-5
model = nn.Sequential(
    nn.Linear(D, H),
    nn.Linear(H, C)
)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2)
for t in range(100):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    score, predicted = torch.max(y_pred, 1)
    acc = (y == predicted).sum().float() / len(y)
    if t % 25 == 0:
        print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % (t, loss.item(), acc))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(model)

# %%
model = nn.Sequential(
    nn.Linear(D, H),
    nn.ReLU(),
    nn.Linear(H, C)
)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=lambda_l2)
for t in range(60):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    score, predicted = torch.max(y_pred, 1)
    acc = ((y == predicted).sum().float() / len(y))
    if t % 20 == 0:
        print('[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f' % (t, loss.item(), acc))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
score = model(X)
print((score.max(1)[1] == y).float().mean(), score.max(1)[0][:3], score.max(dim=1).indices[:5])
print(optimizer)
print(optimizer.state_dict()['param_groups'][0]['weight_decay'], sorted(optimizer.state[model[0].weight]))

# %%
mesh = torch.arange(-1.0, 1.0, 0.5)
xx, yy = torch.meshgrid(mesh, mesh)
print(xx.shape)
xx, yy = torch.meshgrid(mesh, mesh, indexing='ij')
data = torch.cat((xx.reshape(-1).unsqueeze(1), yy.reshape(-1).unsqueeze(1)), dim=1)
with torch.no_grad():
    Z = model(data).detach()
Z = torch.argmax(Z, dim=1).reshape(xx.shape)
print(Z)
try:
    criterion(y_pred, y.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(y_pred, y[:10])
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(y_pred, y.int())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.det(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.FloatTensor((1, 2), (3, 4))
except Exception as e:
    print(type(e).__name__, e)
