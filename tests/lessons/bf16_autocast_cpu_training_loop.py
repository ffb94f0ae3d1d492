# Imitates the CPU mixed-precision training loops of the "Automatic Mixed Precision" docs (CPU op-specific
# behaviour: which ops autocast to bfloat16, which to float32, which promote) and of nanoGPT / Raschka's
# "Faster PyTorch training" notebooks run on a laptop: a tiny transformer block trained under
# torch.autocast("cpu", dtype=torch.bfloat16) with gradient accumulation and clipping, dtypes printed at each step.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 5, 8)
w = torch.randn(8, 8)
with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    print("matmul", (x @ w).dtype, torch.bmm(x, x.transpose(1, 2)).dtype, F.linear(x, w).dtype)
    print("addmm", torch.addmm(torch.zeros(5, 8), x[0], w).dtype, torch.mm(x[0], w).dtype)
    y = x @ w
    print("layer_norm of float32", F.layer_norm(x, (8,)).dtype, "softmax", y.softmax(-1).dtype, "gelu", F.gelu(y).dtype)
    print("mse", F.mse_loss(y, torch.zeros_like(y)).dtype, "ce", F.cross_entropy(y[:, 0], torch.tensor([1, 2])).dtype)
    print("cat", torch.cat([y, x]).dtype, "stack", torch.stack([y, x]).dtype, "add", (y + x).dtype)
    print("sum", y.sum().dtype, "mean", y.mean().dtype, "exp", y.exp().dtype, "pow", y.pow(2).dtype)
    print("double", (x.double() @ w.double()).dtype, "int", (torch.ones(2, 2, dtype=torch.long) @ torch.ones(2, 2, dtype=torch.long)).dtype)
    print("bmm on bf16 inputs", torch.bmm(x.bfloat16(), x.bfloat16().mT).dtype)

# %%
class Block(nn.Module):
    """nanoGPT's MLP half of a block (attention under autocast left out) and a classification head."""
    def __init__(self, d=8):
        super().__init__()
        self.ln = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.head = nn.Linear(d, 3)

    def forward(self, x):
        x = x + self.mlp(self.ln(x))
        return self.head(x.mean(1))


torch.manual_seed(0)
model = Block()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.1)
X = torch.randn(8, 5, 8)
Y = torch.randint(0, 3, (8,))
accum = 2
for it in range(3):
    for micro in range(accum):
        xb, yb = X[micro * 4:(micro + 1) * 4], Y[micro * 4:(micro + 1) * 4]
        with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
        loss = loss / accum
        loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    print(it, logits.dtype, loss.dtype, round(loss.item() * accum, 2), norm.dtype, round(norm.item(), 1))
print(model.head.weight.dtype, model.head.weight.grad)

# %%
# what is kept: the parameters stay float32, the autocast state outside the block
print(next(model.parameters()).dtype, torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))
with torch.autocast("cpu", dtype=torch.bfloat16):
    out = model(X[:2])
    with torch.no_grad():
        ev = model(X[:2])
print(out.dtype, out.requires_grad, ev.dtype, ev.requires_grad, out.grad_fn.name())

# %%
# the slips: an unsupported dtype on CPU, an unknown device_type, a dtype given as a string
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.autocast("cpu", dtype=torch.float32):
        print("float32 asked", (X[0] @ w).dtype, torch.is_autocast_enabled("cpu"))
    with torch.autocast("cuda"):
        print("cuda asked", (X[0] @ w).dtype)
for c in caught:
    print(c.category.__name__, c.message)
for bad in [dict(device_type="gpu"), dict(device_type="cpu", dtype="bfloat16")]:
    try:
        with torch.autocast(**bad):
            pass
    except Exception as e:
        print(type(e).__name__, e)
