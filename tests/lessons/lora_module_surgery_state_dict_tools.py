# Imitates the module-surgery part of LoRA tutorials (Lightning / HF-style helpers written by hand): per-target
# LoRA in an nn.ModuleDict, set_submodule / get_parameter, named_parameters(prefix, recurse), state_dict(prefix,
# keep_vars), saving only the adapters with torch.save into a buffer and loading them back, size-mismatch errors,
# load_state_dict(assign=True), mark_only_lora_as_trainable, parameters_to_vector over the trainable params.
import io
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

class TinyAttention(nn.Module):
    def __init__(self, d=8):
        super().__init__()
        self.q_proj = nn.Linear(d, d, bias=False)
        self.k_proj = nn.Linear(d, d, bias=False)
        self.v_proj = nn.Linear(d, d, bias=False)
        self.o_proj = nn.Linear(d, d)

    def forward(self, x):
        q, k, v = self.q_proj(x), self.k_proj(x), self.v_proj(x)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.o_proj(a)

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 8)
        self.layers = nn.ModuleList([TinyAttention() for _ in range(2)])
        self.lm_head = nn.Linear(8, 10, bias=False)

    def forward(self, idx):
        h = self.emb(idx)
        for layer in self.layers:
            h = h + layer(h)
        return self.lm_head(h)

torch.manual_seed(0)
model = Model()
idx = torch.randint(0, 10, (2, 5))
print(model(idx).shape)

# %%
class LoRA(nn.Module):
    def __init__(self, base, r=2, alpha=4):
        super().__init__()
        self.base = base
        self.lora = nn.ModuleDict({
            "A": nn.Linear(base.in_features, r, bias=False),
            "B": nn.Linear(r, base.out_features, bias=False),
        })
        nn.init.kaiming_uniform_(self.lora["A"].weight, a=math.sqrt(5))
        nn.init.zeros_(self.lora["B"].weight)
        self.scaling = alpha / r

    def forward(self, x):
        return self.base(x) + self.lora["B"](self.lora["A"](x)) * self.scaling

torch.manual_seed(1)
for name, module in list(model.named_modules()):
    if name.endswith(("q_proj", "v_proj")):
        model.set_submodule(name, LoRA(module))
print(model.layers[0])
print(model.get_parameter("layers.1.q_proj.lora.B.weight").shape)
try:
    model.get_parameter("layers.1.q_proj.lora.C.weight")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    model.get_parameter("layers.1.q_proj.scaling")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    model.set_submodule("layers.3.q_proj", nn.Identity())
except AttributeError as e:
    print(type(e).__name__, e)

# %%
def mark_only_lora_as_trainable(m, bias="none"):
    for n, p in m.named_parameters():
        if "lora" not in n:
            p.requires_grad = False
    if bias == "all":
        for n, p in m.named_parameters():
            if "bias" in n:
                p.requires_grad = True

mark_only_lora_as_trainable(model, bias="all")
print([n for n, p in model.named_parameters() if p.requires_grad])
print([n for n, _ in model.layers[0].named_parameters(prefix="layers.0", recurse=False)])
print([n for n, _ in model.layers[0].q_proj.named_parameters(prefix="q")])
vec = torch.nn.utils.parameters_to_vector(p for p in model.parameters() if p.requires_grad)
print(vec.shape, vec.requires_grad, vec.grad_fn)

# %%
logits = model(idx)
loss = F.cross_entropy(logits.view(-1, 10), idx.view(-1))
loss.backward()
print(f"{loss.item():.6f}")
print(model.layers[0].q_proj.lora["A"].weight.grad)
print(model.layers[0].q_proj.lora["B"].weight.grad.abs().sum() > 0)
print(model.emb.weight.grad, model.layers[1].o_proj.bias.grad.shape)
grads = [p.grad for p in model.parameters() if p.grad is not None]
print(len(grads), torch.nn.utils.get_total_norm(grads))

# %%
sd = model.state_dict(prefix="model.", keep_vars=True)
lora_keys = [k for k in sd if "lora" in k]
print(lora_keys)
print(type(sd["model.layers.0.q_proj.lora.A.weight"]).__name__, sd["model.layers.0.q_proj.lora.A.weight"].requires_grad)
sd2 = model.state_dict()
print(type(sd2["layers.0.q_proj.lora.A.weight"]).__name__, sd2["layers.0.q_proj.lora.A.weight"].requires_grad)
buf = io.BytesIO()
torch.save({k: v for k, v in sd2.items() if "lora" in k}, buf)
buf.seek(0)
loaded = torch.load(buf)
print(list(loaded)[:2], loaded["layers.1.v_proj.lora.B.weight"].shape)

# %%
# a fresh model with LoRA loads only the adapters
torch.manual_seed(0)
other = Model()
for name, module in list(other.named_modules()):
    if name.endswith(("q_proj", "v_proj")):
        other.set_submodule(name, LoRA(module))
result = other.load_state_dict(loaded, strict=False)
print(len(result.missing_keys), result.unexpected_keys)
print(torch.equal(other.layers[1].v_proj.lora["A"].weight, model.layers[1].v_proj.lora["A"].weight))
# a rank mismatch
bad = {k: torch.zeros(4, 8) if k.endswith("A.weight") else v for k, v in loaded.items()}
try:
    other.load_state_dict(bad, strict=False)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# assign=True keeps the loaded tensors themselves (and their requires_grad)
fresh = LoRA(nn.Linear(8, 8, bias=False))
src = {k: torch.randn_like(v) for k, v in fresh.state_dict().items()}
fresh.load_state_dict(src, assign=True)
print(fresh.lora["A"].weight is src["lora.A.weight"], type(fresh.lora["A"].weight).__name__,
      fresh.lora["A"].weight.requires_grad, fresh.base.weight.requires_grad)
fresh2 = LoRA(nn.Linear(8, 8, bias=False))
fresh2.load_state_dict(src)
print(fresh2.lora["A"].weight is src["lora.A.weight"], fresh2.lora["A"].weight.requires_grad)
print(torch.equal(fresh2.lora["A"].weight, src["lora.A.weight"]))
