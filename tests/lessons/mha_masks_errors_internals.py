# Imitates an "Attention is all you need, with nn.MultiheadAttention" lesson: parameter names and seeded init,
# batch_first both ways, 2-d / 3-d per-head attn_mask (bool and float), key_padding_mask bool / float, mixed mask
# kinds, is_causal, need_weights / average_attn_weights, dropout train vs eval, grads into in_proj / out_proj,
# and the shape / mask errors learners hit.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2)
for name, p in mha.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print(mha)
print(mha.in_proj_weight[:2, :4])
print(mha.in_proj_bias, mha.out_proj.bias)
print(mha.head_dim, mha._qkv_same_embed_dim, mha.batch_first, mha.dropout)

# %%
torch.manual_seed(1)
x = torch.randn(5, 3, 8)   # (L, N, E)
out, w = mha(x, x, x)
print(out.shape, w.shape, out.grad_fn, w.grad_fn)
print(out[0, 0])
print(w[0])
out2, w2 = mha(x, x, x, need_weights=False)
print(w2, torch.allclose(out, out2, atol=1e-6))
out3, w3 = mha(x, x, x, average_attn_weights=False)
print(w3.shape, w3.sum(-1)[0])

# %%
L, N, H = 5, 3, 2
causal = torch.triu(torch.ones(L, L, dtype=torch.bool), diagonal=1)
o_b, w_b = mha(x, x, x, attn_mask=causal)
fmask = torch.zeros(L, L).masked_fill(causal, float('-inf'))
o_f, w_f = mha(x, x, x, attn_mask=fmask)
print(torch.allclose(o_b, o_f, atol=1e-6), w_b[0])
m3 = torch.zeros(N * H, L, L)
m3[1::2] = fmask
o3, w3 = mha(x, x, x, attn_mask=m3, average_attn_weights=False)
print(w3.shape, w3[0, 1], w3[0, 0, 0])

# %%
kpm = torch.tensor([[False] * 5, [False, False, False, True, True], [False, True, False, True, False]])
o_k, w_k = mha(x, x, x, key_padding_mask=kpm)
print(w_k[1])
kpm_f = torch.zeros(3, 5).masked_fill(kpm, float('-inf'))
o_kf, w_kf = mha(x, x, x, key_padding_mask=kpm_f)
print(torch.allclose(o_k, o_kf, atol=1e-6))
o_mix, w_mix = mha(x, x, x, key_padding_mask=kpm, attn_mask=fmask)
print(w_mix[2])

# %%
try:
    mha(x, x, x, is_causal=True)
except Exception as e:
    print(type(e).__name__, e)
o_c, w_c = mha(x, x, x, attn_mask=causal, is_causal=True)
print(torch.allclose(o_c, o_b, atol=1e-6))
o_c2, w_c2 = mha(x, x, x, attn_mask=causal, is_causal=True, need_weights=False)
print(w_c2, o_c2[4, 2])

# %%
torch.manual_seed(2)
bf = nn.MultiheadAttention(8, 4, batch_first=True, dropout=0.5)
xb = torch.randn(2, 4, 8)
torch.manual_seed(3)
ot, wt = bf(xb, xb, xb)
print(wt[0])
bf.eval()
oe, we = bf(xb, xb, xb)
print(we[0], oe.grad_fn)
bf.train()

# %%
torch.manual_seed(4)
q = torch.randn(2, 3, 8, requires_grad=True)
out, w = bf.eval()(q, q, q)
loss = out.pow(2).sum() + w.sum()
loss.backward()
print(bf.in_proj_weight.grad[:3, :3])
print(bf.in_proj_bias.grad[:6])
print(bf.out_proj.weight.grad[0], bf.out_proj.bias.grad)
print(q.grad[0, 0])

# %%
for args in [dict(attn_mask=torch.zeros(4, 4)), dict(attn_mask=torch.zeros(3, 5, 5)),
             dict(key_padding_mask=torch.zeros(3, 4, dtype=torch.bool)),
             dict(attn_mask=torch.zeros(5, 5, dtype=torch.int64))]:
    try:
        mha(x, x, x, **args)
        print("ok", list(args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.MultiheadAttention(10, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(x, x[:, :2], x)
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(x[:, 0, :4], x[:, 0, :4], x[:, 0, :4])
except Exception as e:
    print(type(e).__name__, e)

# %%
x2 = x[:, 0]   # unbatched (L, E)
o_u, w_u = mha(x2, x2, x2)
print(o_u.shape, w_u.shape, torch.allclose(o_u, mha(x, x, x)[0][:, 0], atol=1e-6))
o_u, w_u = mha(x2, x2, x2, attn_mask=causal, average_attn_weights=False)
print(w_u.shape)
