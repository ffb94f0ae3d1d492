# Imitates "extract intermediate features with forward hooks" tutorials: hooks on named modules, removing handles,
# forward pre-hooks that change input, hooks with kwargs, with_kwargs/always_call, activation statistics.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 3))
features = {}
def get_activation(name):
    def hook(module, inp, out):
        features[name] = out.detach()
    return hook
handles = [m.register_forward_hook(get_activation(n)) for n, m in model.named_modules()
           if isinstance(m, (nn.Conv2d, nn.Linear))]
out = model(torch.randn(2, 1, 8, 8))
for k, v in features.items():
    print(k, tuple(v.shape), round(v.mean().item(), 4), round(v.std().item(), 4))
print(handles[0])

# %%
for h in handles:
    h.remove()
features.clear()
model(torch.randn(1, 1, 8, 8))
print(features, len(model[0]._forward_hooks))

# %%
def scale_input(module, args):
    return (args[0] * 2,)
h = model[0].register_forward_pre_hook(scale_input)
x = torch.ones(1, 1, 8, 8)
a = model(x)
h.remove()
b = model(x * 2)
print(torch.allclose(a, b))

def replace_out(module, inp, out):
    return out.clamp(max=0.1)
h = model[7].register_forward_hook(replace_out)
print(model(x))
h.remove()

# %%
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(3, 3)
    def forward(self, x, scale=1.0):
        return self.lin(x) * scale
blk = Block()
def pre(module, args, kwargs):
    print("pre", len(args), kwargs)
    kwargs["scale"] = 0.0
    return args, kwargs
def post(module, args, kwargs, out):
    print("post", kwargs, out.abs().sum().item())
blk.register_forward_pre_hook(pre, with_kwargs=True)
blk.register_forward_hook(post, with_kwargs=True)
print(blk(torch.ones(1, 3), scale=3.0))

# %%
stats = []
def act_stats(m, i, o):
    stats.append((type(m).__name__, round(o.mean().item(), 4), round((o == 0).float().mean().item(), 4)))
deep = nn.Sequential(*[nn.Sequential(nn.Linear(16, 16), nn.Tanh()) for _ in range(4)])
for m in deep.modules():
    if isinstance(m, nn.Tanh):
        m.register_forward_hook(act_stats)
deep(torch.randn(32, 16))
print(stats)
print(deep[0][1]._forward_hooks.keys().__class__.__name__, len(deep[0][1]._forward_hooks))
