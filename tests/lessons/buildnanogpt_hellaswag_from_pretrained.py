# build-nanogpt (Karpathy, "Let's reproduce GPT-2 (124M)") hellaswag.py and GPT.from_pretrained in miniature: the
# get_most_likely_row evaluation (shift logits/tokens, F.cross_entropy(reduction='none'), the mask shifted the same
# way, masked sum / mask sum, argmin) on random endings, and from_pretrained's state_dict key filtering
# (.attn.masked_bias/.attn.bias dropped) with the transposed Conv1D weights copied under torch.no_grad() with copy_.
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
model.eval()

def render_example(ctx_tokens, endings):
    tok_rows = []
    mask_rows = []
    for end_tokens in endings:
        tok_rows.append(ctx_tokens + end_tokens)
        mask_rows.append([0] * len(ctx_tokens) + [1] * len(end_tokens))
    max_len = max(len(row) for row in tok_rows)
    tokens = torch.zeros((4, max_len), dtype=torch.long)
    mask = torch.zeros((4, max_len), dtype=torch.long)
    for i, (tok_row, mask_row) in enumerate(zip(tok_rows, mask_rows)):
        tokens[i, :len(tok_row)] = torch.tensor(tok_row)
        mask[i, :len(mask_row)] = torch.tensor(mask_row)
    return tokens, mask

def get_most_likely_row(tokens, mask, logits):
    shift_logits = (logits[..., :-1, :]).contiguous()
    shift_tokens = (tokens[..., 1:]).contiguous()
    flat_shift_logits = shift_logits.view(-1, shift_logits.size(-1))
    flat_shift_tokens = shift_tokens.view(-1)
    shift_losses = F.cross_entropy(flat_shift_logits, flat_shift_tokens, reduction='none')
    shift_losses = shift_losses.view(tokens.size(0), -1)
    shift_mask = (mask[..., 1:]).contiguous()
    masked_shift_losses = shift_losses * shift_mask
    sum_loss = masked_shift_losses.sum(dim=1)
    avg_loss = sum_loss / shift_mask.sum(dim=1)
    pred_norm = avg_loss.argmin().item()
    return pred_norm, shift_losses, masked_shift_losses, avg_loss

tokens, mask = render_example([3, 9, 14], [[2, 5], [7, 7, 1], [30], [4, 4, 4, 4]])
print(tokens)
print(mask, mask.dtype)
with torch.no_grad():
    logits, _ = model(tokens)
pred_norm, shift_losses, masked, avg_loss = get_most_likely_row(tokens, mask, logits)
print(shift_losses.shape, shift_losses.dtype, masked.dtype)
print(avg_loss, pred_norm, type(pred_norm).__name__)
print(masked[2])

# %%
num_correct_norm = 0
num_total = 0
g = torch.Generator().manual_seed(5)
for i in range(5):
    ctx = torch.randint(0, 37, (3,), generator=g).tolist()
    endings = [torch.randint(0, 37, (int(n),), generator=g).tolist() for n in torch.randint(1, 5, (4,), generator=g)]
    label = i % 4
    tokens, mask = render_example(ctx, endings)
    with torch.no_grad():
        logits, loss = model(tokens)
    pred_norm, *_ = get_most_likely_row(tokens, mask, logits)
    num_total += 1
    num_correct_norm += int(pred_norm == label)
acc_norm = num_correct_norm / num_total
print(f"HellaSwag accuracy: {num_correct_norm}/{num_total}={acc_norm:.4f}")

# %%
# from_pretrained: a "HF" state dict with Conv1D (transposed) weights, copied into our Linear layers
sd = model.state_dict()
sd_keys = sd.keys()
sd_keys = [k for k in sd_keys if not k.endswith('.attn.bias')]
print(len(sd_keys), sd_keys[:4])
torch.manual_seed(0)
sd_hf = {}
for k in sd_keys:
    t = torch.randn(sd[k].shape)
    if any(k.endswith(w) for w in ['attn.c_attn.weight', 'attn.c_proj.weight', 'mlp.c_fc.weight', 'mlp.c_proj.weight']):
        t = t.t().contiguous()
    sd_hf[k] = t
sd_hf['transformer.h.0.attn.masked_bias'] = torch.tensor(-1e4)
sd_hf['transformer.h.0.attn.bias'] = torch.tril(torch.ones(8, 8)).view(1, 1, 8, 8)
sd_keys_hf = sd_hf.keys()
sd_keys_hf = [k for k in sd_keys_hf if not k.endswith('.attn.masked_bias')]
sd_keys_hf = [k for k in sd_keys_hf if not k.endswith('.attn.bias')]
transposed = ['attn.c_attn.weight', 'attn.c_proj.weight', 'mlp.c_fc.weight', 'mlp.c_proj.weight']
assert len(sd_keys_hf) == len(sd_keys), f"mismatched keys: {len(sd_keys_hf)} != {len(sd_keys)}"
for k in sd_keys_hf:
    if any(k.endswith(w) for w in transposed):
        assert sd_hf[k].shape[::-1] == sd[k].shape
        with torch.no_grad():
            sd[k].copy_(sd_hf[k].t())
    else:
        assert sd_hf[k].shape == sd[k].shape
        with torch.no_grad():
            sd[k].copy_(sd_hf[k])
print(sd_hf['transformer.h.0.attn.c_attn.weight'].shape, sd['transformer.h.0.attn.c_attn.weight'].shape)
print(sd_hf['transformer.h.0.mlp.c_fc.weight'].shape[::-1], type(sd_hf['transformer.h.0.mlp.c_fc.weight'].shape[::-1]).__name__)
print(torch.equal(model.transformer.h[0].attn.c_attn.weight, sd_hf['transformer.h.0.attn.c_attn.weight'].t()))
print(model.transformer.h[1].mlp.c_proj.weight.requires_grad, model.transformer.h[1].mlp.c_proj.weight.grad_fn)
print(model.lm_head.weight is model.transformer.wte.weight, torch.equal(model.lm_head.weight, sd_hf['lm_head.weight']))
try:
    with torch.no_grad():
        sd['transformer.h.0.attn.c_attn.weight'].copy_(sd_hf['transformer.h.0.attn.c_attn.weight'])
except Exception as e:
    print(type(e).__name__, e)
try:
    sd['transformer.h.0.attn.c_attn.weight'].copy_(torch.zeros(48, 16))
except Exception as e:
    print(type(e).__name__, e)
logits, _ = model(torch.tensor([[1, 2, 3]]))
print(logits[0, -1, :5])
