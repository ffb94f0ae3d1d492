# Imitates MiniTorch module 4 (minitorch.github.io "Convolution" and "Pooling"; the course's fast_conv/nn tests):
# conv1d and conv2d written with loops / unfold and compared with F.conv1d / F.conv2d (weight layout, padding
# modes, stride), tile() + avgpool2d vs F.avg_pool2d, max-pooling via reshape vs F.max_pool2d, and their gradients.
import torch
import torch.nn.functional as F

g = torch.Generator().manual_seed(3)
x = torch.randn(2, 3, 7, generator=g)
w = torch.randn(4, 3, 3, generator=g)

def conv1d_naive(x, w):
    # MiniTorch's "reverse=False" conv: out[b, o, t] = sum_{i, k} x[b, i, t + k] * w[o, i, k], zero past the end
    B, C, T = x.shape
    O, _, K = w.shape
    out = torch.zeros(B, O, T)
    xp = F.pad(x, (0, K - 1))
    for t in range(T):
        out[:, :, t] = torch.einsum("bik,oik->bo", xp[:, :, t:t + K], w)
    return out

mine = conv1d_naive(x, w)
ref = F.conv1d(x, w, padding=(0,))
print(mine.shape, ref.shape)
ref_same = F.conv1d(F.pad(x, (0, 2)), w)
torch.testing.assert_close(mine, ref_same)
print(torch.allclose(mine[..., :5], ref, atol=1e-6))
print(F.conv1d(x, w, padding="same").shape, F.conv1d(x, w, padding="valid").shape, F.conv1d(x, w, stride=2).shape)

# %%
# weight layout mistakes: (in, out, k) instead of (out, in, k), a 2-D input, padding="same" with stride
for f in [lambda: F.conv1d(x, w.permute(1, 0, 2)), lambda: F.conv1d(x[0], w).shape, lambda: F.conv1d(x, w[0]),
          lambda: F.conv1d(x, w, padding="same", stride=2), lambda: F.conv1d(x, w, padding="full"),
          lambda: F.conv1d(x, w, padding=-1), lambda: F.conv1d(x[..., :2], w), lambda: F.conv1d(x.double(), w),
          lambda: F.conv1d(x, w, bias=torch.zeros(3)), lambda: F.conv1d(x, w, groups=2),
          lambda: F.conv1d(x, w, dilation=0), lambda: F.conv1d(x, w, stride=0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# conv2d by unfold (im2col) and its gradient vs F.conv2d
x = torch.randn(2, 2, 5, 6, generator=g, requires_grad=True)
w = torch.randn(3, 2, 3, 2, generator=g, requires_grad=True)
b = torch.randn(3, generator=g, requires_grad=True)

def conv2d_unfold(x, w, b, padding=0, stride=1):
    N, C, H, W = x.shape
    O, _, kh, kw = w.shape
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)          # N, C*kh*kw, L
    out = (w.view(O, -1) @ cols) + b.view(1, O, 1)
    Ho = (H + 2 * padding - kh) // stride + 1
    Wo = (W + 2 * padding - kw) // stride + 1
    return out.view(N, O, Ho, Wo)

for pad, st in [(0, 1), (1, 1), (1, 2)]:
    mine = conv2d_unfold(x, w, b, pad, st)
    ref = F.conv2d(x, w, b, padding=pad, stride=st)
    gm = torch.autograd.grad(mine.square().sum(), (x, w, b))
    gr = torch.autograd.grad(ref.square().sum(), (x, w, b))
    print(pad, st, mine.shape, (mine - ref).abs().max() < 1e-5, [(a - c).abs().max().item() < 1e-4 for a, c in zip(gm, gr)])
print(mine.grad_fn.name(), ref.grad_fn.name(), F.unfold(x, 2).grad_fn)
try:
    F.unfold(x[0, 0], 2)
except Exception as e:
    print(type(e).__name__, e)

# %%
# MiniTorch's tile(): (B, C, H, W) -> (B, C, H/kh, W/kw, kh*kw), then avgpool2d / maxpool2d
def tile(t, kernel):
    B, C, H, W = t.shape
    kh, kw = kernel
    t = t.contiguous().view(B, C, H // kh, kh, W // kw, kw)
    t = t.permute(0, 1, 2, 4, 3, 5).contiguous()
    return t.view(B, C, H // kh, W // kw, kh * kw), H // kh, W // kw

x = torch.arange(2 * 1 * 4 * 6, dtype=torch.float32).view(2, 1, 4, 6).requires_grad_()
tiled, nh, nw = tile(x, (2, 3))
avg = tiled.mean(dim=4)
ref = F.avg_pool2d(x, (2, 3))
print(avg.shape, ref.shape, torch.equal(avg, ref), ref.grad_fn)
ga, = torch.autograd.grad(avg.sum(), x)
gr, = torch.autograd.grad(ref.sum(), x)
print(torch.equal(ga, gr), ga[0, 0])
mx = tiled.max(dim=4).values
print(torch.equal(mx, F.max_pool2d(x, (2, 3))), F.max_pool2d(x, (2, 3)).grad_fn)
try:
    tile(x, (3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    x.view(2, 1, 2, 2, 2, 3).permute(0, 1, 2, 4, 3, 5).view(2, 1, 2, 2, 6)
except Exception as e:
    print(type(e).__name__, e)

# %%
# max-pool gradients when a window has ties: F.max_pool2d sends it to one element, amax splits it
x = torch.tensor([[[[1., 1., 2., 0.], [1., 1., 2., 2.], [0., 3., 3., 3.], [3., 0., 3., 3.]]]], requires_grad=True)
out, idx = F.max_pool2d(x, 2, return_indices=True)
out.sum().backward()
print(out, idx, x.grad, sep="\n")
x.grad = None
tiled, _, _ = tile(x, (2, 2))
tiled.amax(dim=-1).sum().backward()
print(x.grad)
x.grad = None
tiled, _, _ = tile(x, (2, 2))
tiled.max(dim=-1).values.sum().backward()
print(x.grad)

# %%
# avg_pool2d options: padding counts or not, ceil_mode, divisor_override, and the learner's errors
x = torch.arange(1., 26.).view(1, 1, 5, 5)
print(F.avg_pool2d(x, 2, padding=1), F.avg_pool2d(x, 2, padding=1, count_include_pad=False))
print(F.avg_pool2d(x, 2, ceil_mode=True), F.avg_pool2d(x, 3, stride=2, divisor_override=1))
print(F.max_pool2d(x, 2, ceil_mode=True), F.max_pool1d(x[0], 2))
for f in [lambda: F.avg_pool2d(x, 2, padding=2), lambda: F.avg_pool2d(x, 6), lambda: F.max_pool2d(x, 0),
          lambda: F.avg_pool2d(x.long(), 2), lambda: F.max_pool2d(x, 2, stride=0), lambda: F.avg_pool2d(x, (2, 2, 2)),
          lambda: F.avg_pool2d(x[0, 0], 2), lambda: F.max_pool2d(x, 2, dilation=0), lambda: F.max_pool2d(x, 3, padding=2)]:
    try:
        print(f().shape)
    except Exception as e:
        print(type(e).__name__, e)
