# Imitates an "Attention is all you need with nn.Transformer" notebook: the full nn.Transformer with src / tgt /
# memory masks and padding masks, xavier init of its parameters, a custom encoder, a training step with gradients,
# and the errors of mismatched batch / d_model; then MultiheadAttention's less used options (kdim / vdim,
# add_bias_kv, add_zero_attn) together with masks, in train and in eval (the fast path), and F.multi_head_attention_forward.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
model = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=16,
                       dropout=0.1)
print(sum(p.numel() for p in model.parameters()), model.d_model, model.nhead, model.batch_first)
print([n for n, _ in model.named_parameters()][:6])
print(model.encoder.norm, model.decoder.norm)
print(model.encoder.layers[0].self_attn.in_proj_weight[0, :4])
print(model.decoder.layers[0].norm3.weight[:3], model.encoder.layers[1].linear1.bias[:3])

# %%
torch.manual_seed(1)
src = torch.randn(6, 2, 8)
tgt = torch.randn(4, 2, 8)
src_pad = torch.tensor([[False] * 6, [False, False, False, False, True, True]])
tgt_pad = torch.tensor([[False] * 4, [False, False, False, True]])
tgt_mask = model.generate_square_subsequent_mask(4)
model.eval()
out = model(src, tgt, tgt_mask=tgt_mask, src_key_padding_mask=src_pad, tgt_key_padding_mask=tgt_pad,
            memory_key_padding_mask=src_pad)
print(out.shape, out.grad_fn, out[3, 1])
mem_mask = torch.zeros(4, 6, dtype=torch.bool)
mem_mask[:, 5] = True
out2 = model(src, tgt, tgt_mask=tgt_mask, memory_mask=mem_mask, tgt_is_causal=True)
print(out2[0, 0])
src_mask = torch.zeros(6, 6)
src_mask[0, 1:] = float('-inf')
out3 = model(src, tgt, src_mask=src_mask, tgt_mask=tgt_mask)
print(out3[2, 0])

# %%
model.train()
torch.manual_seed(2)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
out = model(src, tgt, tgt_mask=tgt_mask, src_key_padding_mask=src_pad, memory_key_padding_mask=src_pad)
loss = F.mse_loss(out, torch.randn_like(out))
loss.backward()
print(loss)
print(model.encoder.layers[0].self_attn.in_proj_weight.grad[:2, :4])
print(model.decoder.layers[0].multihead_attn.out_proj.weight.grad[0, :4])
opt.step()
print(model.decoder.layers[0].linear2.bias)

# %%
for s, t in [(src, tgt[:, :1]), (src, torch.randn(4, 2, 6)), (src[:, 0], tgt)]:
    try:
        model(s, t)
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.Transformer(d_model=10, nhead=3)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
enc_layer = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0)
custom = nn.Transformer(d_model=8, nhead=2, custom_encoder=nn.TransformerEncoder(enc_layer, 1), num_decoder_layers=1,
                        dim_feedforward=16, dropout=0.0)
print(type(custom.encoder).__name__, len(custom.encoder.layers), custom.encoder.norm)
print(custom(src, tgt)[0, 0])

# %%
torch.manual_seed(4)
kv = nn.MultiheadAttention(8, 2, kdim=5, vdim=3, add_bias_kv=True, add_zero_attn=True)
for n, p in kv.named_parameters():
    print(n, tuple(p.shape))
print(kv.bias_k.view(-1)[:4], kv.in_proj_weight, kv.in_proj_bias[:4])
q, k, v = torch.randn(3, 2, 8), torch.randn(4, 2, 5), torch.randn(4, 2, 3)
o, w = kv(q, k, v)
print(o.shape, w.shape, w[0])
kpm = torch.tensor([[False, False, True, True], [False] * 4])
am = torch.zeros(3, 4, dtype=torch.bool)
am[0, 0] = True
o, w = kv(q, k, v, key_padding_mask=kpm, attn_mask=am, average_attn_weights=False)
print(w.shape, w[0, 1])
(o.pow(2).sum()).backward()
print(kv.k_proj_weight.grad[0], kv.bias_v.grad.view(-1))
print(kv.q_proj_weight.grad.shape, kv.v_proj_weight.grad[0])

# %%
torch.manual_seed(5)
mha = nn.MultiheadAttention(8, 2, batch_first=True).eval()
xb = torch.randn(2, 5, 8)
pad = torch.tensor([[False, False, False, True, True], [False] * 5])
with torch.no_grad():
    o1, w1 = mha(xb, xb, xb, key_padding_mask=pad, need_weights=False)
    o2, w2 = mha(xb, xb, xb, key_padding_mask=pad)
print(w1, o1[0, 4], torch.allclose(o1, o2, atol=1e-6))
with torch.no_grad():
    o3, _ = mha(xb, xb, xb, attn_mask=torch.triu(torch.ones(5, 5, dtype=torch.bool), 1), need_weights=False)
print(o3[1, 0])

# %%
torch.manual_seed(6)
m = nn.MultiheadAttention(8, 2)
x = torch.randn(3, 1, 8)
o, w = F.multi_head_attention_forward(x, x, x, 8, 2, m.in_proj_weight, m.in_proj_bias, None, None, False, 0.0,
                                      m.out_proj.weight, m.out_proj.bias, training=False)
print(o.grad_fn, w.grad_fn, o[0, 0])
print(torch.allclose(o, m(x, x, x)[0]))
