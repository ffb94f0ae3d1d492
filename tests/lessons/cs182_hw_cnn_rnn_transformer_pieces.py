# Imitates Berkeley CS182/282A homeworks 2-4: convolution and max pooling written with loops and einsum, checked
# against F.conv2d / F.unfold / F.max_pool2d; spatial batchnorm and group norm by reshapes; a vanilla RNN step by
# hand against nn.RNN; and the transformer homework's causal attention, nn.MultiheadAttention, positional encoding
# and nn.TransformerEncoder, with the shape errors students see.
import math
import torch
import torch.nn as nn, torch.nn.functional as F
torch.manual_seed(1)
x = torch.randn(2, 3, 5, 5, dtype=torch.float64, requires_grad=True)
w = torch.randn(4, 3, 3, 3, dtype=torch.float64, requires_grad=True)
b = torch.randn(4, dtype=torch.float64, requires_grad=True)
def conv_naive(x, w, b, stride=1, pad=1):
    N, C, H, W = x.shape
    F_, _, HH, WW = w.shape
    xp = F.pad(x, (pad, pad, pad, pad))
    Ho = 1 + (H + 2 * pad - HH) // stride
    Wo = 1 + (W + 2 * pad - WW) // stride
    out = torch.zeros(N, F_, Ho, Wo, dtype=x.dtype)
    for i in range(Ho):
        for j in range(Wo):
            patch = xp[:, :, i*stride:i*stride+HH, j*stride:j*stride+WW]
            out[:, :, i, j] = torch.einsum('nchw,fchw->nf', patch, w) + b
    return out
o1 = conv_naive(x, w, b, 2, 1)
o2 = F.conv2d(x, w, b, stride=2, padding=1)
print(o1.shape, o2.shape, torch.allclose(o1, o2), o1.grad_fn)
g = torch.randn_like(o1)
gx1, gw1 = torch.autograd.grad(o1, (x, w), g)
gx2, gw2 = torch.autograd.grad(o2, (x, w), g)
print(torch.allclose(gx1, gx2), torch.allclose(gw1, gw2))
cols = F.unfold(x, kernel_size=3, padding=1, stride=2)
print(cols.shape, torch.allclose((w.view(4, -1) @ cols).view(2, 4, 3, 3) + b.view(1, -1, 1, 1), o2))
try:
    F.conv2d(x, w[:, :2], b)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(x.float(), w, b)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(x[0, 0], w, b)
except Exception as e:
    print(type(e).__name__, e)
# %%
def maxpool_naive(x, ph, pw, s):
    N, C, H, W = x.shape
    Ho, Wo = 1 + (H - ph) // s, 1 + (W - pw) // s
    out = x.new_zeros(N, C, Ho, Wo)
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i*s:i*s+ph, j*s:j*s+pw].amax(dim=(2, 3))
    return out
xp = torch.randn(2, 3, 4, 4, requires_grad=True)
m1 = maxpool_naive(xp, 2, 2, 2)
m2, idx = F.max_pool2d(xp, 2, 2, return_indices=True)
print(torch.equal(m1, m2), idx[0, 0], m1.grad_fn.name())
m1.sum().backward()
print(xp.grad[0, 0])
print(F.max_unpool2d(m2, idx, 2).shape, nn.MaxPool2d(2, ceil_mode=True)(torch.ones(1, 1, 5, 5)).shape)
try:
    F.max_pool2d(torch.ones(1, 1, 1, 1), 2)
except Exception as e:
    print(type(e).__name__, e)
# %%
# spatial batchnorm and group norm via reshapes
x = torch.randn(2, 3, 4, 5) * 4 + 10
mean = x.mean(dim=(0, 2, 3), keepdim=True)
var = x.var(dim=(0, 2, 3), keepdim=True, unbiased=False)
mine = (x - mean) / torch.sqrt(var + 1e-5)
print(torch.allclose(mine, F.batch_norm(x, None, None, training=True), atol=1e-5))
G = 3
xg = x.view(2, G, -1)
gn = ((xg - xg.mean(-1, keepdim=True)) / (xg.var(-1, unbiased=False, keepdim=True) + 1e-5).sqrt()).view_as(x)
print(torch.allclose(gn, F.group_norm(x, G), atol=1e-5))
try:
    F.group_norm(x, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.GroupNorm(2, 3)
except Exception as e:
    print(type(e).__name__, e)
print(nn.GroupNorm(3, 3), nn.BatchNorm2d(3, affine=False), nn.LayerNorm([4, 5], elementwise_affine=False))
# %%
# RNN step by hand vs nn.RNN
torch.manual_seed(2)
rnn = nn.RNN(input_size=3, hidden_size=4, batch_first=True)
print(rnn, [n for n, _ in rnn.named_parameters()])
xs = torch.randn(2, 5, 3)
h = torch.zeros(2, 4)
hs = []
for t in range(5):
    h = torch.tanh(xs[:, t] @ rnn.weight_ih_l0.T + rnn.bias_ih_l0 + h @ rnn.weight_hh_l0.T + rnn.bias_hh_l0)
    hs.append(h)
H = torch.stack(hs, dim=1)
out, hn = rnn(xs)
print(torch.allclose(H, out, atol=1e-6), hn.shape, torch.allclose(hn[0], h, atol=1e-6))
try:
    rnn(torch.randn(2, 5, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    rnn(xs, torch.zeros(2, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    rnn(xs, torch.zeros(1, 3, 4))
except Exception as e:
    print(type(e).__name__, e)
lstm = nn.LSTM(3, 4, num_layers=2, dropout=0.1, bidirectional=True)
print(lstm, lstm.weight_ih_l1.shape, lstm.weight_ih_l0_reverse.shape)
o, (hn, cn) = lstm(torch.randn(5, 2, 3))
print(o.shape, hn.shape, cn.shape)
cell = nn.LSTMCell(3, 4)
hx, cx = cell(torch.randn(2, 3))
i, f, g, o_ = (torch.randn(2, 3) @ cell.weight_ih.T).chunk(4, 1)
print(hx.shape, i.shape, cell)
print(nn.GRU(3, 4, 1, dropout=0.5))
# %%
q = torch.randn(2, 4, 6, 8, requires_grad=True)
k = torch.randn(2, 4, 6, 8)
v = torch.randn(2, 4, 6, 8)
mask = torch.triu(torch.ones(6, 6, dtype=torch.bool), diagonal=1)
scores = q @ k.transpose(-2, -1) / math.sqrt(8)
scores = scores.masked_fill(mask, float('-inf'))
att = scores.softmax(dim=-1)
mine = att @ v
ref = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(torch.allclose(mine, ref, atol=1e-6), ref.grad_fn.name())
ref2 = F.scaled_dot_product_attention(q, k, v, attn_mask=~mask)
print(torch.allclose(ref2, ref, atol=1e-6))
print(nn.Transformer.generate_square_subsequent_mask(4))
try:
    F.scaled_dot_product_attention(q, k, v, attn_mask=~mask, is_causal=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.scaled_dot_product_attention(q, k[..., :4], v)
except Exception as e:
    print(type(e).__name__, e)
# %%
torch.manual_seed(4)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
print(mha, [(n, p.shape) for n, p in mha.named_parameters()])
x = torch.randn(3, 5, 8)
out, w = mha(x, x, x, need_weights=True)
print(out.shape, w.shape, w.sum(-1)[0])
out2, w2 = mha(x, x, x, average_attn_weights=False, key_padding_mask=torch.tensor([[False]*4 + [True]]*3))
print(w2.shape, w2[0, 0, 0])
out3, w3 = mha(x, x, x, need_weights=False, attn_mask=nn.Transformer.generate_square_subsequent_mask(5))
print(w3, out3.shape)
try:
    nn.MultiheadAttention(8, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(x, x, x, attn_mask=torch.zeros(4, 4))
except Exception as e:
    print(type(e).__name__, e)
# %%
class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout=0.1, max_len=50):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        position = torch.arange(max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, 1, d_model)
        pe[:, 0, 0::2] = torch.sin(position * div_term)
        pe[:, 0, 1::2] = torch.cos(position * div_term)
        self.register_buffer('pe', pe)
    def forward(self, x):
        x = x + self.pe[:x.size(0)]
        return self.dropout(x)
pe = PositionalEncoding(6)
print(pe, pe.pe.shape, list(pe.state_dict().keys()), len(list(pe.parameters())))
print(pe.pe[:3, 0])
pe.eval()
print(pe(torch.zeros(2, 1, 6))[1])
torch.manual_seed(5)
layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
enc = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
y = enc(torch.randn(2, 5, 8), mask=nn.Transformer.generate_square_subsequent_mask(5), is_causal=True)
print(y.shape, sum(p.numel() for p in enc.parameters()))
print(layer)
emb = nn.Embedding(10, 4, padding_idx=0)
print(emb, emb.weight[0], emb(torch.tensor([[0, 3], [2, 0]])).shape)
try:
    emb(torch.tensor([10]))
except Exception as e:
    print(type(e).__name__, e)
try:
    emb(torch.tensor([1.0]))
except Exception as e:
    print(type(e).__name__, e)
