# build-nanogpt (Karpathy, "Let's reproduce GPT-2 (124M)") train_gpt2.py's sampling block in miniature: the
# prefix tokens repeated num_return_sequences times, a torch.Generator seeded for sampling, top-k 50 through
# torch.topk(probs, 50, dim=-1), torch.multinomial(topk_probs, 1, generator=sample_rng) and torch.gather back to
# vocabulary ids, under torch.no_grad(), with the decoded-sample print lines.
import math
from dataclasses import dataclass
import torch
import torch.nn as nn
from torch.nn import functional as F

class CausalSelfAttention(nn.Module):
    def __init__(self, config):
        super().__init__()
        assert config.n_embd % config.n_head == 0
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd)
        self.c_proj = nn.Linear(config.n_embd, config.n_embd)
        self.c_proj.NANOGPT_SCALE_INIT = 1
        self.n_head = config.n_head
        self.n_embd = config.n_embd

    def forward(self, x):
        B, T, C = x.size()
        qkv = self.c_attn(x)
        q, k, v = qkv.split(self.n_embd, dim=2)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        y = self.c_proj(y)
        return y

class MLP(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd)
        self.gelu = nn.GELU(approximate='tanh')
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd)
        self.c_proj.NANOGPT_SCALE_INIT = 1

    def forward(self, x):
        return self.c_proj(self.gelu(self.c_fc(x)))

class Block(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = nn.LayerNorm(config.n_embd)
        self.mlp = MLP(config)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x

@dataclass
class GPTConfig:
    block_size: int = 8
    vocab_size: int = 37
    n_layer: int = 2
    n_head: int = 2
    n_embd: int = 16

class GPT(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(config.vocab_size, config.n_embd),
            wpe=nn.Embedding(config.block_size, config.n_embd),
            h=nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
            ln_f=nn.LayerNorm(config.n_embd),
        ))
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        self.transformer.wte.weight = self.lm_head.weight
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            std = 0.02
            if hasattr(module, 'NANOGPT_SCALE_INIT'):
                std *= (2 * self.config.n_layer) ** -0.5
            torch.nn.init.normal_(module.weight, mean=0.0, std=std)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def forward(self, idx, targets=None):
        B, T = idx.size()
        assert T <= self.config.block_size, f"Cannot forward sequence of length {T}, block size is only {self.config.block_size}"
        pos = torch.arange(0, T, dtype=torch.long, device=idx.device)
        pos_emb = self.transformer.wpe(pos)
        tok_emb = self.transformer.wte(idx)
        x = tok_emb + pos_emb
        for block in self.transformer.h:
            x = block(x)
        x = self.transformer.ln_f(x)
        logits = self.lm_head(x)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))
        return logits, loss


torch.manual_seed(1337)
model = GPT(GPTConfig(vocab_size=64, block_size=16))
model.eval()
num_return_sequences = 3
max_length = 12
tokens = [7, 11, 3, 5]
tokens = torch.tensor(tokens, dtype=torch.long)
tokens = tokens.unsqueeze(0).repeat(num_return_sequences, 1)
xgen = tokens
print(xgen.shape, xgen.dtype)
sample_rng = torch.Generator(device="cpu")
sample_rng.manual_seed(42)
print(sample_rng.initial_seed(), sample_rng.device)

# %%
while xgen.size(1) < max_length:
    with torch.no_grad():
        logits, loss = model(xgen)
        logits = logits[:, -1, :]
        probs = F.softmax(logits, dim=-1)
        topk_probs, topk_indices = torch.topk(probs, 50, dim=-1)
        ix = torch.multinomial(topk_probs, 1, generator=sample_rng)
        xcol = torch.gather(topk_indices, -1, ix)
        xgen = torch.cat((xgen, xcol), dim=1)
print(topk_probs.shape, topk_indices.shape, ix.shape, ix.dtype, xcol.shape)
print(topk_probs.requires_grad, loss)
for i in range(num_return_sequences):
    tokens = xgen[i, :max_length].tolist()
    decoded = " ".join(str(t) for t in tokens)
    print(f"rank 0 sample {i}: {decoded}")

# %%
# the pieces on their own: topk on ties and k too large, multinomial's checks, gather's shape rules
p = torch.tensor([[0.1, 0.4, 0.4, 0.1], [0.25, 0.25, 0.25, 0.25]])
v, i = torch.topk(p, 2, dim=-1)
print(v, i)
try:
    torch.topk(p, 50, dim=-1)
except Exception as e:
    print(type(e).__name__, e)
g = torch.Generator().manual_seed(0)
print(torch.multinomial(p, 3, generator=g))
print(torch.multinomial(v, 1, generator=g).squeeze(-1))
for bad in [torch.tensor([[0.5, -0.1]]), torch.tensor([[0.0, 0.0]]), torch.tensor([[float('nan'), 1.0]])]:
    try:
        print(torch.multinomial(bad, 1, generator=g))
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.multinomial(p, 5)
except Exception as e:
    print(type(e).__name__, e)
print(torch.gather(i, -1, torch.tensor([[1], [0]])))
try:
    torch.gather(i, -1, torch.tensor([[1.0], [0.0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.gather(i, -1, torch.tensor([[2], [0]]))
except Exception as e:
    print(type(e).__name__, e)
