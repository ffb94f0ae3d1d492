# The mistakes learners make while typing makemore / d2l / wikidocs code, each caught and printed as a notebook
# shows it: torch.cat without the brackets, n / 2 where n // 2 was meant, a model called on the numpy data, a
# forward that forgot its return, nn.Sigmoid(x), sampling from the int32 count row, softmax of integer counts,
# a label outside the class range, a non-leaf tensor given to the optimizer, the deprecated clip_grad_norm.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
C = torch.randn((27, 2))
X = torch.randint(0, 27, (5, 3))
emb = C[X]
print(emb.shape)
try:
    h = torch.cat(emb[:, 0, :], emb[:, 1, :], emb[:, 2, :])
except TypeError as e:
    print('TypeError:', e)
h = torch.cat([emb[:, 0, :], emb[:, 1, :], emb[:, 2, :]], 1)
print(h.shape, torch.cat(torch.unbind(emb, 1), 1).shape, emb.view(5, 6).shape)
try:
    torch.stack(emb[:, 0, :], emb[:, 1, :])
except TypeError as e:
    print('TypeError:', e)

# %%
n_embd, block_size = 10, 3
n_hidden = n_embd * block_size / 2
print(n_hidden)
try:
    layer = nn.Linear(n_embd * block_size, n_hidden)
except TypeError as e:
    print('TypeError:', e)
try:
    W1 = torch.randn((n_embd * block_size, n_hidden))
except TypeError as e:
    print('TypeError:', e)
try:
    emb.view(-1, emb.shape[1] * emb.shape[2] / 1)
except TypeError as e:
    print('TypeError:', e)
layer = nn.Linear(n_embd * block_size, int(n_hidden))
print(layer)

# %%
X_np = np.random.RandomState(0).rand(4, 2).astype(np.float32)
y_np = np.array([[0.], [1.], [1.], [0.]], dtype=np.float32)
model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid())
try:
    model(X_np)
except TypeError as e:
    print('TypeError:', e)
X_t, y_t = torch.from_numpy(X_np), torch.from_numpy(y_np)
out = model(X_t)
print(out.shape, out.grad_fn)
try:
    nn.BCELoss()(out, y_np)
except Exception as e:
    print(type(e).__name__, e)
print(np.array(out.detach()).shape)

# %%
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 3)

    def forward(self, x):
        logits = self.fc(x)

net = Net()
criterion = nn.CrossEntropyLoss()
try:
    loss = criterion(net(X_t), torch.tensor([0, 1, 2, 1]))
except TypeError as e:
    print('TypeError:', e)
try:
    nn.MSELoss()(net(X_t), torch.zeros(4, 3))
except AttributeError as e:
    print('AttributeError:', e)
act = nn.Sigmoid()
try:
    act = nn.Sigmoid(out)
except TypeError as e:
    print('TypeError:', e)
print(act(torch.zeros(2)))

# %%
N = torch.zeros((3, 3), dtype=torch.int32)
N[0, 1] += 3
N[0, 2] += 1
g = torch.Generator().manual_seed(2147483647)
try:
    ix = torch.multinomial(N[0], num_samples=1, replacement=True, generator=g)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    P = F.softmax(N, dim=1)
except NotImplementedError as e:
    print('NotImplementedError:', e)
P = (N + 1).float()
P /= P.sum(1, keepdim=True)
print(P)
print(torch.multinomial(P[0], num_samples=5, replacement=True, generator=g))

# %%
logits = torch.randn(4, 3)
ys = torch.tensor([0, 2, 3, 1])
try:
    logits[torch.arange(4), ys]
except IndexError as e:
    print('IndexError:', e)
try:
    F.cross_entropy(logits, ys)
except IndexError as e:
    print('IndexError:', e)
try:
    logits.index_select(1, ys)
except RuntimeError as e:
    print('RuntimeError:', e)
print(-logits.log_softmax(1)[torch.arange(4), ys.clamp(max=2)].mean())

# %%
w = torch.randn(3, requires_grad=True) * 0.01
try:
    opt = torch.optim.SGD([w], lr=0.1)
except ValueError as e:
    print('ValueError:', e)
w = (torch.randn(3) * 0.01).requires_grad_()
opt = torch.optim.SGD([w], lr=0.1)
loss = (w ** 2).sum() + w.sum()
loss.backward()
print(torch.nn.utils.clip_grad_norm([w], 0.5))
opt.step()
print(w.grad.norm(), w.is_leaf)
