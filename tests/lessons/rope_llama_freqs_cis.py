# Imitates a LLaMA-style lesson on rotary position embeddings: freqs_cis from torch.polar, queries viewed as
# complex pairs, a complex multiply, view_as_real back, and the gradient through it all.
import torch

# %%
def precompute_freqs_cis(dim, end, theta=10000.0):
    freqs = 1.0 / (theta ** (torch.arange(0, dim, 2)[: (dim // 2)].float() / dim))
    t = torch.arange(end, device=freqs.device)
    freqs = torch.outer(t, freqs).float()
    return torch.polar(torch.ones_like(freqs), freqs)

freqs_cis = precompute_freqs_cis(8, 6)
print(freqs_cis.shape, freqs_cis.dtype, freqs_cis.is_complex())
freqs_cis[:3]

# %%
print(freqs_cis.real[1])
print(freqs_cis.imag[1])
print(freqs_cis.abs()[2])
freqs_cis.angle()[2]

# %%
def reshape_for_broadcast(freqs_cis, x):
    ndim = x.ndim
    assert 0 <= 1 < ndim
    assert freqs_cis.shape == (x.shape[1], x.shape[-1])
    shape = [d if i == 1 or i == ndim - 1 else 1 for i, d in enumerate(x.shape)]
    return freqs_cis.view(*shape)

def apply_rotary_emb(xq, xk, freqs_cis):
    xq_ = torch.view_as_complex(xq.float().reshape(*xq.shape[:-1], -1, 2))
    xk_ = torch.view_as_complex(xk.float().reshape(*xk.shape[:-1], -1, 2))
    freqs_cis = reshape_for_broadcast(freqs_cis, xq_)
    xq_out = torch.view_as_real(xq_ * freqs_cis).flatten(3)
    xk_out = torch.view_as_real(xk_ * freqs_cis).flatten(3)
    return xq_out.type_as(xq), xk_out.type_as(xk)

torch.manual_seed(0)
xq = torch.randn(2, 6, 2, 8)
xk = torch.randn(2, 6, 2, 8)
q, k = apply_rotary_emb(xq, xk, freqs_cis)
print(q.shape, k.dtype)
print(q[0, 1, 0])
print(torch.allclose(q[:, 0], xq[:, 0]))
print(xq[0, 1, 0].norm(), q[0, 1, 0].norm())

# %%
xq_c = torch.view_as_complex(xq.reshape(2, 6, 2, 4, 2))
print(xq_c.shape, xq_c.dtype)
xq_c[0, 0, 0]

# %%
torch.view_as_complex(xq.reshape(2, 6, 2, 16, 1))

# %%
torch.view_as_complex(xq.transpose(-1, -2))

# %%
torch.view_as_complex(xq.reshape(2, 6, 2, 4, 2).double())

# %%
wq = torch.randn(8, 8, requires_grad=True)
h = torch.randn(2, 6, 2, 8)
q_in = h @ wq
q_rot, _ = apply_rotary_emb(q_in, q_in, freqs_cis)
scores = (q_rot * q_rot).sum()
print(q_rot.grad_fn, q_rot.grad_fn.next_functions[0][0])
scores.backward()
print(wq.grad[:2])

# %%
z = xq_c * freqs_cis.view(1, 6, 1, 4)
print(z.dtype, z.shape)
torch.view_as_real(z)[0, 2, 1]

# %%
rot = freqs_cis[3]
print(rot * rot.conj())
(rot ** 2)[:2]

# %%
q_rot > 0
