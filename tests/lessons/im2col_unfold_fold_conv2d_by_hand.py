# Imitates a "convolution as matrix multiplication" exercise sheet (im2col by hand): F.unfold / F.fold with
# kernel, dilation, padding and stride compared against F.conv2d, fold summing overlapping windows (and dividing by
# fold(unfold(ones)) to undo it), gradients through both, strides and contiguity, and the errors learners hit.
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
x = torch.randn(2, 3, 5, 6, requires_grad=True)
w = torch.randn(4, 3, 3, 3, requires_grad=True)
cols = F.unfold(x, kernel_size=3)
print(cols.shape, cols.stride(), cols.is_contiguous(), type(cols.grad_fn).__name__)
out = (w.view(4, -1) @ cols).view(2, 4, 3, 4)
ref = F.conv2d(x, w)
print(out.shape, torch.allclose(out, ref, atol=1e-5), (out - ref).abs().max() < 1e-5)
print(out[0, 0])

# %%
for kw in (dict(kernel_size=2, stride=2), dict(kernel_size=3, padding=1), dict(kernel_size=(2, 3), dilation=(2, 1)),
           dict(kernel_size=3, dilation=2, padding=2, stride=(1, 2))):
    c = F.unfold(x, **kw)
    print(kw, c.shape, c.stride())
    print(c[0, :3, :4])
    wk = torch.randn(4, 3, *((kw["kernel_size"],) * 2 if isinstance(kw["kernel_size"], int) else kw["kernel_size"]))
    conv = F.conv2d(x, wk, stride=kw.get("stride", 1), padding=kw.get("padding", 0), dilation=kw.get("dilation", 1))
    mm = wk.view(4, -1) @ c
    print(conv.shape, torch.allclose(mm.view(conv.shape), conv, atol=1e-5))

# %%
cols = F.unfold(x, kernel_size=3, padding=1)
loss = (w.view(4, -1) @ cols).pow(2).mean()
loss.backward()
print(loss, x.grad[0, 0], w.grad[0, 0])
g1 = x.grad.clone()
x.grad = None
w.grad = None
F.conv2d(x, w, padding=1).pow(2).mean().backward()
print(torch.allclose(g1, x.grad, atol=1e-6))

# %%
y = torch.arange(16.).view(1, 1, 4, 4)
c = F.unfold(y, kernel_size=2, stride=1)
print(c)
back = F.fold(c, output_size=(4, 4), kernel_size=2)
print(back)
counts = F.fold(torch.ones_like(c), output_size=(4, 4), kernel_size=2)
print(counts)
print(torch.equal(back / counts, y))
nb = F.fold(F.unfold(y, 2, stride=2), (4, 4), 2, stride=2)
print(torch.equal(nb, y), nb.stride(), nb.is_contiguous())

# %%
p = torch.randn(1, 3 * 2 * 2, 9, requires_grad=True)
img = F.fold(p, output_size=(4, 4), kernel_size=2, stride=1)
print(img.shape, type(img.grad_fn).__name__)
img.mul(torch.arange(16.).view(1, 1, 4, 4)).sum().backward()
print(p.grad[0, :4])
q = torch.randn(12, 10, requires_grad=True)
f2 = F.fold(q, (3, 5), kernel_size=(2, 2), dilation=(1, 2), padding=(0, 1))
print(f2.shape, f2)
f2.sum().backward()
print(q.grad)

# %%
for bad in (lambda: F.fold(torch.randn(1, 12, 9), output_size=(5, 5), kernel_size=2),
            lambda: F.fold(torch.randn(1, 10, 9), output_size=(4, 4), kernel_size=2),
            lambda: F.fold(torch.randn(1, 12, 9), output_size=4, kernel_size=2, stride=0),
            lambda: F.unfold(torch.randn(3, 5, 5), kernel_size=3),
            lambda: F.unfold(torch.randn(1, 1, 2, 2), kernel_size=3),
            lambda: F.fold(torch.randn(1, 12, 9, 2), output_size=(4, 4), kernel_size=2)):
    try:
        print(bad().shape)
    except Exception as e:
        print(type(e).__name__, e)
