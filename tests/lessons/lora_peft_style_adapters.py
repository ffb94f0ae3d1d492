# Imitates Sebastian Raschka's "Code LoRA from Scratch" / the HF PEFT LoRA walkthroughs: LinearWithLoRA wrapping a
# frozen nn.Linear (kaiming A, zero B, alpha / rank scaling), swapping layers in with setattr over named_modules,
# counting trainable parameters, an optimizer over the adapters only, merging B @ A into the base weight under
# no_grad, LoRA as a torch.nn.utils.parametrize parametrization (Umar Jamil's video), and DoRA's magnitude vector.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.parametrize as parametrize

torch.manual_seed(123)
class LoRALayer(nn.Module):
    def __init__(self, in_dim, out_dim, rank, alpha):
        super().__init__()
        self.A = nn.Parameter(torch.empty(in_dim, rank))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
        self.B = nn.Parameter(torch.zeros(rank, out_dim))
        self.alpha = alpha
        self.rank = rank

    def forward(self, x):
        return self.alpha / self.rank * (x @ self.A @ self.B)

    def extra_repr(self):
        return f"rank={self.rank}, alpha={self.alpha}"

class LinearWithLoRA(nn.Module):
    def __init__(self, linear, rank, alpha):
        super().__init__()
        self.linear = linear
        self.lora = LoRALayer(linear.in_features, linear.out_features, rank, alpha)

    def forward(self, x):
        return self.linear(x) + self.lora(x)

model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3))
x = torch.randn(4, 6)
before = model(x)
print(model[0].weight.shape, sum(p.numel() for p in model.parameters() if p.requires_grad))

# %%
for p in model.parameters():
    p.requires_grad = False
for name, module in list(model.named_children()):
    if isinstance(module, nn.Linear):
        setattr(model, name, LinearWithLoRA(module, rank=2, alpha=4))
print(model)
print("Total trainable parameters:", sum(p.numel() for p in model.parameters() if p.requires_grad))
print(torch.equal(model(x), before))
print([n for n, p in model.named_parameters() if p.requires_grad])

# %%
opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=0.05, weight_decay=0.01)
y = torch.tensor([0, 2, 1, 1])
for step in range(3):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4), model[0].linear.weight.grad, model[0].lora.B.grad.abs().sum() > 0)

# %%
try:
    torch.optim.SGD(model[0].linear.parameters(), lr=0.1).step()
    print("ok frozen SGD")
except Exception as e:
    print(type(e).__name__, e)
for make in [
    lambda: torch.optim.SGD([model[0].lora.A * 2], lr=0.1),
    lambda: torch.optim.SGD([], lr=0.1),
    lambda: torch.optim.SGD(model[0].lora.A, lr=0.1),
    lambda: torch.optim.AdamW([model[0].lora.A, model[0].lora.A], lr=0.1),
]:
    try:
        out = make()
        print("ok", type(out).__name__)
    except Exception as e:
        print(type(e).__name__, e)

# %%
layer = model[2]
with torch.no_grad():
    merged = nn.Linear(8, 8)
    delta = (layer.lora.alpha / layer.lora.rank) * (layer.lora.A @ layer.lora.B)
    merged.weight.copy_(layer.linear.weight + delta.T)
    merged.bias.copy_(layer.linear.bias)
h = torch.randn(2, 8)
print(torch.allclose(merged(h), layer(h), atol=1e-6), merged.weight.requires_grad)
try:
    layer.linear.weight += delta.T
    print("ok frozen in-place")
except Exception as e:
    print(type(e).__name__, e)
try:
    layer.lora.A += 1
except Exception as e:
    print(type(e).__name__, e)

# %%
# LoRA as a parametrization of the frozen weight
class LoRAParametrization(nn.Module):
    def __init__(self, features_in, features_out, rank=1, alpha=1):
        super().__init__()
        self.lora_A = nn.Parameter(torch.zeros((rank, features_out)))
        self.lora_B = nn.Parameter(torch.zeros((features_in, rank)))
        nn.init.normal_(self.lora_A, mean=0, std=1)
        self.scale = alpha / rank
        self.enabled = True

    def forward(self, original_weights):
        if self.enabled:
            return original_weights + torch.matmul(self.lora_B, self.lora_A).view(original_weights.shape) * self.scale
        return original_weights

net = nn.Linear(5, 4)
parametrize.register_parametrization(net, "weight", LoRAParametrization(*net.weight.shape, rank=2, alpha=2))
for name, p in net.named_parameters():
    if "lora" not in name:
        p.requires_grad = False
print([(n, tuple(p.shape), p.requires_grad) for n, p in net.named_parameters()])
with torch.no_grad():
    net.parametrizations.weight[0].lora_B.fill_(0.1)
print(net.weight[0], net.parametrizations.weight.original[0])
net.parametrizations.weight[0].enabled = False
print(torch.equal(net.weight, net.parametrizations.weight.original))
net.parametrizations.weight[0].enabled = True
out = net(torch.ones(1, 5)).sum()
out.backward()
print(net.parametrizations.weight[0].lora_A.grad, net.parametrizations.weight.original.grad)
w_eff = net.weight.detach().clone()
parametrize.remove_parametrizations(net, "weight")
print(torch.allclose(net.weight, w_eff), net.weight.requires_grad, [n for n, _ in net.named_parameters()])

# %%
# DoRA: a magnitude vector times the column-normalised (W + BA)
class DoRA(nn.Module):
    def __init__(self, linear, rank=2, alpha=2):
        super().__init__()
        self.linear = linear.requires_grad_(False)
        self.m = nn.Parameter(linear.weight.norm(p=2, dim=0, keepdim=True))
        self.lora = LoRALayer(linear.in_features, linear.out_features, rank, alpha)

    def forward(self, x):
        lora = self.lora.A @ self.lora.B
        combined = self.linear.weight + self.lora.alpha / self.lora.rank * lora.T
        column_norm = combined.norm(p=2, dim=0, keepdim=True)
        return F.linear(x, self.m * (combined / column_norm), self.linear.bias)

d = DoRA(nn.Linear(4, 3))
print(d.m.shape, [n for n, p in d.named_parameters() if p.requires_grad])
z = torch.randn(2, 4)
print(torch.allclose(d(z), d.linear(z), atol=1e-6))
d(z).pow(2).sum().backward()
print(d.m.grad.shape, d.lora.A.grad.abs().sum() == 0, d.lora.B.grad.abs().sum() > 0)
