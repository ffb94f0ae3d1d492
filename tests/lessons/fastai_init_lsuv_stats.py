# Imitates fast.ai course part 2 (2022) lesson 17 "Initialization" notebooks: the variance of activations through
# deep matmuls, Glorot / Kaiming by hand and with nn.init, GeneralRelu, ActivationStats through forward hooks
# (means, stds, histograms with histc, "dead" fraction), and LSUV initialisation.
import math
from functools import partial
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(42)
x = torch.randn(200, 100)
for i in range(50): x = x @ torch.randn(100, 100)
print(x[0:5, 0:5])
x = torch.randn(200, 100)
for i in range(50): x = x @ (torch.randn(100, 100) * 0.01)
print(x[0:5, 0:5])
x = torch.randn(200, 100)
for i in range(50): x = x @ (torch.randn(100, 100) * 0.1)
print(x[0:3, 0:3], x.std())

# %%
def stats(x): return f"mean {x.mean():.4f} std {x.std():.4f}"
torch.manual_seed(0)
x = torch.randn(256, 100)
w1 = torch.randn(100, 50) * math.sqrt(2 / 100)
b1 = torch.zeros(50)
def lin(x, w, b): return x @ w + b
def relu(x): return x.clamp_min(0.)
t = relu(lin(x, w1, b1))
print(stats(t))
w1 = torch.zeros(100, 50)
nn.init.kaiming_normal_(w1.T)
print(stats(relu(lin(x, w1, b1))))
w = torch.empty(50, 100)
print(stats(nn.init.kaiming_uniform_(w, a=math.sqrt(5))), stats(nn.init.xavier_normal_(torch.empty(50, 100))))
print(nn.init.calculate_gain('leaky_relu', 0.1), nn.init.calculate_gain('tanh'), nn.init.calculate_gain('selu'))

# %%
class GeneralRelu(nn.Module):
    def __init__(self, leak=None, sub=None, maxv=None):
        super().__init__()
        self.leak, self.sub, self.maxv = leak, sub, maxv
    def forward(self, x):
        x = F.leaky_relu(x, self.leak) if self.leak is not None else F.relu(x)
        if self.sub is not None: x -= self.sub
        if self.maxv is not None: x.clamp_(max=self.maxv)
        return x
act = GeneralRelu(leak=0.1, sub=0.4, maxv=1.5)
xs = torch.linspace(-4, 4, 9)
print(act(xs))
print(act)

# %%
def conv(ni, nf, ks=3, stride=2, act=nn.ReLU):
    res = nn.Conv2d(ni, nf, stride=stride, kernel_size=ks, padding=ks // 2)
    if act: res = nn.Sequential(res, act())
    return res
def get_model(act=nn.ReLU, nfs=None):
    if nfs is None: nfs = [1, 4, 8, 16]
    layers = [conv(nfs[i], nfs[i + 1], act=act) for i in range(len(nfs) - 1)]
    return nn.Sequential(*layers, conv(nfs[-1], 10, act=None), nn.Flatten()).to('cpu')
def init_weights(m, leaky=0.):
    if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Conv3d, nn.Linear)): nn.init.kaiming_normal_(m.weight, a=leaky)
torch.manual_seed(1)
act_gr = partial(GeneralRelu, leak=0.1, sub=0.4)
model = get_model(act_gr)
model.apply(partial(init_weights, leaky=0.1))
print(model)

# %%
class Hook():
    def __init__(self, m, f): self.hook = m.register_forward_hook(partial(f, self))
    def remove(self): self.hook.remove()
    def __del__(self): self.remove()
def append_stats(hook, mod, inp, outp):
    if not hasattr(hook, 'stats'): hook.stats = ([], [], [])
    acts = outp.detach().cpu()
    hook.stats[0].append(acts.mean())
    hook.stats[1].append(acts.std())
    hook.stats[2].append(acts.abs().histc(40, 0, 10))
class Hooks(list):
    def __init__(self, ms, f): super().__init__([Hook(m, f) for m in ms])
    def __enter__(self, *args): return self
    def __exit__ (self, *args): self.remove()
    def __del__(self): self.remove()
    def __delitem__(self, i):
        self[i].remove()
        super().__delitem__(i)
    def remove(self):
        for h in self: h.remove()
torch.manual_seed(2)
xb = torch.randn(16, 1, 28, 28)
yb = torch.randint(0, 10, (16,))
opt = torch.optim.SGD(model.parameters(), lr=0.2)
with Hooks(model, append_stats) as hooks:
    for it in range(4):
        loss = F.cross_entropy(model(xb), yb)
        loss.backward(); opt.step(); opt.zero_grad()
    for h in hooks[:-1]:
        print([f"{m:.3f}" for m in h.stats[0]], [f"{s:.3f}" for s in h.stats[1]])
    h = hooks[0].stats[2][-1]
    print(h.shape, h.sum(), h[:4])
    def get_min(h):
        h1 = torch.stack(h.stats[2]).t().float()
        return h1[0] / h1.sum(0)
    print([get_min(h)[-1].item() for h in hooks[:-1]])
print([len(m._forward_hooks) for m in model])

# %%
def _lsuv_stats(hook, mod, inp, outp):
    acts = outp.detach().cpu()
    hook.mean = acts.mean()
    hook.std = acts.std()
def lsuv_init(m, m_in, xb):
    h = Hook(m, _lsuv_stats)
    with torch.no_grad():
        while model(xb) is not None and (abs(h.std - 1) > 1e-3 or abs(h.mean) > 1e-3):
            m_in.bias -= h.mean
            m_in.weight.data /= h.std
    h.remove()
torch.manual_seed(3)
model = get_model(act_gr)
relus = [o for o in model.modules() if isinstance(o, GeneralRelu)]
convs = [o for o in model.modules() if isinstance(o, nn.Conv2d)]
for ms in zip(relus, convs): lsuv_init(*ms, xb)
with torch.no_grad():
    out = xb
    for layer in model[:-2]:
        out = layer(out)
        print(f"{out.mean().item():.4f} {out.std().item():.4f}")

# %%
print(torch.histc(torch.tensor([1., 2, 1, 4, 2.5]), bins=4, min=0, max=3))
print(torch.histc(torch.tensor([1., 2, 1]), bins=4), torch.histc(torch.randn(100), bins=5, min=-1, max=1).sum())
hist, edges = torch.histogram(torch.tensor([1., 2, 1, 4, 2.5]), bins=4, range=(0., 4.))
print(hist, edges)
print(torch.histogram(torch.tensor([1., 2, 1]), bins=torch.tensor([0., 1., 2., 3.]), density=True))
