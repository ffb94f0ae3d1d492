# Imitates a "why does my Transformer's output change between train() and eval()" forum thread: the encoder's
# nested-tensor fast path with padding masks (bool, float, all padded), the mask-conversion warnings, is_causal
# detection, bias=False layers, float64 modules, unbatched inputs with masks, and the mask errors learners paste.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.set_warn_always(True)
torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.1, batch_first=True)
enc = nn.TransformerEncoder(layer, num_layers=2).eval()
x = torch.randn(3, 4, 8)
pad = torch.tensor([[False, False, True, True], [False] * 4, [False, True, True, True]])
with torch.no_grad():
    a = enc(x, src_key_padding_mask=pad)
    fpad = torch.zeros(3, 4).masked_fill(pad, float('-inf'))
    b = enc(x, src_key_padding_mask=fpad)
print(a[2], torch.equal(a, b))

# %%
try:
    with torch.no_grad():
        c = enc(x, src_key_padding_mask=torch.ones(3, 4, dtype=torch.bool))
    print(c[0])
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    d = layer.eval()(x, src_key_padding_mask=pad)
print(d[0, 3])

# %%
for m in [torch.zeros(3, 4, dtype=torch.int64), torch.zeros(3, 5, dtype=torch.bool), torch.zeros(4, dtype=torch.bool)]:
    try:
        with torch.no_grad():
            print(enc(x, src_key_padding_mask=m).shape)
    except Exception as e:
        print(type(e).__name__, e)
for m in [torch.zeros(4, 4, dtype=torch.int32), torch.zeros(4, dtype=torch.bool), torch.zeros(2, 4, 4, dtype=torch.bool)]:
    try:
        with torch.no_grad():
            print(enc(x, mask=m).shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
causal = nn.Transformer.generate_square_subsequent_mask(4)
with torch.no_grad():
    e1 = enc(x, mask=causal)
    e2 = enc(x, mask=causal, src_key_padding_mask=pad)
print(e1[0, 0], e2[0, 1])
enc.train()
torch.manual_seed(1)
e3 = enc(x, mask=causal, src_key_padding_mask=pad)
print(e3[0, 1], e3.grad_fn)

# %%
torch.manual_seed(2)
nb = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, bias=False, layer_norm_eps=1e-3, batch_first=True)
print([n for n, _ in nb.named_parameters()])
print(nb.self_attn.in_proj_bias, nb.linear1.bias, nb.norm1)
y = nb(x)
print(y[0, 0])
mb = nn.MultiheadAttention(8, 2, bias=False)
print([n for n, _ in mb.named_parameters()], mb.out_proj)

# %%
torch.manual_seed(3)
m64 = nn.MultiheadAttention(4, 2, dtype=torch.float64)
print(m64.in_proj_weight.dtype, m64.out_proj.weight.dtype)
q = torch.randn(2, 1, 4)
try:
    m64(q, q, q)
except Exception as e:
    print(type(e).__name__, e)
o, w = m64(q.double(), q.double(), q.double())
print(o.dtype, w.dtype, o[0, 0])

# %%
torch.manual_seed(4)
mha = nn.MultiheadAttention(8, 2)
xu = torch.randn(4, 8)
kp = torch.tensor([False, False, True, False])
o, w = mha(xu, xu, xu, key_padding_mask=kp)
print(o.shape, w)
m3 = torch.zeros(2, 4, 4, dtype=torch.bool)
m3[0, :, 0] = True
o, w = mha(xu, xu, xu, attn_mask=m3, average_attn_weights=False)
print(w[0, 1], w[1, 1])
for kw in [dict(attn_mask=torch.zeros(4, dtype=torch.bool)), dict(key_padding_mask=torch.zeros(1, 4, dtype=torch.bool)),
           dict(attn_mask=torch.zeros(4, 4, 4, dtype=torch.bool)), dict(attn_mask=torch.zeros(1, 1, 4, 4))]:
    try:
        mha(xu, xu, xu, **kw)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(5)
dl = nn.TransformerDecoderLayer(8, 2, 16, dropout=0.0)
t, mem = torch.randn(3, 2, 8), torch.randn(4, 2, 8)
try:
    dl(t, mem, tgt_is_causal=True)
except Exception as e:
    print(type(e).__name__, e)
print(dl(t, mem, tgt_mask=nn.Transformer.generate_square_subsequent_mask(3), tgt_is_causal=True)[0, 0])
try:
    dl(t, mem, memory_mask=torch.zeros(3, 5))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(6)
att = nn.MultiheadAttention(8, 2, batch_first=True).eval()
xb = torch.randn(2, 3, 8)
kpm = torch.tensor([[True, True, True], [False, False, True]])
with torch.no_grad():
    o, w = att(xb, xb, xb, key_padding_mask=kpm, need_weights=False)
    print(o[0, 0], o[1, 2], w)
    o_c, _ = att(xb, xb, xb, is_causal=True)
    print(o_c[1, 0])
    for kw in [dict(attn_mask=torch.zeros(2, 3, 3, dtype=torch.bool)), dict(key_padding_mask=torch.zeros(2, 4, dtype=torch.bool)),
               dict(key_padding_mask=torch.zeros(2, 3, 3, dtype=torch.bool)), dict(attn_mask=torch.zeros(2, 2, dtype=torch.bool)),
               dict(attn_mask=torch.zeros(3, 3, dtype=torch.bool), key_padding_mask=torch.zeros(3, 2, dtype=torch.bool))]:
        try:
            print(att(xb, xb, xb, **kw)[0][0, 0])
        except Exception as e:
            print(type(e).__name__, e)
o_t, _ = att(xb, xb, xb, key_padding_mask=kpm, need_weights=False)
print(o_t[0, 0], o_t.grad_fn)

# %%
torch.manual_seed(7)
lay = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True, norm_first=True).eval()
with torch.no_grad():
    print(lay(xb, src_key_padding_mask=kpm)[0, 0])
    print(lay(xb, is_causal=True)[1, 0])
    for kw in [dict(src_mask=torch.zeros(2, 2)), dict(src_key_padding_mask=torch.zeros(2, 5, dtype=torch.bool)),
               dict(src_mask=torch.zeros(3)), dict(src_key_padding_mask=torch.zeros(3, dtype=torch.bool))]:
        try:
            print(lay(xb, **kw)[0, 0])
        except Exception as e:
            print(type(e).__name__, e)
print(lay(xb, src_key_padding_mask=kpm)[1, 0])
fm = torch.tensor([[0., 0.5, -1.], [0., 0., 0.], [2., 0., 0.]])
with torch.no_grad():
    print(lay(xb, src_mask=fm)[0])
print(lay(xb, src_mask=fm)[0])
