# Imitates Sebastian Raschka's "LoRA from scratch" and the PEFT-style lessons: a LoRALayer with A initialised by
# kaiming_uniform_(a=sqrt(5)) and B by zeros, alpha/rank scaling, LinearWithLoRA wrapping a frozen nn.Linear,
# replacing layers in a model by name with setattr, counting trainable parameters, training only the adapters,
# merging the adapter into the weight (LinearWithLoRAMerged), and DoRA's magnitude/direction split.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class LoRALayer(nn.Module):
    def __init__(self, in_dim, out_dim, rank, alpha):
        super().__init__()
        self.A = nn.Parameter(torch.empty(in_dim, rank))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
        self.B = nn.Parameter(torch.zeros(rank, out_dim))
        self.alpha = alpha
        self.rank = rank
    def forward(self, x):
        x = (self.alpha / self.rank) * (x @ self.A @ self.B)
        return x

class LinearWithLoRA(nn.Module):
    def __init__(self, linear, rank, alpha):
        super().__init__()
        self.linear = linear
        self.lora = LoRALayer(linear.in_features, linear.out_features, rank, alpha)
    def forward(self, x):
        return self.linear(x) + self.lora(x)

torch.manual_seed(123)
layer = nn.Linear(10, 2)
x = torch.randn((1, 10))
print("Original output:", layer(x))
layer_lora_1 = LinearWithLoRA(layer, rank=2, alpha=4)
print("LoRA output:", layer_lora_1(x))
print(layer_lora_1.lora.A.shape, layer_lora_1.lora.A.std(), layer_lora_1)
layer_lora_1.lora.A[0]

# %%
class LinearWithLoRAMerged(nn.Module):
    def __init__(self, linear, rank, alpha):
        super().__init__()
        self.linear = linear
        self.lora = LoRALayer(linear.in_features, linear.out_features, rank, alpha)
    def forward(self, x):
        lora = self.lora.A @ self.lora.B
        combined_weight = self.linear.weight + self.lora.alpha * lora.T
        return F.linear(x, combined_weight, self.linear.bias)

torch.manual_seed(123)
layer_lora_2 = LinearWithLoRAMerged(layer, rank=2, alpha=4)
nn.init.normal_(layer_lora_2.lora.B, std=0.1)
out = layer_lora_2(x)
print("LoRA output:", out, out.grad_fn)
out.sum().backward()
print(layer_lora_2.lora.B.grad, layer.weight.grad.shape)
layer.zero_grad(set_to_none=True)
layer.weight.grad

# %%
class MultilayerPerceptron(nn.Module):
    def __init__(self, num_features, num_hidden_1, num_hidden_2, num_classes):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(num_features, num_hidden_1), nn.ReLU(),
                                    nn.Linear(num_hidden_1, num_hidden_2), nn.ReLU(),
                                    nn.Linear(num_hidden_2, num_classes))
    def forward(self, x):
        return self.layers(x)

torch.manual_seed(123)
model = MultilayerPerceptron(num_features=20, num_hidden_1=32, num_hidden_2=16, num_classes=3)
X = torch.randn(64, 20)
y = (X[:, 0] > 0).long() + (X[:, 1] > 0.5).long()
def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
print("Total number of trainable parameters:", count_parameters(model))
model.layers[0] = LinearWithLoRA(model.layers[0], rank=4, alpha=8)
model.layers[2] = LinearWithLoRA(model.layers[2], rank=4, alpha=8)
model.layers[4] = LinearWithLoRA(model.layers[4], rank=4, alpha=8)
print(model)
def freeze_linear_layers(model):
    for child in model.children():
        if isinstance(child, nn.Linear):
            for param in child.parameters():
                param.requires_grad = False
        else:
            freeze_linear_layers(child)
freeze_linear_layers(model)
for name, param in model.named_parameters():
    print(f"{name}: {param.requires_grad}")
print("Total number of trainable parameters:", count_parameters(model))

# %%
optimizer = torch.optim.AdamW(filter(lambda p: p.requires_grad, model.parameters()), lr=5e-3, weight_decay=0.01)
print(len(optimizer.param_groups[0]["params"]))
frozen_before = model.layers[0].linear.weight.clone()
for epoch in range(5):
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    acc = (logits.argmax(1) == y).float().mean()
    print(f"Epoch {epoch + 1:03d} | Loss {loss:.4f} | Acc {acc:.2f}")
print(torch.equal(frozen_before, model.layers[0].linear.weight), model.layers[0].linear.weight.grad)
model.layers[4].lora.B.norm()

# %%
@torch.no_grad()
def merge_lora(module):
    for name, child in module.named_children():
        if isinstance(child, LinearWithLoRA):
            merged = nn.Linear(child.linear.in_features, child.linear.out_features)
            merged.weight.copy_(child.linear.weight + (child.lora.alpha / child.lora.rank) * (child.lora.A @ child.lora.B).T)
            merged.bias.copy_(child.linear.bias)
            setattr(module, name, merged)
        else:
            merge_lora(child)
before = model(X)
merge_lora(model)
after = model(X)
print(model, (before - after).abs().max() < 1e-5)

class LinearWithDoRAMerged(nn.Module):
    def __init__(self, linear, rank, alpha):
        super().__init__()
        self.linear = linear
        self.lora = LoRALayer(linear.in_features, linear.out_features, rank, alpha)
        self.m = nn.Parameter(self.linear.weight.norm(p=2, dim=0, keepdim=True))
    def forward(self, x):
        lora = self.lora.A @ self.lora.B
        numerator = self.linear.weight + self.lora.alpha * lora.T
        denominator = numerator.norm(p=2, dim=0, keepdim=True)
        directional_component = numerator / denominator
        new_weight = self.m * directional_component
        return F.linear(x, new_weight, self.linear.bias)

torch.manual_seed(123)
dora = LinearWithDoRAMerged(nn.Linear(10, 2), rank=2, alpha=4)
o = dora(torch.randn(3, 10))
o.pow(2).mean().backward()
o, dora.m.shape, dora.m.grad
