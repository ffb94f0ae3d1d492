# Imitates MiniTorch module 2 (minitorch.github.io, "Tensors"): the student's TensorData (strides, index_to_position,
# permute, is_contiguous) and shape_broadcast are checked against real torch's strides, views and broadcasting errors.
import torch

t = torch.arange(24.).reshape(2, 3, 4)
print(t.shape, t.stride(), t.is_contiguous(), t.storage_offset())
p = t.permute(2, 0, 1)
print(p.shape, p.stride(), p.is_contiguous(), p.contiguous().stride())
print(t.stride(0), t.stride(-1), p.stride(dim=1))

# %%
# index_to_position: sum(index * stride) + offset
def index_to_position(index, strides, offset=0):
    return offset + sum(i * s for i, s in zip(index, strides))
s = t[1, 1:, ::2]
print(s.shape, s.stride(), s.storage_offset(), s.is_contiguous())
flat = t.flatten()
for idx in [(0, 0), (1, 1), (0, 1)]:
    print(idx, s[idx].item(), flat[index_to_position(idx, s.stride(), s.storage_offset())].item())
print(t.untyped_storage().nbytes(), s.untyped_storage().data_ptr() == t.untyped_storage().data_ptr())

# %%
# view on a non-contiguous tensor: the classic error, then reshape / contiguous
try:
    p.view(24)
except Exception as e:
    print(type(e).__name__, e)
print(p.reshape(24)[:6], p.contiguous().view(4, 6).shape)
try:
    t.view(5, 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.view(-1, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.permute(0, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.permute(0, 1, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.permute(0, 1, 3)
except Exception as e:
    print(type(e).__name__, e)
print(t.transpose(0, 2).is_contiguous(), t.t() if t.dim() == 2 else t.mT.shape, t.mT.stride())

# %%
# shape_broadcast
def shape_broadcast(a, b):
    return tuple(torch.broadcast_shapes(a, b))
for a, b in [((1,), (5, 5)), ((5, 5), (1,)), ((1, 5, 5), (5, 5)), ((5, 1, 5, 1), (1, 5, 1, 5)), ((2, 5), (5,)),
             ((), (3, 1)), ((0,), (1,)), ((5, 2), (5,)), ((2, 3), (3, 2)), ((0,), (2,))]:
    try:
        print(a, b, "->", shape_broadcast(a, b))
    except Exception as e:
        print(a, b, type(e).__name__, e)

# %%
a = torch.ones(5, 2)
b = torch.ones(5)
for f in [lambda: a + b, lambda: a * b.unsqueeze(0), lambda: torch.broadcast_tensors(a, b),
          lambda: a.expand(3, 5), lambda: a.expand(1, 5, 2).shape, lambda: b.expand(2, -1).stride(),
          lambda: a.expand(-1, 2, 2), lambda: a.expand(5), lambda: torch.ones(1, 3).expand(4, 3).is_contiguous(),
          lambda: a.expand_as(torch.ones(3, 5, 2)).stride(), lambda: b.unsqueeze(1).expand(5, 3) + 0,
          lambda: torch.ones(2, 3).add_(torch.ones(4, 2, 3)), lambda: torch.ones(1, 3).add_(torch.ones(2, 3))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# expanded tensors are views with stride 0: writes through them, and backward sums the expanded dims
x = torch.tensor([1., 2., 3.], requires_grad=True)
e = x.expand(4, 3)
print(e.stride(), e.grad_fn, e._base is x, e.is_leaf)
(e * torch.arange(12.).view(4, 3)).sum().backward()
print(x.grad)
try:
    torch.zeros(3).expand(2, 3).add_(1)
except Exception as e:
    print(type(e).__name__, e)
y = torch.zeros(2, 1).expand(2, 3).clone()
y[0, 0] = 5
print(y, y.stride())

# %%
# zip / map / reduce with broadcasting and gradients of broadcasted inputs
a = torch.randn(3, 1, requires_grad=True, generator=torch.Generator().manual_seed(1))
b = torch.randn(1, 4, requires_grad=True, generator=torch.Generator().manual_seed(2))
out = (a * b + a - b).sum()
out.backward()
print(a.grad.shape, b.grad.shape, torch.allclose(a.grad, b.detach().sum() + 4 * torch.ones(3, 1)))
print(b.grad)
c = torch.ones(2, 3, requires_grad=True)
(c + torch.ones(4, 2, 3)).backward(torch.ones(4, 2, 3))
print(c.grad)
try:
    (c + torch.ones(4, 2, 3)).backward(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
