# build-nanogpt (Karpathy, "Let's reproduce GPT-2 (124M)") train_gpt2.py in miniature: GPTConfig, CausalSelfAttention
# with one c_attn split into q/k/v and F.scaled_dot_product_attention(is_causal=True), MLP with
# nn.GELU(approximate='tanh'), wte/lm_head weight tying, NANOGPT_SCALE_INIT std scaling in _init_weights via
# module.apply, torch.set_float32_matmul_precision('high') and a forward under torch.autocast(bfloat16).
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
model = GPT(GPTConfig())
print(model.transformer.wte.weight is model.lm_head.weight)
print(model.transformer.wte.weight.data_ptr() == model.lm_head.weight.data_ptr())
print(sum(p.numel() for p in model.parameters()), len(model.state_dict()))
print(model.transformer.h[0].mlp)
print(model.transformer.h[0].mlp.gelu, model.transformer.h[0].mlp.gelu.approximate)
print(round(model.transformer.h[0].attn.c_proj.weight.std().item(), 3), round(model.transformer.h[0].attn.c_attn.weight.std().item(), 3))

# %%
print(torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision('high')
print(torch.get_float32_matmul_precision())
for p in ['fast', 'HIGH', 1]:
    try:
        torch.set_float32_matmul_precision(p)
    except Exception as e:
        print(type(e).__name__, e)
    print(torch.get_float32_matmul_precision())
torch.manual_seed(0)
x = torch.randint(0, 37, (2, 8))
y = torch.roll(x, -1, dims=1)
logits, loss = model(x, y)
print(logits.shape, logits.dtype, loss.dtype)
print(f"{loss.item():.4f}", -math.log(1 / 37))
try:
    model(torch.randint(0, 37, (1, 9)))
except AssertionError as e:
    print("AssertionError", e)

# %%
# (the lecture wraps the whole forward; here the MLP block and the head, the parts autocast turns into bfloat16 matmuls)
h = model.transformer.wte(x) + model.transformer.wpe(torch.arange(8))
with torch.autocast(device_type='cpu', dtype=torch.bfloat16):
    print(torch.is_autocast_enabled('cpu'), torch.get_autocast_dtype('cpu'))
    out = model.transformer.h[0].mlp(model.transformer.h[0].ln_2(h))
    logits = model.lm_head(model.transformer.ln_f(h + out))
    loss = F.cross_entropy(logits.view(-1, logits.size(-1)), y.view(-1))
print(out.dtype, logits.dtype, loss.dtype, logits.shape)
print(torch.is_autocast_enabled('cpu'))
print(logits[0, 0, :4])
print(f"{loss.item():.4f}")
loss.backward()
print(model.lm_head.weight.grad.dtype, model.lm_head.weight.grad.shape)
print(model.transformer.h[0].mlp.c_fc.weight.grad.dtype, model.transformer.h[0].mlp.c_fc.weight.grad[0, :3])
