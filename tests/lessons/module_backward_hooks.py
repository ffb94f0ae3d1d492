# Imitates the hook recipes of PyTorch's docs and blog posts on debugging training ("print the gradient norm of
# every layer", "clip a layer's incoming gradient", "find where gradients vanish"): register_full_backward_hook,
# register_full_backward_pre_hook, the deprecated register_backward_hook, get_submodule, removing handles.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(42)
model = nn.Sequential(
    nn.Linear(8, 16), nn.Tanh(),
    nn.Linear(16, 16), nn.Tanh(),
    nn.Linear(16, 1),
)
X = torch.randn(32, 8)
y = torch.randn(32, 1)
model

# %%
grad_norms = {}

def make_hook(name):
    def hook(module, grad_input, grad_output):
        grad_norms[name] = grad_output[0].norm().item()
        print(f"{name:10s} {type(module).__name__:8s} grad_output norm {grad_output[0].norm():.4f}")
    return hook

handles = [m.register_full_backward_hook(make_hook(name)) for name, m in model.named_children()]
loss = F.mse_loss(model(X), y)
loss.backward()
print(loss)

# %%
sorted(grad_norms.items())

# %%
for h in handles:
    h.remove()
model.zero_grad()
F.mse_loss(model(X), y).backward()
len(grad_norms), model[0].weight.grad.norm()

# %%
# scale the gradient that reaches the first layer from above
def halve(module, grad_output):
    return tuple(g * 0.5 for g in grad_output)

h = model.get_submodule("2").register_full_backward_pre_hook(halve)
model.zero_grad()
F.mse_loss(model(X), y).backward()
h.remove()
model[0].weight.grad.norm(), model[4].weight.grad.norm()

# %%
# clip what a layer sends to its input
def clip_input(module, grad_input, grad_output):
    return tuple(None if g is None else g.clamp(-0.01, 0.01) for g in grad_input)

x = X.clone().requires_grad_()
h = model[0].register_full_backward_hook(clip_input)
F.mse_loss(model(x), y).backward()
h.remove()
x.grad.abs().max(), x.grad.shape

# %%
out = model(x)
out.grad_fn, model[0](x).grad_fn

# %%
h = model[0].register_full_backward_hook(lambda m, gi, go: print("hooked", len(gi), len(go)))
out = model(x)
print(out.grad_fn)
print(model[0](x).grad_fn)
out.sum().backward()
h.remove()

# %%
# the old API still works on a single layer, with PyTorch's warning
lin = nn.Linear(4, 2)
lin.register_backward_hook(lambda m, gi, go: print("old hook:", [None if g is None else tuple(g.shape) for g in gi]))
lin(torch.randn(3, 4, requires_grad=True)).sum().backward()

# %%
lin.register_full_backward_hook(lambda m, gi, go: None)

# %%
model.get_submodule("4"), model.get_submodule("5")
