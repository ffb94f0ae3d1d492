# Imitates fast.ai course part 2 (2022-23) lesson 16-17 notebooks "10_activations.ipynb" / "11_initializing.ipynb":
# forward hooks registered by hand, a Hook class with partial and a context-managed Hooks list, the HooksCallback /
# ActivationStats pair (means, stds, abs().histc(40, 0, 10) per batch, color_dim's log1p image and dead_chart's
# fraction near zero), hooks given keyword arguments (with_kwargs) and a forward pre-hook, handles removed twice.
from functools import partial
import torch
from torch import nn
import torch.nn.functional as F

# %%
torch.set_printoptions(precision=3, linewidth=140, sci_mode=False)
def conv(ni, nf, ks=3, act=True):
    res = nn.Conv2d(ni, nf, stride=2, kernel_size=ks, padding=ks // 2)
    if act: res = nn.Sequential(res, nn.ReLU())
    return res
def cnn_layers():
    return [conv(1, 4), conv(4, 8), conv(8, 16), conv(16, 10, act=False), nn.Flatten()]
torch.manual_seed(0)
xb, yb = torch.randn(12, 1, 16, 16), torch.randint(0, 10, (12,))
class SequentialModel(nn.Module):
    def __init__(self, *layers):
        super().__init__()
        self.layers = nn.ModuleList(layers)
        self.act_means = [[] for _ in layers]
        self.act_stds = [[] for _ in layers]
    def __call__(self, x):
        for i, l in enumerate(self.layers):
            x = l(x)
            self.act_means[i].append(x.mean().item())
            self.act_stds[i].append(x.std().item())
        return x
    def __iter__(self): return iter(self.layers)
torch.manual_seed(1)
model = SequentialModel(*cnn_layers())
opt = torch.optim.SGD(model.parameters(), lr=0.5)
for i in range(3):
    loss = F.cross_entropy(model(xb), yb); loss.backward(); opt.step(); opt.zero_grad()
print([[round(m, 3) for m in ms] for ms in model.act_means[:4]])
print(len(list(model.parameters())), sum(p.numel() for p in model.parameters()))

# %%
torch.manual_seed(1)
model = nn.Sequential(*cnn_layers())
act_means = [[] for _ in model]
act_stds = [[] for _ in model]
def append_stats(i, mod, inp, outp):
    act_means[i].append(outp.detach().mean())
    act_stds[i].append(outp.detach().std())
handles = [m.register_forward_hook(partial(append_stats, i)) for i, m in enumerate(model)]
model(xb); model(xb)
print(torch.stack(act_means[0]), torch.tensor(act_stds[2]))
print(type(handles[0]).__name__, handles[0].id >= 0, len(model[0]._forward_hooks))
for h in handles: h.remove()
handles[0].remove()
print(len(model[0]._forward_hooks))

# %%
class Hook():
    def __init__(self, m, f): self.hook = m.register_forward_hook(partial(f, self))
    def remove(self): self.hook.remove()
    def __del__(self): self.remove()
class Hooks(list):
    def __init__(self, ms, f): super().__init__([Hook(m, f) for m in ms])
    def __enter__(self, *args): return self
    def __exit__(self, *args): self.remove()
    def __del__(self): self.remove()
    def __delitem__(self, i):
        self[i].remove()
        super().__delitem__(i)
    def remove(self):
        for h in self: h.remove()
def append_stats(hook, mod, inp, outp):
    if not hasattr(hook, 'stats'): hook.stats = ([], [], [])
    acts = outp.detach().cpu()
    hook.stats[0].append(acts.mean())
    hook.stats[1].append(acts.std())
    hook.stats[2].append(acts.abs().histc(40, 0, 10))
def get_hist(h): return torch.stack(h.stats[2]).t().float().log1p()
def get_min(h):
    h1 = torch.stack(h.stats[2]).t().float()
    return h1[0] / h1.sum(0)
torch.manual_seed(2)
model = nn.Sequential(*cnn_layers())
opt = torch.optim.SGD(model.parameters(), lr=0.3)
with Hooks(model[:4], append_stats) as hooks:
    for i in range(4):
        loss = F.cross_entropy(model(xb), yb); loss.backward(); opt.step(); opt.zero_grad()
    del hooks[3]
    print(len(hooks), [len(m._forward_hooks) for m in model])
    for h in hooks: print(torch.stack(h.stats[0]), torch.stack(h.stats[1]))
    print(get_hist(hooks[0]).shape, get_hist(hooks[0])[:3], get_min(hooks[1]))
print([len(m._forward_hooks) for m in model])

# %%
class Callback(): order = 0
class HooksCallback(Callback):
    def __init__(self, hookfunc, mod_filter=lambda m: True, on_train=True, on_valid=False, mods=None):
        self.hookfunc, self.mod_filter, self.mods = hookfunc, mod_filter, mods
        self.on_train, self.on_valid = on_train, on_valid
        super().__init__()
    def before_fit(self, model):
        if self.mods: mods = self.mods
        else: mods = [m for m in model.modules() if self.mod_filter(m)]
        self.hooks = Hooks(mods, partial(self._hookfunc, model))
    def _hookfunc(self, model, *args, **kwargs):
        if (self.on_train and model.training) or (self.on_valid and not model.training): self.hookfunc(*args, **kwargs)
    def after_fit(self, model): self.hooks.remove()
    def __iter__(self): return iter(self.hooks)
    def __len__(self): return len(self.hooks)
def fc_filter(m): return isinstance(m, nn.Conv2d)
torch.manual_seed(3)
model = nn.Sequential(*cnn_layers())
astats = HooksCallback(append_stats, mod_filter=fc_filter)
astats.before_fit(model)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for i in range(3):
    model.train(); loss = F.cross_entropy(model(xb), yb); loss.backward(); opt.step(); opt.zero_grad()
    model.eval(); model(xb)
astats.after_fit(model)
print(len(astats), [len(h.stats[0]) for h in astats])
print([f"{get_min(h)[-1]:.3f}" for h in astats], torch.stack(astats.hooks[0].stats[2]).sum(1))

# %%
torch.manual_seed(4)
lin = nn.Linear(3, 2)
def pre(mod, args, kwargs):
    print("pre", [a.shape for a in args], sorted(kwargs))
    return None
def post(mod, args, kwargs, out):
    print("post", type(out).__name__, kwargs)
    return out * 0 + 1
h1 = lin.register_forward_pre_hook(pre, with_kwargs=True)
h2 = lin.register_forward_hook(post, with_kwargs=True)
print(lin(torch.ones(1, 3)))
try: lin(torch.ones(1, 3), scale=2)
except Exception as e: print(type(e).__name__, e)
h1.remove(); h2.remove()
h3 = lin.register_forward_pre_hook(lambda m, a: (a[0] * 2,))
h4 = lin.register_forward_hook(lambda m, a, o: None, prepend=True)
print(lin(torch.ones(1, 3)), list(lin._forward_pre_hooks) == [h3.id])
with h3: pass
print(len(lin._forward_pre_hooks), len(lin._forward_hooks))
try: lin.register_forward_hook(lambda m, a, o: None, bogus=True)
except Exception as e: print(type(e).__name__, e)
