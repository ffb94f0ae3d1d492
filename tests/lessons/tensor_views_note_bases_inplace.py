# Imitates PyTorch's note "Tensor Views": which ops return views (view, transpose, narrow, unbind, split, expand,
# diagonal, view_as_real, unflatten ...) and which may not (reshape, contiguous, flatten), `_base`,
# `is_contiguous`, `untyped_storage().data_ptr()` sharing, and views + in-place + autograd.
import torch

# %%
t = torch.rand(4, 4)
b = t.view(2, 8)
print(t.untyped_storage().data_ptr() == b.untyped_storage().data_ptr())
b[0][0] = 3.14
print(t[0][0])

# %%
base = torch.tensor([[0, 1], [2, 3]])
print(base.is_contiguous())
t = base.transpose(0, 1)
print(t.is_contiguous(), t._base is base, base._base)
c = t.contiguous()
print(c._base, c.is_contiguous(), t.stride(), c.stride())

# %%
x = torch.arange(12).view(3, 4)
views = {
    "view": x.view(4, 3), "t": x.t(), "narrow": x.narrow(1, 1, 2), "select": x[1], "slice": x[:, 1:3],
    "diagonal": x.diagonal(), "expand": x[:1].expand(2, 4), "unsqueeze": x.unsqueeze(0), "squeeze": x[:1].squeeze(0),
    "permute": x.permute(1, 0), "movedim": x.movedim(0, 1), "unflatten": x.unflatten(1, (2, 2)),
    "unfold": x.unfold(1, 2, 2), "split": x.split(2, 1)[1], "chunk": x.chunk(3)[2], "unbind": x.unbind(1)[3],
    "view_as": x.view_as(torch.empty(2, 6)), "as_strided": x.as_strided((2, 2), (1, 4)), "detach": x.detach(),
    "T": x.T, "mT": x.mT, "swapaxes": x.swapaxes(0, 1), "indices": x.view(-1)[::3],
}
for name, v in views.items():
    print(f"{name:10s} base_is_x={v._base is x} contiguous={v.is_contiguous()} shape={tuple(v.shape)} "
          f"stride={v.stride()} offset={v.storage_offset()}")

# %%
x = torch.arange(12).view(3, 4)
for name, v in {"reshape": x.reshape(4, 3), "reshape_t": x.t().reshape(12), "flatten": x.flatten(),
                "flatten_t": x.t().flatten(), "contiguous": x.contiguous(), "adv_index": x[[0, 2]],
                "bool_index": x[x > 5], "clone": x.clone(), "float": x.float(), "to_same": x.to(torch.int64),
                "ravel": x.ravel(), "view_as_real": torch.view_as_real(torch.zeros(2, dtype=torch.complex64)),
                "real": torch.zeros(2, dtype=torch.complex64).real, "imag": torch.zeros(2, dtype=torch.complex64).imag}.items():
    print(name, v._base is x, v._base is not None, v.is_contiguous())

# %%
x = torch.arange(6.).view(2, 3)
try:
    x.t().view(6)
except RuntimeError as e:
    print(type(e).__name__, e)
print(x.t().reshape(6), x.t().contiguous().view(6))
try:
    x.view(4)
except RuntimeError as e:
    print(type(e).__name__, e)
print(x.view(-1, 2).shape, x.t().is_contiguous(), x.t().contiguous().is_contiguous())
try:
    x.view(-1, -1)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
a = torch.randn(3, 4, requires_grad=True)
b = a.clone()
v = b[1]
print(v.grad_fn, v._base is b, v._version, b._version)
v.mul_(2)
print(v.grad_fn, b.grad_fn, v._version, b._version)
b.sum().backward()
print(a.grad)

# %%
a = torch.randn(2, 3, requires_grad=True)
b = a.clone()
t = b.t()
t[0, 1] = 10.0
print(b, b.grad_fn, t.grad_fn)
b.exp().sum().backward()
print(a.grad)

# %%
a = torch.randn(4, requires_grad=True)
try:
    a[0] = 1.0
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    a.view(2, 2).mul_(2)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    v = a.view(2, 2)
print(v.requires_grad, v._base is a, v.grad_fn)

# %%
a = torch.randn(4, requires_grad=True).clone()
outs = a.unbind(0)
try:
    outs[0].mul_(2)
except RuntimeError as e:
    print(type(e).__name__, e)
parts = a.split(2)
try:
    parts[1].add_(1)
except RuntimeError as e:
    print(type(e).__name__, e)
x = torch.randn(3, requires_grad=True).clone()
d = x.detach()
d.zero_()
print(x, x._version, d._version)
try:
    x.sum().backward()
    print("backward ran")
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
x = torch.randn(3, requires_grad=True)
y = x.exp()
ydet = y.detach()
ydet.add_(1)
try:
    y.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
z = torch.randn(2, 2, requires_grad=True)
w = z.sigmoid()
w.t().mul_(2)
try:
    w.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
