# Imitates "multi-query / grouped-query attention and RoPE" blog posts: K/V heads shared with repeat_interleave and
# expand+reshape, F.scaled_dot_product_attention with enable_gqa, rotary embeddings via complex multiplication
# (torch.polar, view_as_complex / view_as_real) checked against the real-valued rotate form, with gradients.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, Hq, Hkv, T, D = 2, 4, 2, 5, 8
q = torch.randn(B, Hq, T, D, requires_grad=True)
k = torch.randn(B, Hkv, T, D, requires_grad=True)
v = torch.randn(B, Hkv, T, D, requires_grad=True)
g = Hq // Hkv
k_rep = k.repeat_interleave(g, dim=1)
v_rep = v[:, :, None].expand(B, Hkv, g, T, D).reshape(B, Hq, T, D)
print(k_rep.shape, k_rep.grad_fn, v_rep.grad_fn)
print(torch.equal(k_rep[:, 1], k[:, 0]), torch.equal(v_rep[:, 3], v[:, 1]))
print(torch.equal(k.repeat(1, g, 1, 1)[:, 1], k[:, 1]))
out = F.scaled_dot_product_attention(q, k_rep, v_rep, is_causal=True)
out_gqa = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
print(out.shape, out_gqa.shape, torch.allclose(out, out_gqa, atol=1e-6), out_gqa.grad_fn.name())
out_gqa.sum().backward()
print(k.grad.shape, v.grad[0, 0, -1])
try:
    F.scaled_dot_product_attention(q, k, v)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.scaled_dot_product_attention(q[:, :3], k, v, enable_gqa=True)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
kx = torch.arange(12.).view(1, 2, 3, 2)
print(kx.repeat_interleave(2, dim=1)[0, :, 0])
print(torch.repeat_interleave(torch.tensor([1, 2]), torch.tensor([2, 3])))
print(kx.repeat_interleave(torch.tensor([1, 3]), dim=1).shape)
try:
    kx.repeat_interleave(torch.tensor([1, 2, 3]), dim=1)
except RuntimeError as e:
    print(type(e).__name__, e)
mq_k = torch.randn(B, 1, T, D)
print(mq_k.expand(-1, Hq, -1, -1).shape, mq_k.expand(-1, Hq, -1, -1).is_contiguous(), mq_k.expand(B, Hq, T, D).stride())
try:
    mq_k.expand(B, Hq, T)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    k.detach().expand(B, 4, T, D)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
def precompute_freqs_cis(dim, end, theta=10000.0):
    freqs = 1.0 / (theta ** (torch.arange(0, dim, 2)[: dim // 2].float() / dim))
    t = torch.arange(end, device=freqs.device)
    freqs = torch.outer(t, freqs).float()
    return torch.polar(torch.ones_like(freqs), freqs)

freqs_cis = precompute_freqs_cis(D, T)
print(freqs_cis.shape, freqs_cis.dtype, freqs_cis[1, :2])
x = torch.randn(B, T, Hq, D, requires_grad=True)
xc = torch.view_as_complex(x.float().reshape(*x.shape[:-1], -1, 2))
print(xc.shape, xc.dtype, xc.grad_fn)
fc = freqs_cis.view(1, T, 1, D // 2)
rot = torch.view_as_real(xc * fc).flatten(3)
print(rot.shape, rot.dtype, rot.grad_fn)
print(rot[0, 1, 0])

def rotate_half_form(x, theta=10000.0):
    d = x.shape[-1]
    inv = 1.0 / (theta ** (torch.arange(0, d, 2).float() / d))
    ang = torch.outer(torch.arange(x.shape[1]).float(), inv)
    cos, sin = ang.cos()[None, :, None, :], ang.sin()[None, :, None, :]
    x1, x2 = x[..., 0::2], x[..., 1::2]
    return torch.stack([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1).flatten(-2)

real = rotate_half_form(x)
print(torch.allclose(rot, real, atol=1e-6), (rot - real).abs().max() < 1e-5)
rot.pow(2).sum().backward()
print(torch.allclose(x.grad, 2 * x, atol=1e-5))
print(freqs_cis.abs().max(), freqs_cis.angle()[2, :2], freqs_cis.real.dtype)

# %%
print(torch.polar(torch.tensor([2.0]), torch.tensor([torch.pi / 2])))
print(torch.polar(torch.ones(2, dtype=torch.float64), torch.zeros(2, dtype=torch.float64)).dtype)
try:
    torch.polar(torch.ones(2), torch.zeros(2, dtype=torch.float64))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.view_as_complex(torch.randn(3, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.view_as_complex(torch.randn(4, 2).t().contiguous().t())
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.view_as_real(torch.randn(3))
except RuntimeError as e:
    print(type(e).__name__, e)
z = torch.view_as_complex(torch.randn(3, 2, dtype=torch.float64))
print(z.dtype, torch.view_as_real(z).shape, z * torch.polar(torch.tensor(1.0, dtype=torch.float64), torch.tensor(0.5, dtype=torch.float64)))
a = torch.randn(3, 2, requires_grad=True)
ac = torch.view_as_complex(a)
(ac * fc[0, 1, 0, :3]).abs().sum().backward()
print(a.grad)

# %%
# the rotated half of the heads only: a complex view that starts part-way into its storage
xs = torch.randn(2, 8)
zc = torch.view_as_complex(xs.view(2, 4, 2))
tail = zc[:, 2:] * freqs_cis[1, :2]
back = torch.view_as_real(zc[:, 2:])
print(back.shape, back.stride(), back.storage_offset(), zc[:, 2:].storage_offset())
print(zc[:, 1:].real.storage_offset(), zc[:, 1:].imag.storage_offset(), zc[1].imag.stride())
back.mul_(0.0)
print(xs)
print(torch.view_as_real(tail).flatten(1), torch.view_as_real(tail).storage_offset())
