# Imitates fastbook chapter 5 "Image Classification": activations of a 3s-vs-7s model as a tensor of acts, sigmoid of
# the difference vs softmax, softmax and log_softmax written by hand vs torch, sm_acts[idx, targ] with idx = range(6),
# F.nll_loss on -sm_acts and on log_softmax, nn.CrossEntropyLoss with reduction='none', exp/log identities, and the
# learning-rate finder loop (exponentially growing lr, smoothed loss, stop when it blows up).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import tensor

# %%
torch.manual_seed(42)
acts = torch.randn((6, 2)) * 2
acts

# %%
print(acts.sigmoid())
print((acts[:, 0] - acts[:, 1]).sigmoid())

# %%
def softmax(x): return torch.exp(x) / torch.exp(x).sum(dim=1, keepdim=True)
sm_acts = torch.softmax(acts, dim=1)
print(sm_acts)
print(softmax(acts))
print(torch.allclose(softmax(acts), sm_acts))
print(sm_acts.sum(1))

# %%
targ = tensor([0, 1, 0, 1, 1, 0])
idx = range(6)
print(sm_acts[idx, targ])
print(sm_acts[list(idx), targ], sm_acts[torch.arange(6), targ])

# %%
print(-sm_acts[idx, targ])
print(F.nll_loss(sm_acts, targ, reduction='none'))
print(F.nll_loss(sm_acts, targ))

# %%
x = torch.linspace(0.01, 1, 5)
print(torch.log(x), x.log(), torch.log(tensor(0.)), torch.log(tensor(-1.)))
print(math.log(10) + math.log(5) - math.log(50))
print(torch.exp(torch.log(x)), torch.log(torch.exp(tensor([1., 50., 100.]))))

# %%
def log_softmax(x): return x - x.exp().sum(-1, keepdim=True).log()
def logsumexp(x):
    m = x.max(-1)[0]
    return m + (x - m[:, None]).exp().sum(-1).log()
print(log_softmax(acts))
print(torch.log_softmax(acts, -1), F.log_softmax(acts, dim=1).exp())
print(logsumexp(acts), acts.logsumexp(-1))
big = tensor([[100., 1000.], [0.5, -2000.]])
print(log_softmax(big), big.logsumexp(-1), logsumexp(big))

# %%
loss_func = nn.CrossEntropyLoss()
print(loss_func(acts, targ))
print(F.cross_entropy(acts, targ))
print(nn.CrossEntropyLoss(reduction='none')(acts, targ))
print(F.nll_loss(F.log_softmax(acts, -1), targ, reduction='sum'))
print(loss_func)

# %%
acts_r = acts.clone().requires_grad_()
loss = F.cross_entropy(acts_r, targ)
loss.backward()
print(loss.grad_fn, loss.grad_fn.next_functions)
print(acts_r.grad)
print((torch.softmax(acts, 1) - F.one_hot(targ, 2)) / 6)

# %%
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(F.softmax(acts), F.log_softmax(acts[0]))
    print(nn.Softmax()(acts[:2]))
print([(x.category.__name__, str(x.message)) for x in w])

# %%
for bad in [lambda: F.nll_loss(sm_acts, targ.float()),
            lambda: F.cross_entropy(acts, tensor([0, 1, 2, 1, 1, 0])),
            lambda: F.cross_entropy(acts, targ[:5]),
            lambda: F.nll_loss(sm_acts[0], targ),
            lambda: sm_acts[idx, tensor([0., 1, 0, 1, 1, 0])],
            lambda: F.cross_entropy(acts, targ.unsqueeze(1)),
            lambda: torch.softmax(acts, dim=2),
            lambda: torch.softmax(acts)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
probs = tensor([0.1, 0.6, 0.3])
print(F.cross_entropy(acts, F.softmax(acts * 3, -1)))
print(F.cross_entropy(acts, targ, label_smoothing=0.1))
print(-torch.log(probs), -probs.log().mean())

# %%
torch.manual_seed(0)
X = torch.randn(64, 10)
true_w = torch.randn(10, 3)
y = (X @ true_w).argmax(1)
model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.SGD(model.parameters(), lr=1e-5)
lrs, losses = [], []
lr, mult, avg_loss, beta, best = 1e-5, 1.5, 0., 0.98, float('inf')
for i in range(40):
    xb, yb = X[(i * 16) % 64:(i * 16) % 64 + 16], y[(i * 16) % 64:(i * 16) % 64 + 16]
    for g in opt.param_groups: g['lr'] = lr
    loss = F.cross_entropy(model(xb), yb)
    avg_loss = beta * avg_loss + (1 - beta) * loss.item()
    smoothed = avg_loss / (1 - beta**(i + 1))
    if smoothed > 4 * best or math.isnan(smoothed): break
    best = min(best, smoothed)
    lrs.append(lr); losses.append(round(smoothed, 3))
    opt.zero_grad(); loss.backward(); opt.step()
    lr *= mult
print(len(lrs), f"{lrs[-1]:.3g}", losses[::5])
print(opt.param_groups[0]['lr'] == lrs[-1], round(best, 3))

# %%
lr_min, lr_steep = lrs[losses.index(min(losses))] / 10, lrs[int(torch.tensor(losses).diff().argmin())]
print(f"Minimum/10: {lr_min:.2e}, steepest point: {lr_steep:.2e}")
t = torch.tensor(losses)
print(t.diff()[:4], t.argmin(), t.diff().argmin())
