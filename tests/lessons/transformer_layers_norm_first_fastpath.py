# Imitates the "Language Modeling with nn.Transformer" tutorial read side by side with the TransformerEncoderLayer /
# DecoderLayer docs: parameter names and seeded init, norm_first, activation='gelu' or a callable, enable_nested_tensor
# and its warnings, the eval-mode fast path with a src_key_padding_mask, is_causal detection, gradients and grad_fn.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0)
for name, p in layer.named_parameters():
    print(name, tuple(p.shape))
print(layer)
print(layer.linear1.weight[0, :4], layer.norm1.weight[:3], layer.activation_relu_or_gelu)

# %%
torch.manual_seed(1)
x = torch.randn(4, 2, 8)
y = layer(x)
print(y.shape, y.grad_fn, y[0, 0])
layer_nf = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, norm_first=True)
layer_nf.load_state_dict(layer.state_dict())
y_nf = layer_nf(x)
print(y_nf[0, 0], y_nf.grad_fn)

# %%
torch.manual_seed(2)
g = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, activation='gelu', batch_first=True)
print(g.activation.__name__, g.activation_relu_or_gelu)
c = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, activation=F.gelu, batch_first=True)
print(c.activation is F.gelu, c.activation_relu_or_gelu)
c2 = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, activation=nn.GELU(), batch_first=True)
print(c2.activation, c2.activation_relu_or_gelu)
c3 = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, activation=torch.tanh, batch_first=True)
c3.load_state_dict(g.state_dict())
xb = torch.randn(2, 4, 8)
print(g(xb)[0, 0], c3(xb)[0, 0])
try:
    nn.TransformerEncoderLayer(8, 2, 16, activation='swish')
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.set_warn_always(True)
enc = nn.TransformerEncoder(layer, num_layers=2)
print(enc.use_nested_tensor, enc.enable_nested_tensor)
enc_nf = nn.TransformerEncoder(layer_nf, num_layers=2, enable_nested_tensor=True)
enc_bf = nn.TransformerEncoder(g, num_layers=2, enable_nested_tensor=False)
print(enc_bf.use_nested_tensor)
enc_ok = nn.TransformerEncoder(g, num_layers=2)
print(enc_ok.use_nested_tensor, len(enc_ok.layers), enc_ok.layers[0] is g)

# %%
torch.manual_seed(3)
enc_ok.eval()
src = torch.randn(2, 5, 8)
pad = torch.tensor([[False, False, False, True, True], [False] * 5])
with torch.no_grad():
    out = enc_ok(src, src_key_padding_mask=pad)
print(out[0])
print(out[1, 0])
enc_ok.train()
out_t = enc_ok(src, src_key_padding_mask=pad)
print(out_t[0, 3], out_t.grad_fn)

# %%
mask = nn.Transformer.generate_square_subsequent_mask(5)
print(mask)
print(nn.Transformer.generate_square_subsequent_mask(3, dtype=torch.float64))
enc_ok.eval()
with torch.no_grad():
    a = enc_ok(src, mask=mask)
    b = enc_ok(src, mask=mask, is_causal=True)
    bm = enc_ok(src, mask=mask.bool() if False else torch.triu(torch.ones(5, 5, dtype=torch.bool), 1))
print(torch.allclose(a, b, atol=1e-6), torch.allclose(a, bm, atol=1e-6), a[0, 0])
try:
    enc_ok(src, is_causal=True)
except Exception as e:
    print(type(e).__name__, e)
enc_ok.train()

# %%
torch.manual_seed(4)
dec_layer = nn.TransformerDecoderLayer(8, 2, 16, dropout=0.0, norm_first=True, batch_first=True, activation='gelu')
print([n for n, _ in dec_layer.named_parameters()])
dec = nn.TransformerDecoder(dec_layer, num_layers=2, norm=nn.LayerNorm(8))
tgt = torch.randn(2, 3, 8, requires_grad=True)
mem = torch.randn(2, 5, 8)
tmask = nn.Transformer.generate_square_subsequent_mask(3)
o = dec(tgt, mem, tgt_mask=tmask, memory_key_padding_mask=pad, tgt_is_causal=True)
print(o.shape, o.grad_fn, o[1, 2])
wts = torch.linspace(-1, 1, 8)
(o * wts).sum().backward()
print(tgt.grad[0, 0])
print(dec.layers[0].multihead_attn.in_proj_weight.grad[8:10, :4])
print(dec.layers[1].linear2.bias.grad)

# %%
torch.manual_seed(5)
d = nn.TransformerDecoderLayer(8, 2, 16, dropout=0.5)
t, m = torch.randn(3, 2, 8), torch.randn(4, 2, 8)
torch.manual_seed(6)
print(d(t, m)[0, 0])
d.eval()
print(d(t, m)[0, 0])
try:
    d(t, m[:, :1])
except Exception as e:
    print(type(e).__name__, e)
