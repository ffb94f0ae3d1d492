# Imitates einsum-heavy attention code (annotated "einsum is all you need" posts, lucidrains-style attention):
# multi-head attention with einsum, causal masks via triu, relative position bias, linear attention, and
# einsum's other spellings (ellipsis, repeated indices, bilinear forms).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
b, n, h, d = 2, 5, 2, 4
x = torch.randn(b, n, h * d, requires_grad=True)
to_qkv = nn.Linear(h * d, 3 * h * d, bias=False)
q, k, v = to_qkv(x).chunk(3, dim=-1)
q, k, v = (t.reshape(b, n, h, d).transpose(1, 2) for t in (q, k, v))
sim = torch.einsum("bhid,bhjd->bhij", q, k) / math.sqrt(d)
mask = torch.ones(n, n, dtype=torch.bool).triu(1)
sim = sim.masked_fill(mask, -torch.finfo(sim.dtype).max)
attn = sim.softmax(dim=-1)
out = torch.einsum("bhij,bhjd->bhid", attn, v)
out = out.transpose(1, 2).reshape(b, n, h * d)
print(out[0, :2], attn[0, 0])
out.sum().backward()
print(x.grad[0, 0])
ref = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(torch.allclose(ref.transpose(1, 2).reshape(b, n, h * d), out, atol=1e-6))

# %%
rel = nn.Embedding(2 * n - 1, h)
pos = torch.arange(n)
idx = pos[None, :] - pos[:, None] + n - 1
bias = rel(idx).permute(2, 0, 1)
print(idx, bias.shape)
sim2 = torch.einsum("b h i d, b h j d -> b h i j", q, k) + bias
print(sim2.softmax(-1)[1, 1, 0])

# %%
phi = lambda t: F.elu(t) + 1
qf, kf = phi(q), phi(k)
kv = torch.einsum("bhnd,bhne->bhde", kf, v)
z = 1 / (torch.einsum("bhnd,bhd->bhn", qf, kf.sum(dim=2)) + 1e-6)
lin = torch.einsum("bhnd,bhde,bhn->bhne", qf, kv, z)
print(lin.shape, lin[0, 0, 0])

# %%
A = torch.randn(3, 3)
B = torch.randn(2, 3, 4)
print(torch.einsum("ii", A), torch.einsum("ii->i", A), torch.einsum("ij->ji", A).equal(A.T))
print(torch.einsum("...ij,...jk->...ik", B.transpose(1, 2), B).shape)
print(torch.einsum("bij,bkj->bik", B, B)[0])
u, w = torch.randn(3), torch.randn(4)
W = torch.randn(5, 3, 4)
print(torch.einsum("i,kij,j->k", u, W, w), F.bilinear(u[None], w[None], W))
print(torch.einsum(B, [0, 1, 2], [0, 2]))
print(torch.einsum("i,i", u, u), torch.einsum("i,j->ij", u, u).shape)

# %%
for eq, ops in [("ij,jk", (A, A[:2])), ("ij,jk->ik", (A, torch.randn(4, 2))), ("ij->k", (A,)), ("ijj", (A,))]:
    try:
        torch.einsum(eq, *ops)
    except Exception as e:
        print(type(e).__name__, e)
print(torch.einsum("bn,anm,bm->ba", torch.randn(2, 3), torch.randn(4, 3, 3), torch.randn(2, 3)).shape)
