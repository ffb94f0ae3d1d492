# Imitates Stanford CS336 (Spring 2025) assignment 1 "basics": the pre-norm Transformer block
# (x + attn(norm1(x)), then + ffn(norm2(x))) and TransformerLM (token embedding, num_layers blocks, final RMSNorm,
# lm_head), counting parameters and FLOPs-style bookkeeping, a forward over a small batch of token ids, and the
# cross-entropy written by hand with logsumexp (subtract the max for stability) compared with F.cross_entropy,
# perplexity, and gradients flowing back to the embedding.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d))
    def forward(self, x):
        dt = x.dtype
        x = x.float()
        x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)
        return (x * self.weight).to(dt)

class SwiGLU(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.w1 = nn.Linear(d_model, d_ff, bias=False)
        self.w2 = nn.Linear(d_ff, d_model, bias=False)
        self.w3 = nn.Linear(d_model, d_ff, bias=False)
    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))

class MHA(nn.Module):
    def __init__(self, d_model, num_heads):
        super().__init__()
        self.h = num_heads
        self.qkv = nn.Linear(d_model, 3 * d_model, bias=False)
        self.output_proj = nn.Linear(d_model, d_model, bias=False)
    def forward(self, x):
        B, T, D = x.shape
        q, k, v = self.qkv(x).split(D, dim=-1)
        q, k, v = (t.view(B, T, self.h, D // self.h).transpose(1, 2) for t in (q, k, v))
        mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
        s = (q @ k.transpose(-1, -2)) / math.sqrt(D // self.h)
        s = s.masked_fill(mask, float("-inf"))
        y = torch.softmax(s, dim=-1) @ v
        return self.output_proj(y.transpose(1, 2).contiguous().view(B, T, D))

class TransformerBlock(nn.Module):
    def __init__(self, d_model, num_heads, d_ff):
        super().__init__()
        self.ln1 = RMSNorm(d_model)
        self.attn = MHA(d_model, num_heads)
        self.ln2 = RMSNorm(d_model)
        self.ffn = SwiGLU(d_model, d_ff)
    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.ffn(self.ln2(x))

class TransformerLM(nn.Module):
    def __init__(self, vocab_size, context_length, d_model, num_layers, num_heads, d_ff):
        super().__init__()
        self.context_length = context_length
        self.token_embeddings = nn.Embedding(vocab_size, d_model)
        self.layers = nn.ModuleList([TransformerBlock(d_model, num_heads, d_ff) for _ in range(num_layers)])
        self.ln_final = RMSNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
    def forward(self, idx):
        x = self.token_embeddings(idx)
        for layer in self.layers:
            x = layer(x)
        return self.lm_head(self.ln_final(x))

model = TransformerLM(vocab_size=20, context_length=8, d_model=16, num_layers=2, num_heads=2, d_ff=32)
print(model.layers[0])
n_params = sum(p.numel() for p in model.parameters())
print("params", n_params, "non-embedding", n_params - model.token_embeddings.weight.numel())
print(f"{n_params * 4 / 1024:.2f} KiB in float32")
print([n for n, _ in model.named_parameters()][:6])
print({n: tuple(p.shape) for n, p in model.state_dict().items() if "layers.1" in n})

# %%
idx = torch.randint(0, 20, (3, 8))
logits = model(idx)
print(logits.shape, logits.dtype, logits.grad_fn)
print(logits[0, -1, :5])
with torch.no_grad():
    l1 = model(idx[:, :4])
print(torch.allclose(l1, logits[:, :4], atol=1e-5))
try:
    model(idx.float())
except Exception as e:
    print(type(e).__name__, e)

# %%
def cross_entropy(inputs, targets):
    m = inputs.max(dim=-1, keepdim=True).values
    shifted = inputs - m
    lse = torch.log(torch.exp(shifted).sum(dim=-1))
    target_logits = shifted.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
    return (lse - target_logits).mean()

def cross_entropy_lse(inputs, targets):
    lse = torch.logsumexp(inputs, dim=-1)
    return (lse - inputs[torch.arange(inputs.shape[0]), targets]).mean()

targets = torch.roll(idx, shifts=-1, dims=1)
flat_logits, flat_t = logits.view(-1, logits.size(-1)), targets.view(-1)
ce1 = cross_entropy(flat_logits, flat_t)
ce2 = cross_entropy_lse(flat_logits, flat_t)
ce3 = F.cross_entropy(flat_logits, flat_t)
print(ce1, ce2, ce3)
print(torch.allclose(ce1, ce3), math.log(20))
print("perplexity", torch.exp(ce3).item() > 1, cross_entropy(logits, targets).shape)
big = torch.tensor([[1e4, 0.0, -1e4]])
print(cross_entropy(big, torch.tensor([1])), F.cross_entropy(big, torch.tensor([1])))
print(torch.logsumexp(torch.tensor([[-float("inf"), -float("inf")]]), dim=-1))
try:
    F.cross_entropy(flat_logits, flat_t.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(logits, targets)
except Exception as e:
    print(type(e).__name__, e)
print(F.cross_entropy(logits.transpose(1, 2), targets))

# %%
ce1.backward()
emb_grad = model.token_embeddings.weight.grad
print(emb_grad.shape, (emb_grad.abs().sum(-1) > 0).sum())
print(model.lm_head.weight.grad.norm() > 0, model.layers[1].ln2.weight.grad[:4])
grads = [p.grad for p in model.parameters()]
print(sum(g is None for g in grads), len(grads))
model.zero_grad()
print(model.lm_head.weight.grad)
