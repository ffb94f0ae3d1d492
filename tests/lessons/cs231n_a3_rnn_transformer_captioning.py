# Imitates CS231n assignment 3's RNN_Captioning_pytorch.ipynb and Transformer_Captioning.ipynb: rnn_step_forward /
# rnn_forward by hand checked against expected values and autograd (dx, dprev_h, dWx, dWh, db errors), word_embedding
# forward, temporal_affine, temporal_softmax_loss with a mask (by hand and with ignore_index), then MultiHeadAttention
# with attn_mask and PositionalEncoding, their outputs printed and checked with rel_error; random data, small sizes.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def rel_error(x, y):
    """ returns relative error """
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))

# %%
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    next_h = torch.tanh(x @ Wx + prev_h @ Wh + b)
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache

N, D, H = 3, 10, 4
x = torch.linspace(-0.4, 0.7, steps=N * D, dtype=torch.float64).reshape(N, D)
prev_h = torch.linspace(-0.2, 0.5, steps=N * H, dtype=torch.float64).reshape(N, H)
Wx = torch.linspace(-0.1, 0.9, steps=D * H, dtype=torch.float64).reshape(D, H)
Wh = torch.linspace(-0.3, 0.7, steps=H * H, dtype=torch.float64).reshape(H, H)
b = torch.linspace(-0.2, 0.4, steps=H, dtype=torch.float64)
next_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
expected_next_h = np.asarray([
  [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
  [ 0.66854692,  0.79562378,  0.87755553,  0.92795967],
  [ 0.97934501,  0.99144213,  0.99646691,  0.99854353]])
print('next_h error: ', rel_error(expected_next_h, next_h.numpy()) < 1e-7)
print(next_h)

# %%
def rnn_step_backward(dnext_h, cache):
    x, prev_h, Wx, Wh, next_h = cache
    dz = dnext_h * (1 - next_h ** 2)
    return dz @ Wx.T, dz @ Wh.T, x.T @ dz, prev_h.T @ dz, dz.sum(dim=0)

torch.manual_seed(231)
N, D, H = 4, 5, 6
params = [torch.randn(N, D, dtype=torch.float64), torch.randn(N, H, dtype=torch.float64),
          torch.randn(D, H, dtype=torch.float64), torch.randn(H, H, dtype=torch.float64),
          torch.randn(H, dtype=torch.float64)]
for p in params:
    p.requires_grad_()
out, cache = rnn_step_forward(*params)
dnext_h = torch.randn(*out.shape, dtype=torch.float64)
out.backward(dnext_h)
with torch.no_grad():
    grads = rnn_step_backward(dnext_h, cache)
for name, p, g in zip(['dx', 'dprev_h', 'dWx', 'dWh', 'db'], params, grads):
    print(name + ' error: ', rel_error(p.grad.numpy(), g.numpy()) < 1e-10)
print(torch.autograd.gradcheck(lambda *a: rnn_step_forward(*a)[0], [p.detach().requires_grad_() for p in params]))

# %%
def rnn_forward(x, h0, Wx, Wh, b):
    N, T, D = x.shape
    hs = []
    prev_h = h0
    for t in range(T):
        prev_h, _ = rnn_step_forward(x[:, t, :], prev_h, Wx, Wh, b)
        hs.append(prev_h)
    return torch.stack(hs, dim=1), None

N, T, D, H = 2, 3, 4, 5
x = torch.linspace(-0.1, 0.3, steps=N * T * D).reshape(N, T, D)
h0 = torch.linspace(-0.3, 0.1, steps=N * H).reshape(N, H)
Wx = torch.linspace(-0.2, 0.4, steps=D * H).reshape(D, H)
Wh = torch.linspace(-0.4, 0.1, steps=H * H).reshape(H, H)
b = torch.linspace(-0.7, 0.1, steps=H)
h, _ = rnn_forward(x, h0, Wx, Wh, b)
print(h.shape, h.dtype)
print(h[1])
cell = nn.RNN(D, H, batch_first=True)
with torch.no_grad():
    cell.weight_ih_l0.copy_(Wx.T); cell.weight_hh_l0.copy_(Wh.T)
    cell.bias_ih_l0.copy_(b); cell.bias_hh_l0.zero_()
h_nn, h_last = cell(x, h0.unsqueeze(0))
print('h error vs nn.RNN: ', rel_error(h.numpy(), h_nn.detach().numpy()) < 1e-5, h_last.shape)

# %%
def word_embedding_forward(x, W):
    return W[x]

N, T, V, D = 2, 4, 5, 3
x = torch.tensor([[0, 3, 1, 2], [2, 1, 0, 3]])
W = torch.linspace(0, 1, steps=V * D).reshape(V, D).requires_grad_()
out = word_embedding_forward(x, W)
print(out.shape, out.grad_fn)
print(out[0])
print(torch.equal(out, F.embedding(x, W)), torch.equal(out, nn.Embedding.from_pretrained(W)(x)))
out.sum().backward()
print(W.grad)
try:
    word_embedding_forward(torch.tensor([[0, 5]]), W)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.embedding(torch.tensor([[0, 5]]), W)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.embedding(torch.tensor([[0., 1.]]), W)
except Exception as e:
    print(type(e).__name__, e)

# %%
def temporal_affine_forward(x, w, b):
    N, T, D = x.shape
    M = b.shape[0]
    return (x.reshape(N * T, D) @ w).reshape(N, T, M) + b

def temporal_softmax_loss(x, y, mask):
    N, T, V = x.shape
    x_flat = x.reshape(N * T, V)
    y_flat = y.reshape(N * T)
    mask_flat = mask.reshape(N * T)
    probs = torch.exp(x_flat - torch.max(x_flat, dim=1, keepdim=True).values)
    probs /= torch.sum(probs, dim=1, keepdim=True)
    loss = -torch.sum(mask_flat * torch.log(probs[torch.arange(N * T), y_flat])) / N
    return loss

def check_loss(N, T, V, p):
    x = 0.001 * torch.randn(N, T, V)
    y = torch.randint(V, size=(N, T))
    mask = torch.rand(N, T) <= p
    print(temporal_softmax_loss(x, y, mask).item())

torch.manual_seed(231)
check_loss(100, 1, 10, 1.0)   # Should be about 2.3
check_loss(100, 10, 10, 1.0)  # Should be about 23
check_loss(5000, 10, 10, 0.1) # Should be within 2.2-2.4

# %%
torch.manual_seed(231)
N, T, V = 3, 4, 5
scores = torch.randn(N, T, V, requires_grad=True)
y = torch.randint(V, size=(N, T))
mask = torch.rand(N, T) > 0.4
try:
    temporal_softmax_loss(scores, y, mask).backward()
except Exception as e:
    print(type(e).__name__, e)

def temporal_softmax_loss(x, y, mask):
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    probs = torch.exp(x_flat - torch.max(x_flat, dim=1, keepdim=True).values)
    probs = probs / torch.sum(probs, dim=1, keepdim=True)
    return -torch.sum(mask_flat * torch.log(probs[torch.arange(N * T), y_flat])) / N

loss = temporal_softmax_loss(scores, y, mask)
loss.backward()
NULL = -100
y_masked = y.masked_fill(~mask, NULL)
loss2 = F.cross_entropy(scores.reshape(N * T, V), y_masked.reshape(-1), ignore_index=NULL, reduction='sum') / N
print('loss: ', loss.item(), loss2, 'loss error: %e' % rel_error(loss.detach().numpy(), loss2.detach().numpy()))
print(scores.grad[0])
print(mask.dtype, (mask * torch.ones(N, T)).dtype, mask.sum(), mask.float().mean())
print(F.cross_entropy(scores.reshape(N * T, V), torch.full((N * T,), NULL), ignore_index=NULL))
try:
    F.cross_entropy(scores, y)
except Exception as e:
    print(type(e).__name__, e)
print(F.cross_entropy(scores.transpose(1, 2), y, reduction='none').shape)

# %%
class PositionalEncoding(nn.Module):
    def __init__(self, embed_dim, dropout=0.1, max_len=5000):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        assert embed_dim % 2 == 0
        pe = torch.zeros(1, max_len, embed_dim)
        i = torch.arange(max_len)[:, None]
        pows = torch.pow(10000, -torch.arange(0, embed_dim, 2) / embed_dim)
        pe[0, :, 0::2] = torch.sin(i * pows)
        pe[0, :, 1::2] = torch.cos(i * pows)
        self.register_buffer('pe', pe)

    def forward(self, x):
        N, S, D = x.shape
        output = x + self.pe[:, :S]
        output = self.dropout(output)
        return output

torch.manual_seed(231)
batch_size, sequence_length, embed_dim = 1, 2, 6
pe = PositionalEncoding(embed_dim, max_len=sequence_length)
x = torch.randn(batch_size, sequence_length, embed_dim)
output = pe(x)
print(output)
print(pe.pe)
print(torch.pow(10000, -torch.arange(0, 6, 2) / 6), torch.pow(2, torch.arange(3)))
print(list(pe.state_dict().keys()), pe)

# %%
class MultiHeadAttention(nn.Module):
    def __init__(self, embed_dim, num_heads, dropout=0.1):
        super().__init__()
        assert embed_dim % num_heads == 0
        self.key = nn.Linear(embed_dim, embed_dim)
        self.query = nn.Linear(embed_dim, embed_dim)
        self.value = nn.Linear(embed_dim, embed_dim)
        self.proj = nn.Linear(embed_dim, embed_dim)
        self.attn_drop = nn.Dropout(dropout)
        self.n_head = num_heads
        self.emd_dim = embed_dim
        self.head_dim = self.emd_dim // self.n_head

    def forward(self, query, key, value, attn_mask=None):
        N, S, E = query.shape
        N, T, E = value.shape
        output = torch.empty((N, S, E))
        H = self.n_head
        q = self.query(query).view(N, S, H, E // H).transpose(1, 2)
        k = self.key(key).view(N, T, H, E // H).transpose(1, 2)
        v = self.value(value).view(N, T, H, E // H).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(self.head_dim)
        if attn_mask is not None:
            scores = scores.masked_fill(attn_mask == 0, -math.inf)
        attn = self.attn_drop(F.softmax(scores, dim=-1))
        output = torch.matmul(attn, v).transpose(1, 2).reshape(N, S, E)
        output = self.proj(output)
        return output

torch.manual_seed(231)
batch_size, sequence_length, embed_dim = 1, 3, 8
attn = MultiHeadAttention(embed_dim, num_heads=2)
# Self-attention.
data = torch.randn(batch_size, sequence_length, embed_dim)
self_attn_output = attn(query=data, key=data, value=data)
# Masked self-attention.
mask = torch.randn(sequence_length, sequence_length) < 0.5
masked_self_attn_output = attn(query=data, key=data, value=data, attn_mask=mask)
# Attention using two inputs.
other_data = torch.randn(batch_size, sequence_length, embed_dim)
attn_output = attn(query=data, key=other_data, value=other_data)
print(mask)
print(self_attn_output)
print(masked_self_attn_output)
print(attn_output.shape, attn_output.grad_fn)

# %%
attn.eval()
tgt_mask = torch.tril(torch.ones(sequence_length, sequence_length))
out1 = attn(data, data, data, attn_mask=tgt_mask)
mha = nn.MultiheadAttention(embed_dim, 2, batch_first=True)
with torch.no_grad():
    mha.in_proj_weight.copy_(torch.cat([attn.query.weight, attn.key.weight, attn.value.weight]))
    mha.in_proj_bias.copy_(torch.cat([attn.query.bias, attn.key.bias, attn.value.bias]))
    mha.out_proj.weight.copy_(attn.proj.weight); mha.out_proj.bias.copy_(attn.proj.bias)
out2, w2 = mha(data, data, data, attn_mask=(tgt_mask == 0))
print('masked attn error vs nn: ', rel_error(out1.detach().numpy(), out2.detach().numpy()) < 1e-5)
print(w2)
out3 = F.scaled_dot_product_attention(data.view(1, 3, 2, 4).transpose(1, 2), data.view(1, 3, 2, 4).transpose(1, 2),
                                      data.view(1, 3, 2, 4).transpose(1, 2), is_causal=True)
print(out3.shape, out3[0, 0])
full = torch.zeros(3, 3, dtype=torch.bool)
print(attn(data, data, data, attn_mask=full))
try:
    attn(data, data, data, attn_mask=torch.ones(2, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(data, data, data, attn_mask=torch.ones(2, 2, dtype=torch.bool))
except Exception as e:
    print(type(e).__name__, e)
