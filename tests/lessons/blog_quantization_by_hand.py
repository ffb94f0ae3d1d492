# Quantization by hand: int8 emulation, fake quantization with a straight-through estimator, quantized tensors
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
print(torch.iinfo(torch.int8), torch.iinfo(torch.uint8).max)
print(torch.finfo(torch.float16).eps, torch.finfo(torch.bfloat16).max, torch.finfo(torch.float32).tiny)
torch.finfo(torch.float16)

# %%
torch.iinfo(torch.float32)

# %%
x = torch.randn(6) * 3
scale = x.abs().max() / 127
q = torch.round(x / scale).clamp(-128, 127).to(torch.int8)
print(scale, q, q.dtype)
x_hat = q.float() * scale
print((x - x_hat).abs().max() <= scale / 2)

# %%
# casting without clamping wraps around
big = torch.tensor([100.0, 127.0, 128.0, 200.0, -129.0, 300.0])
print(big.to(torch.int8), big.to(torch.uint8))
torch.tensor([120, 10], dtype=torch.int8) + torch.tensor([10, 120], dtype=torch.int8)

# %%
a = torch.tensor([100, -100], dtype=torch.int8)
print(a * 2, (a * 2).dtype, a.to(torch.int32) * 2)
print(a.sum(), a.sum().dtype, torch.tensor([127], dtype=torch.int8).abs(), torch.tensor([-128], dtype=torch.int8).abs())
a.float().mean()

# %%
# int8 matmul emulated: accumulate in int32
A = torch.randn(3, 4)
B = torch.randn(4, 2)
sa, sb = A.abs().max() / 127, B.abs().max() / 127
qa = torch.round(A / sa).clamp(-127, 127).to(torch.int8)
qb = torch.round(B / sb).clamp(-127, 127).to(torch.int8)
acc = qa.to(torch.int32) @ qb.to(torch.int32)
print(acc.dtype)
print(acc.float() * sa * sb)
print((acc.float() * sa * sb - A @ B).abs().max() < 0.05)

# %%
qa @ qb

# %%
qa.float() @ qb

# %%
# gradients through round are zero
w = torch.randn(4, requires_grad=True)
y = (torch.round(w * 10) / 10).sum()
y.backward()
print(y.grad_fn, w.grad)

# %%
# the straight-through estimator
w.grad = None
s = 0.1
q = torch.round(w / s).clamp(-8, 7) * s
ste = w + (q - w).detach()
print(ste.grad_fn, torch.equal(ste, q))
(ste ** 2).sum().backward()
w.grad

# %%
w2 = torch.tensor([0.05, -0.36, 0.9, -1.2], requires_grad=True)
fq = torch.fake_quantize_per_tensor_affine(w2, 0.1, 0, -8, 7)
print(fq, fq.grad_fn)
fq.sum().backward()
w2.grad

# %%
x = torch.tensor([0.05, -0.36, 0.9, -1.2, 2.0, 0.26])
print(torch.fake_quantize_per_tensor_affine(x, 0.05, 10, 0, 255))
print(torch.fake_quantize_per_tensor_affine(x, torch.tensor(0.2), torch.tensor(0, dtype=torch.int32), -128, 127))
torch.fake_quantize_per_tensor_affine(x.double(), 0.1, 0, -128, 127)

# %%
torch.fake_quantize_per_tensor_affine(x, 0.1, 0, 10, 5)

# %%
torch.fake_quantize_per_tensor_affine(x.to(torch.int32), 0.1, 0, -128, 127)

# %%
W = torch.randn(3, 4, requires_grad=True)
scales = W.detach().abs().amax(dim=1) / 127
zps = torch.zeros(3, dtype=torch.int32)
Wq = torch.fake_quantize_per_channel_affine(W, scales, zps, 0, -128, 127)
print(Wq.grad_fn, (Wq - W).abs().max() <= scales.max() / 2)
Wq.sum().backward()
W.grad

# %%
torch.fake_quantize_per_channel_affine(W, scales, zps.float(), 0, -128, 127)

# %%
class QATLinear(nn.Linear):
    def forward(self, x):
        s = self.weight.detach().abs().max() / 127
        wq = torch.fake_quantize_per_tensor_affine(self.weight, s.item(), 0, -128, 127)
        return F.linear(x, wq, self.bias)

layer = QATLinear(4, 2)
out = layer(torch.randn(5, 4))
out.pow(2).mean().backward()
print(out.grad_fn, layer.weight.grad.shape)

# %%
xq = torch.quantize_per_tensor(torch.tensor([-1.0, 0.0, 0.5, 1.27, 3.0]), 0.01, 0, torch.qint8)
print(xq)
print(xq.int_repr(), xq.q_scale(), xq.q_zero_point())
print(xq.dequantize(), xq.dtype, xq.qscheme(), xq.is_quantized)
xq

# %%
xu = torch.quantize_per_tensor(torch.tensor([[-1.0, 0.0], [0.55, 30.0]]), 0.1, 10, torch.quint8)
print(xu.int_repr(), xu.shape, xu.dtype)
xu

# %%
torch.quantize_per_tensor(torch.tensor([1, 2]), 0.1, 0, torch.qint8)
