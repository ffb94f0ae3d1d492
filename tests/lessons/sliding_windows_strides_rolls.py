# Imitates a "strides and sliding windows" notebook: Tensor.unfold for 1-D and 2-D windows, as_strided with a
# storage_offset (and the out-of-bounds error), tensor_split with indices and sections, movedim / moveaxis with
# lists, roll over several dims, rot90 with negative k, diagonal with offset and dims, diag_embed, printing
# shapes, strides, is_contiguous() and grad_fn names, with gradients through the views.
import torch

# %%
torch.manual_seed(0)
t = torch.arange(10.)
w = t.unfold(0, 4, 2)
print(w, w.shape, w.stride(), w.is_contiguous(), w.storage_offset())
img = torch.arange(24.).view(4, 6)
p = img.unfold(0, 2, 2).unfold(1, 3, 3)
print(p.shape, p.stride(), p.is_contiguous())
print(p[1, 0])
print(torch.arange(5.).unfold(0, 5, 1), torch.arange(5.).unfold(0, 2, 3))

# %%
x = torch.randn(12, requires_grad=True)
win = x.unfold(0, 3, 1)
print(type(win.grad_fn).__name__, win.shape)
(win * torch.arange(3.)).sum().backward()
print(x.grad)
try:
    torch.arange(5.).unfold(0, 6, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.arange(5.).unfold(0, 2, 0)
except Exception as e:
    print(type(e).__name__, e)

# %%
base = torch.arange(12.)
s = base.as_strided((3, 3), (3, 1), 2)
print(s, s.stride(), s.storage_offset(), s.is_contiguous())
s2 = torch.as_strided(base, (4, 3), (2, 1))
print(s2, s2.is_contiguous())
s3 = base.view(3, 4).as_strided((2, 2), (1, 4), 1)
print(s3)
xg = torch.randn(8, requires_grad=True)
ov = xg.as_strided((3, 4), (2, 1))
print(type(ov.grad_fn).__name__)
ov.sum().backward()
print(xg.grad)
for bad in (lambda: base.as_strided((4, 4), (4, 1)), lambda: base.as_strided((3, 3), (3, 1), 4),
            lambda: base.as_strided((2, 2), (1, 1), -1), lambda: base.as_strided((2, 2), (1,))):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
a = torch.arange(10)
print(torch.tensor_split(a, 3))
print(torch.tensor_split(a, [2, 5, 9]))
print(a.tensor_split((1, 1, 4)))
print(torch.tensor_split(a, torch.tensor([3, 7])))
print(torch.tensor_split(a, torch.tensor(4)))
m = torch.arange(14.).view(2, 7)
print(torch.tensor_split(m, 3, dim=1))
print([c.stride() for c in m.tensor_split([1, 6], dim=1)], [c.is_contiguous() for c in m.tensor_split(2, 1)])
mg = m.clone().requires_grad_()
parts = mg.tensor_split(3, dim=1)
print([type(q.grad_fn).__name__ for q in parts])
(parts[0].sum() * 2 + parts[2].sum()).backward()
print(mg.grad)
try:
    torch.tensor_split(a, 0)
except Exception as e:
    print(type(e).__name__, e)

# %%
v = torch.randn(2, 3, 4, 5)
print(torch.movedim(v, [0, 1], [2, 3]).shape, v.movedim(1, -1).stride(), torch.moveaxis(v, (0, 3), (3, 0)).shape)
print(torch.movedim(v, (1, 2), (0, 1)).is_contiguous(), v.moveaxis(-1, 0).stride())
try:
    torch.movedim(v, [0, 0], [1, 2])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.movedim(v, [0, 1], [1])
except Exception as e:
    print(type(e).__name__, e)
r = torch.arange(12).view(3, 4)
print(torch.roll(r, shifts=(1, -1), dims=(0, 1)))
print(r.roll(5), r.roll((2, 1), (1, 1)), torch.roll(r, -1, 0))
rg = torch.randn(3, 4, requires_grad=True)
ro = torch.roll(rg, (1, 2), (0, 1))
print(type(ro.grad_fn).__name__)
(ro * torch.arange(12.).view(3, 4)).sum().backward()
print(rg.grad)

# %%
q = torch.arange(6).view(2, 3)
for k in (1, -1, 2, -3, 4, 5):
    o = torch.rot90(q, k)
    print(k, o.tolist(), o.stride(), o.is_contiguous())
print(torch.rot90(torch.arange(8).view(2, 2, 2), -1, (1, 2)))
qg = torch.randn(2, 3, requires_grad=True)
out = qg.rot90(-1)
print(type(out.grad_fn).__name__)
(out * torch.arange(6.).view(3, 2)).sum().backward()
print(qg.grad)
for bad in (lambda: torch.rot90(q, 1, (0, 0)), lambda: torch.rot90(q, 1, (0,)), lambda: torch.rot90(torch.arange(3), 1)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
d = torch.arange(24.).view(2, 3, 4)
print(torch.diagonal(d, 0, 1, 2), torch.diagonal(d, offset=1, dim1=1, dim2=2))
print(d.diagonal(-1, 2, 1), d.diagonal(offset=2, dim1=0, dim2=2), d.diagonal(5, 1, 2).shape)
dv = d.diagonal(1, 0, 2)
print(dv.stride(), dv.storage_offset(), dv.is_contiguous())
e = torch.arange(1., 7.).view(2, 3)
print(torch.diag_embed(e))
print(torch.diag_embed(e, offset=1).shape, torch.diag_embed(e, offset=-1, dim1=0, dim2=2))
print(torch.diag_embed(e, 1, 0, 1).shape)
eg = e.clone().requires_grad_()
de = torch.diag_embed(eg, offset=1, dim1=-1, dim2=0)
print(de.shape, type(de.grad_fn).__name__)
(de * torch.arange(float(de.numel())).view(de.shape)).sum().backward()
print(eg.grad)
dg = d.clone().requires_grad_()
dd = dg.diagonal(-1, 1, 2)
print(type(dd.grad_fn).__name__)
dd.pow(2).sum().backward()
print(dg.grad[1])
try:
    d.diagonal(0, 1, 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
# the argument mistakes of the exercises: a bool or a float where an int goes, a tensor offset, rotation dims
z = torch.arange(24.).view(2, 3, 4)
for bad in (lambda: z.diagonal(True), lambda: torch.diagonal(z, 1.0), lambda: torch.diag_embed(z[0], True),
            lambda: z.select(0, True), lambda: z.as_strided((2,), (1,), 1.5), lambda: torch.as_strided(z, (2.,), (1,)),
            lambda: z.as_strided((2,), (1,), torch.tensor(3)), lambda: torch.rot90(z, 1, [-1, 2]),
            lambda: torch.rot90(z, 1, (0, -3)), lambda: z.take_along_dim(torch.tensor([[[0]]]), dim=True)):
    try:
        r = bad()
        print(r.shape, r.stride(), r.storage_offset())
    except Exception as e:
        print(type(e).__name__, e)
