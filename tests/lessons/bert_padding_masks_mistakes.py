# Imitates the "attention masks for padded batches" part of BERT-from-scratch notebooks: padding masks built from
# input_ids == pad in bool and additive float forms, the unsqueeze(1).unsqueeze(2) broadcast, -1e9 versus -inf and
# fully masked rows, nn.MultiheadAttention / nn.TransformerEncoder / F.scaled_dot_product_attention with the mask
# forms and the mistakes learners make (wrong dtype, wrong shape, inverted mask, forgetting batch_first).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
PAD = 0
ids = torch.tensor([[5, 7, 9, 2, 0, 0], [4, 3, 0, 0, 0, 0], [8, 6, 5, 4, 3, 2]])
B, T, D, H = 3, 6, 8, 2
x = torch.randn(B, T, D)

# %%
pad_mask = ids == PAD
attn_mask_hf = (ids != PAD).long()
print(pad_mask)
print(attn_mask_hf)
ext = attn_mask_hf.unsqueeze(1).unsqueeze(2)
print(ext.shape, ext.dtype)
additive = (1.0 - ext.float()) * -10000.0
print(additive[1])
additive_min = (1.0 - ext.to(torch.float32)) * torch.finfo(torch.float32).min
print(additive_min[1, 0, 0])

# %%
q = k = v = x.view(B, T, H, D // H).transpose(1, 2)
scores = q @ k.transpose(-2, -1) / (D // H) ** 0.5
print(scores.shape)
s1 = scores.masked_fill(ext == 0, -1e9)
s2 = scores.masked_fill(ext == 0, float("-inf"))
s3 = scores + additive
p1, p2, p3 = s1.softmax(-1), s2.softmax(-1), s3.softmax(-1)
print(p1[1, 0], p2[1, 0], sep="\n")
print(torch.allclose(p1, p2), (p1 - p3).abs().max())

# %%
# a mask that hides every key of a row: -1e9 gives a uniform row, -inf gives NaN
full = torch.zeros(B, 1, 1, T, dtype=torch.bool)
full[1] = True
print(scores.masked_fill(full, -1e9).softmax(-1)[1, 0, 0])
print(scores.masked_fill(full, float("-inf")).softmax(-1)[1, 0, 0])
print(torch.nan_to_num(scores.masked_fill(full, float("-inf")).softmax(-1))[1, 0, 0])

# %%
# learner mistakes with masked_fill
try:
    scores.masked_fill(attn_mask_hf.unsqueeze(1).unsqueeze(2), -1e9)
except RuntimeError as e:
    print(e)
try:
    scores.masked_fill(pad_mask, -1e9)
except RuntimeError as e:
    print(e)
try:
    scores.masked_fill(pad_mask.unsqueeze(1), -1e9)
except RuntimeError as e:
    print(e)
print(scores.masked_fill(pad_mask[:, None, None, :], -1e9)[0, 0, 0])
try:
    scores.masked_fill_(pad_mask[:, None, :, None].float(), float("-inf"))
except RuntimeError as e:
    print(e)
print(scores.masked_fill(pad_mask[:, None, None, :], torch.tensor(-1e4))[0, 0, 0])
try:
    scores.masked_fill(pad_mask[:, None, None, :], torch.tensor([-1e4, -1e4]))
except RuntimeError as e:
    print(e)

# %%
torch.manual_seed(0)
mha = nn.MultiheadAttention(D, H, batch_first=True)
out, w = mha(x, x, x, key_padding_mask=pad_mask)
print(out.shape, w.shape)
print(w[1])
out_f, w_f = mha(x, x, x, key_padding_mask=pad_mask.float().masked_fill(pad_mask, float("-inf")))
print(torch.allclose(out, out_f, atol=1e-6))
out_h, w_h = mha(x, x, x, key_padding_mask=pad_mask, average_attn_weights=False)
print(w_h.shape, w_h[1, 1, 0])
o_nw, w_nw = mha(x, x, x, key_padding_mask=pad_mask, need_weights=False)
print(w_nw, torch.allclose(o_nw, out, atol=1e-6))

# %%
# inverted mask (attention_mask where 1 = keep passed as key_padding_mask)
out_inv, w_inv = mha(x, x, x, key_padding_mask=ids != PAD)
print(w_inv[2, 0])
print(out_inv[2, 0])
out_all, w_all = mha(x, x, x, key_padding_mask=torch.ones(B, T, dtype=torch.bool))
print(w_all[0, 0], out_all[0, 0])

# %%
# key_padding_mask of the wrong dtype and shape
for bad in (attn_mask_hf, pad_mask.T, pad_mask[:, :4], pad_mask.unsqueeze(1)):
    try:
        mha(x, x, x, key_padding_mask=bad)
        print("ok", bad.dtype, tuple(bad.shape))
    except Exception as e:
        print(type(e).__name__, e)

# %%
causal_bool = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
for am in (causal_bool, causal_bool.unsqueeze(0), causal_bool.expand(B * H, T, T), causal_bool[:4],
           causal_bool.expand(B, T, T), causal_bool.int()):
    try:
        o, w = mha(x, x, x, attn_mask=am)
        print("ok", tuple(am.shape), am.dtype, w[0, 1])
    except Exception as e:
        print(type(e).__name__, e)

# %%
# mixing a bool padding mask and a float attention mask
float_causal = torch.zeros(T, T).masked_fill(causal_bool, float("-inf"))
o, w = mha(x, x, x, attn_mask=float_causal, key_padding_mask=pad_mask)
print(w[0, 3])
o, w = mha(x, x, x, attn_mask=causal_bool, key_padding_mask=pad_mask.float())
print(w[1, 2])

# %%
# forgetting batch_first: the (B, T, D) batch is read as (T, B, D)
torch.manual_seed(0)
mha_sf = nn.MultiheadAttention(D, H)
try:
    mha_sf(x, x, x, key_padding_mask=pad_mask)
except Exception as e:
    print(type(e).__name__, e)
o, w = mha_sf(x, x, x)
print(o.shape, w.shape)

# %%
torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(D, H, dim_feedforward=16, dropout=0.0, activation="gelu", batch_first=True)
enc = nn.TransformerEncoder(layer, num_layers=2)
y = enc(x, src_key_padding_mask=pad_mask)
print(y.shape, y[1, :3, :3])
y_inv = enc(x, src_key_padding_mask=ids != PAD)
print(y_inv[0, 0, :4])

# %%
# enable_nested_tensor warnings
enc_nf = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, 16, 0.0, batch_first=True, norm_first=True), 2)
enc_sf = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, 16, 0.0), 2)
enc_off = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, 16, 0.0), 2, enable_nested_tensor=False)
enc_gelu = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, 16, 0.0, activation=F.gelu, batch_first=True), 1)
print(enc_nf.use_nested_tensor, enc_sf.use_nested_tensor, enc_off.use_nested_tensor, enc_gelu.use_nested_tensor)

# %%
try:
    enc(x, src_key_padding_mask=attn_mask_hf)
except Exception as e:
    print(type(e).__name__, e)
try:
    enc(x, mask=causal_bool, src_key_padding_mask=pad_mask.float())
except Exception as e:
    print(type(e).__name__, e)
y2 = enc(x, mask=causal_bool, src_key_padding_mask=pad_mask)
print(y2[0, 0, :4])
y3 = enc(x, mask=nn.Transformer.generate_square_subsequent_mask(T), src_key_padding_mask=pad_mask, is_causal=True)
print(torch.allclose(y2, y3, atol=1e-5))

# %%
# scaled_dot_product_attention with the mask forms
sdpa_bool = F.scaled_dot_product_attention(q, k, v, attn_mask=~pad_mask[:, None, None, :])
sdpa_float = F.scaled_dot_product_attention(q, k, v, attn_mask=additive)
print(sdpa_bool.shape, (sdpa_bool - sdpa_float).abs().max() < 1e-5)
print(F.scaled_dot_product_attention(q, k, v, attn_mask=pad_mask[:, None, None, :])[1, 0, 0])
print(F.scaled_dot_product_attention(q, k, v, is_causal=True)[0, 0, :2])
print(F.scaled_dot_product_attention(q, k, v, scale=0.1)[0, 0, 0])
torch.manual_seed(5)
print(F.scaled_dot_product_attention(q, k, v, dropout_p=0.5)[0, 0, :2])

# %%
for kwargs in ({"attn_mask": causal_bool, "is_causal": True}, {"attn_mask": attn_mask_hf[:, None, None, :]},
               {"attn_mask": pad_mask[:, None, :]}, {"attn_mask": torch.zeros(B, T, dtype=torch.float64)}):
    try:
        r = F.scaled_dot_product_attention(q, k, v, **kwargs)
        print("ok", r.shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# a causal mask made with numpy is float64 (and a 0/1 mask, not 0/-inf)
import numpy as np
np_mask = torch.from_numpy(np.triu(np.ones((T, T)), k=1))
print(np_mask.dtype)
for am in (np_mask, np_mask.float(), np_mask.bool(), np_mask.float() * -1e9):
    try:
        o, w = mha(x, x, x, attn_mask=am)
        print("ok", am.dtype, w[0, 0])
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.scaled_dot_product_attention(q, k, v, attn_mask=np_mask)
except RuntimeError as e:
    print(e)
