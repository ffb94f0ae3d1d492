# Imitates a "segment reductions and binning" lab: scatter_reduce with sum / prod / mean / amax / amin and
# include_self True and False, index_reduce, take_along_dim, bucketize and searchsorted (right, side, sorter),
# histc, unique_consecutive with counts and inverse, with gradients through the differentiable ones and the
# errors learners meet.
import torch

# %%
src = torch.tensor([1., 2., 3., 4., 5., 6.])
idx = torch.tensor([0, 1, 0, 1, 2, 1])
for reduce in ("sum", "prod", "mean", "amax", "amin"):
    for inc in (True, False):
        out = torch.full((4,), 10.).scatter_reduce(0, idx, src, reduce=reduce, include_self=inc)
        print(reduce, inc, out)
m = torch.zeros(2, 3).scatter_reduce(1, torch.tensor([[0, 0, 2], [1, 1, 1]]), torch.tensor([[1., 2., 3.], [4., 5., 6.]]),
                                     "mean", include_self=False)
print(m)
ii = torch.tensor([0, 1, 0, 1, 2, 1])
print(torch.zeros(3, dtype=torch.long).scatter_reduce(0, ii, torch.arange(6), "mean"))
print(torch.ones(3, dtype=torch.long).scatter_reduce_(0, ii, torch.arange(1, 7), "prod", include_self=False))

# %%
sg = torch.tensor([1., 2., 3., 4., 5., 6.], requires_grad=True)
base = torch.tensor([0.5, 4., 0., 1.], requires_grad=True)
for reduce in ("sum", "prod", "mean", "amax", "amin"):
    for inc in (True, False):
        sg.grad = None
        base.grad = None
        out = base.scatter_reduce(0, idx, sg, reduce=reduce, include_self=inc)
        (out * torch.tensor([1., 2., 3., 4.])).sum().backward()
        print(reduce, inc, type(out.grad_fn).__name__, sg.grad, base.grad)
try:
    torch.zeros(3).scatter_reduce(0, idx, src, reduce="max")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3).scatter_reduce(0, idx, src, "sum ")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3).scatter_reduce(0, idx.float(), src, "sum")
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.ones(5, 3)
t = torch.tensor([[1., 2., 3.], [4., 5., 6.], [7., 8., 9.], [10., 11., 12.]])
index = torch.tensor([0, 4, 2, 0])
print(x.index_reduce(0, index, t, 'prod'))
print(x.index_reduce(0, index, t, 'prod', include_self=False))
print(x.index_reduce(0, index, t, 'mean'), x.index_reduce(0, index, t, 'amax', include_self=False))
print(torch.zeros(3, 2).index_reduce_(1, torch.tensor([1, 1, 0]), torch.arange(9.).view(3, 3), 'amin'))
xg = torch.ones(5, 3, requires_grad=True)
tg = t.clone().requires_grad_()
for reduce in ("prod", "mean", "amax", "amin"):
    xg.grad = None
    tg.grad = None
    r = xg.index_reduce(0, index, tg, reduce)
    r.sum().backward()
    print(reduce, type(r.grad_fn).__name__, xg.grad[0], tg.grad[:, 0])
try:
    x.index_reduce(0, index, t, 'sum')
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([[10., 30., 20.], [60., 40., 50.]], requires_grad=True)
mi = a.argmax(dim=1, keepdim=True)
print(torch.take_along_dim(a, mi, dim=1))
si = a.argsort(dim=1)
tk = torch.take_along_dim(a, si, dim=1)
print(tk, type(tk.grad_fn).__name__)
print(torch.take_along_dim(a, torch.tensor([0, 5, 2])))
print(a.take_along_dim(torch.tensor([[0], [2]]), 1), torch.take_along_dim(a, torch.tensor([[2, 0, 1]]), 1))
(tk * torch.tensor([1., 2., 3.])).sum().backward()
print(a.grad)
try:
    torch.take_along_dim(a, torch.tensor([[0.]]), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.take_along_dim(a, torch.tensor([[0, 1], [1, 0], [0, 0]]), 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
b = torch.tensor([1., 3., 5., 7., 9.])
v = torch.tensor([[3., 6., 9.], [3., 6., 9.]])
print(torch.bucketize(v, b), torch.bucketize(v, b, right=True), torch.bucketize(v, b, out_int32=True).dtype)
print(torch.bucketize(4.0, b), torch.bucketize(torch.tensor(9), b, right=True))
print(torch.searchsorted(b, v), torch.searchsorted(b, v, right=True), torch.searchsorted(b, v, side='right'))
s2 = torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]])
print(torch.searchsorted(s2, torch.tensor([[3, 6, 9], [3, 6, 9]])), torch.searchsorted(b, 5))
uns = torch.tensor([9., 1., 7., 3., 5.])
sorter = torch.argsort(uns)
print(torch.searchsorted(uns, torch.tensor([2., 8.]), sorter=sorter), torch.searchsorted(uns, torch.tensor([5.]), side='left', sorter=sorter))
for bad in (lambda: torch.searchsorted(b, v, side='middle'), lambda: torch.searchsorted(b, v, right=False, side='right'),
            lambda: torch.searchsorted(s2, torch.tensor([1, 2])), lambda: torch.bucketize(v, s2),
            lambda: torch.searchsorted(uns, v, sorter=torch.tensor([0, 1]))):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
z = torch.randn(1000)
h = torch.histc(z, bins=8, min=-2, max=2)
print(h, h.dtype, h.sum())
print(torch.histc(torch.tensor([1., 2., 1.]), bins=4, min=0, max=3), torch.histc(torch.tensor([1., 2., 1.]), bins=4))
print(torch.histc(torch.tensor([2., 2.]), bins=3), z.histc(5))
for bad in (lambda: torch.histc(z, bins=0), lambda: torch.histc(z, 4, min=3, max=1), lambda: torch.histc(torch.arange(5), 3)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
u = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
print(torch.unique_consecutive(u))
out, inv = torch.unique_consecutive(u, return_inverse=True)
print(out, inv)
out, cnt = torch.unique_consecutive(u, return_counts=True)
print(out, cnt)
print(torch.unique_consecutive(u, return_inverse=True, return_counts=True))
g = torch.tensor([[1, 1, 2], [1, 1, 2], [3, 3, 3], [1, 1, 2]])
print(torch.unique_consecutive(g, dim=0, return_counts=True), torch.unique_consecutive(g, return_inverse=True, dim=1))
print(u.unique_consecutive(return_counts=True), torch.unique_consecutive(torch.tensor([])).shape)
print(torch.unique_consecutive(torch.tensor([0.5, 0.5, float('nan'), float('nan')])))

# %%
xs = torch.ones(3, 2)
for bad in (lambda: xs.index_reduce(0., torch.tensor([0]), xs[:1], 'prod'),
            lambda: xs.index_reduce(0, torch.tensor([0]), xs[:1], 'amax', include_self=0),
            lambda: xs.index_reduce(0, torch.tensor([0]), xs[:1], 3),
            lambda: torch.take_along_dim(xs, [0]), lambda: torch.take_along_dim(xs, torch.tensor([[0]]), 1.)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
