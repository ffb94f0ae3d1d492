# Imitates the "train on CPU with bfloat16 autocast" loops of nanoGPT's train.py (ctx = torch.amp.autocast(
# device_type='cpu', dtype=torch.bfloat16)) and of the PyTorch "Automatic Mixed Precision" recipe: a tiny pre-norm
# transformer block (LayerNorm, causal self-attention through F.scaled_dot_product_attention, GELU MLP) trained a few
# steps under autocast, with the dtypes autocast picks, the losses and the gradient norms printed.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
q, k, v = (torch.randn(2, 2, 4, 8, requires_grad=True) for _ in range(3))
with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(y.dtype, y.grad_fn.name(), y.shape)
print(y[0, 1])
y.float().pow(2).sum().backward()
print(q.grad.dtype, q.grad[1, 0])
print(k.grad[0, 1], v.grad[1, 1], sep="\n")

# %%
# bfloat16 tensors straight into the fused kernel, with a boolean mask
qb, kb, vb = (t.detach().bfloat16().requires_grad_() for t in (q, k, v))
mask = torch.tril(torch.ones(4, 4, dtype=torch.bool))
out = F.scaled_dot_product_attention(qb, kb, vb, attn_mask=mask)
out.sum().backward()
print(out.dtype, out[1, 0], qb.grad.dtype, vb.grad[0, 0], sep="\n")

# %%
class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd=16, n_head=2):
        super().__init__()
        self.c_attn = nn.Linear(n_embd, 3 * n_embd)
        self.c_proj = nn.Linear(n_embd, n_embd)
        self.n_head, self.n_embd = n_head, n_embd

    def forward(self, x):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        q, k, v = (t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for t in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.c_proj(y.transpose(1, 2).contiguous().view(B, T, C))


class Block(nn.Module):
    def __init__(self, n_embd=16, vocab=11):
        super().__init__()
        self.wte = nn.Embedding(vocab, n_embd)
        self.ln_1, self.ln_2 = nn.LayerNorm(n_embd), nn.LayerNorm(n_embd)
        self.attn = CausalSelfAttention(n_embd)
        self.mlp = nn.Sequential(nn.Linear(n_embd, 4 * n_embd), nn.GELU(approximate="tanh"),
                                 nn.Linear(4 * n_embd, n_embd))
        self.lm_head = nn.Linear(n_embd, vocab, bias=False)

    def forward(self, idx, targets=None):
        x = self.wte(idx)
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        logits = self.lm_head(x)
        loss = None if targets is None else F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))
        return logits, loss


torch.manual_seed(1337)
model = Block()
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
data = torch.randint(0, 11, (4, 7))
xb, yb = data[:, :-1], data[:, 1:]
ctx = torch.amp.autocast(device_type="cpu", dtype=torch.bfloat16)
for step in range(4):
    with ctx:
        logits, loss = model(xb, yb)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    print(f"step {step}: loss {loss.item():.3f}, norm {norm.item():.3f}", logits.dtype, loss.dtype)
print(model.attn.c_attn.weight.grad.dtype, model.attn.c_attn.weight.grad.norm().item() > 0)

# %%
# generation under autocast and no_grad, the way nanoGPT's sample.py runs it
with torch.no_grad(), ctx:
    idx = torch.zeros(1, 1, dtype=torch.long)
    for _ in range(5):
        logits, _ = model(idx)
        idx = torch.cat([idx, logits[:, -1].float().argmax(-1, keepdim=True)], dim=1)
print(idx, logits.dtype)

# %%
# what still goes wrong: dtypes that do not match, a float64 mask (autocast leaves float64 alone)
try:
    F.scaled_dot_product_attention(qb, k, v)
except Exception as e:
    print(type(e).__name__, e)
with torch.autocast("cpu", dtype=torch.bfloat16):
    try:
        F.scaled_dot_product_attention(q, k, v, attn_mask=torch.zeros(4, 4, dtype=torch.float64))
    except Exception as e:
        print(type(e).__name__, e)
