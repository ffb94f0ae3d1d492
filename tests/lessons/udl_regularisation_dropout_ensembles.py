# Imitates Simon Prince's "Understanding Deep Learning" chapter 9 notebooks (9.1 L2 regularisation, 9.3 ensembling,
# 9.5 augmentation) scaled down, with the CMU 11-785 HW1 "MLP" checks: an L2 penalty added by hand vs SGD's
# weight_decay, dropout in train vs eval mode (nn.Dropout / F.dropout, the 1/(1-p) scaling), an ensemble of small
# nets whose averaged softmax is compared with each member, noise augmentation of a 1-D signal, and early stopping
# on a validation loss with the best state_dict kept by copy.deepcopy.
import copy
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
np.random.seed(0)
x = torch.randn(20, 4)
y = (x[:, 0] - 2 * x[:, 1] + 0.1 * torch.randn(20)).unsqueeze(1)

def make():
    torch.manual_seed(3)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))

lam = 0.01
m1, m2 = make(), make()
opt1 = torch.optim.SGD(m1.parameters(), lr=0.1)
opt2 = torch.optim.SGD(m2.parameters(), lr=0.1, weight_decay=2 * lam)
for step in range(5):
    opt1.zero_grad()
    penalty = sum((p ** 2).sum() for p in m1.parameters())
    loss1 = F.mse_loss(m1(x), y) + lam * penalty
    loss1.backward()
    opt1.step()
    opt2.zero_grad()
    loss2 = F.mse_loss(m2(x), y)
    loss2.backward()
    opt2.step()
    same = all(torch.allclose(a, b, atol=1e-6) for a, b in zip(m1.parameters(), m2.parameters()))
    print(step, f"{loss1.item():.5f}", f"{loss2.item():.5f}", same)
print(type(penalty).__name__, penalty.grad_fn, opt2.defaults["weight_decay"])

# %%
torch.manual_seed(1)
drop = nn.Dropout(p=0.4)
h = torch.ones(2, 10)
out = drop(h)
print(drop, drop.training, out, out.unique())
drop.eval()
print(drop(h).equal(h), F.dropout(h, 0.4, training=False).equal(h))
print(F.dropout(h, p=0.0).equal(h), F.dropout(h, p=1.0).sum())
try:
    nn.Dropout(p=1.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.dropout(h, p=-0.1)
except Exception as e:
    print(type(e).__name__, e)
model = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Dropout(0.5), nn.Linear(6, 1))
model.eval()
print([m.training for m in model], model.training)
a, b = model(x[:3]), model(x[:3])
print(torch.equal(a, b))
model.train()
x_req = x[:3].clone().requires_grad_()
model(x_req).sum().backward()
print(x_req.grad.shape, (model[0].weight.grad == 0).all(dim=1).sum() <= 6)

# %%
torch.manual_seed(2)
members = [nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 3)) for _ in range(3)]
labels = torch.randint(0, 3, (20,))
for m in members:
    opt = torch.optim.SGD(m.parameters(), lr=0.5, momentum=0.5)
    for _ in range(10):
        opt.zero_grad()
        F.cross_entropy(m(x), labels).backward()
        opt.step()
with torch.no_grad():
    probs = torch.stack([F.softmax(m(x), dim=1) for m in members])
    ens = probs.mean(0)
print(probs.shape, ens.sum(1)[:3])
for i, p in enumerate(probs):
    print(i, f"{F.nll_loss(p.log(), labels).item():.4f}", (p.argmax(1) == labels).float().mean().item())
print("ensemble", f"{F.nll_loss(ens.log(), labels).item():.4f}", (ens.argmax(1) == labels).float().mean().item())
ens.requires_grad, probs.grad_fn

# %%
torch.manual_seed(3)
signal = torch.sin(torch.linspace(0, 6.28, 16)).repeat(8, 1)
aug = signal + 0.1 * torch.randn_like(signal)
shift = torch.roll(aug, shifts=3, dims=1)
flipped = torch.flip(aug, dims=[1])
print(aug.shape, shift[0, :4], flipped[0, -3:], torch.allclose(torch.roll(shift, -3, 1), aug))
print(aug.std(dim=1)[:3], (aug - signal).abs().max() < 0.5)

# %%
torch.manual_seed(4)
model = make()
opt = torch.optim.SGD(model.parameters(), lr=0.05)
x_val, y_val = x[15:], y[15:]
best, best_state, patience, bad = float("inf"), None, 2, 0
for epoch in range(30):
    opt.zero_grad()
    F.mse_loss(model(x[:15]), y[:15]).backward()
    opt.step()
    with torch.no_grad():
        val = F.mse_loss(model(x_val), y_val).item()
    if val < best - 1e-4:
        best, best_state, bad = val, copy.deepcopy(model.state_dict()), 0
    else:
        bad += 1
        if bad >= patience:
            print("stopping at epoch", epoch)
            break
print(f"best {best:.4f}", list(best_state.keys()), best_state["0.weight"].requires_grad)
print(model.load_state_dict(best_state))
try:
    model.load_state_dict({"0.weight": torch.zeros(8, 4)})
except Exception as e:
    print(type(e).__name__, e)
print(model.load_state_dict({"0.weight": torch.zeros(8, 4)}, strict=False))
