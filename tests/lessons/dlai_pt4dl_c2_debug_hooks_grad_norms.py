# Imitates DeepLearning.AI's "PyTorch for Deep Learning" professional certificate (Coursera, 2025), course 2
# (techniques and ecosystem tools), the debugging lab: forward hooks that print each layer's activation statistics,
# full backward hooks and Tensor.register_hook to print gradients, gradient norms per layer after backward, a deep
# sigmoid network against a ReLU one to show vanishing gradients, clip_grad_norm_ and its returned total norm, a
# learning-rate sweep where the largest rate diverges to nan/inf, and hooks removed through their handles.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(10, 8),
    nn.ReLU(),
    nn.Linear(8, 4),
    nn.ReLU(),
    nn.Linear(4, 2),
)
activations = {}

def get_activation(name):
    def hook(module, input, output):
        activations[name] = output.detach()
        print(f"{name} ({module.__class__.__name__}): shape={tuple(output.shape)}, "
              f"mean={output.mean().item():.4f}, std={output.std().item():.4f}, "
              f"zeros={(output == 0).float().mean().item():.2%}")
    return hook

handles = []
for name, layer in model.named_children():
    handles.append(layer.register_forward_hook(get_activation(name)))
x = torch.randn(5, 10)
out = model(x)
print(sorted(activations), activations["4"].shape, len(handles))
print(type(handles[0]).__name__, model[0]._forward_hooks.keys() == {handles[0].id})
for h in handles:
    h.remove()
model(x)
print(len(model[0]._forward_hooks))

# %%
grads = {}
def backward_hook(module, grad_input, grad_output):
    print(f"{module.__class__.__name__}: grad_output {[None if g is None else tuple(g.shape) for g in grad_output]}, "
          f"grad_input {[None if g is None else tuple(g.shape) for g in grad_input]}")
    grads[module] = grad_output[0].norm().item()

bh = [m.register_full_backward_hook(backward_hook) for m in model if isinstance(m, nn.Linear)]
x = torch.randn(5, 10, requires_grad=True)
out = model(x)
loss = out.pow(2).mean()
loss.backward()
print(len(grads), [round(v, 4) for v in grads.values()])
for h in bh:
    h.remove()

h = out.register_hook(lambda g: print("grad wrt output:", g.shape, g.abs().sum()))
z = model(x)
z.register_hook(lambda g: g * 0)
z.sum().backward()
print(model[0].weight.grad.abs().sum())
print(x.grad.shape, z.grad, z.is_leaf)

# %%
def print_grad_norms(model):
    total = 0.0
    for name, param in model.named_parameters():
        if param.grad is not None:
            norm = param.grad.norm(2).item()
            total += norm ** 2
            print(f"{name:12s} grad norm: {norm:.6f}")
        else:
            print(f"{name:12s} grad: None")
    print(f"Total gradient norm: {math.sqrt(total):.6f}")

model.zero_grad()
print(model[0].weight.grad)
loss = F.mse_loss(model(torch.randn(5, 10)), torch.randn(5, 2))
loss.backward()
print_grad_norms(model)
frozen = nn.Linear(3, 3)
frozen.weight.requires_grad_(False)
frozen(torch.randn(2, 3)).sum().backward()
print_grad_norms(frozen)

# %%
def make_deep(activation, depth=8, width=16):
    layers = []
    for _ in range(depth):
        layers += [nn.Linear(width, width), activation()]
    layers.append(nn.Linear(width, 1))
    return nn.Sequential(*layers)

for act in [nn.Sigmoid, nn.ReLU, nn.Tanh]:
    torch.manual_seed(1)
    net = make_deep(act)
    inp = torch.randn(32, 16)
    loss = F.mse_loss(net(inp), torch.randn(32, 1))
    loss.backward()
    norms = [net[i].weight.grad.norm().item() for i in range(0, len(net), 2)]
    print(f"{act.__name__:8s} first layer {norms[0]:.2e}  last hidden {norms[-2]:.2e}  "
          f"ratio {norms[0] / norms[-2]:.3e}")
print(net[1], make_deep(nn.Sigmoid, depth=1))

# %%
torch.manual_seed(2)
net = make_deep(nn.ReLU, depth=2)
loss = (net(torch.randn(8, 16)) * 100).pow(2).mean()
loss.backward()
total_norm = torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)
print(f"Gradient norm before clipping: {total_norm:.4f}")
after = torch.sqrt(sum(p.grad.pow(2).sum() for p in net.parameters()))
print(f"Gradient norm after clipping: {after:.4f}", total_norm.dtype, total_norm.shape)
print(torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=0.5, norm_type="inf"))
torch.nn.utils.clip_grad_value_(net.parameters(), clip_value=0.01)
print(max(p.grad.abs().max().item() for p in net.parameters()))
net[0].weight.grad[0, 0] = float("nan")
try:
    torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0, error_if_nonfinite=True)
except Exception as e:
    print(type(e).__name__, e)
print(torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0))

# %%
torch.manual_seed(4)
X = torch.randn(64, 3)
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.1 * torch.randn(64, 1)
results = {}
for lr in [1e-3, 1e-2, 1e-1, 1.0, 5.0]:
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
    opt = optim.SGD(net.parameters(), lr=lr)
    for step in range(40):
        opt.zero_grad()
        loss = F.mse_loss(net(X), y)
        loss.backward()
        opt.step()
    results[lr] = loss.item()
    status = "diverged" if not math.isfinite(loss.item()) else "ok"
    print(f"lr={lr:<6} final loss={loss.item():.4f} ({status})")
best_lr = min((v, k) for k, v in results.items() if math.isfinite(v))[1]
print(f"Best learning rate: {best_lr}", loss, torch.isfinite(loss))
