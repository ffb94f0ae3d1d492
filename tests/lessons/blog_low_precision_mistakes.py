# Low precision by hand, and the mistakes on the way: int8 overflow, rounding without gradients, packed int4,
# quantized tensors that are not floats, sums that keep int8
import torch
import torch.nn.functional as F
torch.manual_seed(0)

# %%
fi = torch.finfo(torch.float32)
print(fi.bits, fi.eps, fi.max, fi.min, fi.tiny, fi.smallest_normal, fi.resolution, fi.dtype)
ii = torch.iinfo(torch.int32)
print(ii.bits, ii.max, ii.min, ii.dtype)
print(torch.finfo(), torch.finfo(torch.float64), torch.iinfo(torch.uint8), torch.iinfo(torch.int64))
print(torch.finfo(torch.bfloat16), torch.finfo(torch.half).max)

# %%
torch.finfo(torch.int8)

# %%
torch.iinfo(torch.bool)

# %%
a = torch.tensor([127, -128], dtype=torch.int8)
print(a + 1, a - 1, -a, a * a, a // 3, a % 7, a.abs(), a.neg())
print(torch.tensor([250], dtype=torch.uint8) + 10, torch.tensor([3], dtype=torch.uint8) - 5)
a.to(torch.uint8), a.sum(), a.cumsum(0), a.prod()

# %%
# summing int8 in int8 wraps around; the default sum is int64
acts = torch.tensor([100, 100, 100, -20], dtype=torch.int8)
print(acts.sum(), acts.sum(dtype=torch.int8), acts.sum(dtype=torch.int16), acts.sum(dtype=torch.uint8))
torch.tensor([True, True, False]).sum(dtype=torch.bool), acts.view(2, 2).sum(1, dtype=torch.int8)

# %%
x = torch.randn(4, 4)
mn, mx = x.min(), x.max()
scale = (mx - mn) / 255
zp = (-mn / scale).round().clamp(0, 255).to(torch.uint8)
print(scale, zp)
qx = ((x / scale).round() + zp).clamp(0, 255).to(torch.uint8)
print(qx)
deq = (qx.float() - zp) * scale
(deq - x).abs().max() <= scale

# %%
# uint8 minus uint8 wraps too
qx - zp

# %%
xi = torch.randint(-128, 128, (3, 4), dtype=torch.int8)
wi = torch.randint(-128, 128, (4, 2), dtype=torch.int8)
print(xi)
xi @ wi

# %%
torch.matmul(xi.int(), wi.int()), torch.mm(xi.long(), wi.long()).dtype

# %%
F.linear(xi, wi.T)

# %%
w = torch.randn(3, requires_grad=True)
r = torch.round(w * 4) / 4
print(r.grad_fn)
r.sum().backward()
print(w.grad)
w.grad = None
torch.round(w, decimals=1).sum().backward()
print(w.grad, torch.round(w, decimals=2).grad_fn)
torch.floor(w).grad_fn, torch.trunc(w).grad_fn, torch.sign(w).grad_fn

# %%
w.round_()

# %%
w.data.round_()
w

# %%
class RoundSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        return t.round()
    @staticmethod
    def backward(ctx, g):
        return g

w.grad = None
RoundSTE.apply(w * 3).sum().backward()
w.grad, RoundSTE.apply(w).grad_fn

# %%
torch.tensor([1e10, -1e10, float('nan'), float('inf')]).to(torch.int8)

# %%
torch.tensor([300.7, -300.7, 1e10]).to(torch.int32), torch.tensor([2.5, 3.5, -2.5]).round(), torch.tensor([2.5, -0.5]).to(torch.uint8)

# %%
q4 = torch.randint(0, 16, (8,), dtype=torch.uint8)
packed = q4[::2] | (q4[1::2] << 4)
print(q4, packed)
low, high = packed & 0xF, packed >> 4
torch.equal(torch.stack([low, high], dim=1).flatten(), q4)

# %%
torch.tensor([200], dtype=torch.uint8) << 1, torch.tensor([-1], dtype=torch.int8) >> 1, torch.tensor([64], dtype=torch.int8) << 1

# %%
torch.tensor([128, 1], dtype=torch.int8)

# %%
t = torch.zeros(2, dtype=torch.int8)
t += 200
t

# %%
# a quantized tensor prints its dequantized values, but it is made of integers
xq = torch.quantize_per_tensor(torch.tensor([0.1, 0.25, -3.0, 1.0]), 0.05, 2, torch.quint8)
print(xq)
print(xq.int_repr(), xq.dequantize())
xq.q_scale(), xq.q_zero_point(), xq.qscheme()

# %%
xq.q_per_channel_scales()

# %%
torch.quantize_per_tensor(torch.tensor([1.0, 2.0]).double(), 0.1, 0, torch.qint8)

# %%
torch.quantize_per_tensor(torch.tensor([1.0, 2.0]), 0.1, 0, torch.int8)

# %%
torch.quantize_per_tensor(torch.tensor([1.0, 2.0]), 0.1, 300, torch.qint8)

# %%
W = torch.tensor([[0.31, -1.27, 0.05, 2.2], [-0.6, 0.44, 1.5, -3.1], [0.0, 0.25, -0.26, 0.9]])
wq = torch.quantize_per_channel(W, W.abs().amax(1).double() / 127, torch.zeros(3, dtype=torch.long), 0, torch.qint8)
print(wq)
wq.int_repr(), wq.q_per_channel_axis()

# %%
torch.quantize_per_channel(W, torch.tensor([0.1, 0.2]), torch.tensor([0, 0]), 0, torch.qint8)

# %%
torch.quantize_per_channel(W, torch.tensor([0.1, 0.2, 0.3]), torch.tensor([0, 0, 0]), 2, torch.qint8)
