# Imitates Wong, Rice & Kolter's "Fast is better than free" (fast_adversarial, train_fgsm.py) and the CleverHans
# PyTorch tutorial: FGSM with a random start inside the epsilon ball, delta.requires_grad = True, clamp to the
# image range with tensor bounds, an input-gradient hook, and an attack success rate on a tiny CNN.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 3))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
X = torch.rand(8, 1, 4, 4)
y = torch.randint(0, 3, (8,))
epsilon, alpha = 8 / 255, 10 / 255
lower_limit, upper_limit = torch.zeros(1, 1, 1, 1), torch.ones(1, 1, 1, 1)

def clamp(X, lower_limit, upper_limit):
    return torch.max(torch.min(X, upper_limit), lower_limit)

print(clamp(torch.tensor([[-0.5, 0.5, 1.5]]), torch.tensor(0.), torch.tensor(1.)))

# %%
for epoch in range(2):
    train_loss, train_acc, train_n = 0, 0, 0
    for i in range(0, 8, 4):
        Xb, yb = X[i:i + 4], y[i:i + 4]
        delta = torch.zeros_like(Xb).uniform_(-epsilon, epsilon)
        delta.data = clamp(delta, lower_limit - Xb, upper_limit - Xb)
        delta.requires_grad = True
        output = model(Xb + delta[:Xb.size(0)])
        loss = F.cross_entropy(output, yb)
        loss.backward()
        grad = delta.grad.detach()
        delta.data = clamp(delta + alpha * torch.sign(grad), -epsilon, epsilon)
        delta.data[:Xb.size(0)] = clamp(delta[:Xb.size(0)], lower_limit - Xb, upper_limit - Xb)
        delta = delta.detach()
        output = model(Xb + delta[:Xb.size(0)])
        loss = F.cross_entropy(output, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        train_loss += loss.item() * yb.size(0)
        train_acc += (output.max(1)[1] == yb).sum().item()
        train_n += yb.size(0)
    print(epoch, round(train_loss / train_n, 4), train_acc / train_n)

# %%
seen = []
x = X[:2].clone().requires_grad_(True)
h = x.register_hook(lambda g: seen.append(g.abs().sum()))
loss = F.cross_entropy(model(x), y[:2])
loss.backward()
print(len(seen), torch.allclose(seen[0], x.grad.abs().sum()))
h.remove()
x_adv = (x + epsilon * x.grad.sign()).clamp(0, 1).detach()
print(x_adv.requires_grad, x_adv.grad_fn, x.grad.sign().unique())
print(x.grad.data.sign().dtype, x.grad.sign_().shape)

# %%
def fast_gradient_method(model_fn, x, eps, norm, y=None, targeted=False):
    if norm not in [float("inf"), 1, 2]:
        raise ValueError("Norm must be either np.inf, 1, or 2.")
    if eps < 0:
        raise ValueError("eps must be greater than or equal to 0, got {} instead".format(eps))
    x = x.clone().detach().to(torch.float).requires_grad_(True)
    if y is None:
        _, y = torch.max(model_fn(x), 1)
    loss = nn.CrossEntropyLoss()(model_fn(x), y)
    if targeted:
        loss = -loss
    loss.backward()
    if norm == float("inf"):
        optimal_perturbation = torch.sign(x.grad)
    else:
        red_ind = list(range(1, len(x.size())))
        avoid_zero_div = torch.tensor(1e-12, dtype=x.dtype, device=x.device)
        square = torch.max(avoid_zero_div, torch.sum(x.grad ** 2, red_ind, keepdim=True))
        optimal_perturbation = x.grad / torch.sqrt(square)
    return x + eps * optimal_perturbation

adv = fast_gradient_method(model, X, 0.3, float("inf"))
print(adv.shape, adv.requires_grad, adv.grad_fn)
adv2 = fast_gradient_method(model, X, 0.3, 2)
print(adv2.sub(X).flatten(1).norm(dim=1))
for bad in [dict(eps=-1, norm=2), dict(eps=0.1, norm=3)]:
    try:
        fast_gradient_method(model, X, **bad)
    except ValueError as e:
        print(type(e).__name__, e)

# %%
model.eval()
with torch.no_grad():
    clean = model(X).argmax(1)
    advp = model(adv).argmax(1)
print("clean acc", (clean == y).float().mean().item(), "adv acc", (advp == y).float().mean().item())
try:
    with torch.no_grad():
        xx = X.clone().requires_grad_()
        F.cross_entropy(model(xx), y).backward()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    X.grad.sign()
except AttributeError as e:
    print(type(e).__name__, e)
