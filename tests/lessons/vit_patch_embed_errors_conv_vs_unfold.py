# Imitates ViT patch-embedding walkthroughs: Conv2d(stride = kernel) against F.unfold + Linear and against
# Tensor.unfold views, flatten(2).transpose(1, 2) strides, a class token by expand + cat, a forward and backward
# pass with gradients, and the errors learners hit (image size not divisible by the patch, view after permute,
# bicubic interpolation of a 3-d tensor, the wrong channel count).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, C, H, W, P, D = 2, 3, 8, 8, 4, 5
img = torch.randn(B, C, H, W, requires_grad=True)
proj = nn.Conv2d(C, D, kernel_size=P, stride=P)
e = proj(img)
print(e.shape, e.stride(), e.grad_fn)
t = e.flatten(2)
print(t.shape, t.stride(), t.grad_fn)
t = t.transpose(1, 2)
print(t.shape, t.stride(), t.is_contiguous(), t.grad_fn)

# %%
cols = F.unfold(img, kernel_size=P, stride=P)
print(cols.shape, cols.stride(), cols.grad_fn)
lin = nn.Linear(C * P * P, D)
with torch.no_grad():
    lin.weight.copy_(proj.weight.flatten(1))
    lin.bias.copy_(proj.bias)
t2 = lin(cols.transpose(1, 2))
print(t2.grad_fn, torch.allclose(t2, t, atol=1e-6))
print(t[0, :2])
print(t2[0, :2])

# %%
cls = nn.Parameter(torch.randn(1, 1, D) * 0.02)
tok = torch.cat((cls.expand(B, -1, -1), t), dim=1)
print(tok.shape, tok.stride(), tok.grad_fn, cls.expand(B, -1, -1).stride())
ln = nn.LayerNorm(D)
y = nn.GELU(approximate="tanh")(ln(tok))
loss = y[:, 0].pow(2).sum() + y[:, 1:].mean()
loss.backward()
print(loss)
print(cls.grad)
print(proj.weight.grad[0, 0])
print(proj.bias.grad)
print(img.grad[0, 0, :2])

# %%
try:
    nn.Conv2d(C, D, kernel_size=P, stride=P)(torch.randn(1, C, 10, 10)).flatten(2).transpose(1, 2).view(1, 2, 2, D)
except RuntimeError as e:
    print(type(e).__name__, e)
print(nn.Conv2d(C, D, kernel_size=P, stride=P)(torch.randn(1, C, 10, 10)).shape)
try:
    torch.randn(1, C, 10, 10).unfold(2, P, P).unfold(3, P, P).reshape(1, C, 9, P * P).shape
except RuntimeError as e:
    print(type(e).__name__, e)
x = torch.randn(1, C, 10, 10)
try:
    x.view(1, C, 10 // P, P, 10 // P, P)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
try:
    t.view(B, -1)
except RuntimeError as e:
    print(type(e).__name__, e)
print(t.reshape(B, -1).shape, t.contiguous().view(B, -1).stride())
try:
    e.permute(0, 2, 3, 1).view(B, -1, D)
except RuntimeError as e2:
    print(type(e2).__name__, e2)

# %%
try:
    F.interpolate(t, size=9, mode="bicubic", align_corners=False)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(t, size=9, mode="bilinear")
except Exception as e:
    print(type(e).__name__, e)
print(F.interpolate(t.transpose(1, 2), size=9, mode="linear", align_corners=False).shape)

# %%
try:
    proj(torch.randn(2, 4, 8, 8))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    proj(torch.randn(3, 8, 8, 2))
except RuntimeError as e:
    print(type(e).__name__, e)
