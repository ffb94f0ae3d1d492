# Imitates Kolter & Madry's "Adversarial Robustness - Theory and Practice" tutorial (adversarial-ml-tutorial.org,
# chapters 1 and 4): fgsm and pgd_linf with a delta tensor, delta.data clamps, delta.grad.zero_(), random starts,
# and an adversarial training epoch (epoch_adversarial) on a tiny linear model.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 3))
X = torch.rand(6, 1, 4, 4)
y = torch.tensor([0, 1, 2, 0, 1, 2])
print(model)

# %%
def fgsm(model, X, y, epsilon=0.1):
    delta = torch.zeros_like(X, requires_grad=True)
    loss = nn.CrossEntropyLoss()(model(X + delta), y)
    loss.backward()
    return epsilon * delta.grad.detach().sign()

delta = fgsm(model, X, y)
print(delta.shape, delta.dtype, delta.abs().max())
print(delta[0, 0])
yp = model(X + delta)
print(yp.max(dim=1)[1])
print((yp.max(dim=1)[1] != y).sum().item())

# %%
def pgd(model, X, y, epsilon, alpha, num_iter):
    delta = torch.zeros_like(X, requires_grad=True)
    for t in range(num_iter):
        loss = nn.CrossEntropyLoss()(model(X + delta), y)
        loss.backward()
        delta.data = (delta + X.shape[0] * alpha * delta.grad.data).clamp(-epsilon, epsilon)
        delta.grad.zero_()
    return delta.detach()

d = pgd(model, X, y, 0.1, 1e-2, 5)
print(d.requires_grad, d.grad_fn, d.abs().max())
print(nn.CrossEntropyLoss()(model(X + d), y))

# %%
def pgd_linf(model, X, y, epsilon=0.1, alpha=0.01, num_iter=5, randomize=False):
    if randomize:
        delta = torch.rand_like(X, requires_grad=True)
        delta.data = delta.data * 2 * epsilon - epsilon
    else:
        delta = torch.zeros_like(X, requires_grad=True)
    for t in range(num_iter):
        loss = nn.CrossEntropyLoss()(model(X + delta), y)
        loss.backward()
        delta.data = (delta + alpha * delta.grad.detach().sign()).clamp(-epsilon, epsilon)
        delta.grad.zero_()
    return delta.detach()

torch.manual_seed(1)
d2 = pgd_linf(model, X, y, randomize=True)
print(d2.min(), d2.max())
print(delta.grad)
print(torch.rand_like(X, requires_grad=True).is_leaf)

# %%
x_adv = X.clone().detach() + 0.001 * torch.randn_like(X)
for _ in range(3):
    x_adv.requires_grad_()
    with torch.enable_grad():
        loss = F.cross_entropy(model(x_adv), y, reduction="sum")
    grad = torch.autograd.grad(loss, [x_adv])[0]
    x_adv = x_adv.detach() + 0.01 * torch.sign(grad.detach())
    x_adv = torch.min(torch.max(x_adv, X - 0.03), X + 0.03)
    x_adv = torch.clamp(x_adv, 0.0, 1.0)
print(x_adv.requires_grad, (x_adv - X).abs().max() <= 0.03 + 1e-6)
x_adv

# %%
x = X.clone()
x_adv = torch.max(torch.min(x + 0.5, x + 0.03), x - 0.03)
x_adv = x_adv.clamp(min=X - 0.03, max=X + 0.03)
print(x_adv.shape)
try:
    X.clamp(min=torch.zeros(3), max=1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.clamp(X)
except Exception as e:
    print(type(e).__name__, e)
try:
    X.requires_grad_(); X.requires_grad_(True)
    X.data = torch.zeros(2)
    print(X.shape)
except Exception as e:
    print(type(e).__name__, e)

# %%
def epoch_adversarial(loader, model, attack, opt=None, **kwargs):
    total_loss, total_err = 0., 0.
    for X, y in loader:
        delta = attack(model, X, y, **kwargs)
        yp = model(X + delta)
        loss = nn.CrossEntropyLoss()(yp, y)
        if opt:
            opt.zero_grad()
            loss.backward()
            opt.step()
        total_err += (yp.max(dim=1)[1] != y).sum().item()
        total_loss += loss.item() * X.shape[0]
    return total_err / 6, total_loss / 6

loader = [(X[:3], y[:3]), (X[3:], y[3:])]
opt = optim.SGD(model.parameters(), lr=1e-1)
for t in range(3):
    train_err, train_loss = epoch_adversarial(loader, model, pgd_linf, opt)
    print(*("{:.6f}".format(i) for i in (train_err, train_loss)), sep="\t")
