# Imitates a "build LLaMA from scratch" notebook: RMSNorm by hand vs nn.RMSNorm, rotary embeddings written with
# real arithmetic, SwiGLU, grouped-query attention with repeat_interleave, and a KV cache grown with torch.cat.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))
    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight

x = torch.randn(2, 5, 8)
mine, ref = RMSNorm(8), nn.RMSNorm(8, eps=1e-6)
print(torch.allclose(mine(x), ref(x), atol=1e-6), ref)
print(mine(x)[0, 0])

# %%
def rope_cache(seq_len, dim, base=10000.0):
    inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2).float() / dim))
    t = torch.arange(seq_len).float()
    freqs = torch.outer(t, inv_freq)
    return freqs.cos(), freqs.sin()

def apply_rope(x, cos, sin):
    x1, x2 = x[..., ::2], x[..., 1::2]
    rot = torch.stack([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)
    return rot.flatten(-2)

cos, sin = rope_cache(5, 4)
print(cos.shape, sin[1])
q = torch.randn(1, 2, 5, 4, requires_grad=True)
qr = apply_rope(q, cos, sin)
print(qr[0, 0, 1], qr.grad_fn)
print(torch.allclose(qr.norm(dim=-1), q.norm(dim=-1), atol=1e-6))

# %%
class SwiGLU(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.w1 = nn.Linear(dim, hidden, bias=False)
        self.w2 = nn.Linear(hidden, dim, bias=False)
        self.w3 = nn.Linear(dim, hidden, bias=False)
    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))

ff = SwiGLU(8, 16)
y = ff(x)
y.square().mean().backward()
print(y.shape, ff.w1.weight.grad.norm(), ff.w3.weight.grad[0, :3])

# %%
B, T, n_heads, n_kv, hd = 2, 5, 4, 2, 4
wq = nn.Linear(16, n_heads * hd, bias=False)
wk = nn.Linear(16, n_kv * hd, bias=False)
wv = nn.Linear(16, n_kv * hd, bias=False)
h = torch.randn(B, T, 16)
q = wq(h).view(B, T, n_heads, hd).transpose(1, 2)
k = wk(h).view(B, T, n_kv, hd).transpose(1, 2)
v = wv(h).view(B, T, n_kv, hd).transpose(1, 2)
k_rep = k.repeat_interleave(n_heads // n_kv, dim=1)
v_rep = v.repeat_interleave(n_heads // n_kv, dim=1)
out = F.scaled_dot_product_attention(q, k_rep, v_rep, is_causal=True)
print(out.shape, out[0, 0, -1])
out2 = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
print(torch.allclose(out, out2, atol=1e-6))

# %%
cache_k = torch.empty(B, n_kv, 0, hd)
cache_v = torch.empty(B, n_kv, 0, hd)
outs = []
with torch.no_grad():
    for t in range(T):
        ht = h[:, t:t + 1]
        qt = wq(ht).view(B, 1, n_heads, hd).transpose(1, 2)
        cache_k = torch.cat([cache_k, wk(ht).view(B, 1, n_kv, hd).transpose(1, 2)], dim=2)
        cache_v = torch.cat([cache_v, wv(ht).view(B, 1, n_kv, hd).transpose(1, 2)], dim=2)
        kk = cache_k.repeat_interleave(2, dim=1); vv = cache_v.repeat_interleave(2, dim=1)
        att = (qt @ kk.transpose(-2, -1)) / math.sqrt(hd)
        outs.append(att.softmax(-1) @ vv)
inc = torch.cat(outs, dim=2)
print(cache_k.shape, torch.allclose(inc, out, atol=1e-5))
