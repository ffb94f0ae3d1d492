# Imitates the RMSNorm of Zhang & Sennrich as written in public LLaMA ports (x * torch.rsqrt(x.pow(2).mean(-1,
# keepdim=True) + eps)) next to the "x.pow(2).mean() ** 0.5" form many blog posts use, and the "std = var ** 0.5"
# / "** -0.5" scaling of Karpathy's makemore and attention code (wei = q @ k.transpose(-2, -1) * C ** -0.5), with
# gradients under a weighted loss in float32 and float64.
import torch

torch.manual_seed(0)
x = torch.randn(4, 48, requires_grad=True)
eps = 1e-6
rms_a = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)
rms_b = x / (x.pow(2).mean(-1, keepdim=True) + eps) ** 0.5
print(torch.equal(rms_a, rms_b), (rms_a - rms_b).abs().max())
print(rms_b[0, :6])

# %%
g = torch.linspace(-1, 1, 48)
(rms_b * g).sum().backward()
print(x.grad[:, :5])

# %%
v = torch.rand(1000, dtype=torch.float64) * 7 + 0.01
print((v ** 0.5).sum().item(), torch.equal(v ** 0.5, v.sqrt()), torch.equal(v.pow(0.5), torch.sqrt(v)))
w = torch.rand(500) * 3 + 0.1
print(torch.equal(w ** 0.5, w.sqrt()), (w ** 0.5)[-5:].tolist())
v.requires_grad_()
(v ** 0.5 * torch.arange(1000, dtype=torch.float64)).sum().backward()
print(v.grad[:4].tolist(), v.grad[-3:].tolist())

# %%
B, T, C = 2, 8, 32
q, k = torch.randn(B, T, C), torch.randn(B, T, C)
wei = q @ k.transpose(-2, -1) * C ** -0.5
print(wei[0, :2])
var = torch.randn(200, 30).var(0)
std = var ** 0.5
print(std[:6], std.grad_fn)
