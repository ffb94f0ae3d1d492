# Imitates mode-connectivity labs (Garipov et al. "Loss surfaces, mode connectivity", Goodfellow's linear
# interpolation plots): two models trained from different seeds, linear interpolation of their state_dicts,
# the loss barrier along the path, a quadratic Bezier curve with a trainable bend point via functional_call,
# and the state_dict / load_state_dict details learners trip over.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call

torch.manual_seed(0)
X = torch.randn(80, 2)
y = (X.pow(2).sum(1) > 1.0).long()

def make(seed):
    torch.manual_seed(seed)
    m = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
    opt = torch.optim.SGD(m.parameters(), lr=0.5, momentum=0.9)
    for _ in range(40):
        opt.zero_grad()
        F.cross_entropy(m(X), y).backward()
        opt.step()
    return m

mA, mB = make(1), make(2)
with torch.no_grad():
    print(F.cross_entropy(mA(X), y), F.cross_entropy(mB(X), y))
    print((mA(X).argmax(1) == y).float().mean(), (mB(X).argmax(1) == y).sum())

# %%
sdA, sdB = mA.state_dict(), mB.state_dict()
print(type(sdA).__name__, list(sdA)[:2], sdA["0.bias"].is_leaf, sdA["0.bias"].requires_grad)
mid = copy.deepcopy(mA)
ts = torch.linspace(0, 1, 6)
path = []
for t in ts:
    sd = {k: torch.lerp(sdA[k], sdB[k], t) for k in sdA}
    mid.load_state_dict(sd)
    with torch.no_grad():
        path.append(F.cross_entropy(mid(X), y))
path = torch.stack(path)
print(ts, path)
barrier = path.max() - torch.maximum(path[0], path[-1])
print(barrier, path.argmax())
print(torch.lerp(sdA["2.bias"], sdB["2.bias"], 0.25), (1 - 0.25) * sdA["2.bias"] + 0.25 * sdB["2.bias"])
w = torch.tensor(0.3)
print(torch.lerp(torch.zeros(3), torch.ones(3), w), torch.lerp(torch.zeros(2), torch.tensor([2.0, 4.0]), torch.tensor([0.5, 0.25])))

# %%
# a quadratic Bezier curve A -> theta -> B with a trainable bend
pA = {k: v.detach() for k, v in mA.named_parameters()}
pB = {k: v.detach() for k, v in mB.named_parameters()}
bend = {k: ((pA[k] + pB[k]) / 2).clone().requires_grad_(True) for k in pA}
opt = torch.optim.Adam(bend.values(), lr=0.05)
torch.manual_seed(3)
for step in range(15):
    t = torch.rand(())
    curve = {k: (1 - t) ** 2 * pA[k] + 2 * t * (1 - t) * bend[k] + t ** 2 * pB[k] for k in pA}
    loss = F.cross_entropy(functional_call(mA, curve, (X,)), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, t, loss)
print(loss.grad_fn.name(), bend["0.weight"].grad.shape, bend["2.bias"].grad)
with torch.no_grad():
    along = []
    for t in ts:
        curve = {k: (1 - t) ** 2 * pA[k] + 2 * t * (1 - t) * bend[k] + t ** 2 * pB[k] for k in pA}
        along.append(F.cross_entropy(functional_call(mA, curve, (X,)), y).item())
print([round(a, 5) for a in along])
print(mA[0].weight.requires_grad, torch.equal(mA[0].weight, pA["0.weight"]))

# %%
# state_dict details: keep_vars, views shared with the parameters, clone before interpolating in place
sd_live = mA.state_dict()
print(sd_live["0.weight"].data_ptr() == mA[0].weight.data_ptr())
sd_vars = mA.state_dict(keep_vars=True)
print(type(sd_vars["0.weight"]).__name__, sd_vars["0.weight"].requires_grad)
saved = {k: v.clone() for k, v in mA.state_dict().items()}
with torch.no_grad():
    for p in mA.parameters():
        p.mul_(0.5)
print(torch.equal(sd_live["0.bias"], mA[0].bias), torch.equal(saved["0.bias"], mA[0].bias))
r = mA.load_state_dict(saved)
print(r, torch.equal(saved["0.bias"], mA[0].bias))
try:
    mA.load_state_dict({k: v for k, v in saved.items() if k != "2.bias"})
except RuntimeError as e:
    print(e)
print(mA.load_state_dict({k: v for k, v in saved.items() if k != "2.bias"}, strict=False))
try:
    mA.load_state_dict({**saved, "0.weight": saved["0.weight"].double().T})
except RuntimeError as e:
    print(e)
mA.load_state_dict({**saved, "0.weight": saved["0.weight"].double()})
print(mA[0].weight.dtype)
try:
    mA.load_state_dict(saved, assign=True)
    print(mA[0].weight.requires_grad, type(mA[0].weight).__name__)
except Exception as e:
    print(type(e).__name__, e)
