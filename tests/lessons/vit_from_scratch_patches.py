# Imitates "Vision Transformer from scratch" notebooks: patch embedding by a strided Conv2d and by
# unfold/reshape/permute, a cls token concatenated with expand, learned position embeddings, pre-norm blocks
# with nn.MultiheadAttention(batch_first=True), nn.TransformerEncoderLayer(norm_first=True), GELU(tanh).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
imgs = torch.randn(2, 3, 8, 8)
p = 4
patch_conv = nn.Conv2d(3, 6, kernel_size=p, stride=p)
emb = patch_conv(imgs)
print(emb.shape, emb.grad_fn)
tokens = emb.flatten(2).transpose(1, 2)
print(tokens.shape, tokens.is_contiguous(), tokens.grad_fn)

# %%
# the same patches by unfold
patches = imgs.unfold(2, p, p).unfold(3, p, p)
print(patches.shape, patches.stride())
patches = patches.permute(0, 2, 3, 1, 4, 5).reshape(2, -1, 3 * p * p)
print(patches.shape)
lin = nn.Linear(3 * p * p, 6)
with torch.no_grad():
    lin.weight.copy_(patch_conv.weight.reshape(6, -1))
    lin.bias.copy_(patch_conv.bias)
print(torch.allclose(lin(patches), tokens, atol=1e-6))

# %%
patches_view = imgs.unfold(2, p, p).unfold(3, p, p).permute(0, 2, 3, 1, 4, 5)
patches_view.view(2, -1, 3 * p * p)

# %%
F.unfold(imgs, kernel_size=p, stride=p).shape, F.unfold(imgs, kernel_size=p, stride=p).transpose(1, 2)[0, 0, :5]

# %%
imgs.unfold(2, 10, 4)

# %%
cls_token = nn.Parameter(torch.zeros(1, 1, 6))
pos_embed = nn.Parameter(torch.randn(1, 5, 6) * .02)
x = torch.cat([cls_token.expand(2, -1, -1), tokens], dim=1) + pos_embed
print(x.shape, x.grad_fn, x.grad_fn.next_functions[0][0])

# %%
# learner mistake: forgetting the batch in expand / cat
torch.cat([cls_token, tokens], dim=1)

# %%
cls_token.expand(2, 6)

# %%
cls_token.expand(-1, 2, -1, -1)

# %%
attn = nn.MultiheadAttention(6, 2, batch_first=True)
print(attn)
out, w = attn(x, x, x)
print(out.shape, w.shape, out.grad_fn, w.grad_fn)
out2, w2 = attn(x, x, x, need_weights=False)
print(w2, torch.allclose(out, out2, atol=1e-6))
out3, w3 = attn(x, x, x, average_attn_weights=False)
print(w3.shape, w3.sum(-1)[0, 0])

# %%
mask = torch.triu(torch.ones(5, 5, dtype=torch.bool), 1)
o, aw = attn(x, x, x, attn_mask=mask)
print(aw[0, :2])
kpm = torch.tensor([[False] * 5, [False, False, False, True, True]])
o, aw = attn(x, x, x, key_padding_mask=kpm)
print(aw[1, 0])

# %%
nn.MultiheadAttention(6, 4)

# %%
attn(x, x, x, attn_mask=torch.zeros(4, 4))

# %%
attn(x.transpose(0, 1)[:, :1], x, x)

# %%
class Block(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(approximate='tanh'), nn.Linear(4 * d, d))
    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))

torch.manual_seed(2)
blk = Block(6, 2)
print(blk)
y = blk(x)
print(y.grad_fn, y[0, 0])

# %%
g = nn.GELU(approximate='tanh')
t = torch.linspace(-3, 3, 7, requires_grad=True)
print(g, g(t), F.gelu(t, approximate='tanh').grad_fn)
g(t).sum().backward()
t.grad

# %%
nn.GELU(approximate='fast')(t)

# %%
F.gelu(t, approximate=None)

# %%
torch.manual_seed(3)
layer = nn.TransformerEncoderLayer(d_model=6, nhead=2, dim_feedforward=12, dropout=0.0, activation='gelu',
                                   batch_first=True, norm_first=True)
print(layer)
enc = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
z = enc(x)
print(z.shape, z.grad_fn, z[0, 0])

# %%
enc2 = nn.TransformerEncoder(layer, num_layers=2)

# %%
z.mean().backward()
print(cls_token.grad[0, 0], pos_embed.grad[0, :2], patch_conv.weight.grad.shape)

# %%
head = nn.Sequential(nn.LayerNorm(6), nn.Linear(6, 10))
logits = head(z[:, 0])
loss = F.cross_entropy(logits, torch.tensor([3, 7]), label_smoothing=0.1)
loss

# %%
nn.TransformerEncoderLayer(d_model=6, nhead=2, activation='swish')

# %%
nn.TransformerEncoderLayer(d_model=6, nhead=4)
