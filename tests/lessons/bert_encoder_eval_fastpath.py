# Imitates the evaluation half of "BERT from scratch" posts and the d2l BERT/NLI notebooks: the encoder in eval mode
# under torch.no_grad() (PyTorch's fast path and nested tensors for padded batches), weight tying and parameter
# counts, seeded masking with generators, GELU variants, MultiheadAttention's mask errors and fully masked rows.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
PAD, V, D, H, T = 0, 20, 8, 2, 5
ids = torch.tensor([[3, 4, 5, 0, 0], [6, 7, 8, 9, 10], [11, 0, 0, 0, 0]])
pad = ids == PAD
emb = nn.Embedding(V, D, padding_idx=PAD)
x = emb(ids)

# %%
layer = nn.TransformerEncoderLayer(D, H, dim_feedforward=16, dropout=0.1, batch_first=True)
enc = nn.TransformerEncoder(layer, num_layers=2)
enc.eval()
with torch.no_grad():
    y = enc(x, src_key_padding_mask=pad)
print(y.shape, y.is_nested)
print(y[0])
print(y[2, 1:].abs().sum())

# %%
with torch.no_grad():
    y_train_path = enc.train()(x, src_key_padding_mask=pad)
enc.eval()
print(y_train_path[0, 3])
y_grad = enc(x, src_key_padding_mask=pad)
print(y_grad.requires_grad, y_grad[0, 3])

# %%
pre = nn.TransformerEncoderLayer(D, H, 16, 0.0, activation="gelu", batch_first=True, norm_first=True).eval()
with torch.no_grad():
    print(pre(x, src_key_padding_mask=pad)[2])
post = nn.TransformerEncoderLayer(D, H, 16, 0.0, activation=nn.GELU(approximate="tanh"), batch_first=True).eval()
with torch.no_grad():
    print(post(x, src_key_padding_mask=pad)[0, :2])

# %%
# a padding mask given as float (0 / -inf) next to a bool causal mask
causal = nn.Transformer.generate_square_subsequent_mask(T)
print(causal)
float_pad = torch.zeros(3, T).masked_fill(pad, float("-inf"))
out = enc(x, mask=causal, src_key_padding_mask=float_pad)
print(out[1, 0])
out_bool = enc(x, mask=causal.isinf(), src_key_padding_mask=pad)
print(torch.allclose(out, out_bool, atol=1e-6) if False else out_bool[1, 0])

# %%
print(F.gelu(torch.tensor([-1.0, 0.5, 2.0])), F.gelu(torch.tensor([-1.0, 0.5, 2.0]), approximate="tanh"))
try:
    F.gelu(torch.tensor([1.0]), approximate="fast")
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.GELU(approximate=True)(torch.tensor([1.0]))
except Exception as e:
    print(type(e).__name__, e)
print(nn.GELU("tanh"), nn.LayerNorm(8, eps=1e-12))

# %%
# weight tying and counting parameters
class MLMHead(nn.Module):
    def __init__(self, emb):
        super().__init__()
        self.emb = emb
        self.out = nn.Linear(D, V)
        self.out.weight = emb.weight

tied = MLMHead(emb)
print(sum(p.numel() for p in tied.parameters()))
print(len(list(tied.named_parameters())), len(list(tied.named_parameters(remove_duplicate=False))))
print(list(tied.state_dict().keys()))
print(tied.out.weight.data_ptr() == tied.emb.weight.data_ptr())
try:
    tied.out.weight = emb.weight.data
except TypeError as e:
    print(e)

# %%
# seeded masking with a generator
g = torch.Generator().manual_seed(123)
probs = torch.full(ids.shape, 0.15).masked_fill(pad, 0.0)
m1 = torch.bernoulli(probs, generator=g).bool()
r = torch.rand(ids.shape, generator=g)
rnd_tok = torch.randint(1, V, ids.shape, generator=g)
print(m1, r[0], rnd_tok[1])
torch.manual_seed(5)
print(torch.bernoulli(torch.tensor([0.2, 0.9, 0.5])), torch.rand_like(probs)[0], torch.empty(4).bernoulli_(0.3))
try:
    torch.bernoulli(torch.tensor([0.2, 1.5]))
except RuntimeError as e:
    print(e)
try:
    torch.bernoulli(ids)
except RuntimeError as e:
    print(e)

# %%
# multi-head attention with fully masked rows, attn_mask of 3 dims, and mask errors
mha = nn.MultiheadAttention(D, H, batch_first=True)
all_pad = torch.tensor([[True] * T, [False] * T, [False, True, True, True, True]])
o, w = mha(x, x, x, key_padding_mask=all_pad)
print(o[0, 0], w[0, 0], w[2, 0])
with torch.no_grad():
    mha.eval()
    o2, w2 = mha(x, x, x, key_padding_mask=all_pad)
    print(o2[0, 0], w2[0, 0])
m3 = torch.zeros(3 * H, T, T, dtype=torch.bool)
m3[:, :, -1] = True
print(mha(x, x, x, attn_mask=m3)[1][1, 0])

# %%
for bad in (torch.zeros(H, T, T, dtype=torch.bool), torch.zeros(3, T, T, dtype=torch.bool),
            torch.zeros(T, T + 1, dtype=torch.bool), torch.zeros(1, 1, T, T, dtype=torch.bool),
            torch.zeros(T, T, dtype=torch.long)):
    try:
        mha(x, x, x, attn_mask=bad)
        print("ok", tuple(bad.shape))
    except Exception as e:
        print(type(e).__name__, e)

# %%
try:
    mha(x, x, x, key_padding_mask=pad, is_causal=True)
except Exception as e:
    print(type(e).__name__, e)
o, w = mha(x, x, x, attn_mask=causal.isinf(), is_causal=True)
print(w[0, 1])
o, w = mha(x, x, x, attn_mask=causal.isinf(), is_causal=True, need_weights=False)
print(w, o[0, 0])
