# Imitates Stanford CS336 (Spring 2025) assignment 1 "basics": RotaryPositionalEmbedding with cos/sin tables
# precomputed once and kept as register_buffer(..., persistent=False), applied to pairs (x[..., 0::2], x[..., 1::2])
# at given token_positions; softmax by hand with max subtraction (stable for large logits);
# scaled_dot_product_attention by hand with a boolean causal mask from torch.triu and masked_fill(-inf),
# checked against F.scaled_dot_product_attention; causal multi-head self-attention with one fused QKV projection
# split and reshaped by hand and einsum for the scores.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class RotaryPositionalEmbedding(nn.Module):
    def __init__(self, theta, d_k, max_seq_len, device=None):
        super().__init__()
        freqs = 1.0 / (theta ** (torch.arange(0, d_k, 2, device=device).float() / d_k))
        pos = torch.arange(max_seq_len, device=device).float()
        angles = torch.einsum("i,j->ij", pos, freqs)
        self.register_buffer("cos", angles.cos(), persistent=False)
        self.register_buffer("sin", angles.sin(), persistent=False)

    def forward(self, x, token_positions):
        cos = self.cos[token_positions]
        sin = self.sin[token_positions]
        x_even, x_odd = x[..., 0::2], x[..., 1::2]
        out = torch.empty_like(x)
        out[..., 0::2] = x_even * cos - x_odd * sin
        out[..., 1::2] = x_even * sin + x_odd * cos
        return out

rope = RotaryPositionalEmbedding(10000.0, 8, 16)
print(rope)
print(list(rope.state_dict().keys()), [n for n, _ in rope.named_buffers()])
print(rope.cos.shape, rope.sin[1])
x = torch.randn(2, 5, 8, requires_grad=True)
pos = torch.arange(5)
xr = rope(x, pos)
print(xr.shape, xr.grad_fn)
print(torch.allclose(xr.norm(dim=-1), x.norm(dim=-1), atol=1e-5))
print(torch.allclose(xr[:, 0], x[:, 0]))
xr.pow(2).sum().backward()
print(x.grad[0, 1])
pos2 = torch.tensor([[0, 1, 2, 3, 4], [3, 4, 5, 6, 7]])
print(rope(x.detach(), pos2)[1, 0])
try:
    rope(x.detach(), torch.tensor([16]))
except Exception as e:
    print(type(e).__name__, e)

# %%
def softmax(x, dim):
    x_max = x.max(dim=dim, keepdim=True).values
    x_exp = torch.exp(x - x_max)
    return x_exp / x_exp.sum(dim=dim, keepdim=True)

logits = torch.tensor([[1.0, 2.0, 3.0], [1000.0, 1001.0, 1002.0]])
print(softmax(logits, dim=-1))
print(torch.exp(logits) / torch.exp(logits).sum(-1, keepdim=True))
print(torch.allclose(softmax(logits, -1), F.softmax(logits, dim=-1)))
print(softmax(torch.tensor([[-float("inf"), 0.0, 1.0]]), dim=-1))
print(softmax(torch.full((1, 3), -float("inf")), dim=-1), F.softmax(torch.full((1, 3), -float("inf")), dim=-1))
m = logits.max(dim=-1, keepdim=True)
print(m)

# %%
def scaled_dot_product_attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    scores = Q @ K.transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return softmax(scores, dim=-1) @ V

T = 4
causal = ~torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
print(causal)
print(torch.triu(torch.ones(T, T), diagonal=1))
Q, K, V = torch.randn(2, T, 8), torch.randn(2, T, 8), torch.randn(2, T, 6)
Q.requires_grad_()
out = scaled_dot_product_attention(Q, K, V, causal)
print(out.shape, out.grad_fn)
ref = F.scaled_dot_product_attention(Q, K, V, attn_mask=causal)
print(torch.allclose(out, ref, atol=1e-6), torch.allclose(out, F.scaled_dot_product_attention(Q, K, V, is_causal=True), atol=1e-6))
out.sum().backward()
print(Q.grad[0])
try:
    scaled_dot_product_attention(Q, K, V, torch.ones(T, T))
except Exception as e:
    print(type(e).__name__, e)
try:
    scaled_dot_product_attention(Q, K[:, :3], V, causal)
except Exception as e:
    print(type(e).__name__, e)

# %%
class CausalMultiHeadSelfAttention(nn.Module):
    def __init__(self, d_model, num_heads, rope=None):
        super().__init__()
        assert d_model % num_heads == 0
        self.num_heads = num_heads
        self.d_head = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=False)
        self.k_proj = nn.Linear(d_model, d_model, bias=False)
        self.v_proj = nn.Linear(d_model, d_model, bias=False)
        self.output_proj = nn.Linear(d_model, d_model, bias=False)
        self.rope = rope

    def forward(self, x, token_positions=None):
        *b, T, d = x.shape
        q = self.q_proj(x).view(*b, T, self.num_heads, self.d_head).transpose(-3, -2)
        k = self.k_proj(x).view(*b, T, self.num_heads, self.d_head).transpose(-3, -2)
        v = self.v_proj(x).view(*b, T, self.num_heads, self.d_head).transpose(-3, -2)
        if self.rope is not None:
            if token_positions is None:
                token_positions = torch.arange(T)
            q, k = self.rope(q, token_positions), self.rope(k, token_positions)
        mask = torch.tril(torch.ones(T, T, dtype=torch.bool))
        scores = torch.einsum("...qd,...kd->...qk", q, k) / math.sqrt(self.d_head)
        scores = scores.masked_fill(~mask, float("-inf"))
        attn = softmax(scores, dim=-1)
        out = torch.einsum("...qk,...kd->...qd", attn, v)
        out = out.transpose(-3, -2).reshape(*b, T, d)
        return self.output_proj(out)

mha = CausalMultiHeadSelfAttention(16, 4, rope=RotaryPositionalEmbedding(10000.0, 4, 8))
print(mha)
print(list(mha.state_dict().keys()))
h = torch.randn(2, 6, 16)
o = mha(h)
print(o.shape, o[0, 0, :4])
o2 = mha(h[:, :3])
print(torch.allclose(o[:, :3], o2, atol=1e-6))
o.square().mean().backward()
print(mha.q_proj.weight.grad.abs().sum() > 0, mha.k_proj.weight.grad.shape)
print(mha(h[0]).shape)
try:
    mha(torch.randn(2, 9, 16))
except Exception as e:
    print(type(e).__name__, e)
try:
    o.view(2, -1, 5)
except Exception as e:
    print(type(e).__name__, e)
