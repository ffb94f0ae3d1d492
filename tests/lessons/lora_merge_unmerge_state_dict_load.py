# Imitates the "LoRA from scratch" blog posts and Lightning's lit-gpt style LoRALinear: a LoRA wrapper around
# nn.Linear with lora_A / lora_B parameters (kaiming_uniform_(a=sqrt(5)) and zeros), scaling alpha/r, dropout on
# the input, injected by walking named_modules and setattr on the parent found with get_submodule, merge/unmerge
# under torch.no_grad(), saving only the LoRA keys of the state_dict and loading them back with strict=False.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r=4, alpha=8, dropout=0.1):
        super().__init__()
        self.base = base
        self.r = r
        self.scaling = alpha / r
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        self.lora_dropout = nn.Dropout(p=dropout) if dropout > 0 else nn.Identity()
        self.merged = False

    def forward(self, x):
        out = self.base(x)
        if not self.merged:
            out = out + (self.lora_dropout(x) @ self.lora_A.T @ self.lora_B.T) * self.scaling
        return out

    @torch.no_grad()
    def merge(self):
        if self.merged:
            print("already merged")
            return
        self.base.weight += (self.lora_B @ self.lora_A) * self.scaling
        self.merged = True

    @torch.no_grad()
    def unmerge(self):
        if not self.merged:
            return
        self.base.weight -= (self.lora_B @ self.lora_A) * self.scaling
        self.merged = False

    def extra_repr(self):
        return f"r={self.r}, scaling={self.scaling}"

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU())
        self.head = nn.Linear(16, 3)

    def forward(self, x):
        return self.head(self.encoder(x))

torch.manual_seed(42)
model = MLP()
print(model)

# %%
def inject_lora(model, r=4, alpha=8, dropout=0.1):
    targets = [name for name, m in model.named_modules() if isinstance(m, nn.Linear)]
    for name in targets:
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        setattr(parent, child, LoRALinear(getattr(parent, child), r, alpha, dropout))
    return targets

torch.manual_seed(0)
print(inject_lora(model))
print(model)
print(model.get_submodule("encoder.0.base"))
try:
    model.get_submodule("encoder.5")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    model.get_submodule("encoder.0.lora_A")
except AttributeError as e:
    print(type(e).__name__, e)

# %%
for n, p in model.named_parameters():
    p.requires_grad = "lora_" in n
def count(m):
    t = sum(p.numel() for p in m.parameters() if p.requires_grad)
    a = sum(p.numel() for p in m.parameters())
    return t, a, round(100 * t / a, 3)
print(count(model))
print(model.encoder[0].lora_A[:2])
print(model.encoder[0].lora_A.std().item() < 1)

# %%
torch.manual_seed(1)
x = torch.randn(5, 6)
y = torch.randint(0, 3, (5,))
opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-2)
model.train()
for step in range(4):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], max_norm=0.5)
    opt.step()
    print(step, f"{loss.item():.5f}", f"{norm.item():.5f}")
print(model.head.base.weight.grad, model.head.lora_B.grad.shape)
print(norm, norm.dtype)

# %%
model.eval()
with torch.no_grad():
    before = model(x)
    for m in model.modules():
        if isinstance(m, LoRALinear):
            m.merge()
    after = model(x)
print(torch.allclose(before, after, atol=1e-6), (before - after).abs().max() < 1e-5)
model.head.merge()
for m in model.modules():
    if isinstance(m, LoRALinear):
        m.unmerge()
with torch.no_grad():
    again = model(x)
print(torch.allclose(before, again, atol=1e-6))
print(model.head.base.weight.requires_grad, model.head.base.weight.is_leaf, model.head.base.weight.grad_fn)

# %%
# train vs eval: dropout on the input of the LoRA branch
model.train()
torch.manual_seed(3)
a = model(x)
b = model(x)
print(torch.equal(a, b))
model.eval()
print(torch.equal(model(x), model(x)))
print(model.training, model.encoder[0].lora_dropout.training, model.head.base.training)

# %%
lora_sd = {k: v for k, v in model.state_dict().items() if "lora_" in k}
print(list(lora_sd))
print(lora_sd["head.lora_B"].requires_grad, lora_sd["head.lora_B"].grad_fn)
torch.manual_seed(42)
fresh = MLP()
inject_lora(fresh)
res = fresh.load_state_dict(lora_sd, strict=False)
print(res)
print(res.missing_keys[:3], res.unexpected_keys)
print(torch.equal(fresh.head.lora_B, model.head.lora_B))
missing, unexpected = fresh.load_state_dict({**lora_sd, "head.lora_C": torch.zeros(1)}, strict=False)
print(len(missing), unexpected)

# %%
try:
    fresh.load_state_dict(lora_sd)
except RuntimeError as e:
    print(type(e).__name__, str(e)[:400])
try:
    fresh.load_state_dict({"head.lora_A": torch.zeros(2, 16)}, strict=False)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# a plain model loads the base weights from the LoRA model: keys do not line up
plain = MLP()
res = plain.load_state_dict(model.state_dict(), strict=False)
print(len(res.missing_keys), res.missing_keys)
print(len(res.unexpected_keys), res.unexpected_keys[:4])
base_sd = {k.replace(".base", ""): v for k, v in model.state_dict().items() if "lora_" not in k}
print(plain.load_state_dict(base_sd))
