# Imitates "LLaMA parts from scratch" and "MLP-Mixer in 50 lines" posts: RMSNorm, SwiGLU, rotary embeddings in
# real arithmetic (rotate_half), grouped-query attention with repeat_interleave, a KV cache grown with torch.cat
# along time and trimmed with narrow / index_select, and a Mixer block mixing tokens then channels.
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
        return self.weight * x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)

norm = RMSNorm(8)
h = torch.randn(2, 3, 8, requires_grad=True)
r = norm(h)
print(r.grad_fn, r.pow(2).mean(-1))
print(nn.RMSNorm(8, eps=1e-6)(h).sub(r).abs().max() < 1e-6)
print(nn.RMSNorm(8), nn.RMSNorm([3, 8], elementwise_affine=False))

# %%
F.rms_norm(h, (8,), eps=None).grad_fn, F.rms_norm(h, [3, 8])[0, 0, :3]

# %%
F.rms_norm(h, (4,))

# %%
class SwiGLU(nn.Module):
    def __init__(self, d, hidden):
        super().__init__()
        self.w1 = nn.Linear(d, hidden, bias=False)
        self.w3 = nn.Linear(d, hidden, bias=False)
        self.w2 = nn.Linear(hidden, d, bias=False)
    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))

ff = SwiGLU(8, 12)
o = ff(r)
print(o.shape, o.grad_fn)
a, gate = torch.randn(2, 12).chunk(2, -1)
print(F.glu(torch.randn(2, 12), dim=-1).shape, (a * F.silu(gate)).shape)

# %%
F.glu(torch.randn(2, 5))

# %%
def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2 :]
    return torch.cat((-x2, x1), dim=-1)

def rope_cache(T, dim, base=10000.0):
    inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2).float() / dim))
    t = torch.arange(T, dtype=inv_freq.dtype)
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    return emb.cos(), emb.sin()

cos, sin = rope_cache(6, 4)
print(cos.shape, sin[1])
q = torch.randn(1, 4, 6, 4, requires_grad=True)   # (B, heads, T, head_dim)
q_rot = q * cos + rotate_half(q) * sin
print(q_rot.grad_fn, q_rot[0, 0, 1])
print(torch.allclose(q_rot.norm(dim=-1), q.norm(dim=-1), atol=1e-5))

# %%
# interleaved pairs: view as (..., d/2, 2) and rotate
x2 = q.unflatten(-1, (-1, 2))
c, s = cos[:, ::2], sin[:, ::2]
rot = torch.stack([x2[..., 0] * c - x2[..., 1] * s, x2[..., 0] * s + x2[..., 1] * c], dim=-1).flatten(-2)
print(rot.shape, rot.grad_fn)
rot.sum().backward()
q.grad[0, 0, :2]

# %%
q * cos[:5]

# %%
torch.outer(torch.arange(3), torch.ones(2)).dtype, torch.outer(torch.arange(3), torch.arange(2))

# %%
torch.outer(torch.ones(2, 2), torch.ones(3))

# %%
B, T, n_head, n_kv, hd = 2, 5, 4, 2, 3
torch.manual_seed(1)
qh = torch.randn(B, n_head, T, hd)
kh = torch.randn(B, n_kv, T, hd, requires_grad=True)
vh = torch.randn(B, n_kv, T, hd)
k_rep = kh.repeat_interleave(n_head // n_kv, dim=1)
print(k_rep.shape, k_rep.grad_fn)
v_rep = vh[:, :, None].expand(B, n_kv, n_head // n_kv, T, hd).reshape(B, n_head, T, hd)
print(torch.equal(v_rep, vh.repeat_interleave(2, dim=1)))
att = F.scaled_dot_product_attention(qh, k_rep, v_rep, is_causal=True)
print(att.shape, att.grad_fn)
att2 = F.scaled_dot_product_attention(qh, kh, vh, is_causal=True, enable_gqa=True)
print(torch.allclose(att, att2, atol=1e-6), att2.grad_fn)

# %%
att.sum().backward()
kh.grad[0, 0, 0]

# %%
F.scaled_dot_product_attention(qh, kh, vh)

# %%
torch.tensor([1, 2, 3]).repeat_interleave(torch.tensor([1, 0, 2])), torch.repeat_interleave(torch.tensor([2, 1])), torch.tensor([[1, 2], [3, 4]]).repeat_interleave(2)

# %%
torch.tensor([1, 2, 3]).repeat_interleave(torch.tensor([1, 2]))

# %%
torch.tensor([1, 2, 3]).repeat_interleave(torch.tensor([1, -1, 2]))

# %%
torch.tensor([1., 2.], requires_grad=True).repeat_interleave(torch.tensor([2, 1]), output_size=3)

# %%
# KV cache: append one step at a time, keep a window of the last 4 steps
torch.manual_seed(2)
k_cache = torch.empty(B, n_kv, 0, hd)
v_cache = torch.empty(B, n_kv, 0, hd)
for step in range(6):
    k_new, v_new = torch.randn(B, n_kv, 1, hd), torch.randn(B, n_kv, 1, hd)
    k_cache = torch.cat([k_cache, k_new], dim=2)
    v_cache = torch.cat([v_cache, v_new], dim=2)
    if k_cache.size(2) > 4:
        k_cache = k_cache.narrow(2, k_cache.size(2) - 4, 4)
        v_cache = v_cache.index_select(2, torch.arange(v_cache.size(2) - 4, v_cache.size(2)))
print(k_cache.shape, k_cache.is_contiguous(), v_cache.is_contiguous(), k_cache.stride())
q_step = torch.randn(B, n_head, 1, hd)
out = F.scaled_dot_product_attention(q_step, k_cache.repeat_interleave(2, 1), v_cache.repeat_interleave(2, 1))
out[0, :, 0]

# %%
torch.cat([k_cache, torch.randn(B, n_kv, hd)], dim=2)

# %%
torch.cat([k_cache, torch.randn(B, n_head, 1, hd)], dim=2)

# %%
k_cache.narrow(2, 3, 2)

# %%
k_cache.narrow(2, -1, 1).shape, k_cache.narrow(2, torch.tensor(1), 2).shape, k_cache.narrow(-2, 0, 0).shape

# %%
v_cache.index_select(2, torch.tensor([0., 1.]))

# %%
v_cache.index_select(2, torch.tensor([[0, 1]]))

# %%
v_cache.index_select(2, torch.tensor([4]))

# %%
# preallocated cache written in place
cache = torch.zeros(1, 2, 8, 3)
for pos in range(3):
    cache[:, :, pos] = torch.full((1, 2, 3), float(pos + 1))
cache[:, :, :3].sum(), cache.index_select(2, torch.tensor([2, 0])).squeeze(0)

# %%
# MLP-Mixer block
class MixerBlock(nn.Module):
    def __init__(self, n_tokens, dim, tok_hidden, ch_hidden):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.token_mlp = nn.Sequential(nn.Linear(n_tokens, tok_hidden), nn.GELU(), nn.Linear(tok_hidden, n_tokens))
        self.channel_mlp = nn.Sequential(nn.Linear(dim, ch_hidden), nn.GELU(), nn.Linear(ch_hidden, dim))
    def forward(self, x):
        x = x + self.token_mlp(self.norm1(x).transpose(1, 2)).transpose(1, 2)
        return x + self.channel_mlp(self.norm2(x))

torch.manual_seed(3)
mix = MixerBlock(4, 6, 8, 12)
xm = torch.randn(2, 4, 6)
ym = mix(xm)
print(mix)
print(ym.grad_fn, ym[0, 0])
ym.sum().backward()
print(mix.token_mlp[0].weight.grad[0])

# %%
mix(torch.randn(2, 5, 6))

# %%
from torch.nn import Unfold
x_img = torch.arange(2 * 4 * 4.).reshape(1, 2, 4, 4)
print(Unfold(2, stride=2)(x_img).shape)
x_img.unfold(2, 2, 2).unfold(3, 2, 2).contiguous().view(1, 2, 4, 4).permute(0, 2, 3, 1).reshape(1, 4, -1)
