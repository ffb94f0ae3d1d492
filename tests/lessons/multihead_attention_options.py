# Imitates a "nn.MultiheadAttention explained" blog post: shapes with batch_first, key_padding_mask, attn_mask in
# bool and float forms, per-head weights, kdim/vdim, add_bias_kv / add_zero_attn, and matching it by hand.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
print(mha)
print([(n, tuple(p.shape)) for n, p in mha.named_parameters()])
x = torch.randn(2, 4, 8)
out, w = mha(x, x, x)
print(out.shape, w.shape, w[0].sum(-1))

# %%
kpm = torch.tensor([[False, False, True, True], [False, False, False, False]])
out, w = mha(x, x, x, key_padding_mask=kpm)
print(w[0])
out, w = mha(x, x, x, need_weights=True, average_attn_weights=False)
print(w.shape)
out2, none = mha(x, x, x, need_weights=False)
print(none, torch.allclose(out, out2, atol=1e-6))

# %%
causal = torch.triu(torch.ones(4, 4, dtype=torch.bool), 1)
o_b, w_b = mha(x, x, x, attn_mask=causal)
float_mask = torch.zeros(4, 4).masked_fill(causal, float('-inf'))
o_f, w_f = mha(x, x, x, attn_mask=float_mask)
print(torch.allclose(o_b, o_f, atol=1e-6), w_b[1])

# %%
W_q, W_k, W_v = mha.in_proj_weight.chunk(3)
b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
q = (x @ W_q.T + b_q).view(2, 4, 2, 4).transpose(1, 2)
k = (x @ W_k.T + b_k).view(2, 4, 2, 4).transpose(1, 2)
v = (x @ W_v.T + b_v).view(2, 4, 2, 4).transpose(1, 2)
att = (q @ k.transpose(-2, -1) / 2.0).softmax(-1)
manual = mha.out_proj((att @ v).transpose(1, 2).reshape(2, 4, 8))
ref, _ = mha(x, x, x)
print(torch.allclose(manual, ref, atol=1e-6))

# %%
cross = nn.MultiheadAttention(8, 2, kdim=5, vdim=3, batch_first=True)
print([n for n, _ in cross.named_parameters()])
mem_k = torch.randn(2, 6, 5); mem_v = torch.randn(2, 6, 3)
o, w = cross(x, mem_k, mem_v)
print(o.shape, w.shape)
extra = nn.MultiheadAttention(8, 2, add_bias_kv=True, add_zero_attn=True)
xs = torch.randn(4, 2, 8)
o, w = extra(xs, xs, xs)
print(o.shape, w.shape, extra.bias_k.shape)

# %%
xr = x.clone().requires_grad_(True)
o, _ = mha(xr, xr, xr)
o.sum().backward()
print(xr.grad[0, 0], mha.in_proj_weight.grad.shape)
try:
    nn.MultiheadAttention(10, 3)
except AssertionError as e:
    print("AssertionError", e)
try:
    mha(x, x[:, :3], x)
except Exception as e:
    print(type(e).__name__, e)
