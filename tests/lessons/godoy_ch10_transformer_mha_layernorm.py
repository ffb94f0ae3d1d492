# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 10 (transformers): multi-headed attention by hand (chunking the projections, scaled dot products, masks) set
# side by side with nn.MultiheadAttention (weights, averaged attention, key_padding_mask, batch_first), LayerNorm by
# hand vs nn.LayerNorm, a sinusoidal PositionalEncoding registered as a buffer, nn.TransformerEncoderLayer and
# nn.TransformerEncoder with norm_first, and patch embeddings from an image with unfold and a strided Conv2d.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(42)
d_model, n_heads = 4, 2
d_k = d_model // n_heads
x = torch.randn(2, 3, d_model)
mha = nn.MultiheadAttention(embed_dim=d_model, num_heads=n_heads, batch_first=True)
print(mha)
print([(n, p.shape) for n, p in mha.named_parameters()])
print(mha.in_proj_weight.shape, mha.out_proj)
out, weights = mha(x, x, x)
print(out.shape, weights.shape, out.grad_fn)
print(weights.sum(dim=-1))
out2, w2 = mha(x, x, x, average_attn_weights=False)
print(w2.shape, torch.allclose(w2.mean(dim=1), weights))
out3, w3 = mha(x, x, x, need_weights=False)
print(w3, torch.allclose(out3, out, atol=1e-6))

# %%
Wq, Wk, Wv = mha.in_proj_weight.chunk(3, dim=0)
bq, bk, bv = mha.in_proj_bias.chunk(3)
def split_heads(t):
    N, L, _ = t.shape
    return t.view(N, L, n_heads, d_k).transpose(1, 2)
q = split_heads(F.linear(x, Wq, bq))
k = split_heads(F.linear(x, Wk, bk))
v = split_heads(F.linear(x, Wv, bv))
print(q.shape, q.is_contiguous())
scores = torch.matmul(q, k.transpose(-2, -1)) / np.sqrt(d_k)
alphas = F.softmax(scores, dim=-1)
context = torch.matmul(alphas, v)
context = context.transpose(1, 2).contiguous().view(2, 3, d_model)
manual = mha.out_proj(context)
print(torch.allclose(manual, out, atol=1e-6), torch.allclose(alphas, w2, atol=1e-6))
try:
    context.transpose(1, 2).view(2, -1)
except Exception as e:
    print(type(e).__name__, e)
print(context.transpose(1, 2).reshape(2, -1).shape)

# %%
key_padding_mask = torch.tensor([[False, False, True], [False, False, False]])
out_m, w_m = mha(x, x, x, key_padding_mask=key_padding_mask)
print(w_m[0])
attn_mask = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
out_c, w_c = mha(x, x, x, attn_mask=attn_mask)
print(w_c[1])
float_mask = nn.Transformer.generate_square_subsequent_mask(3)
print(float_mask)
out_f, w_f = mha(x, x, x, attn_mask=float_mask)
print(torch.allclose(w_f, w_c))
try:
    mha(x, x, x, attn_mask=torch.ones(2, 2, dtype=torch.bool))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MultiheadAttention(embed_dim=5, num_heads=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(x, x[:, :2], x)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(23)
dummy_points = torch.randn(4, 1, 256)
dummy_pe = torch.randn(4, 1, 256)
dummy_enc = (dummy_points + dummy_pe)
print(dummy_enc.mean(axis=2).squeeze(), dummy_enc.std(axis=2).squeeze())
layer_norm = nn.LayerNorm(256)
normalized = layer_norm(dummy_enc)
print(normalized[0][0].mean(), normalized[0][0].std(unbiased=False))
print(layer_norm.state_dict().keys(), layer_norm)
mean = dummy_enc.mean(axis=-1, keepdim=True)
var = dummy_enc.var(axis=-1, keepdim=True, unbiased=False)
manual_ln = (dummy_enc - mean) / torch.sqrt(var + layer_norm.eps)
print(torch.allclose(manual_ln, normalized, atol=1e-5))
small = torch.tensor([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0]], requires_grad=True)
ln = nn.LayerNorm(3)
y = ln(small)
print(y)
y[0, 0].backward()
print(small.grad, ln.weight.grad, ln.bias.grad)
print(nn.LayerNorm([2, 3], elementwise_affine=False), nn.LayerNorm(3, bias=False).bias)
try:
    nn.LayerNorm(4)(small)
except Exception as e:
    print(type(e).__name__, e)
print(F.layer_norm(small, (3,)).grad_fn)

# %%
class PositionalEncoding(nn.Module):
    def __init__(self, max_len, d_model):
        super().__init__()
        self.d_model = d_model
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len).float().unsqueeze(1)
        angular_speed = torch.exp(torch.arange(0, d_model, 2).float() * (-np.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * angular_speed)
        pe[:, 1::2] = torch.cos(position * angular_speed)
        self.register_buffer('pe', pe.unsqueeze(0))

    def forward(self, x):
        scaled_x = x * np.sqrt(self.d_model)
        encoded = scaled_x + self.pe[:, :x.size(1), :]
        return encoded

posenc = PositionalEncoding(3, 4)
print(posenc.pe, posenc.state_dict().keys(), list(posenc.parameters()))
print(list(posenc.named_buffers())[0][1].shape)
print(posenc(torch.zeros(1, 2, 4)))
print(np.sqrt(4) * torch.ones(1, 2, 4) + posenc.pe[:, :2])
posenc.register_buffer('tmp', torch.ones(1), persistent=False)
print(posenc.state_dict().keys(), [n for n, _ in posenc.named_buffers()])
try:
    posenc.register_buffer('d_model', torch.ones(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    posenc.register_buffer('bad', [1, 2])
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
enc_layer = nn.TransformerEncoderLayer(d_model=4, nhead=2, dim_feedforward=8, dropout=0.0, batch_first=True,
                                       norm_first=True)
print(enc_layer)
enc_layer.eval()
src = torch.randn(2, 3, 4)
out = enc_layer(src)
print(out)
sa, _ = enc_layer.self_attn(enc_layer.norm1(src), enc_layer.norm1(src), enc_layer.norm1(src))
h = src + sa
manual = h + enc_layer.linear2(F.relu(enc_layer.linear1(enc_layer.norm2(h))))
print(torch.allclose(manual, out, atol=1e-6))
encoder = nn.TransformerEncoder(enc_layer, num_layers=2, norm=nn.LayerNorm(4), enable_nested_tensor=False)
encoder.eval()
print(len(encoder.layers), encoder.layers[0] is enc_layer, encoder.norm)
out = encoder(src, src_key_padding_mask=torch.tensor([[False, False, True], [False, False, False]]))
print(out.shape)
encoder.train()
out = encoder(src)
(out * torch.arange(4.0)).sum().backward()
print(encoder.layers[1].linear2.bias.grad, enc_layer.linear2.bias.grad)

# %%
torch.manual_seed(0)
img = torch.arange(1, 1 + 2 * 1 * 4 * 4).float().view(2, 1, 4, 4)
kernel_size = 2
patches = img.unfold(2, kernel_size, kernel_size).unfold(3, kernel_size, kernel_size)
print(patches.shape)
patches = patches.contiguous().view(2, 1, -1, kernel_size * kernel_size).permute(0, 2, 1, 3).flatten(2)
print(patches.shape, patches[0])

class PatchEmbed(nn.Module):
    def __init__(self, img_size=4, patch_size=2, in_channels=1, embed_dim=3):
        super().__init__()
        self.num_patches = (img_size // patch_size) ** 2
        self.proj = nn.Conv2d(in_channels, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        x = self.proj(x).flatten(2).transpose(1, 2)
        return x

torch.manual_seed(13)
embed = PatchEmbed()
embedded = embed(img)
print(embed.num_patches, embedded.shape, embedded.grad_fn)
w = embed.proj.weight.view(3, -1)
print(torch.allclose(patches @ w.T + embed.proj.bias, embedded, atol=1e-5))
cls_token = nn.Parameter(torch.zeros(1, 1, 3))
cls_tokens = cls_token.expand(2, -1, -1)
seq = torch.cat((cls_tokens, embedded), dim=1)
print(seq.shape, seq[0, 0], cls_tokens.is_contiguous(), cls_tokens.stride())
seq.sum().backward()
print(cls_token.grad, embed.proj.bias.grad)
