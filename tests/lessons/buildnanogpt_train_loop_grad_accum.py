# build-nanogpt (Karpathy, "Let's reproduce GPT-2 (124M)") train_gpt2.py's training loop in miniature on random
# tokens: configure_optimizers (param groups by p.dim() >= 2, num_decay_params with numel, 'fused' found through
# inspect.signature(torch.optim.AdamW).parameters), gradient accumulation (loss / grad_accum_steps,
# loss_accum += loss.detach()), clip_grad_norm_ returning the norm, get_lr's warmup + math.cos schedule and the
# printed step lines with f-string formatting of tensors and floats.
import inspect, time
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


def configure_optimizers(model, weight_decay, learning_rate, device_type):
    param_dict = {pn: p for pn, p in model.named_parameters()}
    param_dict = {pn: p for pn, p in param_dict.items() if p.requires_grad}
    decay_params = [p for n, p in param_dict.items() if p.dim() >= 2]
    nodecay_params = [p for n, p in param_dict.items() if p.dim() < 2]
    optim_groups = [
        {'params': decay_params, 'weight_decay': weight_decay},
        {'params': nodecay_params, 'weight_decay': 0.0}
    ]
    num_decay_params = sum(p.numel() for p in decay_params)
    num_nodecay_params = sum(p.numel() for p in nodecay_params)
    print(f"num decayed parameter tensors: {len(decay_params)}, with {num_decay_params:,} parameters")
    print(f"num non-decayed parameter tensors: {len(nodecay_params)}, with {num_nodecay_params:,} parameters")
    fused_available = 'fused' in inspect.signature(torch.optim.AdamW).parameters
    use_fused = fused_available and device_type == "cuda"
    print(f"using fused AdamW: {use_fused}")
    optimizer = torch.optim.AdamW(optim_groups, lr=learning_rate, betas=(0.9, 0.95), eps=1e-8, fused=use_fused)
    return optimizer

torch.manual_seed(1337)
model = GPT(GPTConfig())
optimizer = configure_optimizers(model, weight_decay=0.1, learning_rate=6e-4, device_type="cpu")
print(len(optimizer.param_groups), [g['weight_decay'] for g in optimizer.param_groups])
print(optimizer.param_groups[0]['fused'], optimizer.param_groups[1]['betas'], optimizer.defaults['eps'])
print(list(inspect.signature(torch.optim.AdamW).parameters)[:6])

# %%
max_lr = 6e-4
min_lr = max_lr * 0.1
warmup_steps = 3
max_steps = 10
def get_lr(it):
    if it < warmup_steps:
        return max_lr * (it + 1) / warmup_steps
    if it > max_steps:
        return min_lr
    decay_ratio = (it - warmup_steps) / (max_steps - warmup_steps)
    assert 0 <= decay_ratio <= 1
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (max_lr - min_lr)
print([f"{get_lr(i):.4e}" for i in range(0, 12, 2)])

# %%
total_batch_size = 64
B, T = 2, 8
grad_accum_steps = total_batch_size // (B * T)
print(f"total desired batch size: {total_batch_size}")
print(f"=> calculated gradient accumulation steps: {grad_accum_steps}")
g = torch.Generator().manual_seed(42)
data = torch.randint(0, 37, (400,), generator=g)
pos = 0
def next_batch():
    global pos
    buf = data[pos: pos + B * T + 1]
    x = (buf[:-1]).view(B, T)
    y = (buf[1:]).view(B, T)
    pos += B * T
    if pos + (B * T + 1) > len(data):
        pos = 0
    return x, y

for step in range(4):
    t0 = time.time()
    optimizer.zero_grad()
    loss_accum = 0.0
    for micro_step in range(grad_accum_steps):
        x, y = next_batch()
        logits, loss = model(x, y)
        loss = loss / grad_accum_steps
        loss_accum += loss.detach()
        loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    lr = get_lr(step)
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr
    optimizer.step()
    dt = max(time.time() - t0, 1e-3)
    tokens_per_sec = (B * T * grad_accum_steps) / dt
    print(f"step {step:4d} | loss: {loss_accum.item():.6f} | lr {lr:.4e} | norm: {norm:.4f} | tok/sec: {tokens_per_sec > 0}")
print(type(loss_accum).__name__, loss_accum.requires_grad, loss_accum.dtype, loss_accum.shape)
print(norm, norm.dtype)
print(f"{loss_accum:.3f}", f"{norm.item():8.3f}|", format(norm, '.2e'))
print(f"{loss_accum}")

# %%
# clip_grad_norm_ on its own: the norm before clipping, inf norms, error_if_nonfinite
w = torch.nn.Parameter(torch.tensor([3.0, 4.0]))
w.grad = torch.tensor([3.0, 4.0])
print(torch.nn.utils.clip_grad_norm_([w], max_norm=1.0), w.grad)
w.grad = torch.tensor([3.0, -4.0])
print(torch.nn.utils.clip_grad_norm_(w, max_norm=2.0, norm_type='inf'), w.grad)
w.grad = torch.tensor([float('nan'), 1.0])
try:
    torch.nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True)
except Exception as e:
    print(type(e).__name__, e)
print(torch.nn.utils.clip_grad_norm_([], 1.0))
