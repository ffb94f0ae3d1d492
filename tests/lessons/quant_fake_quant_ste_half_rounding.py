# Imitates QAT / low-precision lesson notebooks: fake quantisation with a straight-through estimator by hand and with
# torch.fake_quantize_per_tensor_affine / per_channel_affine (values and gradients), float16/bfloat16 rounding and
# overflow (finfo, to(float16) of large values, nextafter).
import torch
torch.manual_seed(0)

# %%
class RoundSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return torch.round(x)
    @staticmethod
    def backward(ctx, g):
        return g

w = torch.randn(6, requires_grad=True)
s = w.detach().abs().max() / 7
wq = RoundSTE.apply(w / s).clamp(-8, 7) * s
print(wq, wq.grad_fn)
wq.pow(2).sum().backward()
print(w.grad)

# %%
w.grad = None
x = w * 3
q = x + (torch.clamp(torch.round(x / 0.5), -4, 3) * 0.5 - x).detach()
print(q.grad_fn, q.grad_fn.next_functions)
q.sum().backward()
print(w.grad)

# %%
# learned step size (LSQ-ish): gradient flows to the scale
torch.manual_seed(1)
v = torch.randn(8, requires_grad=True)
step = torch.tensor(0.3, requires_grad=True)
vs = v / step
vq = (vs.round() - vs).detach() + vs
vq = vq.clamp(-4, 3) * step
vq.abs().sum().backward()
print(vq)
print(v.grad, step.grad)

# %%
a = torch.tensor([-1.3, -0.26, 0.0, 0.24, 0.25, 0.75, 1.0, 3.3], requires_grad=True)
fq = torch.fake_quantize_per_tensor_affine(a, 0.5, 2, 0, 7)
print(fq, fq.grad_fn)
(fq * torch.arange(8.)).sum().backward()
print(a.grad)

# %%
a.grad = None
fq2 = torch.fake_quantize_per_tensor_affine(a, torch.tensor([0.25]), torch.tensor([0], dtype=torch.int32), -8, 7)
print(fq2, fq2.grad_fn)
fq2.sum().backward()
print(a.grad)

# %%
M = torch.randn(3, 5, requires_grad=True)
sc = torch.tensor([0.1, 0.2, 0.05])
zp = torch.tensor([0, 3, -2], dtype=torch.int32)
fqc = torch.fake_quantize_per_channel_affine(M, sc, zp, 0, -8, 7)
print(fqc)
print(fqc.grad_fn)
fqc.pow(2).sum().backward()
print(M.grad)

# %%
M.grad = None
sc1 = torch.tensor([0.1, 0.2, 0.05, 0.3, 0.15])
fqc1 = torch.fake_quantize_per_channel_affine(M, sc1, torch.zeros(5, dtype=torch.int32), 1, 0, 15)
print(fqc1)
fqc1.sum().backward()
print(M.grad)

# %%
torch.fake_quantize_per_channel_affine(M, sc, zp, 1, -8, 7)

# %%
torch.fake_quantize_per_channel_affine(M, sc, zp.long(), 0, -8, 7)

# %%
torch.fake_quantize_per_tensor_affine(a, 0.5, 300, 0, 255)

# %%
# float16 rounding and overflow
fi = torch.finfo(torch.float16)
print(fi.max, fi.min, fi.eps, fi.tiny, fi.resolution, fi.bits, fi.dtype)
print(torch.finfo(torch.bfloat16))
big = torch.tensor([65504.0, 65519.0, 65520.0, 70000.0, 1e5, -1e6, 1e-8, 6e-8])
print(big.to(torch.float16))
print(big.to(torch.bfloat16))
print(torch.tensor([1.0, 1.0004, 1.0005, 1.001, 2049.0, 2051.0]).half())
print(torch.tensor([1.0, 1.0039, 1.004, 257.0, 259.0]).bfloat16())

# %%
h = torch.tensor([60000.0], dtype=torch.float16)
print(h + h, h * 2, (h.float() * 2).half(), h.sum(), torch.tensor([60000.0, 60000.0], dtype=torch.float16).sum())
print(torch.tensor([0.1], dtype=torch.float16).item(), torch.tensor(0.1, dtype=torch.bfloat16).item())
print(torch.tensor([1000.0], dtype=torch.float16) + 0.25, torch.tensor([256.0], dtype=torch.bfloat16) + 1)

# %%
one = torch.tensor([1.0, 0.0, -1.0, 65504.0])
print(torch.nextafter(one, torch.tensor(float('inf'))))
print(torch.nextafter(one, torch.zeros(4)) - one)
print(torch.nextafter(torch.tensor(1.0, dtype=torch.float64), torch.tensor(2.0, dtype=torch.float64)) - 1)
print(torch.nextafter(one.half(), torch.full((4,), float('inf'), dtype=torch.float16)))
print(torch.nextafter(one.bfloat16(), torch.zeros(4, dtype=torch.bfloat16)))

# %%
torch.nextafter(one, torch.zeros(4, dtype=torch.float64))

# %%
torch.nextafter(one.int(), one.int())

# %%
# loss scaling: small gradients underflow in half
g = torch.tensor([1e-8, 1e-5, 3e-4], dtype=torch.float32)
print(g.half(), (g * 1024).half(), ((g * 1024).half().float() / 1024))
print(torch.isinf(torch.tensor([70000.0]).half()), torch.isfinite(big.half()))
p = torch.randn(3, dtype=torch.float16, requires_grad=True)
loss = (p * 1000).pow(2).sum()
print(loss, loss.dtype)
loss.backward()
print(p.grad)

# %%
# a dead channel (all-zero row) gives a zero scale: guard it with clamp(min=...)
Wd = torch.randn(3, 4)
Wd[1] = 0.0
sd = Wd.abs().amax(dim=1) / 127
print(sd)
print(torch.fake_quantize_per_channel_affine(Wd, sd, torch.zeros(3, dtype=torch.int32), 0, -128, 127))
print(torch.fake_quantize_per_channel_affine(Wd, sd.clamp(min=1e-8), torch.zeros(3, dtype=torch.int32), 0, -128, 127))
