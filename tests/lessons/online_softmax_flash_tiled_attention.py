# Imitates "FlashAttention from scratch" course notebooks and blog posts: an online (streaming) softmax with a running
# max and rescaled sums, tiled attention over key/value blocks compared with softmax(QK^T)V in float32 and float64
# (allclose, max abs error), the causal variant, and gradients through the tiled loop.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(10)
m = torch.tensor(float('-inf'))
d = torch.tensor(0.0)
for xi in x:
    m_new = torch.maximum(m, xi)
    d = d * torch.exp(m - m_new) + torch.exp(xi - m_new)
    m = m_new
online = torch.exp(x - m) / d
print(m, d)
print(online)
print(torch.allclose(online, torch.softmax(x, 0)), (online - x.softmax(0)).abs().max())

# %%
def online_softmax_blocks(x, block=4):
    m = torch.full(x.shape[:-1], float('-inf'))
    l = torch.zeros(x.shape[:-1])
    for s in range(0, x.shape[-1], block):
        xb = x[..., s:s + block]
        m_b = xb.max(dim=-1).values
        m_new = torch.max(m, m_b)
        l = l * torch.exp(m - m_new) + torch.exp(xb - m_new[..., None]).sum(-1)
        m = m_new
    return torch.exp(x - m[..., None]) / l[..., None]

X = torch.randn(3, 11) * 5
print(online_softmax_blocks(X))
print((online_softmax_blocks(X) - X.softmax(-1)).abs().max().item() < 1e-6)
print(online_softmax_blocks(X.double()).dtype)

# %%
def naive_attention(Q, K, V, causal=False):
    S = Q @ K.transpose(-2, -1) / math.sqrt(Q.shape[-1])
    if causal:
        n, m = S.shape[-2:]
        S = S.masked_fill(torch.triu(torch.ones(n, m, dtype=torch.bool), diagonal=1), float('-inf'))
    return torch.softmax(S, dim=-1) @ V

def flash_attention(Q, K, V, Br=4, Bc=3, causal=False):
    N, d = Q.shape[-2:]
    scale = 1.0 / math.sqrt(d)
    O = torch.zeros_like(Q)
    for i in range(0, N, Br):
        Qi = Q[..., i:i + Br, :]
        mi = torch.full(Qi.shape[:-1], float('-inf'), dtype=Q.dtype)
        li = torch.zeros(Qi.shape[:-1], dtype=Q.dtype)
        Oi = torch.zeros_like(Qi)
        for j in range(0, K.shape[-2], Bc):
            Kj, Vj = K[..., j:j + Bc, :], V[..., j:j + Bc, :]
            Sij = Qi @ Kj.transpose(-2, -1) * scale
            if causal:
                rows = torch.arange(i, i + Qi.shape[-2])[:, None]
                cols = torch.arange(j, j + Kj.shape[-2])[None, :]
                Sij = Sij.masked_fill(cols > rows, float('-inf'))
            mij = torch.maximum(mi, Sij.amax(-1))
            Pij = torch.exp(Sij - mij.unsqueeze(-1))
            Pij = torch.nan_to_num(Pij)
            alpha = torch.exp(mi - mij)
            alpha = torch.where(torch.isnan(alpha), torch.zeros_like(alpha), alpha)
            li = alpha * li + Pij.sum(-1)
            Oi = alpha.unsqueeze(-1) * Oi + Pij @ Vj
            mi = mij
        O[..., i:i + Br, :] = Oi / li.unsqueeze(-1)
    return O

Q, K, V = torch.randn(3, 2, 10, 8).unbind(0)
ref = naive_attention(Q, K, V)
out = flash_attention(Q, K, V)
print(out.shape, out.dtype, out.grad_fn)
err = (out - ref).abs().max()
print(torch.allclose(out, ref, atol=1e-6), err < 1e-5)
ref64 = naive_attention(Q.double(), K.double(), V.double())
out64 = flash_attention(Q.double(), K.double(), V.double())
print(out64.dtype, (out64 - ref64).abs().max() < 1e-12, torch.allclose(out.double(), ref64, atol=1e-5))
print(torch.allclose(flash_attention(Q, K, V, causal=True), naive_attention(Q, K, V, causal=True), atol=1e-6))

# %%
Qg = Q.clone().requires_grad_()
Kg = K.clone().requires_grad_()
Vg = V.clone().requires_grad_()
o = flash_attention(Qg, Kg, Vg, causal=True)
print(o.grad_fn.name())
o.pow(2).sum().backward()
gq, gk, gv = Qg.grad.clone(), Kg.grad.clone(), Vg.grad.clone()
for t in (Qg, Kg, Vg):
    t.grad = None
naive_attention(Qg, Kg, Vg, causal=True).pow(2).sum().backward()
print(torch.allclose(gq, Qg.grad, atol=1e-5), torch.allclose(gk, Kg.grad, atol=1e-5), torch.allclose(gv, Vg.grad, atol=1e-5))
print(Vg.grad[0, :2].round(decimals=4))

# %%
sd = F.scaled_dot_product_attention(Q, K, V)
print(torch.allclose(sd, ref, atol=1e-6), (sd - ref).abs().max() < 1e-5)
sdc = F.scaled_dot_product_attention(Q, K, V, is_causal=True)
print(torch.allclose(sdc, naive_attention(Q, K, V, causal=True), atol=1e-6))
print(F.scaled_dot_product_attention(Q, K, V, scale=0.5)[0, 0].round(decimals=4))
Qd = Q.double().requires_grad_()
sdd = F.scaled_dot_product_attention(Qd, K.double(), V.double(), is_causal=True)
print(sdd.dtype, sdd.grad_fn.name())
sdd.sum().backward()
print(Qd.grad[1, -1].round(decimals=5))
try:
    F.scaled_dot_product_attention(Q, K.double(), V)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    flash_attention(Q, K[..., :5], V)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# half and bfloat16 inputs: 3-d tensors take PyTorch's math path (computed in float32, cast back at the end)
torch.manual_seed(1)
qb, kb, vb = torch.randn(3, 2, 5, 8).bfloat16().unbind(0)
qb.requires_grad_()
ob = F.scaled_dot_product_attention(qb, kb, vb, is_causal=True)
print(ob.dtype, ob.grad_fn.name(), ob[0, :2])
ob.float().sum().backward()
print(qb.grad.dtype, qb.grad[1, -1])
oh = F.scaled_dot_product_attention(qb.detach().half(), kb.half(), vb.half(), scale=0.25)
print(oh.dtype, oh[1, 0])
ref_b = naive_attention(qb.detach().float(), kb.float(), vb.float(), causal=True)
print((ob.float() - ref_b).abs().max() < 0.05, (ob.double() - ref_b.double()).abs().max().dtype)
