# Imitates UW CSE 446 homework 3 (neural networks with PyTorch autograd): ridge regression in closed form and by
# gradient descent, a two-layer network F1 built from Uniform(-1/sqrt(d), 1/sqrt(d)) parameters, TensorDataset /
# DataLoader / random_split, F.cross_entropy, accuracy and the error messages students hit on the way.
import torch
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader, random_split

torch.manual_seed(446)
n, d = 40, 3
X = torch.randn(n, d)
w_true = torch.tensor([1., -2., .5])
Y = X @ w_true + 0.1 * torch.randn(n)

# %%
# A3/A4: ridge regression, closed form vs gradient descent with autograd
lam = 0.1
w_closed = torch.linalg.solve(X.T @ X + lam * torch.eye(d), X.T @ Y)
print("closed form:", w_closed)
print("lstsq:", torch.linalg.lstsq(X, Y.unsqueeze(1)).solution.squeeze())
print("pinv:", torch.linalg.pinv(X) @ Y)
w = torch.zeros(d, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for i in range(6):
    opt.zero_grad()
    loss = F.mse_loss(X @ w, Y) + lam / n * (w ** 2).sum()
    loss.backward()
    opt.step()
    print(f"{i}: loss={loss:.4f} w={w.data}")
try:
    torch.linalg.solve(X.T @ X, Y)
except Exception as e:
    print(type(e).__name__, e)

# %%
# the data pipeline
ds = TensorDataset(torch.arange(10.).view(5, 2), torch.tensor([0, 1, 0, 1, 1]))
print(len(ds), ds[1], ds[1:3])
tr, va = random_split(ds, [3, 2], generator=torch.Generator().manual_seed(42))
print(len(tr), len(va), tr.indices, type(tr).__name__)
tr, va = random_split(ds, [0.6, 0.4], generator=torch.Generator().manual_seed(1))
print(tr.indices, va.indices)
try:
    random_split(ds, [3, 3])
except Exception as e:
    print(type(e).__name__, e)
dl = DataLoader(ds, batch_size=2, shuffle=True, generator=torch.Generator().manual_seed(0))
for xb, yb in dl:
    print(xb, yb)
print(len(dl), len(DataLoader(ds, batch_size=2, drop_last=True)))
try:
    TensorDataset(torch.ones(3), torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)

# %%
# A5: F1(x) = W1 relu(W0 x + b0) + b1 with parameters drawn from Uniform(-alpha, alpha)
torch.manual_seed(5)
k, h = 3, 16
Xtr = torch.randn(120, d)
ytr = (Xtr[:, 0] > 0).long() + (Xtr[:, 1] > 0.5).long()

def uniform_param(*shape):
    alpha = 1 / shape[-1] ** 0.5
    return torch.empty(*shape).uniform_(-alpha, alpha).requires_grad_()

W0, b0 = uniform_param(h, d), uniform_param(h)
W1, b1 = uniform_param(k, h), uniform_param(k)
params = [W0, b0, W1, b1]
print([tuple(p.shape) for p in params], sum(p.numel() for p in params))

def F1(x):
    return F.relu(x @ W0.T + b0) @ W1.T + b1

optimizer = torch.optim.Adam(params, lr=0.05)
loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=32, shuffle=True)
for epoch in range(4):
    total, correct = 0.0, 0
    for xb, yb in loader:
        logits = F1(xb)
        loss = F.cross_entropy(logits, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
        correct += (logits.argmax(dim=1) == yb).sum().item()
    print(f"epoch {epoch}: loss {total / len(Xtr):.4f} accuracy {correct / len(Xtr):.3f}")
with torch.no_grad():
    acc = (F1(Xtr).argmax(1) == ytr).float().mean()
print(acc, acc.dtype, W0.grad.shape, b1.grad)

# %%
# what goes wrong with cross_entropy
logits = torch.randn(4, 3, requires_grad=True)
y = torch.tensor([0, 2, 1, 2])
print(F.cross_entropy(logits, y), F.cross_entropy(logits, y, reduction='none'))
print(F.cross_entropy(logits, y, label_smoothing=0.1), F.cross_entropy(logits, F.one_hot(y, 3).float()))
for bad in [y.float(), torch.tensor([0, 3, 1, 2]), y[:3], y.view(4, 1)]:
    try:
        F.cross_entropy(logits, bad)
    except Exception as e:
        print(type(e).__name__, e)
for args in [(y.float(), 3), (y, 2)]:
    try:
        F.one_hot(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(F.nll_loss(F.log_softmax(logits, 1), y, ignore_index=2))
