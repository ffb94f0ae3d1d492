# Imitates the PyTorch forum threads and tutorial notebooks on "which sorting ops are differentiable": the
# gradients of torch.topk / kthvalue / sort / argsort (ties, stable=True, descending), torch.searchsorted and
# bucketize for binning (right=, side=, sorter=, out_int32=) as in histogram and piecewise-linear tutorials,
# torch.cummax / cummin for running maxima (drawdown in trading notebooks) and their gradients, with the errors a
# learner hits along the way.
import torch

# %%
x = torch.tensor([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0], requires_grad=True)
vals, idx = torch.topk(x, 3)
print(vals, idx)
(vals * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)
x.grad = None
v, i = x.topk(2, largest=False)
print(v, i, v.grad_fn)
v.sum().backward()
print(x.grad)
for bad in [lambda: x.topk(9), lambda: x.topk(-1), lambda: x.topk(2, dim=1), lambda: torch.topk(x, 2.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
r = torch.topk(x, 3, sorted=False)
print(type(r).__name__, r.values.shape, r.indices.dtype)
print(torch.topk(x.detach(), 0))

# %%
x = torch.tensor([[2.0, 7.0, 7.0, 1.0], [5.0, 5.0, 3.0, 8.0]], requires_grad=True)
kv = torch.kthvalue(x, 2, dim=1)
print(kv)
kv.values.sum().backward()
print(x.grad)
print(torch.kthvalue(x.detach(), 3, 0, keepdim=True) if False else torch.kthvalue(x.detach(), 1, 0, keepdim=True))
for bad in [lambda: torch.kthvalue(x, 5), lambda: torch.kthvalue(x, 0), lambda: x.kthvalue(1, dim=2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
med = x.median(dim=1)
print(med)
x.grad = None
med.values.sum().backward()
print(x.grad)

# %%
t = torch.tensor([2.0, 1.0, 2.0, 0.0, 1.0, 2.0], requires_grad=True)
s, order = torch.sort(t, stable=True)
print(s, order)
s2, order2 = t.sort(descending=True, stable=True)
print(s2, order2)
print(torch.argsort(t, stable=True), torch.argsort(t, descending=True, stable=True))
(s * torch.arange(6.)).sum().backward()
print(t.grad)
w = torch.tensor([[0.3, 0.1], [0.2, 0.4]], requires_grad=True)
sv, si = w.sort(dim=0)
print(sv, si)
sv[0].sum().backward()
print(w.grad)
print(torch.sort(torch.tensor([True, False, True])))
try:
    torch.sort(t, stable=None)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.argsort(t, 1)
except Exception as e:
    print(type(e).__name__, e)
print(torch.msort(w.detach()))

# %%
boundaries = torch.tensor([1, 3, 5, 7, 9])
v = torch.tensor([[3, 6, 9], [3, 6, 9]])
print(torch.searchsorted(boundaries, v))
print(torch.searchsorted(boundaries, v, right=True))
print(torch.searchsorted(boundaries, v, side="right"))
print(torch.searchsorted(boundaries, 6), torch.searchsorted(boundaries, torch.tensor(6)).shape)
print(torch.searchsorted(boundaries, v, out_int32=True).dtype)
unsorted = torch.tensor([9, 1, 7, 3, 5])
sorter = torch.argsort(unsorted)
print(torch.searchsorted(unsorted, torch.tensor([4, 8]), sorter=sorter))
print(torch.bucketize(v, boundaries), torch.bucketize(v, boundaries, right=True))
print(torch.bucketize(torch.tensor([0.5, 3.0, 10.0]), torch.tensor([1.0, 3.0, 5.0])).dtype)
print(torch.bucketize(3, boundaries))
for bad in [lambda: torch.searchsorted(boundaries, v, right=False, side="right"),
            lambda: torch.searchsorted(boundaries, v, side="middle"),
            lambda: torch.searchsorted(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2, 3])),
            lambda: torch.bucketize(v, torch.tensor([[1, 2], [3, 4]])),
            lambda: torch.searchsorted(boundaries.float(), v)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
edges = torch.linspace(0, 1, 5)
torch.manual_seed(0)
samples = torch.rand(10)
bins = torch.bucketize(samples, edges[1:-1])
print(bins, torch.bincount(bins, minlength=4))

# %%
prices = torch.tensor([100.0, 102.0, 101.0, 105.0, 103.0, 105.0, 99.0, 110.0], requires_grad=True)
running_max = torch.cummax(prices, dim=0)
print(running_max)
drawdown = (prices - running_max.values) / running_max.values
print(drawdown)
drawdown.min().backward()
print(prices.grad)
prices.grad = None
cm = prices.cummin(0)
print(cm.values, cm.indices)
cm.values.sum().backward()
print(prices.grad)
print(cm.values.grad_fn)
m = torch.tensor([[1.0, 3.0, 2.0], [4.0, 0.0, 4.0]], requires_grad=True)
vals, inds = torch.cummax(m, dim=1)
print(vals, inds)
vals.sum().backward()
print(m.grad)
print(torch.cummax(torch.tensor([1.0, float("nan"), 0.5]), 0))
for bad in [lambda: torch.cummax(m), lambda: torch.cummax(m, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.cumsum(m, 1).grad_fn, torch.cumprod(m, 1).grad_fn, torch.logcumsumexp(m, 1))

# %%
prices = torch.tensor([10.0, 10.5, 10.5, 10.2, 10.2, 10.8, 11.0, 11.0, 10.9], requires_grad=True)
returns = prices[1:] - prices[:-1]
losses = -returns
print(losses)
print(torch.median(returns), torch.median(losses), torch.nanmedian(losses))
print(losses.median(0), losses.kthvalue(4))
mad = (losses - losses.median()).abs().median()
mad.backward()
print(mad, prices.grad)
