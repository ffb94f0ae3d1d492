# Imitates MiniTorch module 2/4 (minitorch.github.io: tensor reductions; "max" and argmax in module 4's nn.py) and the
# course's test_nn.py checks: sum/mean/max over a dim with keepdim against torch, argmax on ties, and how torch
# splits the gradient of a max between tied entries (amax / max() vs max(dim) vs the one-hot argmax trick).
import torch

t = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)
for dim in (0, 1, -1):
    for keepdim in (False, True):
        print(dim, keepdim, t.sum(dim, keepdim=keepdim).shape, t.mean(dim=dim, keepdim=keepdim),
              t.max(dim, keepdim)[0].shape)
print(t.sum(), t.mean(), t.sum(dim=(0, 1)), t.sum(()), t.mean(dim=[]), t.sum(dim=(0, 1), keepdim=True))

# %%
# argmax with ties: torch returns the first index
x = torch.tensor([[1., 3., 3.], [2., 2., 0.], [5., 5., 5.]])
print(x.argmax(), x.argmax(dim=1), x.argmax(dim=0), x.argmax(dim=1, keepdim=True), x.argmin(1))
print(x.max(dim=1), x.min(dim=0))
print(torch.max(x, 1, keepdim=True).indices, x.topk(2, dim=1).indices)
v, i = x.max(dim=1)
print(v.dtype, i.dtype, type(x.max(1)).__name__)
print(torch.tensor([float('nan'), 1., 2.]).argmax(), torch.tensor([1., float('nan'), float('nan')]).max(0))

# %%
# gradients at ties: full max() and amax split evenly, max(dim) sends it to one index
def grad_of(f, x):
    x = x.clone().requires_grad_()
    f(x).sum().backward()
    return x.grad

x = torch.tensor([[1., 3., 3.], [2., 2., 0.], [5., 5., 5.]])
print(grad_of(lambda x: x.max(), x))
print(grad_of(lambda x: x.amax(dim=1), x))
print(grad_of(lambda x: x.amax(dim=(0, 1)), x))
print(grad_of(lambda x: x.max(dim=1).values, x))
print(grad_of(lambda x: x.max(dim=0)[0], x))
print(grad_of(lambda x: torch.max(x, dim=1, keepdim=True).values, x))
print(grad_of(lambda x: x.min(), x))
print(grad_of(lambda x: x.amin(0), x))
print(grad_of(lambda x: torch.maximum(x, x.flip(1)), x))
print(grad_of(lambda x: x.clamp(min=2.0), x))
print(grad_of(lambda x: torch.logsumexp(x * 100, dim=1) / 100, x))

# %%
# MiniTorch's argmax as a one-hot (x == max) and its "max" Function whose backward uses it
def argmax_onehot(x, dim):
    return x == x.max(dim=dim, keepdim=True).values
x = torch.tensor([[1., 3., 3.], [2., 2., 0.]])
oh = argmax_onehot(x, 1)
print(oh, oh.dtype, oh.float().sum(1))

class Max(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, dim):
        out = x.max(dim=dim, keepdim=True).values
        ctx.save_for_backward(x, out)
        ctx.dim = dim
        return out
    @staticmethod
    def backward(ctx, g):
        x, out = ctx.saved_tensors
        return (x == out).float() * g, None

xr = x.clone().requires_grad_()
y = Max.apply(xr, 1)
print(y, y.grad_fn.__class__.__name__)
y.sum().backward()
print(xr.grad)
xr2 = x.clone().requires_grad_()
print(torch.autograd.gradcheck(lambda a: Max.apply(a, 1), (torch.rand(2, 3, dtype=torch.float64, requires_grad=True),)))

# %%
# errors learners hit with reductions
x = torch.arange(6.).reshape(2, 3)
for f in [lambda: x.sum(2), lambda: x.max(dim=3), lambda: x.mean(dim=-3), lambda: torch.arange(6).mean(),
          lambda: x.argmax(dim=(0, 1)), lambda: torch.empty(0).max(), lambda: torch.empty(0, 3).max(0),
          lambda: torch.empty(0, 3).max(1), lambda: torch.empty(0).sum(), lambda: torch.empty(0).mean(),
          lambda: torch.empty(0).argmax(), lambda: x.sum(0, 1), lambda: x.max(1, True, True),
          lambda: x.amax(), lambda: x.amax(dim=(1, 1)), lambda: x.sum(dim=(1, 1)), lambda: torch.arange(6).sum().dtype,
          lambda: torch.tensor([True, True]).sum(), lambda: torch.arange(6, dtype=torch.int32).sum().dtype]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# mean/var gradients and keepdim shapes in a layer-norm written by hand
torch.manual_seed(0)
h = torch.randn(2, 5, requires_grad=True)
mu = h.mean(dim=1, keepdim=True)
var = ((h - mu) ** 2).mean(dim=1, keepdim=True)
out = (h - mu) / (var + 1e-5).sqrt()
ref = torch.nn.functional.layer_norm(h, (5,))
torch.testing.assert_close(out, ref, rtol=1e-4, atol=1e-5)
g1, = torch.autograd.grad((out * torch.arange(5.)).sum(), h)
g2, = torch.autograd.grad((ref * torch.arange(5.)).sum(), h)
torch.testing.assert_close(g1, g2, rtol=1e-4, atol=1e-5)
print(mu.shape, var.shape, g1.abs().sum() > 0)
