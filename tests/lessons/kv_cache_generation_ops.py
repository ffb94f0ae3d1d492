# Imitates "KV cache and sampling loop from scratch" posts plus the tensor-op quizzes that go with them:
# torch.cat / stack along time, narrow and index_select windows, causal masks with triu and masked_fill,
# padding a causal conv with F.pad, the einsum forms of attention, topk sampling, and the errors learners hit.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, H, T, D = 1, 2, 4, 3
q = torch.randn(B, H, T, D, requires_grad=True)
k = torch.randn(B, H, T, D, requires_grad=True)
v = torch.randn(B, H, T, D)
scores = torch.einsum('bhqd,bhkd->bhqk', q, k) / D ** 0.5
mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
scores = scores.masked_fill(mask, float('-inf'))
att = scores.softmax(-1)
out = torch.einsum('bhqk,bhkd->bhqd', att, v)
print(att[0, 0], out.grad_fn)

# %%
ref = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(torch.allclose(ref, out, atol=1e-6))
out.sum().backward()
print(q.grad[0, 0, 0], k.grad[0, 1, -1])

# %%
torch.einsum('bhqd,bhkd->bhqk', q, k[..., :2])

# %%
torch.einsum('bhqd,bhkd->bhqz', q, k)

# %%
torch.einsum('ii->i', torch.randn(2, 3))

# %%
torch.einsum('...d,...d->...', q, k).shape, torch.einsum('bhqd->bhdq', q).is_contiguous(), torch.einsum('i,i', torch.ones(3), torch.ones(3))

# %%
scores.masked_fill(mask.float(), 0.)

# %%
scores.masked_fill(torch.ones(5, 5, dtype=torch.bool), 0.)

# %%
# causal conv by left padding
x = torch.randn(1, 2, 5, requires_grad=True)
conv = nn.Conv1d(2, 2, 3, groups=2, bias=False)
y = conv(F.pad(x, (2, 0)))
print(y.shape, y.grad_fn, F.pad(x, (2, 0)).grad_fn)
print(F.pad(x, (2, 0), mode='replicate')[0, 0, :3], F.pad(x, (1, 1), value=-1.)[0, 0])

# %%
F.pad(x, (2, 0, 1))

# %%
F.pad(x, (3, 0), mode='reflect')

# %%
F.pad(x, (1, 1), mode='circular').shape, F.pad(x, (-1, 0)).shape, F.pad(x, (0, 0, 1, 1)).shape

# %%
# KV cache growth with stack / cat and a preallocated buffer with narrow / copy_
cache_k = torch.zeros(1, 2, 6, 3)
for t in range(3):
    cache_k.narrow(2, t, 1).copy_(torch.full((1, 2, 1, 3), float(t + 1)))
print(cache_k[0, 0], cache_k.narrow(2, 0, 3).is_contiguous())
steps = [torch.randn(1, 2, 1, 3) for _ in range(3)]
print(torch.cat(steps, dim=2).shape, torch.stack(steps, dim=2).shape, torch.stack(steps, 2).squeeze(3).shape)

# %%
torch.stack([torch.ones(2, 3), torch.ones(3, 2)])

# %%
torch.cat([torch.ones(2, 3), torch.ones(2, 3, dtype=torch.float64)], dim=0).dtype, torch.cat([torch.ones(2, 3), torch.ones(0)]).shape

# %%
torch.cat([torch.ones(2, 3), torch.ones(2)], dim=0)

# %%
torch.cat([torch.ones(2, 3), torch.ones(2, 3)], dim=2)

# %%
torch.cat([])

# %%
cache_k.narrow(2, 5, 2)

# %%
cache_k.narrow(4, 0, 1)

# %%
# sampling from the last position: temperature, topk, multinomial
torch.manual_seed(1)
logits = torch.randn(2, 10)
topv, topi = torch.topk(logits / 0.8, 3)
filtered = torch.full_like(logits, float('-inf')).scatter(1, topi, topv)
probs = filtered.softmax(-1)
nxt = torch.multinomial(probs, 1)
print(topi, nxt, probs.gather(1, nxt))

# %%
torch.topk(logits, 11)

# %%
torch.multinomial(torch.tensor([0., 0.]), 1)

# %%
torch.multinomial(torch.tensor([0.5, -0.1]), 1)

# %%
torch.multinomial(torch.tensor([0.2, 0.8]), 3)

# %%
idx = torch.tensor([[1, 2]])
seq = torch.cat([idx, nxt[:1]], dim=1)
print(seq, seq[:, -2:], seq.index_select(1, torch.tensor([0, 2])))
seq.narrow(1, -2, 2), seq.unsqueeze(0).expand(3, -1, -1).shape, seq.expand(2, 3).stride()

# %%
# rotary pairs via complex numbers vs real arithmetic
freqs = torch.outer(torch.arange(4.), 1.0 / 10000 ** (torch.arange(0, 4, 2).float() / 4))
cis = torch.polar(torch.ones_like(freqs), freqs)
xq = torch.randn(4, 4)
xc = torch.view_as_complex(xq.reshape(4, -1, 2))
out_c = torch.view_as_real(xc * cis).flatten(-2)
print(cis.dtype, out_c[1])

# %%
torch.view_as_complex(xq.reshape(4, 2, 2)[:, :, :1])

# %%
torch.view_as_complex(xq.double().t().reshape(4, 2, 2).transpose(0, 1))
