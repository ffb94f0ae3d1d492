# Imitates the "common mistakes" part of a climate-data lesson: integer station counts and masks through nan_to_num,
# nanmean / nansum / nanmedian, deg2rad on integer latitudes, searchsorted with sorter / out_int32, bincount and
# index_add_ misuse, histc / histogram on the wrong dtype, gradients through nan_to_num / where-masked means, and
# fold / unfold / rfft2 given tensors of the wrong rank or dtype.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.tensor([1.0, float("nan"), float("inf"), -float("inf"), 2.0], requires_grad=True)
y = torch.nan_to_num(x, nan=0.0, posinf=100.0, neginf=-100.0)
y.sum().backward()
print(y, y.grad_fn.name(), x.grad)
print(torch.nan_to_num(torch.tensor([1, 2, 3])), torch.nan_to_num(torch.tensor([True, False])))
print(torch.nan_to_num(torch.tensor([float("inf")], dtype=torch.float16)), torch.nan_to_num(torch.tensor([float("-inf")], dtype=torch.float64)))
print(torch.nan_to_num(torch.tensor([complex(float("nan"), float("inf"))])))
z = torch.tensor([[1.0, float("nan")], [3.0, 4.0]])
z.nan_to_num_(nan=-1.0)
print(z)
ints = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.nansum(ints), torch.nansum(ints, 1).dtype, torch.nansum(torch.tensor([True, True])))
try:
    print(torch.nanmean(ints))
except RuntimeError as e:
    print(type(e).__name__, e)
print(ints.nanmedian(), ints.nanmedian(1), torch.tensor([float("nan")] * 4).nanmedian())
print(torch.nanmean(torch.tensor([float("nan"), float("nan")])), torch.nansum(torch.tensor([float("nan")])))
print(torch.nanmean(torch.tensor([[1.0, float("nan")], [float("nan"), float("nan")]]), dim=1, keepdim=True))
print(torch.nansum(torch.tensor([1.5, float("nan")], dtype=torch.float16)), torch.nansum(torch.tensor([1.0, 2.0]), dtype=torch.float64))
print(torch.deg2rad(torch.tensor([0, 45, 90])), torch.rad2deg(torch.tensor([1, 2])).dtype)
print(torch.isnan(torch.tensor([1, 2])), torch.isnan(torch.tensor(float("nan"))), torch.isinf(torch.tensor([float("inf"), 1.0])))

# %%
a = torch.tensor([3.0, float("nan"), 1.0, 7.0, float("nan")], requires_grad=True)
m = torch.where(torch.isnan(a), torch.zeros_like(a), a).sum() / (~torch.isnan(a)).sum()
m.backward()
print(m, a.grad)
b = torch.tensor([3.0, float("nan"), 1.0, 7.0], requires_grad=True)
bm = b.nanmean()
bm.backward()
print(bm, b.grad)
c = torch.tensor([float("nan"), float("nan"), 5.0], requires_grad=True)
c.nanmedian().backward()
print(c.grad)
d = torch.full((2, 5), float("nan"), requires_grad=True)
r = d.nanmedian(1)
r.values.sum().backward()
print(r, d.grad)
e = torch.full((6,), float("nan"), requires_grad=True)
e.nanmedian().backward()
print(e.grad)

# %%
edges = torch.tensor([10.0, 0.0, 30.0, 20.0])
sorter = torch.argsort(edges)
v = torch.tensor([5.0, 15.0, 25.0, 35.0, -1.0])
print(torch.searchsorted(edges, v, sorter=sorter), torch.searchsorted(edges[sorter], v, out_int32=True, right=True))
print(torch.searchsorted(torch.tensor([[0.0, 1.0, 2.0], [0.0, 10.0, 20.0]]), torch.tensor([[0.5, 1.5], [5.0, 25.0]])))
print(torch.searchsorted(edges[sorter], 12.0), torch.bucketize(12.0, edges[sorter]))
try:
    torch.searchsorted(edges, v, side="left", right=True)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.searchsorted(edges.int(), v)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.bincount(torch.tensor([0.0, 1.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.bincount(torch.tensor([[0, 1]]))
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.bincount(torch.tensor([], dtype=torch.long)), torch.bincount(torch.tensor([2, 2]), weights=torch.tensor([0.5, 0.25], dtype=torch.float16)))
print(torch.bincount(torch.tensor([0, 3]), weights=torch.tensor([1, 2])), torch.bincount(torch.tensor([1, 1]), minlength=0))
acc = torch.zeros(3, 2)
try:
    acc.index_add_(0, torch.tensor([0, 1]), torch.ones(2, 2, dtype=torch.float64))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    acc.index_add_(0, torch.tensor([0, 5]), torch.ones(2, 2))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
try:
    acc.index_add_(0, torch.tensor([0.0, 1.0]), torch.ones(2, 2))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
try:
    acc.index_add_(0, torch.tensor([0, 1]), torch.ones(2, 3))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
print(acc.index_add(1, torch.tensor([1, 1, 0]), torch.arange(9.0).view(3, 3), alpha=2))

# %%
t = torch.randn(20)
try:
    torch.histc(t, bins=0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.histc(t, bins=4, min=2, max=1)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.histc(t.double(), bins=3, min=-1, max=1), torch.histc(torch.zeros(3), bins=2))
try:
    torch.histogram(t.int(), bins=3)
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    torch.histogram(t, bins=3, range=(1.0, 0.0))
except RuntimeError as e:
    print(type(e).__name__, e)
hq = t.clone().requires_grad_(True)
try:
    print(torch.histc(hq, bins=3))
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.histogram(hq.detach(), bins=3, density=True).hist.sum())
try:
    F.unfold(torch.randn(1, 1, 4, 4, 4), kernel_size=2)
except (RuntimeError, NotImplementedError) as e:
    print(type(e).__name__, e)
print(F.unfold(torch.randn(1, 4, 4), kernel_size=2).shape, F.fold(torch.randn(4, 9), (4, 4), 2).shape)
try:
    F.fold(torch.randn(1, 5, 9), (4, 4), 2)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.fft.rfft2(torch.arange(12).view(3, 4))
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.fft.rfft2(torch.arange(12).view(3, 4)).dtype, torch.fft.rfft2(torch.ones(3, 4, dtype=torch.float64)).dtype)
print(torch.fft.fftfreq(3, requires_grad=True), torch.fft.rfftfreq(4, d=torch.tensor(0.5).item()))
